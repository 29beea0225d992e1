//! One node pool's figures in a result (`options.*.pools[n]`, v3).

use crate::resolved::Compute;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One pool of one group under one option, in month 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PoolResult {
    /// The group's name.
    #[schema(example = "production")]
    pub group: String,
    /// The pool's name.
    #[schema(example = "general")]
    pub pool: String,
    /// `ec2` or `fargate`.
    pub compute: Compute,
    /// Clusters of the group in month 0.
    pub clusters: u64,
    /// The pool's nodes per cluster (0 for a Fargate pool on EKS).
    pub nodes_per_cluster: u64,
    /// The pool's nodes over the group's clusters.
    pub total_nodes: u64,
    /// Pod limit per node of the pool under this option.
    pub max_pods_per_node: u32,
    /// The pool's worker cost over the group's clusters in month 0, USD (Fargate
    /// pods on EKS).
    pub monthly_workers: f64,
}
