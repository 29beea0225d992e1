//! Rules for the Monte Carlo request: each range names a number input once, and
//! `low ≤ the input's value ≤ high` with both bounds inside the input's range and
//! the scenario still valid at either bound.

use std::collections::HashSet;

use crate::error::FieldError;
use crate::fields::{FieldKind, field_spec, max_items};
use crate::input::ScenarioInput;
use crate::scenario::Scenario;

/// Most pool-months a Monte Carlo may size, over all its samples, when a range
/// re-sizes the fleet in every sample (growth, `workers.*`): about a quarter of a
/// second of one core, so a request cannot hold the server past its timeout.
const MAX_RESIZED_POOL_MONTHS: u64 = 50_000_000;

/// Whether `path` is an input that can be ranged for the Monte Carlo: a
/// `number` outside lists, outside the request itself, and not the display
/// rate (which changes how money is shown, not what it is).
pub fn is_rangeable(path: &str) -> bool {
    let excluded = ["uncertainty", "display."];
    field_spec(path).is_some_and(|spec| {
        spec.kind == FieldKind::Number
            && !path.contains("[]")
            && !excluded.iter().any(|prefix| path.starts_with(prefix))
    })
}

/// Checks `uncertainty.ranges` of `input`; `scenario` is the validated base, when
/// the rest of the input is valid (values are compared with it).
pub(crate) fn check_uncertainty(
    input: &ScenarioInput,
    scenario: Option<&Scenario>,
    errors: &mut Vec<FieldError>,
) {
    let Some(request) = &input.uncertainty else {
        return;
    };
    let ranges = request.ranges.as_deref().unwrap_or_default();
    if ranges.len() > max_items("uncertainty.ranges") {
        errors.push(FieldError::new(
            "uncertainty.ranges",
            format!(
                "at most {} ranges, not {}",
                max_items("uncertainty.ranges"),
                ranges.len()
            ),
        ));
    }
    if let Some(scenario) = scenario {
        check_resizing_work(scenario, ranges, errors);
    }
    let mut seen = HashSet::new();
    for (index, range) in ranges.iter().enumerate() {
        let at = |member: &str| format!("uncertainty.ranges[{index}].{member}");
        let mut push =
            |member: &str, message: String| errors.push(FieldError::new(at(member), message));
        let (Some(field), Some(low), Some(high)) = (&range.field, range.low, range.high) else {
            for (member, present) in [
                ("field", range.field.is_some()),
                ("low", range.low.is_some()),
                ("high", range.high.is_some()),
            ] {
                if !present {
                    push(member, "is required".to_owned());
                }
            }
            continue;
        };
        if !is_rangeable(field) {
            let kind = field_spec(field).map(|s| s.kind);
            let message = match kind {
                Some(FieldKind::Integer | FieldKind::Boolean | FieldKind::String) => {
                    format!("\"{field}\" is not a number input: only number inputs can be ranged")
                }
                _ => format!(
                    "\"{field}\" is not a number input, e.g. self_hosted.routine_hours_per_cluster_month"
                ),
            };
            push("field", message);
            continue;
        }
        if !seen.insert(field.as_str()) {
            push("field", format!("\"{field}\" is ranged twice"));
            continue;
        }
        let spec = field_spec(field).expect("rangeable fields are in the table");
        let mut bounds_ok = low <= high;
        if low > high {
            push("low", format!("must be at most high ({high})"));
        }
        for (member, bound) in [("low", low), ("high", high)] {
            if let Some(message) = spec.check(bound) {
                push(member, format!("{message} (the field's own range)"));
                bounds_ok = false;
            }
        }
        let Some(scenario) = scenario else {
            continue;
        };
        check_against_value(scenario, field, low, high, bounds_ok, &mut push);
    }
}

/// A range that re-sizes the fleet sizes every pool in every month of every
/// sample: refuse more samples than [`MAX_RESIZED_POOL_MONTHS`] allows.
fn check_resizing_work(
    scenario: &Scenario,
    ranges: &[crate::input::RangeInput],
    errors: &mut Vec<FieldError>,
) {
    let Some(field) = ranges
        .iter()
        .filter_map(|r| r.field.as_deref())
        .find(|f| crate::uncertainty::resizes(f))
    else {
        return;
    };
    let input = scenario.input();
    let samples = input
        .uncertainty
        .as_ref()
        .map_or(0, |u| u64::from(u.samples));
    let pools: u64 = input.groups().iter().map(|g| g.pools.len() as u64).sum();
    let work = pools * u64::from(input.horizon_months);
    if samples.saturating_mul(work) > MAX_RESIZED_POOL_MONTHS {
        let most = MAX_RESIZED_POOL_MONTHS / work.max(1);
        errors.push(FieldError::new(
            "uncertainty.samples",
            format!(
                "at most {most} here: a range over {field} sizes all {pools} pools over {} months again in every sample",
                input.horizon_months
            ),
        ));
    }
}

/// `low ≤ value ≤ high`, and the scenario valid at either bound.
fn check_against_value(
    scenario: &Scenario,
    field: &str,
    low: f64,
    high: f64,
    bounds_ok: bool,
    push: &mut impl FnMut(&str, String),
) {
    if scenario.input().fleet.is_some() && crate::fleet::replaced_by_fleet(field) {
        push(
            "field",
            format!("\"{field}\" is not used with fleet: the pools in fleet replace it"),
        );
        return;
    }
    let mut base = crate::uncertainty::base_input(scenario);
    let Some(value) = base.number_mut(field).map(|v| *v) else {
        push(
            "field",
            format!("\"{field}\" is not in use in this scenario (its section is off)"),
        );
        return;
    };
    // The field's value, not its path: the planner shows this beside the
    // range's box, under the field's own label.
    if low > value {
        push(
            "low",
            format!("must be at most the field's value ({value})"),
        );
    }
    if high < value {
        push(
            "high",
            format!("must be at least the field's value ({value})"),
        );
    }
    if !bounds_ok || low > value || high < value {
        return;
    }
    for (member, bound) in [("low", low), ("high", high)] {
        let mut changed = base.clone();
        if let Some(slot) = changed.number_mut(field) {
            *slot = bound;
        }
        let mut problems = Vec::new();
        super::rules::check_semantics(&changed, &mut problems);
        if let Some(problem) = problems.first() {
            push(member, format!("makes the scenario invalid: {}", problem));
        }
    }
}
