//! The fleet month by month: each group's clusters `C_g(k)` times its per-cluster
//! quantities, summed over the groups.

use super::{GroupPlan, PerCluster};

/// The whole fleet under one option in one month.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Month {
    /// `C(k)`: clusters.
    pub clusters: f64,
    /// Every cluster's quantities summed.
    pub fleet: PerCluster,
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
    let mut out = vec![Month::default(); count];
    for ((group, &start), series) in groups.iter().zip(initial).zip(per_cluster) {
        for (k, (month, cluster)) in out.iter_mut().zip(series).enumerate() {
            let clusters = clusters_at(group, start, k);
            month.clusters += clusters;
            month.fleet.add(cluster, clusters);
        }
    }
    out
}
