//! Paths: how form controls, field errors and the field table name an input.
//! A concrete path names one value (`fleet[1].pools[0].workload.pods`), the table
//! names its kind (`fleet[].pools[].workload.pods`), and a range control names a
//! bound of a number input (`uncertainty.low.team.annual_cost_usd`). The planner
//! form and the API share these names, so they are defined here once.

use crate::fields::{FieldSpec, field_spec};

/// The most `name=value` pairs a planner form may send. The largest honest form
/// (every number input ranged, every line-item row filled) has fewer; a query
/// over it is refused before it is decoded or copied.
pub const MAX_FORM_PAIRS: usize = 1_000;

/// `line_items[3].name` → `("line_items", 3, "name")`: a list item's member, as
/// form controls and field errors name it.
pub fn split_item_path(path: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = path.split_once('[')?;
    let (index, member) = rest.split_once("].")?;
    Some((list, index.parse().ok()?, member))
}

/// The form control of one bound (`low` or `high`) of a range over the number
/// input `path`: `uncertainty.low.team.annual_cost_usd`.
pub fn range_control(bound: &str, path: &str) -> String {
    format!("uncertainty.{bound}.{path}")
}

/// `uncertainty.low.team.annual_cost_usd` → `("low", "team.annual_cost_usd")`.
pub fn split_range_control(key: &str) -> Option<(&str, &str)> {
    let rest = key.strip_prefix("uncertainty.")?;
    let (bound, path) = rest.split_once('.')?;
    matches!(bound, "low" | "high").then_some((bound, path))
}

/// The spec of any field path, list members at any depth included
/// (`fleet[1].pools[0].name` is described by `fleet[].pools[].name`, a range
/// control by `uncertainty.ranges[].low`).
pub fn field_spec_at(path: &str) -> Option<&'static FieldSpec> {
    if let Some((bound, _)) = split_range_control(path) {
        return field_spec(&format!("uncertainty.ranges[].{bound}"));
    }
    field_spec(&table_path(path))
}

/// A concrete path with its list indices dropped, as the table names it:
/// `fleet[2].pools[0].name` → `fleet[].pools[].name`.
pub fn table_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => in_index = true,
            ']' => {
                in_index = false;
                out.push_str("[]");
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}
