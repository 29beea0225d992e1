//! The scenario flattened into plain numbers: cheap to copy, so sensitivity and
//! break-even can perturb one value and re-evaluate without allocating.

use crate::OptionName;
use crate::capacity::{NodeCapacity, Sizing, SizingParams, eks_max_pods};
use crate::resolved::{LineItem, LineItemPer, Operations};
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

/// What differs between the options in the same shape: capacity, prices, hours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OptionParams {
    pub capacity: NodeCapacity,
    /// Price per worker node-hour before discounts.
    pub worker_hourly: f64,
    /// `s_o`: share of worker node-hours on Spot, as a fraction.
    pub spot_share: f64,
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
    fn new(capacity: NodeCapacity, worker_hourly: f64, spot_pct: f64, ops: &Operations) -> Self {
        Self {
            capacity,
            worker_hourly,
            spot_share: spot_pct / 100.0,
            hop_hours: ops.upgrade_hours_per_cluster_hop,
            node_hours: ops.upgrade_hours_per_node,
            routine_hours: ops.routine_hours_per_cluster_month,
            incidents: ops.incidents_per_cluster_month,
            hours_per_incident: ops.hours_per_incident,
            setup_hours: ops.setup_hours,
            on_call_slots: f64::from(ops.on_call_slots),
            line_items: LineItemSums::default(),
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

/// Every number the model reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Params {
    pub horizon_months: u32,
    pub clusters: f64,
    pub sizing: SizingParams,
    /// Yearly workload growth as a fraction (0.3 for 30 %).
    pub growth: f64,
    pub volume_gib: f64,
    /// `d`, the compute discount as a fraction.
    pub discount: f64,
    /// Spot price below on-demand, as a fraction.
    pub spot_discount: f64,
    pub eks: OptionParams,
    pub eks_standard_hourly: f64,
    pub eks_extended_hourly: f64,
    /// Provisioned Control Plane adder per cluster-hour.
    pub eks_tier_hourly: f64,
    /// EKS Auto Mode replaces the worker nodes (no node hours in upgrades).
    pub auto_mode: bool,
    /// Auto Mode fee per node-hour, USD (0 without Auto Mode).
    pub auto_mode_fee_hourly: f64,
    pub self_hosted: OptionParams,
    pub cp_nodes: f64,
    pub cp_hourly: f64,
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
        let input = scenario.input();
        let (workers, eks, own) = (&input.workers, &input.eks, &input.self_hosted);
        let (team, upgrades) = (&input.team, &input.upgrades);
        let worker = scenario.worker();
        let sizing = match (workers.nodes_per_cluster, &workers.workload) {
            (Some(n), _) => Sizing::Explicit(f64::from(n)),
            (None, Some(load)) => Sizing::Workload {
                cpu: load.cpu_request_cores,
                mem: load.memory_request_gib,
                pods: f64::from(load.pods),
            },
            // Validation guarantees one of the two; zero demand sizes to min nodes.
            (None, None) => Sizing::Workload {
                cpu: 0.0,
                mem: 0.0,
                pods: 0.0,
            },
        };
        let eks_capacity = NodeCapacity::new(worker, eks_max_pods(worker, eks.prefix_delegation));
        let own_capacity = NodeCapacity::new(worker, own.max_pods_per_node);
        let own_price = scenario.self_hosted_worker_hourly_usd();
        let items = &input.line_items;
        Self {
            horizon_months: input.horizon_months,
            clusters: f64::from(input.clusters),
            sizing: SizingParams {
                sizing,
                headroom_pct: workers.headroom_pct,
                min_nodes: f64::from(workers.min_nodes_per_cluster),
                system_pods: f64::from(workers.system_pods_per_node),
            },
            growth: input.growth.workload_pct_per_year / 100.0,
            volume_gib: workers.volume_gib_per_node,
            discount: workers.compute_discount_pct / 100.0,
            spot_discount: input.prices.spot_discount_pct / 100.0,
            eks: OptionParams {
                line_items: LineItemSums::of(items, OptionName::Eks),
                ..OptionParams::new(
                    eks_capacity,
                    worker.hourly_usd,
                    eks.spot_share_pct,
                    &eks.operations,
                )
            },
            eks_standard_hourly: eks.standard_hourly_usd,
            eks_extended_hourly: eks.extended_hourly_usd,
            eks_tier_hourly: scenario.control_plane_tier_hourly_usd(),
            auto_mode: eks.auto_mode,
            // The fee is a share of the list price: no discount or Spot price lowers it.
            auto_mode_fee_hourly: match eks.auto_mode {
                true => worker.hourly_usd * eks.auto_mode_fee_pct / 100.0,
                false => 0.0,
            },
            self_hosted: OptionParams {
                line_items: LineItemSums::of(items, OptionName::SelfHosted),
                ..OptionParams::new(own_capacity, own_price, own.spot_share_pct, &own.operations)
            },
            cp_nodes: f64::from(own.control_plane_nodes),
            cp_hourly: scenario.control_plane_hourly_usd(),
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
}
