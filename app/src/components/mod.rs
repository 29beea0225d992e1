//! Components shared by several pages.

pub mod errors;
pub mod fields;
pub mod hydration;
pub mod layout;
pub mod line_items;
pub mod live;
pub mod ranges;
