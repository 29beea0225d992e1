//! The month-by-month sums of sizing: a group's quantities over its pools, the
//! fleet's over its groups. They run along the months, eight at a time with the
//! sums in registers, and add exactly what a month-by-month loop adds, in the same
//! order, so that results do not move by a bit.

use super::counts::TWO_53;

/// Months summed at once: four SSE2 registers of running sums.
const LANES: usize = 8;

/// `Σ_i x_i·y_i[k]` for every month `k` of `months`, `i` in order, for the `terms`
/// `(x_i, y_i)`, appended to `out`. Each month's sum starts at 0 and adds its terms
/// in order.
pub(crate) fn scaled_sums(out: &mut Vec<f64>, months: usize, terms: &[(f64, &[f64])]) {
    let start = out.len();
    out.resize(start + months, 0.0);
    let mut chunks = out[start..].chunks_exact_mut(LANES);
    for (c, out) in (&mut chunks).enumerate() {
        // Why a local array copied out at the end: the sums stay in registers
        // (summing into `out` itself goes through memory for every term).
        let mut sums = [0.0; LANES];
        for &(x, y) in terms {
            let y = &y[c * LANES..(c + 1) * LANES];
            for j in 0..LANES {
                sums[j] += x * y[j];
            }
        }
        out.copy_from_slice(&sums);
    }
    let done = months - chunks.into_remainder().len();
    for k in done..months {
        out[start + k] = terms.iter().fold(0.0, |sum, &(x, y)| sum + x * y[k]);
    }
}

/// `Σ_i x_i[k]·y_i[k]` for every month `k` of `months`, as [`scaled_sums`] adds
/// them, handed to `sink` in month order, a few months at a time.
pub(crate) fn product_sums(
    months: usize,
    terms: &[(&[f64], &[f64])],
    mut sink: impl FnMut(&[f64]),
) {
    let mut k0 = 0;
    while k0 + LANES <= months {
        let mut sums = [0.0; LANES];
        for &(x, y) in terms {
            let (x, y) = (&x[k0..k0 + LANES], &y[k0..k0 + LANES]);
            for j in 0..LANES {
                sums[j] += x[j] * y[j];
            }
        }
        sink(&sums);
        k0 += LANES;
    }
    for k in k0..months {
        let sum = terms.iter().fold(0.0, |sum, &(x, y)| sum + x[k] * y[k]);
        sink(&[sum]);
    }
}

/// `Σ values` of whole numbers ≥ 0, as the sequential sum gives it. Below 2^53
/// every partial sum of whole numbers is exact, whatever the order, so eight
/// running sums give the same bits; terms are ≥ 0 and rounding is monotone, so a
/// total below 2^53 shows that none was reached. Otherwise the sum is redone in order.
pub(crate) fn whole_sum(values: &[f64]) -> f64 {
    let mut sums = [0.0; LANES];
    let chunks = values.chunks_exact(LANES);
    let rest: f64 = chunks.remainder().iter().sum();
    for chunk in chunks {
        for j in 0..LANES {
            sums[j] += chunk[j];
        }
    }
    let total = sums.iter().sum::<f64>() + rest;
    match total < TWO_53 && !values.is_empty() {
        true => total,
        // (An empty sum is −0.)
        false => values.iter().sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::{product_sums, scaled_sums, whole_sum};

    #[test]
    fn the_sums_add_in_the_order_of_a_month_by_month_loop() {
        let (a, b): (Vec<f64>, Vec<f64>) = (0..21)
            .map(|k| (0.1 * k as f64, 1.0 / (k + 1) as f64))
            .unzip();
        let mut out = Vec::new();
        scaled_sums(&mut out, 21, &[(0.3, &a), (0.7, &b)]);
        let mut products: Vec<f64> = Vec::new();
        product_sums(21, &[(&a, &b), (&b, &b)], |s| products.extend_from_slice(s));
        for k in 0..21 {
            assert_eq!(out[k].to_bits(), (0.0 + 0.3 * a[k] + 0.7 * b[k]).to_bits());
            assert_eq!(
                products[k].to_bits(),
                (0.0 + a[k] * b[k] + b[k] * b[k]).to_bits()
            );
        }
    }

    #[test]
    fn whole_sums_are_the_sequential_sums() {
        for values in [
            vec![3.0; 13],
            vec![],
            vec![1e15; 20],
            (0..50).map(f64::from).collect(),
        ] {
            let sequential: f64 = values.iter().sum();
            assert_eq!(whole_sum(&values).to_bits(), sequential.to_bits());
        }
    }
}
