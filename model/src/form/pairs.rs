//! Pairs → input: flat `path=value` pairs (a form, a URL query) to a
//! `ScenarioInput`, every error at its control. The other way is `to_pairs`.

use super::names::{MAX_FORM_PAIRS, SIZING};
use super::{lists, ranges};
use crate::{FieldError, FieldKind, ScenarioInput, field_spec};
use serde_json::{Map, Value};

/// Parses a URL-encoded query (`clusters=3&workers.headroom_pct=25`) into pairs.
/// A query that cannot be decoded gives no pairs (the defaults). One with more
/// than [`MAX_FORM_PAIRS`] pairs is refused with one error, counted before
/// anything is decoded.
pub fn pairs_from_query(query: &str) -> Result<Vec<(String, String)>, Vec<FieldError>> {
    let query = query.trim_start_matches('?');
    let count = query.split('&').filter(|pair| !pair.is_empty()).count();
    if count > MAX_FORM_PAIRS {
        return Err(vec![FieldError::new(
            "",
            format!("the form sent {count} values; a planner form has at most {MAX_FORM_PAIRS}"),
        )]);
    }
    Ok(serde_urlencoded::from_str(query).unwrap_or_default())
}

/// The scenario a planner form's URL query describes: the one way from a form
/// to a [`ScenarioInput`]. Type errors come back with their form field paths.
pub fn input_from_query(query: &str) -> Result<ScenarioInput, Vec<FieldError>> {
    input_from_pairs(&pairs_from_query(query)?)
}

/// Builds the input from form pairs. Empty values mean "default"; keys that are
/// not input fields (such as `name`) are ignored; the sizing radio drops the
/// fields of the mode not chosen, and custom-machine fields count only for the
/// instance type `custom`. Type errors come back with their field paths.
pub fn input_from_pairs(pairs: &[(String, String)]) -> Result<ScenarioInput, Vec<FieldError>> {
    match parse_pairs(pairs) {
        (input, errors) if errors.is_empty() => input,
        (_, errors) => Err(errors),
    }
}

/// Rewrites the model's paths of list items (`line_items[k]…`,
/// `fleet[g].pools[p]…`, `uncertainty.ranges[k]…`) to the form controls they came from.
pub fn to_form_paths(pairs: &[(String, String)], errors: Vec<FieldError>) -> Vec<FieldError> {
    let pairs = &super::apply_form_actions(pairs);
    let errors = lists::parse(pairs).2.to_form(errors);
    ranges::parse(pairs).2.to_form(errors)
}

/// Like [`input_from_pairs`], but a field that does not parse is left out (so it
/// takes its default) and reported, so the caller can validate the rest and show
/// every problem at once.
pub fn parse_pairs(
    pairs: &[(String, String)],
) -> (Result<ScenarioInput, Vec<FieldError>>, Vec<FieldError>) {
    // The page's buttons (describe as a fleet, add or remove a row) first, as
    // the page applies them.
    let pairs = &super::apply_form_actions(pairs);
    // Each control once, by its last value (a control given twice was).
    let get = |key: &str| super::actions::value_of(pairs, key);
    let sizing = get(SIZING).unwrap_or("workload");
    // Trimmed, as every value below is.
    let custom = get("workers.instance_type").map(str::trim) == Some("custom");
    let mut root = Map::new();
    let mut errors = Vec::new();
    for (key, raw) in pairs {
        let raw = raw.trim();
        // The Monte Carlo's controls are read by `ranges`, only with a range.
        let skip = raw.is_empty()
            || key.starts_with("uncertainty.")
            || (sizing == "nodes" && key.starts_with("workers.workload."))
            || (sizing != "nodes" && key == "workers.nodes_per_cluster")
            || (!custom && key.starts_with("workers.custom."));
        let Some(spec) = field_spec(key).filter(|_| !skip) else {
            continue;
        };
        match value(spec.kind, raw) {
            Ok(value) => insert(&mut root, key, value),
            Err(message) => errors.push(FieldError::new(key.as_str(), message)),
        }
    }
    let (lists, item_errors, _) = lists::parse(pairs);
    errors.extend(item_errors);
    for (list, items) in lists {
        // A list whose rows are all blank is not sent: it takes its default.
        if items.as_array().is_some_and(|items| !items.is_empty()) {
            root.insert(list, items);
        }
    }
    let (uncertainty, range_errors, _) = ranges::parse(pairs);
    errors.extend(range_errors);
    if let Some(request) = uncertainty {
        root.insert("uncertainty".to_owned(), request);
    }
    // Row names as an API document's are (`trim_row_names`): the form's own
    // trim leaves zero-width characters, so the page calculated "x" and
    // "x\u{200b}" as two groups that its save then refused as one.
    let input = from_json(Value::Object(root)).map(|mut input| {
        crate::trim_row_names(&mut input);
        input
    });
    (input, errors)
}

/// Why a box's text is no number; a comma is named, which a phone's keyboard
/// in many languages offers for decimals ("1,5"), and people put in thousands.
fn not_a_number(raw: &str) -> String {
    match raw.contains(',') {
        true => "must be a number: a point for decimals (1.5), no separators (1500)".to_owned(),
        false => "must be a number".to_owned(),
    }
}

/// 2^53: every whole number up to it is exact as a float.
const MAX_WHOLE: f64 = 9_007_199_254_740_992.0;

/// A form value as the JSON of a field of `kind`.
pub(super) fn value(kind: FieldKind, raw: &str) -> Result<Value, String> {
    let raw = raw.trim();
    match kind {
        // An integer field names its own problem here: the input types would
        // refuse `2.5` for the whole document, naming no field. Digits are
        // read exactly (as a float, 9007199254740993 is 2^53, and a seed past
        // its range was saved as the range's end); any other whole number
        // (`1e3`, or past i64) as a float, which the input types read as an
        // integer and the field's range holds to its bounds.
        FieldKind::Integer => match (raw.parse::<i64>(), raw.parse::<f64>()) {
            (Ok(n), _) => Ok(Value::from(n)),
            // "NaN", "inf": no number, not a long one.
            (_, Ok(n)) if !n.is_finite() => Err(not_a_number(raw)),
            (_, Ok(n)) if n.fract() != 0.0 => Err("must be a whole number".to_owned()),
            (_, Ok(n)) => Ok(Value::from(n)),
            (_, Err(_)) => Err(not_a_number(raw)),
        },
        FieldKind::Number => raw
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .and_then(|n| {
                // Whole numbers go in as integers so integer fields accept them.
                let whole = n.fract() == 0.0 && n.abs() <= MAX_WHOLE;
                if whole {
                    Some(Value::from(n as i64))
                } else {
                    serde_json::Number::from_f64(n).map(Value::Number)
                }
            })
            .ok_or_else(|| not_a_number(raw)),
        FieldKind::Boolean => match raw {
            "true" | "on" => Ok(Value::Bool(true)),
            "false" | "off" => Ok(Value::Bool(false)),
            _ => Err("must be true or false".to_owned()),
        },
        FieldKind::String => Ok(Value::String(raw.to_owned())),
        FieldKind::Object | FieldKind::Array => Err("cannot be set as one form field".to_owned()),
    }
}

pub(super) fn insert(root: &mut Map<String, Value>, path: &str, value: Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let leaf = parts.pop().unwrap_or(path);
    let mut node = root;
    for part in parts {
        let entry = node
            .entry(part.to_owned())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        node = entry.as_object_mut().expect("just made an object");
    }
    node.insert(leaf.to_owned(), value);
}

fn from_json(value: Value) -> Result<ScenarioInput, Vec<FieldError>> {
    // Paths come from the field table, so only a type the table and the input
    // types disagree on could fail here; report it on the whole document.
    serde_json::from_value(value).map_err(|e| vec![FieldError::new("", e.to_string())])
}
