//! Clusterplan's service layer: the one place that owns storage and use cases.
//!
//! Both the Leptos server functions (`app`) and the `/api/v1` handlers (`server`)
//! call this crate, so a rule is written once. It knows nothing of HTTP or views.

pub mod db;

pub use db::{Database, DbError};
