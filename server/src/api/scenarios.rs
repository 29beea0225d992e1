//! `/scenarios`: create, read, revise, delete, older revisions and CSV export.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use clusterplan_service::{
    CreatedScenario, NewScenario, ScenarioDocument, ScenarioUpdate, Service, ServiceError, csv,
};

use super::error::ApiError;
use super::etag::{EntityTag, IfMatch, IfMatchHeader, IfNoneMatch};
use super::extract::{ApiJson, ApiPath, EditToken, NoQuery, ScenarioId};
use super::responses::{
    BodyProblems, CrossSite, NoQueryProblem, NotFoundProblem, NotModified, PreconditionFailed,
    RateLimited, RevisionLimit, StorageFull, TokenProblems, Unavailable,
};

/// Saves a new scenario. The answer holds the edit token, shown this once only.
#[utoipa::path(
    post, path = "/api/v1/scenarios", tag = "scenarios", request_body = NewScenario,
    responses(
        (status = 201, description = "Created; `Location` names the new scenario", body = CreatedScenario, headers(("ETag" = String, description = "Revision 1's tag, for the first change's `If-Match`"))),
        BodyProblems,
        CrossSite,
        RateLimited,
        StorageFull,
        Unavailable,
    )
)]
pub async fn create(
    State(service): State<Service>,
    _: NoQuery,
    ApiJson(new): ApiJson<NewScenario>,
) -> Result<Response, ApiError> {
    let created = service.create(new).await?;
    let location = format!("/api/v1/scenarios/{}", created.id);
    // Tagged as a read of it would be: the first change's `If-Match` needs no GET.
    let tag = EntityTag::new("json", created.revision, "");
    let mut response = tag.on((StatusCode::CREATED, Json(created)));
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// The latest revision of a scenario, with its result recomputed.
#[utoipa::path(
    get, path = "/api/v1/scenarios/{id}", tag = "scenarios",
    params(ScenarioId),
    responses(
        (status = 200, description = "The scenario", body = ScenarioDocument, headers(("ETag" = String, description = "Changes with the revision and the model version"))),
        NotModified,
        NoQueryProblem,
        NotFoundProblem,
        Unavailable,
    )
)]
pub async fn get(
    State(service): State<Service>,
    ApiPath(ScenarioId { id }): ApiPath<ScenarioId>,
    _: NoQuery,
    held: IfNoneMatch,
) -> Result<Response, ApiError> {
    let revision = service.revision_number(&id, None).await?;
    if held.matches(&EntityTag::new("json", revision, "")) {
        return Ok(EntityTag::new("json", revision, "").not_modified());
    }
    let doc = service.get(&id).await?;
    // Tagged by what was read: a save may have landed since the lookup.
    Ok(EntityTag::new("json", doc.revision, "").on(Json(doc)))
}

/// Writes a new revision. Needs `Authorization: Bearer <edit_token>`.
#[utoipa::path(
    put, path = "/api/v1/scenarios/{id}", tag = "scenarios", request_body = ScenarioUpdate,
    params(ScenarioId, IfMatchHeader),
    security(("edit_token" = [])),
    responses(
        (status = 200, description = "The new revision, or the latest one unchanged when the change equals it", body = ScenarioDocument, headers(("ETag" = String, description = "The answered revision's tag, for the next change's `If-Match`"))),
        BodyProblems,
        TokenProblems,
        PreconditionFailed,
        RateLimited,
        RevisionLimit,
        StorageFull,
        Unavailable,
    )
)]
pub async fn update(
    State(service): State<Service>,
    ApiPath(ScenarioId { id }): ApiPath<ScenarioId>,
    _: NoQuery,
    EditToken(token): EditToken,
    condition: IfMatch,
    held: IfNoneMatch,
    ApiJson(update): ApiJson<ScenarioUpdate>,
) -> Result<Response, ApiError> {
    let expected = expected(&service, &id, token.as_deref(), condition, &held).await?;
    let doc = service
        .update(&id, token.as_deref(), update, &expected)
        .await?;
    Ok(EntityTag::new("json", doc.revision, "").on(Json(doc)))
}

/// Deletes a scenario and all its revisions. Needs the edit token.
#[utoipa::path(
    delete, path = "/api/v1/scenarios/{id}", tag = "scenarios",
    params(ScenarioId, IfMatchHeader),
    security(("edit_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        NoQueryProblem,
        TokenProblems,
        PreconditionFailed,
        RateLimited,
        Unavailable,
    )
)]
pub async fn delete(
    State(service): State<Service>,
    ApiPath(ScenarioId { id }): ApiPath<ScenarioId>,
    _: NoQuery,
    EditToken(token): EditToken,
    condition: IfMatch,
    held: IfNoneMatch,
) -> Result<StatusCode, ApiError> {
    let expected = expected(&service, &id, token.as_deref(), condition, &held).await?;
    service.delete(&id, token.as_deref(), &expected).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An older revision, read-only.
#[utoipa::path(
    get, path = "/api/v1/scenarios/{id}/revisions/{n}", tag = "scenarios",
    params(
        ScenarioId,
        ("n" = i64, Path, description = "Revision number, from 1", minimum = 1),
    ),
    responses(
        (status = 200, description = "That revision", body = ScenarioDocument, headers(("ETag" = String, description = "Changes with the model version"))),
        NotModified,
        NoQueryProblem,
        NotFoundProblem,
        Unavailable,
    )
)]
pub async fn revision(
    State(service): State<Service>,
    ApiPath((id, n)): ApiPath<(String, String)>,
    _: NoQuery,
    held: IfNoneMatch,
) -> Result<Response, ApiError> {
    // Parsed here, not by `Path`, so "abc" is a 404 problem like any unknown revision.
    let n: i64 = n
        .parse()
        .map_err(|_| ServiceError::revision_not_found(&n, &id))?;
    let tag = EntityTag::new("json", service.revision_number(&id, Some(n)).await?, "");
    if held.matches(&tag) {
        return Ok(tag.not_modified());
    }
    Ok(tag.on(Json(service.revision(&id, n).await?)))
}

/// The money breakdown as CSV: a row per option and category, then one-off and total.
#[utoipa::path(
    get, path = "/api/v1/scenarios/{id}/export.csv", tag = "scenarios",
    params(ScenarioId),
    responses(
        (status = 200, description = "CSV attachment", body = String, content_type = "text/csv", headers(("ETag" = String, description = "Changes with the revision and the model version"))),
        NotModified,
        NoQueryProblem,
        NotFoundProblem,
        Unavailable,
    )
)]
pub async fn export_csv(
    State(service): State<Service>,
    ApiPath(ScenarioId { id }): ApiPath<ScenarioId>,
    _: NoQuery,
    held: IfNoneMatch,
) -> Result<Response, ApiError> {
    let revision = service.revision_number(&id, None).await?;
    if held.matches(&EntityTag::new("csv", revision, "")) {
        return Ok(EntityTag::new("csv", revision, "").not_modified());
    }
    let doc = service.get(&id).await?;
    let tag = EntityTag::new("csv", doc.revision, "");
    let disposition = format!("attachment; filename=\"{}\"", csv::file_name(&doc));
    Ok(tag.on((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        csv::export(&doc),
    )))
}

/// The revisions a change of `id` may find latest under its `If-Match` and
/// `If-None-Match`. The edit key is checked before `If-None-Match` reads the
/// latest revision, as the write checks it before comparing `If-Match`: a
/// stranger's change is a 401 or 403, never a 412. Without a key the write
/// itself refuses it.
async fn expected(
    service: &Service,
    id: &str,
    token: Option<&str>,
    condition: IfMatch,
    held: &IfNoneMatch,
) -> Result<Vec<i64>, ApiError> {
    match (held.is_empty(), token) {
        (false, Some(token)) => service.check_edit_key(id, token).await?,
        _ => return Ok(condition.0),
    }
    let latest = service.revision_number(id, None);
    condition.and_none_of(held, latest).await
}
