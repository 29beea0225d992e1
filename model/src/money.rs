//! The money and hours of one evaluation. A month's cost is linear in the fleet's
//! quantities of that month (clusters, nodes, volumes, worker spend; see
//! [`crate::fleet::PerCluster`]), so pricing a sized fleet is one short pass over
//! the months: cheap enough for sensitivity, break-even and Monte Carlo to repeat.

use crate::HPM;
use crate::cadence::{Cadence, cadence};
use crate::fleet::{Horizon, Month};
use crate::output::{MonthlyCost, OptionName};
use crate::params::{LineItemSums, Params};

/// Engineering hours per year of one option in one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hours {
    pub upgrades: f64,
    pub routine: f64,
    pub incidents: f64,
}

impl Hours {
    pub(crate) fn total(&self) -> f64 {
        self.upgrades + self.routine + self.incidents
    }
}

/// One option's prices and hours: everything a month's cost needs besides the
/// month's fleet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rates {
    control_plane_per_cluster: f64,
    load_balancers_per_cluster: f64,
    /// Self-hosted control-plane volumes and etcd backups per cluster, per month.
    storage_per_cluster: f64,
    ebs_price: f64,
    spot_share: f64,
    spot_discount: f64,
    price_scale: f64,
    fargate_vcpu_hourly: f64,
    fargate_gib_hourly: f64,
    /// Auto Mode fee as a fraction of the list price.
    node_management_fee: f64,
    campaign_hours: f64,
    releases: f64,
    /// Hours one hop takes per cluster beyond its worker nodes (the control plane's
    /// nodes when self-hosted).
    hop_hours_per_cluster: f64,
    node_hours: f64,
    routine_per_cluster_year: f64,
    incident_hours_per_cluster_year: f64,
    rate_per_hour: f64,
    on_call: f64,
    items: LineItemSums,
    pub one_off: f64,
}

impl Rates {
    pub(crate) fn new(params: &Params, option: OptionName, cad: &Cadence) -> Self {
        let own = params.option(option);
        let u = &params.upgrades;
        let eks = option == OptionName::Eks;
        let (control_plane, load_balancers, storage, upgraded_per_cluster) = match eks {
            true => {
                let fee = params.eks_standard_hourly * (1.0 - cad.ext_share)
                    + params.eks_extended_hourly * cad.ext_share
                    + params.eks_tier_hourly;
                (HPM * fee, 0.0, 0.0, 0.0)
            }
            false => (
                params.cp_nodes * params.cp_hourly * HPM * (1.0 - params.cp_discount),
                params.lb_hourly * HPM,
                params.ebs_price * params.cp_nodes * params.cp_volume_gib
                    + params.s3_price * params.etcd_backup_gib,
                params.cp_nodes,
            ),
        };
        Self {
            control_plane_per_cluster: control_plane,
            load_balancers_per_cluster: load_balancers,
            storage_per_cluster: storage,
            ebs_price: params.ebs_price,
            spot_share: own.spot_share,
            spot_discount: params.spot_discount,
            price_scale: own.price_scale,
            fargate_vcpu_hourly: params.fargate_vcpu_hourly,
            fargate_gib_hourly: params.fargate_gib_hourly,
            node_management_fee: if eks { params.auto_mode_fee } else { 0.0 },
            campaign_hours: u.campaigns * u.prep_hours,
            releases: u.releases,
            hop_hours_per_cluster: own.hop_hours + upgraded_per_cluster * own.node_hours,
            node_hours: own.node_hours,
            routine_per_cluster_year: 12.0 * own.routine_hours,
            incident_hours_per_cluster_year: 12.0 * own.incidents * own.hours_per_incident,
            rate_per_hour: params.rate(),
            on_call: own.on_call_slots * params.stipend_week * 52.0 / 12.0,
            items: own.line_items,
            one_off: own.setup_hours * params.rate() + own.line_items.one_off,
        }
    }

    /// Operations hours per year at the month's fleet.
    pub(crate) fn hours(&self, month: &Month) -> Hours {
        let c = month.clusters;
        Hours {
            upgrades: month.months * self.campaign_hours
                + self.releases
                    * (c * self.hop_hours_per_cluster + month.fleet.upgraded * self.node_hours),
            routine: c * self.routine_per_cluster_year,
            incidents: c * self.incident_hours_per_cluster_year,
        }
    }

    /// The month's cost by category (of a sum of months: their summed cost).
    pub(crate) fn cost(&self, month: &Month) -> MonthlyCost {
        let (c, f) = (month.clusters, &month.fleet);
        let s = self.spot_share;
        let nodes = f.a + s * f.q2 - self.spot_discount * (f.b + s * f.q3);
        let fargate =
            self.fargate_vcpu_hourly * f.fargate_vcpu + self.fargate_gib_hourly * f.fargate_gib;
        let items = &self.items;
        let mut cost = MonthlyCost {
            control_plane: c * self.control_plane_per_cluster,
            workers: HPM * (self.price_scale * nodes + fargate),
            node_management: HPM * self.node_management_fee * f.list_usd,
            storage: self.ebs_price * f.volume_gib + c * self.storage_per_cluster,
            load_balancers: c * self.load_balancers_per_cluster,
            engineering: self.rate_per_hour * self.hours(month).total() / 12.0,
            on_call: month.months * self.on_call,
            line_items: month.months * items.flat
                + items.per_cluster * c
                + items.per_node * f.nodes,
            total: 0.0,
        };
        cost.total = cost.control_plane
            + cost.workers
            + cost.node_management
            + cost.storage
            + cost.load_balancers
            + cost.engineering
            + cost.on_call
            + cost.line_items;
        cost
    }

    /// `one_off` plus every month's total, from the months' sum (costs are linear).
    pub(crate) fn horizon_total(&self, horizon: &Month) -> f64 {
        self.one_off + self.cost(horizon).total
    }
}

/// One option evaluated over the horizon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OptionEval {
    pub rates: Rates,
    pub horizon_total: f64,
}

/// Both options evaluated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Eval {
    pub cadence: Cadence,
    pub eks: OptionEval,
    pub self_hosted: OptionEval,
}

impl Eval {
    /// `horizon_total_self − horizon_total_eks`: negative when self-hosting is cheaper.
    pub(crate) fn difference(&self) -> f64 {
        self.self_hosted.horizon_total - self.eks.horizon_total
    }

    pub(crate) fn option(&self, option: OptionName) -> &OptionEval {
        match option {
            OptionName::Eks => &self.eks,
            OptionName::SelfHosted => &self.self_hosted,
        }
    }
}

/// Prices both options' months (docs/MODEL.md, "Monthly money").
pub(crate) fn evaluate(params: &Params, horizon: &Horizon) -> Eval {
    let cad = cadence(&params.upgrades);
    let one = |option| {
        let rates = Rates::new(params, option, &cad);
        OptionEval {
            horizon_total: rates.horizon_total(horizon.option(option)),
            rates,
        }
    };
    Eval {
        cadence: cad,
        eks: one(OptionName::Eks),
        self_hosted: one(OptionName::SelfHosted),
    }
}
