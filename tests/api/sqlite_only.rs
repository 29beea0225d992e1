//! SQLite's own mechanics, which PostgreSQL does not have: its write lock (a
//! locked file is a 503), the WAL checkpoint at shutdown and `clusterplan
//! backup` of a live file. `scripts/test-postgres.sh` skips this module
//! (`--skip sqlite_only::`), and each test refuses to run against PostgreSQL
//! instead of passing unchecked; PostgreSQL's versions of the 503 and 507 are
//! in `postgres_only`, and the size guard (a 507 on both) in `storage`.

use std::process::Command;
use std::time::Duration;

use serde_json::json;
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

use crate::helpers::{
    TestApp, assert_problem, on_postgres, spawn_app, spawn_app_with, spawn_replica_with,
};

/// The URL of `app`'s SQLite file; panics when the run is against PostgreSQL.
fn database_file(app: &TestApp) -> String {
    assert!(
        !on_postgres(),
        "a SQLite-only test ran against PostgreSQL: skip `sqlite_only::` there"
    );
    format!("sqlite://{}", app.dir.path().join("test.db").display())
}

#[tokio::test]
async fn a_write_against_a_locked_database_is_a_503_with_retry_after() {
    let app = spawn_app().await;
    let mut holder = SqliteConnection::connect(&database_file(&app))
        .await
        .expect("second connection");
    // Another writer holds the write lock past the server's 5 s busy timeout.
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut holder)
        .await
        .expect("lock");

    let body = json!({"name": "while locked", "input": {}});
    let response = app.post_json("/api/v1/scenarios", &body).await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["retry-after"], "1");
    let problem = assert_problem(response, 503).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("busy"),
        "{problem}"
    );

    sqlx::query("ROLLBACK")
        .execute(&mut holder)
        .await
        .expect("unlock");
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scenarios")
        .fetch_one(&mut holder)
        .await
        .expect("count");
    assert_eq!(count, 0, "nothing was stored by the refused write");
    let retried = app.post_json("/api/v1/scenarios", &body).await;
    assert_eq!(retried.status(), 201);
}

#[tokio::test]
async fn a_file_already_past_the_size_guard_refuses_saves_and_serves_reads() {
    // Arrange: a file of about 2 MB, most of it free pages (a table made and
    // dropped), opened by a server whose guard is 1 MiB: SQLite raises a
    // `max_page_count` set below the file's size to that size.
    let app = spawn_app().await;
    let created = app.create_scenario("Before", json!({})).await;
    let mut filler = SqliteConnection::connect(&database_file(&app))
        .await
        .expect("second connection");
    for statement in [
        "CREATE TABLE filler AS SELECT randomblob(2000000) AS b",
        "DROP TABLE filler",
    ] {
        sqlx::query(statement)
            .execute(&mut filler)
            .await
            .expect("filler");
    }
    let small = spawn_replica_with(&app, |c| c.max_database_mb = 1).await;

    // Act: a save that would fit in the free pages.
    let body = json!({"name": "After", "input": {}});
    let refused = small.post_json("/api/v1/scenarios", &body).await;

    // Assert: refused as full, nothing written, reads go on.
    assert_problem(refused, 507).await;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scenarios")
        .fetch_one(&mut filler)
        .await
        .expect("count");
    assert_eq!(count, 1, "nothing was stored by the refused save");
    assert_eq!(small.scenario(&created.id).await.name, "Before");
}

#[tokio::test]
async fn shutdown_checkpoints_every_committed_page_into_the_main_file() {
    let (app, stop, server) = spawn_app_with(|c| c.drain_delay_secs = 0).await;
    database_file(&app); // SQLite only
    let wal = app.dir.path().join("test.db-wal");
    let wal_len = || std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    app.create_scenario("In the WAL", json!({})).await;
    assert!(wal_len() > 0, "the save is in the WAL before shutdown");

    stop.send(()).expect("server is running");
    let outcome = tokio::time::timeout(Duration::from_secs(10), server).await;

    outcome.expect("stops within the bound").expect("task");
    assert_eq!(wal_len(), 0, "every committed page is in the main file");
}

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
    // A PostgreSQL URL is refused before any connection (nothing listens here).
    let postgres = run("postgres://clusterplan@127.0.0.1:9/clusterplan");

    assert!(!mistyped.status.success(), "a missing source is an error");
    assert!(!missing.exists(), "the mistyped source was not created");
    assert!(!postgres.status.success());
    let said = String::from_utf8_lossy(&postgres.stderr);
    assert!(said.contains("pg_dump"), "{said}");
    assert!(!to.exists(), "no copy of either");
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
