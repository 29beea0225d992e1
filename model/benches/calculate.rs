//! One full calculation (evaluation, break-even and sensitivity included), for the
//! all-defaults scenario and for §8's break-even case; plus the whole JSON path.

use clusterplan_model::{Scenario, calculate, calculate_json, parse_input};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const BREAKEVEN: &str = r#"{"clusters": 20,
    "workers": {"workload": {"cpu_request_cores": 200, "memory_request_gib": 800, "pods": 2000}},
    "self_hosted": {"worker_hourly_usd": 0.08}}"#;

fn scenario(json: &str) -> Scenario {
    let input = parse_input(json.as_bytes()).expect("bench input parses");
    Scenario::try_from(input).expect("bench input is valid")
}

fn bench(c: &mut Criterion) {
    let defaults = scenario("{}");
    let breakeven = scenario(BREAKEVEN);
    c.bench_function("calculate/defaults", |b| {
        b.iter(|| calculate(black_box(&defaults)))
    });
    c.bench_function("calculate/breakeven", |b| {
        b.iter(|| calculate(black_box(&breakeven)))
    });
    c.bench_function("calculate_json/breakeven", |b| {
        b.iter(|| calculate_json(black_box(BREAKEVEN.as_bytes())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
