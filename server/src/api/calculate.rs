//! `POST /calculate` and `GET /catalog`: answers that store nothing.

use axum::Json;
use axum::extract::State;
use clusterplan_model::{CalculationResult, ScenarioInput};
use clusterplan_service::batch::BatchRequest;
use clusterplan_service::catalog::{CatalogFilter, CatalogQuery};
use clusterplan_service::{CatalogDocument, Service};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiError, Problem};
use super::extract::{ApiJson, ApiQuery, JsonDocument, NoQuery};
use super::json_bytes::JsonBytes;
use super::responses::{BodyProblems, CrossSite, QueryProblems, Unavailable};

/// Calculates a scenario without storing it. The same body sent again is
/// answered from memory (a calculation depends on nothing else).
#[utoipa::path(
    post, path = "/api/v1/calculate", tag = "calculate",
    request_body(content = ScenarioInput, description = "Any subset of the inputs; omitted fields take their defaults"),
    responses(
        (status = 200, description = "The calculation", body = CalculationResult),
        BodyProblems,
        CrossSite,
        Unavailable,
    )
)]
pub async fn calculate(
    State(service): State<Service>,
    _: NoQuery,
    JsonDocument(document): JsonDocument,
) -> Result<JsonBytes, ApiError> {
    Ok(JsonBytes(service.calculate_document(&document).await?))
}

/// `POST /calculate/batch`'s answer: one item per scenario, in order.
#[derive(Debug, Serialize, ToSchema)]
pub struct BatchResponse {
    /// The calculation of each scenario, or why it could not be calculated.
    pub results: Vec<BatchItem>,
}

/// One scenario's outcome in a batch.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum BatchItem {
    /// The scenario's calculation.
    Result {
        /// As `POST /calculate` answers it (boxed: it dwarfs a problem).
        result: Box<CalculationResult>,
    },
    /// Why the scenario was refused (a 422 problem; field paths are the scenario's).
    Error {
        /// As `POST /calculate` would answer it.
        error: Problem,
    },
}

/// Calculates up to 100 scenarios in one request, storing nothing. A bad
/// scenario is an error beside the others' results; the Monte Carlo samples of
/// the whole batch are capped at 100,000 (a 422 says so).
#[utoipa::path(
    post, path = "/api/v1/calculate/batch", tag = "calculate",
    request_body = BatchRequest,
    responses(
        (status = 200, description = "One result or problem per scenario, in order", body = BatchResponse),
        BodyProblems,
        CrossSite,
        Unavailable,
    )
)]
pub async fn batch(
    State(service): State<Service>,
    _: NoQuery,
    ApiJson(request): ApiJson<BatchRequest>,
) -> Result<Json<BatchResponse>, ApiError> {
    let results = service
        .calculate_batch(request)
        .await?
        .into_iter()
        .map(|outcome| match outcome {
            Ok(result) => BatchItem::Result {
                result: Box::new(result),
            },
            Err(error) => BatchItem::Error {
                error: ApiError::from(error).into_problem(),
            },
        })
        .collect();
    Ok(Json(BatchResponse { results }))
}

/// One page of the instance catalog (always with the date its prices were taken),
/// filtered by the query, and every input's default, unit, range and rationale.
#[utoipa::path(
    get, path = "/api/v1/catalog", tag = "calculate",
    params(CatalogQuery),
    responses(
        (status = 200, description = "A page of the catalog, and the defaults", body = CatalogDocument),
        QueryProblems,
        Unavailable,
    )
)]
pub async fn catalog(
    State(service): State<Service>,
    // An unknown or repeated parameter cannot be read: a 400 that names it.
    ApiQuery(query): ApiQuery<CatalogQuery>,
) -> Result<Json<CatalogDocument>, ApiError> {
    Ok(Json(service.catalog(&CatalogFilter::parse(&query)?)))
}
