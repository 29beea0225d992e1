//! The charts a scenario has, by stable name.

use std::str::FromStr;

/// One of a scenario's charts; its name is part of a stable URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    /// Cumulative cost of both options over the horizon.
    Cumulative,
    /// Monthly cost stacked by category, per option.
    Breakdown,
    /// Worker nodes per cluster over the horizon, per option.
    Capacity,
    /// Horizon totals of both options over the cluster count.
    Breakeven,
    /// Tornado of the sensitivity analysis.
    Sensitivity,
    /// Histogram of the Monte Carlo's horizon difference (only with a simulation).
    Uncertainty,
}

impl ChartKind {
    /// Every chart, in page order.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Cumulative,
        ChartKind::Breakdown,
        ChartKind::Capacity,
        ChartKind::Breakeven,
        ChartKind::Sensitivity,
        ChartKind::Uncertainty,
    ];

    /// Whether `result` has this chart (the histogram needs a simulation).
    pub fn applies_to(self, result: &clusterplan_model::CalculationResult) -> bool {
        self != ChartKind::Uncertainty || result.uncertainty.is_some()
    }

    /// The stable name (`cumulative`, `breakdown`, `capacity`, `breakeven`, `sensitivity`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Cumulative => "cumulative",
            ChartKind::Breakdown => "breakdown",
            ChartKind::Capacity => "capacity",
            ChartKind::Breakeven => "breakeven",
            ChartKind::Sensitivity => "sensitivity",
            ChartKind::Uncertainty => "uncertainty",
        }
    }

    /// What the chart shows, for people.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Cumulative => "Cumulative cost over the horizon",
            ChartKind::Breakdown => "Monthly cost by category",
            ChartKind::Capacity => "Worker nodes per cluster over the horizon",
            ChartKind::Breakeven => "Horizon total by cluster count (break-even sweep)",
            ChartKind::Sensitivity => "Sensitivity: what moves the difference most",
            ChartKind::Uncertainty => "Simulated futures: how the difference spreads",
        }
    }
}

/// A name that is not a chart's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownChart;

impl FromStr for ChartKind {
    type Err = UnknownChart;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        ChartKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
            .ok_or(UnknownChart)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in ChartKind::ALL {
            assert_eq!(kind.as_str().parse::<ChartKind>(), Ok(kind));
        }
        assert_eq!("pie".parse::<ChartKind>(), Err(UnknownChart));
    }
}
