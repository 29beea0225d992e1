//! The planner's buttons as the page and the server apply them to form pairs:
//! describe as a fleet, add a row, remove a row.

use clusterplan_model::{apply_form_actions, fleet_rows};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn value<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn a_plain_form_becomes_a_one_group_fleet_of_the_sizing_in_use() {
    let form = pairs(&[
        ("to_fleet", "1"),
        ("clusters", "7"),
        ("workers.sizing", "nodes"),
        ("workers.nodes_per_cluster", "5"),
        ("workers.workload.pods", "300"),
        ("workers.custom.vcpu", "4"),
        ("self_hosted.worker_hourly_usd", "0.05"),
        ("uncertainty.low.workers.headroom_pct", "10"),
        ("uncertainty.low.team.annual_cost_usd", "150000"),
        ("team.engineers", "6"),
    ]);
    let out = apply_form_actions(&form);
    assert_eq!(value(&out, "fleet[0].clusters"), Some("7"));
    assert_eq!(
        value(&out, "fleet[0].pools[0].nodes_per_cluster"),
        Some("5")
    );
    assert_eq!(
        value(&out, "fleet[0].pools[0].self_hosted_hourly_usd"),
        Some("0.05")
    );
    assert_eq!(value(&out, "team.engineers"), Some("6"));
    assert_eq!(
        value(&out, "uncertainty.low.team.annual_cost_usd"),
        Some("150000")
    );
    for gone in [
        "to_fleet",
        "clusters",
        "workers.sizing",
        "fleet[0].pools[0].workload.pods",
        "fleet[0].pools[0].custom.vcpu",
        "uncertainty.low.workers.headroom_pct",
    ] {
        assert_eq!(value(&out, gone), None, "{gone}");
    }
    // A form that has a fleet already is left as it is.
    let fleet = pairs(&[("to_fleet", "1"), ("fleet[0].name", "a")]);
    assert_eq!(apply_form_actions(&fleet), pairs(&[("fleet[0].name", "a")]));
}

#[test]
fn rows_are_added_after_the_last_and_removed_whole() {
    let form = pairs(&[
        ("fleet[0].name", "a"),
        ("fleet[0].pools[0].name", "p"),
        ("fleet[0].pools[3].name", "q"),
        ("fleet[10].name", "b"),
        ("fleet[10].pools[0].name", "r"),
        ("add_row", "fleet[0].pools"),
        ("add_row", "fleet"),
        ("remove_row", "fleet[1]"),
        ("remove_row", "fleet[0].pools[3]"),
        ("add_row", "nonsense"),
    ]);
    let out = apply_form_actions(&form);
    let keys: Vec<&str> = out.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "fleet[0].name",
            "fleet[0].pools[0].name",
            "fleet[10].name",
            "fleet[10].pools[0].name",
            "fleet[0].pools[4].name",
            "fleet[11].name",
            "fleet[11].pools[0].name",
        ],
        "in the order sent: pools[4] was added while pools[3] was there; fleet[1] is not fleet[10]"
    );
    assert_eq!(
        fleet_rows(keys.iter().copied()),
        [
            "fleet[0]",
            "fleet[0].pools[0]",
            "fleet[10]",
            "fleet[10].pools[0]",
            "fleet[0].pools[4]",
            "fleet[11]",
            "fleet[11].pools[0]"
        ]
    );
}

#[test]
fn adding_after_the_largest_index_adds_nothing_and_keeps_the_row() {
    let form = pairs(&[
        ("fleet[18446744073709551615].name", "z"),
        ("fleet[18446744073709551615].pools[0].name", "q"),
        ("add_row", "fleet"),
    ]);
    let out = apply_form_actions(&form);
    assert_eq!(value(&out, "fleet[18446744073709551615].name"), Some("z"));
    assert_eq!(out.len(), 2, "{out:?}");
}

/// A form applies at most `MAX_FORM_ACTIONS` row buttons (a page sends one
/// per click): thousands in a hand-made address each scanned every pair.
#[test]
fn a_flood_of_row_buttons_is_cut_to_the_first_few() {
    let flood = vec![("add_row", "line_items"); 4_500];
    let out = apply_form_actions(&pairs(&flood));
    let rows = out.iter().filter(|(k, _)| k.ends_with("].name")).count();
    assert_eq!(rows, clusterplan_model::form::MAX_FORM_ACTIONS);
    assert!(out.iter().all(|(k, _)| k != "add_row"));
}

/// A control sent twice (only by hand) counts by its last value everywhere:
/// the instance type was read first for its custom fields and stored last.
#[test]
fn a_control_sent_twice_counts_by_its_last_value() {
    let query = "workers.instance_type=custom&workers.custom.vcpu=4\
                 &workers.instance_type=m6i.large&clusters=5&clusters=7";
    let input = clusterplan_model::form::input_from_query(query).expect("reads");
    assert_eq!(input.clusters, Some(7));
    let workers = input.workers.expect("workers");
    assert_eq!(workers.instance_type.as_deref(), Some("m6i.large"));
    assert!(
        workers.custom.is_none(),
        "custom fields count only for custom"
    );
    // An empty last value is the default, for the switch and the field alike.
    let query = "workers.instance_type=custom&workers.custom.vcpu=4&workers.instance_type=\
                 &clusters=5&clusters=";
    let input = clusterplan_model::form::input_from_query(query).expect("reads");
    assert_eq!(input.clusters, None);
    let workers = input.workers.unwrap_or_default();
    assert_eq!((workers.instance_type, workers.custom), (None, None));
}

/// The type is read trimmed, and so is the switch to its custom fields: a
/// space a phone's keyboard adds after `custom` lost the machine's fields.
#[test]
fn custom_with_a_space_around_it_keeps_its_machine() {
    let query = "workers.instance_type=custom%20&workers.custom.vcpu=8\
                 &workers.custom.memory_gib=32&workers.custom.hourly_usd=0.4\
                 &workers.custom.max_pods_vpc_cni=58";
    let input = clusterplan_model::form::input_from_query(query).expect("reads");
    let workers = input.workers.expect("workers");
    assert_eq!(workers.instance_type.as_deref(), Some("custom"));
    assert!(workers.custom.is_some(), "the machine's fields count");
}
