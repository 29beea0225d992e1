//! The OpenAPI 3 document, generated from the handlers' and types' annotations so
//! it cannot drift from the code.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
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
    ),
    modifiers(&EditTokenScheme),
    tags(
        (name = "calculate", description = "Calculations that store nothing"),
        (name = "scenarios", description = "Saved, shareable scenarios"),
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

/// `GET /api/v1/openapi.json`.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
