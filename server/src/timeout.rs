//! The request timeout, honest about writes. A request that takes too long is
//! answered 503 with `Retry-After` (not 408, which browsers resend on their own:
//! a slow save could run twice), and that 503 promises nothing was written: the
//! handler is dropped, and a transaction it had open rolls back as it drops.
//!
//! A handler that has begun committing is past that point: its `COMMIT` may
//! already be at the database, so dropping it could leave the write stored
//! behind a 503. Such a handler is not cut short; the timeout waits for its own
//! answer (2xx once stored, or the commit's error). Store writes mark that point
//! on a [`CommitWatch`]; after it only the commit and building the answer are
//! left (results are calculated before the write), so the overrun is the
//! commit's time, milliseconds.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use clusterplan_service::CommitWatch;

use crate::api::ApiError;

/// What a timed-out request is asked to wait before trying again, in seconds.
const RETRY_AFTER_SECS: u64 = 5;

/// Middleware: the request's answer, or 503 once `limit` (more for an import's
/// upload) has passed unless the request has begun committing a write (see
/// above).
pub async fn answer_in_time(
    State(limit): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    // An import's body may take minutes on a slow link: the upload is given
    // time of its own (`crate::limits::time_limit`).
    let limit = crate::limits::time_limit(&request, limit);
    let watch = CommitWatch::default();
    let work = watch.watch(next.run(request));
    tokio::pin!(work);
    // `biased`: an answer that is ready wins over a deadline that is too.
    tokio::select! {
        biased;
        response = &mut work => response,
        () = tokio::time::sleep(limit) => {
            // Exact, not racy: the handler runs only when this task polls it,
            // so it cannot reach its commit between this check and the drop.
            if watch.has_begun_commit() {
                tracing::warn!(?limit, "past the request timeout while committing; answering when done");
                work.await
            } else {
                timed_out()
            }
        }
    }
}

fn timed_out() -> Response {
    ApiError::ServiceUnavailable {
        message: "the request took too long and was stopped; nothing was saved; try again".into(),
        retry_after_secs: RETRY_AFTER_SECS,
    }
    .into_response()
}

#[cfg(test)]
mod tests {
    use axum::Router;
    use axum::body::Body;
    use axum::http::{StatusCode, header};
    use axum::routing::get;
    use tower::ServiceExt;

    use crate::middleware::apply_with_timeout;

    use super::*;

    async fn answer(handler: Router) -> Response {
        let app = apply_with_timeout(handler, Duration::from_millis(50));
        let request = Request::get("/")
            .header("host", "x")
            .body(Body::empty())
            .expect("request");
        app.oneshot(request).await.expect("a response")
    }

    #[tokio::test]
    async fn a_request_that_times_out_is_a_503_problem_with_retry_after() {
        let response = answer(Router::new().route(
            "/",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            }),
        ))
        .await;

        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/problem+json"
        );
        assert_eq!(response.headers()[header::RETRY_AFTER], "5");
    }

    #[tokio::test]
    async fn a_request_committing_at_the_timeout_gets_its_own_answer() {
        let response = answer(Router::new().route(
            "/",
            get(|| async {
                clusterplan_service::commit::begin_commit();
                // A commit still under way when the deadline passes.
                tokio::time::sleep(Duration::from_millis(300)).await;
                (StatusCode::CREATED, "stored")
            }),
        ))
        .await;

        assert_eq!(response.status(), StatusCode::CREATED);
    }
}
