//! The sensitivity tornado: how much each input moves the self-hosted − EKS
//! difference over the horizon when it alone is ×0.75 or ×1.25.

use clusterplan_model::CalculationResult;
use plotters::prelude::*;

use crate::legend::{Mark, legend};
use crate::style::{GRID, INK, usd_short};
use crate::svg::{self, text};

const LOW: RGBColor = RGBColor(15, 118, 110);
const HIGH: RGBColor = RGBColor(124, 58, 237);
const ROW: u32 = 30;

/// One bar pair per input, largest effect on top, zero line in the middle.
pub fn sensitivity(result: &CalculationResult) -> String {
    let entries = &result.comparison.sensitivity;
    let n = entries.len().max(1) as u32;
    let size = (760, 120 + ROW * n);
    let reach = entries
        .iter()
        .flat_map(|e| [e.low.abs(), e.high.abs()])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let reach = if reach > 0.0 { reach * 1.1 } else { 1.0 };
    svg::draw(
        size,
        "Sensitivity of the self-hosted minus EKS horizon difference to each input",
        |root| {
            let (plot, side) = root.split_horizontally(size.0 - 130);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Sensitivity (input ×0.75 / ×1.25)", text(18))
                .margin(14)
                .x_label_area_size(46)
                .y_label_area_size(290)
                .build_cartesian_2d(-reach..reach, crate::style::segments(n))?;
            chart
                .configure_mesh()
                .disable_y_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .y_labels(n as usize)
                .y_label_formatter(&|v| match v {
                    // Rows count up from the bottom; the largest effect is drawn on top.
                    SegmentValue::CenterOf(i) => (n - 1)
                        .checked_sub(*i)
                        .and_then(|row| entries.get(row as usize))
                        .map(|e| e.input.clone())
                        .unwrap_or_default(),
                    _ => String::new(),
                })
                .x_label_formatter(&|v| usd_short(*v))
                .x_desc("Change of self-hosted − EKS over the horizon (USD)")
                .label_style(text(12))
                .axis_desc_style(text(13))
                .draw()?;
            for (i, entry) in entries.iter().enumerate() {
                let row = n - 1 - i as u32;
                for (value, color, top) in [(entry.low, LOW, true), (entry.high, HIGH, false)] {
                    if !value.is_finite() || value == 0.0 {
                        continue;
                    }
                    let mut bar = Rectangle::new(
                        [
                            (0.0, SegmentValue::Exact(row)),
                            (value, SegmentValue::Exact(row + 1)),
                        ],
                        color.filled(),
                    );
                    // Low in the upper half of the row, high in the lower half.
                    if top {
                        bar.set_margin(4, ROW / 2, 0, 0)
                    } else {
                        bar.set_margin(ROW / 2, 4, 0, 0)
                    };
                    chart.draw_series(std::iter::once(bar))?;
                }
            }
            chart.draw_series(LineSeries::new(
                [(0.0, SegmentValue::Exact(0)), (0.0, SegmentValue::Exact(n))],
                INK.stroke_width(1),
            ))?;
            legend(
                &side,
                &[
                    ("input × 0.75".to_owned(), LOW, Mark::Square),
                    ("input × 1.25".to_owned(), HIGH, Mark::Square),
                ],
            )
        },
    )
}
