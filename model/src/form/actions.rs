//! The planner's buttons, applied to the form's pairs the same way by the page
//! (to draw the form) and the server (to calculate it): describe the plan as a
//! fleet, add a row, remove a row.

use super::names::{ADD_ROW, REMOVE_ROW, SIZING, TO_FLEET, split_range_control};
use crate::fields::{field_spec, table_path};

/// Whether form pairs describe a fleet (any `fleet[…]` control).
fn has_fleet<'a>(mut keys: impl Iterator<Item = &'a str>) -> bool {
    keys.any(|key| key.starts_with("fleet["))
}

/// The form pairs of a plain form written as the one-group fleet they mean, when
/// they ask for it with [`TO_FLEET`] and have no fleet yet: `clusters` becomes
/// `fleet[0].clusters` and `workers.*` the members of its one pool (those of the
/// sizing mode and machine in use), and ranges over what the fleet replaces go.
/// The page and the server apply it alike, so both render the same form.
fn plain_to_fleet(pairs: &[(String, String)]) -> Option<Vec<(String, String)>> {
    let asked = pairs.iter().any(|(k, _)| k == TO_FLEET);
    if !asked || has_fleet(pairs.iter().map(|(k, _)| k.as_str())) {
        return None;
    }
    let value = |key: &str| value_of(pairs, key).map(str::trim);
    let nodes = value(SIZING) == Some("nodes");
    let custom = value("workers.instance_type") == Some("custom");
    // The table's default, not `resolved::defaults()`: that would put every
    // resolved type's decoder into the browser's bundle.
    let default = || field_spec("clusters").map_or_else(String::new, |s| s.default.to_string());
    let clusters = value("clusters")
        .filter(|v| !v.is_empty())
        .map_or_else(default, str::to_owned);
    let mut out = vec![
        (
            "fleet[0].name".to_owned(),
            crate::fleet::PLAIN_GROUP.to_owned(),
        ),
        ("fleet[0].clusters".to_owned(), clusters),
        (
            "fleet[0].pools[0].name".to_owned(),
            crate::fleet::PLAIN_POOL.to_owned(),
        ),
    ];
    for (key, raw) in pairs {
        let pool_member = match key.as_str() {
            TO_FLEET | SIZING | "clusters" => continue,
            "self_hosted.worker_hourly_usd" => "self_hosted_hourly_usd",
            _ => match key.strip_prefix("workers.") {
                Some(member) => member,
                None => {
                    let ranged = split_range_control(key).map(|(_, path)| path);
                    if ranged.is_some_and(crate::fleet::replaced_by_fleet) {
                        continue;
                    }
                    out.push((key.clone(), raw.clone()));
                    continue;
                }
            },
        };
        let unused = (nodes && pool_member.starts_with("workload."))
            || (!nodes && pool_member == "nodes_per_cluster")
            || (!custom && pool_member.starts_with("custom."));
        if !unused {
            out.push((format!("fleet[0].pools[0].{pool_member}"), raw.clone()));
        }
    }
    Some(out)
}

/// The value of control `key` in pairs that name each control once (as
/// [`apply_form_actions`] leaves them).
pub(super) fn value_of<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Keeps the last pair of each control given twice (only by hand: the page
/// names each once), where it stood, an empty one included: everything that
/// reads the pairs then agrees on one value. The buttons may repeat.
fn last_of_each(pairs: &mut Vec<(String, String)>) {
    let mut seen = std::collections::HashSet::new();
    let mut keep: Vec<bool> = pairs
        .iter()
        .rev()
        .map(|(k, _)| k == ADD_ROW || k == REMOVE_ROW || seen.insert(k.as_str()))
        .collect();
    keep.reverse();
    let mut flags = keep.into_iter();
    pairs.retain(|_| flags.next().unwrap_or(true));
}

/// The most row buttons ([`ADD_ROW`], [`REMOVE_ROW`]) one form applies; the
/// rest are dropped. A page sends one per click.
pub const MAX_FORM_ACTIONS: usize = 20;

/// The form pairs with the planner's buttons applied: [`TO_FLEET`] written out as a
/// fleet, [`REMOVE_ROW`] rows dropped, [`ADD_ROW`] lists given a blank row (a new
/// group comes with a blank pool). The page and the server apply it alike, so the
/// form shown and the scenario calculated agree; blank rows count for nothing.
pub fn apply_form_actions(pairs: &[(String, String)]) -> Vec<(String, String)> {
    let mut unique = pairs.to_vec();
    last_of_each(&mut unique);
    let mut out = plain_to_fleet(&unique).unwrap_or(unique);
    // A click is one action; a hand-made address may hold thousands, each of
    // which scanned every pair (4,500 took 1.3 s of a render slot).
    let actions: Vec<(String, String)> = out
        .iter()
        .filter(|(k, _)| k == ADD_ROW || k == REMOVE_ROW)
        .take(MAX_FORM_ACTIONS)
        .cloned()
        .collect();
    out.retain(|(k, _)| k != ADD_ROW && k != REMOVE_ROW && k != TO_FLEET);
    for (action, row) in actions {
        if action == REMOVE_ROW && row.ends_with(']') {
            out.retain(|(k, _)| {
                !(k.starts_with(row.as_str())
                    && matches!(k.as_bytes().get(row.len()), Some(b'.' | b'[')))
            });
            continue;
        }
        let list = row.as_str();
        let is_list =
            field_spec(&table_path(list)).is_some_and(|s| s.kind == crate::FieldKind::Array);
        if action != ADD_ROW || !is_list {
            continue;
        }
        let next = out
            .iter()
            .filter_map(|(k, _)| k.strip_prefix(list)?.strip_prefix('[')?.split_once(']'))
            .filter_map(|(index, _)| index.parse::<usize>().ok())
            .max()
            .map_or(Some(0), |max| max.checked_add(1));
        // A hand-made row at the largest index leaves no room after it.
        let Some(next) = next else {
            continue;
        };
        out.push((format!("{list}[{next}].name"), String::new()));
        if list == "fleet" {
            out.push((format!("fleet[{next}].pools[0].name"), String::new()));
        }
    }
    out
}

/// The rows of the fleet in the pairs (`fleet[0]`, `fleet[0].pools[1]`, …), in
/// order: the page re-draws its fleet editor only when these change.
pub fn fleet_rows<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut rows: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for key in keys.filter(|k| k.starts_with("fleet[")) {
        for (end, _) in key.match_indices(']') {
            let row = &key[..=end];
            if seen.insert(row) {
                rows.push(row);
            }
        }
    }
    rows
}
