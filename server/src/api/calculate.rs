//! `POST /calculate` and `GET /catalog`: answers that store nothing.

use axum::Json;
use axum::extract::State;
use clusterplan_model::{CalculationResult, ScenarioInput};
use clusterplan_service::{CatalogDocument, Service};

use super::error::ApiError;
use super::extract::ApiJson;
use super::responses::{BodyProblems, SimulationsBusy};

/// Calculates a scenario without storing it.
#[utoipa::path(
    post, path = "/api/v1/calculate", tag = "calculate",
    request_body(content = ScenarioInput, description = "Any subset of the inputs; omitted fields take their defaults"),
    responses(
        (status = 200, description = "The calculation", body = CalculationResult),
        BodyProblems,
        SimulationsBusy,
    )
)]
pub async fn calculate(
    State(service): State<Service>,
    ApiJson(input): ApiJson<ScenarioInput>,
) -> Result<Json<CalculationResult>, ApiError> {
    Ok(Json(service.calculate(input).await?))
}

/// The instance catalog (with the date its prices were taken) and every input's
/// default, unit, range and rationale.
#[utoipa::path(
    get, path = "/api/v1/catalog", tag = "calculate",
    responses((status = 200, description = "Catalog and defaults", body = CatalogDocument))
)]
pub async fn catalog(State(service): State<Service>) -> Json<CatalogDocument> {
    Json(service.catalog())
}
