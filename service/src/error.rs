//! What a use case can refuse, and why; the API and pages map these to responses.

use clusterplan_model::FieldError;

/// A use case's failure. Every variant but `Database` is the caller's to fix.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The input broke one or more rules; all of them are listed.
    #[error("invalid input: {} problem(s)", .0.len())]
    Invalid(Vec<FieldError>),
    /// No scenario (or revision) answers to the given id.
    #[error("{0} not found")]
    NotFound(String),
    /// A change was asked for without an edit token.
    #[error("an edit token is required")]
    MissingToken,
    /// The edit token does not belong to this scenario.
    #[error("the edit token does not match this scenario")]
    WrongToken,
    /// A stored scenario no longer passes validation (a later model tightened a
    /// rule); the server's problem, not the reader's.
    #[error("stored scenario {id} is no longer valid: {reason}")]
    StoredInputInvalid {
        /// The scenario's id.
        id: String,
        /// The validation errors, joined.
        reason: String,
    },
    /// Every simulation slot stayed taken for the wait limit: try again shortly.
    #[error("the server is busy with other simulations; try again in {retry_after_secs} s")]
    Busy {
        /// Seconds to wait before trying again.
        retry_after_secs: u64,
    },
    /// The database failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl ServiceError {
    /// A single-field `Invalid`.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }
}

/// Whether `error` is a violation of a UNIQUE or PRIMARY KEY constraint, the one
/// database error a caller can recover from by trying again with a new key.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}
