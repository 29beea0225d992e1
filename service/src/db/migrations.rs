//! The schema's migrations, embedded in the binary: the files of
//! `migrations/sqlite` and `migrations/postgres`, handed to sqlx's
//! [`Migrator::with_migrations`]. sqlx's `migrate!` macro reads the same
//! directories at compile time, but the macro's crate compiles both database
//! drivers and SQLite's C source a second time, for the compiler, in every
//! profile a build or lint uses (docs/PERFORMANCE.md, "Build and test times").
//! The version, description and checksum are made the way sqlx's resolver
//! makes them from a file, so databases migrated by the macro stay valid; a
//! test holds each list equal to what that resolver reads from its directory.

use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

/// The migrations' files, named once for both directories (one design, one
/// file name in each): `SQLITE` and `POSTGRES` as `(file name, SQL)`, in
/// version order. A file added to either directory and not here fails the
/// test below.
macro_rules! embedded {
    ($($file:literal),+ $(,)?) => {
        /// `migrations/sqlite`.
        pub(super) const SQLITE: &[(&str, &str)] =
            &[$(($file, include_str!(concat!("../../../migrations/sqlite/", $file)))),+];
        /// `migrations/postgres`.
        pub(super) const POSTGRES: &[(&str, &str)] =
            &[$(($file, include_str!(concat!("../../../migrations/postgres/", $file)))),+];
    };
}

embedded!(
    "20261125000001_scenarios.sql",
    "20261205000001_usd_at_one_dollar.sql",
);

/// The migrator of one directory's files.
pub(super) fn migrator(files: &[(&'static str, &'static str)]) -> Migrator {
    Migrator::with_migrations(
        files
            .iter()
            .map(|&(file, sql)| migration(file, sql))
            .collect(),
    )
}

/// One file as sqlx's resolver reads it: `VERSION_DESCRIPTION.sql`, the
/// description's underscores as spaces, `-- no-transaction` first to run it
/// outside a transaction, the checksum the SHA-384 of the whole text.
fn migration(file: &str, sql: &'static str) -> Migration {
    let (version, rest) = file
        .split_once('_')
        .expect("a migration's file name is VERSION_DESCRIPTION.sql");
    let version = version
        .parse()
        .expect("a migration's file name starts with its version number");
    let migration_type = MigrationType::from_filename(rest);
    let description = rest
        .trim_end_matches(migration_type.suffix())
        .replace('_', " ");
    Migration::new(
        version,
        description.into(),
        migration_type,
        sql.into_sql_str(),
        sql.starts_with("-- no-transaction"),
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// What the migrator would run and record for each migration.
    fn signature(migrator: &Migrator) -> Vec<String> {
        migrator
            .iter()
            .map(|m| {
                format!(
                    "{} {:?} {} no_tx={} {:02x?} {:?}",
                    m.version,
                    m.description,
                    m.migration_type.label(),
                    m.no_tx,
                    m.checksum,
                    m.sql.as_str(),
                )
            })
            .collect()
    }

    #[tokio::test]
    async fn the_embedded_migrations_are_their_directories_as_sqlx_reads_them() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
        for (dir, files) in [("sqlite", SQLITE), ("postgres", POSTGRES)] {
            let read = Migrator::new(root.join(dir)).await.expect("resolves");
            assert!(read.iter().next().is_some(), "{dir} has migrations");
            assert_eq!(signature(&migrator(files)), signature(&read), "{dir}");
        }
    }
}
