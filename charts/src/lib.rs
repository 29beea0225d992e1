//! Clusterplan's charts: SVG drawn on the server with plotters from model results.
//!
//! Pure functions from results to SVG text. No I/O, no web framework; the server
//! embeds the SVG in pages and serves it at stable URLs.

mod breakdown;
mod breakeven;
mod capacity;
mod compare;
mod cumulative;
mod histogram;
mod kind;
mod legend;
mod lighten;
mod lines;
mod sensitivity;
mod style;
mod svg;

pub use breakdown::breakdown;
pub use breakeven::breakeven;
pub use capacity::capacity;
pub use compare::{Series, compare_cumulative, compare_totals};
pub use cumulative::cumulative;
pub use histogram::histogram;
pub use kind::ChartKind;
pub use sensitivity::sensitivity;

use clusterplan_model::{CalculationResult, Scenario};

/// Draws chart `kind` of `result` (`scenario` is the validated input behind it,
/// needed by the break-even sweep).
pub fn render(kind: ChartKind, scenario: &Scenario, result: &CalculationResult) -> String {
    match kind {
        ChartKind::Cumulative => cumulative(result),
        ChartKind::Breakdown => breakdown(result),
        ChartKind::Breakeven => breakeven(scenario, result),
        ChartKind::Capacity => capacity(result),
        ChartKind::Sensitivity => sensitivity(result),
        ChartKind::Uncertainty => histogram(result),
    }
}
