//! The fleet as a client sends it (`fleet`): cluster groups and their node pools
//! (model v3). Strings are checked by validation, so that every violation is
//! listed at once instead of stopping the parse.

use crate::input::{CustomInput, WorkloadInput};
use crate::strict::{absent, nullable, nullable_integer, object_only, present, present_integer};
use serde::{Deserialize, Serialize};

/// One cluster group (`fleet[n]`): clusters of one shape.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct GroupInput {
    /// The group's name; required, unique in the fleet.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub name: Option<String>,
    /// Clusters of this shape at month 0; required.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub clusters: Option<i64>,
    /// New clusters of this shape per year.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub clusters_added_per_year: Option<f64>,
    /// The node pools of every cluster of the group; required, 1 to 10.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub pools: Option<Vec<PoolInput>>,
}

/// One node pool (`fleet[g].pools[p]`): the `workers` fields plus its own.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct PoolInput {
    /// The pool's name; required, unique in its group.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub name: Option<String>,
    /// `ec2` or `fargate`.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub compute: Option<String>,
    /// A catalog type or "custom".
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub instance_type: Option<String>,
    /// The machine when instance_type is "custom".
    #[serde(skip_serializing_if = "absent")]
    pub custom: Option<CustomInput>,
    /// Explicit nodes per cluster; exclusive with workload.
    #[serde(deserialize_with = "nullable_integer", skip_serializing_if = "absent")]
    pub nodes_per_cluster: Option<i64>,
    /// Per-cluster sum of the pool's pod requests.
    #[serde(skip_serializing_if = "absent")]
    pub workload: Option<WorkloadInput>,
    /// Spare capacity above the requests, %.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub headroom_pct: Option<f64>,
    /// Fewest nodes per cluster (0 lets the pool scale to zero).
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub min_nodes_per_cluster: Option<i64>,
    /// DaemonSet pods per node.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub system_pods_per_node: Option<i64>,
    /// Root EBS volume per node, GiB.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub volume_gib_per_node: Option<f64>,
    /// Savings Plan or Reserved Instance discount on the pool's compute, %.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub compute_discount_pct: Option<f64>,
    /// The pool's Spot share in both options, %; null = the option's.
    #[serde(deserialize_with = "nullable", skip_serializing_if = "absent")]
    pub spot_share_pct: Option<f64>,
    /// Self-hosted price per node-hour; null = the instance's price.
    #[serde(deserialize_with = "nullable", skip_serializing_if = "absent")]
    pub self_hosted_hourly_usd: Option<f64>,
}

object_only!(GroupInput, PoolInput);
