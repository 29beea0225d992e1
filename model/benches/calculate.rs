//! One full calculation (evaluation, break-even and sensitivity included), for the
//! all-defaults scenario, for §8's break-even case and for the largest v2 case
//! (120 months, growth, 20 line items); plus the whole JSON path.

use clusterplan_model::{Scenario, calculate, calculate_json, parse_input};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const BREAKEVEN: &str = r#"{"clusters": 20,
    "workers": {"workload": {"cpu_request_cores": 200, "memory_request_gib": 800, "pods": 2000}},
    "self_hosted": {"worker_hourly_usd": 0.08}}"#;

/// 120 months with growth, Auto Mode, Spot and 20 line items: the largest v2 case.
fn growth_case() -> String {
    let items: Vec<String> = (0..20)
        .map(|i| {
            let per = ["month", "cluster", "node"][i % 3];
            format!(
                r#"{{"name": "Item {i}", "per": "{per}", "monthly_usd": {i}, "one_off_usd": 100}}"#
            )
        })
        .collect();
    format!(
        r#"{{"horizon_months": 120, "growth": {{"workload_pct_per_year": 40}},
            "eks": {{"auto_mode": true, "spot_share_pct": 30}}, "self_hosted": {{"spot_share_pct": 30}},
            "line_items": [{}]}}"#,
        items.join(",")
    )
}

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
    let growth = scenario(&growth_case());
    c.bench_function("calculate/v2_120_months_growth_20_items", |b| {
        b.iter(|| calculate(black_box(&growth)))
    });
    c.bench_function("calculate_json/breakeven", |b| {
        b.iter(|| calculate_json(black_box(BREAKEVEN.as_bytes())))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
