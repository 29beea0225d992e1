//! The SQLite pool: opening, configuring and migrating the database file.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

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

/// How hard SQLite works to keep an acknowledged write through a crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous=FULL`: survives power loss (the default).
    Full,
    /// `synchronous=NORMAL`: survives a process crash; the last commits may be
    /// lost on power loss. Faster writes.
    Normal,
}

impl From<Durability> for SqliteSynchronous {
    fn from(durability: Durability) -> Self {
        match durability {
            Durability::Full => SqliteSynchronous::Full,
            Durability::Normal => SqliteSynchronous::Normal,
        }
    }
}

/// How the database is opened: durability and the size guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DbSettings {
    /// How hard SQLite works to keep an acknowledged write.
    pub durability: Durability,
    /// The largest the database file may grow, in bytes (rounded down to whole
    /// 4 KiB pages). A write that needs more fails as full (507) and changes
    /// nothing; reads go on.
    pub max_bytes: u64,
}

/// The page size SQLite uses for new files, to turn bytes into `max_page_count`.
const PAGE_BYTES: u64 = 4096;

impl Default for DbSettings {
    /// Power-loss-safe, and at most 1 GiB.
    fn default() -> Self {
        Self {
            durability: Durability::Full,
            max_bytes: 1 << 30,
        }
    }
}

/// The process-wide connection pool. Cheap to clone: clones share one pool.
#[derive(Clone, Debug)]
pub struct Database {
    pool: SqlitePool,
}

impl Database {
    /// Opens (creating if missing) and migrates the SQLite database at `url`, with
    /// `synchronous=FULL`: a save acknowledged is on disk even if the machine loses
    /// power, and the default size guard. See [`Database::connect_with`].
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        Self::connect_with(url, DbSettings::default()).await
    }

    /// Opens (creating if missing) and migrates the SQLite database at `url`.
    ///
    /// WAL lets readers proceed while one writer commits; the busy timeout makes
    /// concurrent writers queue instead of failing with `SQLITE_BUSY`.
    pub async fn connect_with(url: &str, settings: DbSettings) -> Result<Self, DbError> {
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
            .synchronous(settings.durability.into())
            .foreign_keys(true)
            // The size guard: SQLite itself refuses to grow past it (SQLITE_FULL),
            // the same error a full disk gives, so both are one path.
            .pragma(
                "max_page_count",
                (settings.max_bytes / PAGE_BYTES).max(1).to_string(),
            );
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

    /// Copies the live database into a new file `path`, consistently (one read
    /// transaction) and without stopping writers: SQLite's `VACUUM INTO`. Fails if
    /// `path` exists, so a backup never overwrites anything.
    pub async fn backup_to(&self, path: &str) -> Result<(), DbError> {
        sqlx::query("VACUUM INTO ?")
            .bind(path)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Moves every committed page from the WAL into the main file and truncates
    /// the WAL, so the database file alone is complete (done at shutdown).
    pub async fn checkpoint(&self) -> Result<(), DbError> {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Checkpoints the WAL, then closes every connection (waiting for checked-out
    /// ones to come back).
    pub async fn close(&self) {
        if let Err(error) = self.checkpoint().await {
            tracing::warn!(%error, "WAL checkpoint at shutdown failed");
        }
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
    async fn durability_sets_synchronous() {
        let dir = tempfile::tempdir().expect("temp dir");
        for (durability, expected) in [(Durability::Full, 2), (Durability::Normal, 1)] {
            let url = format!(
                "sqlite://{}",
                dir.path().join(format!("{expected}.db")).display()
            );
            let settings = DbSettings {
                durability,
                ..DbSettings::default()
            };
            let db = Database::connect_with(&url, settings)
                .await
                .expect("connect");
            let level: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(db.pool())
                .await
                .expect("pragma");
            assert_eq!(level, expected, "{durability:?}");
        }
    }

    #[tokio::test]
    async fn an_unreadable_url_is_a_clear_error() {
        let err = Database::connect("postgres://nope").await.unwrap_err();
        assert!(err.to_string().contains("invalid database URL"), "{err}");
    }
}
