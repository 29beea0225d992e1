//! Validation, table-driven: each input maps to the exact field paths that must be
//! reported (all at once, in form order). The edges that pass: `validation_edges.rs`.

mod common;

use common::field_errors;

/// Invalid inputs and every field path they must report, in form order.
const INVALID: &[(&str, &[&str])] = &[
    // §2 ranges, both ends.
    (r#"{"horizon_months": 0}"#, &["horizon_months"]),
    (r#"{"horizon_months": 121}"#, &["horizon_months"]),
    (r#"{"clusters": 0}"#, &["clusters"]),
    (r#"{"clusters": 1001}"#, &["clusters"]),
    (r#"{"clusters": -3}"#, &["clusters"]),
    (
        r#"{"workers": {"headroom_pct": -1}}"#,
        &["workers.headroom_pct"],
    ),
    (
        r#"{"workers": {"headroom_pct": 200.5}}"#,
        &["workers.headroom_pct"],
    ),
    (
        r#"{"workers": {"min_nodes_per_cluster": 0}}"#,
        &["workers.min_nodes_per_cluster"],
    ),
    (
        r#"{"workers": {"system_pods_per_node": 51}}"#,
        &["workers.system_pods_per_node"],
    ),
    (
        r#"{"workers": {"volume_gib_per_node": 16385}}"#,
        &["workers.volume_gib_per_node"],
    ),
    (
        r#"{"workers": {"compute_discount_pct": 100}}"#,
        &["workers.compute_discount_pct"],
    ),
    (
        r#"{"workers": {"nodes_per_cluster": 0}}"#,
        &["workers.nodes_per_cluster"],
    ),
    (
        r#"{"workers": {"workload": {"pods": -1}}}"#,
        &["workers.workload.pods"],
    ),
    (
        r#"{"workers": {"workload": {"cpu_request_cores": -0.5}}}"#,
        &["workers.workload.cpu_request_cores"],
    ),
    (r#"{"eks": {"on_call_slots": 11}}"#, &["eks.on_call_slots"]),
    (
        r#"{"eks": {"standard_hourly_usd": -0.01}}"#,
        &["eks.standard_hourly_usd"],
    ),
    (r#"{"eks": {"setup_hours": 1000001}}"#, &["eks.setup_hours"]),
    (
        r#"{"eks": {"incidents_per_cluster_month": 10001}}"#,
        &["eks.incidents_per_cluster_month"],
    ),
    (
        r#"{"self_hosted": {"on_call_slots": -1}}"#,
        &["self_hosted.on_call_slots"],
    ),
    (
        r#"{"self_hosted": {"worker_hourly_usd": -1}}"#,
        &["self_hosted.worker_hourly_usd"],
    ),
    (
        r#"{"self_hosted": {"control_plane_hourly_usd": 2000000}}"#,
        &["self_hosted.control_plane_hourly_usd"],
    ),
    (
        r#"{"self_hosted": {"max_pods_per_node": 0}}"#,
        &["self_hosted.max_pods_per_node"],
    ),
    (r#"{"team": {"engineers": 0}}"#, &["team.engineers"]),
    (
        r#"{"team": {"annual_cost_usd": 1000000001}}"#,
        &["team.annual_cost_usd"],
    ),
    (
        r#"{"team": {"productive_hours_per_year": 0}}"#,
        &["team.productive_hours_per_year"],
    ),
    (
        r#"{"team": {"productive_hours_per_year": 8761}}"#,
        &["team.productive_hours_per_year"],
    ),
    (
        r#"{"team": {"ops_budget_pct": 0.5}}"#,
        &["team.ops_budget_pct"],
    ),
    (
        r#"{"team": {"ops_budget_pct": 101}}"#,
        &["team.ops_budget_pct"],
    ),
    (
        r#"{"upgrades": {"campaigns_per_year": 0}}"#,
        &["upgrades.campaigns_per_year"],
    ),
    (
        r#"{"upgrades": {"campaigns_per_year": 12.5}}"#,
        &["upgrades.campaigns_per_year"],
    ),
    (
        r#"{"upgrades": {"releases_per_year": 0.5}}"#,
        &["upgrades.releases_per_year"],
    ),
    (
        r#"{"upgrades": {"versions_behind_latest": 6}}"#,
        &["upgrades.versions_behind_latest"],
    ),
    (
        r#"{"upgrades": {"upstream_support_months": 601}}"#,
        &["upgrades.upstream_support_months"],
    ),
    (
        r#"{"prices": {"s3_gib_month_usd": -0.023}}"#,
        &["prices.s3_gib_month_usd"],
    ),
    // etcd quorum: only 1, 3, 5 or 7.
    (
        r#"{"self_hosted": {"control_plane_nodes": 2}}"#,
        &["self_hosted.control_plane_nodes"],
    ),
    (
        r#"{"self_hosted": {"control_plane_nodes": 4}}"#,
        &["self_hosted.control_plane_nodes"],
    ),
    (
        r#"{"self_hosted": {"control_plane_nodes": 9}}"#,
        &["self_hosted.control_plane_nodes"],
    ),
    // Instance types.
    (
        r#"{"workers": {"instance_type": "m9z.huge"}}"#,
        &["workers.instance_type"],
    ),
    (
        r#"{"self_hosted": {"control_plane_instance_type": "custom"}}"#,
        &["self_hosted.control_plane_instance_type"],
    ),
    (
        r#"{"self_hosted": {"control_plane_instance_type": "x1"}}"#,
        &["self_hosted.control_plane_instance_type"],
    ),
    // The custom machine: required, only with "custom", complete, in range.
    // Missing whole, each member is named: a form marks a box per member.
    (
        r#"{"workers": {"instance_type": "custom"}}"#,
        &[
            "workers.custom.vcpu",
            "workers.custom.memory_gib",
            "workers.custom.hourly_usd",
            "workers.custom.max_pods_vpc_cni",
        ],
    ),
    (
        r#"{"workers": {"custom": {"vcpu": 4, "memory_gib": 16, "hourly_usd": 0.1, "max_pods_vpc_cni": 58}}}"#,
        &["workers.custom"],
    ),
    (
        r#"{"workers": {"instance_type": "custom", "custom": {"vcpu": 4}}}"#,
        &[
            "workers.custom.memory_gib",
            "workers.custom.hourly_usd",
            "workers.custom.max_pods_vpc_cni",
        ],
    ),
    (
        r#"{"workers": {"instance_type": "custom",
            "custom": {"vcpu": 0, "memory_gib": 0, "hourly_usd": -1, "max_pods_vpc_cni": 0}}}"#,
        &[
            "workers.custom.vcpu",
            "workers.custom.memory_gib",
            "workers.custom.hourly_usd",
            "workers.custom.max_pods_vpc_cni",
        ],
    ),
    // Sizing modes are exclusive.
    (
        r#"{"workers": {"nodes_per_cluster": 4, "workload": {"pods": 10}}}"#,
        &["workers.nodes_per_cluster", "workers.workload"],
    ),
    // No allocatable memory: 0.5 GiB minus the reservation for 58 (EKS) and 110 pods.
    (
        r#"{"workers": {"instance_type": "custom",
            "custom": {"vcpu": 2, "memory_gib": 0.5, "hourly_usd": 0.01, "max_pods_vpc_cni": 58}}}"#,
        &["workers.custom.memory_gib", "self_hosted.max_pods_per_node"],
    ),
    // t3.medium (4 GiB) with 400 kubelet pods: (255 + 4400 + 100)/1024 = 4.64 GiB reserved.
    (
        r#"{"workers": {"instance_type": "t3.medium"}, "self_hosted": {"max_pods_per_node": 400}}"#,
        &["self_hosted.max_pods_per_node"],
    ),
    // No pod slots: t3.medium allows 3·5+2 = 17 pods, all taken by 17 DaemonSet pods.
    (
        r#"{"workers": {"instance_type": "t3.medium", "system_pods_per_node": 17}}"#,
        &["workers.system_pods_per_node"],
    ),
    (
        r#"{"self_hosted": {"max_pods_per_node": 3}}"#,
        &["self_hosted.max_pods_per_node"],
    ),
    // Several violations reported together, in form order.
    (
        r#"{"team": {"engineers": 0}, "clusters": 0,
            "workers": {"headroom_pct": -5, "instance_type": "nope"},
            "self_hosted": {"control_plane_nodes": 2}}"#,
        &[
            "clusters",
            "workers.instance_type",
            "workers.headroom_pct",
            "self_hosted.control_plane_nodes",
            "team.engineers",
        ],
    ),
];

#[test]
fn every_rule_reports_its_field_paths() {
    for (input, paths) in INVALID {
        let errors = field_errors(input);
        let got: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(&got, paths, "{input}: {errors:?}");
        assert!(errors.iter().all(|e| !e.message.is_empty()), "{input}");
    }
}
