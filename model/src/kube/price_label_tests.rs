//! Nodes the catalog's us-east-1 Linux prices do not price: another OS or
//! region, by today's labels or their older names.

use serde_json::json;

use super::Sizing;
use super::pool_tests::{list, node};
use super::tests::{import, needs, pools};

#[test]
fn windows_nodes_and_nodes_of_another_region_need_their_own_price() {
    let at = |os: &str, region: &str| {
        json!({"node.kubernetes.io/instance-type": "m6i.large",
               "kubernetes.io/os": os, "topology.kubernetes.io/region": region})
    };
    let body = list(&[
        node("a", at("linux", "us-east-1"), "2", "8Gi"),
        node("b", at("linux", "us-east-1"), "2", "8Gi"),
        node("c", at("windows", "us-east-1"), "2", "8Gi"),
        node("d", at("linux", "eu-west-1"), "2", "8Gi"),
        node(
            "e",
            json!({"eks.amazonaws.com/compute-type": "fargate",
                         "topology.kubernetes.io/region": "eu-west-1"}),
            "2",
            "4Gi",
        ),
    ]);
    let imported = import(&body, Sizing::Nodes);
    let types: Vec<_> = pools(&imported)
        .iter()
        .map(|p| p.instance_type.as_deref())
        .collect();
    assert_eq!(
        types,
        [Some("m6i.large"), Some("custom"), Some("custom"), None]
    );
    assert_eq!(
        needs(&imported),
        [
            "fleet[0].pools[1].custom.hourly_usd",
            "fleet[0].pools[2].custom.hourly_usd"
        ]
    );
    let says = |i: usize, what: &str| imported.report.needs[i].message.contains(what);
    assert!(
        says(0, "Windows") || says(1, "Windows"),
        "{:?}",
        imported.report.needs
    );
    assert!(says(0, "outside us-east-1") || says(1, "outside us-east-1"));
    assert!(
        imported
            .report
            .warnings
            .iter()
            .any(|w| w.starts_with("1 Fargate nodes run outside"))
    );
    let answer = serde_json::to_string(&imported).unwrap();
    assert!(
        !answer.contains("eu-west-1"),
        "no label value but the types: {answer}"
    );
}

#[test]
fn the_older_os_and_region_labels_say_the_same() {
    let body = list(&[
        node(
            "a",
            json!({"node.kubernetes.io/instance-type": "m6i.large"}),
            "2",
            "8Gi",
        ),
        node(
            "b",
            json!({"node.kubernetes.io/instance-type": "m6i.large",
                         "beta.kubernetes.io/os": "windows"}),
            "2",
            "8Gi",
        ),
        node(
            "c",
            json!({"node.kubernetes.io/instance-type": "m6i.large",
                         "failure-domain.beta.kubernetes.io/region": "eu-west-1"}),
            "2",
            "8Gi",
        ),
    ]);
    let imported = import(&body, Sizing::Nodes);
    let types: Vec<_> = pools(&imported)
        .iter()
        .map(|p| p.instance_type.as_deref())
        .collect();
    assert_eq!(types, [Some("m6i.large"), Some("custom"), Some("custom")]);
    assert_eq!(imported.report.needs.len(), 2);
}
