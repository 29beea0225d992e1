//! Every quantity form Kubernetes writes, what is not one, and the range.
use super::parse;
use proptest::prelude::*;

/// `want`, or refused when `want` is past what Kubernetes holds.
fn as_wanted(got: Result<f64, String>, want: f64) -> bool {
    match got {
        Ok(got) => close(got, want) && want < super::MAX_QUANTITY,
        Err(_) => want >= super::MAX_QUANTITY,
    }
}

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

#[test]
fn past_what_kubernetes_holds_is_refused_without_repeating_the_text() {
    for text in [
        "1e306",
        "9999999999999999999999Ei",
        "9.3E",
        "8Ei",
        "9223372036854775809",
    ] {
        let error = parse(text).expect_err(text);
        assert!(error.contains("2^63"), "{text}: {error}");
        assert!(!error.contains(text), "{error} repeats {text}");
    }
    assert_eq!(parse("7Ei"), Ok(7.0 * 1_152_921_504_606_846_976.0));
    let secret = parse("secret-pod-name").expect_err("not a quantity");
    assert!(!secret.contains("secret"), "{secret}");
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
        let got = parse(&format!("{n}{suffix}"));
        prop_assert!(as_wanted(got, n as f64 * factor), "{n}{suffix}");
    }

    #[test]
    fn a_decimal_fraction_reads_as_written(
        whole in 0u32..100_000, frac in 0u32..1000, s in 0usize..SUFFIXES.len()
    ) {
        let (suffix, factor) = SUFFIXES[s];
        let text = format!("{whole}.{frac:03}{suffix}");
        let want = (f64::from(whole) + f64::from(frac) / 1000.0) * factor;
        prop_assert!(as_wanted(parse(&text), want), "{text}");
    }

    #[test]
    fn an_exponent_is_a_power_of_ten(n in 0u32..10_000, e in -9i32..=9) {
        let got = parse(&format!("{n}e{e}")).expect("a quantity");
        prop_assert!(close(got, f64::from(n) * 10f64.powi(e)));
    }

    #[test]
    fn any_text_parses_or_fails_without_panicking(text in "\\PC{0,80}") {
        if let Ok(value) = parse(&text) {
            prop_assert!((0.0..super::MAX_QUANTITY).contains(&value));
        }
    }
}
