//! The scenario flattened into plain numbers: cheap to copy, so sensitivity and
//! break-even can perturb one value and re-evaluate without allocating.

use crate::capacity::{NodeCapacity, Sizing, SizingParams, eks_max_pods};
use crate::scenario::Scenario;

/// What differs between the options in the same shape: capacity, worker price, hours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OptionParams {
    pub capacity: NodeCapacity,
    pub worker_hourly: f64,
    pub hop_hours: f64,
    pub node_hours: f64,
    pub routine_hours: f64,
    pub incidents: f64,
    pub hours_per_incident: f64,
    pub setup_hours: f64,
    pub on_call_slots: f64,
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
    pub horizon_months: f64,
    pub clusters: f64,
    pub sizing: SizingParams,
    pub volume_gib: f64,
    /// `d`, the compute discount as a fraction.
    pub discount: f64,
    pub eks: OptionParams,
    pub eks_standard_hourly: f64,
    pub eks_extended_hourly: f64,
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
    pub(crate) fn new(s: &Scenario) -> Self {
        let i = s.input();
        let (w, e, sh, t, u) = (&i.workers, &i.eks, &i.self_hosted, &i.team, &i.upgrades);
        let worker = s.worker();
        let sizing = match (w.nodes_per_cluster, &w.workload) {
            (Some(n), _) => Sizing::Explicit(f64::from(n)),
            (None, Some(wl)) => Sizing::Workload {
                cpu: wl.cpu_request_cores,
                mem: wl.memory_request_gib,
                pods: f64::from(wl.pods),
            },
            // Validation guarantees one of the two; zero demand sizes to min nodes.
            (None, None) => Sizing::Workload {
                cpu: 0.0,
                mem: 0.0,
                pods: 0.0,
            },
        };
        Self {
            horizon_months: f64::from(i.horizon_months),
            clusters: f64::from(i.clusters),
            sizing: SizingParams {
                sizing,
                headroom_pct: w.headroom_pct,
                min_nodes: f64::from(w.min_nodes_per_cluster),
                system_pods: f64::from(w.system_pods_per_node),
            },
            volume_gib: w.volume_gib_per_node,
            discount: w.compute_discount_pct / 100.0,
            eks: OptionParams {
                capacity: NodeCapacity::new(worker, eks_max_pods(worker, e.prefix_delegation)),
                worker_hourly: worker.hourly_usd,
                hop_hours: e.upgrade_hours_per_cluster_hop,
                node_hours: e.upgrade_hours_per_node,
                routine_hours: e.routine_hours_per_cluster_month,
                incidents: e.incidents_per_cluster_month,
                hours_per_incident: e.hours_per_incident,
                setup_hours: e.setup_hours,
                on_call_slots: f64::from(e.on_call_slots),
            },
            eks_standard_hourly: e.standard_hourly_usd,
            eks_extended_hourly: e.extended_hourly_usd,
            self_hosted: OptionParams {
                capacity: NodeCapacity::new(worker, sh.max_pods_per_node),
                worker_hourly: s.self_hosted_worker_hourly_usd(),
                hop_hours: sh.upgrade_hours_per_cluster_hop,
                node_hours: sh.upgrade_hours_per_node,
                routine_hours: sh.routine_hours_per_cluster_month,
                incidents: sh.incidents_per_cluster_month,
                hours_per_incident: sh.hours_per_incident,
                setup_hours: sh.setup_hours,
                on_call_slots: f64::from(sh.on_call_slots),
            },
            cp_nodes: f64::from(sh.control_plane_nodes),
            cp_hourly: s.control_plane_hourly_usd(),
            lb_hourly: sh.api_lb_hourly_usd,
            etcd_backup_gib: sh.etcd_backup_gib,
            engineers: f64::from(t.engineers),
            annual_cost: t.annual_cost_usd,
            productive_hours: t.productive_hours_per_year,
            ops_budget_pct: t.ops_budget_pct,
            stipend_week: t.on_call_stipend_per_week_usd,
            upgrades: UpgradeParams {
                campaigns: u.campaigns_per_year,
                releases: u.releases_per_year,
                behind: f64::from(u.versions_behind_latest),
                prep_hours: u.prep_hours_per_campaign,
                eks_standard_months: u.eks_standard_support_months,
                eks_extended_months: u.eks_extended_support_months,
                upstream_months: u.upstream_support_months,
            },
            ebs_price: i.prices.ebs_gib_month_usd,
            s3_price: i.prices.s3_gib_month_usd,
        }
    }

    /// `r`: the hourly engineering rate.
    pub(crate) fn rate(&self) -> f64 {
        self.annual_cost / self.productive_hours
    }
}
