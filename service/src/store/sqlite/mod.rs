//! What the SQLite backend says its own way. Each write is one `BEGIN
//! IMMEDIATE` transaction: it takes SQLite's write lock up front, so two saves
//! of one scenario queue (busy timeout) instead of both reading the same latest
//! revision. A full database refuses a write itself (`max_page_count`), and a
//! file already past the limit when it was opened is refused before writing.

use sqlx::sqlite::SqliteQueryResult;
use sqlx::{Sqlite, SqliteConnection, SqlitePool, Transaction};

use super::sql::Backend;
use crate::error::ServiceError;

impl Backend for Sqlite {
    const NOW: &'static str = "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    // No row locks in SQLite: `BEGIN IMMEDIATE` already holds the write lock.
    const AUTHORIZE: &'static str =
        "SELECT edit_token_hash, latest_revision, created_at FROM scenarios WHERE id = $1";

    async fn begin_write(pool: &SqlitePool) -> Result<Transaction<'static, Self>, sqlx::Error> {
        pool.begin_with("BEGIN IMMEDIATE").await
    }

    /// `max_page_count` keeps the file from growing past the limit, but SQLite
    /// quietly raises it to the file's size when the file is already larger (a
    /// lowered `--max-database-mb`, a restored backup): such a file took every
    /// save that fitted in its free pages. A file past the limit refuses them.
    /// One read of the file's header: no cost a write would feel.
    async fn ensure_room(tx: &mut SqliteConnection, max_bytes: u64) -> Result<(), ServiceError> {
        let size: i64 = sqlx::query_scalar(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        )
        .fetch_one(&mut *tx)
        .await?;
        match u64::try_from(size) {
            Ok(size) if size <= max_bytes => Ok(()),
            _ => Err(ServiceError::StorageFull),
        }
    }

    fn rows_affected(result: &SqliteQueryResult) -> u64 {
        result.rows_affected()
    }
}

/// `(id, name)` of the latest revision of each of `ids` that exists, in the order
/// of `ids`, without reading any input (so nothing is recalculated).
pub(super) async fn names(
    pool: &SqlitePool,
    ids: &[&str],
) -> Result<Vec<(String, String)>, sqlx::Error> {
    // One static statement for any number of ids: they travel as one JSON array
    // bound to `$1` (no SQL is built from data), and `json_each`'s `key` is each
    // id's position, so the order asked for survives the join.
    let wanted = serde_json::to_string(ids).expect("strings serialize");
    sqlx::query_as(
        "SELECT s.id, r.name FROM json_each($1) AS wanted \
         JOIN scenarios s ON s.id = wanted.value \
         JOIN scenario_revisions r ON r.scenario_id = s.id AND r.revision = s.latest_revision \
         ORDER BY wanted.key",
    )
    .bind(wanted)
    .fetch_all(pool)
    .await
}
