//! Kubernetes resource quantities (`250m`, `110G`, `64771732Ki`, `1.5Gi`, `1e3`)
//! as plain numbers in their base unit (cores, bytes, pods).
//!
//! The grammar is apimachinery's `resource.Quantity`: a signed decimal number
//! (`1`, `1.5`, `.5`, `5.`) followed by one suffix, either binary SI (`Ki` … `Ei`),
//! decimal SI (`n`, `u`, `m`, none, `k`, `M`, `G`, `T`, `P`, `E`) or a decimal
//! exponent (`e3`, `E-2`). `E` alone is exa, `E3` an exponent: the suffix is
//! matched whole before it is read as an exponent, as Kubernetes does.

use serde::de::{self, Deserializer, Visitor};

/// Longest quantity accepted; Kubernetes' own canonical forms are far shorter.
const MAX_LEN: usize = 64;

/// A parsed quantity in its base unit; never negative, always finite.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Quantity(pub f64);

/// Parses one quantity, or says why it is not one.
pub fn parse(text: &str) -> Result<f64, String> {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_LEN {
        return Err("is not a Kubernetes quantity (e.g. 250m, 1.5Gi, 110G)".into());
    }
    let bad = || format!("{text:?} is not a Kubernetes quantity (e.g. 250m, 1.5Gi, 110G)");
    let (negative, body) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let digits = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    let (number, suffix) = body.split_at(digits);
    if number.is_empty() || number == "." || number.matches('.').count() > 1 {
        return Err(bad());
    }
    let value: f64 = number.parse().map_err(|_| bad())?;
    let scale = multiplier(suffix).ok_or_else(bad)?;
    let value = value * scale;
    if !value.is_finite() {
        return Err(format!("{text:?} is too large"));
    }
    match negative && value != 0.0 {
        true => Err(format!("{text:?} is negative")),
        false => Ok(value),
    }
}

/// The factor a suffix stands for, or `None` for no suffix Kubernetes knows.
fn multiplier(suffix: &str) -> Option<f64> {
    const KI: f64 = 1024.0;
    let factor = match suffix {
        "" => 1.0,
        "n" => 1e-9,
        "u" => 1e-6,
        "m" => 1e-3,
        "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "Ki" => KI,
        "Mi" => KI * KI,
        "Gi" => KI * KI * KI,
        "Ti" => KI.powi(4),
        "Pi" => KI.powi(5),
        "Ei" => KI.powi(6),
        _ => return exponent(suffix),
    };
    Some(factor)
}

/// `e3`, `E-2`, `e+6`: ten to a signed whole power.
fn exponent(suffix: &str) -> Option<f64> {
    let rest = suffix.strip_prefix(['e', 'E'])?;
    let digits = rest.strip_prefix(['+', '-']).unwrap_or(rest);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let power: i32 = rest.parse().ok()?;
    Some(10f64.powi(power))
}

impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(QuantityVisitor)
    }
}

struct QuantityVisitor;

impl Visitor<'_> for QuantityVisitor {
    type Value = Quantity;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a Kubernetes quantity such as \"250m\" or \"1.5Gi\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Quantity, E> {
        parse(v).map(Quantity).map_err(E::custom)
    }

    // The API server always writes quantities as strings; hand-made documents
    // sometimes carry bare numbers, which mean the same.
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Quantity, E> {
        Ok(Quantity(v as f64))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
        match v < 0 {
            true => Err(E::custom(format!("{v} is negative"))),
            false => Ok(Quantity(v as f64)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Quantity, E> {
        match v.is_finite() && v >= 0.0 {
            true => Ok(Quantity(v)),
            false => Err(E::custom(format!("{v} is not a quantity"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
    }

    #[test]
    fn every_form_kubernetes_writes() {
        let cases = [
            ("250m", 0.25),
            ("2", 2.0),
            ("110G", 110e9),
            ("64771732Ki", 64_771_732.0 * 1024.0),
            ("1.5Gi", 1.5 * 1024.0 * 1024.0 * 1024.0),
            ("1e3", 1000.0),
            ("1E3", 1000.0),
            ("1E", 1e18),
            ("5e-3", 0.005),
            ("100n", 1e-7),
            (".5", 0.5),
            ("5.", 5.0),
            ("+1k", 1000.0),
            ("0", 0.0),
            ("-0", 0.0),
            ("128974848", 128_974_848.0),
            ("129e6", 129e6),
            ("123Mi", 123.0 * 1024.0 * 1024.0),
        ];
        for (text, want) in cases {
            let got = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!(close(got, want), "{text}: {got} != {want}");
        }
    }

    #[test]
    fn what_is_not_a_quantity() {
        for text in [
            "", "m", "1.2.3", "1mi", "1KB", "-1", "1e", "1e99999", "Gi", "1 Gi", ".",
        ] {
            assert!(parse(text).is_err(), "{text:?} parsed");
        }
    }

    const SUFFIXES: [(&str, f64); 16] = [
        ("", 1.0),
        ("n", 1e-9),
        ("u", 1e-6),
        ("m", 1e-3),
        ("k", 1e3),
        ("M", 1e6),
        ("G", 1e9),
        ("T", 1e12),
        ("P", 1e15),
        ("E", 1e18),
        ("Ki", 1024.0),
        ("Mi", 1_048_576.0),
        ("Gi", 1_073_741_824.0),
        ("Ti", 1_099_511_627_776.0),
        ("Pi", 1_125_899_906_842_624.0),
        ("Ei", 1_152_921_504_606_846_976.0),
    ];

    proptest! {
        #[test]
        fn a_whole_number_with_any_suffix_is_the_number_times_its_factor(
            n in 0u64..1_000_000_000, s in 0usize..SUFFIXES.len()
        ) {
            let (suffix, factor) = SUFFIXES[s];
            let got = parse(&format!("{n}{suffix}")).expect("a quantity");
            prop_assert!(close(got, n as f64 * factor), "{n}{suffix} = {got}");
        }

        #[test]
        fn a_decimal_fraction_reads_as_written(
            whole in 0u32..100_000, frac in 0u32..1000, s in 0usize..SUFFIXES.len()
        ) {
            let (suffix, factor) = SUFFIXES[s];
            let text = format!("{whole}.{frac:03}{suffix}");
            let want = (f64::from(whole) + f64::from(frac) / 1000.0) * factor;
            prop_assert!(close(parse(&text).expect("a quantity"), want), "{text}");
        }

        #[test]
        fn an_exponent_is_a_power_of_ten(n in 0u32..10_000, e in -9i32..=9) {
            let got = parse(&format!("{n}e{e}")).expect("a quantity");
            prop_assert!(close(got, f64::from(n) * 10f64.powi(e)));
        }

        #[test]
        fn any_text_parses_or_fails_without_panicking(text in "\\PC{0,80}") {
            if let Ok(value) = parse(&text) {
                prop_assert!(value.is_finite() && value >= 0.0);
            }
        }
    }
}
