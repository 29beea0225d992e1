//! The fleet month by month: each group's clusters `C_g(k)` times its per-cluster
//! quantities, summed over the groups.

use super::{GroupPlan, PerCluster};

/// The whole fleet under one option in one month, or summed over several months
/// (a horizon): every monthly amount is linear in these, so the sum of the months'
/// costs is the cost of their sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Month {
    /// How many months this is: 1, or the horizon for a sum.
    pub months: f64,
    /// `C(k)`: clusters (summed over the months of a sum).
    pub clusters: f64,
    /// Every cluster's quantities summed.
    pub fleet: PerCluster,
}

impl Month {
    /// One month of `clusters` clusters holding `fleet`.
    pub(crate) fn one(clusters: f64, fleet: PerCluster) -> Self {
        Self {
            months: 1.0,
            clusters,
            fleet,
        }
    }

    /// The sum of `months`.
    pub(crate) fn sum(months: &[Month]) -> Self {
        let mut total = Self {
            months: 0.0,
            clusters: 0.0,
            fleet: PerCluster::default(),
        };
        for month in months {
            total.months += month.months;
            total.clusters += month.clusters;
            total.fleet.add(&month.fleet, 1.0);
        }
        total
    }
}

/// `C_g(k) = clusters_g + floor(clusters_added_per_year_g·k/12 + 1e-9)`, with
/// `initial` in place of `clusters_g`: clusters are added whole as they accrue.
pub(crate) fn clusters_at(group: &GroupPlan, initial: f64, month: usize) -> f64 {
    initial + (group.added_per_year * month as f64 / 12.0 + 1e-9).floor()
}

/// The fleet's months, given each group's clusters at month 0 (`initial`, one per
/// group) and its per-cluster quantities (`per_cluster[g][k]`).
pub(crate) fn months(
    groups: &[GroupPlan],
    initial: &[f64],
    per_cluster: &[Vec<PerCluster>],
) -> Vec<Month> {
    let count = per_cluster.first().map_or(0, Vec::len);
    let mut out = vec![Month::one(0.0, PerCluster::default()); count];
    for ((group, &start), series) in groups.iter().zip(initial).zip(per_cluster) {
        for (k, (month, cluster)) in out.iter_mut().zip(series).enumerate() {
            let clusters = clusters_at(group, start, k);
            month.clusters += clusters;
            month.fleet.add(cluster, clusters);
        }
    }
    out
}
