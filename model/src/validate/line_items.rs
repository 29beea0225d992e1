//! Rules for the line items and the other string choices that parsing leaves to
//! validation, so that every violation is listed at once.

use crate::error::FieldError;
use crate::fields::{field_spec, max_items};
use crate::input::ScenarioInput;

/// Longest line item name, in characters.
const MAX_NAME_CHARS: usize = 60;

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
            format!("must be one of {}, not \"{value}\"", quoted.join(", ")),
        ));
    }
}

/// Whether `c` may not stand in a name: a control character, or one that turns
/// the text's direction (U+202E "right-to-left override" and its kin), with
/// which a name would display as something else than what it is.
pub fn unfit_for_names(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What [`unfit_for_names`] refuses, as an error message.
pub const UNFIT_FOR_NAMES: &str = "must not contain control or text-direction characters";

/// A required name of 1 to 60 characters, not blank, without control characters.
pub(crate) fn check_name(path: String, name: Option<&str>, errors: &mut Vec<FieldError>) {
    let Some(name) = name else {
        errors.push(FieldError::new(path, "is required"));
        return;
    };
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_NAME_CHARS || name.trim().is_empty() {
        errors.push(FieldError::new(
            path,
            format!("must be 1 to {MAX_NAME_CHARS} characters, not blank"),
        ));
    } else if name.chars().any(unfit_for_names) {
        errors.push(FieldError::new(path, UNFIT_FOR_NAMES));
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
