//! Liveness and readiness probes for orchestrators.

use axum::{extract::State, http::StatusCode};
use clusterplan_service::Service;

use crate::state::Readiness;

/// `GET /healthz`: the process is up. Touches nothing, so it never flaps with the database.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: 200 when the database answers, 503 otherwise, and 503 from the
/// moment shutdown begins.
pub async fn readyz(
    State(service): State<Service>,
    State(readiness): State<Readiness>,
) -> (StatusCode, &'static str) {
    if !readiness.is_ready() {
        return (StatusCode::SERVICE_UNAVAILABLE, "shutting down");
    }
    match service.database().ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
