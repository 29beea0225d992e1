//! Fills the defaults into an input: the input's JSON laid over the defaults' JSON.
//! Lenient on purpose: it never fails, so the semantic rules can still run (and
//! report) next to range errors; a field that already has an error takes its
//! default instead, and that error is what the caller reports.

use crate::error::FieldError;
use crate::fields::{FieldKind, field_specs};
use crate::resolved::{ResolvedInput, defaults};
use serde_json::{Map, Value};
use std::sync::LazyLock;

mod sections;

/// The defaults as JSON, the base every input is laid over.
static DEFAULTS_JSON: LazyLock<Value> =
    LazyLock::new(|| serde_json::to_value(defaults()).unwrap_or(Value::Null));

/// The resolved input: every absent (or already reported) field takes its default.
/// Takes the input's JSON whole: it becomes the patch laid over the defaults.
pub(crate) fn resolve(mut patch: Value, errors: &[FieldError]) -> ResolvedInput {
    for error in errors {
        remove(&mut patch, &error.field);
    }
    if let Some(workers) = patch.get_mut("workers").and_then(Value::as_object_mut) {
        apply_sizing_rules(workers);
    }
    fill_member_defaults(&mut patch, "uncertainty");
    // Ranges missing a member are reported; the rest still resolve.
    if let Some(ranges) = patch
        .pointer_mut("/uncertainty/ranges")
        .and_then(Value::as_array_mut)
    {
        ranges.retain(|r| r["field"].is_string() && r["low"].is_number() && r["high"].is_number());
    }
    // Lists are resolved item by item: their members' defaults are per item.
    let items = patch.get("line_items").cloned();
    let fleet = patch.as_object_mut().and_then(|root| {
        root.remove("line_items");
        root.remove("fleet")
    });
    // Only the sections the input changes are laid over (sections.rs); the whole
    // defaults' JSON only for a member no section reads.
    let mut resolved = sections::lay(&DEFAULTS_JSON, &patch).unwrap_or_else(|| whole(patch));
    resolved.line_items = resolve_list(items.as_ref(), "line_items")
        .and_then(|items| serde_json::from_value(items).ok())
        .unwrap_or_default();
    resolved.fleet =
        resolve_list(fleet.as_ref(), "fleet").and_then(|fleet| serde_json::from_value(fleet).ok());
    if let Some(fleet) = &resolved.fleet {
        resolved.clusters = fleet.iter().map(|g| g.clusters).sum();
    }
    resolved
}

/// `patch` laid over the whole defaults' JSON and read back; the defaults when
/// that does not read (a field with an error already reported).
fn whole(patch: Value) -> ResolvedInput {
    let mut merged = DEFAULTS_JSON.clone();
    overlay(&mut merged, patch);
    serde_json::from_value(merged).unwrap_or_else(|_| defaults().clone())
}

/// The items of the list at `list` (`fleet`, `fleet[].pools`), each laid over its
/// members' defaults; `None` when the list is absent or not a list.
fn resolve_list(items: Option<&Value>, list: &str) -> Option<Value> {
    let items = items?.as_array()?;
    Some(Value::Array(
        items.iter().map(|item| resolve_item(item, list)).collect(),
    ))
}

/// One list item laid over its members' defaults. A required member that is
/// missing (already reported) takes an empty value of its kind, so the rest of
/// the item still resolves and its other rules still run.
fn resolve_item(item: &Value, list: &str) -> Value {
    let prefix = format!("{list}[].");
    let mut base = Map::new();
    let mut patch = item.clone();
    if let Some(members) = patch.as_object_mut() {
        apply_sizing_rules(members);
    }
    for spec in field_specs() {
        let Some(member) = spec.path.strip_prefix(&prefix) else {
            continue;
        };
        if member.contains(['.', '[']) {
            continue;
        }
        let value = match (spec.kind, &spec.default) {
            (FieldKind::Array, _) => {
                let nested = patch.get(member).cloned();
                let child = format!("{list}[].{member}");
                resolve_list(nested.as_ref(), &child).unwrap_or(Value::Array(Vec::new()))
            }
            (FieldKind::String, Value::Null) if spec.required => Value::from(""),
            (FieldKind::Integer | FieldKind::Number, Value::Null) if spec.required => {
                Value::from(spec.minimum.unwrap_or(0.0) as i64)
            }
            (_, default) => default.clone(),
        };
        if spec.kind == FieldKind::Array
            && let Some(members) = patch.as_object_mut()
        {
            members.insert(member.to_owned(), value.clone());
        }
        base.insert(member.to_owned(), value);
    }
    let mut merged = Value::Object(base);
    overlay(&mut merged, patch);
    merged
}

/// `nodes_per_cluster` sent without `workload` replaces the default workload, and
/// an incomplete custom machine (reported by the structure rules) is dropped.
fn apply_sizing_rules(members: &mut Map<String, Value>) {
    if members.contains_key("nodes_per_cluster") && !members.contains_key("workload") {
        members.insert("workload".to_owned(), Value::Null);
    }
    let complete = members
        .get("custom")
        .and_then(Value::as_object)
        .is_some_and(|c| {
            ["vcpu", "memory_gib", "hourly_usd", "max_pods_vpc_cni"]
                .iter()
                .all(|member| c.get(*member).is_some_and(|v| !v.is_null()))
        });
    if !complete {
        members.remove("custom");
    }
}

/// A nullable object whose default is null (`uncertainty`) replaces that null
/// whole, so its members that were left out take their table defaults here.
fn fill_member_defaults(patch: &mut Value, object: &str) {
    let Some(target) = patch.get_mut(object).and_then(Value::as_object_mut) else {
        return;
    };
    let prefix = format!("{object}.");
    for spec in field_specs() {
        let Some(member) = spec.path.strip_prefix(&prefix) else {
            continue;
        };
        if !member.contains(['.', '[']) && !spec.default.is_null() {
            target.entry(member).or_insert_with(|| spec.default.clone());
        }
    }
}

/// Whether [`overlay`] of `patch` on `base` leaves `base` as it is: every member
/// of `patch` is an object that changes nothing in an object `base` has there.
fn changes_nothing(base: &Value, patch: &Value) -> bool {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => patch
            .iter()
            .all(|(key, value)| base.get(key).is_some_and(|b| changes_nothing(b, value))),
        _ => false,
    }
}

/// Lays `patch` over `base`: objects member by member, anything else replaces.
fn overlay(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(base), Value::Object(patch)) => {
            for (key, value) in patch {
                overlay(base.entry(key).or_insert(Value::Null), value);
            }
        }
        (base, patch) => *base = patch,
    }
}

/// Removes the member at a reported path (`workers.custom.vcpu`,
/// `line_items[2].per`) so that it takes its default.
fn remove(root: &mut Value, path: &str) {
    let mut node = root;
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        let (name, index) = match key.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (key, None),
        };
        let last = keys.peek().is_none();
        let Some(object) = node.as_object_mut() else {
            return;
        };
        if last && index.is_none() {
            object.remove(name);
            return;
        }
        let Some(child) = object.get_mut(name) else {
            return;
        };
        node = match index {
            Some(i) => match child.get_mut(i) {
                Some(item) if !last => item,
                Some(item) => {
                    *item = Value::Object(Map::new());
                    return;
                }
                None => return,
            },
            None => child,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_read_back_from_their_json_are_the_defaults() {
        let read: ResolvedInput = serde_json::from_value(DEFAULTS_JSON.clone()).expect("reads");
        assert_eq!(&read, defaults());
        let empty = Value::Object(Map::new());
        assert_eq!(&resolve(empty, &[]), defaults());
        let sections = serde_json::json!({"eks": {}, "workers": {"workload": {}}});
        assert!(changes_nothing(&DEFAULTS_JSON, &sections));
        assert_eq!(&resolve(sections, &[]), defaults());
        // A member the defaults hold as null (or not at all) is a change.
        assert!(!changes_nothing(
            &DEFAULTS_JSON,
            &serde_json::json!({"nope": {}})
        ));
        assert!(!changes_nothing(
            &DEFAULTS_JSON,
            &serde_json::json!({"clusters": {}})
        ));
        let one = serde_json::json!({"eks": {"auto_mode": true}});
        assert!(!changes_nothing(&DEFAULTS_JSON, &one));
        assert_ne!(&resolve(one, &[]), defaults());
    }
}
