//! The break-even sweep: each option's horizon total over the cluster count.

use clusterplan_model::{CalculationResult, OptionName, Scenario, horizon_totals_at};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::legend::{Entry, Mark, legend, legend_height};
use crate::style::{
    GRID, INK, LABEL, PLOT_HEIGHT, TITLE, WIDTH, both_options, headroom, money_short, option_color,
};
use crate::svg::{self, text};

/// Most points drawn per line; the totals are straight lines in the cluster count,
/// so more would only add bytes.
const MAX_POINTS: u32 = 100;

/// Horizon totals for 1..=max(2×clusters, 10) clusters (at most 1,000), with
/// markers at the current count and at the break-even count.
pub fn breakeven(scenario: &Scenario, result: &CalculationResult) -> String {
    let display = &result.inputs.display;
    let now = result.inputs.clusters;
    let upper = now.saturating_mul(2).clamp(10, 1000);
    let step = upper.div_ceil(MAX_POINTS).max(1);
    let mut counts: Vec<u32> = (1..=upper).step_by(step as usize).collect();
    if counts.last() != Some(&upper) {
        counts.push(upper);
    }
    let totals: Vec<_> = counts
        .iter()
        .map(|&c| horizon_totals_at(scenario, c))
        .collect();
    let lines: Vec<(OptionName, Vec<(f64, f64)>)> = OptionName::ALL
        .iter()
        .map(|&o| {
            let line = totals
                .iter()
                .map(|t| (f64::from(t.clusters), t.get(o)))
                .filter(|p| p.1.is_finite())
                .collect();
            (o, line)
        })
        .collect();
    let max = lines
        .iter()
        .flat_map(|(_, line)| line.iter().map(|p| p.1))
        .fold(0.0, f64::max);
    let top = headroom(max);
    let breakeven = result.comparison.breakeven_clusters.filter(|&c| c <= upper);
    let entries: Vec<Entry> = OptionName::ALL
        .iter()
        .map(|&o| (o.label().to_owned(), option_color(o), Mark::Line))
        .collect();
    let size = (WIDTH, PLOT_HEIGHT + legend_height(&entries, WIDTH));
    let right = f64::from(upper).max(2.0);
    svg::draw(
        size,
        &format!("Horizon total of {} by number of clusters", both_options()),
        |root| {
            let (plot, below) = root.split_vertically(PLOT_HEIGHT);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Break-even sweep over cluster count", text(TITLE))
                .margin(14)
                .margin_right(24)
                .x_label_area_size(56)
                .y_label_area_size(84)
                .build_cartesian_2d(1f64..right, 0f64..top)?;
            chart
                .configure_mesh()
                .light_line_style(TRANSPARENT)
                .bold_line_style(GRID)
                .x_labels(6)
                .y_labels(6)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .y_label_formatter(&|v| money_short(display, *v))
                .x_desc("Clusters")
                .y_desc(format!("Horizon total ({})", display.currency))
                .label_style(text(LABEL))
                .axis_desc_style(text(LABEL))
                .draw()?;
            for (option, line) in &lines {
                chart.draw_series(LineSeries::new(
                    line.iter().copied(),
                    option_color(*option).stroke_width(3),
                ))?;
            }
            let mut markers = vec![(f64::from(now), format!("now: {now}"))];
            if let Some(c) = breakeven {
                markers.push((f64::from(c), format!("break-even: {c}")));
            }
            for (i, (x, label)) in markers.into_iter().enumerate() {
                chart.draw_series(LineSeries::new(
                    [(x, 0.0), (x, top)],
                    INK.mix(0.6).stroke_width(1),
                ))?;
                let y = top * (0.97 - 0.1 * i as f64);
                // Labels in the right half end at their line, so none runs off the plot.
                let (h, dx) = if x > (1.0 + right) / 2.0 {
                    (HPos::Right, -4)
                } else {
                    (HPos::Left, 4)
                };
                let style = text(LABEL).pos(Pos::new(h, VPos::Top));
                chart.draw_series(std::iter::once(
                    EmptyElement::at((x, y)) + Text::new(label, (dx, 0), style),
                ))?;
            }
            legend(&below, &entries)
        },
    )
}
