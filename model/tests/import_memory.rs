//! An import's memory: what is read inside one Kubernetes object is folded as
//! it streams, so a pod of 200,000 containers costs what a pod of one does.
//! Before, one 32 MiB pod of 11 million empty containers took the server to
//! 839 MB (issue 23's review); and names are kept at most 253 bytes long,
//! label values, kinds and phases at most 63.
//! This binary counts the heap with its own allocator, so it holds only these
//! tests, and they take turns ([`ONE_AT_A_TIME`]): they share the heap.

use clusterplan_model::InputError;
use clusterplan_model::kube::{Imported, Sizing, import_json};
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Held by each test from before it builds its body to after it measures, so
/// no other test's allocations fall into its peak.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A pod whose `member` lists `count` empty objects.
fn pod_of(member: &str, count: usize) -> String {
    format!(
        r#"{{"kind": "List", "items": [{{"kind": "Pod", "metadata": {{"ownerReferences": [{}]}},
        "spec": {{"{member}": [{}]}}}}]}}"#,
        vec!["{}"; 1000].join(","),
        vec![r#"{"resources": {"requests": {"cpu": "1m"}}}"#; count].join(",")
    )
}

/// The body `make` builds, imported: what was read, and the heap's peak
/// beyond what it held before (the body's own bytes included in neither).
fn measured(make: impl FnOnce() -> String, sizing: Sizing) -> (Imported, usize, usize) {
    let (imported, extra, body_len) = attempted(make, sizing);
    (imported.expect("imports"), extra, body_len)
}

/// [`measured`] for a body that may be refused.
fn attempted(
    make: impl FnOnce() -> String,
    sizing: Sizing,
) -> (Result<Imported, InputError>, usize, usize) {
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let body = make();
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let imported = import_json(body.as_bytes(), sizing);
    let extra = HEAP.peak_usage().saturating_sub(before);
    (imported, extra, body.len())
}

#[test]
fn a_pod_of_200_000_containers_is_read_in_little_more_than_its_body() {
    for member in ["containers", "initContainers"] {
        let (imported, extra, body_len) = measured(|| pod_of(member, 200_000), Sizing::Requests);
        assert_eq!(imported.report.pods, 1);
        // A kept container is at least 48 bytes: 200,000 of them, 9.6 MB.
        assert!(
            extra < 1024 * 1024,
            "{member}: {extra} bytes beyond the {body_len}-byte body"
        );
    }
}

#[test]
fn long_names_are_not_kept_whole() {
    // 500 nodes with 100 KB names and labels: kept whole, 100 MB. The names
    // differ in their first bytes: a name used twice is refused.
    let long = "n".repeat(100_000);
    let node = |i: usize| {
        format!(
            r#"{{"kind": "Node", "metadata": {{"name": "{i}{long}", "labels": {{
            "node.kubernetes.io/instance-type": "{long}"}}}}, "status": {{"capacity": {{"cpu": "2"}}}}}}"#
        )
    };
    let list = || {
        let nodes: Vec<String> = (0..500).map(node).collect();
        format!(r#"{{"kind": "List", "items": [{}]}}"#, nodes.join(","))
    };
    let (imported, extra, body_len) = measured(list, Sizing::Nodes);
    assert_eq!(imported.report.nodes, 500);
    assert!(
        extra < 4 * 1024 * 1024,
        "{extra} bytes beyond the {body_len}-byte body"
    );
}

#[test]
fn label_values_kinds_and_phases_are_kept_at_most_63_bytes() {
    // 5,000 pods whose every kept string runs past its limit. With all nine
    // strings of a pod at 253 bytes the import held 14.9 MB beyond the body;
    // with the seven that are not names at 63, 9.2 MB (the items themselves,
    // about 500 bytes each, and their vector's growth are most of the rest).
    let long = "x".repeat(300);
    let labels = [
        "node.kubernetes.io/instance-type",
        "beta.kubernetes.io/instance-type",
        "eks.amazonaws.com/capacityType",
        "karpenter.sh/capacity-type",
        "eks.amazonaws.com/compute-type",
    ]
    .map(|label| format!(r#""{label}": "{long}""#))
    .join(",");
    let pod = |n: usize| {
        format!(
            r#"{{"kind": "Pod{long}", "metadata": {{"name": "{n}{long}", "labels": {{{labels}}}}},
            "spec": {{"nodeName": "{long}"}}, "status": {{"phase": "{long}"}}}}"#
        )
    };
    let list = || {
        let pods: Vec<String> = (0..5_000).map(pod).collect();
        format!(r#"{{"kind": "List", "items": [{}]}}"#, pods.join(","))
    };
    let (refused, extra, _) = attempted(list, Sizing::Requests);
    assert!(refused.is_err(), "no pod of a known kind");
    assert!(extra < 11 * 1024 * 1024, "{extra} bytes beyond the body");
}
