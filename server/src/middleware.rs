//! The tower layers around every route, outermost first:
//!
//! 1. request id: always our own (a client's `x-request-id` is dropped, so logs
//!    never carry text a client chose), set before anything else so every log
//!    line can carry it;
//! 2. trace: one span per request with method, matched route pattern and request
//!    id; never the raw path (share ids are secrets) nor headers (edit tokens);
//! 3. propagate the request id to the response, for support requests;
//! 4. security headers that hold for every response; inside them (so its 400
//!    has them), a request without exactly one `Host` is refused (RFC 9112);
//! 5. compression, outside the timeout so slow clients do not count against it;
//! 6. timeout, so a stuck request cannot hold a connection for ever; it answers
//!    503 with `Retry-After`, and never once a write has begun committing
//!    (`crate::timeout`);
//! 7. body limit for every route (server functions too): 320 KiB, 32 MiB for
//!    the imports (API and page); a declared length above it is a 413 problem
//!    before the body is read (the import page answers it as a page, still
//!    unread), a longer body is cut off at the limit while it is read;
//! 8. panic catching, innermost, so a panic becomes a 500 problem document that
//!    the layers above still log, time and tag.

use std::time::Duration;

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::MatchedPath;
use axum::http::{HeaderName, HeaderValue, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::api::ApiError;
use crate::limits::{SERVER_MAX_BODY_BYTES, body_limit, refused_before_routing};

/// Longest a request may take before it is answered 503, unless configured
/// otherwise (`CLUSTERPLAN_REQUEST_TIMEOUT_SECS`).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Wraps `router` in the layers above.
pub fn apply(router: Router) -> Router {
    apply_with_timeout(router, REQUEST_TIMEOUT)
}

/// [`apply`] with another request timeout (tests use a short one).
pub fn apply_with_timeout(router: Router, timeout: Duration) -> Router {
    router.layer(
        ServiceBuilder::new()
            .layer(axum::middleware::map_request(drop_client_request_id))
            .layer(SetRequestIdLayer::new(REQUEST_ID, RandomRequestId))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(request_span)
                    .on_response(DefaultOnResponse::new().level(Level::INFO)),
            )
            .layer(PropagateRequestIdLayer::new(REQUEST_ID))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::REFERRER_POLICY,
                // Our own origin gets the page's URL, no one else anything: a
                // form post without JavaScript is sent back to that page
                // (Leptos redirects to the `Referer`; with none, to `/`).
                HeaderValue::from_static("same-origin"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_FRAME_OPTIONS,
                HeaderValue::from_static("DENY"),
            ))
            .layer(axum::middleware::map_request(crate::host::require_one_host))
            .layer(CompressionLayer::new())
            .layer(axum::middleware::from_fn_with_state(
                timeout,
                crate::timeout::answer_in_time,
            ))
            .layer(axum::middleware::map_response(problem_for_bare_status))
            .layer(axum::middleware::from_fn(limit_body))
            .layer(CatchPanicLayer::custom(panic_response)),
    )
}

/// The body limit of the request's path (tower-http's `RequestBodyLimitLayer`
/// has one limit for every route, and the import needs a larger one than the
/// rest): a `Content-Length` above it is refused at once, unread; a body sent
/// without one stops at the limit, which the extractors answer 413. Outside
/// the imports (which stream theirs), a body without a length is read here,
/// up to the limit: the server functions' own reading answered its end with a
/// 400 or a redirect, not 413.
async fn limit_body(request: Request<Body>, next: axum::middleware::Next) -> Response {
    let limit = body_limit(request.uri().path());
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let path = request.uri().path();
    if declared.is_some_and(|length| length > limit as u64) && refused_before_routing(path) {
        return ApiError::PayloadTooLarge.into_response();
    }
    let (parts, body) = request.into_parts();
    let body = match declared {
        // A GET's empty body is passed on untouched (no read, no copy).
        None if limit == SERVER_MAX_BODY_BYTES && !body.is_end_stream() => {
            match axum::body::to_bytes(body, limit).await {
                Ok(bytes) => Body::from(bytes),
                Err(error) => return ApiError::unread_body(error).into_response(),
            }
        }
        _ => Body::new(http_body_util::Limited::new(body, limit)),
    };
    next.run(Request::from_parts(parts, body)).await
}

async fn drop_client_request_id(mut request: Request<Body>) -> Request<Body> {
    request.headers_mut().remove(REQUEST_ID);
    request
}

fn request_span(request: &Request<Body>) -> tracing::Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(static or unmatched)", MatchedPath::as_str);
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!("request", method = %request.method(), route, request_id = id)
}

/// The body limit answers 413 without a body; say it as every other error is
/// said. A page's own 413 (the import page's) is already said.
async fn problem_for_bare_status<B>(response: axum::http::Response<B>) -> Response
where
    B: axum::body::HttpBody<Data = axum::body::Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    let is_said = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| {
            let v = v.as_bytes();
            v.starts_with(b"application/problem+json") || v.starts_with(b"text/html")
        });
    match (response.status(), is_said) {
        (StatusCode::PAYLOAD_TOO_LARGE, false) => ApiError::PayloadTooLarge.into_response(),
        _ => response.map(Body::new),
    }
}

fn panic_response(_: Box<dyn std::any::Any + Send>) -> Response {
    ApiError::Internal("a handler panicked".into()).into_response()
}

/// Request ids from the OS random source: unguessable, so they reveal nothing
/// about traffic volume.
#[derive(Clone, Copy)]
struct RandomRequestId;

impl MakeRequestId for RandomRequestId {
    fn make_request_id<B>(&mut self, _: &Request<B>) -> Option<RequestId> {
        HeaderValue::from_str(&clusterplan_service::secrets::new_id())
            .ok()
            .map(RequestId::new)
    }
}

#[cfg(test)]
mod tests {
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    #[tokio::test]
    async fn a_panicking_handler_becomes_a_500_problem_with_the_common_headers() {
        let app = apply(Router::new().route(
            "/boom",
            get(|| async {
                if true {
                    panic!("handler bug");
                }
            }),
        ));

        let response = app
            .oneshot(
                Request::get("/boom")
                    .header(header::HOST, "x")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("a response, not a dropped connection");

        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "application/problem+json"
        );
        assert_eq!(
            response.headers()[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff"
        );
        assert!(response.headers().contains_key(REQUEST_ID));
    }

    #[tokio::test]
    async fn the_request_id_is_always_our_own() {
        let app = apply(Router::new().route("/", get(|| async { "ok" })));
        let request = Request::get("/")
            .header(REQUEST_ID, "chosen-by-the-client")
            .body(Body::empty())
            .expect("request");
        let response = app.oneshot(request).await.expect("a response");
        let id = response.headers()[REQUEST_ID].to_str().expect("text");
        assert_ne!(id, "chosen-by-the-client");
        assert_eq!(id.len(), 22, "a fresh 128-bit id: {id}");
    }
}
