//! §8b of the spec: Auto Mode, Spot, growth and a line item, figure by figure to
//! the cent (the uncertainty block of the example belongs to the Monte Carlo).

mod common;

use clusterplan_model::{Cheaper, MODEL_VERSION};
use common::{assert_rounded, calc};

const EXAMPLE: &str = r#"{"growth": {"workload_pct_per_year": 30},
  "eks": {"auto_mode": true, "spot_share_pct": 50},
  "self_hosted": {"spot_share_pct": 50},
  "line_items": [{"name": "Support contract", "option": "self_hosted", "per": "cluster",
                  "monthly_usd": 500, "one_off_usd": 20000}]}"#;

#[test]
fn the_v2_example_matches_the_spec_table() {
    let r = calc(EXAMPLE);
    assert_eq!(r.model_version, MODEL_VERSION);
    // Model v3 keeps every v2 figure of an input without a fleet.
    assert_eq!(MODEL_VERSION, "3");
    let (e, s) = (&r.options.eks.common, &r.options.self_hosted.common);
    let (em, sm) = (&e.monthly, &s.monthly);
    let rows = [
        (
            "control_plane",
            em.control_plane,
            219.00,
            sm.control_plane,
            630.72,
        ),
        ("workers", em.workers, 2354.69, sm.workers, 2649.02),
        (
            "node_management",
            em.node_management,
            403.66,
            sm.node_management,
            0.0,
        ),
        ("storage", em.storage, 96.00, sm.storage, 144.69),
        (
            "load_balancers",
            em.load_balancers,
            0.0,
            sm.load_balancers,
            49.28,
        ),
        (
            "engineering",
            em.engineering,
            3895.83,
            sm.engineering,
            12614.58,
        ),
        ("on_call", em.on_call, 2166.67, sm.on_call, 2166.67),
        ("line_items", em.line_items, 0.0, sm.line_items, 1500.00),
        ("total", em.total, 9135.85, sm.total, 19754.96),
        ("one_off", e.one_off, 10000.00, s.one_off, 100000.00),
        (
            "horizon_total",
            e.horizon_total,
            397047.91,
            s.horizon_total,
            858665.91,
        ),
    ];
    for (what, eks, eks_expected, own, own_expected) in rows {
        assert_rounded(eks, eks_expected, 2, &format!("eks {what}"));
        assert_rounded(own, own_expected, 2, &format!("self_hosted {what}"));
    }
    let at = |series: &[f64], months: [usize; 4]| months.map(|m| series[m]);
    let months = [0, 12, 24, 35];
    let totals = [
        (
            at(&e.series.total, months),
            [9135.85, 10206.23, 11276.61, 12703.78],
        ),
        (
            at(&s.series.total, months),
            [19754.96, 20414.51, 21733.60, 22722.92],
        ),
    ];
    for (got, expected) in totals {
        for (got, expected) in got.iter().zip(expected) {
            assert_rounded(*got, expected, 2, "series.total");
        }
    }
    let nodes = |series: &[u64]| months.map(|m| series[m]);
    assert_eq!(nodes(&e.series.nodes_per_cluster), [8, 11, 14, 18]);
    assert_eq!(nodes(&s.series.nodes_per_cluster), [9, 11, 15, 18]);
    assert_eq!(e.series.total.len(), 36);
    assert_eq!(e.cumulative.len(), 37);

    assert_eq!(e.hours_peak_month, 0);
    assert_rounded(e.hours_per_year.upgrades, 104.0, 1, "eks upgrades");
    assert_rounded(e.hours_per_year.total, 374.0, 1, "eks hours");
    assert_eq!(s.hours_peak_month, 33);
    assert_rounded(s.hours_per_year.upgrades, 295.25, 2, "self upgrades");
    assert_rounded(s.hours_per_year.total, 1231.25, 2, "self hours");
    assert_rounded(e.required_fte, 0.2338, 4, "eks fte");
    assert_rounded(s.required_fte, 0.7695, 4, "self fte");
    assert_eq!((e.engineers_needed, s.engineers_needed), (1, 2));

    assert_eq!(r.comparison.cheaper, Cheaper::Eks);
    assert_rounded(r.comparison.horizon_savings_usd, 461617.99, 2, "savings");
}

#[test]
fn the_monthly_block_is_month_zero_and_cumulative_sums_the_series() {
    let r = calc(EXAMPLE);
    for option in [&r.options.eks.common, &r.options.self_hosted.common] {
        assert_eq!(option.monthly.total, option.series.total[0]);
        assert_eq!(option.nodes_per_cluster, option.series.nodes_per_cluster[0]);
        let mut sum = option.one_off;
        for (month, total) in option.series.total.iter().enumerate() {
            assert_eq!(option.cumulative[month], sum);
            sum += total;
        }
        assert_eq!(option.horizon_total, sum);
    }
}
