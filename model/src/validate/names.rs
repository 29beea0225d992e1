//! Names people type: line items, cluster groups and pools here, scenarios in the
//! service. One rule for all of them, stated twice on purpose: as Rust
//! ([`unfit_for_names`]) for validation and as a regular expression
//! ([`NAME_PATTERN`]) for the OpenAPI document, so that a client generated from
//! the document refuses what the server would. A test holds the two to each other.

use crate::error::FieldError;
use crate::input::ScenarioInput;

/// Longest line item, cluster group or pool name, in characters.
pub const MAX_ITEM_NAME_CHARS: usize = 60;

/// Whether `c` may not stand in a name: a control character, one that turns
/// the text's direction (U+202E "right-to-left override" and its kin), with
/// which a name would display as something else than what it is, the line
/// and paragraph separators (U+2028, U+2029: a line break to CSV viewers and
/// editors), or U+FFFD,
/// what a form's bytes that were not UTF-8 are decoded into (the JSON API
/// refuses such bytes; a form post's name was stored with them replaced).
pub fn unfit_for_names(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{FFFD}')
}

/// What [`unfit_for_names`] refuses, as an error message.
pub const UNFIT_FOR_NAMES: &str = "must not contain control, text-direction or line-separator characters, nor U+FFFD (text that was not UTF-8)";

/// The characters of [`unfit_for_names`] as a regular expression's class body:
/// the control characters (Unicode `Cc`), the text-direction ones, the line
/// and paragraph separators and U+FFFD. Written
/// with `\uXXXX` escapes only, which ECMA-262 (JSON Schema), Python's `re`
/// (schemathesis, generated clients) and the regex crate read alike.
pub const UNFIT_CLASS: &str =
    r"\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029\uFFFD";

/// Whether `c` shows nothing where it stands: white space as
/// `char::is_whitespace` knows it (Unicode's `White_Space`), or one of the
/// invisible characters a name made only of them would pass for blank with
/// (zero-width space, word joiner, byte-order mark, soft hyphen, the Hangul
/// fillers and their kin: Unicode's `Default_Ignorable_Code_Point` characters
/// of the Basic Multilingual Plane that are neither unfit nor variation
/// selectors, which an emoji at a name's end may need). Names are trimmed of
/// them and must hold something else. Not the planes above: the schema's
/// patterns are written with `\uXXXX` escapes that every engine reads alike,
/// which name no character there; tag characters (a flag's) and combining
/// marks stay too, as a name's end may need them (docs/DECISIONS.md).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180E}' | '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2065}' | '\u{3164}' | '\u{FEFF}' | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}')
}

/// `name` without the [`is_blank`] characters around it.
pub fn trim_name(name: &str) -> &str {
    name.trim_matches(is_blank)
}

/// The names a scenario's rows are told apart by (cluster groups, pools, line
/// items), trimmed of [`is_blank`] characters as the planner's form and the
/// scenario's own name are: `"x"` and `"x "` were two pools to the API and one
/// to the form, which then refused the saved scenario (an outside review).
/// For documents as they come in; a stored one is read as it was saved. A
/// name the schema refuses as it stands, for an [`unfit_for_names`] character
/// (a tab is both) or more than [`MAX_ITEM_NAME_CHARS`] characters, is left as
/// it is, for validation to refuse: the schema promises a refusal, and its
/// fuzzing checks it.
pub fn trim_row_names(input: &mut ScenarioInput) {
    let refused =
        |n: &String| n.chars().any(unfit_for_names) || n.chars().count() > MAX_ITEM_NAME_CHARS;
    let trim = |name: &mut Option<String>| {
        if let Some(name) = name.as_mut().filter(|n| !refused(n)) {
            let trimmed = trim_name(name);
            if trimmed.len() != name.len() {
                *name = trimmed.to_owned();
            }
        }
    };
    for group in input.fleet.iter_mut().flatten() {
        trim(&mut group.name);
        for pool in group.pools.iter_mut().flatten() {
            trim(&mut pool.name);
        }
    }
    for item in input.line_items.iter_mut().flatten() {
        trim(&mut item.name);
    }
}

/// The characters of [`is_blank`] as a class body.
const BLANK_CLASS: &str = concat!(
    r"\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000",
    r"\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200D\u2060-\u2065\u3164\uFEFF\uFFA0\uFFF0-\uFFF8"
);

/// Lone UTF-16 surrogates, as a class body. No `char` is one, and the server
/// refuses a JSON string that escapes one (`"\ud800"`) as malformed, but
/// Python's strings may hold them: without this, schemathesis and clients
/// generated from the document take them for name characters.
const SURROGATE_CLASS: &str = r"\uD800-\uDFFF";

/// A name pattern as the regex crate compiles it (the tests read the patterns
/// that way): without [`SURROGATE_CLASS`], which that crate refuses since it
/// matches `char`s only. No `char` is a surrogate, so no match changes.
pub fn pattern_for_chars(pattern: &str) -> String {
    pattern.replace(SURROGATE_CLASS, "")
}

/// The OpenAPI schema's statement of [`check_name`], lengths aside: `pattern`
/// (a name holds a character that is neither blank ([`is_blank`]) nor unfit) and
/// `not: {pattern}` (it holds no unfit character nor a lone surrogate).
/// Neither is anchored: JSON Schema's `pattern` searches, and an anchored one would end in `$`, which
/// Python's `re` also matches before a final newline, so that `"abc\n"` (refused
/// here) would pass there.
pub fn item_name_patterns() -> (String, String) {
    let visible = format!("[^{UNFIT_CLASS}{BLANK_CLASS}]");
    (visible, format!("[{UNFIT_CLASS}{SURROGATE_CLASS}]"))
}

/// The schema's `pattern` of a name that is trimmed before it is checked (a
/// scenario's): blanks ([`is_blank`]) around at most `max` characters that begin and end
/// with neither a blank nor an unfit character and hold no unfit one.
/// Anchored, since what the trim removes may be unfit (a tab); the `$` that
/// Python's `re` also matches before a final newline does no harm here, as the
/// trim removes that newline too. Counts code points, as JSON Schema does (ECMA
/// with its `u` flag, Python and the regex crate).
pub fn trimmed_name_pattern(max: usize) -> String {
    let (unfit, space) = (format!("{UNFIT_CLASS}{SURROGATE_CLASS}"), BLANK_CLASS);
    let inner = max.saturating_sub(2);
    format!("^[{space}]*[^{unfit}{space}](?:[^{unfit}]{{0,{inner}}}[^{unfit}{space}])?[{space}]*$")
}

/// A required name of 1 to [`MAX_ITEM_NAME_CHARS`] characters, not blank, with
/// no [`unfit_for_names`] character.
pub(crate) fn check_name(path: String, name: Option<&str>, errors: &mut Vec<FieldError>) {
    let Some(name) = name else {
        errors.push(FieldError::new(path, "is required"));
        return;
    };
    if trim_name(name).is_empty() {
        errors.push(FieldError::new(path, "must not be blank"));
    } else if name.chars().count() > MAX_ITEM_NAME_CHARS {
        errors.push(FieldError::new(
            path,
            format!("must be at most {MAX_ITEM_NAME_CHARS} characters"),
        ));
    } else if name.chars().any(unfit_for_names) {
        errors.push(FieldError::new(path, UNFIT_FOR_NAMES));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `name` passes the item-name schema's two patterns.
    fn documented(name: &str) -> bool {
        let (visible, unfit) = item_name_patterns();
        let visible = regex::Regex::new(&visible).expect("compiles");
        let unfit = regex::Regex::new(&pattern_for_chars(&unfit)).expect("compiles");
        visible.is_match(name) && !unfit.is_match(name)
    }

    /// The patterns accept a name exactly when validation does (lengths aside),
    /// for every character of the Basic Multilingual Plane alone, beside a
    /// letter on either side, and doubled.
    #[test]
    fn a_name_is_told_what_is_wrong_with_it() {
        let said = |name: &str| {
            let mut errors = Vec::new();
            check_name("name".to_owned(), Some(name), &mut errors);
            errors.pop().map(|e| e.message).unwrap_or_default()
        };
        assert_eq!(said(""), "must not be blank");
        assert_eq!(said(" \t"), "must not be blank");
        assert_eq!(said("\u{200B}\u{FEFF}"), "must not be blank");
        assert_eq!(said("\u{2065}\u{FFF0}"), "must not be blank");
        assert_eq!(said("a\u{200D}b"), "");
        assert_eq!(said(&"x".repeat(61)), "must be at most 60 characters");
        assert_eq!(said(&"x".repeat(60)), "");
    }

    #[test]
    fn the_item_name_patterns_say_what_validation_says() {
        let accepted = |name: &str| {
            let mut errors = Vec::new();
            check_name(String::new(), Some(name), &mut errors);
            errors.is_empty()
        };
        let (visible, unfit) = item_name_patterns();
        let unfit = pattern_for_chars(&unfit);
        let (visible, unfit) = (regex::Regex::new(&visible), regex::Regex::new(&unfit));
        let (visible, unfit) = (visible.expect("compiles"), unfit.expect("compiles"));
        let mut checked = 0;
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            for name in [
                format!("{c}"),
                format!("a{c}"),
                format!("{c}a"),
                format!("{c}{c}"),
            ] {
                let documented = visible.is_match(&name) && !unfit.is_match(&name);
                assert_eq!(
                    documented,
                    accepted(&name),
                    "U+{:04X} in {name:?}",
                    c as u32
                );
                checked += 1;
            }
        }
        assert!(checked > 250_000, "{checked} names");
        for (name, expected) in [
            (" \u{3000}\t", false),
            ("abc\n", false),
            (" Prod plan ", true),
        ] {
            assert_eq!(documented(name), expected, "{name:?}");
        }
    }
}
