//! `clusterplan backup`: a consistent copy of a live SQLite file (`VACUUM
//! INTO`, one read transaction, writers go on). Two promises shape it:
//! - The source is only read: it is opened without creating a missing file and
//!   without running migrations, and must hold Clusterplan's tables, so a mistyped path is an error rather than a
//!   new, empty database backed up "successfully", and a newer binary never
//!   migrates a database an older server still serves. A PostgreSQL URL is
//!   refused before connecting.
//! - A backup never overwrites, and a file at the target name is a whole
//!   backup: the copy is written beside it under a temporary name, synced,
//!   then linked into place (a link fails if the name is taken). An
//!   interrupted backup leaves only `<name>.partial-<pid>` (and its
//!   `-journal`), never a torn file at the name a restore would use; a
//!   partial file already at that name is left alone and the backup refused.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

use super::DbError;

/// Copies the SQLite database at `url` into the new file `to`.
pub(super) async fn backup(url: &str, to: &Path) -> Result<(), DbError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Err(DbError::Unsupported(
            "back up PostgreSQL with pg_dump; `clusterplan backup` copies SQLite files",
        ));
    }
    let invalid = |reason: String| DbError::InvalidUrl {
        url: url.to_owned(),
        reason,
    };
    if !url.starts_with("sqlite:") {
        return Err(invalid("use a sqlite:// URL".into()));
    }
    let options = SqliteConnectOptions::from_str(url).map_err(|e| invalid(e.to_string()))?;
    if to.exists() {
        return Err(DbError::Exists(to.to_owned()));
    }
    let partial = partial_name(to)?;
    // A file already there is not ours to remove (an earlier backup's, killed).
    if partial.exists() {
        return Err(DbError::Exists(partial));
    }
    let open_error = |source| DbError::Open {
        url: url.to_owned(),
        source,
    };
    let mut source = SqliteConnection::connect_with(&options.create_if_missing(false))
        .await
        .map_err(open_error)?;
    let copied = copy(&mut source, &partial).await;
    let _ = source.close().await;
    let placed = copied.and_then(|()| place(&partial, to));
    // Whether placed or not, the temporary name goes (a link left the copy at `to`).
    let _ = std::fs::remove_file(&partial);
    placed
}

/// `VACUUM INTO partial`, from a source that holds Clusterplan's tables (an
/// empty file or an in-memory database opens as an empty database).
async fn copy(source: &mut SqliteConnection, partial: &Path) -> Result<(), DbError> {
    let ours: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'scenarios'",
    )
    .fetch_optional(&mut *source)
    .await?;
    if ours.is_none() {
        return Err(DbError::NotClusterplan);
    }
    sqlx::query("VACUUM INTO ?")
        .bind(partial.to_string_lossy().as_ref())
        .execute(&mut *source)
        .await?;
    Ok(())
}

/// `<to>.partial-<pid>`, in `to`'s directory (a link cannot cross file
/// systems), which must exist.
fn partial_name(to: &Path) -> Result<PathBuf, DbError> {
    let name = to.file_name().ok_or_else(|| DbError::Io {
        path: to.to_owned(),
        source: std::io::Error::other("not a file name"),
    })?;
    let directory = directory_of(to);
    if !directory.is_dir() {
        return Err(DbError::Io {
            path: directory.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such directory"),
        });
    }
    let mut partial = name.to_owned();
    partial.push(format!(".partial-{}", std::process::id()));
    Ok(to.with_file_name(partial))
}

/// Syncs the complete copy at `partial`, links it at `to` unless that name is
/// taken, and syncs the directory so the name survives a power loss.
fn place(partial: &Path, to: &Path) -> Result<(), DbError> {
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| DbError::Io { path, source }
    };
    std::fs::File::open(partial)
        .and_then(|file| file.sync_all())
        .map_err(io(partial))?;
    std::fs::hard_link(partial, to).map_err(|error| match error.kind() {
        std::io::ErrorKind::AlreadyExists => DbError::Exists(to.to_owned()),
        _ => io(to)(error),
    })?;
    let directory = directory_of(to);
    std::fs::File::open(directory)
        .and_then(|dir| dir.sync_all())
        .map_err(io(directory))
}

/// The directory `to` is in (`.` for a bare file name).
fn directory_of(to: &Path) -> &Path {
    match to.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}
