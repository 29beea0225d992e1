//! Components shared by several pages.

pub mod hydration;
pub mod layout;
