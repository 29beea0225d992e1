//! The break-even sweep: each option's horizon total over the cluster count.

use clusterplan_model::{CalculationResult, Scenario, horizon_totals_at};
use plotters::prelude::*;

use crate::style::{EKS, GRID, INK, SELF_HOSTED, SIZE, headroom, usd_short};
use crate::svg::{self, text};

/// Most points drawn per line; the totals are straight lines in the cluster count,
/// so more would only add bytes.
const MAX_POINTS: u32 = 100;

/// Horizon totals for 1..=max(2×clusters, 10) clusters (at most 1,000), with
/// markers at the current count and at the break-even count.
pub fn breakeven(scenario: &Scenario, result: &CalculationResult) -> String {
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
    let eks: Vec<(f64, f64)> = totals
        .iter()
        .map(|t| (f64::from(t.clusters), t.eks))
        .filter(|p| p.1.is_finite())
        .collect();
    let own: Vec<(f64, f64)> = totals
        .iter()
        .map(|t| (f64::from(t.clusters), t.self_hosted))
        .filter(|p| p.1.is_finite())
        .collect();
    let max = eks.iter().chain(&own).map(|p| p.1).fold(0.0, f64::max);
    let top = headroom(max);
    let breakeven = result.comparison.breakeven_clusters.filter(|&c| c <= upper);
    svg::draw(
        SIZE,
        "Horizon total of EKS and self-hosted by number of clusters",
        |root| {
            let mut chart = ChartBuilder::on(root)
                .caption("Break-even sweep over cluster count", text(18))
                .margin(14)
                .x_label_area_size(46)
                .y_label_area_size(76)
                .build_cartesian_2d(1f64..f64::from(upper).max(2.0), 0f64..top)?;
            chart
                .configure_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .y_label_formatter(&|v| usd_short(*v))
                .x_desc("Clusters")
                .y_desc("Horizon total (USD)")
                .label_style(text(12))
                .axis_desc_style(text(13))
                .draw()?;
            for (name, line, color) in [("EKS", eks, EKS), ("Self-hosted", own, SELF_HOSTED)] {
                chart
                    .draw_series(LineSeries::new(line, color.stroke_width(3)))?
                    .label(name)
                    .legend(move |(x, y)| {
                        PathElement::new(vec![(x, y), (x + 22, y)], color.stroke_width(3))
                    });
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
                let y = top * (0.95 - 0.07 * i as f64);
                chart.draw_series(std::iter::once(Text::new(label, (x, y), text(12))))?;
            }
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::LowerRight)
                .background_style(WHITE.mix(0.9))
                .border_style(GRID)
                .label_font(text(13))
                .draw()?;
            Ok(())
        },
    )
}
