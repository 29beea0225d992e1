//! Names people type: line items, cluster groups and pools here, scenarios in the
//! service. One rule for all of them, stated twice on purpose: as Rust
//! ([`unfit_for_names`]) for validation and as a regular expression
//! ([`NAME_PATTERN`]) for the OpenAPI document, so that a client generated from
//! the document refuses what the server would. A test holds the two to each other.

use crate::error::FieldError;

/// Longest line item, cluster group or pool name, in characters.
pub const MAX_ITEM_NAME_CHARS: usize = 60;

/// Whether `c` may not stand in a name: a control character, or one that turns
/// the text's direction (U+202E "right-to-left override" and its kin), with
/// which a name would display as something else than what it is.
pub fn unfit_for_names(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What [`unfit_for_names`] refuses, as an error message.
pub const UNFIT_FOR_NAMES: &str = "must not contain control or text-direction characters";

/// The characters of [`unfit_for_names`] as a class body: the control
/// characters (Unicode `Cc`) and the text-direction ones.
macro_rules! unfit {
    () => {
        r"\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069"
    };
}

/// A name that validation accepts, as a regular expression: no [`unfit_for_names`]
/// character, and at least one that is not white space (`char::is_whitespace`,
/// Unicode's `White_Space`). Written with `\uXXXX` escapes only, which ECMA-262
/// (JSON Schema), Python's `re` (schemathesis, generated clients) and the regex
/// crate read alike. Lengths are the schema's `minLength`/`maxLength`.
pub const NAME_PATTERN: &str = concat!(
    "^[^",
    unfit!(),
    "]*[^",
    unfit!(),
    r"\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000",
    "][^",
    unfit!(),
    "]*$"
);

/// A required name of 1 to [`MAX_ITEM_NAME_CHARS`] characters, not blank, with
/// no [`unfit_for_names`] character.
pub(crate) fn check_name(path: String, name: Option<&str>, errors: &mut Vec<FieldError>) {
    let Some(name) = name else {
        errors.push(FieldError::new(path, "is required"));
        return;
    };
    let chars = name.chars().count();
    if chars == 0 || chars > MAX_ITEM_NAME_CHARS || name.trim().is_empty() {
        errors.push(FieldError::new(
            path,
            format!("must be 1 to {MAX_ITEM_NAME_CHARS} characters, not blank"),
        ));
    } else if name.chars().any(unfit_for_names) {
        errors.push(FieldError::new(path, UNFIT_FOR_NAMES));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern accepts a name exactly when validation does (lengths aside),
    /// for every character of the Basic Multilingual Plane alone, beside a
    /// letter, and doubled.
    #[test]
    fn the_pattern_says_what_validation_says() {
        let pattern = regex::Regex::new(NAME_PATTERN).expect("the pattern compiles");
        let accepted = |name: &str| {
            let mut errors = Vec::new();
            check_name(String::new(), Some(name), &mut errors);
            errors.is_empty()
        };
        let mut checked = 0;
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            for name in [format!("{c}"), format!("a{c}"), format!("{c}{c}b")] {
                assert_eq!(
                    pattern.is_match(&name),
                    accepted(&name),
                    "U+{:04X} in {name:?}",
                    c as u32
                );
                checked += 1;
            }
        }
        assert!(checked > 190_000, "{checked} names");
        assert!(!pattern.is_match(" \u{3000}\t"));
        assert!(pattern.is_match(" Prod plan "));
    }
}
