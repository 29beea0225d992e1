//! Counting each pool shape once per sizing. A pool's count in every month depends
//! on its node curve only (demand and floor), so pools of the same shape in several
//! groups, or under both options, share their months; and its clusters-weighted
//! sum depends on the group's clusters only through `C_g(0)` and the clusters
//! added per year.

use super::counts::{Factors, fill, weighted_sum};
use crate::capacity::NodeCurve;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hash of a few `u64`s (`f64` bits): the standard SipHash
/// costs more than most of the lookups save.
#[derive(Default, Clone, Copy)]
pub(crate) struct BitsHasher(u64);

impl Hasher for BitsHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|&b| self.write_u64(u64::from(b)));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

type Map<K, V> = HashMap<K, V, BuildHasherDefault<BitsHasher>>;

/// A curve as a key: its exact bits.
fn key(curve: &NodeCurve) -> (u64, u64) {
    (curve.demand.to_bits(), curve.floor.to_bits())
}

/// A map for fleets of several groups, where shapes repeat; a one-group fleet's
/// pools rarely share one (both options' alike are compared directly), and the map
/// would cost more than it saves.
fn map<K, V>(groups: usize, curves: usize) -> Option<Map<K, V>> {
    (groups > 1).then(|| Map::with_capacity_and_hasher(curves, Default::default()))
}

/// Every distinct curve's count in every month, counted on first use.
pub(crate) struct Counts {
    months: usize,
    /// Where each curve's months start in `counts`.
    at: Option<Map<(u64, u64), usize>>,
    counts: Vec<f64>,
}

impl Counts {
    /// Room for `curves` curves of `groups` groups (without growing, which would
    /// copy them).
    pub(crate) fn new(months: usize, groups: usize, curves: usize) -> Self {
        Self {
            months,
            at: map(groups, curves),
            counts: Vec::with_capacity(curves * months),
        }
    }

    /// Where `curve`'s months start, counting them if they are new.
    pub(crate) fn at(&mut self, curve: &NodeCurve, factors: &Factors) -> usize {
        let (months, counts) = (self.months, &mut self.counts);
        let mut count = || {
            let at = counts.len();
            counts.resize(at + months, 0.0);
            fill(curve, factors, &mut counts[at..]);
            at
        };
        match &mut self.at {
            Some(map) => *map.entry(key(curve)).or_insert_with(count),
            None => count(),
        }
    }

    /// The months starting at `at`.
    pub(crate) fn months(&self, at: usize) -> &[f64] {
        &self.counts[at..at + self.months]
    }
}

/// Every distinct (curve, group clusters)'s clusters-weighted sum.
pub(crate) struct WeightedSums {
    sums: Option<Map<(u64, u64, u64, u64), f64>>,
}

impl WeightedSums {
    /// Room for `curves` curves of `groups` groups.
    pub(crate) fn new(groups: usize, curves: usize) -> Self {
        Self {
            sums: map(groups, curves),
        }
    }

    /// [`weighted_sum`] for a group whose `clusters` follow from `initial` and
    /// `added_per_year`.
    pub(crate) fn get(
        &mut self,
        curve: &NodeCurve,
        factors: &Factors,
        (initial, added_per_year): (f64, f64),
        clusters: &[f64],
    ) -> f64 {
        let sum = || weighted_sum(curve, factors, clusters);
        let Some(sums) = &mut self.sums else {
            return sum();
        };
        let (demand, floor) = key(curve);
        let key = (demand, floor, initial.to_bits(), added_per_year.to_bits());
        *sums.entry(key).or_insert_with(sum)
    }
}
