//! Input sections that size the worker nodes.

use crate::strict::{absent, nullable_integer, object_only, present, present_integer};
use serde::{Deserialize, Serialize};

/// Worker nodes: instance type and sizing (`workers`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct WorkersInput {
    /// Worker node instance type: a catalog type or "custom" (then workers.custom is required).
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub instance_type: Option<String>,
    /// The worker machine when instance_type is "custom": {vcpu, memory_gib, hourly_usd, max_pods_vpc_cni}.
    #[serde(skip_serializing_if = "absent")]
    pub custom: Option<CustomInput>,
    /// Explicit worker node count per cluster, used by both options. Exclusive with workload: sending it makes workload null.
    #[serde(deserialize_with = "nullable_integer", skip_serializing_if = "absent")]
    pub nodes_per_cluster: Option<i64>,
    /// Per-cluster sum of pod requests; nodes are sized from it. Exclusive with nodes_per_cluster. Missing members take their defaults.
    #[serde(skip_serializing_if = "absent")]
    pub workload: Option<WorkloadInput>,
    /// Spare capacity above the requests (guards against OOMKills and a lost node).
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub headroom_pct: Option<f64>,
    /// Fewest worker nodes per cluster, to spread over availability zones.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub min_nodes_per_cluster: Option<i64>,
    /// DaemonSet pods on every node that use pod slots.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub system_pods_per_node: Option<i64>,
    /// Root EBS volume per node (control-plane nodes too, when self-hosted).
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub volume_gib_per_node: Option<f64>,
    /// Savings Plan or Reserved Instance discount on EC2 compute (workers, self-hosted control plane).
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub compute_discount_pct: Option<f64>,
}

/// A worker machine outside the catalog (`workers.custom`); every member is required.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct CustomInput {
    /// vCPUs of the custom worker machine.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub vcpu: Option<f64>,
    /// Memory of the custom worker machine.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub memory_gib: Option<f64>,
    /// Price of one custom worker machine per hour.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub hourly_usd: Option<f64>,
    /// Pods per node the VPC CNI allows on the custom machine (ENIs x (IPv4 per ENI - 1) + 2).
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub max_pods_vpc_cni: Option<i64>,
}

/// Per-cluster sum of pod requests (`workers.workload`); missing members take their defaults.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct WorkloadInput {
    /// Sum of the pods' CPU requests in one cluster.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub cpu_request_cores: Option<f64>,
    /// Sum of the pods' memory requests in one cluster.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub memory_request_gib: Option<f64>,
    /// Pods running in one cluster.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub pods: Option<i64>,
}

object_only!(WorkersInput, CustomInput, WorkloadInput);
