//! The state every handler can extract, split into parts with `FromRef`.

use axum::extract::FromRef;
use clusterplan_service::Service;
use leptos::config::LeptosOptions;

/// Shared, cheaply cloneable application state.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    /// Leptos' site settings (output name, site root), needed to render pages.
    pub leptos_options: LeptosOptions,
    /// The use cases over the process' one connection pool.
    pub service: Service,
}
