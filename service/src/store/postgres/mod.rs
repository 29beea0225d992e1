//! What the PostgreSQL backend says its own way. Writers of one scenario are
//! serialised by `SELECT … FOR UPDATE` on its row, so saves from different
//! replicas number their revisions without gaps; the primary key on (scenario,
//! revision) would refuse a duplicate anyway. Timestamps are the same RFC 3339
//! text as SQLite's. The size guard is [`room`]'s check inside each write that
//! adds a row.

use sqlx::postgres::PgQueryResult;
use sqlx::{PgConnection, PgPool, Postgres, Transaction};

use super::sql::Backend;
use crate::error::ServiceError;

mod room;

impl Backend for Postgres {
    const NOW: &'static str =
        r#"SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#;
    // Locks the scenario's row for the transaction: its other writers wait here.
    const AUTHORIZE: &'static str = "SELECT edit_token_hash, latest_revision, created_at \
        FROM scenarios WHERE id = $1 FOR UPDATE";

    async fn begin_write(pool: &PgPool) -> Result<Transaction<'static, Self>, sqlx::Error> {
        pool.begin().await
    }

    async fn ensure_room(tx: &mut PgConnection, max_bytes: u64) -> Result<(), ServiceError> {
        room::ensure(tx, max_bytes).await
    }

    fn rows_affected(result: &PgQueryResult) -> u64 {
        result.rows_affected()
    }
}

/// See [`super::names`].
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
