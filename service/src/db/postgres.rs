//! Opening a PostgreSQL database: a bounded pool whose waits end (so an
//! unreachable or saturated server is a 503, not a hung request) and the
//! migrations, which sqlx runs under an advisory lock, so two replicas that
//! start together migrate once.

use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

use super::{DbError, migrations, redact};

/// Connects to `url` and migrates.
pub(super) async fn connect(url: &str) -> Result<PgPool, DbError> {
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        // A statement stuck behind a lock for this long is answered as busy.
        .after_connect(|connection, _| {
            Box::pin(async move {
                sqlx::query("SET lock_timeout = '5s'")
                    .execute(connection)
                    .await
                    .map(|_| ())
            })
        })
        .connect(url)
        .await
        .map_err(|source| DbError::Open {
            url: redact(url),
            source,
        })?;
    migrations::migrator(migrations::POSTGRES)
        .run(&pool)
        .await?;
    Ok(pool)
}
