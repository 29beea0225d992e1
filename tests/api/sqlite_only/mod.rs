//! SQLite's own mechanics, which PostgreSQL does not have: its write lock (a
//! locked file is a 503), a file opened past the size guard (SQLite raises
//! its page cap to the file), the WAL checkpoint at shutdown and `clusterplan
//! backup` of a live file (`backup`). `scripts/test-postgres.sh` skips this module
//! (`--skip sqlite_only::`), and each test refuses to run against PostgreSQL
//! instead of passing unchecked; PostgreSQL's versions of the 503 and 507 are
//! in `postgres_only`, and the size guard (a 507 on both) in `storage`.

use std::time::Duration;

use serde_json::json;
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

mod backup;

use crate::helpers::{
    TestApp, assert_problem, on_postgres, spawn_app, spawn_app_with, spawn_replica_with,
};

/// The URL of `app`'s SQLite file; panics when the run is against PostgreSQL.
pub(crate) fn database_file(app: &TestApp) -> String {
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
