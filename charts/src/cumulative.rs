//! Cumulative cost of both options over the horizon.

use clusterplan_model::{CalculationResult, OptionName};

use crate::lines::{MonthLines, month_lines};
use crate::style::{headroom, money_short};

/// Lines of cumulative cost (one-off at month 0, then each month's total added).
pub fn cumulative(result: &CalculationResult) -> String {
    let display = &result.inputs.display;
    let series: Vec<(OptionName, &[f64])> = OptionName::ALL
        .iter()
        .map(|&o| (o, result.options.get(o).cumulative.as_slice()))
        .collect();
    let months = series
        .iter()
        .map(|(_, values)| values.len().saturating_sub(1))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let max = finite_max(series.iter().flat_map(|(_, values)| values.iter()));
    let y_desc = format!("Cumulative cost ({})", display.currency);
    month_lines(MonthLines {
        caption: "Cumulative cost",
        description: "Cumulative cost",
        y_desc: &y_desc,
        y_label: &|v| money_short(display, *v),
        y_label_width: 84,
        top: headroom(max),
        months,
        lines: series
            .iter()
            .map(|(o, values)| (*o, points(values)))
            .collect(),
    })
}

/// `(month, value)` for the finite values of a series.
pub(crate) fn points(values: &[f64]) -> Vec<(f64, f64)> {
    values
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .map(|(m, v)| (m as f64, *v))
        .collect()
}

/// The largest finite value, or 0.
pub(crate) fn finite_max<'a>(values: impl Iterator<Item = &'a f64>) -> f64 {
    values
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max)
}
