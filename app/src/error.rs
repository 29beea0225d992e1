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
        "only the browser that created this scenario can edit it; fork it to make your own copy"
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
    fn from(error: clusterplan_service::ServiceError) -> Self {
        use clusterplan_service::ServiceError as E;
        match error {
            E::Invalid(errors) => AppError::Invalid(errors),
            E::NotFound(_) => AppError::NotFound,
            E::MissingToken | E::WrongToken => AppError::Forbidden,
            E::Busy { .. } => AppError::Busy,
            refused @ (E::RevisionLimit { .. } | E::StorageFull) => {
                AppError::Refused(refused.to_string())
            }
            other @ (E::StoredInputInvalid { .. } | E::Inconsistent(_) | E::Database(_)) => {
                tracing::error!(error = %other, "server function failed");
                AppError::Internal
            }
        }
    }
}
