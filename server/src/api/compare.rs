//! `GET /compare?ids=a,b,…`: saved scenarios side by side.

use axum::Json;
use axum::extract::State;
use clusterplan_service::{ComparisonDocument, Service};
use serde::Deserialize;
use utoipa::IntoParams;

use super::error::{ApiError, Problem};
use super::extract::ApiQuery;
use super::responses::Unavailable;

/// The query string of a comparison. Another parameter is refused (400 naming
/// it), as on the catalog and the forecasts.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CompareQuery {
    /// Comma-separated scenario ids, 1 to 10, as the pattern states them. The
    /// server also reads what the compare page takes (share links `…/s/{id}`
    /// standing for ids, white space between them), which the pattern leaves out.
    #[param(
        example = "3xQ1uTnV7Z0pYqJm2LkH9a,Bf8sK2mN4pQ7rT1vW3yZ5c",
        pattern = r"^[0-9A-Za-z]{22}(,[0-9A-Za-z]{22}){0,9}$"
    )]
    pub ids: String,
}

/// The latest revisions of up to ten scenarios, in the order asked for.
#[utoipa::path(
    get, path = "/api/v1/compare", tag = "scenarios", params(CompareQuery),
    responses(
        (status = 200, description = "The scenarios", body = ComparisonDocument),
        (status = 404, description = "Ids that answer to no scenario, each named in `detail` (`scenario {id} not found`, or `scenarios {id}, {id} not found`)", body = Problem, content_type = "application/problem+json"),
        (status = 400, description = "No `ids` parameter, or a parameter sent twice or unknown (named)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No ids in it, or more than 10", body = Problem, content_type = "application/problem+json"),
        Unavailable,
    )
)]
pub async fn compare(
    State(service): State<Service>,
    ApiQuery(query): ApiQuery<CompareQuery>,
) -> Result<Json<ComparisonDocument>, ApiError> {
    let scenarios = service.compare(&query.ids).await?;
    Ok(Json(ComparisonDocument { scenarios }))
}
