//! The comparison: which option is cheaper, when self-hosting pays back, and at how
//! many clusters it breaks even.

use crate::fleet::{GroupPlan, SizedFleet};
use crate::money::evaluate;
use crate::output::{Cheaper, HorizonTotals};
use crate::params::Params;

/// Differences below a cent are a tie: they are float noise, not money.
const TIE_USD: f64 = 0.01;
/// The break-even search range is 1..=MAX_CLUSTERS, the range of `clusters`.
const MAX_CLUSTERS: u32 = 1000;
/// Steps allowed to correct the closed-form candidate for float rounding.
const MAX_ADJUST: u32 = 4;

/// Which option is cheaper, by `horizon_total_self − horizon_total_eks`.
pub(crate) fn cheaper(diff: f64) -> Cheaper {
    match (diff.abs() < TIE_USD, diff < 0.0) {
        (true, _) => Cheaper::Tie,
        (false, true) => Cheaper::SelfHosted,
        (false, false) => Cheaper::Eks,
    }
}

/// First month `m` in `0..=horizon` with `cumulative_self[m] ≤ cumulative_eks[m]`.
pub(crate) fn payback_month(eks: &[f64], self_hosted: &[f64]) -> Option<u32> {
    (0u32..)
        .zip(eks.iter().zip(self_hosted))
        .find(|(_, (eks, own))| own <= eks)
        .map(|(month, _)| month)
}

/// Each group's clusters at month 0 scaled by `factor`: rounded to nearest (halves
/// away from zero), at least 1.
pub(crate) fn scaled_clusters(groups: &[GroupPlan], factor: f64) -> Vec<f64> {
    groups
        .iter()
        .map(|g| (g.clusters * factor).round().max(1.0))
        .collect()
}

/// Both horizon totals with `clusters` clusters at month 0: a one-group fleet's
/// count replaced, a larger fleet's counts scaled to it. Nodes per cluster do not
/// depend on the cluster count, so the sized fleet is reused.
pub(crate) fn totals_at(
    params: &Params,
    groups: &[GroupPlan],
    sized: &SizedFleet,
    clusters: u32,
) -> HorizonTotals {
    let initial = match groups {
        [_] => vec![f64::from(clusters)],
        _ => {
            let fleet: f64 = groups.iter().map(|g| g.clusters).sum();
            scaled_clusters(groups, f64::from(clusters) / fleet)
        }
    };
    let eval = evaluate(params, &sized.horizon(&initial));
    HorizonTotals {
        clusters,
        eks: eval.eks.horizon_total,
        self_hosted: eval.self_hosted.horizon_total,
    }
}

/// Smallest `C` in 1..=1000 with `horizon_total_self ≤ horizon_total_eks`, for a
/// fleet of one group (`C` its clusters at month 0, its growth kept); `None` for
/// two or more groups, whose counts have no single answer.
///
/// Nodes per cluster (in every month) do not depend on `C`, and setup, campaign
/// preparation, on-call and flat line items do not scale with it, so the
/// difference is affine in `C`, cluster growth included. The root comes in
/// closed form from two evaluations; full evaluations around it then settle float
/// rounding so the answer matches the literal definition.
pub(crate) fn breakeven_clusters(
    params: &Params,
    groups: &[GroupPlan],
    sized: &SizedFleet,
) -> Option<u32> {
    if groups.len() != 1 {
        return None;
    }
    let diff = |c: u32| {
        let t = totals_at(params, groups, sized, c);
        t.self_hosted - t.eks
    };
    let self_wins = |c: u32| diff(c) <= 0.0;
    let d1 = diff(1);
    if d1 <= 0.0 {
        return Some(1);
    }
    let slope = diff(2) - d1;
    if slope >= 0.0 {
        // Self-hosting starts dearer and grows no cheaper per cluster.
        return None;
    }
    let root = 1.0 - d1 / slope;
    // `as` saturates (and maps NaN to 0), so a far-off root just clamps.
    let mut c = (root.ceil() as u32).clamp(1, MAX_CLUSTERS);
    let mut steps = 0;
    while !self_wins(c) {
        if c == MAX_CLUSTERS || steps == MAX_ADJUST {
            return None;
        }
        c += 1;
        steps += 1;
    }
    steps = 0;
    while c > 1 && steps < MAX_ADJUST && self_wins(c - 1) {
        c -= 1;
        steps += 1;
    }
    Some(c)
}
