//! Charts of several saved scenarios: horizon totals side by side, and their
//! cumulative lines.

use clusterplan_model::resolved::Display;
use clusterplan_model::{CalculationResult, OptionName};
use plotters::prelude::*;

use crate::cumulative::{finite_max, points};
use crate::legend::{Entry, Mark, legend, legend_height, shorten};
use crate::style::{
    GRID, LABEL, PLOT_HEIGHT, TITLE, WIDTH, both_options, headroom, money_short, option_color,
};
use crate::svg::{self, text, text_width};

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

/// Width of the y axis labels and name.
const Y_AXIS: u32 = 84;
/// Longest scenario name in a legend.
const NAME_CHARS: usize = 24;

/// Grouped bars: each option's horizon total for each scenario. Scenarios are
/// named under their bars when the names fit, else numbered there and named in
/// the legend.
pub fn compare_totals(scenarios: &[Series]) -> String {
    let display = Display::common(scenarios.iter().map(|s| &s.result.inputs.display));
    let display = &display;
    let n = scenarios.len().max(1) as u32;
    let max = finite_max(scenarios.iter().flat_map(|s| {
        OptionName::ALL
            .iter()
            .map(|&o| &s.result.options.get(o).horizon_total)
    }));
    // The plot is the width less margins and the y axis.
    let band = f64::from(WIDTH - 28 - Y_AXIS) / f64::from(n);
    let fits = (band / text_width("x", LABEL)) as usize;
    let numbered = scenarios.iter().any(|s| s.name.chars().count() > fits);
    let mut entries: Vec<Entry> = OptionName::ALL
        .iter()
        .map(|&o| (o.label().to_owned(), option_color(o), Mark::Square))
        .collect();
    if numbered {
        entries.extend(scenarios.iter().enumerate().map(|(i, s)| {
            let name = format!("{} = {}", i + 1, shorten(s.name, NAME_CHARS));
            (name, GRID, Mark::Text)
        }));
    }
    let size = (WIDTH, PLOT_HEIGHT + legend_height(&entries, WIDTH));
    svg::draw(
        size,
        &format!("Horizon total of {} for each scenario", both_options()),
        |root| {
            let (plot, below) = root.split_vertically(PLOT_HEIGHT);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Horizon total per scenario", text(TITLE))
                .margin(14)
                .x_label_area_size(40)
                .y_label_area_size(Y_AXIS)
                .build_cartesian_2d(crate::style::segments(n), 0f64..headroom(max))?;
            let width = chart.plotting_area().dim_in_pixel().0 / n;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(TRANSPARENT)
                .bold_line_style(GRID)
                .y_labels(6)
                .x_label_formatter(&|v| match v {
                    SegmentValue::CenterOf(i) if numbered => format!("{}", i + 1),
                    SegmentValue::CenterOf(i) => scenarios
                        .get(*i as usize)
                        .map(|s| s.name.to_owned())
                        .unwrap_or_default(),
                    _ => String::new(),
                })
                .y_label_formatter(&|v| money_short(display, *v))
                .y_desc(format!("Horizon total ({})", display.currency))
                .label_style(text(LABEL))
                .axis_desc_style(text(LABEL))
                .draw()?;
            // The options' bars side by side in the middle three quarters of a band.
            let k = OptionName::ALL.len() as u32;
            let bar = width * 3 / 4 / k.max(1);
            let outer = (width - bar * k) / 2;
            for (i, s) in scenarios.iter().enumerate() {
                let i = i as u32;
                for (j, &option) in OptionName::ALL.iter().enumerate() {
                    let value = s.result.options.get(option).horizon_total;
                    if !value.is_finite() {
                        continue;
                    }
                    let left = outer + bar * j as u32;
                    let right = width.saturating_sub(left + bar);
                    let mut rect = Rectangle::new(
                        [
                            (SegmentValue::Exact(i), 0.0),
                            (SegmentValue::Exact(i + 1), value),
                        ],
                        option_color(option).filled(),
                    );
                    rect.set_margin(0, 0, left, right);
                    chart.draw_series(std::iter::once(rect))?;
                }
            }
            legend(&below, &entries)
        },
    )
}

/// Cumulative cost lines: one colour per scenario, EKS solid, self-hosted dashed.
pub fn compare_cumulative(scenarios: &[Series]) -> String {
    let display = Display::common(scenarios.iter().map(|s| &s.result.inputs.display));
    let display = &display;
    let months = scenarios
        .iter()
        .flat_map(|s| {
            OptionName::ALL
                .iter()
                .map(|&o| s.result.options.get(o).cumulative.len().saturating_sub(1))
        })
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let max = finite_max(scenarios.iter().flat_map(|s| {
        OptionName::ALL
            .iter()
            .flat_map(|&o| s.result.options.get(o).cumulative.iter())
    }));
    // The first option is drawn solid, the second dashed.
    let marks = [Mark::Line, Mark::Dashed];
    let mut entries: Vec<Entry> = Vec::new();
    for (s, color) in scenarios.iter().zip(PALETTE.iter().cycle()) {
        let name = shorten(s.name, NAME_CHARS);
        for (option, mark) in OptionName::ALL.iter().zip(marks) {
            entries.push((format!("{name}: {}", option.label()), *color, mark));
        }
    }
    let size = (WIDTH, PLOT_HEIGHT + legend_height(&entries, WIDTH));
    svg::draw(
        size,
        &format!(
            "Cumulative cost of each scenario's options ({}), by month",
            both_options()
        ),
        |root| {
            let (plot, below) = root.split_vertically(PLOT_HEIGHT);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Cumulative cost per scenario", text(TITLE))
                .margin(14)
                .x_label_area_size(56)
                .y_label_area_size(Y_AXIS)
                .build_cartesian_2d(0f64..months, 0f64..headroom(max))?;
            chart
                .configure_mesh()
                .light_line_style(TRANSPARENT)
                .bold_line_style(GRID)
                .x_labels(months.min(6.0) as usize + 1)
                .y_labels(6)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .y_label_formatter(&|v| money_short(display, *v))
                .x_desc("Month")
                .y_desc(format!("Cumulative cost ({})", display.currency))
                .label_style(text(LABEL))
                .axis_desc_style(text(LABEL))
                .draw()?;
            for (s, color) in scenarios.iter().zip(PALETTE.iter().cycle()) {
                let style = color.stroke_width(3);
                for (option, mark) in OptionName::ALL.iter().zip(marks) {
                    let line = points(&s.result.options.get(*option).cumulative);
                    match mark {
                        Mark::Dashed => {
                            chart.draw_series(DashedLineSeries::new(line, 8, 5, style))?;
                        }
                        _ => {
                            chart.draw_series(LineSeries::new(line, style))?;
                        }
                    }
                }
            }
            legend(&below, &entries)
        },
    )
}
