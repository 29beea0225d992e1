//! The import's refusals: other kinds, empty bodies, the caps, bad quantities,
//! cut-off JSON and YAML.

use super::*;

fn invalid(body: &str) -> Vec<FieldError> {
    match import_json(body.as_bytes(), Sizing::Nodes) {
        Err(InputError::Invalid(errors)) => errors,
        other => panic!("{other:?}"),
    }
}

fn malformed(body: &str) -> String {
    match import_json(body.as_bytes(), Sizing::Nodes) {
        Err(InputError::Malformed { message }) => message,
        other => panic!("{other:?}"),
    }
}

#[test]
fn another_kind_is_refused_by_name() {
    let errors = invalid(r#"{"kind": "DeploymentList", "items": []}"#);
    assert_eq!(errors[0].field, "kind");
    assert!(
        errors[0].message.contains("DeploymentList"),
        "{}",
        errors[0].message
    );
    let errors = invalid(r#"{"nodes": {"kind": "PodList", "items": []}}"#);
    assert_eq!(errors[0].field, "nodes.kind");
    let services = r#"{"kind": "List", "items": [{"kind": "Service"}, {"kind": "Node"}]}"#;
    let imported = import_json(services.as_bytes(), Sizing::Nodes).expect("imports");
    assert_eq!(imported.report.skipped[0].reason, "kind Service");
}

#[test]
fn nothing_to_import_is_refused() {
    assert_eq!(invalid(r#"{"kind": "List", "items": []}"#)[0].field, "");
    assert_eq!(invalid("{}")[0].field, "");
    assert_eq!(invalid(r#"[null, [{"kind": "Node"}]]"#)[0].field, "");
    assert_eq!(invalid("5")[0].field, "");
    // Any JSON that is not an object is told what kubectl prints; `null` was
    // told to "omit the field".
    for body in ["null", " true", "5", "-1", "\"x\"", "[]"] {
        let message = &invalid(body)[0].message;
        assert!(
            message.starts_with("must be a JSON object"),
            "{body}: {message}"
        );
    }
    // Items of no kind it reads are counted in the refusal.
    let message =
        &invalid(r#"{"kind": "List", "items": [{"kind": "node"}, {"kind": "node"}]}"#)[0].message;
    assert!(message.ends_with("; left out: 2 kind node"), "{message}");
}

#[test]
fn over_the_caps_is_refused() {
    let many = |n: usize, kind: &str| {
        format!(
            r#"{{"kind": "{kind}", "items": [{}]}}"#,
            vec!["{}"; n].join(",")
        )
    };
    assert!(import_json(many(MAX_NODES, "NodeList").as_bytes(), Sizing::Nodes).is_ok());
    let errors = invalid(&many(MAX_NODES + 1, "NodeList"));
    assert_eq!(errors[0].field, "items");
    assert!(
        errors[0].message.contains("5001 nodes"),
        "{}",
        errors[0].message
    );
    let errors = invalid(&many(MAX_PODS + 1, "PodList"));
    assert!(
        errors[0].message.contains("20001 pods"),
        "{}",
        errors[0].message
    );
    let errors = invalid(&many(MAX_ITEMS + 1, "List"));
    assert_eq!(errors[0].field, "items");
}

#[test]
fn the_item_cap_counts_every_list_of_one_body() {
    // 10,000 items in each of the three lists: 30,000 in one body.
    let list = |kind: &str| {
        let items = vec![format!(r#"{{"kind": "{kind}"}}"#); 10_000].join(",");
        format!(r#"{{"kind": "{kind}List", "items": [{items}]}}"#)
    };
    let items = vec![r#"{"kind": "Pod"}"#; 10_000].join(",");
    let body = format!(
        r#"{{"kind": "List", "items": [{items}], "nodes": {}, "pods": {}}}"#,
        list("Node"),
        list("Pod")
    );
    let errors = invalid(&body);
    assert!(errors[0].message.contains("25000 items"), "{:?}", errors[0]);
    // Each body is counted from zero.
    let small = r#"{"kind": "List", "items": [{"kind": "Node"}]}"#;
    assert!(import_json(small.as_bytes(), Sizing::Nodes).is_ok());
}

#[test]
fn a_bad_quantity_is_named_by_its_path() {
    let body = r#"{"kind": "List", "items": [{"kind": "Node", "status": {"capacity": {"cpu": "4 cores"}}}]}"#;
    let errors = invalid(body);
    assert_eq!(errors[0].field, "items[0].status.capacity.cpu");
}

#[test]
fn truncated_json_says_the_byte_it_ends_at() {
    let cut = &include_str!("../../../tests/fixtures/kubectl/eks-list.json")[..1000];
    let message = malformed(cut);
    assert!(
        message.contains("ends early") && message.contains("byte 1000"),
        "{message}"
    );
    let message = malformed("{\n  \"kind\": List}");
    assert!(message.contains("byte 12"), "{message}");
}

#[test]
fn yaml_is_told_to_use_json() {
    for body in [
        "apiVersion: v1\nkind: List\nitems: []\n",
        "---\nkind: List",
        "items:\n- kind: Node",
    ] {
        assert!(malformed(body).contains("-o json"), "{body}");
    }
}

#[test]
fn kubectls_table_is_told_to_use_json() {
    for body in [
        "NAME       STATUS   ROLES    AGE   VERSION\nnode-1     Ready    <none>   3d    v1.31.2\n",
        "NAMESPACE   NAME    READY   STATUS\n",
        "NAME\tSTATUS\n",
    ] {
        let message = malformed(body);
        assert!(
            message.contains("table") && message.contains("-o json"),
            "{message}"
        );
    }
}

#[test]
fn a_cut_off_body_after_a_byte_order_mark_is_placed_from_the_first_byte() {
    let message = malformed("\u{feff}{\"kind\": \"List\", \"items\": [");
    // 3 bytes of mark and 27 of JSON: the body ends at byte 30.
    assert!(message.contains("at byte 30"), "{message}");
}
