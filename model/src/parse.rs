//! Parsing request bodies into [`ScenarioInput`], with field paths on data errors.

use crate::error::{InputError, input_error_from_json};
use crate::input::ScenarioInput;

/// Parses a JSON body. Syntax errors give [`InputError::Malformed`] (400); type
/// errors, `null` where not allowed and unknown fields give one
/// [`InputError::Invalid`] entry with the field's path (422). Range and rule checks
/// happen in `Scenario::try_from`, which reports all violations at once.
pub fn parse_input(json: &[u8]) -> Result<ScenarioInput, InputError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let input =
        serde_path_to_error::deserialize(&mut de).map_err(|e| input_error_from_json(&e, ""))?;
    // Trailing bytes after the object make the body malformed, as in serde_json::from_slice.
    de.end().map_err(|e| InputError::Malformed {
        message: e.to_string(),
    })?;
    Ok(input)
}
