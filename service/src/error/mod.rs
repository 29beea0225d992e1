//! What a use case can refuse, and why; [`answer`] says how each is answered.

mod answer;

pub use answer::{INTERNAL_DETAIL, Refusal};

use clusterplan_model::{FieldError, InputError};

/// A use case's failure. Every variant but `Database` is the caller's to fix.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The input broke one or more rules; all of them are listed.
    #[error("invalid input: {} problem(s)", clusterplan_model::problem_count(.0))]
    Invalid(Vec<FieldError>),
    /// The request cannot be read as what the use case takes (cut-off JSON, an
    /// unknown query parameter); the message says what to send.
    #[error("{0}")]
    Malformed(String),
    /// The request is larger than the use case reads; the message names the limit.
    #[error("{0}")]
    TooLarge(String),
    /// No scenario (or revision) answers to the given id.
    #[error("{0} not found")]
    NotFound(String),
    /// A change was asked for without an edit token.
    #[error("this change needs the scenario's edit token: send Authorization: Bearer <edit_token>")]
    MissingToken,
    /// The edit token does not belong to this scenario.
    #[error("the edit token does not match this scenario")]
    WrongToken,
    /// A stored scenario no longer passes validation (a later model tightened a
    /// rule); the server's problem, not the reader's.
    // No id in the message: it is logged, and share ids are secrets.
    #[error("a stored scenario is no longer valid: {reason}")]
    StoredInputInvalid {
        /// The scenario's id.
        id: String,
        /// The validation errors, joined.
        reason: String,
    },
    /// A resource stayed busy for its wait limit (every simulation slot, a locked
    /// database, an exhausted connection pool): trying again shortly works.
    #[error("the server is busy; try again in {retry_after_secs} s")]
    Busy {
        /// Seconds to wait before trying again.
        retry_after_secs: u64,
    },
    /// The change was based on a revision that is not the latest (HTTP
    /// `If-Match`): another save came first, and nothing was written.
    #[error(
        "the scenario's latest revision is not the one this change is based on: read it again and apply the change to it"
    )]
    RevisionMoved,
    /// The scenario already has the most revisions one scenario keeps.
    #[error(
        "this scenario has {max} revisions, the most one scenario keeps; to keep editing, fork it: \
         Fork on its page, or POST /api/v1/scenarios with its input"
    )]
    RevisionLimit {
        /// The cap.
        max: u64,
    },
    /// The database hit its size guard or the disk is full: nothing was written;
    /// reading still works.
    #[error("the database is full, so nothing was saved; saved scenarios can still be read")]
    StorageFull,
    /// Stored data broke an invariant (a revision pointer without its row); the
    /// write was rolled back.
    #[error("stored data is inconsistent: {0}")]
    Inconsistent(&'static str),
    /// The database failed.
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

/// What a busy database asks the caller to wait, in seconds.
const DATABASE_RETRY_AFTER_SECS: u64 = 1;

impl From<sqlx::Error> for ServiceError {
    /// A locked database or a pool with no free connection is busy, not broken:
    /// the caller is told to come back (503) instead of seeing a server error.
    /// A full disk or size guard is said as such (507), not as a failure.
    fn from(error: sqlx::Error) -> Self {
        let busy = ServiceError::Busy {
            retry_after_secs: DATABASE_RETRY_AFTER_SECS,
        };
        if matches!(error, sqlx::Error::PoolTimedOut) {
            return busy;
        }
        match database_code(&error) {
            Some(Code::Sqlite(code)) => match code & 0xff {
                SQLITE_BUSY | SQLITE_LOCKED => busy,
                SQLITE_FULL => ServiceError::StorageFull,
                _ => ServiceError::Database(error),
            },
            Some(Code::SqlState(state)) => match state.as_str() {
                // serialization_failure, deadlock_detected, lock_not_available,
                // query_canceled (the lock timeout)
                "40001" | "40P01" | "55P03" | "57014" => busy,
                // disk_full
                "53100" => ServiceError::StorageFull,
                _ => ServiceError::Database(error),
            },
            None => ServiceError::Database(error),
        }
    }
}

const SQLITE_BUSY: i32 = 5;
const SQLITE_LOCKED: i32 = 6;
/// The disk is full, or the database reached `max_page_count` (our size guard).
const SQLITE_FULL: i32 = 13;

/// A database error's code: SQLite's result code (at most four digits, the
/// primary code in its low byte), or PostgreSQL's five-character SQLSTATE.
enum Code {
    Sqlite(i32),
    SqlState(String),
}

fn database_code(error: &sqlx::Error) -> Option<Code> {
    let sqlx::Error::Database(db) = error else {
        return None;
    };
    let code = db.code()?;
    match code.len() {
        5 => Some(Code::SqlState(code.into_owned())),
        _ => code.parse().ok().map(Code::Sqlite),
    }
}

impl ServiceError {
    /// A single-field `Invalid`.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError::new(field, message)])
    }

    /// No scenario answers to `id`.
    pub fn scenario_not_found(id: &str) -> Self {
        Self::NotFound(format!("scenario {}", shown(id)))
    }

    /// Scenario `id` has no revision `n` (as the path wrote it).
    pub fn revision_not_found(n: &str, id: &str) -> Self {
        Self::NotFound(format!("revision {} of {}", shown(n), shown(id)))
    }

    /// No chart is called `name`.
    pub fn chart_not_found(name: &str) -> Self {
        Self::NotFound(format!("chart {}", shown(name)))
    }
}

/// Text from a request's path (an id, a revision number, a chart's name) as a
/// message names it: as sent when it is a short run of letters, digits and
/// `-_.`, as ids and chart names are, else quoted and escaped, so that a blank
/// id still reads as one ("scenario \" \" not found", not "scenario   not
/// found") and a control or text-direction character is never echoed.
pub(crate) fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if !text.is_empty() && text.len() <= 64 && text.chars().all(plain) {
        text.into()
    } else {
        format!("{text:?}").into()
    }
}

/// Whether `error` is a violation of a UNIQUE or PRIMARY KEY constraint, the one
/// database error a caller can recover from by trying again with a new key.
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}

/// A request body the model could not read: malformed JSON in the model's words
/// ("malformed JSON: …", a 400), data of the wrong shape naming its field (422).
/// The one mapping, for the use cases and for the API's other bodies alike.
impl From<InputError> for ServiceError {
    fn from(error: InputError) -> Self {
        match error {
            InputError::Invalid(errors) => ServiceError::Invalid(errors),
            malformed => ServiceError::Malformed(malformed.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ServiceError;

    #[test]
    fn a_stored_input_error_keeps_the_share_id_out_of_its_message() {
        let error = ServiceError::StoredInputInvalid {
            id: "3xQ1uTnV7Z0pYqJm2LkH9a".into(),
            reason: "clusters: must be at least 1".into(),
        };
        assert!(
            !error.to_string().contains("3xQ1uTnV7Z0pYqJm2LkH9a"),
            "{error}"
        );
    }

    #[test]
    fn an_exhausted_pool_is_busy_not_broken() {
        let error = ServiceError::from(sqlx::Error::PoolTimedOut);
        assert!(
            matches!(
                error,
                ServiceError::Busy {
                    retry_after_secs: 1
                }
            ),
            "{error:?}"
        );
        let other = ServiceError::from(sqlx::Error::RowNotFound);
        assert!(matches!(other, ServiceError::Database(_)));
    }
}
