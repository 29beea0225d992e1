//! Properties over random valid inputs: finite non-negative money, sane cumulative
//! curves, monotonicity in clusters and headroom, the literal break-even and payback
//! definitions, and the `inputs` round trip.

mod strategies;

use clusterplan_model::{
    CalculationResult, OptionResult, Scenario, calculate, calculate_json, horizon_totals_at,
    parse_input,
};
use proptest::prelude::*;
use serde_json::{Value, json};
use strategies::{near_breakeven, scenario, scenario_v2};

fn run(input: &Value) -> CalculationResult {
    match calculate_json(input.to_string().as_bytes()) {
        Ok(result) => result,
        Err(e) => panic!("generated input should be valid: {e}\n{input}"),
    }
}

fn with(input: &Value, pointer: &str, value: Value) -> Value {
    let mut changed = input.clone();
    if let Some(slot) = changed.pointer_mut(pointer) {
        *slot = value;
    }
    changed
}

fn money(o: &OptionResult) -> Vec<f64> {
    let m = &o.monthly;
    let mut all = vec![
        m.control_plane,
        m.workers,
        m.storage,
        m.load_balancers,
        m.engineering,
        m.on_call,
        m.node_management,
        m.line_items,
        m.total,
        o.one_off,
        o.horizon_total,
    ];
    all.extend(&o.cumulative);
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn money_is_finite_and_non_negative(input in prop_oneof![scenario(), scenario_v2()]) {
        let r = run(&input);
        for option in [&r.options.eks.common, &r.options.self_hosted.common] {
            for value in money(option) {
                prop_assert!(value.is_finite() && value >= 0.0, "{value} in {input}");
            }
            let h = &option.hours_per_year;
            prop_assert!([h.upgrades, h.routine, h.incidents, h.total].iter().all(|v| v.is_finite() && *v >= 0.0));
            prop_assert!(option.required_fte.is_finite() && option.ops_share_pct.is_finite());
            prop_assert_eq!(option.cumulative.len(), r.inputs.horizon_months as usize + 1);
            prop_assert!(option.cumulative.windows(2).all(|w| w[0] <= w[1]));
        }
        let c = &r.comparison;
        prop_assert!(c.horizon_savings_usd.is_finite() && c.horizon_savings_usd >= 0.0);
        prop_assert!(c.monthly_difference_usd.is_finite());
        prop_assert!(c.sensitivity.iter().all(|s| s.low.is_finite() && s.high.is_finite()));
        prop_assert_eq!(c.sensitivity.len(), 10);
    }

    #[test]
    fn more_clusters_never_lower_a_monthly_total(input in scenario(), extra in 1u32..=200) {
        let r = run(&input);
        let more = (r.inputs.clusters + extra).min(1000);
        let bigger = run(&with(&input, "/clusters", json!(more)));
        prop_assert!(bigger.options.eks.common.monthly.total >= r.options.eks.common.monthly.total);
        prop_assert!(bigger.options.self_hosted.common.monthly.total >= r.options.self_hosted.common.monthly.total);
    }

    #[test]
    fn more_headroom_never_fewer_nodes(input in scenario(), extra in 0.0f64..=100.0) {
        let r = run(&input);
        let more = (r.inputs.workers.headroom_pct + extra).min(200.0);
        let bigger = run(&with(&input, "/workers/headroom_pct", json!(more)));
        prop_assert!(bigger.options.eks.common.nodes_per_cluster >= r.options.eks.common.nodes_per_cluster);
        prop_assert!(bigger.options.self_hosted.common.nodes_per_cluster >= r.options.self_hosted.common.nodes_per_cluster);
    }

    #[test]
    fn resolved_inputs_round_trip(input in prop_oneof![scenario(), scenario_v2()]) {
        let r = run(&input);
        let again = serde_json::to_vec(&r.inputs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let parsed = parse_input(&again).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let scenario = Scenario::try_from(parsed).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(calculate(&scenario), r);
    }

    #[test]
    fn breakeven_and_payback_follow_their_literal_definitions(
        input in prop_oneof![scenario(), near_breakeven(), scenario_v2()],
    ) {
        let r = run(&input);
        let parsed = parse_input(input.to_string().as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let scenario = Scenario::try_from(parsed).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let literal = (1..=1000).find(|&c| {
            let t = horizon_totals_at(&scenario, c);
            t.self_hosted <= t.eks
        });
        prop_assert_eq!(r.comparison.breakeven_clusters, literal);
        let (e, s) = (&r.options.eks.common.cumulative, &r.options.self_hosted.common.cumulative);
        let payback = (0..e.len()).find(|&m| s[m] <= e[m]).map(|m| m as u32);
        prop_assert_eq!(r.comparison.self_hosted_payback_month, payback);
    }

    #[test]
    fn without_growth_every_month_is_month_zero_as_in_v1(input in scenario_v2()) {
        let input = with(&input, "/growth/workload_pct_per_year", json!(0));
        let r = run(&input);
        for option in [&r.options.eks.common, &r.options.self_hosted.common] {
            prop_assert!(option.series.total.iter().all(|t| *t == option.monthly.total));
            prop_assert!(option.series.nodes_per_cluster.iter().all(|n| *n == option.nodes_per_cluster));
            prop_assert_eq!(option.hours_peak_month, 0);
            // v1: horizon_total = one_off + horizon · monthly total.
            let months = f64::from(r.inputs.horizon_months);
            let v1 = option.one_off + months * option.monthly.total;
            prop_assert!((option.horizon_total - v1).abs() <= 1e-9 * v1.abs().max(1.0), "{} vs {v1}", option.horizon_total);
        }
    }

    #[test]
    fn growth_never_shrinks_a_fleet_that_grows(input in scenario_v2()) {
        let r = run(&input);
        let growing = r.inputs.growth.workload_pct_per_year >= 0.0;
        for option in [&r.options.eks.common, &r.options.self_hosted.common] {
            let nodes = &option.series.nodes_per_cluster;
            prop_assert_eq!(nodes.len(), r.inputs.horizon_months as usize);
            prop_assert!(nodes.windows(2).all(|w| (w[0] <= w[1]) == growing || w[0] == w[1]));
        }
    }
}
