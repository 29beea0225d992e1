//! The planner form's protocol, one home for both builds (the page in the
//! browser and the server): the controls' names and limits ([`names`]), the
//! page's buttons ([`apply_form_actions`]), form pairs ↔ [`ScenarioInput`] both
//! ways, and a model error path ↔ the control it came from.
//!
//! The form is flat `path=value` pairs (a GET query string, so it works without
//! JavaScript and the URL reproduces the plan). Lists are rows at any depth
//! (`line_items[2].name`, `fleet[1].pools[0].workload.pods`), read by one
//! generic reader ([`lists`]) from the field table, with no special case per list.

mod actions;
mod lists;
mod names;
mod pairs;
mod ranges;
mod to_pairs;

pub use actions::{MAX_FORM_ACTIONS, apply_form_actions, fleet_rows};
pub use lists::{ItemRows, nothing_typed};
pub use names::{
    ADD_ROW, EDIT, EDIT_REVISION, MAX_FORM_PAIRS, MAX_PLANNER_LINK_BYTES, MAX_URI_BYTES, NAME,
    REMOVE_ROW, SIZING, TO_FLEET, control_title, field_spec_at, planner_link, range_control,
    split_item_path, split_range_control,
};
pub use pairs::{input_from_pairs, input_from_query, pairs_from_query, parse_pairs, to_form_paths};
pub use ranges::RangeFields;
pub use to_pairs::{
    edit_query, pairs_from_input, pairs_from_scenario_input, query_from_input, query_from_pairs,
    query_from_scenario_input,
};

use crate::{FieldError, Scenario, cap_field_errors};

/// The validated scenario a planner form query describes. Every error names
/// its form control (`clusters`, `fleet[2].pools[0].name`), type errors and
/// rule errors together, at most [`crate::MAX_FIELD_ERRORS`] of them.
pub fn scenario_from_query(query: &str) -> Result<Scenario, Vec<FieldError>> {
    let pairs = pairs_from_query(query)?;
    let (input, mut errors) = parse_pairs(&pairs);
    match input.map(Scenario::try_from) {
        Ok(Ok(scenario)) if errors.is_empty() => return Ok(scenario),
        Ok(Ok(_)) => {}
        Ok(Err(invalid)) => {
            // A value the reader refused is left out: validation would call it
            // missing as well ("must be a whole number; is required"), or hold
            // its range's bounds to its default, which nobody typed.
            let refused: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
            let follows = |field: &str| {
                let ranged = split_range_control(field).map(|(_, path)| path);
                refused
                    .iter()
                    .any(|r| r == field || ranged == Some(r.as_str()))
            };
            let more = to_form_paths(&pairs, invalid.0).into_iter();
            errors.extend(more.filter(|e| !follows(&e.field)));
        }
        Err(more) => errors.extend(more),
    }
    Err(cap_field_errors(errors))
}

/// Errors about a stored scenario's body (`input.clusters`, `name`) at the
/// controls of the form `query` that was saved: `clusters`, `name`, and list
/// items at their form rows rather than their positions among the items.
pub fn stored_errors_at_controls(query: &str, errors: Vec<FieldError>) -> Vec<FieldError> {
    let bare = errors
        .into_iter()
        .map(|e| match e.field.strip_prefix("input.") {
            Some(path) => FieldError::new(path, e.message),
            None => e,
        })
        .collect();
    // The query was read once already; it has a sane number of pairs.
    let pairs = pairs_from_query(query).unwrap_or_default();
    cap_field_errors(to_form_paths(&pairs, bare))
}

#[cfg(test)]
mod tests;

/// The form row of each list item of the planner form `query`, as the page's
/// buttons leave them: where the figures of `fleet[0].pools[1]` belong.
pub fn item_rows(query: &str) -> ItemRows {
    // An unreadable query has no rows; its errors come from `scenario_from_query`.
    let pairs = pairs_from_query(query).unwrap_or_default();
    lists::parse(&apply_form_actions(&pairs)).2
}
