//! A fleet worked by hand (docs/MODEL.md §5.4): two groups, a Fargate pool and a
//! group that gains two clusters a year, figure by figure to the cent.

mod common;

use clusterplan_model::{Cheaper, WarningCode};
use common::{assert_rounded, calc};

pub const FLEET: &str = r#"{"fleet": [
  {"name": "production", "clusters": 2, "clusters_added_per_year": 2,
   "pools": [{"name": "general"},
             {"name": "batch", "compute": "fargate",
              "workload": {"cpu_request_cores": 10, "memory_request_gib": 100, "pods": 10}}]},
  {"name": "dev", "clusters": 1,
   "pools": [{"name": "general", "nodes_per_cluster": 3, "spot_share_pct": 100}]}]}"#;

#[test]
fn the_two_group_fleet_matches_the_hand_worked_figures() {
    let r = calc(FLEET);
    assert_eq!(r.model_version, "3");
    let (e, s) = (&r.options.eks.common, &r.options.self_hosted.common);

    // C(k) = 2 + floor(2k/12 + 1e-9) + 1.
    let clusters = &e.series.clusters;
    assert_eq!(
        [
            clusters[0],
            clusters[5],
            clusters[6],
            clusters[12],
            clusters[24],
            clusters[35]
        ],
        [3, 3, 4, 5, 7, 8]
    );
    assert_eq!(clusters, &s.series.clusters);

    // Pools at month 0. The batch pod is 1 vCPU / 10 GiB: Fargate bills 2 vCPU /
    // 11 GiB (10 + 0.25 rounded up), 2·0.04048 + 11·0.004445 = 0.129855 per hour;
    // ten pods in each of two clusters. Self-hosted sizes it as nodes: memory
    // 100·1.25 / (16 − (255 + 11·110 + 100)/1024) = 8.64 → 9 nodes.
    let rows: Vec<_> = e
        .pools
        .iter()
        .map(|p| (p.group.as_str(), p.pool.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("production", "general"),
            ("production", "batch"),
            ("dev", "general")
        ]
    );
    let eks_pools = [
        (8, 2242.56),
        (0, 2.0 * 10.0 * 0.129855 * 730.0),
        (3, 168.192),
    ];
    let self_pools = [(9, 2522.88), (9, 2522.88), (3, 168.192)];
    for ((pool, (nodes, money)), what) in e.pools.iter().zip(eks_pools).zip(["g", "b", "d"]) {
        assert_eq!(pool.nodes_per_cluster, nodes, "eks {what}");
        assert_rounded(pool.monthly_workers, money, 2, &format!("eks {what}"));
    }
    for ((pool, (nodes, money)), what) in s.pools.iter().zip(self_pools).zip(["g", "b", "d"]) {
        assert_eq!(pool.nodes_per_cluster, nodes, "self {what}");
        assert_rounded(pool.monthly_workers, money, 2, &format!("self {what}"));
    }
    assert_eq!(e.pools[1].clusters, 2);
    for option in [e, s] {
        let rows: f64 = option.pools.iter().map(|p| p.monthly_workers).sum();
        common::assert_close(rows, option.monthly.workers, "pool rows add up");
    }
    assert_eq!(e.pools[2].total_nodes, 3);

    // The first group's pools summed; the whole fleet's nodes.
    assert_eq!((e.nodes_per_cluster, e.total_nodes), (8, 19));
    assert_eq!((s.nodes_per_cluster, s.total_nodes), (18, 39));
    assert_eq!((e.max_pods_per_node, s.max_pods_per_node), (58, 110));

    let monthly = [
        (
            "control_plane",
            e.monthly.control_plane,
            219.00,
            s.monthly.control_plane,
            630.72,
        ),
        (
            "workers",
            e.monthly.workers,
            4306.64,
            s.monthly.workers,
            5213.95,
        ),
        (
            "storage",
            e.monthly.storage,
            76.00,
            s.monthly.storage,
            192.69,
        ),
        (
            "load_balancers",
            e.monthly.load_balancers,
            0.0,
            s.monthly.load_balancers,
            49.275,
        ),
        (
            "engineering",
            e.monthly.engineering,
            3925.52,
            s.monthly.engineering,
            12708.33,
        ),
        (
            "total",
            e.monthly.total,
            10693.82,
            s.monthly.total,
            20961.64,
        ),
    ];
    for (what, eks, eks_expected, own, own_expected) in monthly {
        assert_rounded(eks, eks_expected, 2, &format!("eks {what}"));
        assert_rounded(own, own_expected, 2, &format!("self {what}"));
    }
    for (k, eks_total, own_total) in [
        (6, 14068.04, 27959.47),
        (12, 17442.27, 34957.31),
        (35, 27564.93, 55950.82),
    ] {
        assert_rounded(e.series.total[k], eks_total, 2, &format!("eks month {k}"));
        assert_rounded(s.series.total[k], own_total, 2, &format!("self month {k}"));
    }
    let nodes_at = |series: &[u64]| [series[0], series[6], series[12], series[35]];
    assert_eq!(nodes_at(&e.series.total_nodes), [19, 27, 35, 59]);
    assert_eq!(nodes_at(&s.series.total_nodes), [39, 57, 75, 129]);

    assert_rounded(e.one_off, 10000.0, 2, "eks one_off");
    assert_rounded(s.one_off, 80000.0, 2, "self one_off");
    assert_rounded(e.horizon_total, 698657.55, 2, "eks horizon");
    assert_rounded(s.horizon_total, 1464424.31, 2, "self horizon");

    // The team carries the peak: month 30, the first with 8 clusters.
    assert_eq!((e.hours_peak_month, s.hours_peak_month), (30, 30));
    assert_rounded(e.hours_per_year.upgrades, 232.85, 2, "eks upgrades");
    assert_rounded(e.hours_per_year.routine, 576.0, 2, "eks routine");
    assert_rounded(e.hours_per_year.incidents, 144.0, 2, "eks incidents");
    assert_rounded(s.hours_per_year.upgrades, 722.75, 2, "self upgrades");
    assert_rounded(s.hours_per_year.routine, 1920.0, 2, "self routine");
    assert_rounded(s.hours_per_year.incidents, 576.0, 2, "self incidents");
    assert_rounded(e.required_fte, 0.5955, 4, "eks fte");
    assert_rounded(s.required_fte, 2.0117, 4, "self fte");
    assert_eq!((e.engineers_needed, s.engineers_needed), (2, 5));
    assert_rounded(s.ops_share_pct, 50.29, 2, "self ops share");
    assert!(
        r.warnings
            .iter()
            .any(|w| w.code == WarningCode::OverOpsBudget)
    );

    assert_eq!(r.comparison.cheaper, Cheaper::Eks);
    assert_rounded(r.comparison.horizon_savings_usd, 765766.76, 2, "savings");
    assert_eq!(r.comparison.breakeven_clusters, None);
}

#[test]
fn the_fleet_echoes_without_clusters_and_workers_and_reads_back() {
    let r = calc(FLEET);
    let echo = serde_json::to_value(&r.inputs).expect("serializes");
    assert!(echo.get("clusters").is_none() && echo.get("workers").is_none());
    assert_eq!(echo["fleet"][0]["pools"][0]["instance_type"], "m6i.xlarge");
    assert_eq!(
        echo["fleet"][1]["pools"][0]["workload"],
        serde_json::Value::Null
    );
    let again = calc(&echo.to_string());
    assert_eq!(again, r);
}

#[test]
fn list_prices_drop_every_pool_discount_and_spot_share() {
    let input = r#"{"fleet": [{"name": "a", "clusters": 2, "pools": [
        {"name": "spot", "nodes_per_cluster": 4, "spot_share_pct": 100, "compute_discount_pct": 30},
        {"name": "batch", "compute": "fargate", "compute_discount_pct": 20,
         "workload": {"cpu_request_cores": 1, "memory_request_gib": 1, "pods": 4}}]}]}"#;
    let listed = clusterplan_model::Scenario::try_from(calc(input).inputs.at_list_prices())
        .expect("valid at list prices");
    let r = clusterplan_model::calculate(&listed);
    let pools = &r.options.eks.common.pools;
    // 2 clusters × 4 m6i.xlarge × 0.192 × 730, and 2 × 4 pods of 0.25 vCPU / 0.5 GiB
    // (0.25 GiB requested + 0.25 GiB Fargate adds).
    assert_rounded(
        pools[0].monthly_workers,
        2.0 * 4.0 * 0.192 * 730.0,
        6,
        "ec2 at list",
    );
    let pod = 0.25 * 0.04048 + 0.5 * 0.004445;
    assert_rounded(
        pools[1].monthly_workers,
        2.0 * 4.0 * pod * 730.0,
        6,
        "fargate at list",
    );
}

#[test]
fn pool_costs_add_up_to_the_workers_of_every_month() {
    let scenario = clusterplan_model::Scenario::try_from(calc(FLEET).inputs).expect("valid");
    for option in clusterplan_model::OptionName::ALL {
        let months = clusterplan_model::monthly_costs(&scenario, option);
        let pools = clusterplan_model::pool_costs(&scenario, option);
        assert_eq!(pools.len(), 3);
        assert_eq!(
            (pools[1].group.as_str(), pools[1].pool.as_str()),
            ("production", "batch")
        );
        for (k, month) in months.iter().enumerate() {
            let sum: f64 = pools.iter().map(|p| p.workers[k]).sum();
            common::assert_close(sum, month.workers, &format!("{option:?} month {k}"));
        }
    }
}
