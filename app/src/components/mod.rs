//! Components shared by several pages.

pub mod deferred;
pub mod errors;
pub mod fields;
pub mod fleet;
mod fleet_rows;
pub mod hydration;
#[cfg(feature = "ssr")]
pub mod landing;
pub mod layout;
pub mod line_items;
pub mod list_control;
pub mod live;
pub mod ranges;
pub mod results;
pub mod row_focus;
pub mod save;
pub mod type_input;

/// The HTML id of the form control for a field path, list members included:
/// `workers.headroom_pct` → `f-workers-headroom_pct`, `line_items[2].name` →
/// `f-line_items-2-name`. Labels, hints, errors and tests find controls by it.
pub fn field_id(path: &str) -> String {
    let flat = path.replace('[', "-").replace(']', "").replace('.', "-");
    format!("f-{flat}")
}
