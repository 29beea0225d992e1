//! The fleet month by month for given cluster counts: each field `Σ_g C_g(k)·
//! field_g(k)` over the groups in order, or had without the sum where that gives
//! the same bits (a field 0 or equal to another in every group, or `v·nodes`).

use super::{OptionSized, ZERO};
use crate::fleet::counts::TWO_53;
use crate::fleet::sums::{product_sums, whole_sum};
use crate::fleet::{FIELDS, FleetSeries, Month, NODES, PerCluster};

impl OptionSized {
    /// Works out how the fleet has each field, once every group is in: the same for
    /// every cluster count.
    pub(crate) fn finish(&mut self) {
        self.fleet = std::array::from_fn(|f| self.fleet_field(f));
    }

    /// How the fleet has field `f`: 0, the same as an earlier field, `v·nodes`, or
    /// a sum over the groups that have it.
    fn fleet_field(&self, f: usize) -> Field {
        let same = |h: usize| self.slots.iter().all(|s| s[h] == s[f]);
        if self.slots.iter().all(|s| s[f] == ZERO) {
            return Field::Zero;
        }
        if let Some(h) = (0..f).find(|&h| same(h)) {
            return Field::Same(h);
        }
        // Every group's `v·nodes` with one `v`: the fleet's is `v·nodes` too.
        let v = self.multiples.first().map_or(0.0, |m| m[f]);
        if v != 0.0 && self.multiples.iter().all(|m| m[f] == v) {
            return Field::Multiple(v);
        }
        Field::Sum
    }

    /// `C(k) = Σ_g C_g(k)` month by month, group `g` having `clusters[g·months + k]`.
    fn total_clusters(&self, clusters: &[f64]) -> Vec<f64> {
        let mut total = vec![0.0; self.months];
        for c in clusters
            .chunks_exact(self.months.max(1))
            .take(self.slots.len())
        {
            for (sum, &c) in total.iter_mut().zip(c) {
                *sum += c;
            }
        }
        total
    }

    /// The fleet month by month, group `g` having `clusters[g·months + k]` clusters
    /// in month `k`: `C(k)`, and each field `Σ_g C_g(k)·field_g(k)`.
    pub(crate) fn series(&self, clusters: &[f64]) -> FleetSeries {
        let months = self.months;
        let (mut fields, mut terms) = (Vec::with_capacity(FIELDS * months), Vec::new());
        for f in 0..FIELDS {
            let start = fields.len();
            match self.fleet[f] {
                Field::Zero => fields.resize(start + months, 0.0),
                Field::Same(h) => fields.extend_from_within(h * months..(h + 1) * months),
                Field::Multiple(v) => {
                    fields.extend_from_within(NODES * months..(NODES + 1) * months);
                    fields[start..].iter_mut().for_each(|n| *n *= v);
                    if fields[start..].iter().any(|&x| x >= TWO_53) {
                        fields.truncate(start);
                        self.sum_field(f, clusters, &mut terms, |s| fields.extend_from_slice(s));
                    }
                }
                Field::Sum => {
                    self.sum_field(f, clusters, &mut terms, |s| fields.extend_from_slice(s))
                }
            }
        }
        FleetSeries::new(months, fields, self.total_clusters(clusters))
    }

    /// The months of [`OptionSized::series`] summed in month order, without keeping them.
    pub(crate) fn horizon(&self, clusters: &[f64]) -> Month {
        let (mut fleet, mut terms) = ([0.0; FIELDS], Vec::new());
        for f in 0..FIELDS {
            fleet[f] = match self.fleet[f] {
                Field::Zero => 0.0,
                Field::Same(h) => fleet[h],
                // Below 2^53 the months' whole numbers add up exactly, in any order.
                Field::Multiple(v) if v * fleet[NODES] < TWO_53 => v * fleet[NODES],
                Field::Multiple(_) | Field::Sum => {
                    let mut total = 0.0;
                    self.sum_field(f, clusters, &mut terms, |sums| {
                        sums.iter().for_each(|s| total += s)
                    });
                    total
                }
            };
        }
        let groups = self.slots.len() * self.months;
        // Whole numbers: below 2^53 their sum is the same in any order (`0 +` as
        // the month-by-month sum starts at 0, where an empty sum is −0).
        let total = match whole_sum(&clusters[..groups.min(clusters.len())]) {
            total if total < TWO_53 => 0.0 + total,
            _ => self
                .total_clusters(clusters)
                .iter()
                .fold(0.0, |sum, c| sum + c),
        };
        Month {
            months: self.months as f64,
            clusters: total,
            fleet: PerCluster::from_array(fleet),
        }
    }

    /// Field `f` of the fleet summed over its groups, handed to `sink` in month order.
    fn sum_field<'a>(
        &'a self,
        f: usize,
        clusters: &'a [f64],
        terms: &mut Vec<(&'a [f64], &'a [f64])>,
        sink: impl FnMut(&[f64]),
    ) {
        let groups = clusters.chunks_exact(self.months.max(1)).enumerate();
        terms.clear();
        terms.extend(groups.filter_map(|(g, c)| Some((self.series_of(g, f)?, c))));
        product_sums(self.months, terms, sink);
    }
}

/// How the fleet has one field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Field {
    /// 0 in every month.
    Zero,
    /// The same months as an earlier field.
    Same(usize),
    /// `v·nodes` (exactly, when below 2^53; else the sum).
    Multiple(f64),
    /// The sum over the groups that have it.
    Sum,
}
