//! A pool's count (nodes, or billed Fargate pods, per cluster) in every month of the
//! horizon, and that count summed over the months weighted by the clusters: the
//! inner loops of sizing, written so that the compiler vectorises them and giving
//! bit for bit what [`NodeCurve::at`] gives month by month.

use crate::capacity::{NodeCurve, growth_factors};

/// `2^52`: from here on every `f64` is a whole number.
const TWO_52: f64 = 4_503_599_627_370_496.0;
/// `2^53`: below it every whole number is exact, so sums of whole numbers are too.
pub(crate) const TWO_53: f64 = 2.0 * TWO_52;
/// The largest `demand·g` the branch-free `ceil*` takes (see [`ceil_small`]).
const SMALL: f64 = TWO_52 / 2.0;

/// The months' growth factors `g_k`, and the smallest and largest of them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Factors {
    pub values: Vec<f64>,
    /// Bound `demand·g_k` for every month at once (`g_k` need not be monotone).
    min: f64,
    max: f64,
}

impl Factors {
    pub(crate) fn new(growth: f64, months: u32) -> Self {
        let values = growth_factors(growth, months);
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(0.0, f64::max);
        Self { values, min, max }
    }

    pub(crate) fn len(&self) -> usize {
        self.values.len()
    }
}

/// `ceil*(v)` for `0 ≤ v < 2^51`, equal to [`crate::capacity::ceil_star`] there.
/// Why not that one: it branches on the magnitude and converts through an integer,
/// which keeps the loops scalar. Adding and subtracting `2^52` rounds `x` to the
/// nearest whole number `r` (exact: the sum's spacing is 1), and `x ≤ r + 1/2`
/// makes `r` or `r + 1` the ceiling; `x` slightly below 0 gives `+0`, as `ceil*` does.
fn ceil_small(v: f64) -> f64 {
    let x = v - 1e-9;
    let r = (x + TWO_52) - TWO_52;
    r + if r < x { 1.0 } else { 0.0 }
}

/// `max(ceil*(v), floor)`, as [`NodeCurve::at`] (`f64::max` minds NaN, which
/// makes the loop longer; nothing here is NaN).
fn count_small(v: f64, floor: f64) -> f64 {
    let n = ceil_small(v);
    if n < floor { floor } else { n }
}

/// Calls `run` with `curve`'s count as a function of `g_k`, branch-free when every
/// month allows, and without the floor when no month reaches down to it (`ceil*`
/// is monotone). `None` when a month is too large for the branch-free `ceil*`.
fn with_count<T>(curve: &NodeCurve, factors: &Factors, run: impl RunCount<T>) -> Option<T> {
    let (demand, floor) = (curve.demand, curve.floor);
    if demand * factors.max >= SMALL {
        return None;
    }
    Some(match ceil_small(demand * factors.min) < floor {
        true => run.run(|g| count_small(demand * g, floor)),
        false => run.run(|g| ceil_small(demand * g)),
    })
}

/// A loop over the months given the count function (a trait, so that each count
/// function gets its own loop).
trait RunCount<T> {
    fn run(self, count: impl Fn(f64) -> f64) -> T;
}

/// Fills one count per month.
struct Fill<'a>(&'a [f64], &'a mut [f64]);

impl RunCount<()> for Fill<'_> {
    fn run(self, count: impl Fn(f64) -> f64) {
        for (n, &g) in self.1.iter_mut().zip(self.0) {
            *n = count(g);
        }
    }
}

/// Sums `clusters[k]·count(k)` in eight running sums.
struct Weighted<'a>(&'a [f64], &'a [f64]);

impl RunCount<f64> for Weighted<'_> {
    fn run(self, count: impl Fn(f64) -> f64) -> f64 {
        let mut sums = [0.0; 8];
        let (g8, c8) = (self.0.chunks_exact(8), self.1.chunks_exact(8));
        let (g_rest, c_rest) = (g8.remainder(), c8.remainder());
        for (g, c) in g8.zip(c8) {
            for j in 0..8 {
                sums[j] += c[j] * count(g[j]);
            }
        }
        let rest: f64 = g_rest.iter().zip(c_rest).map(|(&g, c)| c * count(g)).sum();
        sums.iter().sum::<f64>() + rest
    }
}

/// `curve`'s count in every month, into `out` (one per factor).
pub(crate) fn fill(curve: &NodeCurve, factors: &Factors, out: &mut [f64]) {
    let fast = with_count(curve, factors, Fill(&factors.values, &mut *out));
    if fast.is_none() {
        for (n, &g) in out.iter_mut().zip(&factors.values) {
            *n = curve.at(g);
        }
    }
}

/// `Σ_k clusters[k]·count(k)`, as the sequential sum in month order gives it.
///
/// Counts and clusters are whole numbers, so while the total stays below 2^53
/// every product and partial sum is exact and any order of addition gives the same
/// bits: eight running sums let the loop vectorise. Terms are ≥ 0 and rounding is
/// monotone, so a total below 2^53 shows that no partial sum reached it; a total
/// at or above (an absurd fleet) is added up again in month order.
pub(crate) fn weighted_sum(curve: &NodeCurve, factors: &Factors, clusters: &[f64]) -> f64 {
    let fast = with_count(curve, factors, Weighted(&factors.values, clusters));
    match fast {
        Some(total) if total < TWO_53 && !clusters.is_empty() => total,
        _ => clusters
            .iter()
            .zip(&factors.values)
            .map(|(c, &g)| c * curve.at(g))
            .sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Factors, TWO_52, count_small, fill, weighted_sum};
    use crate::capacity::{NodeCurve, ceil_star};

    #[test]
    fn the_branch_free_count_is_ceil_star_above_the_floor() {
        let whole = [0.0, 1.0, 2.0, 3.0, 1e6, 123_456_789.0, TWO_52 / 2.0 - 1.0];
        let near = [-1e-9, 1e-9, 2e-9, 0.5, 1.5, 2.5, 1e-12];
        for w in whole {
            for d in near {
                for v in [w + d, w - d, w, w + 0.4999, w + 0.5001] {
                    if (0.0..TWO_52 / 2.0).contains(&v) {
                        for floor in [0.0, 1.0, 3.0] {
                            let (a, b) = (count_small(v, floor), ceil_star(v).max(floor));
                            assert_eq!(a.to_bits(), b.to_bits(), "{v}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn series_and_weighted_sums_match_the_month_by_month_counts() {
        for growth in [0.0, 0.3, -0.9, 5.0] {
            let factors = Factors::new(growth, 120);
            let clusters: Vec<f64> = (0..120).map(|k| f64::from(3 + k / 12)).collect();
            for (demand, floor) in [
                (2.66, 3.0),
                (0.0, 0.0),
                (7.0, 1.0),
                (1e14, 3.0),
                (1e18, 0.0),
            ] {
                let curve = NodeCurve { demand, floor };
                let mut out = vec![0.0; 120];
                fill(&curve, &factors, &mut out);
                let months: Vec<f64> = factors.values.iter().map(|&g| curve.at(g)).collect();
                assert_eq!(out, months);
                let sequential: f64 = clusters.iter().zip(&months).map(|(c, n)| c * n).sum();
                let sum = weighted_sum(&curve, &factors, &clusters);
                assert_eq!(sum.to_bits(), sequential.to_bits(), "{demand} {growth}");
            }
        }
    }
}
