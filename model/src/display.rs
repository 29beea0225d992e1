//! Short money for people (`$416k`, `EUR 383k`): one rendering for the pages
//! and the charts, in the scenario's display currency.

use crate::resolved::Display;

/// Whether `code` has the shape of an ISO 4217 code: three capital letters.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Why `per_usd` cannot go with `code`: a rate other than 1 for US dollars
/// would multiply every figure and still label it dollars (a forecast's
/// `BillingCurrency` too). `None` when they fit.
pub fn usd_rate_error(code: &str, per_usd: f64) -> Option<&'static str> {
    (code == "USD" && per_usd != 1.0).then_some("must be 1 when the currency is USD")
}

impl Display {
    /// US dollars, the model's own currency.
    pub fn usd() -> Self {
        Self {
            currency: "USD".into(),
            per_usd: 1.0,
        }
    }

    /// The display several results share; US dollars when they differ (a
    /// comparison never mixes currencies).
    pub fn common<'a>(mut displays: impl Iterator<Item = &'a Display>) -> Display {
        let Some(first) = displays.next() else {
            return Display::usd();
        };
        match displays.all(|other| other == first) {
            true => first.clone(),
            false => Display::usd(),
        }
    }
}

/// A USD figure, short, in `display`'s currency: `$416k` in USD, `EUR 416k`
/// otherwise (the code, never a symbol alone: `$` is several currencies).
pub fn money_short(display: &Display, usd: f64) -> String {
    in_currency(display, usd, usd_short)
}

/// `usd` converted to `display`'s currency and written by `write` (which
/// writes dollars: `$1.2k`), with the `$` swapped for the code outside USD.
/// The one place that says how money is labelled, for short and exact forms.
pub fn in_currency(display: &Display, usd: f64, write: impl Fn(f64) -> String) -> String {
    let text = write(usd * display.per_usd);
    match display.currency.as_str() {
        "USD" => text,
        code => format!("{code} {}", text.replacen('$', "", 1)),
    }
}

/// `$416k`, `$1.2M`, `$950`: money short enough for a verdict or an axis.
pub fn usd_short(value: f64) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    // Past trillions (a large fleet in a currency of a million per USD), the
    // exponent: "521236162.0B" read as nothing.
    let body = if v >= 1e15 {
        format!("{v:.1e}")
    } else if v >= 1e12 {
        format!("{:.1}T", v / 1e12)
    } else if v >= 1e9 {
        format!("{:.1}B", v / 1e9)
    } else if v >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if v >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if v >= 1e3 {
        format!("{:.1}k", v / 1e3)
    } else {
        format!("{v:.0}")
    };
    format!("{sign}${body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_currencies_are_converted_and_named_by_code() {
        let eur = Display {
            currency: "EUR".into(),
            per_usd: 0.5,
        };
        assert_eq!(money_short(&eur, 832_021.88), "EUR 416k");
        assert_eq!(money_short(&eur, -5_000.0), "EUR -2.5k");
        let usd = Display {
            currency: "USD".into(),
            per_usd: 1.0,
        };
        assert_eq!(money_short(&usd, 416_010.94), "$416k");
        assert!(is_currency_code("EUR") && !is_currency_code("eur") && !is_currency_code("EURO"));
    }

    #[test]
    fn money_is_short() {
        let cases = [
            (416_010.94, "$416k"),
            (1_234_567.0, "$1.2M"),
            (950.0, "$950"),
            (9_611.415, "$9.6k"),
            (-2_500.0, "-$2.5k"),
            (0.0, "$0"),
            (2.5e9, "$2.5B"),
            (5.2e12, "$5.2T"),
            (5.21e17, "$5.2e17"),
        ];
        for (value, expected) in cases {
            assert_eq!(usd_short(value), expected, "{value}");
        }
    }
}
