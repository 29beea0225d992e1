//! Fills the defaults into an input: the input's JSON laid over the defaults' JSON.
//! Lenient on purpose: it never fails, so the semantic rules can still run (and
//! report) next to range errors; a field that already has an error takes its
//! default instead, and that error is what the caller reports.

use crate::error::FieldError;
use crate::fields::{field_spec, field_specs};
use crate::resolved::{LineItem, LineItemOption, LineItemPer, ResolvedInput, defaults};
use serde_json::{Map, Value};
use std::sync::LazyLock;

/// The defaults as JSON, the base every input is laid over.
static DEFAULTS_JSON: LazyLock<Value> =
    LazyLock::new(|| serde_json::to_value(defaults()).unwrap_or(Value::Null));

/// The resolved input: every absent (or already reported) field takes its default.
pub(crate) fn resolve(input: &Value, errors: &[FieldError]) -> ResolvedInput {
    let mut patch = input.clone();
    for error in errors {
        remove(&mut patch, &error.field);
    }
    if let Some(workers) = patch.get_mut("workers").and_then(Value::as_object_mut) {
        // Sending nodes_per_cluster replaces the default workload (and vice versa).
        if workers.contains_key("nodes_per_cluster") && !workers.contains_key("workload") {
            workers.insert("workload".to_owned(), Value::Null);
        }
        // An incomplete custom machine is reported by the structure rules.
        let complete = workers
            .get("custom")
            .and_then(Value::as_object)
            .is_some_and(|c| {
                ["vcpu", "memory_gib", "hourly_usd", "max_pods_vpc_cni"]
                    .iter()
                    .all(|member| c.get(*member).is_some_and(|v| !v.is_null()))
            });
        if !complete {
            workers.remove("custom");
        }
    }
    fill_member_defaults(&mut patch, "uncertainty");
    // Ranges missing a member are reported; the rest still resolve.
    if let Some(ranges) = patch
        .pointer_mut("/uncertainty/ranges")
        .and_then(Value::as_array_mut)
    {
        ranges.retain(|r| r["field"].is_string() && r["low"].is_number() && r["high"].is_number());
    }
    let items = patch
        .as_object_mut()
        .and_then(|root| root.remove("line_items"));
    let mut merged = DEFAULTS_JSON.clone();
    overlay(&mut merged, patch);
    let mut resolved: ResolvedInput =
        serde_json::from_value(merged).unwrap_or_else(|_| defaults().clone());
    resolved.line_items = items
        .as_ref()
        .and_then(Value::as_array)
        .map(|items| items.iter().map(line_item).collect())
        .unwrap_or_default();
    resolved
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

/// One line item with its members' defaults; a member that cannot be read (already
/// reported) takes its default too.
fn line_item(item: &Value) -> LineItem {
    let member = |name: &str| {
        let default = field_spec(&format!("line_items[].{name}"))
            .map(|s| s.default.clone())
            .unwrap_or(Value::Null);
        item.get(name)
            .filter(|v| !v.is_null())
            .cloned()
            .unwrap_or(default)
    };
    LineItem {
        name: item
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        option: serde_json::from_value(member("option")).unwrap_or(LineItemOption::Both),
        per: serde_json::from_value(member("per")).unwrap_or(LineItemPer::Month),
        monthly_usd: member("monthly_usd").as_f64().unwrap_or(0.0),
        one_off_usd: member("one_off_usd").as_f64().unwrap_or(0.0),
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
