//! The scenario's prices, hours and team flattened into plain numbers: cheap to
//! copy, so sensitivity, break-even and the Monte Carlo can perturb one value and
//! re-price the sized fleet without allocating.

use crate::OptionName;
use crate::fleet::PoolPlan;
use crate::resolved::{LineItem, LineItemPer, Operations, ResolvedInput};
use crate::scenario::Scenario;

/// Line items of one option summed by what they are multiplied by.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct LineItemSums {
    pub flat: f64,
    pub per_cluster: f64,
    pub per_node: f64,
    pub one_off: f64,
}

impl LineItemSums {
    fn of(items: &[LineItem], option: OptionName) -> Self {
        let mut sums = Self::default();
        for item in items.iter().filter(|item| item.applies_to(option)) {
            match item.per {
                LineItemPer::Month => sums.flat += item.monthly_usd,
                LineItemPer::Cluster => sums.per_cluster += item.monthly_usd,
                LineItemPer::Node => sums.per_node += item.monthly_usd,
            }
            sums.one_off += item.one_off_usd;
        }
        sums
    }
}

/// What differs between the options in the same shape: Spot share, hours, line items.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OptionParams {
    /// `s_o`: the option's share of worker node-hours on Spot, as a fraction (pools
    /// without their own share take it).
    pub spot_share: f64,
    /// Multiplies every pool's node price (the sensitivity of the worker price).
    pub price_scale: f64,
    pub hop_hours: f64,
    pub node_hours: f64,
    pub routine_hours: f64,
    pub incidents: f64,
    pub hours_per_incident: f64,
    pub setup_hours: f64,
    pub on_call_slots: f64,
    pub line_items: LineItemSums,
}

impl OptionParams {
    fn new(spot_pct: f64, ops: &Operations, items: LineItemSums) -> Self {
        Self {
            spot_share: spot_pct / 100.0,
            price_scale: 1.0,
            hop_hours: ops.upgrade_hours_per_cluster_hop,
            node_hours: ops.upgrade_hours_per_node,
            routine_hours: ops.routine_hours_per_cluster_month,
            incidents: ops.incidents_per_cluster_month,
            hours_per_incident: ops.hours_per_incident,
            setup_hours: ops.setup_hours,
            on_call_slots: f64::from(ops.on_call_slots),
            line_items: items,
        }
    }
}

/// Upgrade cadence and support windows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UpgradeParams {
    pub campaigns: f64,
    pub releases: f64,
    pub behind: f64,
    pub prep_hours: f64,
    pub eks_standard_months: f64,
    pub eks_extended_months: f64,
    pub upstream_months: f64,
}

/// Every number the model reads besides the fleet's pools.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Params {
    pub horizon_months: u32,
    /// Yearly workload growth as a fraction (0.3 for 30 %).
    pub growth: f64,
    /// Multiplies every pool's headroom (the sensitivity of the headroom).
    pub headroom_scale: f64,
    /// Spot price below on-demand, as a fraction.
    pub spot_discount: f64,
    pub fargate_vcpu_hourly: f64,
    pub fargate_gib_hourly: f64,
    pub eks: OptionParams,
    pub eks_standard_hourly: f64,
    pub eks_extended_hourly: f64,
    /// Provisioned Control Plane adder per cluster-hour.
    pub eks_tier_hourly: f64,
    pub prefix_delegation: bool,
    /// EKS Auto Mode replaces the worker nodes (no node hours in upgrades).
    pub auto_mode: bool,
    /// Auto Mode fee as a fraction of the list price (0 without Auto Mode).
    pub auto_mode_fee: f64,
    pub self_hosted: OptionParams,
    pub self_max_pods: u32,
    pub cp_nodes: f64,
    pub cp_hourly: f64,
    /// The control plane's compute discount and root volume: the first pool's.
    pub cp_discount: f64,
    pub cp_volume_gib: f64,
    pub lb_hourly: f64,
    pub etcd_backup_gib: f64,
    pub engineers: f64,
    pub annual_cost: f64,
    pub productive_hours: f64,
    pub ops_budget_pct: f64,
    pub stipend_week: f64,
    pub upgrades: UpgradeParams,
    pub ebs_price: f64,
    pub s3_price: f64,
}

impl Params {
    pub(crate) fn new(scenario: &Scenario) -> Self {
        let first = scenario.groups().first().and_then(|g| g.pools.first());
        Self::of(scenario.input(), scenario.control_plane_hourly_usd(), first)
    }

    /// The numbers of `input`, whose fleet is `first`'s (the first group's first
    /// pool) and whose control-plane nodes cost `cp_hourly`. The input's own
    /// `fleet` is not read, so a Monte Carlo sample may leave it out.
    pub(crate) fn of(input: &ResolvedInput, cp_hourly: f64, first: Option<&PoolPlan>) -> Self {
        let (eks, own) = (&input.eks, &input.self_hosted);
        let (team, upgrades) = (&input.team, &input.upgrades);
        let items = &input.line_items;
        Self {
            horizon_months: input.horizon_months,
            growth: input.growth.workload_pct_per_year / 100.0,
            headroom_scale: 1.0,
            spot_discount: input.prices.spot_discount_pct / 100.0,
            fargate_vcpu_hourly: input.prices.fargate_vcpu_hour_usd,
            fargate_gib_hourly: input.prices.fargate_gib_hour_usd,
            eks: OptionParams::new(
                eks.spot_share_pct,
                &eks.operations,
                LineItemSums::of(items, OptionName::Eks),
            ),
            eks_standard_hourly: eks.standard_hourly_usd,
            eks_extended_hourly: eks.extended_hourly_usd,
            eks_tier_hourly: crate::catalog::catalog()
                .tier(&eks.control_plane_tier)
                .map_or(0.0, |tier| tier.hourly_usd),
            prefix_delegation: eks.prefix_delegation,
            auto_mode: eks.auto_mode,
            // The fee is a share of the list price: no discount or Spot price lowers it.
            auto_mode_fee: match eks.auto_mode {
                true => eks.auto_mode_fee_pct / 100.0,
                false => 0.0,
            },
            self_hosted: OptionParams::new(
                own.spot_share_pct,
                &own.operations,
                LineItemSums::of(items, OptionName::SelfHosted),
            ),
            self_max_pods: own.max_pods_per_node,
            cp_nodes: f64::from(own.control_plane_nodes),
            cp_hourly,
            cp_discount: first.map_or(0.0, |p| p.discount),
            cp_volume_gib: first.map_or(0.0, |p| p.volume_gib),
            lb_hourly: own.api_lb_hourly_usd,
            etcd_backup_gib: own.etcd_backup_gib,
            engineers: f64::from(team.engineers),
            annual_cost: team.annual_cost_usd,
            productive_hours: team.productive_hours_per_year,
            ops_budget_pct: team.ops_budget_pct,
            stipend_week: team.on_call_stipend_per_week_usd,
            upgrades: UpgradeParams {
                campaigns: upgrades.campaigns_per_year,
                releases: upgrades.releases_per_year,
                behind: f64::from(upgrades.versions_behind_latest),
                prep_hours: upgrades.prep_hours_per_campaign,
                eks_standard_months: upgrades.eks_standard_support_months,
                eks_extended_months: upgrades.eks_extended_support_months,
                upstream_months: upgrades.upstream_support_months,
            },
            ebs_price: input.prices.ebs_gib_month_usd,
            s3_price: input.prices.s3_gib_month_usd,
        }
    }

    /// `r`: the hourly engineering rate.
    pub(crate) fn rate(&self) -> f64 {
        self.annual_cost / self.productive_hours
    }

    /// One option's own numbers.
    pub(crate) fn option(&self, option: OptionName) -> &OptionParams {
        match option {
            OptionName::Eks => &self.eks,
            OptionName::SelfHosted => &self.self_hosted,
        }
    }
}
