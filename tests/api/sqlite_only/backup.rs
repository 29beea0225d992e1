//! `clusterplan backup` of a live SQLite file: a whole, consistent copy that
//! never overwrites, from a source it only reads, and nothing torn at the
//! target's name when it is killed (docs/RELIABILITY.md, Backup).

use std::process::Command;
use std::time::Duration;

use serde_json::json;
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

use super::database_file;
use crate::helpers::spawn_app;

#[tokio::test]
async fn backup_copies_a_live_database_and_never_overwrites() {
    let app = spawn_app().await;
    let created = app
        .create_scenario("Backed up", json!({"clusters": 7}))
        .await;
    let live = database_file(&app);
    let copy = app.dir.path().join("backup.db");
    let backup = |to: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_clusterplan"))
            .args(["backup", "--database-url", &live, "--to"])
            .arg(to)
            .output()
            .expect("binary runs")
    };

    let first = backup(&copy);
    let second = backup(&copy);

    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(!second.status.success(), "refuses to overwrite");
    let restored = clusterplan_service::Database::connect(&format!("sqlite://{}", copy.display()))
        .await
        .expect("the backup opens");
    let service = clusterplan_service::Service::new(restored, "");
    let doc = service
        .get(&created.id)
        .await
        .expect("the scenario is in the backup");
    assert_eq!((doc.name.as_str(), doc.input.clusters), ("Backed up", 7));
}

/// `clusterplan backup` with `args`, its output.
fn backup_command(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_clusterplan"))
        .arg("backup")
        .args(args)
        .output()
        .expect("binary runs")
}

#[tokio::test]
async fn backup_only_reads_its_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("mistyped.db");
    let to = dir.path().join("copy.db");
    let url = format!("sqlite://{}", missing.display());
    let run = |url: &str| {
        backup_command(&[
            "--database-url".as_ref(),
            url.as_ref(),
            "--to".as_ref(),
            to.as_os_str(),
        ])
    };

    let mistyped = run(&url);
    // An empty file opens as an empty database: no Clusterplan database either.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").expect("empty file");
    let empty_run = run(&format!("sqlite://{}", empty.display()));

    // A PostgreSQL URL is refused before any connection (nothing listens here).
    let postgres = run("postgres://clusterplan@127.0.0.1:9/clusterplan");

    assert!(!mistyped.status.success(), "a missing source is an error");
    assert!(!missing.exists(), "the mistyped source was not created");
    assert!(!postgres.status.success());
    let said = String::from_utf8_lossy(&postgres.stderr);
    assert!(said.contains("pg_dump"), "{said}");
    assert!(!empty_run.status.success(), "an empty file is no database");
    assert!(!to.exists(), "no copy of any");
}

#[tokio::test]
async fn a_backup_leaves_a_file_it_did_not_write_alone() {
    let app = spawn_app().await;
    let live = database_file(&app);
    let to = app.dir.path().join("copy.db");
    // What a killed backup of an earlier process with this id left (in-process
    // here, so that the id is this test's).
    let stale = app
        .dir
        .path()
        .join(format!("copy.db.partial-{}", std::process::id()));
    std::fs::write(&stale, "kept").expect("stale file");

    let refused = clusterplan_service::Database::backup(&live, &to).await;

    assert!(refused.is_err(), "refused, not overwritten");
    assert_eq!(
        std::fs::read_to_string(&stale).expect("still there"),
        "kept"
    );
    assert!(!to.exists());
    std::fs::remove_file(&stale).expect("removed");
    clusterplan_service::Database::backup(&live, &to)
        .await
        .expect("then the backup is made");
}

#[tokio::test]
async fn an_interrupted_backup_leaves_nothing_at_the_target_name() {
    // Arrange: a 48 MB source, long enough to copy that the copy is caught midway.
    let app = spawn_app().await;
    app.create_scenario("Backed up", json!({})).await;
    let live = database_file(&app);
    let mut filler = SqliteConnection::connect(&live).await.expect("connect");
    sqlx::query("CREATE TABLE filler AS SELECT randomblob(48000000) AS b")
        .execute(&mut filler)
        .await
        .expect("filler");
    let backups = app.dir.path().join("backups");
    std::fs::create_dir(&backups).expect("dir");
    let to = backups.join("today.db");

    // Act: kill the backup as soon as it has written anything.
    let mut child = Command::new(env!("CARGO_BIN_EXE_clusterplan"))
        .args(["backup", "--database-url", &live, "--to"])
        .arg(&to)
        .spawn()
        .expect("spawns");
    let wrote = || {
        std::fs::read_dir(&backups)
            .expect("dir")
            .flatten()
            .any(|entry| entry.metadata().is_ok_and(|m| m.len() > 0))
    };
    while !wrote() && child.try_wait().expect("wait").is_none() {
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().expect("kill -9");
    child.wait().expect("reaped");

    // Assert: the name a restore would use holds nothing or a whole backup,
    // and a retry to it succeeds when it held nothing.
    if !to.exists() {
        let retried = backup_command(&[
            "--database-url".as_ref(),
            live.as_ref(),
            "--to".as_ref(),
            to.as_os_str(),
        ]);
        assert!(
            retried.status.success(),
            "{}",
            String::from_utf8_lossy(&retried.stderr)
        );
    }
    let mut copy = SqliteConnection::connect(&format!("sqlite://{}", to.display()))
        .await
        .expect("a database");
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scenarios")
        .fetch_one(&mut copy)
        .await
        .expect("a whole backup");
    assert_eq!(count, 1);
}
