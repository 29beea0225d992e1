//! The model's entry points: one full calculation, and horizon totals at a chosen
//! cluster count.

use crate::MODEL_VERSION;
use crate::capacity::growth_factors;
use crate::compare::{breakeven_clusters, cheaper, payback_month, totals_at};
use crate::error::InputError;
use crate::figures::OptionFigures;
use crate::fleet::{
    Month, PerCluster, SizedFleet, SizingOptions, clusters_at, initial_clusters, pool_per_cluster,
};
use crate::money::evaluate;
use crate::output::{
    CalculationResult, Comparison, EksOption, HorizonTotals, MonthlyCost, Name, OptionName,
    Options, SelfHostedOption,
};
use crate::params::Params;
use crate::parse::parse_input;
use crate::resolved::Compute;
use crate::scenario::Scenario;
use crate::sensitivity::sensitivity;
use crate::warnings::warnings;

/// Computes every figure of docs/MODEL.md for a validated scenario. Never panics.
pub fn calculate(scenario: &Scenario) -> CalculationResult {
    let input = scenario.input();
    let params = Params::new(scenario);
    let groups = scenario.groups();
    let sized = SizedFleet::new(groups, &params);
    let months = sized.months(&initial_clusters(groups));
    let eval = evaluate(&params, &months.horizon);
    let named = input.groups();
    // Both options' rows show every name: one shared copy each (a `String` per row
    // was a sixth of a 200-pool calculation in allocations).
    let group_names: Vec<Name> = named.iter().map(|g| Name::from(g.name.as_str())).collect();
    let pools = named.iter().flat_map(|g| &g.pools);
    let pool_names: Vec<Name> = pools.map(|p| Name::from(p.name.as_str())).collect();
    let figures = |option| {
        OptionFigures {
            option,
            params: &params,
            groups,
            names: (&group_names, &pool_names),
            sized: &sized,
            months: &months,
            eval: &eval,
        }
        .result()
    };
    let (eks, eks_load) = figures(OptionName::Eks);
    let (self_hosted, self_load) = figures(OptionName::SelfHosted);
    let difference = self_hosted.horizon_total - eks.horizon_total;
    let comparison = Comparison {
        cheaper: cheaper(difference),
        horizon_savings_usd: difference.abs(),
        monthly_difference_usd: self_hosted.monthly.total - eks.monthly.total,
        self_hosted_payback_month: payback_month(&eks.cumulative, &self_hosted.cumulative),
        breakeven_clusters: breakeven_clusters(&params, groups, &sized),
        sensitivity: sensitivity(&params, groups, &sized, &months, &eval),
    };
    let warnings = warnings(
        &eval,
        &eks_load,
        &self_load,
        params.ops_budget_pct,
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
    let params = Params::new(scenario);
    let groups = scenario.groups();
    let sized = SizedFleet::new(groups, &params);
    let months = sized.months(&initial_clusters(groups));
    let eval = evaluate(&params, &months.horizon);
    let rates = &eval.option(option).rates;
    months
        .option(option)
        .iter()
        .map(|m| rates.cost(m))
        .collect()
}

/// Horizon totals of both options with `clusters` clusters at month 0, everything
/// else fixed (one point of a break-even sweep). With several groups every group's
/// count is scaled by `clusters` over the fleet's (rounded, at least 1), as the
/// sensitivity of `clusters` does. Not validated: any count, even 0 or beyond
/// 1000, is evaluated as is.
pub fn horizon_totals_at(scenario: &Scenario, clusters: u32) -> HorizonTotals {
    let params = Params::new(scenario);
    let groups = scenario.groups();
    totals_at(&params, groups, &SizedFleet::new(groups, &params), clusters)
}

/// One pool's worker cost in each month of the horizon, under one option.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolCosts {
    /// The group's name.
    pub group: String,
    /// The pool's name.
    pub pool: String,
    /// What runs its pods on EKS (self-hosted runs them on nodes either way).
    pub compute: Compute,
    /// The pool's `workers` cost over its group's clusters, month by month, USD.
    pub workers: Vec<f64>,
}

/// Every pool's worker cost month by month (the `workers` of [`monthly_costs`]
/// split by pool: the pools add up to it), for exports that carry the pool.
pub fn pool_costs(scenario: &Scenario, option: OptionName) -> Vec<PoolCosts> {
    let params = Params::new(scenario);
    let groups = scenario.groups();
    let sized = SizedFleet::new(groups, &params);
    let eval = evaluate(&params, &sized.horizon(&initial_clusters(groups)));
    let rates = &eval.option(option).rates;
    let options = SizingOptions::new(option, &params);
    let factors = growth_factors(params.growth, params.horizon_months);
    let named = scenario.input().groups();
    let mut out = Vec::new();
    for (group, named) in groups.iter().zip(named.iter()) {
        for (pool, named_pool) in group.pools.iter().zip(&named.pools) {
            let workers = factors
                .iter()
                .enumerate()
                .map(|(k, &factor)| {
                    let clusters = clusters_at(group, group.clusters, k);
                    let mut fleet = PerCluster::default();
                    fleet.add(&pool_per_cluster(pool, &options, factor), clusters);
                    rates.cost(&Month::one(clusters, fleet)).workers
                })
                .collect();
            out.push(PoolCosts {
                group: named.name.clone(),
                pool: named_pool.name.clone(),
                compute: pool.compute,
                workers,
            });
        }
    }
    out
}
