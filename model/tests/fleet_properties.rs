//! Properties of the fleet (model v3): a plain input and its one-group fleet give the
//! same figures, groups add up, and break-even of a growing one-group fleet follows
//! its literal definition.

#[path = "properties/strategies.rs"]
mod strategies;

use clusterplan_model::{
    CalculationResult, Scenario, calculate_json, horizon_totals_at, parse_input,
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

/// The input with `clusters` × `workers` written as the one-group fleet they mean,
/// built from the resolved `inputs` (every default filled in).
fn as_fleet(input: &Value, added_per_year: f64) -> Value {
    let resolved = serde_json::to_value(run(input).inputs).expect("serializes");
    let mut pool = resolved["workers"].clone();
    pool["name"] = json!(clusterplan_model::PLAIN_POOL);
    pool["self_hosted_hourly_usd"] = resolved["self_hosted"]["worker_hourly_usd"].clone();
    let mut fleet = input.clone();
    let root = fleet.as_object_mut().expect("an object");
    root.remove("clusters");
    root.remove("workers");
    root.insert(
        "fleet".into(),
        json!([{"name": clusterplan_model::PLAIN_GROUP, "clusters": resolved["clusters"],
            "clusters_added_per_year": added_per_year, "pools": [pool]}]),
    );
    if let Some(own) = root.get_mut("self_hosted").and_then(Value::as_object_mut) {
        own.remove("worker_hourly_usd");
    }
    fleet
}

fn without_uncertainty(input: &Value) -> Value {
    let mut input = input.clone();
    if let Some(root) = input.as_object_mut() {
        root.remove("uncertainty");
    }
    input
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_plain_input_and_its_one_group_fleet_agree(input in prop_oneof![scenario(), scenario_v2()]) {
        let input = without_uncertainty(&input);
        let (plain, fleet) = (run(&input), run(&as_fleet(&input, 0.0)));
        prop_assert_eq!(&plain.options, &fleet.options);
        prop_assert_eq!(&plain.comparison, &fleet.comparison);
        prop_assert_eq!(&plain.warnings, &fleet.warnings);
    }

    #[test]
    fn groups_add_up(a in scenario_v2(), b in scenario_v2(), ca in 1u32..=400, cb in 1u32..=400) {
        // Pools of two generated scenarios; the control plane reads the first pool's
        // discount, so both share A's.
        let (a, b) = (run(&without_uncertainty(&a)).inputs, run(&without_uncertainty(&b)).inputs);
        let mut pa = serde_json::to_value(&a.workers).expect("serializes");
        let mut pb = serde_json::to_value(&b.workers).expect("serializes");
        pa["name"] = json!("a");
        pb["name"] = json!("b");
        pb["compute_discount_pct"] = pa["compute_discount_pct"].clone();
        let group = |name: &str, clusters: u32, pool: &Value| json!({"name": name, "clusters": clusters, "pools": [pool]});
        let fleet = |groups: Vec<Value>| run(&json!({"fleet": groups}));
        let both = fleet(vec![group("A", ca, &pa), group("B", cb, &pb)]);
        let alone = [fleet(vec![group("A", ca, &pa)]), fleet(vec![group("B", cb, &pb)])];
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(1.0);
        for option in [clusterplan_model::OptionName::Eks, clusterplan_model::OptionName::SelfHosted] {
            let get = |r: &CalculationResult| r.options.get(option).monthly;
            let (sum, one, two) = (get(&both), get(&alone[0]), get(&alone[1]));
            prop_assert!(close(sum.workers, one.workers + two.workers));
            prop_assert!(close(sum.control_plane, one.control_plane + two.control_plane));
            prop_assert!(close(sum.node_management, one.node_management + two.node_management));
            let nodes = |r: &CalculationResult| r.options.get(option).total_nodes;
            prop_assert_eq!(nodes(&both), nodes(&alone[0]) + nodes(&alone[1]));
        }
        let storage = |r: &CalculationResult| r.options.eks.common.monthly.storage;
        prop_assert!(close(storage(&both), storage(&alone[0]) + storage(&alone[1])));
    }

    #[test]
    fn breakeven_of_a_growing_group_is_its_literal_definition(
        input in near_breakeven(),
        added in 0.0f64..=6.0,
        growth in 0.0f64..=50.0,
    ) {
        let mut fleet = as_fleet(&input, added);
        fleet["growth"] = json!({"workload_pct_per_year": growth});
        let r = run(&fleet);
        let parsed = parse_input(fleet.to_string().as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let scenario = Scenario::try_from(parsed).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let literal = (1..=1000).find(|&c| {
            let t = horizon_totals_at(&scenario, c);
            t.self_hosted <= t.eks
        });
        prop_assert_eq!(r.comparison.breakeven_clusters, literal);
    }
}
