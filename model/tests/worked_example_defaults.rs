//! §8 of the spec: the all-defaults scenario, figure by figure to the cent, and the
//! parenthetical case where self-hosting wins.

mod common;

use clusterplan_model::{Cheaper, MODEL_VERSION};
use common::{assert_rounded, calc};

#[test]
fn all_defaults_match_the_spec_table() {
    let r = calc("{}");
    assert_eq!(r.model_version, MODEL_VERSION);
    let (e, s) = (&r.options.eks.common, &r.options.self_hosted.common);

    assert_eq!(e.max_pods_per_node, 58);
    assert_eq!(s.max_pods_per_node, 110);
    assert_eq!(e.nodes_per_cluster, 8);
    assert_eq!(s.nodes_per_cluster, 9);

    let rows = [
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
            3363.84,
            s.monthly.workers,
            3784.32,
        ),
        (
            "storage",
            e.monthly.storage,
            96.00,
            s.monthly.storage,
            144.69,
        ),
        (
            "engineering",
            e.monthly.engineering,
            3933.33,
            s.monthly.engineering,
            12614.58,
        ),
        (
            "on_call",
            e.monthly.on_call,
            2166.67,
            s.monthly.on_call,
            2166.67,
        ),
        ("total", e.monthly.total, 9778.84, s.monthly.total, 19390.26),
        ("one_off", e.one_off, 10000.00, s.one_off, 80000.00),
        (
            "horizon_total",
            e.horizon_total,
            362038.24,
            s.horizon_total,
            778049.18,
        ),
    ];
    for (what, eks, eks_expected, self_hosted, self_expected) in rows {
        assert_rounded(eks, eks_expected, 2, &format!("eks {what}"));
        assert_rounded(
            self_hosted,
            self_expected,
            2,
            &format!("self_hosted {what}"),
        );
    }
    // The spec prints this one to three decimals.
    assert_rounded(e.monthly.load_balancers, 0.0, 3, "eks load_balancers");
    assert_rounded(
        s.monthly.load_balancers,
        49.275,
        3,
        "self_hosted load_balancers",
    );

    assert_rounded(e.hours_per_year.upgrades, 107.6, 1, "eks upgrade hours");
    assert_rounded(e.hours_per_year.routine, 216.0, 1, "eks routine hours");
    assert_rounded(e.hours_per_year.incidents, 54.0, 1, "eks incident hours");
    assert_rounded(s.hours_per_year.upgrades, 275.0, 1, "self upgrade hours");
    assert_rounded(s.hours_per_year.routine, 720.0, 1, "self routine hours");
    assert_rounded(s.hours_per_year.incidents, 216.0, 1, "self incident hours");
    assert_rounded(e.required_fte, 0.2360, 4, "eks required_fte");
    assert_rounded(s.required_fte, 0.7569, 4, "self required_fte");
    assert_eq!(e.engineers_needed, 1);
    assert_eq!(s.engineers_needed, 2);

    let c = &r.comparison;
    assert_eq!(c.cheaper, Cheaper::Eks);
    assert_rounded(c.horizon_savings_usd, 416010.94, 2, "horizon_savings_usd");
    assert_rounded(
        c.monthly_difference_usd,
        9611.42,
        2,
        "monthly_difference_usd",
    );
    assert_eq!(c.self_hosted_payback_month, None);
    assert_eq!(c.breakeven_clusters, None);

    // Figures the table leaves implicit but §3 defines.
    assert_eq!(e.total_nodes, 24);
    assert_eq!(s.total_nodes, 27);
    assert_eq!(e.cumulative.len(), 37);
    assert_rounded(e.cumulative[36], 362038.24, 2, "eks cumulative[36]");
    assert_eq!(r.options.eks.extended_support_share, 0.0);
    assert!(!r.options.eks.forced_upgrade);
    assert_eq!(r.options.self_hosted.unsupported_share, 0.0);
    // One slot among four engineers is exactly the 25% limit, which is not over it.
    assert_eq!(e.on_call.share_pct, 25.0);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(c.sensitivity.len(), 10);
}

#[test]
fn cheaper_self_hosted_workers_at_scale_break_even_at_two_clusters() {
    let r = calc(
        r#"{"clusters": 20,
            "workers": {"workload": {"cpu_request_cores": 200, "memory_request_gib": 800, "pods": 2000}},
            "self_hosted": {"worker_hourly_usd": 0.08}}"#,
    );
    assert_eq!(r.comparison.cheaper, Cheaper::SelfHosted);
    assert_eq!(r.comparison.breakeven_clusters, Some(2));
    // eks: 250 cores / 3.92 → 64, 1000 GiB / 15.0303 → 67, 2000 / 55 → 37: 67 nodes.
    // self: 1000 GiB / 14.4717 → 70 nodes.
    assert_eq!(r.options.eks.common.nodes_per_cluster, 67);
    assert_eq!(r.options.self_hosted.common.nodes_per_cluster, 70);
}
