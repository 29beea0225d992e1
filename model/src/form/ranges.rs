//! Ranges in the planner form: beside each number input, optional `low` and `high`
//! controls (`uncertainty.low.{path}`, `uncertainty.high.{path}`). Inputs given both
//! become the Monte Carlo's ranges, in form order; `uncertainty.samples` and
//! `uncertainty.seed` count only when at least one input is ranged.

use crate::{FieldError, FieldKind, range_control, split_item_path, split_range_control};
use serde_json::{Map, Value, json};

/// The field each range of a form ranges, in range order (see [`RangeFields::to_form`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RangeFields(Vec<String>);

impl RangeFields {
    /// Rewrites `uncertainty.ranges[k].low` (the k-th range) to its control
    /// `uncertainty.low.{field}`; an error about the field itself goes to `low`.
    pub fn to_form(&self, errors: Vec<FieldError>) -> Vec<FieldError> {
        errors
            .into_iter()
            .map(|error| match split_item_path(&error.field) {
                Some(("uncertainty.ranges", index, member)) if index < self.0.len() => {
                    let bound = if member == "high" { "high" } else { "low" };
                    FieldError::new(range_control(bound, &self.0[index]), error.message)
                }
                _ => error,
            })
            .collect()
    }
}

/// The `uncertainty` request of a form (or none), type errors at their controls,
/// and the field of each range.
pub fn parse(pairs: &[(String, String)]) -> (Option<Value>, Vec<FieldError>, RangeFields) {
    let mut bounds: Vec<(&str, Option<&str>, Option<&str>)> = Vec::new();
    for (key, raw) in pairs {
        let Some((bound, path)) = split_range_control(key) else {
            continue;
        };
        let index = match bounds.iter().position(|(p, _, _)| *p == path) {
            Some(index) => index,
            None => {
                bounds.push((path, None, None));
                bounds.len() - 1
            }
        };
        let raw = Some(raw.trim()).filter(|r| !r.is_empty());
        match bound {
            "low" => bounds[index].1 = raw,
            _ => bounds[index].2 = raw,
        }
    }
    let mut errors = Vec::new();
    let mut ranges = Vec::new();
    let mut fields = Vec::new();
    for (path, low, high) in bounds {
        if low.is_none() && high.is_none() {
            continue;
        }
        // Every bound given is read, so one that is not a number is named even
        // when the other bound is missing.
        let mut number = |bound: &str, raw: Option<&str>| {
            let parsed = super::pairs::value(FieldKind::Number, raw?);
            parsed
                .map_err(|m| errors.push(FieldError::new(range_control(bound, path), m)))
                .ok()
        };
        let (low_value, high_value) = (number("low", low), number("high", high));
        if low.is_none() || high.is_none() {
            let missing = if low.is_none() { "low" } else { "high" };
            let message = "give both low and high to range this input";
            errors.push(FieldError::new(range_control(missing, path), message));
            continue;
        }
        let (Some(low), Some(high)) = (low_value, high_value) else {
            continue;
        };
        ranges.push(json!({"field": path, "low": low, "high": high}));
        fields.push(path.to_owned());
    }
    if ranges.is_empty() {
        return (None, errors, RangeFields(fields));
    }
    let mut request = Map::new();
    for member in ["samples", "seed"] {
        let raw = pairs
            .iter()
            .find(|(k, _)| k == &format!("uncertainty.{member}"));
        match raw.map(|(_, v)| v.trim()).filter(|v| !v.is_empty()) {
            None => {}
            Some(raw) => match super::pairs::value(FieldKind::Integer, raw) {
                Ok(value) => {
                    request.insert(member.to_owned(), value);
                }
                Err(message) => {
                    errors.push(FieldError::new(format!("uncertainty.{member}"), message))
                }
            },
        }
    }
    request.insert("ranges".to_owned(), Value::Array(ranges));
    (Some(Value::Object(request)), errors, RangeFields(fields))
}

/// The form pairs of a resolved `uncertainty` request.
pub fn pairs(request: &crate::resolved::Uncertainty) -> Vec<(String, String)> {
    let mut pairs = vec![
        (
            "uncertainty.samples".to_owned(),
            request.samples.to_string(),
        ),
        ("uncertainty.seed".to_owned(), request.seed.to_string()),
    ];
    for range in &request.ranges {
        pairs.push((range_control("low", &range.field), range.low.to_string()));
        pairs.push((range_control("high", &range.field), range.high.to_string()));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::tests::pairs as form;

    #[test]
    fn inputs_with_both_bounds_become_ranges_and_errors_find_their_controls() {
        let (request, errors, fields) = parse(&form(&[
            ("uncertainty.samples", "800"),
            ("uncertainty.low.team.annual_cost_usd", "150000"),
            ("uncertainty.high.team.annual_cost_usd", "250000"),
            ("uncertainty.low.workers.headroom_pct", ""),
            ("uncertainty.high.workers.headroom_pct", ""),
            ("uncertainty.low.eks.setup_hours", "40"),
            ("uncertainty.high.eks.setup_hours", ""),
        ]));
        let request = request.expect("one range");
        assert_eq!(request["samples"], 800);
        assert_eq!(request["ranges"][0]["field"], "team.annual_cost_usd");
        assert_eq!(request["ranges"].as_array().map(Vec::len), Some(1));
        assert_eq!(errors[0].field, "uncertainty.high.eks.setup_hours");
        let mapped = fields.to_form(vec![FieldError::new(
            "uncertainty.ranges[0].high",
            "too high",
        )]);
        assert_eq!(mapped[0].field, "uncertainty.high.team.annual_cost_usd");
        let (_, errors, _) = parse(&form(&[("uncertainty.low.workers.headroom_pct", "abc")]));
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "uncertainty.low.workers.headroom_pct",
                "uncertainty.high.workers.headroom_pct"
            ],
            "a bound that is not a number is named, beside the missing one"
        );
        let (none, _, _) = parse(&form(&[("uncertainty.samples", "800")]));
        assert!(none.is_none(), "samples alone turn nothing on");
    }
}
