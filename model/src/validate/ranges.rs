//! Range checks of every numeric field that a request actually sent, against the
//! field table. The input is read as JSON, so the table alone says which fields
//! there are: a new field needs no new line here. Absent fields take defaults,
//! which are in range by construction.

use crate::error::FieldError;
use crate::fields::{FieldKind, FieldSpec, field_specs};
use serde_json::Value;
use std::sync::LazyLock;

/// One step of a table path between lists: its text (`fleet`, `workers.headroom_pct`)
/// and its keys.
type Step = (&'static str, Vec<&'static str>);

/// A numeric field with its path cut into steps.
type Numeric = (&'static FieldSpec, Vec<Step>);

/// The table's numeric fields, each path cut into its steps once per process
/// (`fleet[].pools[].headroom_pct` → `fleet`, `pools`, `headroom_pct`): every
/// request visits every one of them, most absent, and cutting the paths and
/// writing each concrete path out per request was most of a `{}` calculation's
/// validation. They are grouped by their first key (`workers`, `eks`, …), so
/// that a section the request left empty is looked up once, not once per field
/// (80 lookups were half of a `{}` calculation's validation left).
static NUMERIC: LazyLock<Vec<(&'static str, Vec<Numeric>)>> = LazyLock::new(|| {
    let mut sections: Vec<(&'static str, Vec<Numeric>)> = Vec::new();
    let numeric = field_specs()
        .iter()
        .filter(|s| matches!(s.kind, FieldKind::Integer | FieldKind::Number));
    for spec in numeric {
        let steps: Vec<Step> = spec
            .path
            .split("[].")
            .map(|step| (step, step.split('.').collect()))
            .collect();
        let first = steps[0].1[0];
        match sections.iter_mut().find(|(key, _)| *key == first) {
            Some((_, fields)) => fields.push((spec, steps)),
            None => sections.push((first, vec![(spec, steps)])),
        }
    }
    sections
});

/// The value at `keys` under `root`, if present.
fn at<'v>(root: &'v Value, keys: &[&str]) -> Option<&'v Value> {
    keys.iter().try_fold(root, |node, key| node.get(key))
}

/// Pushes one error per present numeric field outside its table range. Members of
/// lists are checked item by item, at any depth (`fleet[1].pools[0].headroom_pct`).
pub(crate) fn check_ranges(input: &Value, errors: &mut Vec<FieldError>) {
    for (first, fields) in NUMERIC.iter() {
        // Input types write every section, `{}` or `[]` when nothing in it was sent.
        match input.get(first) {
            None => continue,
            Some(Value::Object(members)) if members.is_empty() => continue,
            Some(Value::Array(items)) if items.is_empty() => continue,
            Some(_) => {}
        }
        for (spec, steps) in fields {
            visit(input, steps, "", &mut |value, path| {
                check(spec, value, path, errors);
            });
        }
    }
}

/// Calls `f` with the value at the table path `steps` under `node` (once per item
/// of every list on the way) and its concrete path, written out only when asked
/// for.
fn visit(node: &Value, steps: &[Step], prefix: &str, f: &mut impl FnMut(Option<&Value>, Path)) {
    let Some(((text, keys), rest)) = steps.split_first() else {
        return;
    };
    if rest.is_empty() {
        return f(at(node, keys), Path(prefix, text));
    }
    let items = at(node, keys).and_then(Value::as_array);
    for (index, item) in items.into_iter().flatten().enumerate() {
        visit(item, rest, &format!("{prefix}{text}[{index}]."), f);
    }
}

/// A concrete path as its list prefix (`fleet[1].`) and the rest.
struct Path<'a>(&'a str, &'a str);

fn check(spec: &FieldSpec, value: Option<&Value>, path: Path, errors: &mut Vec<FieldError>) {
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
        errors.push(FieldError::new(format!("{}{}", path.0, path.1), message));
    }
}
