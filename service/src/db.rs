//! The SQLite pool: opening, configuring and migrating the database file.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

/// Why the database could not be opened, migrated or reached.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The `DATABASE_URL` is not a SQLite URL we can parse.
    #[error("invalid database URL {url:?}: {reason}")]
    InvalidUrl {
        /// The URL as given (it holds no secret for SQLite).
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The file could not be opened or created.
    #[error("cannot open database {url:?}: {source}")]
    Open {
        /// The URL as given.
        url: String,
        /// What sqlx said about it.
        source: sqlx::Error,
    },
    /// A migration failed; the server must not start on a half-migrated schema.
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Any other query failure.
    #[error("database query failed: {0}")]
    Query(#[from] sqlx::Error),
}

/// The process-wide connection pool. Cheap to clone: clones share one pool.
#[derive(Clone, Debug)]
pub struct Database {
    pool: SqlitePool,
}

impl Database {
    /// Opens (creating if missing) and migrates the SQLite database at `url`.
    ///
    /// WAL lets readers proceed while one writer commits; the busy timeout makes
    /// concurrent writers queue instead of failing with `SQLITE_BUSY`.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        // sqlx's SQLite parser takes any string as a file name; a Postgres URL
        // must not silently become a local file called "postgres:".
        if !url.starts_with("sqlite:") {
            return Err(DbError::InvalidUrl {
                url: url.to_owned(),
                reason: "only sqlite: URLs are supported".into(),
            });
        }
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|source| DbError::InvalidUrl {
                url: url.to_owned(),
                reason: source.to_string(),
            })?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .busy_timeout(Duration::from_secs(5))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(|source| DbError::Open {
                url: url.to_owned(),
                source,
            })?;
        sqlx::migrate!("../migrations").run(&pool).await?;
        Ok(Self { pool })
    }

    /// Checks that the database answers a trivial query (used by `/readyz`).
    pub async fn ping(&self) -> Result<(), DbError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// The underlying pool, for the repositories of this crate.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Closes every connection; waits for checked-out ones to come back.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn connect_creates_and_migrates_a_new_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("new.db").display());

        let db = Database::connect(&url).await.expect("connect");

        db.ping().await.expect("ping");
        let tables: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'scenarios'",
        )
        .fetch_one(db.pool())
        .await
        .expect("query");
        assert_eq!(tables, 1);
    }

    #[tokio::test]
    async fn an_unreadable_url_is_a_clear_error() {
        let err = Database::connect("postgres://nope").await.unwrap_err();
        assert!(err.to_string().contains("invalid database URL"), "{err}");
    }
}
