//! The largest fleet (model v3): 20 groups × 10 pools over 120 months with workload
//! and cluster growth, one full calculation (sensitivity included; break-even is
//! null with several groups, so a one-group fleet of 10 pools times it too), and a
//! 5,000-sample Monte Carlo over the same fleet (targets: 200 µs and 100 ms). Its
//! groups repeat the same ten pools, which sizing counts once per shape; the same
//! fleet with every group's workloads scaled differently times 200 distinct pools.

use clusterplan_model::{Scenario, calculate, parse_input};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use std::hint::black_box;

const TYPES: [&str; 5] = [
    "m6i.xlarge",
    "c7i.4xlarge",
    "r7i.2xlarge",
    "t3.large",
    "m7g.xlarge",
];

/// `groups` groups of 10 pools each: EC2 pools of several types sized from their
/// workloads (one with its own Spot share) and one Fargate pool per group. With
/// `distinct`, group `g`'s workloads are `g + 1` times the first group's.
fn fleet(groups: usize, distinct: bool) -> Value {
    let groups: Vec<Value> = (0..groups)
        .map(|g| {
            let s = if distinct { g + 1 } else { 1 };
            let pools: Vec<Value> = (0..10)
                .map(|p| {
                    let load = json!({"cpu_request_cores": (8 + 4 * p) * s,
                        "memory_request_gib": (32 + 8 * p) * s, "pods": (60 + 10 * p) * s});
                    match p {
                        9 => json!({"name": "batch", "compute": "fargate", "workload": load}),
                        _ => json!({"name": format!("pool-{p}"), "instance_type": TYPES[p % TYPES.len()],
                            "workload": load, "spot_share_pct": if p == 3 { json!(100) } else { Value::Null }}),
                    }
                })
                .collect();
            json!({"name": format!("group-{g}"), "clusters": 1 + g % 4, "clusters_added_per_year": 1, "pools": pools})
        })
        .collect();
    json!({"horizon_months": 120, "growth": {"workload_pct_per_year": 30}, "fleet": groups})
}

fn scenario(input: &Value) -> Scenario {
    let input = parse_input(input.to_string().as_bytes()).expect("bench input parses");
    Scenario::try_from(input).expect("bench input is valid")
}

fn bench(c: &mut Criterion) {
    let largest = scenario(&fleet(20, false));
    c.bench_function("fleet/20_groups_10_pools_120_months", |b| {
        b.iter(|| calculate(black_box(&largest)))
    });
    let distinct = scenario(&fleet(20, true));
    c.bench_function("fleet/20_groups_10_distinct_pools_120_months", |b| {
        b.iter(|| calculate(black_box(&distinct)))
    });
    let one = scenario(&fleet(1, false));
    c.bench_function("fleet/1_group_10_pools_120_months_breakeven", |b| {
        b.iter(|| calculate(black_box(&one)))
    });
    let mut monte_carlo = fleet(20, false);
    monte_carlo["uncertainty"] = json!({"samples": 5000, "seed": 1, "ranges": [
        {"field": "self_hosted.routine_hours_per_cluster_month", "low": 10, "high": 40},
        {"field": "self_hosted.incidents_per_cluster_month", "low": 0.5, "high": 4},
        {"field": "prices.spot_discount_pct", "low": 40, "high": 70},
        {"field": "prices.fargate_vcpu_hour_usd", "low": 0.03, "high": 0.05},
        {"field": "team.annual_cost_usd", "low": 150000, "high": 260000}]});
    let monte_carlo = scenario(&monte_carlo);
    let mut group = c.benchmark_group("fleet_uncertainty");
    group.sample_size(10);
    group.bench_function("5000_samples_20_groups_10_pools_120_months", |b| {
        b.iter(|| calculate(black_box(&monte_carlo)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
