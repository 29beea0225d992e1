//! Errors a caller can act on: per-field violations and malformed JSON.

use serde::{Deserialize, Serialize};
use serde_json::error::Category;
use utoipa::ToSchema;

/// One violation, addressed by the dotted path of the offending field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FieldError {
    /// Dotted field path, e.g. `workers.headroom_pct`; empty for the whole document.
    #[schema(example = "workers.headroom_pct")]
    pub field: String,
    /// What is wrong, for people.
    #[schema(example = "must be between 0 and 200")]
    pub message: String,
}

impl FieldError {
    /// A violation of `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            formatter.write_str(&self.message)
        } else {
            write!(formatter, "{}: {}", self.field, self.message)
        }
    }
}

/// The most field errors one answer lists. A hostile form of 256 KiB could
/// otherwise come back as tens of thousands of errors.
pub const MAX_FIELD_ERRORS: usize = 100;

/// The last entry of a list whose reading stopped before the body's end (a
/// large body is re-read a bounded number of times, docs/MODEL.md §2.13):
/// more problems may follow. It is no problem itself ([`problem_count`]).
pub const MORE_MAY_FOLLOW: &str = "and perhaps more problems past these; fix these first";

/// How many problems `errors` lists: [`MORE_MAY_FOLLOW`] is not one.
pub fn problem_count(errors: &[FieldError]) -> usize {
    let notes = errors
        .iter()
        .filter(|e| e.field.is_empty() && e.message == MORE_MAY_FOLLOW);
    errors.len() - notes.count()
}

/// `errors`, cut to [`MAX_FIELD_ERRORS`]: the first ones in order, then one
/// error (for the whole document) that counts the rest.
pub fn cap_field_errors(mut errors: Vec<FieldError>) -> Vec<FieldError> {
    if errors.len() > MAX_FIELD_ERRORS {
        let more = errors.len() - (MAX_FIELD_ERRORS - 1);
        errors.truncate(MAX_FIELD_ERRORS - 1);
        errors.push(FieldError::new(
            "",
            format!("and {more} more problems; fix these first"),
        ));
    }
    errors
}

/// Every violation found while validating a [`crate::ScenarioInput`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid input: {}", join(.0))]
pub struct ValidationErrors(pub Vec<FieldError>);

/// Why a JSON document could not become a [`crate::Scenario`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The body is not JSON at all (syntax error, truncated, unreadable): HTTP 400.
    #[error("malformed JSON: {message}")]
    Malformed {
        /// The parser's message, with line and column.
        message: String,
    },
    /// The JSON is well formed but its data is not a valid input: HTTP 422.
    #[error("invalid input: {}", join(.0))]
    Invalid(Vec<FieldError>),
}

impl From<ValidationErrors> for InputError {
    fn from(errors: ValidationErrors) -> Self {
        InputError::Invalid(errors.0)
    }
}

fn join(errors: &[FieldError]) -> String {
    let parts: Vec<String> = errors.iter().map(ToString::to_string).collect();
    parts.join("; ")
}

/// `errors` with `prefix` (`"input"` for the scenario inside a `{name, input}`
/// body) before each field path; a whole-document error takes the prefix alone.
pub fn prefixed(prefix: &str, mut errors: Vec<FieldError>) -> Vec<FieldError> {
    if !prefix.is_empty() {
        for error in &mut errors {
            error.field = match error.field.is_empty() {
                true => prefix.to_owned(),
                false => format!("{prefix}.{}", error.field),
            };
        }
    }
    errors
}

/// Classifies a failed `serde_path_to_error` deserialization: syntax, truncation and
/// I/O become [`InputError::Malformed`], data errors one [`FieldError`].
///
/// `prefix` is prepended to the field path (e.g. `"input"` when the scenario was
/// deserialized on its own out of `{name, input}`); pass `""` for none.
pub fn input_error_from_json(
    err: &serde_path_to_error::Error<serde_json::Error>,
    prefix: &str,
) -> InputError {
    match err.inner().classify() {
        Category::Syntax | Category::Eof | Category::Io => InputError::Malformed {
            message: err.inner().to_string(),
        },
        Category::Data => InputError::Invalid(vec![field_error_from_json(err, prefix)]),
    }
}

/// Maps a `serde_path_to_error` failure to the [`FieldError`] of the field it hit,
/// with `prefix` (may be `""`) prepended to the path.
pub fn field_error_from_json(
    err: &serde_path_to_error::Error<serde_json::Error>,
    prefix: &str,
) -> FieldError {
    // The crate renders the root as "." and an unknown position as "?".
    let mut path = match err.path().to_string() {
        p if p == "." || p == "?" => String::new(),
        p => p,
    };
    let mut message = humanize(err.inner());
    // A member sent twice, or missing, is reported at its object's path, with
    // its name in the message only: the path names the member itself.
    if let Some((name, said)) = member_named(&message) {
        path = if path.is_empty() {
            name
        } else {
            format!("{path}.{name}")
        };
        message = said;
    }
    let field = match (prefix.is_empty(), path.is_empty()) {
        (true, _) => path,
        (false, true) => prefix.to_owned(),
        (false, false) => format!("{prefix}.{path}"),
    };
    FieldError::new(field, message)
}

/// The member serde's message names, and what is wrong with it, for a member
/// sent twice, missing, or unknown (`unknown field `q`, expected one of …`):
/// serde reports these at the enclosing object, the member's name only in the
/// text. The JSON bodies and the API's query strings both read it from here.
pub fn member_named(message: &str) -> Option<(String, String)> {
    let name = |start: &str| {
        let rest = message.strip_prefix(start)?;
        Some(rest[..rest.find('`')?].to_owned())
    };
    if let Some(member) = name("duplicate field `") {
        return Some((member, "is given more than once".to_owned()));
    }
    if let Some(member) = name("missing field `") {
        return Some((member, "is required".to_owned()));
    }
    let member = name("unknown field `")?;
    let said = match message.split_once(", expected ") {
        Some((_, expected)) => format!("is not known here (expected {expected})"),
        None => "is not known here".to_owned(),
    };
    Some((member, said))
}

/// serde's messages name Rust types and carry a position; people want neither.
fn humanize(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let msg = full.strip_suffix(&position).unwrap_or(&full);
    if msg.starts_with("unknown field") {
        return "unknown field".to_owned();
    }
    // "unknown variant `what was sent`, expected one of `a`, `b`": the list only.
    if let Some((_, expected)) = msg
        .strip_prefix("unknown variant ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return format!("must be {expected}");
    }
    let typed = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
        .and_then(|rest| rest.split_once(", expected "));
    match typed {
        Some(("null", _)) => "must not be null (omit the field to use its default)".to_owned(),
        Some((got, expected)) => {
            // A string is said as such, never repeated: it may be a name
            // from someone's data (a kubectl upload's pod name, say).
            let got = match got {
                "sequence" => "an array",
                "map" => "an object",
                s if s.starts_with("string ") => "a string",
                other => other,
            };
            format!("must be {}, not {got}", expected_in_words(expected))
        }
        None => msg.to_owned(),
    }
}

fn expected_in_words(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".to_owned(),
        "i64" | "u64" | "i32" | "u32" => "an integer".to_owned(),
        "a boolean" | "bool" => "true or false".to_owned(),
        e if e.starts_with("struct ") || e == "an object" => "an object".to_owned(),
        e => e.to_owned(),
    }
}
