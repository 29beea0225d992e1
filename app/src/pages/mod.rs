//! One module per page of the site.

pub mod compare;
pub mod methodology;
pub mod not_found;
pub mod planner;
pub mod shared;
