//! The JSON API under `/api/v1` (docs/MODEL.md §8.1): thin handlers over the service.

mod calculate;
mod compare;
mod docs;
pub mod error;
mod etag;
pub mod extract;
mod forecast;
mod import;
mod json_bytes;
mod openapi;
mod responses;
mod scenarios;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::Response;
use axum::routing::get;

pub use error::{ApiError, Problem};
pub use etag::{EntityTag, IfNoneMatch};
pub use extract::ApiPath;
pub use openapi::ApiDoc;

use crate::AppState;
use crate::limits::SERVER_MAX_BODY_BYTES;

/// The `/api/v1` routes, to be nested under that prefix.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/compare", get(compare::compare))
        .route("/scenarios", axum::routing::post(scenarios::create))
        .route(
            "/scenarios/{id}",
            get(scenarios::get)
                .put(scenarios::update)
                .delete(scenarios::delete),
        )
        .route("/scenarios/{id}/revisions/{n}", get(scenarios::revision))
        .route("/scenarios/{id}/export.csv", get(scenarios::export_csv))
        .route("/scenarios/{id}/forecast.csv", get(forecast::csv))
        .route("/scenarios/{id}/forecast.json", get(forecast::json))
        // Every answer above names a share link (the secret that reads a
        // scenario): keep it out of shared caches and search indexes.
        .layer(axum::middleware::map_response(keep_private))
        .route("/calculate", axum::routing::post(calculate::calculate))
        .route("/calculate/batch", axum::routing::post(calculate::batch))
        // kubectl's JSON of a large cluster runs to tens of MB: the body is
        // read in turn with the other imports (`crate::import_turns`), up to
        // the limit `crate::limits` gives this path.
        .route(
            "/import/kubernetes",
            axum::routing::post(import::kubernetes),
        )
        .route("/catalog", get(calculate::catalog))
        .route("/openapi.json", get(openapi::document))
        .route("/docs", get(docs::page))
        .fallback(not_found)
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(SERVER_MAX_BODY_BYTES))
}

/// Marks an answer private and unindexed ([`app::PRIVATE_HEADERS`]), whatever
/// the handler set.
pub(crate) async fn keep_private(mut response: Response) -> Response {
    for (name, value) in app::PRIVATE_HEADERS {
        response.headers_mut().insert(name, value);
    }
    response
}

/// Any path under `/api/v1` that no route takes: a 404 problem, never a page.
pub async fn not_found() -> ApiError {
    ApiError::NotFound("this API path".into())
}
