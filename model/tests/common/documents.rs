//! Input documents built field by field, for tests that walk the field table.

use serde_json::{Map, Value, json};

/// Sets the dotted `path` under `root`, making the objects on the way.
pub fn set(root: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            root.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let child = root.entry(head).or_insert_with(|| json!({}));
            if let Value::Object(child) = child {
                set(child, rest, value);
            }
        }
    }
}

/// Puts `number` at the table's `path` in an item where it is read (a list
/// member in a list's first item, a pool's in a group's first pool), and
/// returns the concrete path its error names: `fleet[0].pools[0].headroom_pct`.
pub fn place(root: &mut Map<String, Value>, path: &str, number: Value) -> String {
    let item = |value: Value| value.as_object().cloned().unwrap_or_default();
    let pool = item(json!({"name": "p", "instance_type": "m5.large"}));
    let (list, mut entry, member, concrete) = match path.split_once("[].") {
        None => {
            set(root, path, number);
            return path.to_owned();
        }
        Some(("fleet", member)) => match member.strip_prefix("pools[].") {
            Some(member) => ("fleet", pool, member, format!("fleet[0].pools[0].{member}")),
            None => (
                "fleet",
                item(json!({"name": "g", "clusters": 1})),
                member,
                format!("fleet[0].{member}"),
            ),
        },
        Some((list, member)) => (
            list,
            item(json!({"name": "x"})),
            member,
            format!("{list}[0].{member}"),
        ),
    };
    if member.starts_with("custom.") {
        set(&mut entry, "instance_type", json!("custom"));
        let custom =
            json!({"vcpu": 4, "memory_gib": 16, "hourly_usd": 0.1, "max_pods_vpc_cni": 58});
        set(&mut entry, "custom", custom);
    }
    set(&mut entry, member, number);
    let entry = match concrete.starts_with("fleet[0].pools[0].") {
        true => json!({"name": "g", "clusters": 1, "pools": [entry]}),
        false => Value::Object(entry),
    };
    root.insert(list.to_owned(), json!([entry]));
    concrete
}
