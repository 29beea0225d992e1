//! Text for people: money, hours, shares and counts (for the results, which the
//! server renders: `crate::report`), and user text made safe for a page title.

use clusterplan_model::resolved::Display;
pub use clusterplan_model::{money_short, usd_short};

/// A USD figure, exact, in `display`'s currency: `$19,390.26` in USD,
/// `EUR 17,839.04` otherwise (the code, never a symbol alone).
pub fn money(display: &Display, usd_figure: f64) -> String {
    clusterplan_model::in_currency(display, usd_figure, usd)
}

/// `$19,390.26`: exact money for tables, to the cent, with thousands separators.
pub fn usd(value: f64) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    let cents = (value.abs() * 100.0).round();
    let whole = (cents / 100.0).trunc();
    let frac = cents - whole * 100.0;
    format!("{sign}${}.{:02}", group(whole), frac as u64)
}

/// `1,211` or `107.6`: a figure with at most `decimals` decimals, trailing zeros cut.
pub fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let negative = int.starts_with('-');
    let digits: f64 = int.trim_start_matches('-').parse().unwrap_or(0.0);
    let grouped = format!("{}{}", if negative { "-" } else { "" }, group(digits));
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

/// `18.9 %`: a percentage with one decimal.
pub fn pct(value: f64) -> String {
    format!("{} %", number(value, 1))
}

/// User text made safe for `<title>`: leptos_meta writes the title unescaped
/// during server rendering (a name with `</title>` could open a script), and sets
/// `document.title` as plain text in the browser, so entities would show
/// literally. Look-alike characters read the same in both.
pub fn title_text(text: &str) -> String {
    text.replace('<', "‹").replace('>', "›").replace('&', "＆")
}

/// `1,345`: a count with thousands separators.
pub fn count(n: usize) -> String {
    group_digits(&n.to_string())
}

fn group(whole: f64) -> String {
    group_digits(&format!("{whole:.0}"))
}

fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_well() {
        let cases = [
            (416_010.94, "$416k", "$416,010.94"),
            (1_234_567.0, "$1.2M", "$1,234,567.00"),
            (950.0, "$950", "$950.00"),
            (9_611.415, "$9.6k", "$9,611.42"),
            (-2_500.0, "-$2.5k", "-$2,500.00"),
            (0.0, "$0", "$0.00"),
        ];
        for (value, short, exact) in cases {
            assert_eq!(
                (usd_short(value).as_str(), usd(value).as_str()),
                (short, exact),
                "{value}"
            );
        }
    }

    #[test]
    fn other_currencies_are_converted_and_named() {
        let eur = Display {
            currency: "EUR".into(),
            per_usd: 0.5,
        };
        assert_eq!(money(&eur, 2_000.5), "EUR 1,000.25");
        assert_eq!(money(&eur, -10.0), "EUR -5.00");
        assert_eq!(money(&Display::usd(), 12.5), "$12.50");
    }

    #[test]
    fn titles_cannot_close_the_title_element() {
        assert_eq!(title_text("x</title><script>&"), "x‹/title›‹script›＆");
    }

    #[test]
    fn figures_drop_trailing_zeros_and_group_thousands() {
        assert_eq!(number(1211.0, 1), "1,211");
        assert_eq!(number(107.6, 1), "107.6");
        assert_eq!(number(0.756875, 4), "0.7569");
        assert_eq!(pct(18.921875), "18.9 %");
        assert_eq!(
            (count(7), count(1345), count(123_456)),
            ("7".into(), "1,345".into(), "123,456".into())
        );
    }
}
