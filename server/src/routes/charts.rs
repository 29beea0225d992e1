//! `GET /s/{id}/charts/{name}.svg`: a saved scenario's chart at a stable URL, to
//! embed in a document.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use clusterplan_service::{Service, ServiceError};

use crate::api::{ApiError, ApiPath, EntityTag, IfNoneMatch};

/// The chart as `image/svg+xml`, tagged by its revision; unknown ids or chart
/// names are 404 problems.
pub async fn chart(
    State(service): State<Service>,
    ApiPath((id, file)): ApiPath<(String, String)>,
    held: IfNoneMatch,
) -> Result<Response, ApiError> {
    let name = file
        .strip_suffix(".svg")
        .ok_or_else(|| ServiceError::chart_not_found(&file))?;
    // The revision is looked up alone only for a client that holds a tag:
    // a first view reads it with the chart.
    let held_current = match held.is_empty() {
        true => None,
        false => {
            let revision = service.revision_number(&id, None).await?;
            Some(EntityTag::new("svg", revision, name)).filter(|tag| held.matches(tag))
        }
    };
    let answer = match held_current {
        Some(tag) => tag.not_modified(),
        None => {
            let (drawn, svg) = service.chart(&id, name).await?;
            EntityTag::new("svg", drawn, name).on(svg)
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            // The link is the share secret: keep the chart out of shared
            // caches. An embedding browser keeps it but asks each time (304
            // while the revision stands), so a change or a deletion shows at
            // once; `max-age=60` showed the old chart for a minute.
            (header::CACHE_CONTROL, "private, no-cache"),
            (
                header::HeaderName::from_static("x-robots-tag"),
                "noindex, nofollow",
            ),
            // Opened on its own, an SVG is a document that could run script or
            // load things; the sandbox allows neither (`<img>` embedding still works).
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; sandbox",
            ),
        ],
        answer,
    )
        .into_response())
}
