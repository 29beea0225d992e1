//! The sensitivity tornado: how much each input moves the self-hosted − EKS
//! difference over the horizon when it alone is ×0.75 or ×1.25.
//!
//! Each input gets a row: its name in words (`field_title`) across the full
//! width, wrapped if long, and its two bars below. A label column beside the
//! bars would leave the bars no room on a phone.

use clusterplan_model::{CalculationResult, OptionName, field_title};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::legend::{Entry, Mark, legend, legend_height, wrap};
use crate::style::{INK, LABEL, TITLE, WIDTH, money_short};
use crate::svg::{self, text, text_width};

const LOW: RGBColor = RGBColor(15, 118, 110);
const HIGH: RGBColor = RGBColor(124, 58, 237);
/// Outer margin of the chart.
const MARGIN: i32 = 14;
/// Left and right margin of the plot: room for the outer tick labels.
const SIDE: u32 = 40;
/// Height of one label line.
const LINE: u32 = 22;
/// Height of one bar, and the gaps around the bars of a row.
const BAR: u32 = 14;
const ABOVE_BARS: u32 = 4;
const BETWEEN_BARS: u32 = 2;
const BELOW_BARS: u32 = 12;
/// Caption and top margin, and the x axis below the rows.
const HEAD: u32 = 50;
const AXIS: u32 = 56;

/// One row per input, largest effect on top, zero line in the middle.
pub fn sensitivity(result: &CalculationResult) -> String {
    let display = &result.inputs.display;
    let entries = &result.comparison.sensitivity;
    let n = entries.len().max(1) as u32;
    // Labels may use the whole width inside the outer margins.
    let chars = ((f64::from(WIDTH) - 2.0 * f64::from(MARGIN)) / text_width("x", LABEL)) as usize;
    let labels: Vec<Vec<String>> = entries
        .iter()
        .map(|e| wrap(&field_title(&e.input), chars))
        .collect();
    let lines = labels.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let label_px = lines * LINE + ABOVE_BARS;
    let row_px = label_px + 2 * BAR + BETWEEN_BARS + BELOW_BARS;
    let plot_height = HEAD + n * row_px + AXIS + MARGIN as u32;
    let keys: Vec<Entry> = vec![
        ("input × 0.75".to_owned(), LOW, Mark::Square),
        ("input × 1.25".to_owned(), HIGH, Mark::Square),
    ];
    let size = (WIDTH, plot_height + legend_height(&keys, WIDTH));
    let reach = entries
        .iter()
        .flat_map(|e| [e.low.abs(), e.high.abs()])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let reach = if reach > 0.0 { reach * 1.1 } else { 1.0 };
    let (eks, own) = (OptionName::Eks.label(), OptionName::SelfHosted.label());
    svg::draw(
        size,
        &format!("Sensitivity of the {own} minus {eks} horizon difference to each input"),
        |root| {
            let (plot, below) = root.split_vertically(plot_height);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Sensitivity (input ×0.75 / ×1.25)", text(TITLE))
                .margin(MARGIN)
                .margin_left(SIDE)
                .margin_right(SIDE)
                .x_label_area_size(AXIS)
                .build_cartesian_2d(-reach..reach, 0f64..f64::from(n))?;
            chart
                .configure_mesh()
                .disable_mesh()
                .x_labels(5)
                .x_label_formatter(&|v| money_short(display, *v))
                .x_desc(format!(
                    "Change of {own} − {eks} ({}, horizon)",
                    display.currency
                ))
                .label_style(text(LABEL))
                .axis_desc_style(text(LABEL))
                .draw()?;
            // Pixel offsets within a row as fractions of it, so the layout holds
            // even if plotters' caption takes a few pixels more or less than HEAD.
            let frac = |px: u32| f64::from(px) / f64::from(row_px);
            let style = text(LABEL).pos(Pos::new(HPos::Left, VPos::Top));
            let to_edge = MARGIN - SIDE as i32;
            for (i, (entry, label)) in entries.iter().zip(&labels).enumerate() {
                let top = f64::from(n) - i as f64;
                for (k, line) in label.iter().enumerate() {
                    chart.draw_series(std::iter::once(
                        EmptyElement::at((-reach, top))
                            + Text::new(
                                line.clone(),
                                (to_edge, 2 + (k as u32 * LINE) as i32),
                                style.clone(),
                            ),
                    ))?;
                }
                // Low in the upper bar, high in the lower one.
                let bars = [
                    (entry.low, LOW, label_px),
                    (entry.high, HIGH, label_px + BAR + BETWEEN_BARS),
                ];
                for (value, color, offset) in bars {
                    if !value.is_finite() || value == 0.0 {
                        continue;
                    }
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [(0.0, top - frac(offset)), (value, top - frac(offset + BAR))],
                        color.filled(),
                    )))?;
                }
                // The zero line runs through the bars only, not the label.
                chart.draw_series(LineSeries::new(
                    [(0.0, top - frac(label_px - 2)), (0.0, top - 1.0)],
                    INK.stroke_width(1),
                ))?;
            }
            legend(&below, &keys)
        },
    )
}
