//! The API's one error type, written as `application/problem+json` (RFC 9457).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use clusterplan_model::FieldError;
use clusterplan_service::ServiceError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Every way an API request can fail. Only `Internal` is the server's fault; it is
/// logged in full and answered without details.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request cannot be read as sent (a body axum could not take, a query
    /// string); a body that is not JSON is the service's `Malformed`.
    #[error("{0}")]
    BadRequest(String),
    /// A query string that cannot be read: a parameter sent twice, unknown or
    /// missing (named when serde names it).
    #[error("the query string is refused: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    BadQuery(Vec<FieldError>),
    /// The body is not `application/json`.
    #[error("send the body as application/json")]
    UnsupportedMediaType,
    /// The body is in a format the endpoint does not read; the message says
    /// what to send instead (the import's answer to YAML).
    #[error("{0}")]
    UnsupportedFormat(&'static str),
    /// The body comes in a content coding the route does not read (RFC 9110
    /// §15.5.16); the answer's `Accept-Encoding` names the ones it does.
    #[error("a body sent with Content-Encoding {sent} is not read here: send it as {accepted}")]
    UnsupportedEncoding {
        /// The `Content-Encoding` as sent (ASCII only, at most 40 characters).
        sent: String,
        /// The codings the route reads, as `Accept-Encoding` lists them.
        accepted: &'static str,
    },
    /// The body is over the size limit.
    #[error("the request body is larger than the limit")]
    PayloadTooLarge,
    /// Nothing answers to that path (or revision); service refusals come as `Service`.
    #[error("{0} not found")]
    NotFound(String),
    /// Too many writes from this address; try again after the given seconds.
    #[error("too many changes from this address; try again in {retry_after_secs} s")]
    TooManyRequests {
        /// Seconds until a write is accepted again.
        retry_after_secs: u64,
    },
    /// The server is at its limit of concurrent work, or a request timed out.
    #[error("{message}")]
    ServiceUnavailable {
        /// What is busy, for people.
        message: String,
        /// Seconds until a retry is likely to be served.
        retry_after_secs: u64,
    },
    /// A use case refused: answered as the service's one policy says
    /// (`clusterplan_service::Refusal`), the same way the pages answer it.
    #[error("{}", .0.public_detail())]
    Service(ServiceError),
    /// A write sent by a browser on another site's behalf.
    #[error("writes are accepted only from this site's own pages")]
    CrossSite,
    /// The path exists but not with this method.
    #[error("this method is not allowed here")]
    MethodNotAllowed,
    /// A change's `If-None-Match` held the latest revision's tag, or `*` (RFC
    /// 9110 §13.1.2): the scenario exists as the client said it must not.
    #[error("If-None-Match: the scenario's latest revision matches it, so nothing was written")]
    RevisionMatched,
    /// Anything else: the cause is logged, never sent.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status code says what kind of problem it is.
    #[serde(rename = "type")]
    pub kind: String,
    /// The status code's phrase, e.g. `Unprocessable Entity`.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong, for people.
    pub detail: String,
    /// For 422: every invalid field with its dotted path; otherwise empty.
    pub errors: Vec<FieldError>,
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) | Self::BadQuery(_) => StatusCode::BAD_REQUEST,
            Self::UnsupportedMediaType
            | Self::UnsupportedFormat(_)
            | Self::UnsupportedEncoding { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::CrossSite => StatusCode::FORBIDDEN,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::RevisionMatched => StatusCode::PRECONDITION_FAILED,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::ServiceUnavailable { .. } => StatusCode::SERVICE_UNAVAILABLE,
            Self::Service(error) => StatusCode::from_u16(error.refusal().status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        Self::Service(error)
    }
}

impl ApiError {
    /// A request body that broke off while it was read: past the route's
    /// limit (413), or cut or malformed (400, the client's doing).
    pub fn unread_body(error: axum::Error) -> Self {
        let past_limit = std::error::Error::source(&error)
            .is_some_and(|cause| cause.is::<http_body_util::LengthLimitError>());
        match past_limit {
            true => Self::PayloadTooLarge,
            false => Self::BadRequest(format!("the request body cannot be read: {error}")),
        }
    }

    /// The problem document for this error (what the API sends and the CLI prints).
    pub fn into_problem(self) -> Problem {
        let status = self.status();
        let detail = self.to_string();
        let errors = match self {
            Self::Service(error) => error.into_field_errors(),
            Self::BadQuery(errors) => errors,
            _ => Vec::new(),
        };
        Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail,
            errors,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        match &self {
            Self::Internal(cause) => tracing::error!(error = %cause, "request failed"),
            Self::Service(error) => error.log(),
            _ => {}
        }
        let retry_after = match &self {
            Self::TooManyRequests { retry_after_secs }
            | Self::ServiceUnavailable {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            Self::Service(error) => error.retry_after_secs(),
            _ => None,
        };
        let accepted_encodings = match &self {
            Self::UnsupportedEncoding { accepted, .. } => Some(*accepted),
            _ => None,
        };
        let mut response = (status, axum::Json(self.into_problem())).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(accepted) = accepted_encodings {
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(accepted));
        }
        if let Some(secs) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
