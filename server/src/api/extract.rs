//! Extractors whose rejections are problem+json like every other API error.

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, FromRequestParts, OriginalUri, Path, Query, Request};
use axum::http::{StatusCode, header, request::Parts};
use clusterplan_model::{Checked, FieldError};
use clusterplan_service::ServiceError;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

use super::error::ApiError;

/// A JSON body. Unlike `axum::Json`, malformed JSON is a 400 problem, data of the
/// wrong shape a 422 problem naming every bad field ([`Checked`]), a
/// missing or other content type a 415, and an oversized body a 413.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Checked> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let JsonDocument(bytes) = JsonDocument::from_request(req, state).await?;
        parse(&bytes).map(ApiJson)
    }
}

/// A JSON body's bytes as sent, not yet read: for a use case that reads the
/// document itself (`POST /calculate` keeps answers by document). The same
/// content-type (415), content-coding (415: only plain JSON is read) and size
/// (413) rules as [`ApiJson`].
pub struct JsonDocument(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for JsonDocument {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
        refuse_coding(req.headers(), &[], "identity")?;
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                ApiError::BadRequest(rejection.body_text())
            }
        })?;
        Ok(Self(bytes))
    }
}

/// Parses a whole JSON document as the model reads bodies (`parse_checked`:
/// every violation at once), refused as the service refuses one
/// (`From<InputError> for ServiceError`).
pub fn parse<T: DeserializeOwned + Checked>(bytes: &[u8]) -> Result<T, ApiError> {
    Ok(clusterplan_model::parse_checked(bytes).map_err(ServiceError::from)?)
}

pub(crate) fn is_json(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return false;
    };
    let Ok(value) = value.to_str() else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Refuses a body whose `Content-Encoding` names a coding other than `read`
/// (and `identity`, which changes nothing): read as it is, a compressed
/// document would be answered "malformed JSON", which blames the JSON.
/// `accepted` is the answer's `Accept-Encoding`.
pub(crate) fn refuse_coding(
    headers: &axum::http::HeaderMap,
    read: &[&str],
    accepted: &'static str,
) -> Result<(), ApiError> {
    for value in headers.get_all(header::CONTENT_ENCODING) {
        let text = value.to_str().unwrap_or("(not text)");
        let readable = text.split(',').map(str::trim).all(|coding| {
            coding.is_empty()
                || coding.eq_ignore_ascii_case("identity")
                || read.iter().any(|r| coding.eq_ignore_ascii_case(r))
        });
        if !readable {
            let sent = text.chars().take(40).collect();
            return Err(ApiError::UnsupportedEncoding { sent, accepted });
        }
    }
    Ok(())
}

/// A path's captures. One that cannot be read (not UTF-8 once percent-decoded,
/// such as `%FF`) names nothing that exists: a 404 problem, as an id never
/// issued is, not axum's plain-text 400.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(captures)) => Ok(Self(captures)),
            // The path as sent (not the nested router's remainder), still
            // percent-encoded: ASCII, safe to echo.
            Err(_) => {
                let sent = parts.extensions.get::<OriginalUri>().map(|u| &u.0);
                let path = sent.unwrap_or(&parts.uri).path();
                Err(ApiError::NotFound(path.to_owned()))
            }
        }
    }
}

/// A query string read as `T`. One that cannot be read (a parameter sent
/// twice, unknown or missing) is a 400 problem naming the parameter, not
/// axum's plain text.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::try_from_uri(&parts.uri) {
            Ok(Query(query)) => Ok(Self(query)),
            Err(QueryRejection::FailedToDeserializeQueryString(error)) => {
                let message = std::error::Error::source(&error)
                    .map_or_else(|| error.body_text(), ToString::to_string);
                // axum may put the parameter's path before serde's text
                // (`foo: unknown field …`).
                let serde_text = message.split_once(": ").map_or(&*message, |(_, text)| text);
                let error = match clusterplan_model::member_named(serde_text) {
                    Some((member, said)) => FieldError::new(member, said),
                    None => FieldError::new("", message),
                };
                Err(ApiError::BadQuery(vec![error]))
            }
            Err(other) => Err(ApiError::BadRequest(other.body_text())),
        }
    }
}

/// A route that takes no query string. A parameter sent anyway (a misspelt
/// `currency` on `export.csv`, a `dry_run` on a `DELETE`) is a 400 naming it,
/// as on the routes that take some: an answer that ignored it said nothing of
/// what it left out, and a "dry run" deleted. Empty pairs (`?`, `?&`) are none.
pub struct NoQuery;

impl<S: Send + Sync> FromRequestParts<S> for NoQuery {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // Most requests have none (`/calculate`'s among them): nothing to read.
        if parts.uri.query().is_none() {
            return Ok(Self);
        }
        let pairs = match Query::<Vec<(String, String)>>::try_from_uri(&parts.uri) {
            Ok(Query(pairs)) => pairs,
            Err(other) => return Err(ApiError::BadRequest(other.body_text())),
        };
        let error = match pairs.into_iter().next() {
            None => return Ok(Self),
            Some((name, _)) if name.is_empty() => FieldError::new(
                "",
                "a query parameter without a name was sent; this route takes none",
            ),
            Some((name, _)) => FieldError::new(
                name,
                "is not known here: this route takes no query parameter",
            ),
        };
        Err(ApiError::BadQuery(vec![error]))
    }
}

/// The `{id}` capture of a scenario's paths, documented once for all of them.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ScenarioId {
    // The shape `clusterplan_service::secrets::looks_like_id` checks.
    /// The scenario's share id: 22 base62 characters. Any other id is answered
    /// 404, as an id never issued is.
    #[param(pattern = r"^[0-9A-Za-z]{22}$")]
    pub id: String,
}

/// The edit token from `Authorization: Bearer <token>`, if one was sent.
pub struct EditToken(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for EditToken {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| {
                let (scheme, token) = value.split_once(' ')?;
                scheme
                    .eq_ignore_ascii_case("bearer")
                    .then(|| token.trim().to_owned())
            })
            .filter(|token| !token.is_empty());
        Ok(Self(token))
    }
}
