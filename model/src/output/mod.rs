//! The result types: exactly the `CalculationResult` JSON of §4 of the spec.
//! Money is USD, unrounded.

mod pools;

pub use pools::{Name, PoolResult};

use crate::resolved::ResolvedInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The full answer for one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CalculationResult {
    /// Version of the model's formulas; changes when results for the same input may.
    #[schema(example = "1")]
    pub model_version: String,
    /// The input with every default filled in; send it back to get the same result.
    pub inputs: ResolvedInput,
    /// Both options, figure by figure.
    pub options: Options,
    /// Which option is cheaper, by how much, and what moves the answer.
    pub comparison: Comparison,
    /// The Monte Carlo over the input's ranges; null without `uncertainty`.
    pub uncertainty: Option<crate::UncertaintyResult>,
    /// Risks worth a look, with stable codes.
    pub warnings: Vec<Warning>,
}

/// The two options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Options {
    /// Amazon EKS.
    pub eks: EksOption,
    /// Kubernetes run by the team on EC2.
    pub self_hosted: SelfHostedOption,
}

/// Figures both options have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OptionResult {
    /// Worker nodes per cluster of the first group in month 0 (its pools summed).
    pub nodes_per_cluster: u64,
    /// Worker nodes of the whole fleet in month 0.
    pub total_nodes: u64,
    /// Pod limit per node of the first group's first pool under this option.
    pub max_pods_per_node: u32,
    /// Every pool of every group in month 0 (v3).
    pub pools: Vec<PoolResult>,
    /// Recurring cost of month 0.
    pub monthly: MonthlyCost,
    /// One-off cost at month 0: setup hours and line items' one-off amounts, USD.
    pub one_off: f64,
    /// `one_off` plus every month's total over the horizon, USD.
    pub horizon_total: f64,
    /// Operations hours per year at `hours_peak_month`.
    pub hours_per_year: HoursPerYear,
    /// The first month with the most operations hours; team figures are taken there.
    pub hours_peak_month: u32,
    /// Full-time engineers the operations take.
    pub required_fte: f64,
    /// Share of the team's time the operations take, %.
    pub ops_share_pct: f64,
    /// Whether `ops_share_pct` stays within `team.ops_budget_pct`.
    pub fits_team: bool,
    /// Smallest team that keeps operations within the toil cap (at least 1).
    pub engineers_needed: u64,
    /// Every month of the horizon.
    pub series: Series,
    /// On-call load.
    pub on_call: OnCall,
    /// Cumulative cost at months 0..=horizon_months, USD.
    pub cumulative: Vec<f64>,
}

/// One option month by month (months 0..horizon_months).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Series {
    /// Worker nodes per cluster of the first group in each month.
    pub nodes_per_cluster: Vec<u64>,
    /// Monthly total cost in each month, USD.
    pub total: Vec<f64>,
    /// Clusters of the whole fleet in each month, `C(k)` (v3).
    pub clusters: Vec<u64>,
    /// Worker nodes of the whole fleet in each month (v3).
    pub total_nodes: Vec<u64>,
}

/// The EKS option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct EksOption {
    /// Figures both options have.
    #[serde(flatten)]
    pub common: OptionResult,
    /// Share of time clusters run in extended support (0..=1).
    pub extended_support_share: f64,
    /// The running version outlives extended support: AWS upgrades it itself.
    pub forced_upgrade: bool,
}

/// The self-hosted option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SelfHostedOption {
    /// Figures both options have.
    #[serde(flatten)]
    pub common: OptionResult,
    /// Share of time clusters run a version upstream no longer patches (0..=1).
    pub unsupported_share: f64,
}

/// Monthly cost by category, USD.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct MonthlyCost {
    /// EKS fee, or the self-hosted control-plane nodes.
    pub control_plane: f64,
    /// Worker nodes (Spot share and discounts applied).
    pub workers: f64,
    /// The EKS Auto Mode fee (0 without Auto Mode and for self-hosted).
    pub node_management: f64,
    /// EBS volumes and etcd backups.
    pub storage: f64,
    /// API server load balancers (self-hosted).
    pub load_balancers: f64,
    /// Operations hours at the engineering rate.
    pub engineering: f64,
    /// On-call stipends.
    pub on_call: f64,
    /// The option's line items.
    pub line_items: f64,
    /// Sum of the above.
    pub total: f64,
}

/// Operations hours per year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HoursPerYear {
    /// Upgrade campaigns: preparation and cluster and node hops.
    pub upgrades: f64,
    /// Routine operations.
    pub routine: f64,
    /// Incident handling.
    pub incidents: f64,
    /// Sum of the above.
    pub total: f64,
}

/// On-call load of one option.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct OnCall {
    /// Share of weeks each engineer is on call, %.
    pub share_pct: f64,
    /// Incidents per month over all clusters.
    pub incidents_per_month: f64,
    /// Incidents per 12-hour shift.
    pub incidents_per_shift: f64,
}

/// Which option is cheaper over the horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cheaper {
    /// EKS costs less.
    Eks,
    /// Self-hosting costs less.
    SelfHosted,
    /// The horizon totals differ by less than one cent.
    Tie,
}

/// The comparison of the two options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Comparison {
    /// Which option is cheaper over the horizon.
    pub cheaper: Cheaper,
    /// `|horizon_total_eks − horizon_total_self|`, USD.
    pub horizon_savings_usd: f64,
    /// `self_hosted.monthly.total − eks.monthly.total`, USD.
    pub monthly_difference_usd: f64,
    /// First month whose cumulative self-hosted cost is at most EKS's; null if none.
    pub self_hosted_payback_month: Option<u32>,
    /// Fewest clusters (1..=1000) at which self-hosting is at most EKS's horizon total:
    /// with one group, its clusters at month 0; null with two or more groups.
    pub breakeven_clusters: Option<u32>,
    /// Inputs by how much they move the answer, largest first.
    pub sensitivity: Vec<SensitivityEntry>,
}

/// How one input moves `horizon_total_self − horizon_total_eks`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct SensitivityEntry {
    /// Dotted input path, e.g. `team.annual_cost_usd`.
    #[schema(example = "clusters")]
    pub input: String,
    /// Change of the difference with the input at ×0.75, USD.
    pub low: f64,
    /// Change of the difference with the input at ×1.25, USD.
    pub high: f64,
}

/// Stable warning codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// Each engineer is on call more than a quarter of the time.
    OnCallOverload,
    /// More than two incidents per 12-hour shift.
    IncidentOverload,
    /// Operations exceed the team's toil cap.
    OverOpsBudget,
    /// EKS clusters spend time in paid extended support.
    ExtendedSupport,
    /// Versions outlive EKS extended support, so AWS upgrades them.
    ForcedUpgrade,
    /// Self-hosted clusters run versions upstream no longer patches.
    UnsupportedVersions,
    /// One self-hosted control-plane node: no high availability.
    SingleControlPlane,
}

/// The option a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OptionName {
    /// Amazon EKS.
    Eks,
    /// Self-hosted Kubernetes.
    SelfHosted,
}

/// A risk worth a look.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// The option concerned.
    pub option: OptionName,
    /// Explanation for people.
    pub message: String,
}

/// Horizon totals of both options at one cluster count (for a break-even sweep).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct HorizonTotals {
    /// Clusters evaluated.
    pub clusters: u32,
    /// EKS horizon total, USD.
    pub eks: f64,
    /// Self-hosted horizon total, USD.
    pub self_hosted: f64,
}
