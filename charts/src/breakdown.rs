//! Monthly cost stacked by category, one bar per option.

use clusterplan_model::{CalculationResult, CostCategory, OptionName};
use plotters::prelude::*;

use crate::legend::{Entry, Mark, legend, legend_height};
use crate::style::{
    GRID, LABEL, PLOT_HEIGHT, TITLE, WIDTH, both_options, category_color, headroom, money_short,
};
use crate::svg::{self, text};

/// One stacked bar per option of the monthly categories (every category of
/// `CostCategory::ALL`, the first at the bottom).
pub fn breakdown(result: &CalculationResult) -> String {
    let display = &result.inputs.display;
    let stacks: Vec<Vec<f64>> = OptionName::ALL
        .iter()
        .map(|&o| {
            let monthly = &result.options.get(o).monthly;
            CostCategory::ALL.iter().map(|&c| monthly.get(c)).collect()
        })
        .collect();
    let max = stacks
        .iter()
        .map(|s| s.iter().filter(|v| v.is_finite() && **v > 0.0).sum::<f64>())
        .fold(0.0, f64::max);
    // The legend lists the top of the stack first, as the eye meets it.
    let entries: Vec<Entry> = CostCategory::ALL
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (c.label().to_owned(), category_color(i), Mark::Square))
        .collect();
    let size = (WIDTH, PLOT_HEIGHT + legend_height(&entries, WIDTH));
    let bars = OptionName::ALL.len() as u32;
    svg::draw(
        size,
        &format!("Monthly cost of {}, stacked by category", both_options()),
        |root| {
            let (plot, below) = root.split_vertically(PLOT_HEIGHT);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Monthly cost by category", text(TITLE))
                .margin(14)
                .x_label_area_size(40)
                .y_label_area_size(84)
                .build_cartesian_2d(crate::style::segments(bars), 0f64..headroom(max))?;
            let band = chart.plotting_area().dim_in_pixel().0 / bars.max(1);
            chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(TRANSPARENT)
                .bold_line_style(GRID)
                .y_labels(6)
                .x_label_formatter(&|v| match v {
                    SegmentValue::CenterOf(i) => OptionName::ALL
                        .get(*i as usize)
                        .map(|o| o.label().to_owned())
                        .unwrap_or_default(),
                    _ => String::new(),
                })
                .y_label_formatter(&|v| money_short(display, *v))
                .y_desc(format!("Cost per month ({})", display.currency))
                .label_style(text(LABEL))
                .axis_desc_style(text(LABEL))
                .draw()?;
            for (i, stack) in stacks.iter().enumerate() {
                let i = i as u32;
                let mut base = 0.0;
                for (c, value) in stack.iter().enumerate() {
                    if !value.is_finite() || *value <= 0.0 {
                        continue;
                    }
                    let mut bar = Rectangle::new(
                        [
                            (SegmentValue::Exact(i), base),
                            (SegmentValue::Exact(i + 1), base + value),
                        ],
                        category_color(c).filled(),
                    );
                    bar.set_margin(0, 0, band / 4, band / 4);
                    chart.draw_series(std::iter::once(bar))?;
                    base += value;
                }
            }
            legend(&below, &entries)
        },
    )
}
