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
    /// Whether `/readyz` may say ready; cleared at the start of shutdown.
    pub readiness: Readiness,
    /// Write budgets per client address.
    pub write_limiter: std::sync::Arc<crate::ratelimit::WriteLimiter>,
    /// Longest a request may take (then 503 with Retry-After).
    pub request_timeout: std::time::Duration,
    /// The slots rendering routes run in (load shedding).
    pub render_slots: crate::shed::Slots,
    /// The bytes imports may hold as they arrive, and the one reading turn.
    pub import_turns: crate::import_turns::ImportTurns,
    /// Where same-site writes may come from besides the request's own host.
    pub trusted_origins: crate::cross_site::TrustedOrigins,
    /// Shared pages rendered once per revision.
    pub page_cache: crate::page_cache::PageCache,
}

/// A flag shared by the readiness probe and the shutdown sequence.
#[derive(Clone, Debug, Default)]
pub struct Readiness(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Readiness {
    /// A flag that starts ready.
    pub fn ready() -> Self {
        Self(std::sync::Arc::new(std::sync::atomic::AtomicBool::new(
            true,
        )))
    }

    /// Whether the server accepts new work.
    pub fn is_ready(&self) -> bool {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Marks the server as going away.
    pub fn set_not_ready(&self) {
        self.0.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}
