//! The store's statements and the order of each write, written once for both
//! backends (SQLite takes PostgreSQL's numbered `$1` parameters). What differs
//! is [`Backend`]'s required items: how a write starts and serialises writers,
//! what time it is, and whether a write first checks for room.

use sqlx::{
    ColumnIndex, Database, Decode, Encode, Executor, IntoArguments, Pool, Transaction, Type,
};

use super::{Appended, Next, RevisionWrite, StoredRevision, next_values};
use crate::commit;
use crate::error::ServiceError;
use crate::secrets;

/// A revision query with the given `WHERE` clause, as one static string (sqlx
/// only takes SQL it can see is not built from data).
macro_rules! select_revision {
    ($where:literal) => {
        concat!(
            "SELECT s.id, r.revision, r.name, r.input_json, s.created_at, ",
            "r.created_at AS updated_at ",
            "FROM scenarios s JOIN scenario_revisions r ON r.scenario_id = s.id ",
            $where
        )
    };
}

const INSERT_REVISION: &str = "INSERT INTO scenario_revisions \
    (scenario_id, revision, name, input_json, model_version, created_at) \
    VALUES ($1, $2, $3, $4, $5, $6)";

/// A database Clusterplan stores in, and the few things its SQL says its own
/// way. The bounds are what the shared statements bind and read.
pub(super) trait Backend: Database
where
    for<'c> &'c mut Self::Connection: Executor<'c, Database = Self>,
    Self::Arguments: IntoArguments<Self>,
    for<'q> &'q str: Encode<'q, Self> + Type<Self>,
    for<'q> &'q [u8]: Encode<'q, Self> + Type<Self>,
    for<'q> Option<&'q str>: Encode<'q, Self> + Type<Self>,
    for<'q> i64: Encode<'q, Self>,
    for<'q> Option<i64>: Encode<'q, Self> + Type<Self>,
    for<'r> i64: Decode<'r, Self> + Type<Self>,
    for<'r> String: Decode<'r, Self> + Type<Self>,
    for<'r> Vec<u8>: Decode<'r, Self> + Type<Self>,
    usize: ColumnIndex<Self::Row>,
    for<'n> &'n str: ColumnIndex<Self::Row>,
{
    /// The current time as RFC 3339 text with milliseconds, in UTC.
    const NOW: &'static str;
    /// `(edit_token_hash, latest_revision, created_at)` of scenario `$1`,
    /// locking its row for the transaction where the backend locks rows.
    const AUTHORIZE: &'static str;

    /// Starts a write: from here on, writers of one scenario are serialised.
    async fn begin_write(pool: &Pool<Self>) -> Result<Transaction<'static, Self>, sqlx::Error>;

    /// Refuses a row added to a full database (where it does not itself).
    async fn ensure_room(tx: &mut Self::Connection, max_bytes: u64) -> Result<(), ServiceError>;

    /// How many rows a statement changed.
    fn rows_affected(result: &Self::QueryResult) -> u64;

    /// See [`super::insert`].
    async fn insert(
        pool: &Pool<Self>,
        max_bytes: u64,
        id: &str,
        token_hash: &[u8],
        write: &RevisionWrite<'_>,
    ) -> Result<String, ServiceError> {
        let mut tx = Self::begin_write(pool).await?;
        Self::ensure_room(&mut tx, max_bytes).await?;
        let now: String = sqlx::query_scalar(Self::NOW).fetch_one(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO scenarios (id, edit_token_hash, latest_revision, created_at, updated_at) \
             VALUES ($1, $2, 1, $3, $3)",
        )
        .bind(id)
        .bind(token_hash)
        .bind(now.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(INSERT_REVISION)
            .bind(id)
            .bind(1_i64)
            .bind(write.name)
            .bind(write.input_json)
            .bind(write.model_version)
            .bind(now.as_str())
            .execute(&mut *tx)
            .await?;
        commit::begin_commit();
        tx.commit().await?;
        Ok(now)
    }

    /// See [`super::append_revision`].
    async fn append_revision(
        pool: &Pool<Self>,
        max_bytes: u64,
        id: &str,
        token: &str,
        write: &RevisionWrite<'_>,
        max_revisions: i64,
    ) -> Result<Appended, ServiceError> {
        let mut tx = Self::begin_write(pool).await?;
        let (latest, created_at) = Self::authorize(&mut tx, id, token).await?;
        // The new revision copies what it does not replace from the latest one.
        let (latest_name, latest_input, latest_at): (String, String, String) = sqlx::query_as(
            "SELECT name, input_json, created_at FROM scenario_revisions \
             WHERE scenario_id = $1 AND revision = $2",
        )
        .bind(id)
        .bind(latest)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(ServiceError::Inconsistent(
            "a scenario's latest revision is missing",
        ))?;
        let latest_row = (latest_name, latest_input);
        let (name, input_json) = match next_values(latest, &latest_row, write, max_revisions)? {
            Next::Write(name, input_json) => (name, input_json),
            Next::Moved => return Ok(Appended::Moved),
            Next::Unchanged => {
                let row =
                    StoredRevision::new(id, latest, latest_row.clone(), created_at, latest_at);
                return Ok(Appended::Unchanged(row));
            }
        };
        // Only a write that adds a row is refused when full.
        Self::ensure_room(&mut tx, max_bytes).await?;
        let next = latest + 1;
        let now: String = sqlx::query_scalar(Self::NOW).fetch_one(&mut *tx).await?;
        let inserted = sqlx::query(INSERT_REVISION)
            .bind(id)
            .bind(next)
            .bind(name)
            .bind(input_json)
            .bind(write.model_version)
            .bind(now.as_str())
            .execute(&mut *tx)
            .await?;
        let moved =
            sqlx::query("UPDATE scenarios SET latest_revision = $1, updated_at = $2 WHERE id = $3")
                .bind(next)
                .bind(now.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        // Dropping `tx` without commit rolls back: never a revision without its pointer.
        if Self::rows_affected(&inserted) != 1 || Self::rows_affected(&moved) != 1 {
            return Err(ServiceError::Inconsistent(
                "a revision write changed no row",
            ));
        }
        let row = StoredRevision::new(id, next, (name.into(), input_json.into()), created_at, now);
        commit::begin_commit();
        tx.commit().await?;
        Ok(Appended::New(row))
    }

    /// See [`super::delete`].
    async fn delete(
        pool: &Pool<Self>,
        id: &str,
        token: &str,
        expected: &[i64],
    ) -> Result<(), ServiceError> {
        let mut tx = Self::begin_write(pool).await?;
        let (latest, _) = Self::authorize(&mut tx, id, token).await?;
        super::expect_latest(expected, latest)?;
        sqlx::query("DELETE FROM scenarios WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        commit::begin_commit();
        tx.commit().await?;
        Ok(())
    }

    /// See [`super::check_token`].
    async fn check_token(pool: &Pool<Self>, id: &str, token: &str) -> Result<(), ServiceError> {
        let mut connection = pool.acquire().await?;
        Self::authorize(&mut connection, id, token)
            .await
            .map(|_| ())
    }

    /// Checks the token inside the write transaction (a concurrent delete cannot
    /// slip in between); returns the latest revision and the creation time.
    async fn authorize(
        connection: &mut Self::Connection,
        id: &str,
        token: &str,
    ) -> Result<(i64, String), ServiceError> {
        let row: Option<(Vec<u8>, i64, String)> = sqlx::query_as(Self::AUTHORIZE)
            .bind(id)
            .fetch_optional(&mut *connection)
            .await?;
        let (hash, latest, created_at) = row.ok_or_else(|| ServiceError::scenario_not_found(id))?;
        if secrets::token_matches(token, &hash) {
            Ok((latest, created_at))
        } else {
            Err(ServiceError::WrongToken)
        }
    }

    /// See [`super::latest`].
    async fn latest(pool: &Pool<Self>, id: &str) -> Result<Option<StoredRevision>, sqlx::Error> {
        sqlx::query_as(select_revision!(
            "WHERE s.id = $1 AND r.revision = s.latest_revision"
        ))
        .bind(id)
        .fetch_optional(pool)
        .await
    }

    /// See [`super::revision`].
    async fn revision(
        pool: &Pool<Self>,
        id: &str,
        n: i64,
    ) -> Result<Option<StoredRevision>, sqlx::Error> {
        sqlx::query_as(select_revision!("WHERE s.id = $1 AND r.revision = $2"))
            .bind(id)
            .bind(n)
            .fetch_optional(pool)
            .await
    }

    /// See [`super::revision_number`].
    async fn revision_number(
        pool: &Pool<Self>,
        id: &str,
        n: Option<i64>,
    ) -> Result<Option<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT r.revision FROM scenarios s \
             JOIN scenario_revisions r ON r.scenario_id = s.id \
             AND r.revision = COALESCE(CAST($2 AS BIGINT), s.latest_revision) WHERE s.id = $1",
        )
        .bind(id)
        .bind(n)
        .fetch_optional(pool)
        .await
    }
}
