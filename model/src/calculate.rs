//! The model's entry points: one full calculation, and horizon totals at a chosen
//! cluster count.

use crate::MODEL_VERSION;
use crate::capacity::Nodes;
use crate::compare::{breakeven_clusters, cheaper, payback_month, totals_at};
use crate::error::InputError;
use crate::money::{OptionEval, evaluate};
use crate::output::{
    CalculationResult, Comparison, EksOption, HorizonTotals, HoursPerYear, MonthlyCost, OnCall,
    OptionName, OptionResult, Options, SelfHostedOption, Series,
};
use crate::params::{OptionParams, Params};
use crate::parse::parse_input;
use crate::scenario::Scenario;
use crate::sensitivity::sensitivity;
use crate::team::{TeamLoad, team_load};
use crate::warnings::warnings;

/// `hours_peak_month`: the first month with the most operations hours (a team must
/// carry the peak), and the node count of that month.
fn peak_month(eval: &OptionEval, nodes: &[f64]) -> (u32, f64) {
    let mut peak = (0, nodes.first().copied().unwrap_or(0.0));
    for (month, &n) in (0u32..).zip(nodes) {
        if eval.hours(n).total() > eval.hours(peak.1).total() {
            peak = (month, n);
        }
    }
    peak
}

/// One option's figures; `team` is its load at the peak month.
struct OptionFigures<'a> {
    eval: &'a OptionEval,
    option: &'a OptionParams,
    nodes: &'a [f64],
}

impl OptionFigures<'_> {
    fn result(&self, params: &Params) -> (OptionResult, TeamLoad) {
        let (e, nodes) = (self.eval, self.nodes);
        let (peak, peak_nodes) = peak_month(e, nodes);
        let hours = e.hours(peak_nodes);
        let load = team_load(params, self.option, hours.total());
        let first = nodes.first().copied().unwrap_or(0.0);
        // Node counts are whole numbers by construction; `as` saturates on absurd ones.
        let result = OptionResult {
            nodes_per_cluster: first as u64,
            total_nodes: (first * params.clusters) as u64,
            max_pods_per_node: self.option.capacity.max_pods,
            monthly: e.monthly(first),
            one_off: e.one_off,
            horizon_total: e.horizon_total,
            hours_per_year: HoursPerYear {
                upgrades: hours.upgrades,
                routine: hours.routine,
                incidents: hours.incidents,
                total: hours.total(),
            },
            hours_peak_month: peak,
            required_fte: load.required_fte,
            ops_share_pct: load.ops_share_pct,
            fits_team: load.fits_team,
            engineers_needed: load.engineers_needed,
            series: Series {
                nodes_per_cluster: nodes.iter().map(|&n| n as u64).collect(),
                total: nodes.iter().map(|&n| e.total.at(n)).collect(),
            },
            on_call: OnCall {
                share_pct: load.on_call_share_pct,
                incidents_per_month: load.incidents_per_month,
                incidents_per_shift: load.incidents_per_shift,
            },
            cumulative: e.cumulative(nodes),
        };
        (result, load)
    }
}

/// Computes every figure of §3 for a validated scenario. Never panics.
pub fn calculate(scenario: &Scenario) -> CalculationResult {
    let input = scenario.input();
    let p = Params::new(scenario);
    let nodes = Nodes::new(&p);
    let eval = evaluate(&p, &nodes);
    let (eks, eks_load) = OptionFigures {
        eval: &eval.eks,
        option: &p.eks,
        nodes: &nodes.eks,
    }
    .result(&p);
    let (self_hosted, self_load) = OptionFigures {
        eval: &eval.self_hosted,
        option: &p.self_hosted,
        nodes: &nodes.self_hosted,
    }
    .result(&p);
    let comparison = Comparison {
        cheaper: cheaper(&eval),
        horizon_savings_usd: eval.difference().abs(),
        monthly_difference_usd: self_hosted.monthly.total - eks.monthly.total,
        self_hosted_payback_month: payback_month(&eks.cumulative, &self_hosted.cumulative),
        breakeven_clusters: breakeven_clusters(&p, &nodes),
        sensitivity: sensitivity(&p, &nodes, &eval),
    };
    let warnings = warnings(
        &eval,
        &eks_load,
        &self_load,
        p.ops_budget_pct,
        input.self_hosted.control_plane_nodes,
    );
    CalculationResult {
        model_version: MODEL_VERSION.to_owned(),
        inputs: input.clone(),
        options: Options {
            eks: EksOption {
                common: eks,
                extended_support_share: eval.cadence.ext_share,
                forced_upgrade: eval.cadence.forced_upgrade,
            },
            self_hosted: SelfHostedOption {
                common: self_hosted,
                unsupported_share: eval.cadence.unsupported_share,
            },
        },
        comparison,
        // The base figures above never see the ranges; the samples do.
        uncertainty: input
            .uncertainty
            .as_ref()
            .map(|request| crate::uncertainty::simulate(scenario, request)),
        warnings,
    }
}

/// Parses, validates and calculates: the whole `POST /api/v1/calculate` in one call.
pub fn calculate_json(json: &[u8]) -> Result<CalculationResult, InputError> {
    let scenario = Scenario::try_from(parse_input(json)?)?;
    Ok(calculate(&scenario))
}

/// One option's cost by category in each month of the horizon (`series.total`
/// split by category), for exports that need more than month 0.
pub fn monthly_costs(scenario: &Scenario, option: OptionName) -> Vec<MonthlyCost> {
    let p = Params::new(scenario);
    let nodes = Nodes::new(&p);
    let eval = evaluate(&p, &nodes);
    let (eval, nodes) = match option {
        OptionName::Eks => (&eval.eks, &nodes.eks),
        OptionName::SelfHosted => (&eval.self_hosted, &nodes.self_hosted),
    };
    nodes.iter().map(|&n| eval.monthly(n)).collect()
}

/// Horizon totals of both options with `clusters` in place of the scenario's cluster
/// count, everything else fixed (one point of a break-even sweep). Not validated:
/// any count, even 0 or beyond 1000, is evaluated as is.
pub fn horizon_totals_at(scenario: &Scenario, clusters: u32) -> HorizonTotals {
    let p = Params::new(scenario);
    totals_at(&p, &Nodes::new(&p), clusters)
}
