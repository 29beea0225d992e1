//! Rules for the line items and the other string choices that parsing leaves to
//! validation, so that every violation is listed at once.

use super::names::check_name;
use crate::error::FieldError;
use crate::fields::{field_spec, max_items};
use crate::input::ScenarioInput;

/// Checks a string field against its table choices; `None` (absent) passes.
pub(crate) fn check_choice(
    path: &str,
    spec_path: &str,
    value: Option<&str>,
    errors: &mut Vec<FieldError>,
) {
    let (Some(value), Some(spec)) = (value, field_spec(spec_path)) else {
        return;
    };
    if !spec.choices().iter().any(|c| c == value) {
        let quoted: Vec<String> = spec.choices().iter().map(|c| format!("\"{c}\"")).collect();
        errors.push(FieldError::new(
            path,
            // Escaped as sent (`{:?}`): a text-direction or control character
            // came back raw, beside the box and in the API's answer.
            format!("must be one of {}, not {value:?}", quoted.join(", ")),
        ));
    }
}

/// The control-plane tier and every line item's count, name, option and per.
pub(crate) fn check_choices(input: &ScenarioInput, errors: &mut Vec<FieldError>) {
    let tier = "eks.control_plane_tier";
    check_choice(tier, tier, input.eks.control_plane_tier.as_deref(), errors);
    let items = input.line_items.as_deref().unwrap_or_default();
    if items.len() > max_items("line_items") {
        errors.push(FieldError::new(
            "line_items",
            format!(
                "at most {} items, not {}",
                max_items("line_items"),
                items.len()
            ),
        ));
    }
    for (index, item) in items.iter().enumerate() {
        let path = |member: &str| format!("line_items[{index}].{member}");
        check_name(path("name"), item.name.as_deref(), errors);
        for member in ["option", "per"] {
            let value = match member {
                "option" => item.option.as_deref(),
                _ => item.per.as_deref(),
            };
            check_choice(
                &path(member),
                &format!("line_items[].{member}"),
                value,
                errors,
            );
        }
    }
}
