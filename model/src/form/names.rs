//! The form's names: how controls and field errors name an input's values. A
//! concrete path names one value (`fleet[1].pools[0].workload.pods`), the field
//! table names its kind (`fleet[].pools[].workload.pods`, see [`table_path`]),
//! a range control names a bound of a number input
//! (`uncertainty.low.team.annual_cost_usd`), and a few controls are the page's
//! buttons. The planner form and the API share these names and limits.

use crate::fields::{FieldSpec, field_spec, table_path};
use crate::labels::{field_label, field_title, lower_first_word};

/// The most `name=value` pairs a planner form may send. The largest honest form
/// (every number input ranged, every line-item row filled, 20 groups of 10 pools
/// with every member) has fewer; a query over it is refused before it is decoded
/// or copied.
pub const MAX_FORM_PAIRS: usize = 5_000;

/// Longest link to the planner a page writes (`/?` and the query), some room
/// under [`MAX_URI_BYTES`]; at about 400 bytes a pool, that is some 160
/// pools. Past it a page says why instead.
pub const MAX_PLANNER_LINK_BYTES: usize = 60 * 1024;

/// The longest URI the server reads (hyper's limit): a longer one is a bare 414.
pub const MAX_URI_BYTES: usize = 65_534;

/// The planner link of `query`, when it is short enough to follow.
pub fn planner_link(query: &str) -> Option<String> {
    let link = format!("/?{query}");
    (link.len() <= MAX_PLANNER_LINK_BYTES).then_some(link)
}

/// `line_items[3].name` → `("line_items", 3, "name")`: a list item's member, as
/// form controls and field errors name it.
pub fn split_item_path(path: &str) -> Option<(&str, usize, &str)> {
    let (list, rest) = path.split_once('[')?;
    let (index, member) = rest.split_once("].")?;
    Some((list, index.parse().ok()?, member))
}

/// How people name the control at `path`, with where it is in the form:
/// `fleet[1].pools[0].instance_type` → `Group 2, pool 1: instance type`,
/// `line_items[2].name` → `Line item 3: name`, a range's bound
/// `uncertainty.low.team.annual_cost_usd` → `Team: annual cost (range, low)`.
/// The error summary and the list of what a save changes name fields by it.
pub fn control_title(path: &str) -> String {
    if let Some((bound, target)) = split_range_control(path) {
        return format!("{} (range, {bound})", field_title(target));
    }
    let Some((list, index, member)) = split_item_path(path) else {
        return field_title(path);
    };
    let (number, words) = (index + 1, |member: &str| {
        lower_first_word(&field_label(member))
    });
    match (list, split_item_path(member)) {
        ("fleet", Some(("pools", pool, member))) => {
            format!("Group {number}, pool {}: {}", pool + 1, words(member))
        }
        ("fleet", _) => format!("Group {number}: {}", words(member)),
        ("line_items", _) => format!("Line item {number}: {}", words(member)),
        (list, _) => format!("{} {number}: {}", field_label(list), words(member)),
    }
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

/// The planner's edit mode: the share id of the scenario the form saves a
/// revision of.
pub const EDIT: &str = "edit";
/// In edit mode, the revision the form was opened from: a save is refused
/// (nothing written) when another was saved after it.
pub const EDIT_REVISION: &str = "edit_revision";
/// The scenario's name, carried with the form.
pub const NAME: &str = "name";

/// The planner control that asks to write `clusters` × `workers` as a fleet.
pub const TO_FLEET: &str = "to_fleet";
/// The radio choosing how `workers` are sized: `workload` or `nodes`.
pub const SIZING: &str = "workers.sizing";

/// A planner button that adds a blank row to the list it names (`fleet`,
/// `fleet[0].pools`); it works without JavaScript, as a submit.
pub const ADD_ROW: &str = "add_row";
/// A planner button that removes the row it names (`fleet[1]`, `fleet[0].pools[2]`).
pub const REMOVE_ROW: &str = "remove_row";
