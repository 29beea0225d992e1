//! One option's fleet sized: each group's per-cluster quantities in every month,
//! and (in `fleet`) the fleet month by month for given cluster counts. These are
//! the model's innermost loops (a pool adds to a group's sums every month; a group
//! to the fleet's), written to run along the months with their sums in registers,
//! and to add exactly what a month-by-month loop adds, in the same order.

mod fleet;

use super::counts::TWO_53;
use super::sums::scaled_sums;
use super::{FIELDS, NODES, PoolTerms};
use fleet::Field;

/// The slot of a field that is 0 in every month.
const ZERO: u32 = u32::MAX;

/// Per-cluster quantities of every group in every month, under one option.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OptionSized {
    /// Every pool's terms, group by group.
    pub terms: Vec<PoolTerms>,
    /// Where each group's pools start in `terms`.
    starts: Vec<usize>,
    months: usize,
    /// The stored series, each `months` long.
    per_cluster: Vec<f64>,
    /// Per group, where each field's series starts in `per_cluster`: fields whose
    /// pools add alike (on EKS without discounts the list price, `a` and `q3`)
    /// share one, and a field no pool adds to is [`ZERO`].
    slots: Vec<[u32; FIELDS]>,
    /// Per group, `v` for a field that is `v·nodes` (see
    /// [`OptionSized::whole_multiple_of_nodes`]), else 0.
    multiples: Vec<[f64; FIELDS]>,
    /// How the fleet has each field, once every group is in ([`OptionSized::finish`]).
    fleet: [Field; FIELDS],
}

impl OptionSized {
    /// Room for `groups` groups of `pools` pools in all.
    pub(crate) fn new(months: usize, groups: usize, pools: usize) -> Self {
        Self {
            terms: Vec::with_capacity(pools),
            starts: Vec::with_capacity(groups),
            months,
            // At most every field of every group: reserved, not written.
            per_cluster: Vec::with_capacity(groups * FIELDS * months),
            slots: Vec::with_capacity(groups),
            multiples: Vec::with_capacity(groups),
            fleet: [Field::Sum; FIELDS],
        }
    }

    /// Adds a group whose pools have `terms`, pool `p` counting `counts(p)[k]`
    /// nodes (or pods) in month `k`.
    pub(crate) fn push_group<'a>(
        &mut self,
        pools: &[PoolTerms],
        counts: impl Fn(usize) -> &'a [f64],
    ) {
        let same = self.earlier_alike(pools);
        self.starts.push(self.terms.len());
        self.terms.extend_from_slice(pools);
        if let Some(g) = same {
            self.slots.push(self.slots[g]);
            self.multiples.push(self.multiples[g]);
            return;
        }
        let months = self.months;
        let each: Vec<[f64; FIELDS]> = pools.iter().map(|t| t.each.to_array()).collect();
        let mut terms = Vec::with_capacity(each.len());
        let coefficients = |f: usize| each.iter().map(move |e| e[f]);
        let (mut slots, mut multiples) = ([ZERO; FIELDS], [0.0; FIELDS]);
        for f in 0..FIELDS {
            if coefficients(f).all(|e| e == 0.0) {
                continue;
            }
            if let Some(same) = (0..f).find(|&h| coefficients(h).eq(coefficients(f))) {
                (slots[f], multiples[f]) = (slots[same], multiples[same]);
                continue;
            }
            slots[f] = self.per_cluster.len() as u32;
            if let Some(v) = self.whole_multiple_of_nodes(&each, slots[NODES], f) {
                multiples[f] = v;
                continue;
            }
            // A pool without this field adds 0·n, which leaves the sum as it is.
            terms.clear();
            let pools = each.iter().enumerate().filter(|(_, e)| e[f] != 0.0);
            terms.extend(pools.map(|(p, e)| (e[f], counts(p))));
            scaled_sums(&mut self.per_cluster, months, &terms);
        }
        self.slots.push(slots);
        self.multiples.push(multiples);
    }

    /// An earlier group whose pools are `pools` (the same shapes, so the same
    /// counts): it holds the same per cluster, whatever its clusters.
    fn earlier_alike(&self, pools: &[PoolTerms]) -> Option<usize> {
        let ends = self
            .starts
            .iter()
            .skip(1)
            .copied()
            .chain([self.terms.len()]);
        let mut earlier = self.starts.iter().zip(ends);
        earlier.position(|(&at, end)| self.terms[at..end] == *pools)
    }

    /// Appends `v·nodes(k)` and gives `v` when every node adds the same whole number
    /// `v` to field `f` (the root volume, most often): whole numbers below 2^53 add
    /// up exactly in any order, so that is `Σ_p v·n_p(k)` to the bit.
    fn whole_multiple_of_nodes(
        &mut self,
        each: &[[f64; FIELDS]],
        nodes: u32,
        f: usize,
    ) -> Option<f64> {
        let v = each.iter().find(|e| e[NODES] != 0.0)?[f];
        let alike = |e: &[f64; FIELDS]| match e[NODES] {
            1.0 => e[f] == v,
            n => n == 0.0 && e[f] == 0.0,
        };
        if f == NODES || nodes == ZERO || v.fract() != 0.0 || v < 0.0 || !each.iter().all(alike) {
            return None;
        }
        let start = self.per_cluster.len();
        self.per_cluster
            .extend_from_within(nodes as usize..nodes as usize + self.months);
        let out = &mut self.per_cluster[start..];
        out.iter_mut().for_each(|n| *n *= v);
        if out.iter().all(|&x| x < TWO_53) {
            return Some(v);
        }
        self.per_cluster.truncate(start);
        None
    }

    /// Group `g`'s series of field `f`, `None` when it is 0 in every month.
    fn series_of(&self, g: usize, f: usize) -> Option<&[f64]> {
        let slot = self.slots.get(g)?[f];
        (slot != ZERO).then(|| &self.per_cluster[slot as usize..slot as usize + self.months])
    }

    /// Worker nodes per cluster of the first group in every month (empty when it
    /// has none, or there is no group).
    pub(crate) fn first_group_nodes(&self) -> &[f64] {
        self.series_of(0, NODES).unwrap_or(&[])
    }
}
