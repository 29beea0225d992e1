//! Summaries of simulated horizon totals: percentiles, mean and a histogram.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Percentiles (nearest rank) and mean of simulated figures, USD.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Stats {
    /// 10th percentile: the ⌈0.1·n⌉-th smallest.
    pub p10: f64,
    /// Median: the ⌈0.5·n⌉-th smallest.
    pub p50: f64,
    /// 90th percentile: the ⌈0.9·n⌉-th smallest.
    pub p90: f64,
    /// Arithmetic mean.
    pub mean: f64,
}

/// The distribution of the simulated difference (self-hosted − EKS), in equal
/// bins from `start`; for the histogram chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Histogram {
    /// Lower edge of the first bin, USD.
    pub start: f64,
    /// Width of every bin, USD (0 when every sample is equal).
    pub width: f64,
    /// Samples per bin.
    pub counts: Vec<u32>,
}

/// Bins of a histogram.
const BINS: usize = 40;

impl Stats {
    /// The summary of `values`, which it sorts. `values` is never empty (at least
    /// 100 samples).
    pub(crate) fn of(values: &mut [f64]) -> Self {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        // Nearest rank: the ⌈q·n⌉-th smallest, 1-based.
        let rank = |q: f64| {
            let r = (q * n as f64).ceil() as usize;
            values[r.clamp(1, n) - 1]
        };
        Self {
            p10: rank(0.1),
            p50: rank(0.5),
            p90: rank(0.9),
            mean: values.iter().sum::<f64>() / n as f64,
        }
    }
}

impl Histogram {
    /// The histogram of sorted `values`.
    pub(crate) fn of(sorted: &[f64]) -> Self {
        let (start, end) = (sorted[0], sorted[sorted.len() - 1]);
        let width = (end - start) / BINS as f64;
        let mut counts = vec![0u32; if width > 0.0 { BINS } else { 1 }];
        for &value in sorted {
            let bin = match width > 0.0 {
                true => (((value - start) / width) as usize).min(BINS - 1),
                false => 0,
            };
            counts[bin] += 1;
        }
        Self {
            start,
            width,
            counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let mut values: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        let stats = Stats::of(&mut values);
        assert_eq!((stats.p10, stats.p50, stats.p90), (10.0, 50.0, 90.0));
        assert_eq!(stats.mean, 50.5);
        let mut odd = vec![3.0, 1.0, 2.0];
        assert_eq!(Stats::of(&mut odd).p10, 1.0);
        let histogram = Histogram::of(&values);
        assert_eq!(histogram.counts.iter().sum::<u32>(), 100);
        assert_eq!(histogram.counts.len(), 40);
        assert_eq!(Histogram::of(&[5.0, 5.0]).counts, vec![2]);
    }
}
