//! Range checks of every numeric field that a request actually sent, against the
//! field table. The input is read as JSON, so the table alone says which fields
//! there are: a new field needs no new line here. Absent fields take defaults,
//! which are in range by construction.

use crate::error::FieldError;
use crate::fields::{FieldKind, FieldSpec, field_specs};
use serde_json::Value;

/// The value at a dotted `path` of `root`, if present.
fn at<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(root, |node, key| node.get(key))
}

/// Pushes one error per present numeric field outside its table range. Members of
/// `line_items` are checked item by item (`line_items[2].monthly_usd`).
pub(crate) fn check_ranges(input: &Value, errors: &mut Vec<FieldError>) {
    let numeric = |s: &&FieldSpec| matches!(s.kind, FieldKind::Integer | FieldKind::Number);
    for spec in field_specs().iter().filter(numeric) {
        match spec.path.split_once("[].") {
            None => check(spec, at(input, &spec.path), &spec.path, errors),
            Some((list, member)) => {
                let items = at(input, list).and_then(Value::as_array);
                for (index, item) in items.into_iter().flatten().enumerate() {
                    let path = format!("{list}[{index}].{member}");
                    check(spec, at(item, member), &path, errors);
                }
            }
        }
    }
}

fn check(spec: &FieldSpec, value: Option<&Value>, path: &str, errors: &mut Vec<FieldError>) {
    // Absent fields are left out of the JSON, so a present `null` is a NaN or an
    // infinity that a Rust caller put in (serde_json writes those as null).
    let value = match value {
        None => return,
        Some(Value::Null) => f64::NAN,
        // Beyond 2^53 an integer has no exact f64 (2^53 + 1 would read as 2^53 and
        // pass the seed's cap); every integer cap is at most 2^53, so it is too big.
        Some(value) if value.as_i64().is_some_and(|n| n.unsigned_abs() > 1 << 53) => value
            .as_i64()
            .map_or(f64::NAN, |n| n.signum() as f64 * f64::MAX),
        Some(value) => value.as_f64().unwrap_or(f64::NAN),
    };
    if let Some(message) = spec.check(value) {
        errors.push(FieldError::new(path, message));
    }
}
