//! Monthly cost stacked by category, one bar per option.

use clusterplan_model::{CalculationResult, MonthlyCost};
use plotters::prelude::*;

use crate::legend::{Mark, legend};
use crate::style::{CATEGORIES, GRID, SIZE, headroom, usd_short};
use crate::svg::{self, text};

/// Two stacked bars (EKS, self-hosted) of the monthly categories.
pub fn breakdown(result: &CalculationResult) -> String {
    let stacks = [
        values(&result.options.eks.common.monthly),
        values(&result.options.self_hosted.common.monthly),
    ];
    let max = stacks
        .iter()
        .map(|s| s.iter().filter(|v| v.is_finite()).sum::<f64>())
        .fold(0.0, f64::max);
    svg::draw(
        SIZE,
        "Monthly cost of EKS and self-hosted, stacked by category",
        |root| {
            let (plot, side) = root.split_horizontally(SIZE.0 - 150);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Monthly cost by category", text(18))
                .margin(14)
                .x_label_area_size(36)
                .y_label_area_size(76)
                .build_cartesian_2d(crate::style::segments(2), 0f64..headroom(max))?;
            chart
                .configure_mesh()
                .disable_x_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .x_label_formatter(&|v| match v {
                    SegmentValue::CenterOf(0) => "EKS".to_owned(),
                    SegmentValue::CenterOf(1) => "Self-hosted".to_owned(),
                    _ => String::new(),
                })
                .y_label_formatter(&|v| usd_short(*v))
                .y_desc("Cost per month (USD)")
                .label_style(text(13))
                .axis_desc_style(text(13))
                .draw()?;
            for (i, stack) in stacks.iter().enumerate() {
                let i = i as u32;
                let mut base = 0.0;
                for ((_, color), value) in CATEGORIES.iter().zip(stack) {
                    if !value.is_finite() || *value <= 0.0 {
                        continue;
                    }
                    let mut bar = Rectangle::new(
                        [
                            (SegmentValue::Exact(i), base),
                            (SegmentValue::Exact(i + 1), base + value),
                        ],
                        color.filled(),
                    );
                    bar.set_margin(0, 0, 45, 45);
                    chart.draw_series(std::iter::once(bar))?;
                    base += value;
                }
            }
            let entries: Vec<_> = CATEGORIES
                .iter()
                .rev()
                .map(|(name, color)| ((*name).to_owned(), *color, Mark::Square))
                .collect();
            legend(&side, &entries)
        },
    )
}

fn values(m: &MonthlyCost) -> [f64; 6] {
    [
        m.control_plane,
        m.workers,
        m.storage,
        m.load_balancers,
        m.engineering,
        m.on_call,
    ]
}
