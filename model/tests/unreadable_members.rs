//! A body with members that cannot be read (unknown, of the wrong type) is
//! still reported whole: each such member, then every range and rule violation
//! of the rest, all at once (spec §2, §6), nothing twice.

mod common;

use clusterplan_model::{InputError, parse_input};

fn fields(json: &str) -> Vec<String> {
    let mut fields: Vec<String> = common::field_errors(json)
        .into_iter()
        .map(|e| e.field)
        .collect();
    fields.sort();
    fields
}

#[test]
fn every_unknown_member_is_listed() {
    assert_eq!(
        fields(r#"{"foo": 1, "bar": 2, "eks": {"baz": 1}}"#),
        ["bar", "eks.baz", "foo"]
    );
}

#[test]
fn every_member_of_the_wrong_type_is_listed() {
    assert_eq!(
        fields(r#"{"clusters": "x", "horizon_months": "y"}"#),
        ["clusters", "horizon_months"]
    );
    assert_eq!(
        fields(r#"{"clusters": 2.5, "team": {"engineers": 0}}"#),
        ["clusters", "team.engineers"]
    );
}

#[test]
fn range_and_rule_violations_of_the_rest_come_with_them() {
    assert_eq!(
        fields(r#"{"clustres": 5, "workers": {"headroom_pct": -1}}"#),
        ["clustres", "workers.headroom_pct"]
    );
    let fleet = r#"{"fleet": [{"name": "a", "clusters": "x",
        "pools": [{"name": "p", "instance_type": "m5.large", "nodes_per_cluster": 2,
                   "headroom_pct": -5, "colour": "red"}]}]}"#;
    assert_eq!(
        fields(fleet),
        [
            "fleet[0].clusters",
            "fleet[0].pools[0].colour",
            "fleet[0].pools[0].headroom_pct"
        ]
    );
}

#[test]
fn nothing_under_a_member_already_reported_is_reported_again() {
    // `workers` is not an object: its members' rules are not checked.
    assert_eq!(
        fields(r#"{"workers": 5, "clusters": 0}"#),
        ["clusters", "workers"]
    );
    let errors = common::field_errors(r#"{"eks": {"spot_share_pct": "x"}, "self_hosted": 1}"#);
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn a_body_that_is_not_json_is_still_malformed() {
    for body in [r#"{"foo": 1,"#, r#"{"clusters": "x" "#, "[1, 2"] {
        assert!(
            matches!(
                parse_input(body.as_bytes()),
                Err(InputError::Malformed { .. })
            ),
            "{body}"
        );
    }
}

#[test]
fn a_missing_member_stops_the_reading_with_what_was_found() {
    // A fleet group without its name cannot be read on; what came before is kept.
    let fields = fields(r#"{"foo": 1, "fleet": [{"clusters": 2, "pools": []}]}"#);
    assert!(fields.contains(&"foo".to_owned()), "{fields:?}");
    assert!(fields.contains(&"fleet[0].name".to_owned()), "{fields:?}");
}

#[test]
fn the_rereading_is_bounded_by_the_bodys_size() {
    // 100 unknown members after a 64 KiB valid part: each pass reads it all,
    // so only a few passes are made (what they found is reported).
    let items = vec!["{}"; 21_800].join(",");
    let unknown: Vec<String> = (0..100).map(|i| format!("\"zz{i:03}\": 1")).collect();
    let large = format!(r#"{{"line_items": [{items}], {}}}"#, unknown.join(","));
    let found = common::field_errors(&large).len();
    assert!((1..10).contains(&found), "{found} errors");
    // In a small body every one is found.
    let small = format!("{{{}}}", unknown.join(","));
    assert_eq!(common::field_errors(&small).len(), 100);
}

#[test]
fn a_member_given_twice_is_named_beside_the_others() {
    for json in [
        r#"{"bogus": 1, "clusters": 2, "clusters": 0}"#,
        r#"{"bogus": 1, "clusters": 0, "clusters": 2}"#,
    ] {
        let errors = common::field_errors(json);
        let said: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            said,
            [
                ("clusters", "is given more than once"),
                ("bogus", "unknown field")
            ],
            "{json}"
        );
    }
}
