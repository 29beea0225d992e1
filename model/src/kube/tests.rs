//! The import on the fixtures of `tests/fixtures/kubectl` (kubectl's and the API
//! server's exact shapes) and on broken bodies.

use super::*;
use crate::input::PoolInput;

const EKS_LIST: &str = include_str!("../../../tests/fixtures/kubectl/eks-list.json");
const AUTO_MODE: &str = include_str!("../../../tests/fixtures/kubectl/apiserver-auto-mode.json");
const K9S: &str = include_str!("../../../tests/fixtures/kubectl/k9s-minikube.json");

pub(super) fn import(body: &str, sizing: Sizing) -> Imported {
    import_json(body.as_bytes(), sizing).expect("imports")
}

/// The fields `report.needs` names, in order.
pub(super) fn needs(imported: &Imported) -> Vec<&str> {
    imported
        .report
        .needs
        .iter()
        .map(|n| n.field.as_str())
        .collect()
}

pub(super) fn pools(imported: &Imported) -> &[PoolInput] {
    let fleet = imported.input.fleet.as_ref().expect("a fleet");
    assert_eq!(fleet.len(), 1);
    assert_eq!(fleet[0].clusters, Some(1));
    fleet[0].pools.as_deref().expect("pools")
}

#[test]
fn a_mixed_list_becomes_one_pool_per_type_and_capacity() {
    let imported = import(EKS_LIST, Sizing::Nodes);
    let pools = pools(&imported);
    let names: Vec<_> = pools.iter().map(|p| p.name.as_deref().unwrap()).collect();
    assert_eq!(
        names,
        [
            "m6i.xlarge on-demand",
            "m5.large spot",
            "x9z.mega on-demand",
            "fargate"
        ]
    );
    let counts: Vec<_> = pools.iter().map(|p| p.nodes_per_cluster).collect();
    assert_eq!(counts, [Some(3), Some(2), Some(1), None]);
    let spot: Vec<_> = pools.iter().map(|p| p.spot_share_pct).collect();
    assert_eq!(spot, [Some(0.0), Some(100.0), Some(0.0), None]);
    assert_eq!(pools[0].instance_type.as_deref(), Some("m6i.xlarge"));
    assert_eq!(
        pools[1].instance_type.as_deref(),
        Some("m5.large"),
        "the beta label"
    );
    assert!(pools[..3].iter().all(|p| p.system_pods_per_node == Some(2)));

    let custom = pools[2].custom.as_ref().expect("a custom machine");
    assert_eq!(pools[2].instance_type.as_deref(), Some("custom"));
    assert_eq!(custom.vcpu, Some(8.0));
    assert_eq!(custom.memory_gib, Some(64_771_732.0 / 1_048_576.0));
    assert_eq!(custom.max_pods_vpc_cni, Some(110));
    assert_eq!(custom.hourly_usd, None, "never a made-up price");

    let fargate = &pools[3];
    assert_eq!(fargate.compute.as_deref(), Some("fargate"));
    let w = fargate
        .workload
        .as_ref()
        .expect("Fargate sizes by its pods");
    assert_eq!((w.cpu_request_cores, w.pods), (Some(0.1), Some(1)));
    assert_eq!(w.memory_request_gib, Some(0.068));

    let report = &imported.report;
    assert_eq!((report.nodes, report.pods), (7, 24));
    assert_eq!(report.workload.pods, 10);
    assert_eq!(report.workload.cpu_request_cores, 17.35);
    assert_eq!(report.workload.memory_request_gib, 161.285);
    assert_eq!(report.daemonset_pods_per_node, Some(2));
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.reason.as_str(), s.count))
        .collect();
    assert_eq!(
        skipped,
        [("pod phase Succeeded", 1), ("pod phase Failed", 1)]
    );
    assert_eq!(report.needs.len(), 1);
    assert_eq!(report.needs[0].field, "fleet[0].pools[2].custom.hourly_usd");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.starts_with("12 DaemonSet pods")),
        "{:?}",
        report.warnings
    );
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.starts_with("1 pods run on no node"))
    );
    assert_eq!(imported.input.eks.auto_mode, None);
}

#[test]
fn sizing_by_requests_sums_the_pods_on_each_pools_nodes() {
    let imported = import(EKS_LIST, Sizing::Requests);
    let pools = pools(&imported);
    assert!(pools.iter().all(|p| p.nodes_per_cluster.is_none()));
    let sums: Vec<_> = pools
        .iter()
        .map(|p| {
            let w = p.workload.as_ref().unwrap();
            (w.cpu_request_cores.unwrap(), w.pods.unwrap())
        })
        .collect();
    // m6i: three checkout pods (their 2-core init container), the database
    // (5e-1) and the sandboxed pod with its overhead; m5: two report jobs.
    assert_eq!(sums, [(7.75, 5), (3.0, 2), (6.0, 1), (0.1, 1)]);
}

#[test]
fn the_custom_price_is_what_calculating_the_import_still_needs() {
    let imported = import(EKS_LIST, Sizing::Nodes);
    let errors = crate::Scenario::try_from(imported.input.clone()).expect_err("a price is missing");
    let fields: Vec<_> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["fleet[0].pools[2].custom.hourly_usd"]);

    let mut input = imported.input;
    let fleet = input.fleet.as_mut().unwrap();
    let pool = &mut fleet[0].pools.as_mut().unwrap()[2];
    pool.custom.as_mut().unwrap().hourly_usd = Some(0.5);
    crate::Scenario::try_from(input).expect("valid once priced");
}

#[test]
fn an_api_server_nodelist_and_podlist_without_kinds_turn_on_auto_mode() {
    for sizing in [Sizing::Nodes, Sizing::Requests] {
        let imported = import(AUTO_MODE, sizing);
        let pools = pools(&imported);
        assert_eq!(pools.len(), 1);
        assert_eq!(pools[0].name.as_deref(), Some("c6a.large on-demand"));
        assert_eq!(imported.input.eks.auto_mode, Some(true));
        assert!(imported.report.warnings[0].contains("EKS Auto Mode"));
        assert_eq!(imported.report.daemonset_pods_per_node, Some(1));
        assert_eq!(imported.report.workload.pods, 2);
        crate::Scenario::try_from(imported.input).expect("a valid scenario");
    }
}

#[test]
fn a_real_minikube_capture_is_a_custom_pool_that_needs_a_price() {
    let imported = import(K9S, Sizing::Nodes);
    let pools = pools(&imported);
    assert_eq!(pools[0].name.as_deref(), Some("unlabelled"));
    assert_eq!(pools[0].custom.as_ref().unwrap().vcpu, Some(4.0));
    // One init container as large as the one app container: 100m, 70 MiB.
    assert_eq!(imported.report.workload.cpu_request_cores, 0.1);
    assert_eq!(
        imported.report.needs[0].field,
        "fleet[0].pools[0].custom.hourly_usd"
    );
}

#[test]
fn either_part_may_be_missing() {
    let nodes_only = r#"{"nodes": {"items": [{"metadata": {"labels":
        {"node.kubernetes.io/instance-type": "m6i.large"}}, "status": {"capacity": {"cpu": "2"}}}]}}"#;
    let imported = import(nodes_only, Sizing::Requests);
    assert_eq!(
        pools(&imported)[0].nodes_per_cluster,
        Some(1),
        "no pods: counts"
    );
    assert_eq!(imported.report.daemonset_pods_per_node, None);

    let pods_only = r#"{"pods": {"kind": "PodList", "items": [{"spec": {"containers":
        [{"resources": {"requests": {"cpu": "250m", "memory": "1Gi"}}}]}}]}}"#;
    let imported = import(pods_only, Sizing::Nodes);
    let pool = &pools(&imported)[0];
    assert_eq!(
        pool.workload.as_ref().unwrap().cpu_request_cores,
        Some(0.25)
    );
    // Its one pool is made of every pod: none is said to be in no pool (a
    // second warning said so, against the first: an outside review).
    let warnings = &imported.report.warnings;
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("no nodes in the input")),
        "{warnings:?}"
    );
    assert!(
        !warnings.iter().any(|w| w.contains("run on no node")),
        "{warnings:?}"
    );
    crate::Scenario::try_from(imported.input).expect("a valid scenario");
}

#[test]
fn the_answer_carries_no_names_addresses_or_uids() {
    for (body, sizing) in [
        (EKS_LIST, Sizing::Nodes),
        (EKS_LIST, Sizing::Requests),
        (K9S, Sizing::Nodes),
    ] {
        let answer = serde_json::to_string(&import(body, sizing)).unwrap();
        for secret in [
            "ip-10-0",
            "10.0.",
            "payments",
            "tenant-blue",
            "secret-lab",
            "checkout",
            "ledger",
            "aws-node",
            "8f0e2c1a",
            "3e4f5a6b",
            "minikube",
            "nginx",
            "192.168",
            "614908ed",
            "batch-spot",
        ] {
            assert!(!answer.contains(secret), "{secret} in {answer}");
        }
    }
}

#[test]
fn the_import_writes_a_fleet_and_no_workers() {
    for (body, sizing) in [(EKS_LIST, Sizing::Nodes), (K9S, Sizing::Requests)] {
        let input = serde_json::to_value(import(body, sizing).input).unwrap();
        assert!(input.get("workers").is_none(), "{input}");
        assert!(input.get("fleet").is_some(), "{input}");
    }
}
