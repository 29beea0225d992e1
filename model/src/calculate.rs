//! The model's entry points: one full calculation, and horizon totals at a chosen
//! cluster count.

use crate::MODEL_VERSION;
use crate::compare::{breakeven_clusters, cheaper, payback_month, totals_at};
use crate::error::InputError;
use crate::money::{OptionEval, evaluate};
use crate::output::{
    CalculationResult, Comparison, EksOption, HorizonTotals, HoursPerYear, MonthlyCost, OnCall,
    OptionResult, Options, SelfHostedOption,
};
use crate::params::{OptionParams, Params};
use crate::parse::parse_input;
use crate::scenario::Scenario;
use crate::sensitivity::sensitivity;
use crate::team::{TeamLoad, team_load};
use crate::warnings::warnings;

fn option_result(
    p: &Params,
    e: &OptionEval,
    o: &OptionParams,
    load: &TeamLoad,
    horizon: u32,
) -> OptionResult {
    let m = &e.monthly;
    let h = &e.hours;
    // Node counts are whole numbers by construction; `as` saturates on absurd ones.
    let nodes = e.nodes as u64;
    OptionResult {
        nodes_per_cluster: nodes,
        total_nodes: (e.nodes * p.clusters) as u64,
        max_pods_per_node: o.capacity.max_pods,
        monthly: MonthlyCost {
            control_plane: m.control_plane,
            workers: m.workers,
            storage: m.storage,
            load_balancers: m.load_balancers,
            engineering: m.engineering,
            on_call: m.on_call,
            total: e.total,
        },
        one_off: e.one_off,
        horizon_total: e.horizon_total,
        hours_per_year: HoursPerYear {
            upgrades: h.upgrades,
            routine: h.routine,
            incidents: h.incidents,
            total: h.total(),
        },
        required_fte: load.required_fte,
        ops_share_pct: load.ops_share_pct,
        fits_team: load.fits_team,
        engineers_needed: load.engineers_needed,
        on_call: OnCall {
            share_pct: load.on_call_share_pct,
            incidents_per_month: load.incidents_per_month,
            incidents_per_shift: load.incidents_per_shift,
        },
        cumulative: (0..=horizon).map(|m| e.cumulative(m)).collect(),
    }
}

/// Computes every figure of §3 for a validated scenario. Never panics.
pub fn calculate(scenario: &Scenario) -> CalculationResult {
    let input = scenario.input();
    let horizon = input.horizon_months;
    let p = Params::new(scenario);
    let eval = evaluate(&p);
    let eks_load = team_load(&p, &p.eks, eval.eks.hours.total());
    let self_load = team_load(&p, &p.self_hosted, eval.self_hosted.hours.total());
    let options = Options {
        eks: EksOption {
            common: option_result(&p, &eval.eks, &p.eks, &eks_load, horizon),
            extended_support_share: eval.cadence.ext_share,
            forced_upgrade: eval.cadence.forced_upgrade,
        },
        self_hosted: SelfHostedOption {
            common: option_result(&p, &eval.self_hosted, &p.self_hosted, &self_load, horizon),
            unsupported_share: eval.cadence.unsupported_share,
        },
    };
    let comparison = Comparison {
        cheaper: cheaper(&eval),
        horizon_savings_usd: eval.difference().abs(),
        monthly_difference_usd: eval.self_hosted.total - eval.eks.total,
        self_hosted_payback_month: payback_month(&eval, horizon),
        breakeven_clusters: breakeven_clusters(&p),
        sensitivity: sensitivity(&p, &eval),
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
        options,
        comparison,
        warnings,
    }
}

/// Parses, validates and calculates: the whole `POST /api/v1/calculate` in one call.
pub fn calculate_json(json: &[u8]) -> Result<CalculationResult, InputError> {
    let scenario = Scenario::try_from(parse_input(json)?)?;
    Ok(calculate(&scenario))
}

/// Horizon totals of both options with `clusters` in place of the scenario's cluster
/// count, everything else fixed (one point of a break-even sweep). Not validated:
/// any count, even 0 or beyond 1000, is evaluated as is.
pub fn horizon_totals_at(scenario: &Scenario, clusters: u32) -> HorizonTotals {
    totals_at(&Params::new(scenario), clusters)
}
