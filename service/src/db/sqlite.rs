//! Opening a SQLite file: WAL (readers proceed while one writer commits), a busy
//! timeout (concurrent writers queue instead of failing), the durability asked
//! for, foreign keys, the size guard, and no connection left in a transaction
//! SQLite ended on its own.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, SqliteConnection, SqlitePool};

use super::{DbError, DbSettings, Durability, migrations};

/// The page size SQLite uses for new files, to turn bytes into `max_page_count`.
const PAGE_BYTES: u64 = 4096;

impl From<Durability> for SqliteSynchronous {
    fn from(durability: Durability) -> Self {
        match durability {
            Durability::Full => SqliteSynchronous::Full,
            Durability::Normal => SqliteSynchronous::Normal,
        }
    }
}

/// Opens (creating if missing) and migrates the file at `url`.
pub(super) async fn connect(url: &str, settings: DbSettings) -> Result<SqlitePool, DbError> {
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|source| DbError::InvalidUrl {
            url: url.to_owned(),
            reason: source.to_string(),
        })?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .busy_timeout(Duration::from_secs(5))
        .synchronous(settings.durability.into())
        .foreign_keys(true)
        // The size guard: SQLite itself refuses to grow past it (SQLITE_FULL),
        // the same error a full disk gives, so both are one path.
        .pragma(
            "max_page_count",
            (settings.max_bytes / PAGE_BYTES).max(1).to_string(),
        );
    // Processes that open a new file together meet SQLite's lock while one
    // switches it to WAL (that step does not wait on the busy timeout): the
    // others try again shortly.
    let mut attempt: u32 = 0;
    let pool = loop {
        match SqlitePoolOptions::new()
            .max_connections(8)
            .after_release(|connection, _| Box::pin(reusable(connection)))
            .connect_with(options.clone())
            .await
        {
            Ok(pool) => break pool,
            Err(source) if attempt < 25 && is_locked(&source) => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis((50 * u64::from(attempt)).min(500))).await;
            }
            Err(source) => {
                return Err(DbError::Open {
                    url: url.to_owned(),
                    source,
                });
            }
        }
    };
    migrate(&pool).await?;
    Ok(pool)
}

/// Whether a connection given back may serve again. SQLite rolls a transaction
/// back by itself on some errors (`SQLITE_FULL`: the size guard); sqlx still
/// counts it open, its own rollback then fails, and the connection would refuse
/// every later `BEGIN` (a 500 on one write in eight after the database was once
/// full). Such a connection is closed; the pool opens a fresh one.
async fn reusable(connection: &mut SqliteConnection) -> Result<bool, sqlx::Error> {
    // Runs the rollback a dropped transaction queued, so the count is settled.
    connection.ping().await?;
    Ok(!connection.is_in_transaction())
}

/// `SQLITE_BUSY` or `SQLITE_LOCKED` (extended codes included).
fn is_locked(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db)
        if db.code().and_then(|c| c.parse::<i32>().ok()).is_some_and(|c| matches!(c & 0xff, 5 | 6)))
}

/// Runs the migrations. SQLite's migrator takes no lock, so processes that
/// open a new file together race to create the schema and the loser finds a
/// table already made. Each migration is one transaction, so the loser's
/// rolled back; running again sees the winner's record and skips it.
async fn migrate(pool: &SqlitePool) -> Result<(), DbError> {
    let migrator = migrations::migrator(migrations::SQLITE);
    let mut attempt: u32 = 0;
    loop {
        match migrator.run(pool).await {
            Ok(()) => return Ok(()),
            // About 10 s in all: a busy machine may start many processes at once.
            Err(error) if attempt >= 25 => return Err(error.into()),
            Err(error) => {
                attempt += 1;
                tracing::debug!(%error, attempt, "migration raced another process; trying again");
                let pause = (50 * u64::from(attempt)).min(500);
                tokio::time::sleep(Duration::from_millis(pause)).await;
            }
        }
    }
}

/// `PRAGMA wal_checkpoint(TRUNCATE)`.
pub(super) async fn checkpoint(pool: &SqlitePool) -> Result<(), DbError> {
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await?;
    Ok(())
}
