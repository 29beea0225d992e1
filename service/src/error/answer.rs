//! The one policy for how a [`ServiceError`] is answered: its HTTP status, what
//! the caller may read (the field errors too), how long to wait, and whether it
//! is logged. The JSON API (`server/src/api/error.rs`) and the pages' server
//! functions (`app/src/error.rs`) both read it, so a refusal means the same on
//! both paths.

use clusterplan_model::{FieldError, cap_field_errors};

use super::ServiceError;

/// What kind of refusal an error is, in the caller's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The input broke rules (422), each named by its field.
    Invalid,
    /// The request cannot be read (400).
    Malformed,
    /// The request is larger than the use case reads (413).
    TooLarge,
    /// Nothing answers to that id (404).
    NotFound,
    /// A change without its edit token (401).
    NeedsToken,
    /// An edit token that does not belong to the scenario (403).
    WrongToken,
    /// Busy for now; try again after `retry_after_secs` (503).
    Busy,
    /// The scenario's state refuses the change (409): the revision cap.
    Conflict,
    /// The change was based on a revision that is no longer the latest (412).
    PreconditionFailed,
    /// The database is full (507): nothing was written.
    Full,
    /// The server's fault (500): logged in full, answered without details.
    Internal,
}

impl Refusal {
    /// The HTTP status this refusal is answered with, on every path.
    pub fn status(self) -> u16 {
        match self {
            Refusal::Invalid => 422,
            Refusal::Malformed => 400,
            Refusal::TooLarge => 413,
            Refusal::NotFound => 404,
            Refusal::NeedsToken => 401,
            Refusal::WrongToken => 403,
            Refusal::Busy => 503,
            Refusal::Conflict => 409,
            Refusal::PreconditionFailed => 412,
            Refusal::Full => 507,
            Refusal::Internal => 500,
        }
    }
}

/// What an internal error tells the caller: the cause stays in the log.
pub const INTERNAL_DETAIL: &str = "something went wrong on the server; try again";

impl ServiceError {
    /// Which refusal this is.
    pub fn refusal(&self) -> Refusal {
        match self {
            ServiceError::Invalid(_) => Refusal::Invalid,
            ServiceError::Malformed(_) => Refusal::Malformed,
            ServiceError::TooLarge(_) => Refusal::TooLarge,
            ServiceError::NotFound(_) => Refusal::NotFound,
            ServiceError::MissingToken => Refusal::NeedsToken,
            ServiceError::WrongToken => Refusal::WrongToken,
            ServiceError::Busy { .. } => Refusal::Busy,
            ServiceError::RevisionLimit { .. } => Refusal::Conflict,
            ServiceError::RevisionMoved => Refusal::PreconditionFailed,
            ServiceError::StorageFull => Refusal::Full,
            ServiceError::StoredInputInvalid { .. }
            | ServiceError::Inconsistent(_)
            | ServiceError::Database(_) => Refusal::Internal,
        }
    }

    /// Seconds the caller should wait before trying again, when that helps.
    pub fn retry_after_secs(&self) -> Option<u64> {
        match self {
            ServiceError::Busy { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        }
    }

    /// The field errors an answer lists: an invalid input's, at most
    /// [`clusterplan_model::MAX_FIELD_ERRORS`], the last counting the rest (a
    /// 320 KiB body can break tens of thousands of rules); none for any other
    /// refusal.
    pub fn into_field_errors(self) -> Vec<FieldError> {
        match self {
            ServiceError::Invalid(errors) => cap_field_errors(errors),
            _ => Vec::new(),
        }
    }

    /// What the caller may read: the message, except for the server's own
    /// faults, whose cause (SQL, stored ids) is only logged.
    pub fn public_detail(&self) -> String {
        match self.refusal() {
            Refusal::Internal => INTERNAL_DETAIL.to_owned(),
            _ => self.to_string(),
        }
    }

    /// Logs what an operator must see: every server fault, and a full database
    /// (saves fail until space is freed). Called once, where the error is answered.
    pub fn log(&self) {
        match self.refusal() {
            Refusal::Internal => tracing::error!(error = %self, "request failed"),
            Refusal::Full => {
                // What the operator can do: deleting frees room inside the file
                // (SQLite reuses it; PostgreSQL once vacuumed), but a file
                // already past the limit stays past it until compacted.
                tracing::error!(
                    "the database is full: saves are refused until space is freed \
                     (raise --max-database-mb, or delete scenarios; a database past \
                     the limit must be compacted: VACUUM for SQLite, VACUUM FULL for \
                     PostgreSQL, see docs/RELIABILITY.md)"
                )
            }
            _ => {}
        }
    }
}
