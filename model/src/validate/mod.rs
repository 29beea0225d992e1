//! Validation: turns untrusted input into a [`Scenario`], reporting every violation
//! at once, each with its field path.

mod ranges;
mod resolve;
mod rules;

use crate::error::{FieldError, ValidationErrors, field_error_from_json};
use crate::fields::field_specs;
use crate::input::ScenarioInput;
use crate::resolved::ResolvedInput;
use crate::scenario::Scenario;

impl TryFrom<ScenarioInput> for Scenario {
    type Error = ValidationErrors;

    fn try_from(input: ScenarioInput) -> Result<Self, Self::Error> {
        let mut errors = Vec::new();
        ranges::check_ranges(&input, &mut errors);
        rules::check_structure(&input, &mut errors);
        let resolved = resolve::resolve(&input);
        let machine = rules::check_semantics(&resolved, &mut errors);
        match (machine, errors.is_empty()) {
            (Some((worker, cp_price)), true) => Ok(Scenario::new(resolved, worker, cp_price)),
            _ => {
                // Report in form order, so a UI can list errors next to the fields.
                errors.sort_by_key(|e| field_order(&e.field));
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

/// Position of a field (or of the first field under an object path) in the table.
fn field_order(field: &str) -> usize {
    field_specs()
        .iter()
        .position(|s| {
            s.path == field
                || (s.path.starts_with(field) && s.path.as_bytes().get(field.len()) == Some(&b'.'))
        })
        .unwrap_or(usize::MAX)
}
