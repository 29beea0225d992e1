//! The size guard on PostgreSQL. SQLite enforces it itself (`max_page_count`,
//! and a check of the file's size for a file opened past it);
//! PostgreSQL has no such cap, so a write that adds a row first measures what
//! Clusterplan stores, inside its own transaction, and is refused as full (507,
//! nothing written) once that has reached the limit.
//!
//! What is measured: the two tables with their indexes and TOAST (what the
//! SQLite file holds, so a limit means the same on both backends), not
//! PostgreSQL's own catalogs (some 8 MB, constant) nor the server's WAL, which
//! every database on the server shares. `pg_database_size` would count the
//! catalogs too, at ten times the cost: it visits each of some 300 files.
//!
//! The margin: the check and the insert are two statements, so writers that
//! pass the check at once each add their row. The tables can end up past the
//! limit by one revision per connection writing at that moment (8 per replica,
//! each one resolved input: a few KiB, bounded by the 320 KiB body limit plus
//! the defaults filled in), plus the step PostgreSQL extends a file by. Deleting scenarios frees room inside the files, which PostgreSQL reuses
//! once vacuumed, but the measured size only drops after `VACUUM FULL` (see
//! docs/RELIABILITY.md).

use sqlx::PgConnection;

use crate::error::ServiceError;

/// `Err(StorageFull)` when the tables hold `max_bytes` or more.
pub(super) async fn ensure(tx: &mut PgConnection, max_bytes: u64) -> Result<(), ServiceError> {
    // A stat() of each of the tables' few files: tens of microseconds.
    let size: i64 = sqlx::query_scalar(
        "SELECT pg_total_relation_size('scenarios') \
         + pg_total_relation_size('scenario_revisions')",
    )
    .fetch_one(&mut *tx)
    .await?;
    match u64::try_from(size) {
        Ok(size) if size < max_bytes => Ok(()),
        _ => Err(ServiceError::StorageFull),
    }
}
