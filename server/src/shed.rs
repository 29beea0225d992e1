//! Load shedding for costly routes: those that render (pages, the planner's
//! server functions, whose live `evaluate` draws four charts a call, and chart
//! SVGs; the imports have theirs, `crate::import_turns`). A request waits a
//! short while for one of a fixed number of slots; if none frees, it is
//! answered 503 with `Retry-After` at once, so a flood costs the server a
//! queue of bounded length instead of all its CPU and memory.
//!
//! A slot is held until the response body is finished: Leptos streams pages,
//! so the handler returns before the rendering work is done.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use tokio::sync::Semaphore;

use crate::api::ApiError;

/// What a shed request is asked to wait before trying again, in seconds.
pub(crate) const RETRY_AFTER_SECS: u64 = 2;

/// Slots for one kind of costly work and how long a request may wait for one.
#[derive(Clone, Debug)]
pub struct Slots {
    slots: Arc<Semaphore>,
    wait: Duration,
}

impl Slots {
    /// `count` rendering slots (at least one); a request waits up to `wait`.
    pub fn rendering(count: usize, wait: Duration) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(count.max(1))),
            wait,
        }
    }
}

/// Middleware: runs the request in a slot, or sheds it (see above).
pub async fn shed_load(State(slots): State<Slots>, request: Request, next: Next) -> Response {
    let slot = tokio::time::timeout(slots.wait, Arc::clone(&slots.slots).acquire_owned()).await;
    let Ok(Ok(slot)) = slot else {
        return busy(&request, "drawing other pages");
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
fn busy(request: &Request, busy_with: &str) -> Response {
    let error = ApiError::ServiceUnavailable {
        message: format!("the server is busy {busy_with}; try again in a few seconds"),
        retry_after_secs: RETRY_AFTER_SECS,
    };
    crate::refusal_page::refuse(request.headers(), "Clusterplan is busy", error)
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::http::StatusCode;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    /// A route whose answer's body never ends (a client that never reads it),
    /// behind `slots`: the status of a second request while the first answer
    /// is still being sent.
    async fn second_request(slots: Slots) -> StatusCode {
        let endless = || async {
            Body::from_stream(futures_util::stream::pending::<
                Result<Vec<u8>, std::io::Error>,
            >())
        };
        let app = Router::new()
            .route("/", get(endless))
            .route_layer(axum::middleware::from_fn_with_state(slots, shed_load));
        let request = || Request::get("/").body(Body::empty()).expect("request");
        let first = app.clone().oneshot(request()).await.expect("answer");
        let second = app.oneshot(request()).await.expect("answer");
        drop(first);
        second.status()
    }

    #[tokio::test]
    async fn a_rendering_slot_is_held_while_the_page_streams() {
        let wait = Duration::from_millis(50);
        let second = second_request(Slots::rendering(1, wait)).await;
        assert_eq!(
            second,
            StatusCode::SERVICE_UNAVAILABLE,
            "a page renders while it streams"
        );
    }
}
