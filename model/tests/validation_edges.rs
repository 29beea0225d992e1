//! Validation's edges: values on the ends of the ranges, and nulls that mean
//! "default", pass. What fails: `validation.rs`.

mod common;

/// Edge values that are inside the ranges, and nulls that mean "default".
const VALID: &[&str] = &[
    r#"{"horizon_months": 1, "clusters": 1000}"#,
    r#"{"horizon_months": 120}"#,
    r#"{"workers": {"compute_discount_pct": 99.99, "headroom_pct": 200}}"#,
    r#"{"upgrades": {"campaigns_per_year": 12, "releases_per_year": 12}}"#,
    r#"{"upgrades": {"campaigns_per_year": 0.01}}"#,
    r#"{"self_hosted": {"worker_hourly_usd": null, "control_plane_hourly_usd": null}}"#,
    r#"{"workers": {"custom": null, "workload": null}}"#,
    r#"{"workers": {"nodes_per_cluster": 3, "workload": null}}"#,
    r#"{"workers": {"workload": {"pods": 10}}}"#,
    r#"{"self_hosted": {"control_plane_nodes": 7}}"#,
    // Without pods to place, no pod slots are needed.
    r#"{"workers": {"nodes_per_cluster": 3, "system_pods_per_node": 50}, "self_hosted": {"max_pods_per_node": 10}}"#,
    r#"{"team": {"productive_hours_per_year": 8760, "ops_budget_pct": 1}}"#,
];

#[test]
fn edge_values_and_meaningful_nulls_pass() {
    for input in VALID {
        common::calc(input);
    }
}
