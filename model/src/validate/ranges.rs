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
/// lists are checked item by item, at any depth (`fleet[1].pools[0].headroom_pct`).
pub(crate) fn check_ranges(input: &Value, errors: &mut Vec<FieldError>) {
    let numeric = |s: &&FieldSpec| matches!(s.kind, FieldKind::Integer | FieldKind::Number);
    for spec in field_specs().iter().filter(numeric) {
        visit(input, &spec.path, String::new(), &mut |value, path| {
            check(spec, value, &path, errors);
        });
    }
}

/// Calls `f` with the value at the table path `rest` under `node` (once per item of
/// every list on the way) and its concrete path.
fn visit(node: &Value, rest: &str, prefix: String, f: &mut impl FnMut(Option<&Value>, String)) {
    match rest.split_once("[].") {
        None => f(at(node, rest), format!("{prefix}{rest}")),
        Some((list, member)) => {
            let items = at(node, list).and_then(Value::as_array);
            for (index, item) in items.into_iter().flatten().enumerate() {
                visit(item, member, format!("{prefix}{list}[{index}]."), f);
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
