//! Uncertainty: a seeded Monte Carlo over ranges of the inputs. Every ranged input
//! takes a triangular draw (minimum `low`, mode its value, maximum `high`) in each
//! sample; both options' horizon totals are evaluated per sample (no break-even or
//! sensitivity), and summarised as percentiles, means and the probability that
//! self-hosting is cheaper.

mod stats;

pub use stats::{Histogram, Stats};

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::fleet::{Horizon, SizedFleet, initial_clusters};
use crate::money::evaluate;
use crate::params::Params;
use crate::resolved::{ResolvedInput, Uncertainty};
use crate::scenario::Scenario;

/// The Monte Carlo's answer (`uncertainty` in a result).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct UncertaintyResult {
    /// Samples drawn.
    pub samples: u32,
    /// The seed used.
    pub seed: u64,
    /// EKS horizon totals.
    pub eks: Stats,
    /// Self-hosted horizon totals.
    pub self_hosted: Stats,
    /// `self_hosted − eks` horizon totals: negative where self-hosting is cheaper.
    pub difference: Stats,
    /// Share of samples (0..=1) whose difference is below 0.
    pub probability_self_hosted_cheaper: f64,
    /// The distribution of the difference.
    pub histogram: Histogram,
}

/// A uniform draw in [0, 1) from the top 53 bits: the same on every platform.
fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// The inverse of the triangular distribution's CDF at `draw` (uniform in [0, 1)).
pub(crate) fn triangular(draw: f64, low: f64, mode: f64, high: f64) -> f64 {
    let span = high - low;
    if span <= 0.0 {
        return mode;
    }
    let split = (mode - low) / span;
    match draw < split {
        true => low + (draw * span * (mode - low)).sqrt(),
        false => high - ((1.0 - draw) * span * (high - mode)).sqrt(),
    }
}

/// The scenario's input with the nullable prices at the prices actually used, so
/// that a range on them varies around those.
pub(crate) fn base_input(scenario: &Scenario) -> ResolvedInput {
    let mut base = scenario.input().clone();
    base.uncertainty = None;
    if base.fleet.is_none() {
        base.self_hosted.worker_hourly_usd = Some(scenario.self_hosted_worker_hourly_usd());
    }
    base.self_hosted.control_plane_hourly_usd = Some(scenario.control_plane_hourly_usd());
    base
}

/// Whether a range over `field` changes node counts or pool prices, so that each
/// sample must size the fleet again; every other input only re-prices it.
pub(crate) fn resizes(field: &str) -> bool {
    field.starts_with("workers.")
        || field.starts_with("growth.")
        || field == "self_hosted.worker_hourly_usd"
}

/// Runs the Monte Carlo of `request` over `scenario` (its ranges validated).
pub(crate) fn simulate(scenario: &Scenario, request: &Uncertainty) -> UncertaintyResult {
    let mut base = base_input(scenario);
    let resize = request.ranges.iter().any(|r| resizes(&r.field));
    // Sizing is the costly step: without a range that changes it, every sample
    // re-prices one sized fleet, and its input need not carry the fleet.
    let fixed = (!resize).then(|| {
        let params = Params::new(scenario);
        let groups = scenario.groups();
        SizedFleet::new(groups, &params).horizon(&initial_clusters(groups))
    });
    if fixed.is_some() {
        base.fleet = None;
    }
    let first = scenario.groups().first().and_then(|g| g.pools.first());
    let modes: Vec<f64> = request
        .ranges
        .iter()
        .map(|r| base.number_mut(&r.field).map_or(r.low, |v| *v))
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(request.seed);
    let n = request.samples as usize;
    let (mut eks, mut own, mut difference) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for _ in 0..n {
        let mut input = base.clone();
        for (range, &mode) in request.ranges.iter().zip(&modes) {
            let value = triangular(uniform(&mut rng), range.low, mode, range.high);
            if let Some(slot) = input.number_mut(&range.field) {
                *slot = value;
            }
        }
        let eval = match &fixed {
            Some(months) => {
                let cp_hourly = input
                    .self_hosted
                    .control_plane_hourly_usd
                    .unwrap_or(scenario.control_plane_hourly_usd());
                evaluate(&Params::of(&input, cp_hourly, first), months)
            }
            None => {
                let sample = scenario.with_input(input);
                let params = Params::new(&sample);
                let groups = sample.groups();
                evaluate(&params, &Horizon::sized(groups, &params))
            }
        };
        eks.push(eval.eks.horizon_total);
        own.push(eval.self_hosted.horizon_total);
        difference.push(eval.difference());
    }
    let cheaper = difference.iter().filter(|d| **d < 0.0).count();
    let difference_stats = Stats::of(&mut difference);
    UncertaintyResult {
        samples: request.samples,
        seed: request.seed,
        eks: Stats::of(&mut eks),
        self_hosted: Stats::of(&mut own),
        difference: difference_stats,
        probability_self_hosted_cheaper: cheaper as f64 / n as f64,
        histogram: Histogram::of(&difference),
    }
}

#[cfg(test)]
mod tests {
    use super::triangular;

    #[test]
    fn the_triangular_inverse_spans_low_to_high_through_the_mode() {
        assert_eq!(triangular(0.0, 10.0, 20.0, 40.0), 10.0);
        assert_eq!(triangular(1.0, 10.0, 20.0, 40.0), 40.0);
        // F(mode) = (mode − low)/(high − low) = 1/3.
        assert!((triangular(1.0 / 3.0, 10.0, 20.0, 40.0) - 20.0).abs() < 1e-12);
        assert_eq!(triangular(0.7, 5.0, 5.0, 5.0), 5.0);
    }
}
