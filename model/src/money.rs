//! The money and hours of one evaluation. Every monthly amount is affine in the
//! month's nodes per cluster (`fixed + per_node · nodes_o(k)`), so one option is a
//! handful of terms plus its node series: a horizon total is one pass over the
//! months, cheap enough for sensitivity, break-even and Monte Carlo to repeat.

use crate::HPM;
use crate::affine::Affine;
use crate::cadence::{Cadence, cadence};
use crate::capacity::Nodes;
use crate::output::MonthlyCost;
use crate::params::{OptionParams, Params};
use crate::vocabulary::CostCategory;

/// Engineering hours per year of one option at one node count.
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

/// One option evaluated: its terms, one-off and horizon total.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OptionEval {
    /// Monthly cost by category, indexed like [`CostCategory::ALL`].
    pub categories: [Affine; CostCategory::ALL.len()],
    /// The sum of the categories: `total(k)`.
    pub total: Affine,
    /// Upgrade hours per year (campaign prep plus hops).
    pub upgrade_hours: Affine,
    pub routine_hours: f64,
    pub incident_hours: f64,
    pub one_off: f64,
    pub horizon_total: f64,
}

impl OptionEval {
    /// Monthly cost by category at `nodes` per cluster.
    pub(crate) fn monthly(&self, nodes: f64) -> MonthlyCost {
        MonthlyCost::from_categories(
            |c| self.categories[c.index()].at(nodes),
            self.total.at(nodes),
        )
    }

    /// Hours per year at `nodes` per cluster.
    pub(crate) fn hours(&self, nodes: f64) -> Hours {
        Hours {
            upgrades: self.upgrade_hours.at(nodes),
            routine: self.routine_hours,
            incidents: self.incident_hours,
        }
    }

    /// `cumulative[0..=horizon]`: the one-off, then one month's total after another.
    pub(crate) fn cumulative(&self, nodes: &[f64]) -> Vec<f64> {
        let mut sum = self.one_off;
        let mut out = Vec::with_capacity(nodes.len() + 1);
        out.push(sum);
        for &n in nodes {
            sum += self.total.at(n);
            out.push(sum);
        }
        out
    }
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
}

/// The categories both options compute alike, plus `own`: the option's control
/// plane, node management, and storage and load balancers beyond the worker
/// volumes. `upgrade_nodes` is the nodes one hop upgrades, as a function of the
/// worker nodes per cluster.
fn option_eval(
    params: &Params,
    option: &OptionParams,
    own: [(CostCategory, Affine); 4],
    upgrade_nodes: Affine,
    nodes: &[f64],
) -> OptionEval {
    let c = params.clusters;
    let u = &params.upgrades;
    let upgrade_hours = Affine {
        fixed: u.campaigns * u.prep_hours
            + u.releases * c * (option.hop_hours + upgrade_nodes.fixed * option.node_hours),
        per_node: u.releases * c * upgrade_nodes.per_node * option.node_hours,
    };
    let routine_hours = 12.0 * c * option.routine_hours;
    let incident_hours = 12.0 * c * option.incidents * option.hours_per_incident;
    let hourly_rate_month = params.rate() / 12.0;
    let spot = option.spot_share;
    let price_factor = (1.0 - spot) * (1.0 - params.discount) + spot * (1.0 - params.spot_discount);
    let items = &option.line_items;
    let mut categories = [Affine::default(); CostCategory::ALL.len()];
    let mut set = |category: CostCategory, amount: Affine| {
        categories[category.index()] = categories[category.index()].plus(amount);
    };
    set(
        CostCategory::Workers,
        Affine::per_node(c * option.worker_hourly * HPM * price_factor),
    );
    set(
        CostCategory::Storage,
        Affine::per_node(params.ebs_price * c * params.volume_gib),
    );
    set(
        CostCategory::Engineering,
        Affine {
            fixed: hourly_rate_month * (upgrade_hours.fixed + routine_hours + incident_hours),
            per_node: hourly_rate_month * upgrade_hours.per_node,
        },
    );
    set(
        CostCategory::OnCall,
        Affine::fixed(option.on_call_slots * params.stipend_week * 52.0 / 12.0),
    );
    set(
        CostCategory::LineItems,
        Affine {
            fixed: items.flat + items.per_cluster * c,
            per_node: items.per_node * c,
        },
    );
    for (category, amount) in own {
        set(category, amount);
    }
    let total = categories
        .iter()
        .fold(Affine::default(), |sum, &a| sum.plus(a));
    let one_off = option.setup_hours * params.rate() + items.one_off;
    let horizon_total = nodes.iter().fold(one_off, |sum, &n| sum + total.at(n));
    OptionEval {
        categories,
        total,
        upgrade_hours,
        routine_hours,
        incident_hours,
        one_off,
        horizon_total,
    }
}

/// Evaluates both options (§3 of the spec) over the given node series.
pub(crate) fn evaluate(params: &Params, nodes: &Nodes) -> Eval {
    let cad = cadence(&params.upgrades);
    let c = params.clusters;
    let fee = params.eks_standard_hourly * (1.0 - cad.ext_share)
        + params.eks_extended_hourly * cad.ext_share
        + params.eks_tier_hourly;
    // With Auto Mode AWS replaces the worker nodes at an upgrade, so none are counted.
    let eks_upgraded = Affine::per_node(if params.auto_mode { 0.0 } else { 1.0 });
    let eks = option_eval(
        params,
        &params.eks,
        [
            (CostCategory::ControlPlane, Affine::fixed(c * HPM * fee)),
            (
                CostCategory::NodeManagement,
                Affine::per_node(c * params.auto_mode_fee_hourly * HPM),
            ),
            (CostCategory::Storage, Affine::default()),
            (CostCategory::LoadBalancers, Affine::default()),
        ],
        eks_upgraded,
        &nodes.eks,
    );
    let self_upgraded = Affine {
        fixed: params.cp_nodes,
        per_node: 1.0,
    };
    let self_hosted = option_eval(
        params,
        &params.self_hosted,
        [
            (
                CostCategory::ControlPlane,
                Affine::fixed(
                    c * params.cp_nodes * params.cp_hourly * HPM * (1.0 - params.discount),
                ),
            ),
            (CostCategory::NodeManagement, Affine::default()),
            (
                CostCategory::Storage,
                Affine::fixed(
                    params.ebs_price * c * params.cp_nodes * params.volume_gib
                        + params.s3_price * c * params.etcd_backup_gib,
                ),
            ),
            (
                CostCategory::LoadBalancers,
                Affine::fixed(c * params.lb_hourly * HPM),
            ),
        ],
        self_upgraded,
        &nodes.self_hosted,
    );
    Eval {
        cadence: cad,
        eks,
        self_hosted,
    }
}
