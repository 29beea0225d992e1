//! Parsing request bodies into [`ScenarioInput`] (or any other body type), with
//! field paths on data errors, every violation at once.

use crate::error::{FieldError, InputError, field_error_from_json, input_error_from_json};
use crate::input::ScenarioInput;
use crate::scenario::Scenario;
use crate::validate::in_form_order;
use crate::{MAX_FIELD_ERRORS, MORE_MAY_FOLLOW};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;
use serde_path_to_error::Segment;

mod duplicates;

use duplicates::duplicate_members;

/// A request body with rules beyond its types (a scenario's ranges and rules).
pub trait Checked {
    /// Every range and rule violation of the body, each at its field's path
    /// (none when it is valid).
    fn violations(&self) -> Vec<FieldError>;
}

impl Checked for ScenarioInput {
    fn violations(&self) -> Vec<FieldError> {
        Scenario::try_from(self.clone())
            .err()
            .map(|e| e.0)
            .unwrap_or_default()
    }
}

/// Parses a JSON body: [`parse_checked`] for a scenario. A body that parses may
/// still break a range or a rule: `Scenario::try_from` reports those.
pub fn parse_input(json: &[u8]) -> Result<ScenarioInput, InputError> {
    parse_checked(json)
}

/// Parses a body with rules beyond its types. Syntax errors give
/// [`InputError::Malformed`] (400). A body that does not read gives
/// [`InputError::Invalid`] (422) with every violation at once: each member that
/// cannot be read (a type error, `null` where not allowed, an unknown field),
/// then the range and rule violations of the rest ([`Checked`]).
pub fn parse_checked<T: DeserializeOwned + Checked>(json: &[u8]) -> Result<T, InputError> {
    parse_with(json, T::violations)
}

/// Parses a whole JSON document as a `T` with no rules beyond its types,
/// classified as [`parse_checked`] does.
pub fn parse_json<T: DeserializeOwned>(json: &[u8]) -> Result<T, InputError> {
    parse_with(json, |_| Vec::new())
}

/// Parses `json` as a `T`. When a member cannot be read, the others are still
/// read: every member that cannot be read is reported, then `check`'s
/// violations of what was read without them (none at or under a member already
/// reported), so a client learns every problem at once (the answer keeps the
/// first [`MAX_FIELD_ERRORS`]). The extra work is only done on a refusal's
/// path, and bounded ([`REREAD_BYTES`]): past it, what was found is reported.
fn parse_with<T: DeserializeOwned>(
    json: &[u8],
    check: impl Fn(&T) -> Vec<FieldError>,
) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    let first = match serde_path_to_error::deserialize(&mut de) {
        Ok(value) => {
            // Trailing bytes after the object make the body malformed, as in serde_json::from_slice.
            de.end().map_err(|e| InputError::Malformed {
                message: e.to_string(),
            })?;
            return Ok(value);
        }
        Err(error) => error,
    };
    // serde stops at the first member it cannot take (an unknown field, say),
    // before it reaches a cut-off end: a document that is not JSON at all is
    // malformed (400) whatever its first member holds.
    let Ok(document) = serde_json::from_slice::<Value>(json) else {
        return Err(match (input_error_from_json(&first, ""), not_json(json)) {
            (InputError::Invalid(_), Some(malformed)) => malformed,
            (error, _) => error,
        });
    };
    if let InputError::Malformed { message } = input_error_from_json(&first, "") {
        return Err(InputError::Malformed { message });
    }
    let mut errors = vec![field_error_from_json(&first, "")];
    // The `Value` keeps the last of a member given twice: say so first.
    for field in duplicate_members(json) {
        if !errors.iter().any(|e| e.field == field) {
            errors.push(FieldError::new(field, "is given more than once"));
        }
    }
    let passes = (REREAD_BYTES / json.len().max(1)).max(1);
    match read_without_bad_members::<T>(document, passes, &mut errors) {
        Reread::Read(rest) => {
            let reported: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
            let covered = |field: &str| reported.iter().any(|r| is_at_or_under(field, r));
            errors.extend(check(&rest).into_iter().filter(|e| !covered(&e.field)));
        }
        // Said, as the capped lists of the rules say theirs: 100 unknown
        // members of 150 were listed as if they were all. Past 100 found, the
        // cap's own last entry counts the rest.
        Reread::OutOfPasses if errors.len() < MAX_FIELD_ERRORS => {
            in_form_order(&mut errors);
            errors.push(FieldError::new("", MORE_MAY_FOLLOW));
            return Err(InputError::Invalid(errors));
        }
        Reread::Stopped | Reread::OutOfPasses => {}
    }
    in_form_order(&mut errors);
    Err(InputError::Invalid(errors))
}

/// How re-reading a refused body ended.
enum Reread<T> {
    /// It read without the members that could not be read: what is left.
    Read(T),
    /// At a problem that cannot be left out (a member missing, a list item of
    /// the wrong kind, the document itself).
    Stopped,
    /// Its passes ran out before it read.
    OutOfPasses,
}

/// How much re-reading one refusal may do, in bytes of its body: each pass
/// reads the whole body again, so a 64 KiB body is read at most 4 times (about
/// what validating a valid one costs), a 2.5 KiB one 100 times, a smaller one
/// until every member it cannot read is found (one a pass; there are fewer
/// members than bytes). (Unbounded, a body of 100 unknown members after
/// a large valid part took 0.1 s of a worker thread, and a 256 KiB batch a
/// second.)
const REREAD_BYTES: usize = 256 * 1024;

/// Reads `document` as a `T`, each time leaving out the member it could not
/// read (and adding its error to `errors`, once), until it reads, for at most
/// `passes` passes.
fn read_without_bad_members<T: DeserializeOwned>(
    mut document: Value,
    passes: usize,
    errors: &mut Vec<FieldError>,
) -> Reread<T> {
    for _ in 0..passes {
        let error = match serde_path_to_error::deserialize::<_, T>(&document) {
            Ok(rest) => return Reread::Read(rest),
            Err(error) => error,
        };
        let found = field_error_from_json(&error, "");
        if !errors.iter().any(|e| e.field == found.field) {
            errors.push(found);
        }
        let missing = error.inner().to_string().starts_with("missing field");
        if missing || !remove(&mut document, error.path()) {
            return Reread::Stopped;
        }
    }
    Reread::OutOfPasses
}

/// Removes the object member `path` ends at; whether there was one.
fn remove(document: &mut Value, path: &serde_path_to_error::Path) -> bool {
    let segments: Vec<&Segment> = path.iter().collect();
    let Some((Segment::Map { key }, parents)) = segments.split_last() else {
        return false;
    };
    let mut node = document;
    for segment in parents {
        let next = match segment {
            Segment::Map { key } => node.get_mut(key.as_str()),
            Segment::Seq { index } => node.get_mut(*index),
            _ => None,
        };
        let Some(next) = next else {
            return false;
        };
        node = next;
    }
    node.as_object_mut()
        .is_some_and(|object| object.remove(key.as_str()).is_some())
}

/// Whether `field` is `parent` or inside it (`eks.x` is under `eks`,
/// `fleet[0].name` under `fleet`; the document `""` holds everything).
fn is_at_or_under(field: &str, parent: &str) -> bool {
    parent.is_empty()
        || field
            .strip_prefix(parent)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
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
