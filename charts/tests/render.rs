//! Every chart renders as a complete, labelled SVG for ordinary and edge-case
//! scenarios, and user text is escaped.

use clusterplan_charts::{ChartKind, Series, compare_cumulative, compare_totals, render};
use clusterplan_model::{CalculationResult, Scenario, calculate, parse_input};

fn scenario(json: &str) -> (Scenario, CalculationResult) {
    let input = parse_input(json.as_bytes()).expect("parses");
    let scenario = Scenario::try_from(input).expect("valid");
    let result = calculate(&scenario);
    (scenario, result)
}

fn assert_svg(svg: &str, what: &str) {
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="),
        "{what}"
    );
    assert!(svg.trim_end().ends_with("</svg>"), "{what}");
    assert!(
        svg.contains("role=\"img\"") && svg.contains("<title>"),
        "{what}"
    );
    assert!(!svg.contains("could not be drawn"), "{what}");
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{what}");
}

#[test]
fn every_chart_of_the_defaults_is_labelled() {
    let (scenario, result) = scenario("{}");
    let expected: [(ChartKind, &[&str]); 4] = [
        (
            ChartKind::Cumulative,
            &["Cumulative cost", "Month", "USD", "EKS", "Self-hosted", "$"],
        ),
        (
            ChartKind::Breakdown,
            &[
                "Monthly cost by category",
                "Workers",
                "On-call",
                "Self-hosted",
            ],
        ),
        (
            ChartKind::Breakeven,
            &["Clusters", "Horizon total (USD)", "now: 3"],
        ),
        (
            ChartKind::Sensitivity,
            &[
                "Clusters",
                "Team: annual cost",
                "Self-hosted: routine hours per cluster month",
                "input × 0.75",
            ],
        ),
    ];
    for (kind, labels) in expected {
        let svg = render(kind, &scenario, &result);
        assert_svg(&svg, kind.as_str());
        for label in labels {
            assert!(svg.contains(label), "{}: {label} missing", kind.as_str());
        }
    }
}

/// The text of every `<text>` element of `svg`.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find('>')? + 1;
            let end = rest.find("</text>")?;
            Some(&rest[start..end])
        })
        .collect()
}

#[test]
fn people_read_words_not_field_paths() {
    let (scenario, result) = scenario("{}");
    for kind in ChartKind::ALL {
        let svg = render(kind, &scenario, &result);
        for text in texts(&svg) {
            assert!(
                !is_field_path(text),
                "{}: raw field path {text:?}",
                kind.as_str()
            );
        }
    }
}

/// `team.annual_cost_usd` or `clusters`-style snake case with a dot or underscore.
fn is_field_path(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        (word.contains('.') || word.contains('_'))
            && word
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
            && word.chars().any(|c| c.is_ascii_lowercase())
    })
}

#[test]
fn every_cost_category_is_in_the_breakdown() {
    let (scenario, result) = scenario("{}");
    let svg = render(ChartKind::Breakdown, &scenario, &result);
    for category in clusterplan_model::CostCategory::ALL {
        assert!(svg.contains(category.label()), "{category:?}");
    }
    for option in clusterplan_model::OptionName::ALL {
        assert!(svg.contains(option.label()), "{option:?}");
    }
}

#[test]
fn edge_cases_render_without_panicking() {
    let cases = [
        r#"{"horizon_months": 1}"#,
        r#"{"horizon_months": 120, "clusters": 1000}"#,
        r#"{"clusters": 1, "workers": {"nodes_per_cluster": 1, "min_nodes_per_cluster": 1}, "team": {"annual_cost_usd": 0, "on_call_stipend_per_week_usd": 0}, "eks": {"standard_hourly_usd": 0, "on_call_slots": 0, "setup_hours": 0}, "self_hosted": {"setup_hours": 0, "on_call_slots": 0}}"#,
        r#"{"clusters": 20, "workers": {"workload": {"cpu_request_cores": 200, "memory_request_gib": 800, "pods": 2000}}, "self_hosted": {"worker_hourly_usd": 0.08}}"#,
        r#"{"clusters": 1000, "workers": {"nodes_per_cluster": 10000, "instance_type": "custom", "custom": {"vcpu": 96, "memory_gib": 768, "hourly_usd": 1000000, "max_pods_vpc_cni": 250}}}"#,
    ];
    for json in cases {
        let (scenario, result) = scenario(json);
        for kind in ChartKind::ALL {
            assert_svg(
                &render(kind, &scenario, &result),
                &format!("{} {json}", kind.as_str()),
            );
        }
    }
}

#[test]
fn comparison_charts_escape_names_and_take_one_to_ten_scenarios() {
    let results: Vec<CalculationResult> = (1..=10)
        .map(|c| scenario(&format!("{{\"clusters\": {c}}}")).1)
        .collect();
    let evil = "<script>alert(1)</script> & \"'";
    for n in [1, 2, 10] {
        let series: Vec<Series> = results[..n]
            .iter()
            .enumerate()
            .map(|(i, result)| Series {
                name: if i == 0 { evil } else { "Plan" },
                result,
            })
            .collect();
        for svg in [compare_totals(&series), compare_cumulative(&series)] {
            assert_svg(&svg, &format!("{n} scenarios"));
            assert!(!svg.contains("<script>"), "name escaped");
            assert!(svg.contains("&lt;scr"), "name shown (maybe shortened)");
        }
    }
    assert_svg(&compare_totals(&[]), "no scenarios");
}

#[test]
fn the_histogram_marks_zero_and_the_percentiles() {
    let (_, plain) = scenario("{}");
    assert!(!ChartKind::Uncertainty.applies_to(&plain));
    let (scenario, result) = scenario(
        r#"{"clusters": 20, "self_hosted": {"worker_hourly_usd": 0.08},
            "uncertainty": {"samples": 500, "ranges": [
            {"field": "self_hosted.routine_hours_per_cluster_month", "low": 5, "high": 80}]}}"#,
    );
    assert!(ChartKind::Uncertainty.applies_to(&result));
    let svg = render(ChartKind::Uncertainty, &scenario, &result);
    assert_svg(&svg, "histogram");
    for label in ["p10", "p50", "p90", "Futures", "Simulated futures"] {
        assert!(
            texts(&svg).iter().any(|t| t.contains(label)),
            "{label} missing"
        );
    }
}

#[test]
fn money_axes_follow_the_display_currency() {
    let (scenario, result) = scenario(r#"{"display": {"currency": "EUR", "per_usd": 0.5}}"#);
    let (_, in_usd) = self::scenario("{}");
    for kind in [
        ChartKind::Cumulative,
        ChartKind::Breakdown,
        ChartKind::Breakeven,
    ] {
        let svg = render(kind, &scenario, &result);
        assert!(
            svg.contains("(EUR") && svg.contains("EUR "),
            "{kind:?} names EUR"
        );
        assert!(
            !svg.contains("USD") && !svg.contains('$'),
            "{kind:?} has no dollars"
        );
    }
    // Mixed currencies in a comparison fall back to USD, never mixing labels.
    let mixed = [
        Series {
            name: "A",
            result: &result,
        },
        Series {
            name: "B",
            result: &in_usd,
        },
    ];
    assert!(compare_totals(&mixed).contains("(USD)"));
    let both_eur = [
        Series {
            name: "A",
            result: &result,
        },
        Series {
            name: "B",
            result: &result,
        },
    ];
    assert!(compare_cumulative(&both_eur).contains("(EUR)"));
}

#[test]
fn charts_carry_no_invisible_lines_or_repeated_styling() {
    let (scenario, result) = scenario("{}");
    for kind in ChartKind::ALL {
        let svg = render(kind, &scenario, &result);
        // plotters' own output was 9–14 KB a chart (white grid lines on white,
        // every element's full style in double quotes).
        assert!(svg.len() <= 6_000, "{kind:?}: {} bytes", svg.len());
        assert!(
            !svg.contains("opacity='1'"),
            "{kind:?}: the default opacity"
        );
        assert!(
            !svg.contains("stroke='#FFFFFF'"),
            "{kind:?}: lines drawn white on white"
        );
    }
}
