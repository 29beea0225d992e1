//! Storage of scenarios and revisions: one design, two small backends. What a
//! write decides (is it a change? is the scenario at its cap?) is written once
//! here, its statements and their order once in [`sql`]; each backend only
//! says what it says its own way: the time, a list of ids, and how writers are
//! serialised (SQLite's `BEGIN IMMEDIATE`, PostgreSQL's `SELECT … FOR UPDATE`).

mod postgres;
mod sql;
mod sqlite;

use sqlx::{ColumnIndex, Decode, FromRow, Postgres, Row, Sqlite, Type};

use sql::Backend as _;

use crate::db::{Backend, Database};
use crate::error::ServiceError;

/// One revision as stored, with its scenario's timestamps.
#[derive(Debug, Clone)]
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

/// Read by column name, as `#[derive(FromRow)]` would (that derive is sqlx's
/// `macros` feature, left out: `db/migrations.rs` says why).
impl<'r, R: Row> FromRow<'r, R> for StoredRevision
where
    &'r str: ColumnIndex<R>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        Ok(Self {
            id: row.try_get("id")?,
            revision: row.try_get("revision")?,
            name: row.try_get("name")?,
            input_json: row.try_get("input_json")?,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
        })
    }
}

impl StoredRevision {
    /// Revision `revision` of `id` with its `(name, input_json)`, as a write
    /// transaction saw it.
    fn new(
        id: &str,
        revision: i64,
        (name, input_json): (String, String),
        created_at: String,
        updated_at: String,
    ) -> Self {
        Self {
            id: id.to_owned(),
            revision,
            name,
            input_json,
            created_at,
            updated_at,
        }
    }
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
    /// The revisions the write may find latest: the one the caller read (and
    /// calculated) before writing, or those an `If-Match` names. With another
    /// one latest, nothing is written ([`Appended::Moved`]). Empty: on top of
    /// whatever is latest.
    pub based_on: &'a [i64],
}

/// What [`append_revision`] did.
#[derive(Debug, Clone)]
pub enum Appended {
    /// This new revision was written.
    New(StoredRevision),
    /// The change equals the latest revision (this one); nothing was written.
    Unchanged(StoredRevision),
    /// The latest revision is no longer the one the write was based on;
    /// nothing was written.
    Moved,
}

/// What the next revision of a scenario is, given its latest one.
enum Next<'a> {
    /// These `(name, input_json)`.
    Write(&'a str, &'a str),
    /// It would equal the latest: nothing to write.
    Unchanged,
    /// The write was based on an older revision: nothing to write.
    Moved,
}

/// The next revision, given the latest one (`latest`, with its `(name,
/// input_json)`); an error when the scenario already has `max_revisions`.
fn next_values<'a>(
    latest: i64,
    (latest_name, latest_input): &'a (String, String),
    write: &'a RevisionWrite<'a>,
    max_revisions: i64,
) -> Result<Next<'a>, ServiceError> {
    if !is_based_on(write.based_on, latest) {
        return Ok(Next::Moved);
    }
    let name = write.name.unwrap_or(latest_name);
    let input_json = write.input_json.unwrap_or(latest_input);
    if name == latest_name && input_json == latest_input {
        return Ok(Next::Unchanged);
    }
    if latest >= max_revisions {
        return Err(ServiceError::RevisionLimit {
            max: max_revisions.unsigned_abs(),
        });
    }
    Ok(Next::Write(name, input_json))
}

/// Runs an operation of [`sql::Backend`] on the database's backend.
macro_rules! on_backend {
    ($db:expr, $operation:ident($($arg:expr),*)) => {
        match $db.backend() {
            Backend::Sqlite(pool) => Sqlite::$operation(pool, $($arg),*).await,
            Backend::Postgres(pool) => Postgres::$operation(pool, $($arg),*).await,
        }
    };
}

/// Inserts a scenario and its first revision; returns the creation time. A
/// full database refuses it ([`ServiceError::StorageFull`]): SQLite by its page
/// cap, PostgreSQL by the size check in the same transaction.
pub async fn insert(
    db: &Database,
    id: &str,
    token_hash: &[u8],
    write: &RevisionWrite<'_>,
) -> Result<String, ServiceError> {
    on_backend!(db, insert(db.max_bytes(), id, token_hash, write))
}

/// Appends the next revision if `token` is the scenario's edit token, unless it
/// would equal the latest one or the latest is not `write.based_on`, and only
/// while the scenario has fewer than `max_revisions` (and the database has
/// room). Revisions are numbered without gaps under concurrent writers.
pub async fn append_revision(
    db: &Database,
    id: &str,
    token: &str,
    write: &RevisionWrite<'_>,
    max_revisions: i64,
) -> Result<Appended, ServiceError> {
    on_backend!(
        db,
        append_revision(db.max_bytes(), id, token, write, max_revisions)
    )
}

/// Deletes a scenario and all its revisions if `token` is its edit token and
/// its latest revision is one of `expected` (any, when empty).
pub async fn delete(
    db: &Database,
    id: &str,
    token: &str,
    expected: &[i64],
) -> Result<(), ServiceError> {
    on_backend!(db, delete(id, token, expected))
}

/// Whether a write based on `based_on` may go on `latest` (read inside the
/// write's transaction, with the scenario's row locked): see
/// [`RevisionWrite::based_on`].
fn is_based_on(based_on: &[i64], latest: i64) -> bool {
    based_on.is_empty() || based_on.contains(&latest)
}

/// Refuses a delete that `expected` no longer describes (as `is_based_on`).
fn expect_latest(expected: &[i64], latest: i64) -> Result<(), ServiceError> {
    match is_based_on(expected, latest) {
        true => Ok(()),
        false => Err(ServiceError::RevisionMoved),
    }
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
    // The one statement the two say differently: how a list of ids is bound.
    match db.backend() {
        Backend::Sqlite(pool) => sqlite::names(pool, ids).await,
        Backend::Postgres(pool) => postgres::names(pool, ids).await,
    }
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
