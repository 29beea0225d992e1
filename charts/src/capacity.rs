//! Capacity over the horizon: worker nodes per cluster of both options, month by
//! month, as the workload grows (the "how many nodes in 18 months?" question); for
//! a fleet, the whole fleet's nodes, with its clusters at the start and the end.

use clusterplan_model::{CalculationResult, OptionName};

use crate::lines::{MonthLines, month_lines};

/// Step lines of `series.nodes_per_cluster` (a fleet: `series.total_nodes`): a node
/// count holds for its whole month.
pub fn capacity(result: &CalculationResult) -> String {
    let fleet = result.inputs.fleet.is_some();
    let series: Vec<(OptionName, &[u64])> = OptionName::ALL
        .iter()
        .map(|&o| {
            let series = &result.options.get(o).series;
            let nodes = match fleet {
                true => &series.total_nodes,
                false => &series.nodes_per_cluster,
            };
            (o, nodes.as_slice())
        })
        .collect();
    let clusters = &result.options.get(OptionName::Eks).series.clusters;
    let caption = match (fleet, clusters.first(), clusters.last()) {
        (true, Some(first), Some(last)) if first != last => {
            format!("Worker nodes of the fleet ({first} → {last} clusters)")
        }
        (true, Some(first), _) => format!("Worker nodes of the fleet ({first} clusters)"),
        _ => "Nodes per cluster".to_owned(),
    };
    let (description, y_desc) = match fleet {
        true => ("Worker nodes of the whole fleet", "Worker nodes"),
        false => ("Worker nodes per cluster", "Nodes per cluster"),
    };
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
    month_lines(MonthLines {
        caption: &caption,
        description,
        y_desc,
        y_label: &|v| format!("{v:.0}"),
        y_label_width: 64,
        // Whole nodes on the axis, with a little room above the highest line.
        top: (most as f64 * 1.1).ceil().max(most as f64 + 1.0),
        months,
        lines: series.iter().map(|(o, nodes)| (*o, steps(nodes))).collect(),
    })
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
