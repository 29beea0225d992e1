//! Tests of the form translation; `pairs` is shared with the items' and ranges' tests.

use super::*;
use clusterplan_model::Scenario;

/// Form pairs from string literals.
pub(super) fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn empty_form_is_the_defaults() {
    let input = input_from_pairs(&[]).expect("valid");
    assert_eq!(input, ScenarioInput::default());
}

#[test]
fn values_land_on_their_paths_and_modes_drop_the_other_fields() {
    let form = pairs(&[
        ("clusters", "5"),
        ("name", "ignored"),
        (SIZING, "nodes"),
        ("workers.nodes_per_cluster", "7"),
        ("workers.workload.pods", "999"),
        ("workers.custom.vcpu", "4"),
        ("eks.prefix_delegation", "on"),
        ("team.engineers", ""),
    ]);
    let input = input_from_pairs(&form).expect("valid");
    let scenario = Scenario::try_from(input).expect("valid scenario");
    let resolved = scenario.input();
    assert_eq!(resolved.clusters, 5);
    assert_eq!(resolved.workers.nodes_per_cluster, Some(7));
    assert!(resolved.workers.workload.is_none());
    assert!(resolved.workers.custom.is_none());
    assert!(resolved.eks.prefix_delegation);
    assert_eq!(resolved.team.engineers, 4);
}

#[test]
fn non_numbers_are_field_errors() {
    let errors = input_from_pairs(&pairs(&[
        ("clusters", "three"),
        ("workers.headroom_pct", "1e999"),
    ]))
    .expect_err("invalid");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["clusters", "workers.headroom_pct"]);
}

#[test]
fn a_resolved_input_round_trips_through_the_form() {
    let input = input_from_pairs(&pairs(&[
        ("clusters", "9"),
        (SIZING, "nodes"),
        ("workers.nodes_per_cluster", "4"),
        ("eks.auto_mode", "true"),
        ("eks.control_plane_tier", "xl"),
        ("growth.workload_pct_per_year", "25"),
        ("line_items[0].name", "Support"),
        ("line_items[0].per", "cluster"),
        ("line_items[0].monthly_usd", "500"),
        ("line_items[1].name", "Licence"),
        ("line_items[1].option", "eks"),
    ]))
    .expect("valid");
    let scenario = Scenario::try_from(input).expect("valid");
    assert_eq!(scenario.input().line_items.len(), 2);
    let query = query_from_input(scenario.input());
    assert!(query.contains("line_items%5B1%5D.option=eks"), "{query}");
    let again = input_from_query(&query).expect("valid");
    assert_eq!(
        Scenario::try_from(again).expect("valid").input(),
        scenario.input()
    );
}
