//! Charts of several saved scenarios: horizon totals side by side, and their
//! cumulative lines.

use clusterplan_model::CalculationResult;
use plotters::prelude::*;

use crate::cumulative::{finite_max, points};
use crate::legend::{Mark, legend, shorten};
use crate::style::{EKS, GRID, SELF_HOSTED, SIZE, headroom, usd_short};
use crate::svg::{self, text};

/// One scenario in a comparison: its name (user text; escaped when drawn) and result.
#[derive(Clone, Copy)]
pub struct Series<'a> {
    /// The scenario's name.
    pub name: &'a str,
    /// Its calculation.
    pub result: &'a CalculationResult,
}

/// Ten distinct colours for up to ten scenarios' lines.
const PALETTE: [RGBColor; 10] = [
    RGBColor(29, 78, 216),
    RGBColor(194, 65, 12),
    RGBColor(21, 128, 61),
    RGBColor(126, 34, 206),
    RGBColor(190, 18, 60),
    RGBColor(14, 116, 144),
    RGBColor(161, 98, 7),
    RGBColor(71, 85, 105),
    RGBColor(219, 39, 119),
    RGBColor(77, 124, 15),
];

/// Grouped bars: EKS and self-hosted horizon totals for each scenario.
pub fn compare_totals(scenarios: &[Series]) -> String {
    let n = scenarios.len().max(1) as u32;
    let max = finite_max(scenarios.iter().flat_map(|s| {
        [
            &s.result.options.eks.common.horizon_total,
            &s.result.options.self_hosted.common.horizon_total,
        ]
    }));
    svg::draw(
        SIZE,
        "Horizon total of EKS and self-hosted for each scenario",
        |root| {
            let (plot, side) = root.split_horizontally(SIZE.0 - 130);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Horizon total per scenario", text(18))
                .margin(14)
                .x_label_area_size(40)
                .y_label_area_size(76)
                .build_cartesian_2d(crate::style::segments(n), 0f64..headroom(max))?;
            let width = chart.plotting_area().dim_in_pixel().0 / n;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .x_label_formatter(&|v| match v {
                    SegmentValue::CenterOf(i) => scenarios
                        .get(*i as usize)
                        .map(|s| shorten(s.name, (width / 7).max(4) as usize))
                        .unwrap_or_default(),
                    _ => String::new(),
                })
                .y_label_formatter(&|v| usd_short(*v))
                .y_desc("Horizon total (USD)")
                .label_style(text(12))
                .axis_desc_style(text(13))
                .draw()?;
            let (outer, inner) = (width / 8, width / 2);
            for (i, s) in scenarios.iter().enumerate() {
                let i = i as u32;
                let bars = [
                    (
                        s.result.options.eks.common.horizon_total,
                        EKS,
                        (outer, inner),
                    ),
                    (
                        s.result.options.self_hosted.common.horizon_total,
                        SELF_HOSTED,
                        (inner, outer),
                    ),
                ];
                for (value, color, (left, right)) in bars {
                    if !value.is_finite() {
                        continue;
                    }
                    let mut bar = Rectangle::new(
                        [
                            (SegmentValue::Exact(i), 0.0),
                            (SegmentValue::Exact(i + 1), value),
                        ],
                        color.filled(),
                    );
                    bar.set_margin(0, 0, left, right);
                    chart.draw_series(std::iter::once(bar))?;
                }
            }
            legend(
                &side,
                &[
                    ("EKS".to_owned(), EKS, Mark::Square),
                    ("Self-hosted".to_owned(), SELF_HOSTED, Mark::Square),
                ],
            )
        },
    )
}

/// Cumulative cost lines: one colour per scenario, EKS solid, self-hosted dashed.
pub fn compare_cumulative(scenarios: &[Series]) -> String {
    let months = scenarios
        .iter()
        .map(|s| {
            s.result
                .options
                .eks
                .common
                .cumulative
                .len()
                .saturating_sub(1)
        })
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let max = finite_max(scenarios.iter().flat_map(|s| {
        s.result
            .options
            .eks
            .common
            .cumulative
            .iter()
            .chain(&s.result.options.self_hosted.common.cumulative)
    }));
    svg::draw(
        SIZE,
        "Cumulative cost of each scenario's options, by month",
        |root| {
            let (plot, side) = root.split_horizontally(SIZE.0 - 170);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Cumulative cost per scenario", text(18))
                .margin(14)
                .x_label_area_size(46)
                .y_label_area_size(76)
                .build_cartesian_2d(0f64..months, 0f64..headroom(max))?;
            chart
                .configure_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .x_labels(months.min(12.0) as usize + 1)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .y_label_formatter(&|v| usd_short(*v))
                .x_desc("Month")
                .y_desc("Cumulative cost (USD)")
                .label_style(text(12))
                .axis_desc_style(text(13))
                .draw()?;
            let mut entries = Vec::new();
            for (s, color) in scenarios.iter().zip(PALETTE.iter().cycle()) {
                let color = *color;
                chart.draw_series(LineSeries::new(
                    points(&s.result.options.eks.common.cumulative),
                    color.stroke_width(3),
                ))?;
                chart.draw_series(DashedLineSeries::new(
                    points(&s.result.options.self_hosted.common.cumulative),
                    8,
                    5,
                    color.stroke_width(3),
                ))?;
                let name = shorten(s.name, 16);
                entries.push((format!("{name}: EKS"), color, Mark::Line));
                entries.push((format!("{name}: self"), color, Mark::Dashed));
            }
            legend(&side, &entries)
        },
    )
}
