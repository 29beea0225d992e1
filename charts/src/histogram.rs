//! The Monte Carlo's histogram: how the horizon difference (self-hosted − EKS)
//! spreads over the simulated futures, with the zero line (left of it self-hosting
//! is cheaper) and the p10, p50 and p90 marked.

use clusterplan_model::CalculationResult;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::legend::{Entry, Mark, legend, legend_height};
use crate::style::{GRID, INK, LABEL, PLOT_HEIGHT, SELF_HOSTED, TITLE, WIDTH, money_short};
use crate::svg::{self, text};

/// Bars of the simulated difference; an empty chart says why without a simulation.
pub fn histogram(result: &CalculationResult) -> String {
    let display = &result.inputs.display;
    let Some(u) = &result.uncertainty else {
        return svg::draw(
            (WIDTH, PLOT_HEIGHT),
            "No simulation: give an input a range",
            |root| {
                root.draw(&Text::new(
                    "No simulation: give an input a range",
                    (20, 40),
                    text(LABEL),
                ))?;
                Ok(())
            },
        );
    };
    let h = &u.histogram;
    let width = if h.width > 0.0 {
        h.width
    } else {
        h.start.abs().max(1.0) / 20.0
    };
    let left = h.start.min(0.0).min(u.difference.p10);
    let right = (h.start + width * h.counts.len() as f64)
        .max(0.0)
        .max(u.difference.p90);
    let pad = (right - left).max(1.0) * 0.04;
    let (left, right) = (left - pad, right + pad);
    let most = h.counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let entries: Vec<Entry> = vec![
        ("Simulated futures".to_owned(), SELF_HOSTED, Mark::Square),
        ("p10, p50, p90".to_owned(), INK, Mark::Line),
    ];
    let size = (WIDTH, PLOT_HEIGHT + legend_height(&entries, WIDTH));
    let description = "Simulated horizon difference, self-hosted minus EKS";
    svg::draw(size, description, |root| {
        let (plot, below) = root.split_vertically(PLOT_HEIGHT);
        let mut chart = ChartBuilder::on(&plot)
            .caption("Self-hosted − EKS over the horizon", text(TITLE))
            .margin(14)
            .x_label_area_size(56)
            .y_label_area_size(64)
            .build_cartesian_2d(left..right, 0f64..most * 1.25)?;
        chart
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .x_labels(4)
            .y_labels(5)
            .x_label_formatter(&|v| money_short(display, *v))
            .y_label_formatter(&|v| format!("{v:.0}"))
            .x_desc(format!(
                "Difference ({}; below 0 self-hosting is cheaper)",
                display.currency
            ))
            .y_desc("Futures")
            .label_style(text(LABEL))
            .axis_desc_style(text(LABEL))
            .draw()?;
        chart.draw_series(h.counts.iter().enumerate().filter(|(_, c)| **c > 0).map(
            |(i, &count)| {
                let x0 = h.start + width * i as f64;
                Rectangle::new(
                    [(x0, 0.0), (x0 + width, f64::from(count))],
                    SELF_HOSTED.mix(0.75).filled(),
                )
            },
        ))?;
        let zero = ShapeStyle::from(&BLACK).stroke_width(2);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(0.0, 0.0), (0.0, most * 1.25)],
            zero,
        )))?;
        let top = Pos::new(HPos::Center, VPos::Bottom);
        for (name, value) in [
            ("p10", u.difference.p10),
            ("p50", u.difference.p50),
            ("p90", u.difference.p90),
        ] {
            let line = ShapeStyle::from(&INK).stroke_width(1);
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(value, 0.0), (value, most * 1.08)],
                line,
            )))?;
            chart.draw_series(std::iter::once(Text::new(
                name,
                (value, most * 1.2),
                text(LABEL).pos(top),
            )))?;
        }
        legend(&below, &entries)
    })
}
