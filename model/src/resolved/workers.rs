//! Resolved sections that size the worker nodes.

use serde::{Deserialize, Serialize};

/// Worker nodes, resolved (`inputs.workers`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workers {
    /// Worker node instance type: a catalog type or "custom" (then workers.custom is required).
    pub instance_type: String,
    /// The worker machine when instance_type is "custom": {vcpu, memory_gib, hourly_usd, max_pods_vpc_cni}.
    pub custom: Option<CustomInstance>,
    /// Explicit worker node count per cluster, used by both options. Exclusive with workload: sending it makes workload null.
    pub nodes_per_cluster: Option<u32>,
    /// Per-cluster sum of pod requests; nodes are sized from it. Exclusive with nodes_per_cluster. Missing members take their defaults.
    pub workload: Option<Workload>,
    /// Spare capacity above the requests (guards against OOMKills and a lost node).
    pub headroom_pct: f64,
    /// Fewest worker nodes per cluster, to spread over availability zones.
    pub min_nodes_per_cluster: u32,
    /// DaemonSet pods on every node that use pod slots.
    pub system_pods_per_node: u32,
    /// Root EBS volume per node (control-plane nodes too, when self-hosted).
    pub volume_gib_per_node: f64,
    /// Savings Plan or Reserved Instance discount on EC2 compute (workers, self-hosted control plane).
    pub compute_discount_pct: f64,
}

/// A worker machine outside the catalog, and the resolved worker machine of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomInstance {
    /// vCPUs of the custom worker machine.
    pub vcpu: f64,
    /// Memory of the custom worker machine.
    pub memory_gib: f64,
    /// Price of one custom worker machine per hour.
    pub hourly_usd: f64,
    /// Pods per node the VPC CNI allows on the custom machine (ENIs x (IPv4 per ENI - 1) + 2).
    pub max_pods_vpc_cni: u32,
}

/// Per-cluster sum of pod requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    /// Sum of the pods' CPU requests in one cluster.
    pub cpu_request_cores: f64,
    /// Sum of the pods' memory requests in one cluster.
    pub memory_request_gib: f64,
    /// Pods running in one cluster.
    pub pods: u32,
}
