//! Cumulative cost of both options over the horizon.

use clusterplan_model::CalculationResult;
use plotters::prelude::*;

use crate::style::{EKS, GRID, SELF_HOSTED, SIZE, headroom, usd_short};
use crate::svg::{self, text};

/// Lines of cumulative cost (one-off at month 0, then each month's total added).
pub fn cumulative(result: &CalculationResult) -> String {
    let eks = &result.options.eks.common.cumulative;
    let own = &result.options.self_hosted.common.cumulative;
    let months = eks.len().saturating_sub(1).max(1) as f64;
    let max = finite_max(eks.iter().chain(own));
    svg::draw(
        SIZE,
        "Cumulative cost of EKS and self-hosted, by month",
        |root| {
            let mut chart = ChartBuilder::on(root)
                .caption("Cumulative cost", text(18))
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
            for (name, values, color) in [("EKS", eks, EKS), ("Self-hosted", own, SELF_HOSTED)] {
                chart
                    .draw_series(LineSeries::new(points(values), color.stroke_width(3)))?
                    .label(name)
                    .legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 22, y)], color.stroke_width(3))
                    });
            }
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::UpperLeft)
                .background_style(WHITE.mix(0.9))
                .border_style(GRID)
                .label_font(text(13))
                .draw()?;
            Ok(())
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
