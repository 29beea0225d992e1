//! The SQLite backend's SQL. Each write is one `BEGIN IMMEDIATE` transaction:
//! it takes SQLite's write lock up front, so two saves of one scenario queue
//! (busy timeout) instead of both reading the same latest revision.

use sqlx::{SqliteConnection, SqlitePool};

use super::{Appended, Next, RevisionWrite, StoredRevision, next_values};
use crate::error::ServiceError;
use crate::{commit, secrets};

const NOW: &str = "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

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

mod reads;

pub(super) use reads::{latest, names, revision, revision_number};

/// Inserts a scenario and its first revision; returns the creation time.
pub(super) async fn insert(
    pool: &SqlitePool,
    id: &str,
    token_hash: &[u8],
    write: &RevisionWrite<'_>,
) -> Result<String, sqlx::Error> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let now: String = sqlx::query_scalar(NOW).fetch_one(&mut *tx).await?;
    sqlx::query(
        "INSERT INTO scenarios (id, edit_token_hash, latest_revision, created_at, updated_at) \
         VALUES (?, ?, 1, ?, ?)",
    )
    .bind(id)
    .bind(token_hash)
    .bind(&now)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO scenario_revisions \
         (scenario_id, revision, name, input_json, model_version, created_at) \
         VALUES (?, 1, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(write.name)
    .bind(write.input_json)
    .bind(write.model_version)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    commit::begin_commit();
    tx.commit().await?;
    Ok(now)
}

/// See [`super::append_revision`].
pub(super) async fn append_revision(
    pool: &SqlitePool,
    id: &str,
    token: &str,
    write: &RevisionWrite<'_>,
    max_revisions: i64,
) -> Result<Appended, ServiceError> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (latest, created_at) = authorize(&mut tx, id, token).await?;
    // The new revision copies what it does not replace from the latest one.
    let (latest_name, latest_input, latest_at): (String, String, String) = sqlx::query_as(
        "SELECT name, input_json, created_at FROM scenario_revisions \
         WHERE scenario_id = ? AND revision = ?",
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
            let row = StoredRevision::new(id, latest, latest_row.clone(), created_at, latest_at);
            return Ok(Appended::Unchanged(row));
        }
    };
    let next = latest + 1;
    let now: String = sqlx::query_scalar(NOW).fetch_one(&mut *tx).await?;
    let inserted = sqlx::query(
        "INSERT INTO scenario_revisions \
         (scenario_id, revision, name, input_json, model_version, created_at) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(next)
    .bind(name)
    .bind(input_json)
    .bind(write.model_version)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    let moved =
        sqlx::query("UPDATE scenarios SET latest_revision = ?, updated_at = ? WHERE id = ?")
            .bind(next)
            .bind(&now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    // Dropping `tx` without commit rolls back: never a revision without its pointer.
    if inserted.rows_affected() != 1 || moved.rows_affected() != 1 {
        return Err(ServiceError::Inconsistent(
            "a revision write changed no row",
        ));
    }
    let row = StoredRevision::new(id, next, (name.into(), input_json.into()), created_at, now);
    commit::begin_commit();
    tx.commit().await?;
    Ok(Appended::New(row))
}

/// Deletes a scenario and all its revisions if `token` is its edit token.
pub(super) async fn delete(
    pool: &SqlitePool,
    id: &str,
    token: &str,
    expected: &[i64],
) -> Result<(), ServiceError> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let (latest, _) = authorize(&mut tx, id, token).await?;
    super::expect_latest(expected, latest)?;
    sqlx::query("DELETE FROM scenarios WHERE id = ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    commit::begin_commit();
    tx.commit().await?;
    Ok(())
}

/// Checks `token` against scenario `id` (outside any write).
pub(super) async fn check_token(
    pool: &SqlitePool,
    id: &str,
    token: &str,
) -> Result<(), ServiceError> {
    let mut connection = pool.acquire().await?;
    authorize(&mut connection, id, token).await.map(|_| ())
}

/// Checks the token inside the write transaction (so a concurrent delete cannot
/// slip between check and write); returns the latest revision number and when
/// the scenario was created.
async fn authorize(
    tx: &mut SqliteConnection,
    id: &str,
    token: &str,
) -> Result<(i64, String), ServiceError> {
    let row: Option<(Vec<u8>, i64, String)> = sqlx::query_as(
        "SELECT edit_token_hash, latest_revision, created_at FROM scenarios WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (hash, latest, created_at) =
        row.ok_or_else(|| ServiceError::NotFound(format!("scenario {id}")))?;
    if secrets::token_matches(token, &hash) {
        Ok((latest, created_at))
    } else {
        Err(ServiceError::WrongToken)
    }
}
