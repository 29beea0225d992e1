//! The PostgreSQL backend's SQL. Writers of one scenario are serialised by
//! `SELECT … FOR UPDATE` on its row, so saves from different replicas number
//! their revisions without gaps; the primary key on (scenario, revision) would
//! refuse a duplicate anyway. Timestamps are the same RFC 3339 text as SQLite's.
//! The size guard is [`room`]'s check inside each write that adds a row.

use sqlx::{PgConnection, PgPool};

use super::{Appended, Next, RevisionWrite, StoredRevision, next_values};
use crate::error::ServiceError;
use crate::{commit, secrets};

mod room;

const NOW: &str =
    r#"SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#;

/// A revision query with the given `WHERE` clause (see the SQLite backend).
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

pub(super) async fn insert(
    pool: &PgPool,
    max_bytes: u64,
    id: &str,
    token_hash: &[u8],
    write: &RevisionWrite<'_>,
) -> Result<String, ServiceError> {
    let mut tx = pool.begin().await?;
    room::ensure(&mut tx, max_bytes).await?;
    let now: String = sqlx::query_scalar(NOW).fetch_one(&mut *tx).await?;
    sqlx::query(
        "INSERT INTO scenarios (id, edit_token_hash, latest_revision, created_at, updated_at) \
         VALUES ($1, $2, 1, $3, $3)",
    )
    .bind(id)
    .bind(token_hash)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO scenario_revisions \
         (scenario_id, revision, name, input_json, model_version, created_at) \
         VALUES ($1, 1, $2, $3, $4, $5)",
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

pub(super) async fn append_revision(
    pool: &PgPool,
    max_bytes: u64,
    id: &str,
    token: &str,
    write: &RevisionWrite<'_>,
    max_revisions: i64,
) -> Result<Appended, ServiceError> {
    let mut tx = pool.begin().await?;
    let (latest, created_at) = authorize(&mut tx, id, token).await?;
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
            let row = StoredRevision::new(id, latest, latest_row.clone(), created_at, latest_at);
            return Ok(Appended::Unchanged(row));
        }
    };
    // Only a write that adds a row is refused when full, as on SQLite.
    room::ensure(&mut tx, max_bytes).await?;
    let next = latest + 1;
    let now: String = sqlx::query_scalar(NOW).fetch_one(&mut *tx).await?;
    let inserted = sqlx::query(
        "INSERT INTO scenario_revisions \
         (scenario_id, revision, name, input_json, model_version, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
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
        sqlx::query("UPDATE scenarios SET latest_revision = $1, updated_at = $2 WHERE id = $3")
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

pub(super) async fn delete(
    pool: &PgPool,
    id: &str,
    token: &str,
    expected: &[i64],
) -> Result<(), ServiceError> {
    let mut tx = pool.begin().await?;
    let (latest, _) = authorize(&mut tx, id, token).await?;
    super::expect_latest(expected, latest)?;
    sqlx::query("DELETE FROM scenarios WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    commit::begin_commit();
    tx.commit().await?;
    Ok(())
}

pub(super) async fn check_token(pool: &PgPool, id: &str, token: &str) -> Result<(), ServiceError> {
    let mut tx = pool.begin().await?;
    authorize(&mut tx, id, token).await.map(|_| ())
}

pub(super) async fn latest(pool: &PgPool, id: &str) -> Result<Option<StoredRevision>, sqlx::Error> {
    sqlx::query_as(select_revision!(
        "WHERE s.id = $1 AND r.revision = s.latest_revision"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
}

pub(super) async fn revision(
    pool: &PgPool,
    id: &str,
    n: i64,
) -> Result<Option<StoredRevision>, sqlx::Error> {
    sqlx::query_as(select_revision!("WHERE s.id = $1 AND r.revision = $2"))
        .bind(id)
        .bind(n)
        .fetch_optional(pool)
        .await
}

pub(super) async fn names(
    pool: &PgPool,
    ids: &[&str],
) -> Result<Vec<(String, String)>, sqlx::Error> {
    // The ids travel as one array; `WITH ORDINALITY` keeps the order asked for.
    let wanted: Vec<String> = ids.iter().map(|id| (*id).to_owned()).collect();
    sqlx::query_as(
        "SELECT s.id, r.name FROM unnest($1::text[]) WITH ORDINALITY AS wanted(id, position) \
         JOIN scenarios s ON s.id = wanted.id \
         JOIN scenario_revisions r ON r.scenario_id = s.id AND r.revision = s.latest_revision \
         ORDER BY wanted.position",
    )
    .bind(wanted)
    .fetch_all(pool)
    .await
}

pub(super) async fn revision_number(
    pool: &PgPool,
    id: &str,
    n: Option<i64>,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT r.revision FROM scenarios s \
         JOIN scenario_revisions r ON r.scenario_id = s.id \
         AND r.revision = COALESCE($2::bigint, s.latest_revision) WHERE s.id = $1",
    )
    .bind(id)
    .bind(n)
    .fetch_optional(pool)
    .await
}

/// Locks the scenario's row for this transaction (concurrent writers of it
/// wait here), checks the token and returns the latest revision number and
/// when the scenario was created.
async fn authorize(
    tx: &mut PgConnection,
    id: &str,
    token: &str,
) -> Result<(i64, String), ServiceError> {
    let row: Option<(Vec<u8>, i64, String)> = sqlx::query_as(
        "SELECT edit_token_hash, latest_revision, created_at FROM scenarios \
         WHERE id = $1 FOR UPDATE",
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
