//! The line-items editor of the planner form: rows of `line_items[N].member`
//! controls. Rows may have gaps (the browser adds and removes rows), and blank rows
//! (no name, no amounts) are left out, so the N-th form row is not always the N-th
//! item: [`ItemRows`] maps the model's item paths back to the form's rows.

use clusterplan_model::{FieldError, field_spec, split_item_path};
use serde_json::{Map, Value};

/// The form list whose rows this module reads.
pub const LIST: &str = "line_items";
/// Members a blank row leaves empty; `option` and `per` are selects and always set.
const TYPED_MEMBERS: [&str; 3] = ["name", "monthly_usd", "one_off_usd"];

/// `line_items[3].name` → `(3, "name")`.
fn row_member(key: &str) -> Option<(usize, &str)> {
    match split_item_path(key)? {
        (LIST, row, member) => Some((row, member)),
        _ => None,
    }
}

/// The form row of each item, in item order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemRows(Vec<usize>);

impl ItemRows {
    /// Rewrites `line_items[k]…` (the k-th item) to its form row `line_items[row]…`,
    /// so an error lands beside the control that caused it.
    pub fn to_form(&self, errors: Vec<FieldError>) -> Vec<FieldError> {
        errors
            .into_iter()
            .map(|error| match row_member(&error.field) {
                Some((item, member)) => {
                    let row = self.0.get(item).copied().unwrap_or(item);
                    FieldError::new(format!("{LIST}[{row}].{member}"), error.message)
                }
                None => error,
            })
            .collect()
    }
}

/// The items the rows describe (as JSON objects), type errors at their form paths,
/// and the form row of each item.
pub fn parse(pairs: &[(String, String)]) -> (Vec<Value>, Vec<FieldError>, ItemRows) {
    let mut rows: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (key, raw) in pairs {
        let Some((row, member)) = row_member(key) else {
            continue;
        };
        match rows.iter_mut().find(|(r, _)| *r == row) {
            Some((_, members)) => members.push((member, raw.trim())),
            None => rows.push((row, vec![(member, raw.trim())])),
        }
    }
    rows.sort_by_key(|(row, _)| *row);
    let mut items = Vec::new();
    let mut errors = Vec::new();
    let mut item_rows = Vec::new();
    for (row, members) in rows {
        let blank = members
            .iter()
            .all(|(member, raw)| raw.is_empty() || !TYPED_MEMBERS.contains(member));
        if blank {
            continue;
        }
        let mut item = Map::new();
        for (member, raw) in members {
            let spec = field_spec(&format!("{LIST}[].{member}"));
            let (Some(spec), false) = (spec, raw.is_empty()) else {
                continue;
            };
            match super::value(spec.kind, raw) {
                Ok(value) => {
                    item.insert(member.to_owned(), value);
                }
                Err(message) => {
                    errors.push(FieldError::new(format!("{LIST}[{row}].{member}"), message))
                }
            }
        }
        items.push(Value::Object(item));
        item_rows.push(row);
    }
    (items, errors, ItemRows(item_rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn blank_rows_are_skipped_and_errors_find_their_row() {
        let form = pairs(&[
            ("line_items[0].name", ""),
            ("line_items[0].per", "month"),
            ("line_items[4].name", "Licence"),
            ("line_items[4].monthly_usd", "x"),
            ("line_items[2].monthly_usd", "10"),
            ("line_items[2].per", "node"),
        ]);
        let (items, errors, rows) = parse(&form);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["monthly_usd"], 10);
        assert_eq!(items[1]["name"], "Licence");
        assert_eq!(
            errors,
            vec![FieldError::new(
                "line_items[4].monthly_usd",
                "must be a number"
            )]
        );
        // The model calls the unnamed second row's item `line_items[0]`.
        let mapped = rows.to_form(vec![FieldError::new("line_items[0].name", "is required")]);
        assert_eq!(mapped[0].field, "line_items[2].name");
    }
}
