//! What makes a pool: its fewest nodes under sizing by requests, one custom
//! machine per pool, control-plane nodes left out (the nodes the catalog does
//! not price: `price_label_tests`).

use serde_json::{Value, json};

use super::Sizing;
use super::tests::{import, pools};

/// A node of these labels and capacity (110 pod slots).
pub(super) fn node(name: &str, labels: Value, cpu: &str, memory: &str) -> Value {
    json!({"kind": "Node", "metadata": {"name": name, "labels": labels},
           "status": {"capacity": {"cpu": cpu, "memory": memory, "pods": "110"}}})
}

/// A running pod on `node` requesting `cpu` and 1 GiB.
pub(super) fn pod(node: &str, cpu: &str) -> Value {
    json!({"kind": "Pod", "spec": {"nodeName": node, "containers":
        [{"resources": {"requests": {"cpu": cpu, "memory": "1Gi"}}}]}})
}

pub(super) fn list(items: &[Value]) -> String {
    json!({"kind": "List", "items": items}).to_string()
}

fn typed(instance_type: &str) -> Value {
    json!({"node.kubernetes.io/instance-type": instance_type})
}

#[test]
fn sizing_by_requests_asks_no_more_nodes_than_each_pool_runs() {
    let body = list(&[
        node("a", typed("m6i.xlarge"), "4", "16Gi"),
        node("b", typed("m5.large"), "2", "8Gi"),
        node("c", typed("m5.large"), "2", "8Gi"),
        node("d", typed("c6a.large"), "2", "4Gi"),
        node("e", typed("c6a.large"), "2", "4Gi"),
        node("f", typed("c6a.large"), "2", "4Gi"),
        node("g", typed("c6a.large"), "2", "4Gi"),
        pod("a", "1"),
    ]);
    let imported = import(&body, Sizing::Requests);
    let fewest: Vec<_> = pools(&imported)
        .iter()
        .map(|p| (p.name.clone().unwrap(), p.min_nodes_per_cluster))
        .collect();
    assert_eq!(
        fewest,
        [
            ("c6a.large".to_owned(), Some(3)),
            ("m5.large".to_owned(), Some(2)),
            ("m6i.xlarge".to_owned(), Some(1)),
        ]
    );
    let scenario = crate::Scenario::try_from(imported.input).expect("valid");
    let planned: Vec<_> = crate::calculate(&scenario).options.eks.common.pools;
    let nodes: Vec<_> = planned.iter().map(|p| p.nodes_per_cluster).collect();
    assert_eq!(nodes, [3, 2, 1], "no pool grows past what it runs");
    // Counted pools keep the default: their node count is the plan.
    let counted = import(&body, Sizing::Nodes);
    assert!(
        pools(&counted)
            .iter()
            .all(|p| p.min_nodes_per_cluster.is_none())
    );
}

#[test]
fn unpriced_nodes_of_different_machines_are_separate_pools() {
    let none = json!({});
    let body = list(&[
        node("a", none.clone(), "4", "16Gi"),
        node("b", none.clone(), "4", "16Gi"),
        node("c", none.clone(), "8", "16Gi"),
        node("d", none, "4", "32Gi"),
    ]);
    let imported = import(&body, Sizing::Nodes);
    let shapes: Vec<_> = pools(&imported)
        .iter()
        .map(|p| {
            let c = p.custom.as_ref().expect("custom");
            let name = p.name.clone().unwrap();
            (name, p.nodes_per_cluster, c.vcpu, c.memory_gib)
        })
        .collect();
    assert_eq!(
        shapes,
        [
            ("unlabelled".to_owned(), Some(2), Some(4.0), Some(16.0)),
            ("unlabelled 2".to_owned(), Some(1), Some(4.0), Some(32.0)),
            ("unlabelled 3".to_owned(), Some(1), Some(8.0), Some(16.0)),
        ]
    );
    let needs: Vec<_> = imported.report.needs.iter().map(|n| &n.field).collect();
    assert_eq!(needs.len(), 3, "each machine its own price: {needs:?}");
}

#[test]
fn control_plane_nodes_and_their_pods_are_left_out_of_the_workers() {
    let role = |key: &str| json!({"node.kubernetes.io/instance-type": "m6i.large", key: ""});
    let control = |name: &str| {
        node(
            name,
            role("node-role.kubernetes.io/control-plane"),
            "2",
            "8Gi",
        )
    };
    let body = list(&[
        control("cp1"),
        control("cp2"),
        node("cp3", role("node-role.kubernetes.io/master"), "2", "8Gi"),
        node("w1", typed("m6i.xlarge"), "4", "16Gi"),
        pod("cp1", "2"),
        pod("cp3", "2"),
        pod("w1", "1"),
    ]);
    let imported = import(&body, Sizing::Requests);
    let pools = pools(&imported);
    assert_eq!(pools.len(), 1);
    assert_eq!(pools[0].name.as_deref(), Some("m6i.xlarge"));
    let workload = pools[0].workload.as_ref().unwrap();
    assert_eq!(
        (workload.cpu_request_cores, workload.pods),
        (Some(1.0), Some(1))
    );
    assert_eq!(imported.input.self_hosted.control_plane_nodes, Some(3));
    let report = &imported.report;
    assert_eq!(
        report.workload.pods, 1,
        "etcd and the API server are not workload"
    );
    assert_eq!(report.skipped[0].reason, "pod on a control-plane node");
    assert_eq!(report.skipped[0].count, 2);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.starts_with("3 control-plane nodes")),
        "{:?}",
        report.warnings
    );

    // Two: not a count etcd's quorum takes, so the default stays and a warning says so.
    let two = list(&[
        control("cp1"),
        control("cp2"),
        node("w1", typed("m6i.xlarge"), "4", "16Gi"),
    ]);
    let imported = import(&two, Sizing::Nodes);
    assert_eq!(imported.input.self_hosted.control_plane_nodes, None);
    assert!(
        imported
            .report
            .warnings
            .iter()
            .any(|w| w.contains("1, 3, 5 or 7")),
        "{:?}",
        imported.report.warnings
    );
    crate::Scenario::try_from(imported.input).expect("valid");
}
