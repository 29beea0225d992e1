//! PostgreSQL's answers to a busy or full database, through the API: a lock
//! held by another connection outlasts the server's `lock_timeout` (55P03) and
//! is a 503, and every SQLSTATE that `From<sqlx::Error>` maps
//! (service/src/error/mod.rs) is raised by a trigger in the real database and
//! answered as mapped: 503 with `Retry-After`, 507, or else 500. `#[ignore]`d
//! on SQLite (counted as ignored, not passed); `scripts/test-postgres.sh` runs
//! them with `--include-ignored`, and each panics if run without PostgreSQL.

use serde_json::json;
use sqlx::Connection;
use sqlx::postgres::PgConnection;

use crate::helpers::{TestApp, assert_problem, on_postgres, spawn_app};

/// A connection of its own to `app`'s PostgreSQL database.
async fn connect(app: &TestApp) -> PgConnection {
    assert!(
        on_postgres(),
        "a PostgreSQL test ran without CLUSTERPLAN_TEST_POSTGRES: run scripts/test-postgres.sh"
    );
    PgConnection::connect(&app.database_url)
        .await
        .expect("a second connection to the test database")
}

async fn scenario_rows(connection: &mut PgConnection) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM scenarios")
        .fetch_one(connection)
        .await
        .expect("count")
}

#[tokio::test]
#[ignore = "PostgreSQL only: scripts/test-postgres.sh"]
async fn a_write_behind_a_lock_held_by_another_connection_is_a_503_with_retry_after() {
    // Arrange: another connection holds a lock on the table that conflicts with
    // every insert, past the server's 5 s lock_timeout.
    let app = spawn_app().await;
    let mut holder = connect(&app).await;
    sqlx::query("BEGIN").execute(&mut holder).await.unwrap();
    sqlx::query("LOCK TABLE scenarios IN EXCLUSIVE MODE")
        .execute(&mut holder)
        .await
        .expect("lock");

    // Act
    let body = json!({"name": "while locked", "input": {}});
    let response = app.post_json("/api/v1/scenarios", &body).await;

    // Assert: busy, come back in a second; nothing stored; then it goes through.
    assert_eq!(
        response.headers().get("retry-after").map(|v| v.as_bytes()),
        Some(&b"1"[..])
    );
    let problem = assert_problem(response, 503).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("busy"),
        "{problem}"
    );
    sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    assert_eq!(scenario_rows(&mut holder).await, 0, "nothing was stored");
    let retried = app.post_json("/api/v1/scenarios", &body).await;
    assert_eq!(retried.status(), 201);
}

#[tokio::test]
#[ignore = "PostgreSQL only: scripts/test-postgres.sh"]
async fn each_sqlstate_of_a_refused_save_is_answered_as_busy_full_or_failed() {
    // Arrange: one saved scenario, and a trigger that fails every later insert
    // with the SQLSTATE it is given.
    let app = spawn_app().await;
    let kept = app
        .create_scenario("Saved before", json!({"clusters": 4}))
        .await;
    let mut db = connect(&app).await;
    sqlx::query(
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN RAISE EXCEPTION 'refused by the test' USING ERRCODE = TG_ARGV[0]; END $$",
    )
    .execute(&mut db)
    .await
    .expect("create the trigger function");
    let cases = [
        ("40001", 503), // serialization_failure
        ("40P01", 503), // deadlock_detected
        ("55P03", 503), // lock_not_available
        ("57014", 503), // query_canceled
        ("53100", 507), // disk_full
        ("XX000", 500), // internal_error: anything else is a server error
    ];

    for (state, status) in cases {
        // The SQLSTATE is ours, from the list above: nothing to inject.
        let trigger = format!(
            "CREATE OR REPLACE TRIGGER refuse BEFORE INSERT ON scenarios \
             FOR EACH ROW EXECUTE FUNCTION refuse('{state}')"
        );
        sqlx::query(sqlx::AssertSqlSafe(trigger))
            .execute(&mut db)
            .await
            .expect("create the trigger");

        // Act
        let response = app
            .post_json("/api/v1/scenarios", &json!({"name": state, "input": {}}))
            .await;

        // Assert
        let retry_after = response.headers().get("retry-after").cloned();
        let problem = assert_problem(response, status).await;
        let detail = problem["detail"].as_str().unwrap();
        match status {
            503 => assert!(
                retry_after.as_ref().is_some_and(|v| v == "1") && detail.contains("busy"),
                "{state}: {retry_after:?} {problem}"
            ),
            507 => assert!(detail.contains("full"), "{state}: {problem}"),
            _ => assert!(retry_after.is_none(), "{state}: {problem}"),
        }
    }
    assert_eq!(
        scenario_rows(&mut db).await,
        1,
        "no refused save was stored"
    );
    assert_eq!(app.scenario(&kept.id).await.input.clusters, 4);
}

#[tokio::test]
#[ignore = "PostgreSQL only: scripts/test-postgres.sh"]
async fn the_backup_command_refuses_postgresql_and_points_to_pg_dump() {
    let app = spawn_app().await;
    connect(&app).await;
    let to = app.dir.path().join("backup.db");

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_clusterplan"))
        .args(["backup", "--database-url", &app.database_url, "--to"])
        .arg(&to)
        .output()
        .expect("binary runs");

    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("pg_dump"), "{stderr}");
    assert!(!to.exists(), "no file was written");
}
