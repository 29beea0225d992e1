//! The fleet month by month: each group's clusters `C_g(k)` times its per-cluster
//! quantities, summed over the groups.

use super::{FIELDS, GroupPlan, PerCluster};

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
}

/// `C_g(k) = clusters_g + floor(clusters_added_per_year_g·k/12 + 1e-9)`, with
/// `initial` in place of `clusters_g`: clusters are added whole as they accrue.
pub(crate) fn clusters_at(group: &GroupPlan, initial: f64, month: usize) -> f64 {
    initial + added_by(group, month)
}

/// `floor(clusters_added_per_year·k/12 + 1e-9)`, the clusters a group has gained by
/// month `k`.
fn added_by(group: &GroupPlan, month: usize) -> f64 {
    let y = group.added_per_year * month as f64 / 12.0 + 1e-9;
    // Why not `y.floor()` alone: on the x86-64 baseline that is a call into libm.
    // `y` is positive, and truncating through an integer is its floor below 2^52.
    if y < 4.0e15 {
        y as i64 as f64
    } else {
        y.floor()
    }
}

/// Every group's clusters gained by each month, worked out once per sizing: the
/// break-even, the sensitivity of `clusters` and the headroom's re-sizing only
/// change the clusters at month 0.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Added {
    months: usize,
    /// `[g·months + k]`.
    by_month: Vec<f64>,
}

impl Added {
    pub(crate) fn new(groups: &[GroupPlan], months: usize) -> Self {
        let by_month = groups
            .iter()
            .flat_map(|group| (0..months).map(move |k| added_by(group, k)))
            .collect();
        Self { months, by_month }
    }

    /// Every group's `C_g(k)`, `[g·months + k]`, with `initial[g]` clusters at month 0.
    pub(crate) fn all_clusters(&self, initial: &[f64]) -> Vec<f64> {
        let mut out = vec![0.0; self.by_month.len()];
        let groups = out.chunks_exact_mut(self.months.max(1));
        for (g, (out, &start)) in groups.zip(initial).enumerate() {
            self.clusters(g, start, out);
        }
        out
    }

    /// Group `g`'s `C_g(k)` in every month with `initial` clusters at month 0.
    pub(crate) fn clusters(&self, g: usize, initial: f64, out: &mut [f64]) {
        let added = &self.by_month[g * self.months..(g + 1) * self.months];
        for (c, &added) in out.iter_mut().zip(added) {
            *c = initial + added;
        }
    }
}

/// One option's fleet month by month, quantity by quantity (`fields[f·months + k]`
/// is field `f` of [`PerCluster::to_array`] in month `k`), so that the sums over
/// groups run along the months and vectorise.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FleetSeries {
    months: usize,
    fields: Vec<f64>,
    /// `C(k)`.
    clusters: Vec<f64>,
}

impl FleetSeries {
    pub(crate) fn new(months: usize, fields: Vec<f64>, clusters: Vec<f64>) -> Self {
        Self {
            months,
            fields,
            clusters,
        }
    }

    /// Month `k`.
    pub(crate) fn month(&self, k: usize) -> Month {
        let fields = std::array::from_fn(|f| self.fields[f * self.months + k]);
        Month::one(self.clusters[k], PerCluster::from_array(fields))
    }

    /// Every month.
    pub(crate) fn to_months(&self) -> Vec<Month> {
        (0..self.months).map(|k| self.month(k)).collect()
    }

    /// The months summed in month order (the horizon): each quantity, the clusters
    /// and the number of months.
    pub(crate) fn horizon(&self) -> Month {
        let mut clusters = 0.0;
        let mut fleet = [0.0; FIELDS];
        for k in 0..self.months {
            clusters += self.clusters[k];
            for (f, sum) in fleet.iter_mut().enumerate() {
                *sum += self.fields[f * self.months + k];
            }
        }
        Month {
            months: self.months as f64,
            clusters,
            fleet: PerCluster::from_array(fleet),
        }
    }
}
