//! Capacity over the horizon: worker nodes per cluster of both options, month by
//! month, as the workload grows (the "how many nodes in 18 months?" question).

use clusterplan_model::{CalculationResult, OptionName};
use plotters::prelude::*;

use crate::legend::{Entry, Mark, legend, legend_height};
use crate::style::{GRID, LABEL, PLOT_HEIGHT, TITLE, WIDTH, both_options, option_color};
use crate::svg::{self, text};

/// Step lines of `series.nodes_per_cluster`: a node count holds for its whole month.
pub fn capacity(result: &CalculationResult) -> String {
    let series: Vec<(OptionName, &[u64])> = OptionName::ALL
        .iter()
        .map(|&o| (o, result.options.get(o).series.nodes_per_cluster.as_slice()))
        .collect();
    let months = series
        .iter()
        .map(|(_, nodes)| nodes.len())
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let most = series
        .iter()
        .flat_map(|(_, nodes)| nodes.iter())
        .copied()
        .max()
        .unwrap_or(1);
    // Whole nodes on the axis, with a little room above the highest line.
    let top = (most as f64 * 1.1).ceil().max(most as f64 + 1.0);
    let entries: Vec<Entry> = OptionName::ALL
        .iter()
        .map(|&o| (o.label().to_owned(), option_color(o), Mark::Line))
        .collect();
    let size = (WIDTH, PLOT_HEIGHT + legend_height(&entries, WIDTH));
    svg::draw(
        size,
        &format!("Worker nodes per cluster of {}, by month", both_options()),
        |root| {
            let (plot, below) = root.split_vertically(PLOT_HEIGHT);
            let mut chart = ChartBuilder::on(&plot)
                .caption("Nodes per cluster", text(TITLE))
                .margin(14)
                .x_label_area_size(56)
                .y_label_area_size(64)
                .build_cartesian_2d(0f64..months, 0f64..top)?;
            chart
                .configure_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .x_labels(months.min(6.0) as usize + 1)
                .y_labels(6)
                .x_label_formatter(&|v| format!("{v:.0}"))
                .y_label_formatter(&|v| format!("{v:.0}"))
                .x_desc("Month")
                .y_desc("Nodes per cluster")
                .label_style(text(LABEL))
                .axis_desc_style(text(LABEL))
                .draw()?;
            for (option, nodes) in &series {
                chart.draw_series(LineSeries::new(
                    steps(nodes),
                    option_color(*option).stroke_width(3),
                ))?;
            }
            legend(&below, &entries)
        },
    )
}

/// The corners of a step line: each month's count from its start to its end, with
/// points only where the count changes (a flat year is two points, not twelve).
fn steps(nodes: &[u64]) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    for (month, &count) in nodes.iter().enumerate() {
        let (start, count) = (month as f64, count as f64);
        match points.last() {
            Some(&(_, last)) if last == count => {}
            Some(&(_, last)) => points.extend([(start, last), (start, count)]),
            None => points.push((start, count)),
        }
    }
    if let Some(&(_, last)) = points.last() {
        points.push((nodes.len() as f64, last));
    }
    points
}

#[cfg(test)]
mod tests {
    use super::steps;

    #[test]
    fn steps_keep_only_the_changes() {
        assert_eq!(steps(&[3, 3, 3]), vec![(0.0, 3.0), (3.0, 3.0)]);
        assert_eq!(
            steps(&[3, 4, 4]),
            vec![(0.0, 3.0), (1.0, 3.0), (1.0, 4.0), (3.0, 4.0)]
        );
        assert!(steps(&[]).is_empty());
    }
}
