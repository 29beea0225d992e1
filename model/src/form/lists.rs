//! The list editors of the planner form: rows of `list[N].member` controls at any
//! depth (`line_items[2].name`, `fleet[1].pools[0].workload.pods`), for every list
//! of the field table. Rows may have gaps (rows are added and removed) and blank
//! rows are left out, so the N-th form row is not always the N-th item:
//! [`ItemRows`] maps the model's item paths back to the form's rows.

use crate::{FieldError, FieldKind, field_spec, field_spec_at};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Rows of one list, by form row number.
type Rows<'a> = BTreeMap<usize, Row<'a>>;

/// One row: its own members' raw values and its nested lists' rows.
#[derive(Default)]
struct Row<'a> {
    members: Vec<(&'a str, &'a str)>,
    lists: BTreeMap<&'a str, Rows<'a>>,
}

/// `fleet[1].pools[0].name` → `[("fleet", 1), ("pools", 0)]` and `name`.
fn split(key: &str) -> Option<(Vec<(&str, usize)>, &str)> {
    let mut rows = Vec::new();
    let mut rest = key;
    while let Some((head, tail)) = rest.split_once('[') {
        let (index, after) = tail.split_once(']')?;
        rows.push((head.trim_start_matches('.'), index.parse().ok()?));
        rest = after;
        if !rest.starts_with('.') {
            return None;
        }
    }
    let member = rest.strip_prefix('.')?;
    (!rows.is_empty()).then_some((rows, member))
}

/// The form row of each item, as `(model prefix, form prefix)` pairs such as
/// `("fleet[0].pools[1]", "fleet[2].pools[3]")`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemRows(Vec<(String, String)>);

impl ItemRows {
    /// Rewrites an item's path (`line_items[k]…`, the k-th item) to its form row,
    /// so an error lands beside the control that caused it.
    pub fn to_form(&self, errors: Vec<FieldError>) -> Vec<FieldError> {
        errors
            .into_iter()
            .map(|error| FieldError::new(self.control(&error.field), error.message))
            .collect()
    }

    /// The form control of the model's path `path` (`fleet[0].pools[1].name` →
    /// `fleet[2].pools[3].name`); a path outside every item is its own control.
    pub fn control(&self, path: &str) -> String {
        let longest = self
            .0
            .iter()
            .filter(|(model, _)| {
                path.starts_with(model.as_str())
                    && matches!(path.as_bytes().get(model.len()), None | Some(b'.'))
            })
            .max_by_key(|(model, _)| model.len());
        match longest {
            Some((model, form)) => format!("{form}{}", &path[model.len()..]),
            None => path.to_owned(),
        }
    }
}

/// Every list the rows describe (as JSON arrays by list name), type errors at their
/// form paths, and the form row of each item.
pub fn parse(pairs: &[(String, String)]) -> (Map<String, Value>, Vec<FieldError>, ItemRows) {
    let mut lists: BTreeMap<&str, Rows> = BTreeMap::new();
    for (key, raw) in pairs {
        // Only members the table knows (range controls and page keys are not).
        if let (Some((rows, member)), Some(_)) = (split(key), field_spec_at(key)) {
            insert(&mut lists, &rows, member, raw.trim());
        }
    }
    let mut out = Map::new();
    let mut errors = Vec::new();
    let mut item_rows = ItemRows::default();
    for (list, rows) in &lists {
        let at = Paths {
            model: (*list).to_owned(),
            form: (*list).to_owned(),
            table: (*list).to_owned(),
        };
        let items = build(&at, rows, &mut errors, &mut item_rows);
        out.insert((*list).to_owned(), Value::Array(items));
    }
    (out, errors, item_rows)
}

fn insert<'a>(
    lists: &mut BTreeMap<&'a str, Rows<'a>>,
    rows: &[(&'a str, usize)],
    member: &'a str,
    raw: &'a str,
) {
    let Some(((list, index), rest)) = rows.split_first() else {
        return;
    };
    let row = lists.entry(list).or_default().entry(*index).or_default();
    match rest.is_empty() {
        true => row.members.push((member, raw)),
        false => insert(&mut row.lists, rest, member, raw),
    }
}

/// A list's path as the model, the form and the table name it.
struct Paths {
    model: String,
    form: String,
    table: String,
}

/// Whether a member is typed by hand (a text or number box), as opposed to a
/// select or a checkbox that always sends a value.
fn typed(table: &str, member: &str) -> bool {
    field_spec(&format!("{table}[].{member}"))
        .is_some_and(|s| s.choices().is_empty() && s.kind != FieldKind::Boolean)
}

/// Whether a row of the list at `table` (`line_items`, `fleet[].pools`) whose
/// members are `members` has nothing typed in it: its selects and checkboxes
/// always send a value, so a row left as the form offered it still sends pairs.
/// Such a row counts for nothing (nested lists aside, see [`blank`]).
pub fn nothing_typed<'a>(
    table: &str,
    mut members: impl Iterator<Item = (&'a str, &'a str)>,
) -> bool {
    members.all(|(member, raw)| raw.is_empty() || !typed(table, member))
}

/// A row with nothing typed in it, nor in any of its nested rows.
fn blank(table: &str, row: &Row) -> bool {
    nothing_typed(table, row.members.iter().copied())
        && row.lists.iter().all(|(name, rows)| {
            let table = format!("{table}[].{name}");
            rows.values().all(|r| blank(&table, r))
        })
}

/// The members a row's choices leave in force: a custom machine's only with
/// instance type `custom`, the workload's only without an explicit node count.
fn in_force<'a>(members: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let value = |name: &str| members.iter().find(|(m, _)| *m == name).map(|(_, v)| *v);
    let custom = value("instance_type") == Some("custom");
    let explicit = value("nodes_per_cluster").is_some_and(|v| !v.is_empty());
    members
        .iter()
        .filter(|(member, raw)| {
            !raw.is_empty()
                && (custom || !member.starts_with("custom."))
                && (!explicit || !member.starts_with("workload."))
        })
        .copied()
        .collect()
}

fn build(
    at: &Paths,
    rows: &Rows,
    errors: &mut Vec<FieldError>,
    item_rows: &mut ItemRows,
) -> Vec<Value> {
    let mut items = Vec::new();
    for (index, row) in rows {
        if blank(&at.table, row) {
            continue;
        }
        let model = format!("{}[{}]", at.model, items.len());
        let form = format!("{}[{index}]", at.form);
        item_rows.0.push((model.clone(), form.clone()));
        let mut item = Map::new();
        for (member, raw) in in_force(&row.members) {
            let Some(spec) = field_spec(&format!("{}[].{member}", at.table)) else {
                continue;
            };
            match super::pairs::value(spec.kind, raw) {
                Ok(value) => super::pairs::insert(&mut item, member, value),
                Err(message) => errors.push(FieldError::new(format!("{form}.{member}"), message)),
            }
        }
        for (name, nested) in &row.lists {
            let paths = Paths {
                model: format!("{model}.{name}"),
                form: format!("{form}.{name}"),
                table: format!("{}[].{name}", at.table),
            };
            let values = build(&paths, nested, errors, item_rows);
            item.insert((*name).to_owned(), Value::Array(values));
        }
        items.push(Value::Object(item));
    }
    items
}

#[cfg(test)]
mod tests;
