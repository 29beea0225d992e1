//! `GET /s/{id}/charts/{name}.svg`: a saved scenario's chart at a stable URL, to
//! embed in a document.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use clusterplan_service::Service;

use crate::api::{ApiError, ApiPath};

/// The chart as `image/svg+xml`; unknown ids or chart names are 404 problems.
pub async fn chart(
    State(service): State<Service>,
    ApiPath((id, file)): ApiPath<(String, String)>,
) -> Result<Response, ApiError> {
    let name = file
        .strip_suffix(".svg")
        .ok_or_else(|| ApiError::NotFound(format!("chart {file}")))?;
    let svg = service.chart(&id, name).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            // The link is the share secret: keep the chart out of shared caches.
            (header::CACHE_CONTROL, "private, max-age=60"),
            // Opened on its own, an SVG is a document that could run script or
            // load things; the sandbox allows neither (`<img>` embedding still works).
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            ),
        ],
        svg,
    )
        .into_response())
}
