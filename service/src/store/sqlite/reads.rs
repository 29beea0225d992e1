//! The SQLite backend's reads: single statements, no transaction.

use sqlx::SqlitePool;

use crate::store::StoredRevision;

/// The latest revision of a scenario, if it exists.
pub(in crate::store) async fn latest(
    pool: &SqlitePool,
    id: &str,
) -> Result<Option<StoredRevision>, sqlx::Error> {
    sqlx::query_as(select_revision!(
        "WHERE s.id = ? AND r.revision = s.latest_revision"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

/// Revision `n` of a scenario, if both exist.
pub(in crate::store) async fn revision(
    pool: &SqlitePool,
    id: &str,
    n: i64,
) -> Result<Option<StoredRevision>, sqlx::Error> {
    sqlx::query_as(select_revision!("WHERE s.id = ? AND r.revision = ?"))
        .bind(id)
        .bind(n)
        .fetch_optional(pool)
        .await
}

/// `(id, name)` of the latest revision of each of `ids` that exists, in the order
/// of `ids`, without reading any input (so nothing is recalculated).
pub(in crate::store) async fn names(
    pool: &SqlitePool,
    ids: &[&str],
) -> Result<Vec<(String, String)>, sqlx::Error> {
    // One static statement for any number of ids: they travel as one JSON array
    // bound to `?` (no SQL is built from data), and `json_each`'s `key` is each
    // id's position, so the order asked for survives the join.
    let wanted = serde_json::to_string(ids).expect("strings serialize");
    sqlx::query_as(
        "SELECT s.id, r.name FROM json_each(?) AS wanted \
         JOIN scenarios s ON s.id = wanted.value \
         JOIN scenario_revisions r ON r.scenario_id = s.id AND r.revision = s.latest_revision \
         ORDER BY wanted.key",
    )
    .bind(wanted)
    .fetch_all(pool)
    .await
}

/// The latest revision number of `id` (`n` = `None`), or `n` if that revision
/// exists; `None` if it does not. Reads no input: for ETags, before any work.
pub(in crate::store) async fn revision_number(
    pool: &SqlitePool,
    id: &str,
    n: Option<i64>,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COALESCE(?2, s.latest_revision) FROM scenarios s \
         JOIN scenario_revisions r ON r.scenario_id = s.id \
         AND r.revision = COALESCE(?2, s.latest_revision) WHERE s.id = ?1",
    )
    .bind(id)
    .bind(n)
    .fetch_optional(pool)
    .await
}
