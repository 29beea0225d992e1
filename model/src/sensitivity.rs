//! Sensitivity: how much each of the spec's ten inputs moves the difference between
//! the options when scaled by ×0.75 and ×1.25 on its own.

use crate::compare::scaled_clusters;
use crate::fleet::{FleetMonths, GroupPlan, SizedFleet, initial_clusters};
use crate::money::{Eval, evaluate};
use crate::output::SensitivityEntry;
use crate::params::Params;

#[derive(Debug, Clone, Copy)]
enum Knob {
    Clusters,
    AnnualCost,
    Headroom,
    EksRoutine,
    SelfRoutine,
    SelfIncidents,
    SelfHop,
    Campaigns,
    SelfSetup,
    SelfWorkerPrice,
}

/// The inputs in the spec's order, which is also the order of ties in the output.
const KNOBS: [(&str, Knob); 10] = [
    ("clusters", Knob::Clusters),
    ("team.annual_cost_usd", Knob::AnnualCost),
    ("workers.headroom_pct", Knob::Headroom),
    ("eks.routine_hours_per_cluster_month", Knob::EksRoutine),
    (
        "self_hosted.routine_hours_per_cluster_month",
        Knob::SelfRoutine,
    ),
    (
        "self_hosted.incidents_per_cluster_month",
        Knob::SelfIncidents,
    ),
    ("self_hosted.upgrade_hours_per_cluster_hop", Knob::SelfHop),
    ("upgrades.campaigns_per_year", Knob::Campaigns),
    ("self_hosted.setup_hours", Knob::SelfSetup),
    ("self_hosted.worker_hourly_usd", Knob::SelfWorkerPrice),
];

fn perturb(params: &Params, knob: Knob, factor: f64) -> Params {
    let mut q = *params;
    match knob {
        // Cluster counts are scaled group by group (see `scaled_clusters`).
        Knob::Clusters => {}
        Knob::AnnualCost => q.annual_cost *= factor,
        Knob::Headroom => q.headroom_scale *= factor,
        Knob::EksRoutine => q.eks.routine_hours *= factor,
        Knob::SelfRoutine => q.self_hosted.routine_hours *= factor,
        Knob::SelfIncidents => q.self_hosted.incidents *= factor,
        Knob::SelfHop => q.self_hosted.hop_hours *= factor,
        Knob::Campaigns => q.upgrades.campaigns *= factor,
        Knob::SelfSetup => q.self_hosted.setup_hours *= factor,
        // Every pool's self-hosted price: its override, or the instance price.
        Knob::SelfWorkerPrice => q.self_hosted.price_scale *= factor,
    }
    q
}

/// `low`/`high`: the change of `horizon_total_self − horizon_total_eks` from
/// `base_difference` with one input at ×0.75 / ×1.25, sorted by the larger swing,
/// largest first (ties keep the spec's order).
///
/// Perturbed values are evaluated as they are, without validation: clusters 1000 ×
/// 1.25 is 1250 clusters and 12 campaigns × 1.25 is 15, beyond their input ranges.
/// Every perturbation stays finite and positive where the model divides, so the
/// figures stay finite.
///
/// A change below a trillionth of the totals is float noise from subtracting large
/// equal sums (an input that moves both options alike, such as campaign prep
/// hours); it is reported as exactly 0 so that such inputs tie in the spec's order.
pub(crate) fn sensitivity(
    params: &Params,
    groups: &[GroupPlan],
    sized: &SizedFleet,
    months: &FleetMonths,
    base: &Eval,
) -> Vec<SensitivityEntry> {
    let base_difference = base.difference();
    let noise = 1e-12 * (base.eks.horizon_total.abs() + base.self_hosted.horizon_total.abs());
    let mut entries: Vec<SensitivityEntry> = KNOBS
        .iter()
        .map(|&(input, knob)| {
            let change = |f| {
                let q = perturb(params, knob, f);
                // Only the headroom changes node counts and only `clusters` the
                // cluster counts; the rest re-price the base months.
                let eval = match knob {
                    Knob::Headroom => {
                        let initial = initial_clusters(groups);
                        evaluate(&q, &sized.horizon_resized(groups, &q, &initial))
                    }
                    Knob::Clusters => {
                        let initial = scaled_clusters(groups, f);
                        evaluate(&q, &sized.horizon(&initial))
                    }
                    _ => evaluate(&q, &months.horizon),
                };
                let c = eval.difference() - base_difference;
                if c.abs() <= noise { 0.0 } else { c }
            };
            SensitivityEntry {
                input: input.to_owned(),
                low: change(0.75),
                high: change(1.25),
            }
        })
        .collect();
    let swing = |e: &SensitivityEntry| e.low.abs().max(e.high.abs());
    // `sort_by` is stable, which keeps ties in the spec's order.
    entries.sort_by(|a, b| swing(b).total_cmp(&swing(a)));
    entries
}
