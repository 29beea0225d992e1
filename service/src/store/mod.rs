//! Storage of scenarios and revisions: one design, two small backends. What a
//! write decides (is it a change? is the scenario at its cap?) is written once
//! here; each backend only says it in its SQL and its way of serialising
//! writers (SQLite's `BEGIN IMMEDIATE`, PostgreSQL's `SELECT … FOR UPDATE`).

mod postgres;
mod sqlite;

use sqlx::FromRow;

use crate::db::{Backend, Database};
use crate::error::ServiceError;

/// One revision as stored, with its scenario's timestamps.
#[derive(Debug, Clone, FromRow)]
pub struct StoredRevision {
    /// The scenario's id.
    pub id: String,
    /// This revision's number (1-based, no gaps).
    pub revision: i64,
    /// The scenario's name at this revision.
    pub name: String,
    /// The resolved input, as JSON.
    pub input_json: String,
    /// When the scenario was created.
    pub created_at: String,
    /// When this revision was written.
    pub updated_at: String,
}

/// What a new revision carries. `None` keeps the latest revision's value, read
/// inside the write transaction so a concurrent save is never overwritten.
pub struct RevisionWrite<'a> {
    /// The name to store with it.
    pub name: Option<&'a str>,
    /// The resolved input, as JSON.
    pub input_json: Option<&'a str>,
    /// The model version that validated it.
    pub model_version: &'a str,
}

/// What [`append_revision`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Appended {
    /// A new revision with this number was written.
    New(i64),
    /// The change equals the latest revision (this number); nothing was written.
    Unchanged(i64),
}

/// The name and input of the next revision, given the latest one (`latest`,
/// with its `(name, input_json)`): `None` when they would equal it (nothing to
/// write), an error when the scenario already has `max_revisions`.
fn next_values<'a>(
    latest: i64,
    (latest_name, latest_input): &'a (String, String),
    write: &'a RevisionWrite<'a>,
    max_revisions: i64,
) -> Result<Option<(&'a str, &'a str)>, ServiceError> {
    let name = write.name.unwrap_or(latest_name);
    let input_json = write.input_json.unwrap_or(latest_input);
    if name == latest_name && input_json == latest_input {
        return Ok(None);
    }
    if latest >= max_revisions {
        return Err(ServiceError::RevisionLimit {
            max: max_revisions.unsigned_abs(),
        });
    }
    Ok(Some((name, input_json)))
}

/// Runs the backend's version of an operation.
macro_rules! on_backend {
    ($db:expr, $operation:ident($($arg:expr),*)) => {
        match $db.backend() {
            Backend::Sqlite(pool) => sqlite::$operation(pool, $($arg),*).await,
            Backend::Postgres(pool) => postgres::$operation(pool, $($arg),*).await,
        }
    };
}

/// Inserts a scenario and its first revision; returns the creation time.
pub async fn insert(
    db: &Database,
    id: &str,
    token_hash: &[u8],
    write: &RevisionWrite<'_>,
) -> Result<String, sqlx::Error> {
    on_backend!(db, insert(id, token_hash, write))
}

/// Appends the next revision if `token` is the scenario's edit token, unless it
/// would equal the latest one, and only while the scenario has fewer than
/// `max_revisions`. Revisions are numbered without gaps under concurrent writers.
pub async fn append_revision(
    db: &Database,
    id: &str,
    token: &str,
    write: &RevisionWrite<'_>,
    max_revisions: i64,
) -> Result<Appended, ServiceError> {
    on_backend!(db, append_revision(id, token, write, max_revisions))
}

/// Deletes a scenario and all its revisions if `token` is its edit token.
pub async fn delete(db: &Database, id: &str, token: &str) -> Result<(), ServiceError> {
    on_backend!(db, delete(id, token))
}

/// Checks `token` against scenario `id` (outside any write).
pub async fn check_token(db: &Database, id: &str, token: &str) -> Result<(), ServiceError> {
    on_backend!(db, check_token(id, token))
}

/// The latest revision of a scenario, if it exists.
pub async fn latest(db: &Database, id: &str) -> Result<Option<StoredRevision>, sqlx::Error> {
    on_backend!(db, latest(id))
}

/// Revision `n` of a scenario, if both exist.
pub async fn revision(
    db: &Database,
    id: &str,
    n: i64,
) -> Result<Option<StoredRevision>, sqlx::Error> {
    on_backend!(db, revision(id, n))
}

/// `(id, name)` of the latest revision of each of `ids` that exists, in the order
/// of `ids`, without reading any input (so nothing is recalculated).
pub async fn names(db: &Database, ids: &[&str]) -> Result<Vec<(String, String)>, sqlx::Error> {
    on_backend!(db, names(ids))
}

/// The latest revision number of `id` (`n` = `None`), or `n` if that revision
/// exists; `None` if it does not. Reads no input: for ETags, before any work.
pub async fn revision_number(
    db: &Database,
    id: &str,
    n: Option<i64>,
) -> Result<Option<i64>, sqlx::Error> {
    on_backend!(db, revision_number(id, n))
}
