//! Rows of the list editors: gaps, blank rows, nested lists and error paths.

use super::*;
use crate::form::tests::pairs;

#[test]
fn blank_rows_are_skipped_and_errors_find_their_row() {
    let form = pairs(&[
        ("line_items[0].name", ""),
        ("line_items[0].per", "month"),
        ("line_items[4].name", "Licence"),
        ("line_items[4].monthly_usd", "x"),
        ("line_items[2].monthly_usd", "10"),
        ("line_items[2].per", "node"),
    ]);
    let (lists, errors, rows) = parse(&form);
    let items = lists["line_items"].as_array().expect("a list");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["monthly_usd"], 10);
    assert_eq!(items[1]["name"], "Licence");
    assert_eq!(
        errors,
        vec![FieldError::new(
            "line_items[4].monthly_usd",
            "must be a number"
        )]
    );
    // The model calls the unnamed second row's item `line_items[0]`.
    let mapped = rows.to_form(vec![FieldError::new("line_items[0].name", "is required")]);
    assert_eq!(mapped[0].field, "line_items[2].name");
}

#[test]
fn nested_rows_become_groups_of_pools_and_errors_find_their_nested_row() {
    let form = pairs(&[
        ("fleet[3].name", "production"),
        ("fleet[3].clusters", "2"),
        ("fleet[3].pools[5].name", "general"),
        ("fleet[3].pools[5].compute", "ec2"),
        ("fleet[3].pools[5].nodes_per_cluster", "4"),
        ("fleet[3].pools[5].workload.pods", "300"),
        ("fleet[3].pools[5].custom.vcpu", "8"),
        ("fleet[3].pools[7].name", ""),
        ("fleet[3].pools[7].compute", "fargate"),
        ("fleet[3].pools[9].name", "batch"),
        ("fleet[3].pools[9].workload.pods", "ten"),
        ("fleet[8].name", ""),
        ("fleet[8].pools[0].compute", "ec2"),
        ("uncertainty.low.fleet[0].clusters", "1"),
    ]);
    let (lists, errors, rows) = parse(&form);
    let fleet = lists["fleet"].as_array().expect("a list");
    assert_eq!(fleet.len(), 1, "the blank group is left out");
    let pools = fleet[0]["pools"].as_array().expect("pools");
    assert_eq!(pools.len(), 2, "the blank pool is left out");
    // An explicit count drops the workload; custom members need type "custom".
    assert_eq!(pools[0]["nodes_per_cluster"], 4);
    assert!(pools[0].get("workload").is_none() && pools[0].get("custom").is_none());
    assert_eq!(
        errors,
        vec![FieldError::new(
            "fleet[3].pools[9].workload.pods",
            "must be a number"
        )]
    );
    let mapped = rows.to_form(vec![
        FieldError::new("fleet[0].pools[1].name", "is required"),
        FieldError::new("fleet[0].clusters", "is required"),
        FieldError::new("fleet", "too many"),
    ]);
    let fields: Vec<&str> = mapped.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["fleet[3].pools[9].name", "fleet[3].clusters", "fleet"]
    );
}
