//! The error the pages' server functions return: typed across the network, so a
//! page can show field errors beside their fields instead of a string.

use clusterplan_model::FieldError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Why a page action failed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The input broke rules; each problem names its form field.
    #[error("some fields need fixing")]
    Invalid(Vec<FieldError>),
    /// No scenario answers to that id.
    #[error("there is no scenario at this address")]
    NotFound,
    /// This browser holds no edit token for the scenario, or a wrong one.
    #[error(
        "this browser holds no edit key for this scenario: paste it under \"I have the edit key\" on the scenario's page, or fork it to make your own copy"
    )]
    Forbidden,
    /// The server is busy (simulations, a locked database); trying again shortly works.
    #[error("the server is busy; try again in a few seconds")]
    Busy,
    /// The server cannot take this change (a full database, a scenario with
    /// the most revisions); the message says why and what to do.
    #[error("{0}")]
    Refused(String),
    /// The server failed; details are in its log, not here.
    #[error("something went wrong on the server; try again")]
    Internal,
    /// The call itself failed (network, encoding).
    #[error("the request failed: {0}")]
    Transport(ServerFnErrorErr),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // On the server, arguments that do not decode (a missing field, a
        // repeated key, bytes that are not UTF-8) are the client's mistake: a
        // 400, not the 500 (logged as an error) Leptos answers by default.
        #[cfg(feature = "ssr")]
        if matches!(
            value,
            ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_)
        ) {
            answer_with_status(400);
        }
        AppError::Transport(value)
    }
}

impl AppError {
    /// The field errors, if that is what this is.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AppError::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

#[cfg(feature = "ssr")]
impl From<clusterplan_service::ServiceError> for AppError {
    /// The service's one answer policy (`clusterplan_service::Refusal`), as the
    /// API applies it: the same status, logging and public detail.
    fn from(error: clusterplan_service::ServiceError) -> Self {
        use clusterplan_service::{Refusal, ServiceError as E};
        error.log();
        let refusal = error.refusal();
        answer_with_status(refusal.status());
        match (refusal, error) {
            (_, invalid @ E::Invalid(_)) => AppError::Invalid(invalid.into_field_errors()),
            (Refusal::NotFound, _) => AppError::NotFound,
            (Refusal::NeedsToken | Refusal::WrongToken, _) => AppError::Forbidden,
            (Refusal::Busy, _) => AppError::Busy,
            (Refusal::Internal, _) => AppError::Internal,
            (_, refused) => AppError::Refused(refused.public_detail()),
        }
    }
}

/// Gives a failed server function the status its refusal has on the API, so
/// a client (or a log, or a cache) never sees a 200 or a 500 for a 4xx. A plain
/// form post (no JavaScript) is left alone: Leptos answers it with a redirect
/// back to the page, carrying the error in the URL, and a status here would
/// replace that redirect.
#[cfg(feature = "ssr")]
fn answer_with_status(status: u16) {
    let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let form_post = leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts.method == http::Method::POST
            && parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|accept| accept.to_str().ok())
                .is_some_and(|accept| accept.contains("text/html"))
    });
    if !form_post && let Ok(status) = http::StatusCode::from_u16(status) {
        response.set_status(status);
    }
}
