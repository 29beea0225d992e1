//! The fleet, resolved (`inputs.fleet`): every pool's defaults filled in.

use crate::resolved::{CustomInstance, Workload};
use serde::{Deserialize, Serialize};

/// What runs a pool's pods on EKS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Compute {
    /// Nodes of the pool's instance type, in both options.
    Ec2,
    /// Fargate on EKS (billed per pod); nodes of the instance type when self-hosted.
    Fargate,
}

/// One cluster group, resolved (`inputs.fleet[n]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The group's name.
    pub name: String,
    /// Clusters at month 0.
    pub clusters: u32,
    /// New clusters per year (whole clusters are added as they accrue).
    pub clusters_added_per_year: f64,
    /// The node pools of every cluster of the group.
    pub pools: Vec<Pool>,
}

/// One node pool, resolved (`inputs.fleet[g].pools[p]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pool {
    /// The pool's name.
    pub name: String,
    /// EC2 nodes, or Fargate on EKS.
    pub compute: Compute,
    /// A catalog type or "custom".
    pub instance_type: String,
    /// The machine when instance_type is "custom".
    pub custom: Option<CustomInstance>,
    /// Explicit nodes per cluster; exclusive with workload.
    pub nodes_per_cluster: Option<u32>,
    /// Per-cluster sum of the pool's pod requests.
    pub workload: Option<Workload>,
    /// Spare capacity above the requests, %.
    pub headroom_pct: f64,
    /// Fewest nodes per cluster.
    pub min_nodes_per_cluster: u32,
    /// DaemonSet pods per node.
    pub system_pods_per_node: u32,
    /// Root EBS volume per node, GiB.
    pub volume_gib_per_node: f64,
    /// Discount on the pool's compute, %.
    pub compute_discount_pct: f64,
    /// The pool's Spot share, %; null = the option's.
    pub spot_share_pct: Option<f64>,
    /// Self-hosted price per node-hour; null = the instance's price.
    pub self_hosted_hourly_usd: Option<f64>,
}
