//! Cumulative cost of both options over the horizon.

use clusterplan_model::{CalculationResult, OptionName};
use plotters::prelude::*;

use crate::legend::{Entry, Mark, legend, legend_height};
use crate::style::{
    GRID, LABEL, PLOT_HEIGHT, TITLE, WIDTH, both_options, headroom, option_color, usd_short,
};
use crate::svg::{self, text};

/// Lines of cumulative cost (one-off at month 0, then each month's total added).
pub fn cumulative(result: &CalculationResult) -> String {
    let series: Vec<(OptionName, &[f64])> = OptionName::ALL
        .iter()
        .map(|&o| (o, result.options.get(o).cumulative.as_slice()))
        .collect();
    let months = series
        .iter()
        .map(|(_, values)| values.len().saturating_sub(1))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let max = finite_max(series.iter().flat_map(|(_, values)| values.iter()));
    let entries: Vec<Entry> = OptionName::ALL
        .iter()
        .map(|&o| (o.label().to_owned(), option_color(o), Mark::Line))
        .collect();
    let size = (WIDTH, PLOT_HEIGHT + legend_height(&entries, WIDTH));
    svg::draw(
        size,
        &format!("Cumulative cost of {}, by month", both_options()),
        |root| {
            let (plot, below) = root.split_vertically(PLOT_HEIGHT);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Cumulative cost", text(TITLE))
                .margin(14)
                .x_label_area_size(56)
                .y_label_area_size(84)
                .build_cartesian_2d(0f64..months, 0f64..headroom(max))?;
            chart
                .configure_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .x_labels(months.min(6.0) as usize + 1)
                .y_labels(6)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .y_label_formatter(&|v| usd_short(*v))
                .x_desc("Month")
                .y_desc("Cumulative cost (USD)")
                .label_style(text(LABEL))
                .axis_desc_style(text(LABEL))
                .draw()?;
            for (option, values) in &series {
                chart.draw_series(LineSeries::new(
                    points(values),
                    option_color(*option).stroke_width(3),
                ))?;
            }
            legend(&below, &entries)
        },
    )
}

/// `(month, value)` for the finite values of a series.
pub(crate) fn points(values: &[f64]) -> Vec<(f64, f64)> {
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .map(|(m, v)| (m as f64, *v))
        .collect()
}

/// The largest finite value, or 0.
pub(crate) fn finite_max<'a>(values: impl Iterator<Item = &'a f64>) -> f64 {
    values
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}
