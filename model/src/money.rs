//! The money and hours of one evaluation: nodes, yearly hours, monthly cost by
//! category, one-off and horizon totals for both options.

use crate::HPM;
use crate::cadence::{Cadence, cadence};
use crate::capacity::nodes_per_cluster;
use crate::params::{OptionParams, Params};

/// Engineering hours per year of one option.
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

/// Monthly cost by category of one option, USD.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Monthly {
    pub control_plane: f64,
    pub workers: f64,
    pub storage: f64,
    pub load_balancers: f64,
    pub engineering: f64,
    pub on_call: f64,
}

impl Monthly {
    pub(crate) fn total(&self) -> f64 {
        self.control_plane
            + self.workers
            + self.storage
            + self.load_balancers
            + self.engineering
            + self.on_call
    }
}

/// One option evaluated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct OptionEval {
    pub nodes: f64,
    pub hours: Hours,
    pub monthly: Monthly,
    pub total: f64,
    pub one_off: f64,
    pub horizon_total: f64,
}

impl OptionEval {
    /// `cumulative[m]`: one-off plus `m` months.
    pub(crate) fn cumulative(&self, month: u32) -> f64 {
        self.one_off + f64::from(month) * self.total
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

fn hours(p: &Params, o: &OptionParams, upgraded_nodes: f64) -> Hours {
    let c = p.clusters;
    let u = &p.upgrades;
    Hours {
        upgrades: u.campaigns * u.prep_hours
            + u.releases * c * (o.hop_hours + upgraded_nodes * o.node_hours),
        routine: 12.0 * c * o.routine_hours,
        incidents: 12.0 * c * o.incidents * o.hours_per_incident,
    }
}

fn finish(p: &Params, o: &OptionParams, nodes: f64, hours: Hours, monthly: Monthly) -> OptionEval {
    let total = monthly.total();
    let one_off = o.setup_hours * p.rate();
    OptionEval {
        nodes,
        hours,
        monthly,
        total,
        one_off,
        horizon_total: one_off + p.horizon_months * total,
    }
}

/// Shared categories: workers, engineering and on-call follow the same formula.
fn common(p: &Params, o: &OptionParams, nodes: f64, hours: &Hours) -> Monthly {
    Monthly {
        control_plane: 0.0,
        workers: p.clusters * nodes * o.worker_hourly * HPM * (1.0 - p.discount),
        storage: p.ebs_price * (p.clusters * nodes * p.volume_gib),
        load_balancers: 0.0,
        engineering: p.rate() * hours.total() / 12.0,
        on_call: o.on_call_slots * p.stipend_week * 52.0 / 12.0,
    }
}

/// Evaluates both options (§3 of the spec) without the comparison extras.
pub(crate) fn evaluate(p: &Params) -> Eval {
    let cad = cadence(&p.upgrades);
    let c = p.clusters;

    let (o, nodes) = (&p.eks, nodes_per_cluster(&p.sizing, &p.eks.capacity));
    let h = hours(p, o, nodes);
    let fee = p.eks_standard_hourly * (1.0 - cad.ext_share) + p.eks_extended_hourly * cad.ext_share;
    let monthly = Monthly {
        control_plane: c * HPM * fee,
        ..common(p, o, nodes, &h)
    };
    let eks = finish(p, o, nodes, h, monthly);

    let (o, nodes) = (
        &p.self_hosted,
        nodes_per_cluster(&p.sizing, &p.self_hosted.capacity),
    );
    let h = hours(p, o, nodes + p.cp_nodes);
    let base = common(p, o, nodes, &h);
    let monthly = Monthly {
        control_plane: c * p.cp_nodes * p.cp_hourly * HPM * (1.0 - p.discount),
        storage: p.ebs_price * (c * nodes * p.volume_gib + c * p.cp_nodes * p.volume_gib)
            + p.s3_price * c * p.etcd_backup_gib,
        load_balancers: c * p.lb_hourly * HPM,
        ..base
    };
    let self_hosted = finish(p, o, nodes, h, monthly);

    Eval {
        cadence: cad,
        eks,
        self_hosted,
    }
}
