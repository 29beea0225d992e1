//! Validation's edges: values on the ends of the ranges, and nulls that mean
//! "default", pass, and how a refused value is named. What fails: `validation.rs`.

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

/// A choice sent is named escaped: a text-direction or control character came
/// back raw in the message, beside the box and in the API's answer.
#[test]
fn a_refused_choice_is_named_escaped() {
    let errors = common::field_errors(
        r#"{"eks": {"control_plane_tier": "\u202ex"},
            "line_items": [{"name": "a", "monthly_usd": 1, "per": "a\nb"}]}"#,
    );
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    assert!(
        messages[0].ends_with(r#", not "\u{202e}x""#),
        "{messages:?}"
    );
    assert!(messages[1].ends_with(r#", not "a\nb""#), "{messages:?}");
    assert!(
        !messages.concat().contains(['\u{202e}', '\n']),
        "{messages:?}"
    );
}
