//! Extractors whose rejections are problem+json like every other API error.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{StatusCode, header, request::Parts};
use clusterplan_service::ServiceError;
use serde::de::DeserializeOwned;

use super::error::ApiError;

/// A JSON body. Unlike `axum::Json`, malformed JSON is a 400 problem, data of the
/// wrong shape a 422 problem naming the field (via `serde_path_to_error`), a
/// missing or other content type a 415, and an oversized body a 413.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let JsonDocument(bytes) = JsonDocument::from_request(req, state).await?;
        parse(&bytes).map(ApiJson)
    }
}

/// A JSON body's bytes as sent, not yet read: for a use case that reads the
/// document itself (`POST /calculate` keeps answers by document). The same
/// content-type (415) and size (413) rules as [`ApiJson`].
pub struct JsonDocument(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for JsonDocument {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers()) {
            return Err(ApiError::UnsupportedMediaType);
        }
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

/// Parses a whole JSON document as the model reads bodies (`parse_json`),
/// refused as the service refuses one (`From<InputError> for ServiceError`).
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    Ok(clusterplan_model::parse_json(bytes).map_err(ServiceError::from)?)
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
