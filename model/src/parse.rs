//! Parsing request bodies into [`ScenarioInput`] (or any other body type), with
//! field paths on data errors.

use crate::error::{InputError, input_error_from_json};
use crate::input::ScenarioInput;
use serde::de::{DeserializeOwned, IgnoredAny};

/// Parses a JSON body. Syntax errors give [`InputError::Malformed`] (400); type
/// errors, `null` where not allowed and unknown fields give one
/// [`InputError::Invalid`] entry with the field's path (422). Range and rule checks
/// happen in `Scenario::try_from`, which reports all violations at once.
pub fn parse_input(json: &[u8]) -> Result<ScenarioInput, InputError> {
    parse_json(json)
}

/// Parses a whole JSON document as a `T`, classified as [`parse_input`] does: the
/// one reading of request bodies, for the API's other bodies too.
pub fn parse_json<T: DeserializeOwned>(json: &[u8]) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        // serde stops at the first member it cannot take (an unknown field, say),
        // before it reaches a cut-off end: a document that is not JSON at all
        // is malformed (400) whatever its first member holds.
        match (input_error_from_json(&e, ""), not_json(json)) {
            (InputError::Invalid(_), Some(malformed)) => malformed,
            (error, _) => error,
        }
    })?;
    // Trailing bytes after the object make the body malformed, as in serde_json::from_slice.
    de.end().map_err(|e| InputError::Malformed {
        message: e.to_string(),
    })?;
    Ok(value)
}

/// Why `json` is not a JSON document, if it is not one (only on a refusal's
/// path; serde_json skips a value at any depth).
fn not_json(json: &[u8]) -> Option<InputError> {
    serde_json::from_slice::<IgnoredAny>(json)
        .err()
        .map(|e| InputError::Malformed {
            message: e.to_string(),
        })
}
