//! The OpenAPI 3 document, generated from the handlers' and types' annotations so
//! it cannot drift from the code.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::json_bytes::JsonBytes;
use crate::limits::SERVER_MAX_BODY_BYTES;
use axum::body::Bytes;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
use utoipa::{Modify, OpenApi};

/// The `/api/v1` description served at `/api/v1/openapi.json`.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Clusterplan API",
        version = "1",
        description = "EKS versus self-hosted Kubernetes: calculate scenarios, save and share them, compare them, export them. Errors are application/problem+json (RFC 9457)."
    ),
    paths(
        super::calculate::calculate,
        super::calculate::batch,
        super::calculate::catalog,
        super::scenarios::create,
        super::scenarios::get,
        super::scenarios::update,
        super::scenarios::delete,
        super::scenarios::revision,
        super::scenarios::export_csv,
        super::forecast::csv,
        super::forecast::json,
        super::compare::compare,
        super::import::kubernetes,
    ),
    modifiers(&EditTokenScheme, &EveryRequest),
    tags(
        (name = "calculate", description = "Calculations that store nothing"),
        (name = "scenarios", description = "Saved, shareable scenarios"),
        (name = "import", description = "A running cluster read into a scenario; nothing stored"),
    )
)]
pub struct ApiDoc;

struct EditTokenScheme;

impl Modify for EditTokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "edit_token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// What the layers under every route refuse before any handler runs, on
/// every operation: a body that cannot be read (400, a broken chunk), one over
/// [`SERVER_MAX_BODY_BYTES`] (413), each for the operations that do not list
/// their own (those that read no body), and a URI over hyper's 64 KiB (414,
/// with no body: hyper answers it itself).
struct EveryRequest;

impl Modify for EveryRequest {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let kib = SERVER_MAX_BODY_BYTES / 1024;
        let problem = || {
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build()
        };
        let unreadable = ResponseBuilder::new()
            .description("A body sent without a length that cannot be read (a broken chunk).")
            .content("application/problem+json", problem())
            .build();
        let too_large = ResponseBuilder::new()
            .description(format!(
                "A body over {kib} KiB, refused before routing (this operation reads none)."
            ))
            .content("application/problem+json", problem())
            .build();
        let uri_too_long = ResponseBuilder::new()
            .description("A URI over 64 KiB, refused by the HTTP layer; no body.")
            .build();
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
            ];
            for operation in operations.into_iter().flatten() {
                let responses = &mut operation.responses.responses;
                responses
                    .entry("400".to_owned())
                    .or_insert_with(|| unreadable.clone().into());
                responses
                    .entry("413".to_owned())
                    .or_insert_with(|| too_large.clone().into());
                responses.insert("414".to_owned(), uri_too_long.clone().into());
            }
        }
    }
}

/// How many times this process built the document (once; see the tests).
static BUILDS: AtomicUsize = AtomicUsize::new(0);

/// The document as JSON, built once per process: it is the same for every
/// request, and building it walks every schema (milliseconds of CPU).
pub static DOCUMENT: LazyLock<serde_json::Value> = LazyLock::new(|| {
    BUILDS.fetch_add(1, Ordering::Relaxed);
    serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document serializes")
});

static DOCUMENT_BYTES: LazyLock<Bytes> =
    LazyLock::new(|| Bytes::from(DOCUMENT.to_string().into_bytes()));

/// `GET /api/v1/openapi.json`.
pub async fn document() -> JsonBytes {
    JsonBytes(DOCUMENT_BYTES.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::IntoResponse;

    #[tokio::test]
    async fn the_document_is_built_once_however_often_it_is_asked_for() {
        for _ in 0..3 {
            let response = document().await.into_response();
            let body = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await
                .unwrap();
            let doc: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(doc["openapi"].as_str().map(|v| &v[..2]), Some("3."));
            let _page = super::super::docs::body();
        }
        assert_eq!(BUILDS.load(Ordering::Relaxed), 1);
    }
}
