//! Load shedding for the routes that render: pages, the planner's server
//! functions (the live `evaluate` draws four charts a call) and chart SVGs.
//! A request waits a short while for one of a fixed number of slots; if none
//! frees, it is answered 503 with `Retry-After` at once, so a flood costs
//! the server a queue of bounded length instead of all its CPU and memory.
//!
//! The slot is held until the response body is finished: Leptos streams pages,
//! so the handler returns before the rendering work is done.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::api::ApiError;

/// What a shed request is asked to wait before trying again, in seconds.
const RETRY_AFTER_SECS: u64 = 2;

/// The rendering slots and how long a request may wait for one.
#[derive(Clone, Debug)]
pub struct RenderSlots {
    slots: Arc<Semaphore>,
    wait: Duration,
}

impl RenderSlots {
    /// `count` slots (at least one); a request waits up to `wait` for one.
    pub fn new(count: usize, wait: Duration) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(count.max(1))),
            wait,
        }
    }
}

/// Middleware: runs the request in a rendering slot, or sheds it (see above).
pub async fn shed_load(
    State(render): State<RenderSlots>,
    request: Request,
    next: Next,
) -> Response {
    let slot = tokio::time::timeout(render.wait, Arc::clone(&render.slots).acquire_owned()).await;
    let Ok(Ok(slot)) = slot else {
        return busy(&request);
    };
    let response = next.run(request).await;
    // The body owns the slot, so it is freed when the body is sent or dropped.
    response.map(|body| {
        Body::from_stream(futures_util::StreamExt::map(
            body.into_data_stream(),
            move |chunk| {
                let _held = &slot;
                chunk
            },
        ))
    })
}

/// 503 with `Retry-After`: a short page for a browser, a problem document else.
fn busy(request: &Request) -> Response {
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    if !wants_html {
        return ApiError::ServiceUnavailable {
            message: "the server is busy drawing other pages; try again shortly".into(),
            retry_after_secs: RETRY_AFTER_SECS,
        }
        .into_response();
    }
    let page = Html(concat!(
        "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<title>Busy · Clusterplan</title>",
        "<h1>Clusterplan is busy</h1>",
        "<p>Too many pages are being drawn at once. Reload in a few seconds.</p></html>"
    ));
    let mut response = (StatusCode::SERVICE_UNAVAILABLE, page).into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
    response
}
