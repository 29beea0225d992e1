//! `/scenarios/{id}/forecast.csv` and `forecast.json`: the FOCUS-named monthly
//! forecast (see `clusterplan_service::forecast`).

use std::convert::Infallible;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use clusterplan_service::Service;
use clusterplan_service::forecast::{self, ForecastParams, ForecastQuery, ForecastRow, Plan};

use super::error::ApiError;
use super::etag::{EntityTag, IfNoneMatch};
use super::extract::{ApiPath, ApiQuery, ScenarioId};
use super::responses::{NotFoundProblem, NotModified, QueryProblems, Unavailable};

/// Says which month the forecast starts at and whether it was asked for.
const FORECAST_START: HeaderName = HeaderName::from_static("clusterplan-forecast-start");

/// The forecast as CSV: FOCUS 1.2 columns, then `x_` extension columns.
#[utoipa::path(
    get, path = "/api/v1/scenarios/{id}/forecast.csv", tag = "scenarios", operation_id = "forecast_csv",
    params(ScenarioId, ForecastQuery),
    responses(
        (status = 200, description = "CSV attachment; `Clusterplan-Forecast-Start` names the start month and says when it is the current month", body = String, content_type = "text/csv", headers(("ETag" = String), ("Clusterplan-Forecast-Start" = String))),
        NotModified,
        NotFoundProblem,
        QueryProblems,
        Unavailable,
    )
)]
pub async fn csv(
    State(service): State<Service>,
    ApiPath(ScenarioId { id }): ApiPath<ScenarioId>,
    ApiQuery(query): ApiQuery<ForecastQuery>,
    held: IfNoneMatch,
) -> Result<Response, ApiError> {
    answer(
        &service,
        &id,
        &query,
        &held,
        "forecast-csv",
        |id, revision, plan| {
            let disposition =
                format!("attachment; filename=\"clusterplan-{id}-r{revision}-forecast.csv\"");
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, disposition),
                ],
                streamed(forecast::csv_chunks(plan.chunks()).map(String::into_bytes)),
            )
                .into_response()
        },
    )
    .await
}

/// The forecast as JSON: the same rows as objects, named as the CSV's columns.
#[utoipa::path(
    get, path = "/api/v1/scenarios/{id}/forecast.json", tag = "scenarios", operation_id = "forecast_json",
    params(ScenarioId, ForecastQuery),
    responses(
        (status = 200, description = "The rows; `Clusterplan-Forecast-Start` names the start month", body = Vec<ForecastRow>, headers(("ETag" = String), ("Clusterplan-Forecast-Start" = String))),
        NotModified,
        NotFoundProblem,
        QueryProblems,
        Unavailable,
    )
)]
pub async fn json(
    State(service): State<Service>,
    ApiPath(ScenarioId { id }): ApiPath<ScenarioId>,
    ApiQuery(query): ApiQuery<ForecastQuery>,
    held: IfNoneMatch,
) -> Result<Response, ApiError> {
    answer(
        &service,
        &id,
        &query,
        &held,
        "forecast-json",
        |_, _, plan| {
            let chunks = forecast::json_chunks(plan.chunks());
            (
                [(header::CONTENT_TYPE, "application/json")],
                streamed(chunks),
            )
                .into_response()
        },
    )
    .await
}

/// A body written a month of rows at a time as the client reads it: the rows
/// are made on the way, so a slow reader holds a few chunks, not the whole
/// answer (tens of MB for a 120-month fleet; `forecast::Plan`).
fn streamed(chunks: impl Iterator<Item = Vec<u8>> + Send + 'static) -> Body {
    let chunks = chunks
        .filter(|chunk| !chunk.is_empty())
        .map(|chunk| Ok::<_, Infallible>(Bytes::from(chunk)));
    Body::from_stream(futures_util::stream::iter(chunks))
}

/// Checks the query, answers 304 when the client holds the current tag, else
/// builds the rows and lets `render` write them.
async fn answer(
    service: &Service,
    id: &str,
    query: &ForecastQuery,
    held: &IfNoneMatch,
    kind: &str,
    render: impl FnOnce(&str, i64, Plan) -> Response,
) -> Result<Response, ApiError> {
    let params = ForecastParams::parse(query)?;
    let start = format!(
        "{}; source={}",
        params.start,
        if params.start_given {
            "query"
        } else {
            "current-month"
        }
    );
    let start = HeaderValue::from_str(&start).expect("a month and a word are a valid header");
    let revision = service.revision_number(id, None).await?;
    let tag = EntityTag::new(kind, revision, &params.variant());
    // A 304 names the start month too: a client that revalidates learns
    // whether its kept rows began at the current month.
    let mut response = if held.matches(&tag) {
        tag.not_modified()
    } else {
        let forecast = service.forecast(id, &params).await?;
        let tag = EntityTag::new(kind, forecast.revision, &params.variant());
        tag.on(render(id, forecast.revision, forecast.plan))
    };
    response.headers_mut().insert(FORECAST_START, start);
    Ok(response)
}
