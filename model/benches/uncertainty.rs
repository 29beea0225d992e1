//! The Monte Carlo: 5,000 samples with 5 ranges over 36 months, and 20,000
//! samples with growth ranged over 120 months (targets: 20 ms and 200 ms).

use clusterplan_model::{Scenario, calculate, parse_input};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const FIVE_RANGES: &str = r#"{"uncertainty": {"samples": 5000, "seed": 1, "ranges": [
    {"field": "self_hosted.routine_hours_per_cluster_month", "low": 10, "high": 40},
    {"field": "self_hosted.incidents_per_cluster_month", "low": 0.5, "high": 4},
    {"field": "self_hosted.setup_hours", "low": 300, "high": 1500},
    {"field": "team.annual_cost_usd", "low": 150000, "high": 260000},
    {"field": "workers.headroom_pct", "low": 10, "high": 50}]}}"#;

const GROWTH_120: &str = r#"{"horizon_months": 120, "growth": {"workload_pct_per_year": 30},
    "uncertainty": {"samples": 20000, "seed": 1, "ranges": [
    {"field": "growth.workload_pct_per_year", "low": 0, "high": 80}]}}"#;

fn scenario(json: &str) -> Scenario {
    let input = parse_input(json.as_bytes()).expect("bench input parses");
    Scenario::try_from(input).expect("bench input is valid")
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("uncertainty");
    group.sample_size(10);
    let five = scenario(FIVE_RANGES);
    group.bench_function("5000_samples_5_ranges_36_months", |b| {
        b.iter(|| calculate(black_box(&five)))
    });
    let growth = scenario(GROWTH_120);
    group.bench_function("20000_samples_growth_120_months", |b| {
        b.iter(|| calculate(black_box(&growth)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
