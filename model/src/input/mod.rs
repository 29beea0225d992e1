//! The scenario as a client sends it: every field optional, unknown fields rejected.
//!
//! `None` means "use the default" (see [`crate::field_specs`]). For the nullable fields
//! (`workers.custom`, `workers.nodes_per_cluster`, `workers.workload`,
//! `self_hosted.control_plane_hourly_usd`, `self_hosted.worker_hourly_usd`) JSON `null`
//! is the same as leaving the field out; every other field rejects `null`, so a
//! mistyped value never falls back to a default silently.

mod fleet;
mod operations;
mod uncertainty;
mod workers;

pub use fleet::{GroupInput, PoolInput};
pub use operations::{
    DisplayInput, EksInput, GrowthInput, LineItemInput, PricesInput, SelfHostedInput, TeamInput,
    UpgradesInput,
};
pub use uncertainty::{RangeInput, UncertaintyInput};
pub use workers::{CustomInput, WorkersInput, WorkloadInput};

use crate::strict::{absent, nullable, object_only, present, present_integer};
use serde::{Deserialize, Serialize};

/// A scenario as sent by a client (`POST /api/v1/calculate` body); validate it into a
/// [`crate::Scenario`] with `Scenario::try_from`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct ScenarioInput {
    /// Months the comparison covers.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub horizon_months: Option<i64>,
    /// Clusters to run, all of the same shape.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub clusters: Option<i64>,
    /// Worker nodes: instance type and sizing. Whether it was sent at all is
    /// kept (`{}` is sent): beside `fleet` even an empty `workers` is refused.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub workers: Option<WorkersInput>,
    /// The fleet as cluster groups with node pools (v3); null for `clusters` × `workers`.
    #[serde(deserialize_with = "nullable", skip_serializing_if = "absent")]
    pub fleet: Option<Vec<GroupInput>>,
    /// The EKS option.
    pub eks: EksInput,
    /// The self-hosted option.
    pub self_hosted: SelfHostedInput,
    /// The platform team.
    pub team: TeamInput,
    /// Upgrade cadence and support windows.
    pub upgrades: UpgradesInput,
    /// Storage and Spot prices.
    pub prices: PricesInput,
    /// Workload growth over the horizon.
    pub growth: GrowthInput,
    /// The currency pages and exports show money in.
    pub display: DisplayInput,
    /// Extra costs outside AWS's bill, at most 20.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub line_items: Option<Vec<LineItemInput>>,
    /// A Monte Carlo run over ranges of the inputs; null for none.
    #[serde(skip_serializing_if = "absent")]
    pub uncertainty: Option<UncertaintyInput>,
}

object_only!(ScenarioInput);
