//! Parsing: messages, malformed bodies, non-finite numbers from Rust callers, and
//! field paths when the input is nested in another document.

mod common;

use clusterplan_model::{
    InputError, Scenario, ScenarioInput, field_error_from_json, input_error_from_json, parse_input,
};
use common::field_errors;

/// Data errors found while parsing: unknown fields, wrong types, null where null means
/// nothing, arrays for objects. Each carries its field path.
const DATA_ERRORS: &[(&str, &str)] = &[
    (r#"{"workers": {"foo": 1}}"#, "workers.foo"),
    (r#"{"bogus": true}"#, "bogus"),
    (
        // Valid but for the unknown member: a custom machine without its
        // instance type would be refused for that too (every violation at once).
        r#"{"workers": {"instance_type": "custom", "custom": {"vcpu": 1, "memory_gib": 4,
            "hourly_usd": 0.1, "max_pods_vpc_cni": 29, "cores": 2}}}"#,
        "workers.custom.cores",
    ),
    (r#"{"clusters": "3"}"#, "clusters"),
    (
        r#"{"workers": {"headroom_pct": "25"}}"#,
        "workers.headroom_pct",
    ),
    (
        r#"{"eks": {"prefix_delegation": "yes"}}"#,
        "eks.prefix_delegation",
    ),
    (r#"{"clusters": 2.5}"#, "clusters"),
    (r#"{"clusters": null}"#, "clusters"),
    (r#"{"workers": null}"#, "workers"),
    (r#"{"workers": [1, 2]}"#, "workers"),
    (r#"[3, 4]"#, ""),
    // A member sent twice is named by its own path, not its object's.
    (r#"{"clusters": 2, "clusters": 3}"#, "clusters"),
    (
        r#"{"team": {"engineers": 4, "engineers": 5}}"#,
        "team.engineers",
    ),
];

#[test]
fn data_errors_carry_their_path() {
    for (input, path) in DATA_ERRORS {
        let errors = field_errors(input);
        let got: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(got, [*path], "{input}");
    }
}

#[test]
fn messages_read_well() {
    let message = |input: &str| field_errors(input)[0].message.clone();
    assert_eq!(
        message(r#"{"workers": {"headroom_pct": 300}}"#),
        "must be between 0 and 200"
    );
    assert_eq!(message(r#"{"workers": {"foo": 1}}"#), "unknown field");
    assert_eq!(
        message(r#"{"upgrades": {"campaigns_per_year": 0}}"#),
        "must be greater than 0 and at most 12"
    );
    assert_eq!(
        message(r#"{"workers": {"compute_discount_pct": 100}}"#),
        "must be at least 0 and less than 100"
    );
    assert!(message(r#"{"self_hosted": {"control_plane_nodes": 4}}"#).contains("1, 3, 5 or 7"));
    assert!(message(r#"{"clusters": "3"}"#).starts_with("must be an integer"));
    assert!(message(r#"{"clusters": null}"#).starts_with("must not be null"));
    assert_eq!(
        message(r#"{"clusters": 2, "clusters": 3}"#),
        "is given more than once"
    );
}

#[test]
fn malformed_json_is_not_a_field_error() {
    for input in [
        "",
        "{",
        r#"{"clusters": "#,
        "not json",
        "{} trailing",
        r#"{"clusters": 3,}"#,
        // Cut off after a member serde refuses first: still not JSON (400).
        r#"{"nope": 1"#,
        r#"{"workers": {"foo": 1"#,
        r#"{"clusters": "3""#,
    ] {
        match parse_input(input.as_bytes()) {
            Err(InputError::Malformed { message }) => assert!(!message.is_empty()),
            other => panic!("{input:?}: expected Malformed, got {other:?}"),
        }
    }
}

#[test]
fn non_finite_values_from_rust_callers_are_rejected() {
    let mut input = ScenarioInput::default();
    input.workers = Some(clusterplan_model::input::WorkersInput {
        headroom_pct: Some(f64::NAN),
        ..Default::default()
    });
    input.team.annual_cost_usd = Some(f64::INFINITY);
    let errors = Scenario::try_from(input).expect_err("NaN is invalid").0;
    let got: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("workers.headroom_pct", "must be a finite number"),
            ("team.annual_cost_usd", "must be a finite number"),
        ]
    );
}

#[test]
fn nested_deserialization_maps_paths_with_a_prefix() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Envelope {
        name: String,
        input: ScenarioInput,
    }
    let body = br#"{"name": "x", "input": {"workers": {"foo": 1}}}"#;
    let err = serde_path_to_error::deserialize::<_, Envelope>(
        &mut serde_json::Deserializer::from_slice(body),
    )
    .expect_err("unknown field");
    assert_eq!(field_error_from_json(&err, "").field, "input.workers.foo");

    let inner = br#"{"clusters": "x"}"#;
    let err = serde_path_to_error::deserialize::<_, ScenarioInput>(
        &mut serde_json::Deserializer::from_slice(inner),
    )
    .expect_err("mistyped");
    match input_error_from_json(&err, "input") {
        InputError::Invalid(errors) => assert_eq!(errors[0].field, "input.clusters"),
        other => panic!("{other:?}"),
    }
    let err = serde_path_to_error::deserialize::<_, ScenarioInput>(
        &mut serde_json::Deserializer::from_slice(b"{"),
    )
    .expect_err("truncated");
    assert!(matches!(
        input_error_from_json(&err, "input"),
        InputError::Malformed { .. }
    ));
}

#[test]
fn whole_numbers_written_as_floats_are_integers() {
    // JSON Schema counts 3.0 as an integer, and spreadsheet and JavaScript tools
    // send it that way; it must mean exactly what 3 means.
    let as_floats =
        r#"{"clusters": 3.0, "workers": {"nodes_per_cluster": 5.0, "min_nodes_per_cluster": 2.0}}"#;
    let as_ints =
        r#"{"clusters": 3, "workers": {"nodes_per_cluster": 5, "min_nodes_per_cluster": 2}}"#;

    let floats = clusterplan_model::calculate_json(as_floats.as_bytes()).expect("valid");
    let ints = clusterplan_model::calculate_json(as_ints.as_bytes()).expect("valid");

    assert_eq!(floats, ints);
    assert_eq!(field_errors(r#"{"clusters": 1e300}"#)[0].field, "clusters");
    assert_eq!(
        field_errors(r#"{"clusters": 2.5}"#)[0].message,
        "must be an integer, not floating point `2.5`"
    );
}
