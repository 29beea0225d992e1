//! Short money for people (`$416k`): one rendering for the pages and the charts.

/// `$416k`, `$1.2M`, `$950`: money short enough for a verdict or an axis.
pub fn usd_short(value: f64) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    let body = if v >= 1e9 {
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
    use super::usd_short;

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
        ];
        for (value, expected) in cases {
            assert_eq!(usd_short(value), expected, "{value}");
        }
    }
}
