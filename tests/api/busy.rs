//! A locked database answers 503 with `Retry-After`, not 500, and nothing is
//! written half-way; the save goes through once the lock is gone.

use serde_json::json;
use sqlx::Connection;
use sqlx::sqlite::SqliteConnection;

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn a_write_against_a_locked_database_is_a_503_with_retry_after() {
    if crate::helpers::on_postgres() {
        return; // SQLite's own mechanics
    }
    let app = spawn_app().await;
    let url = format!("sqlite://{}", app.dir.path().join("test.db").display());
    let mut holder = SqliteConnection::connect(&url)
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
