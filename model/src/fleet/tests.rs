//! Sizing gives, to the bit, what the month-by-month definition gives: every pool
//! counted in every month and added in pool order, every group in group order,
//! every month in month order. The fast paths (shapes counted once, groups alike
//! shared, whole-number sums in any order, `v·nodes`) must not move a result.

use super::{GroupPlan, Horizon, Month, PerCluster, PoolTerms, SizedFleet, SizingOptions};
use super::{clusters_at, initial_clusters};
use crate::capacity::growth_factors;
use crate::output::OptionName;
use crate::params::Params;
use crate::{Scenario, parse_input};
use serde_json::{Value, json};

const OPTIONS: [OptionName; 2] = [OptionName::Eks, OptionName::SelfHosted];

/// Both options' months, by the definition.
fn months(groups: &[GroupPlan], params: &Params, initial: &[f64]) -> [Vec<Month>; 2] {
    let factors = growth_factors(params.growth, params.horizon_months);
    OPTIONS.map(|option| {
        let options = SizingOptions::new(option, params);
        let terms = |pool| PoolTerms::new(pool, &options);
        (0..factors.len())
            .map(|k| {
                let mut month = Month::one(0.0, PerCluster::default());
                for (group, &start) in groups.iter().zip(initial) {
                    let mut per_cluster = PerCluster::default();
                    for t in group.pools.iter().map(terms) {
                        per_cluster.add(&t.each, t.curve.at(factors[k]));
                    }
                    let clusters = clusters_at(group, start, k);
                    month.clusters += clusters;
                    month.fleet.add(&per_cluster, clusters);
                }
                month
            })
            .collect()
    })
}

fn sum(months: &[Month]) -> Month {
    let mut total = Month {
        months: 0.0,
        clusters: 0.0,
        fleet: PerCluster::default(),
    };
    for month in months {
        total.months += month.months;
        total.clusters += month.clusters;
        total.fleet.add(&month.fleet, 1.0);
    }
    total
}

/// Both options' horizon sums as the headroom's re-sizing defines them: pool by
/// pool, each pool's clusters-weighted count summed in month order.
fn resized(groups: &[GroupPlan], params: &Params) -> [Month; 2] {
    let factors = growth_factors(params.growth, params.horizon_months);
    OPTIONS.map(|option| {
        let options = SizingOptions::new(option, params);
        let mut total = Month {
            months: factors.len() as f64,
            clusters: 0.0,
            fleet: PerCluster::default(),
        };
        for group in groups {
            let k = 0..factors.len();
            let clusters: Vec<f64> = k.map(|k| clusters_at(group, group.clusters, k)).collect();
            total.clusters += clusters.iter().sum::<f64>();
            for t in group
                .pools
                .iter()
                .map(|pool| PoolTerms::new(pool, &options))
            {
                let weighted = clusters
                    .iter()
                    .zip(&factors)
                    .map(|(c, &g)| c * t.curve.at(g));
                total.fleet.add(&t.each, weighted.sum());
            }
        }
        total
    })
}

fn assert_bits<T: std::fmt::Debug>(what: &str, got: &T, want: &T) {
    // `Debug` prints each float to the bit (shortest round trip, sign of zero).
    assert_eq!(format!("{got:?}"), format!("{want:?}"), "{what}");
}

fn check(input: Value) {
    let parsed = parse_input(input.to_string().as_bytes()).expect("parses");
    let scenario = Scenario::try_from(parsed).expect("valid");
    let (groups, params) = (scenario.groups(), Params::new(&scenario));
    let sized = SizedFleet::new(groups, &params);
    let initial = initial_clusters(groups);
    let [eks, own] = months(groups, &params, &initial);
    let got = sized.months(&initial);
    assert_bits("EKS months", &got.eks, &eks);
    assert_bits("self-hosted months", &got.self_hosted, &own);
    let horizon = Horizon {
        eks: sum(&eks),
        self_hosted: sum(&own),
    };
    assert_bits("horizon", &got.horizon, &horizon);
    let other: Vec<f64> = initial.iter().map(|c| c * 3.0 + 1.0).collect();
    let [eks, own] = months(groups, &params, &other);
    let want = Horizon {
        eks: sum(&eks),
        self_hosted: sum(&own),
    };
    assert_bits("other clusters", &sized.horizon(&other), &want);
    for scale in [0.75, 1.0, 1.25] {
        let q = Params {
            headroom_scale: scale,
            ..params
        };
        let [eks, self_hosted] = resized(groups, &q);
        let want = Horizon { eks, self_hosted };
        let got = sized.horizon_resized(groups, &q, &initial);
        assert_bits("headroom re-sized", &got, &want);
        assert_bits("sized at once", &Horizon::sized(groups, &q), &want);
    }
}

fn pool(name: &str, extra: Value) -> Value {
    let mut pool = json!({"name": name});
    pool.as_object_mut()
        .expect("an object")
        .extend(extra.as_object().expect("an object").clone());
    pool
}

/// Three pools: a memory-bound one, a Spot-only one and a Fargate one.
fn pools(scale: u32) -> Value {
    json!([
        pool(
            "general",
            json!({"workload": {"cpu_request_cores": 8 * scale,
            "memory_request_gib": 64 * scale, "pods": 60 * scale}})
        ),
        pool(
            "spot",
            json!({"instance_type": "c7i.4xlarge", "spot_share_pct": 100,
            "workload": {"cpu_request_cores": 40 * scale, "memory_request_gib": 50, "pods": 90}})
        ),
        pool(
            "batch",
            json!({"compute": "fargate", "workload": {"cpu_request_cores": 10 * scale,
            "memory_request_gib": 30, "pods": 20 * scale}})
        ),
    ])
}

#[test]
fn groups_of_the_same_pools_size_as_the_definition() {
    let group = |g: u32, pools: Value| {
        json!({"name": format!("g{g}"), "clusters": g,
        "clusters_added_per_year": 1, "pools": pools})
    };
    let mut groups: Vec<Value> = (1..=4).map(|g| group(g, pools(1))).collect();
    // The same first pools only: the first two, and all three but a larger last.
    let first = pools(1).as_array().map(|p| p[..2].to_vec());
    groups.push(group(5, json!(first)));
    let mut last = pools(1);
    last[2]["workload"]["pods"] = json!(40);
    groups.push(group(6, last));
    check(json!({"horizon_months": 40, "growth": {"workload_pct_per_year": 30}, "fleet": groups}));
}

#[test]
fn distinct_pools_size_as_the_definition() {
    let mut groups: Vec<Value> = (1..=3)
        .map(|g| json!({"name": format!("g{g}"), "clusters": 2 * g, "clusters_added_per_year": 2.5 * f64::from(g), "pools": pools(g)}))
        .collect();
    groups.push(json!({"name": "odd", "clusters": 1, "pools": [
        pool("fixed", json!({"nodes_per_cluster": 7, "volume_gib_per_node": 50.5, "compute_discount_pct": 30})),
        pool("zero", json!({"min_nodes_per_cluster": 0, "self_hosted_hourly_usd": 0.05,
            "workload": {"cpu_request_cores": 0.5, "memory_request_gib": 1, "pods": 2}}))]}));
    check(
        json!({"horizon_months": 120, "growth": {"workload_pct_per_year": -50},
        "eks": {"auto_mode": true, "prefix_delegation": true, "spot_share_pct": 20}, "fleet": groups}),
    );
}

#[test]
fn one_group_and_counts_beyond_two_to_the_53_size_as_the_definition() {
    check(json!({"horizon_months": 36, "clusters": 3}));
    // Pools of up to 10,000 nodes grown 6-fold a year over 1,000 clusters: a
    // cluster's nodes pass 2^53 GiB with six pools, the fleet's with one. Volumes
    // that are not powers of two (whose multiples round alike), and whose multiple
    // of the summed nodes differs from the sum of the multiples.
    let counts = [10_000, 9_973, 8_887, 7_919, 6_661, 5_557];
    let pools = |volume: u32, pools: usize| -> Vec<Value> {
        let sizing = |n| json!({"nodes_per_cluster": n, "volume_gib_per_node": volume});
        let pools = counts.iter().take(pools).enumerate();
        pools
            .map(|(i, &n)| pool(&format!("p{i}"), sizing(n)))
            .collect()
    };
    let fleet = |pools: Vec<Value>| {
        let group = |name, clusters| {
            json!({"name": name, "clusters": clusters,
            "clusters_added_per_year": 1000, "pools": pools})
        };
        json!({"horizon_months": 120, "growth": {"workload_pct_per_year": 500},
            "fleet": [group("a", 900), group("b", 100)]})
    };
    check(fleet(pools(12_345, 6)));
    check(fleet(pools(16_383, 1)));
}
