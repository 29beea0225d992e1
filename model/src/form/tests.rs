//! Tests of the form translation; `pairs` is shared with the items' and ranges' tests.

use super::*;
use crate::{FieldKind, Scenario, ScenarioInput};

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

#[test]
fn the_largest_honest_form_fits_under_the_pair_cap() {
    use crate::{MAX_FORM_PAIRS, field_specs};
    // Every plain field, both bounds of a range on every number field, every
    // member of 20 line-item rows (the editor's most), and the page's own keys.
    let plain = field_specs().iter().filter(|s| !s.path.contains("[]"));
    let numbers = plain
        .clone()
        .filter(|s| s.kind == FieldKind::Number)
        .count();
    let members = |list: &str| {
        let prefix = format!("{list}[].");
        field_specs()
            .iter()
            .filter(|s| {
                s.path
                    .strip_prefix(&prefix)
                    .is_some_and(|m| !m.contains("[]"))
            })
            .count()
    };
    // 20 groups, each with its own members and 10 pools of every member.
    let fleet = 20 * (members("fleet") + 10 * members("fleet[].pools"));
    let largest = plain.count()
        + 2 * numbers
        + 20 * members("line_items")
        + fleet
        + [SIZING, NAME, EDIT, EDIT_REVISION].len();
    assert!(
        largest < MAX_FORM_PAIRS * 9 / 10,
        "{largest} of {MAX_FORM_PAIRS}"
    );
}

#[test]
fn a_flood_of_pairs_is_one_error_without_decoding() {
    // 256 KiB of `clusters=x&`: ~23,000 pairs.
    let flood = "clusters=x&".repeat(256 * 1024 / 11);
    let errors = input_from_query(&flood).expect_err("refused");
    assert_eq!(errors.len(), 1);
    let cap = format!("at most {}", crate::MAX_FORM_PAIRS);
    assert!(errors[0].message.contains(&cap), "{}", errors[0]);
}

#[test]
fn errors_are_capped_with_a_count_of_the_rest() {
    use crate::MAX_FIELD_ERRORS;
    // Under the pair cap, but every pair wrong (each a control of its own: a
    // control given twice counts once, by its last value).
    let many: String = (0..900)
        .map(|i| format!("line_items[{i}].monthly_usd=x&"))
        .collect();
    let errors = super::scenario_from_query(&many).expect_err("invalid");
    assert_eq!(errors.len(), MAX_FIELD_ERRORS);
    assert_eq!(errors[MAX_FIELD_ERRORS - 1].field, "");
    let rest = &errors[MAX_FIELD_ERRORS - 1].message;
    // Two per row: the figure that does not read, the missing name.
    assert!(rest.starts_with("and 1702 more"), "{rest}");
}

#[test]
fn a_fleet_round_trips_through_the_form_and_a_plain_input_becomes_one() {
    let plain = Scenario::try_from(
        input_from_pairs(&pairs(&[("clusters", "4"), ("workers.headroom_pct", "30")]))
            .expect("valid"),
    )
    .expect("valid");
    let fleet = plain.input().as_fleet();
    let query = query_from_input(&fleet);
    assert!(!query.contains("workers."), "{query}");
    assert!(
        query.contains("fleet%5B0%5D.pools%5B0%5D.headroom_pct=30.0"),
        "{query}"
    );
    let again = Scenario::try_from(input_from_query(&query).expect("valid")).expect("valid");
    assert_eq!(again.input(), &fleet);
    // The same figures as the plain scenario it was made from.
    let (a, b) = (crate::calculate(&plain), crate::calculate(&again));
    assert_eq!(a.options, b.options);
}

#[test]
fn an_integer_that_is_not_whole_or_too_large_is_an_error_at_its_control() {
    for (raw, message) in [
        ("2.5", "must be a whole number"),
        // Past 2^53, the field's own range names the bounds.
        ("1e308", "must be between 1 and 1000"),
        ("99999999999999999999999", "must be between 1 and 1000"),
        ("18446744073709551616", "must be between 1 and 1000"),
    ] {
        let errors = scenario_from_query(&format!(
            "clusters={raw}&fleet[0].pools[0].nodes_per_cluster={raw}&team.engineers=0"
        ))
        .expect_err("invalid");
        let at = |field: &str| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.as_str())
        };
        assert_eq!(at("clusters"), Some(message), "{raw}: {errors:?}");
        // The other fields' errors are still there: nothing fails the whole form.
        assert!(at("team.engineers").is_some(), "{raw}: {errors:?}");
        assert!(
            errors.iter().all(|e| !e.field.is_empty()),
            "{raw}: {errors:?}"
        );
    }
}

#[test]
fn an_import_without_a_price_opens_with_the_error_at_its_control() {
    let list = include_bytes!("../../../tests/fixtures/kubectl/eks-list.json");
    let imported = crate::kube::import_json(list, crate::kube::Sizing::Nodes).expect("read");
    let query = query_from_scenario_input(&imported.input);
    // Only what the import set: the planner's defaults fill in the rest.
    assert!(!query.contains("team."), "{query}");
    let errors = super::scenario_from_query(&query).expect_err("a price is missing");
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["fleet[0].pools[2].custom.hourly_usd"]);
    let priced = format!("{query}&fleet%5B0%5D.pools%5B2%5D.custom.hourly_usd=0.9");
    let scenario = super::scenario_from_query(&priced).expect("valid");
    let pools = &scenario.input().fleet.as_ref().expect("a fleet")[0].pools;
    assert_eq!(pools.len(), 4, "the import's four pools");
}

#[test]
fn a_fleet_form_with_blank_worker_controls_sends_no_workers() {
    let input = input_from_pairs(&pairs(&[
        ("fleet[0].name", "prod"),
        ("fleet[0].clusters", "2"),
        ("fleet[0].pools[0].name", "general"),
        (SIZING, "workload"),
        ("workers.headroom_pct", ""),
        ("workers.instance_type", " "),
    ]))
    .expect("valid");
    assert_eq!(input.workers, None, "nothing typed is nothing sent");
    Scenario::try_from(input).expect("a fleet alone is valid");
}

#[test]
fn controls_are_named_with_where_they_are_in_the_form() {
    use super::control_title;
    assert_eq!(control_title("clusters"), "Clusters");
    assert_eq!(control_title("workers.headroom_pct"), "Workers: headroom");
    assert_eq!(
        control_title("fleet[1].pools[0].instance_type"),
        "Group 2, pool 1: instance type"
    );
    assert_eq!(
        control_title("fleet[0].pools[2].custom.hourly_usd"),
        "Group 1, pool 3: hourly"
    );
    assert_eq!(control_title("fleet[3].clusters"), "Group 4: clusters");
    assert_eq!(control_title("fleet[0].pools"), "Group 1: pools");
    assert_eq!(control_title("line_items[2].name"), "Line item 3: name");
    assert_eq!(
        control_title("uncertainty.low.team.annual_cost_usd"),
        "Team: annual cost (range, low)"
    );
}
