//! The database: SQLite (the default, one file beside one process) or
//! PostgreSQL (for several replicas), chosen by the URL's scheme. Opening,
//! configuring and migrating each is its backend's module; everything else
//! sees one [`Database`].

mod backup;
mod migrations;
mod postgres;
mod sqlite;

use sqlx::{PgPool, SqlitePool};

/// Why the database could not be opened, migrated or reached.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The `DATABASE_URL` is not a `sqlite:` or `postgres:` URL we can parse.
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
    /// The operation exists for the other backend only (a file backup of PostgreSQL).
    #[error("{0}")]
    Unsupported(&'static str),
    /// A backup's source opens, but holds no Clusterplan tables (an empty file,
    /// another program's database, one in memory).
    #[error("the source holds no Clusterplan database (no scenarios table)")]
    NotClusterplan,
    /// A backup's target exists: a backup never overwrites.
    #[error("{} exists; a backup never overwrites", .0.display())]
    Exists(std::path::PathBuf),
    /// A file of a backup could not be written, synced or linked.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
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

/// How the database is opened: durability and the size guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DbSettings {
    /// How hard SQLite works to keep an acknowledged write.
    pub durability: Durability,
    /// The largest the database may grow, in bytes: a write that needs more
    /// fails as full (507), changing nothing; reads go on. SQLite caps its file
    /// (whole 4 KiB pages; a file opened past it is measured before each write,
    /// `store/sqlite`); PostgreSQL is measured (`store/postgres/room.rs`).
    pub max_bytes: u64,
}

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
    backend: Backend,
    max_bytes: u64,
}

/// The pool of one backend; the store matches on it to run its SQL.
#[derive(Clone, Debug)]
pub enum Backend {
    /// A SQLite file.
    Sqlite(SqlitePool),
    /// A PostgreSQL server.
    Postgres(PgPool),
}

impl Database {
    /// Opens and migrates the database at `url` with the default settings
    /// (power-loss-safe, 1 GiB guard). See [`Database::connect_with`].
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        Self::connect_with(url, DbSettings::default()).await
    }

    /// Opens and migrates the database at `url`: `sqlite://…` (created if
    /// missing) or `postgres://…` / `postgresql://…`. Migrations run at start;
    /// two replicas starting at once are safe (SQLite has one writer,
    /// PostgreSQL's migrator takes an advisory lock).
    pub async fn connect_with(url: &str, settings: DbSettings) -> Result<Self, DbError> {
        let backend = if url.starts_with("sqlite:") {
            // No password in a SQLite URL; the file name is safe to say.
            Backend::Sqlite(sqlite::connect(url, settings).await?)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres(postgres::connect(url).await?)
        } else {
            // sqlx's SQLite parser takes any string as a file name; an unknown
            // scheme must not silently become a local file.
            return Err(DbError::InvalidUrl {
                url: redact(url),
                reason: "use a sqlite:// or postgres:// URL".into(),
            });
        };
        Ok(Self {
            backend,
            max_bytes: settings.max_bytes,
        })
    }

    /// The backend's pool, for the store.
    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// The size guard in bytes: SQLite enforces it, the store checks it on PostgreSQL.
    pub(crate) fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// The SQLite pool, when that is the backend (tests and tools use it).
    pub fn sqlite(&self) -> Option<&SqlitePool> {
        match &self.backend {
            Backend::Sqlite(pool) => Some(pool),
            Backend::Postgres(_) => None,
        }
    }

    /// Checks that the database answers a trivial query (used by `/readyz`).
    pub async fn ping(&self) -> Result<(), DbError> {
        match &self.backend {
            Backend::Sqlite(pool) => sqlx::query("SELECT 1").execute(pool).await.map(drop)?,
            Backend::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.map(drop)?,
        }
        Ok(())
    }

    /// Copies the SQLite database at `url` into the new file `to`, consistently
    /// (one read transaction) and without stopping writers: SQLite's `VACUUM
    /// INTO`. The source is only read (never created nor migrated); `to` never
    /// overwrites and never holds a partial copy (see `db/backup.rs`).
    /// PostgreSQL is backed up with its own tools (`pg_dump`; see docs/DEPLOY.md).
    pub async fn backup(url: &str, to: &std::path::Path) -> Result<(), DbError> {
        backup::backup(url, to).await
    }

    /// Moves every committed page from the WAL into the main file and truncates
    /// the WAL, so the database file alone is complete (done at shutdown). Nothing
    /// to do on PostgreSQL.
    pub async fn checkpoint(&self) -> Result<(), DbError> {
        match &self.backend {
            Backend::Sqlite(pool) => sqlite::checkpoint(pool).await,
            Backend::Postgres(_) => Ok(()),
        }
    }

    /// Checkpoints (SQLite), then closes every connection (waiting for
    /// checked-out ones to come back).
    pub async fn close(&self) {
        if let Err(error) = self.checkpoint().await {
            tracing::warn!(%error, "WAL checkpoint at shutdown failed");
        }
        match &self.backend {
            Backend::Sqlite(pool) => pool.close().await,
            Backend::Postgres(pool) => pool.close().await,
        }
    }
}

/// A URL without its password, for error messages and logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests;
