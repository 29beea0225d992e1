//! Input → pairs: a resolved input, or one that may not validate yet (an
//! import's), back to the flat `path=value` pairs that fill the planner's form
//! and its URL. The other way is `pairs`.

use super::names::{EDIT, EDIT_REVISION, NAME, SIZING};
use super::ranges;
use crate::{ResolvedInput, ScenarioInput};
use serde_json::Value;

/// The form pairs that reproduce `input` (every field, defaults included).
pub fn pairs_from_input(input: &ResolvedInput) -> Vec<(String, String)> {
    let json = serde_json::to_value(input).expect("a resolved input serializes");
    let ranges = input.uncertainty.as_ref().map(ranges::pairs);
    let explicit = input.workers.nodes_per_cluster.is_some();
    pairs_from_json(json, ranges, input.fleet.is_none().then_some(explicit))
}

/// The form pairs of an input that may not validate yet: only the fields it
/// sets, so the planner fills in the defaults and shows what is missing (an
/// import's custom pool without `custom.hourly_usd`) beside its control. Its
/// Monte Carlo ranges are written when every one is complete.
pub fn pairs_from_scenario_input(input: &ScenarioInput) -> Vec<(String, String)> {
    let json = serde_json::to_value(input).expect("an input serializes");
    let ranges = input.uncertainty.as_ref().map(|request| {
        let mut pairs = Vec::new();
        let named = |key: &str, value: Option<i64>| value.map(|v| (key.to_owned(), v.to_string()));
        pairs.extend(named("uncertainty.samples", request.samples));
        pairs.extend(named("uncertainty.seed", request.seed));
        for range in request.ranges.iter().flatten() {
            if let (Some(field), Some(low), Some(high)) = (&range.field, range.low, range.high) {
                pairs.push((super::range_control("low", field), low.to_string()));
                pairs.push((super::range_control("high", field), high.to_string()));
            }
        }
        pairs
    });
    let explicit = (input.workers.as_ref()).is_some_and(|w| w.nodes_per_cluster.is_some());
    pairs_from_json(json, ranges, input.fleet.is_none().then_some(explicit))
}

/// The URL query for an input that may not validate yet ([`pairs_from_scenario_input`]).
pub fn query_from_scenario_input(input: &ScenarioInput) -> String {
    query_from_pairs(&pairs_from_scenario_input(input))
}

/// Flattens an input's JSON into pairs, with its ranges' pairs and, for an
/// input without a fleet, the sizing radio (`Some(true)`: node count).
fn pairs_from_json(
    mut json: Value,
    ranges: Option<Vec<(String, String)>>,
    explicit_nodes: Option<bool>,
) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    // Ranges sit beside their fields in the form, not in a list of their own.
    if let Some(root) = json.as_object_mut() {
        root.remove("uncertainty");
    }
    flatten("", &json, &mut pairs);
    pairs.extend(ranges.into_iter().flatten());
    // A fleet's pools are sized by what each row holds, not by the radio.
    if let Some(explicit) = explicit_nodes {
        let sizing = if explicit { "nodes" } else { "workload" };
        pairs.push((SIZING.to_owned(), sizing.to_owned()));
    }
    pairs
}

/// The URL query for `input`, e.g. to open a saved scenario in the planner.
pub fn query_from_input(input: &ResolvedInput) -> String {
    query_from_pairs(&pairs_from_input(input))
}

/// The URL query of `pairs`, in their order, every byte that needs it escaped
/// (a posted form sent back as a link: safe in a `Location`, whatever it held).
pub fn query_from_pairs(pairs: &[(String, String)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The planner URL query that reopens `input`, revision `revision` of scenario
/// `id`, to be saved as the next revision under `name` (the planner page's
/// [`EDIT`], [`EDIT_REVISION`] and [`NAME`] parameters).
pub fn edit_query(input: &ResolvedInput, id: &str, revision: i64, name: &str) -> String {
    let mut pairs = pairs_from_input(input);
    pairs.push((EDIT.to_owned(), id.to_owned()));
    pairs.push((EDIT_REVISION.to_owned(), revision.to_string()));
    pairs.push((NAME.to_owned(), name.to_owned()));
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, child, out);
            }
        }
        // A list's items become rows: `line_items[0].name`.
        Value::Array(items) => {
            for (row, item) in items.iter().enumerate() {
                flatten(&format!("{prefix}[{row}]"), item, out);
            }
        }
        Value::Null => {}
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}
