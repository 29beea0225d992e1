//! Chart text stays readable on screen: the SVGs scale to their box, so the
//! size a person sees is `font-size × display width ÷ viewBox width`. On a
//! 390 px phone a chart is 364 px wide (page padding, border), on a 360 px one
//! 334 px; every piece of text must still be at least 11 px at 340 px.

use clusterplan_charts::{ChartKind, Series, compare_cumulative, compare_totals, render};
use clusterplan_model::{CalculationResult, Scenario, calculate, parse_input};

/// The narrowest chart on a phone the charts are made for, CSS pixels.
const PHONE_DISPLAY: f64 = 340.0;
const MIN_FONT_PX: f64 = 11.0;

fn scenario(json: &str) -> (Scenario, CalculationResult) {
    let input = parse_input(json.as_bytes()).expect("parses");
    let scenario = Scenario::try_from(input).expect("valid");
    let result = calculate(&scenario);
    (scenario, result)
}

/// The value of attribute `name` in `tag` (the text of one start tag), in
/// either quote.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    ['"', '\''].into_iter().find_map(|quote| {
        let needle = format!(" {name}={quote}");
        let start = tag.find(&needle)? + needle.len();
        let len = tag[start..].find(quote)?;
        Some(&tag[start..start + len])
    })
}

/// The start tag of the `<g>` that encloses position `at` of `svg`, if any
/// (the charts do not nest groups).
fn enclosing_group(svg: &str, at: usize) -> Option<&str> {
    let open = svg[..at].rfind("<g ")?;
    if svg[open..at].contains("</g>") {
        return None;
    }
    Some(&svg[open..open + svg[open..].find('>')?])
}

/// The smallest font size, in CSS pixels, of `svg` shown `display` px wide (or
/// at its own `width` if it has one).
fn min_screen_font(svg: &str, display: f64) -> f64 {
    let root_end = svg.find('>').expect("root tag ends");
    let root = &svg[..root_end];
    let view_box = attribute(root, "viewBox").expect("viewBox");
    let view_width: f64 = view_box
        .split_whitespace()
        .nth(2)
        .and_then(|w| w.parse().ok())
        .expect("viewBox width");
    let shown = attribute(root, "width")
        .and_then(|w| w.trim_end_matches("px").parse().ok())
        .unwrap_or(display);
    let scale = shown / view_width;
    let sizes: Vec<f64> = svg
        .match_indices("<text")
        .map(|(at, _)| {
            let rest = &svg[at..];
            let tag = &rest[..rest.find('>').expect("text tag ends")];
            // Text without a size of its own inherits its group's, else the
            // root's (16 by default).
            attribute(tag, "font-size")
                .or_else(|| enclosing_group(svg, at).and_then(|g| attribute(g, "font-size")))
                .or_else(|| attribute(root, "font-size"))
                .map_or(16.0, |s| s.parse().expect("numeric font-size"))
        })
        .collect();
    assert!(!sizes.is_empty(), "the chart has text");
    sizes.into_iter().fold(f64::INFINITY, f64::min) * scale
}

fn assert_readable(svg: &str, what: &str) {
    for display in [PHONE_DISPLAY, 360.0] {
        let px = min_screen_font(svg, display);
        assert!(
            px >= MIN_FONT_PX,
            "{what}: smallest text is {px:.1} px at {display} px wide (needs {MIN_FONT_PX})"
        );
    }
}

#[test]
fn every_chart_is_readable_on_a_phone() {
    for json in [
        "{}",
        r#"{"horizon_months": 120, "clusters": 1000}"#,
        r#"{"horizon_months": 1, "clusters": 1}"#,
    ] {
        let (scenario, result) = scenario(json);
        for kind in ChartKind::ALL {
            assert_readable(
                &render(kind, &scenario, &result),
                &format!("{} {json}", kind.as_str()),
            );
        }
    }
}

#[test]
fn comparison_charts_are_readable_on_a_phone() {
    let results: Vec<CalculationResult> = (1..=10)
        .map(|c| scenario(&format!("{{\"clusters\": {c}}}")).1)
        .collect();
    for n in [1, 3, 10] {
        let series: Vec<Series> = results[..n]
            .iter()
            .map(|result| Series {
                name: "A rather long scenario name",
                result,
            })
            .collect();
        assert_readable(&compare_totals(&series), &format!("totals of {n}"));
        assert_readable(&compare_cumulative(&series), &format!("cumulative of {n}"));
    }
}

#[test]
fn the_measure_reads_the_svg() {
    let svg = "<svg viewBox=\"0 0 720 380\" font-family=\"x\"><text font-size=\"12\">a</text>\
               <text x=\"1\" font-size=\"9.5\">b</text></svg>";
    assert!((min_screen_font(svg, 360.0) - 4.75).abs() < 1e-9);
    let fixed = "<svg width=\"720\" viewBox=\"0 0 720 380\"><text>a</text></svg>";
    assert!((min_screen_font(fixed, 360.0) - 16.0).abs() < 1e-9);
}
