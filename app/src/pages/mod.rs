//! One module per page of the router (the plain pages are `crate::plain_pages`).

pub mod compare;
pub mod not_found;
pub mod planner;
pub mod shared;
