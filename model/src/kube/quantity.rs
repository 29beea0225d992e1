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

/// Quantities read stay below this, in their base unit: 2^63, past what
/// Kubernetes' own `Value()` holds (an `int64`). Sums of 25,000 of them stay
/// finite, so no figure of an import turns into JSON's `null`. (Compared as
/// floats, whose 2^63 − 1 is 2^63: the last few integers below it are refused.)
pub const MAX_QUANTITY: f64 = 9_223_372_036_854_775_808.0;

/// What a value outside Kubernetes' range is told.
const OUT_OF_RANGE: &str = "is larger than Kubernetes allows (2^63 in its base unit)";

/// A parsed quantity in its base unit; never negative, below [`MAX_QUANTITY`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Quantity(pub f64);

/// Parses one quantity, or says why it is not one. The message never repeats
/// the text: it came from someone's cluster (the field's path says where).
pub fn parse(text: &str) -> Result<f64, String> {
    let text = text.trim();
    let bad = || "is not a Kubernetes quantity (e.g. 250m, 1.5Gi, 110G)".to_owned();
    if text.is_empty() || text.len() > MAX_LEN {
        return Err(bad());
    }
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
    if value.is_nan() || value >= MAX_QUANTITY {
        return Err(OUT_OF_RANGE.into());
    }
    match negative && value != 0.0 {
        true => Err("is negative".into()),
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
        self.visit_f64(v as f64)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
        self.visit_f64(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Quantity, E> {
        match v {
            v if v < 0.0 => Err(E::custom("is negative")),
            v if v < MAX_QUANTITY => Ok(Quantity(v)),
            _ => Err(E::custom(OUT_OF_RANGE)),
        }
    }
}

#[cfg(test)]
mod tests;
