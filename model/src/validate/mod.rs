//! Validation: turns untrusted input into a [`Scenario`], reporting every violation
//! at once, each with its field path.

mod fleet;
mod line_items;
mod names;
mod ranges;
mod resolve;
mod rules;
mod uncertainty;

pub use names::{
    MAX_ITEM_NAME_CHARS, UNFIT_FOR_NAMES, is_blank, item_name_patterns, pattern_for_chars,
    trim_name, trim_row_names, trimmed_name_pattern, unfit_for_names,
};
pub use uncertainty::is_rangeable;

use crate::error::{FieldError, ValidationErrors, field_error_from_json};
use crate::fields::field_specs;
use crate::fields::table_path;
use crate::input::ScenarioInput;
use crate::resolved::ResolvedInput;
use crate::scenario::Scenario;

impl TryFrom<ScenarioInput> for Scenario {
    type Error = ValidationErrors;

    fn try_from(input: ScenarioInput) -> Result<Self, Self::Error> {
        let mut errors = Vec::new();
        // Every input type serializes to a JSON object; `Null` just checks nothing.
        let json = serde_json::to_value(&input).unwrap_or_default();
        ranges::check_ranges(&json, &mut errors);
        fleet::check_structure(&input, &mut errors);
        line_items::check_choices(&input, &mut errors);
        let resolved = resolve::resolve(json, &errors);
        rules::check_display(&resolved, &mut errors);
        let plan = rules::check_semantics(&resolved, &mut errors);
        let scenario = plan.map(|(groups, cp_price)| Scenario::new(resolved, groups, cp_price));
        let base = scenario.as_ref().filter(|_| errors.is_empty());
        uncertainty::check_uncertainty(&input, base, &mut errors);
        match (scenario, errors.is_empty()) {
            (Some(scenario), true) => Ok(scenario),
            _ => {
                in_form_order(&mut errors);
                Err(ValidationErrors(errors))
            }
        }
    }
}

impl TryFrom<ResolvedInput> for Scenario {
    type Error = ValidationErrors;

    /// Validates a resolved input (e.g. a stored `inputs` object) like a request.
    fn try_from(resolved: ResolvedInput) -> Result<Self, Self::Error> {
        let one = |e: FieldError| ValidationErrors(vec![e]);
        let value =
            serde_json::to_value(&resolved).map_err(|e| one(FieldError::new("", e.to_string())))?;
        let input: ScenarioInput = serde_path_to_error::deserialize(value)
            .map_err(|e| one(field_error_from_json(&e, "")))?;
        Scenario::try_from(input)
    }
}

/// Position of a field (or of the first field under an object path) in the table;
/// `fleet[2].pools[0].name` counts as `fleet[].pools[].name`.
fn field_order(field: &str) -> usize {
    let field = table_path(field);
    field_specs()
        .iter()
        .position(|s| {
            s.path == field
                || (s.path.starts_with(&field) && s.path.as_bytes().get(field.len()) == Some(&b'.'))
        })
        .unwrap_or(usize::MAX)
}

/// Sorts `errors` in form order, so a UI can list them next to the fields.
pub(crate) fn in_form_order(errors: &mut [FieldError]) {
    errors.sort_by_key(|e| sort_key(&e.field));
}

/// Form order, with a list's errors item by item (`line_items[0].…` before `[1]`),
/// at any depth: each list's position, then the item's index, then the member's.
fn sort_key(field: &str) -> Vec<usize> {
    let mut key = Vec::new();
    let mut rest = field;
    let mut offset = 0;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        key.push(field_order(&field[..offset + open]));
        key.push(rest[open + 1..close].parse().unwrap_or(usize::MAX));
        offset += close + 1;
        rest = &rest[close + 1..];
    }
    key.push(field_order(field));
    key
}
