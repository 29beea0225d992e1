//! Liveness and readiness probes for orchestrators.

use axum::{extract::State, http::StatusCode};
use clusterplan_service::Service;

/// `GET /healthz`: the process is up. Touches nothing, so it never flaps with the database.
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: 200 when the database answers, 503 otherwise.
pub async fn readyz(State(service): State<Service>) -> (StatusCode, &'static str) {
    match service.database().ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
