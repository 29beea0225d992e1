//! Storage growth: a save equal to the latest revision writes nothing, each
//! scenario keeps at most a set number of revisions, a full database answers
//! 507 and loses nothing, and a revision write that changes no row is undone.

use clusterplan_service::Database;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, spawn_app, spawn_app_with};

async fn put(app: &TestApp, id: &str, token: &str, body: Value) -> reqwest::Response {
    app.update_scenario(id, Some(token), &body).await
}

async fn test_db(app: &TestApp) -> Database {
    let url = format!("sqlite://{}", app.dir.path().join("test.db").display());
    Database::connect(&url)
        .await
        .expect("opens the test database")
}

/// How many revisions `id` has, asked of the API (so it holds on any backend).
async fn revision_rows(app: &TestApp, id: &str) -> i64 {
    let mut n = 0;
    while app
        .get(&format!("/api/v1/scenarios/{id}/revisions/{}", n + 1))
        .await
        .status()
        == 200
    {
        n += 1;
    }
    n
}

#[tokio::test]
async fn an_update_equal_to_the_latest_revision_writes_nothing() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 5})).await;
    let (id, token) = (&created.id, &created.edit_token);

    // Act: an empty PUT, the same input again, the same name again.
    for body in [
        json!({}),
        json!({"input": {"clusters": 5}}),
        json!({"name": "Plan", "input": {"clusters": 5}}),
    ] {
        let response = put(&app, id, token, body.clone()).await;
        assert_eq!(response.status(), 200, "{body}");
        let doc: Value = response.json().await.unwrap();
        assert_eq!(doc["revision"], 1, "{body}");
    }

    // Assert: still one row; a real change makes the second.
    assert_eq!(revision_rows(&app, id).await, 1);
    let changed = put(&app, id, token, json!({"input": {"clusters": 6}})).await;
    assert_eq!(changed.json::<Value>().await.unwrap()["revision"], 2);
    assert_eq!(revision_rows(&app, id).await, 2);
}

#[tokio::test]
async fn a_scenario_keeps_at_most_the_configured_revisions() {
    let (app, _stop, _server) = spawn_app_with(|c| c.max_revisions_per_scenario = 3).await;
    let created = app.create_scenario("Plan", json!({"clusters": 5})).await;
    let (id, token) = (&created.id, &created.edit_token);
    for clusters in [6, 7] {
        assert_eq!(
            put(&app, id, token, json!({"input": {"clusters": clusters}}))
                .await
                .status(),
            200
        );
    }

    let refused = put(&app, id, token, json!({"input": {"clusters": 8}})).await;

    let problem = assert_problem(refused, 409).await;
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.contains("3 revisions") && detail.contains("fork"),
        "{detail}"
    );
    assert_eq!(
        app.scenario(id).await.input.clusters,
        7,
        "the last revision stays"
    );
    assert_eq!(revision_rows(&app, id).await, 3);
}

#[tokio::test]
async fn a_full_database_answers_507_and_keeps_what_it_has() {
    if crate::helpers::on_postgres() {
        return; // SQLite's own mechanics
    }
    // Arrange: a 1 MiB size guard; names of the longest allowed length.
    let (app, _stop, _server) = spawn_app_with(|c| c.max_database_mb = 1).await;
    let long_name = "n".repeat(100);
    let mut saved = Vec::new();

    // Act: save until the guard is hit (bounded: 1 MiB holds a few hundred).
    let mut refused = None;
    for _ in 0..2_000 {
        let response = app
            .post_json(
                "/api/v1/scenarios",
                &json!({"name": long_name, "input": {"clusters": 3}}),
            )
            .await;
        match response.status().as_u16() {
            201 => saved.push(
                response.json::<Value>().await.unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            ),
            _ => {
                refused = Some(response);
                break;
            }
        }
    }

    // Assert: a clean 507, and every earlier save is still there and readable.
    let problem = assert_problem(refused.expect("the guard is hit"), 507).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("full"),
        "{problem}"
    );
    assert!(
        saved.len() > 10,
        "the guard leaves room for work: {}",
        saved.len()
    );
    for id in [&saved[0], &saved[saved.len() - 1]] {
        assert_eq!(
            app.get(&format!("/api/v1/scenarios/{id}")).await.status(),
            200
        );
    }
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM scenarios")
        .fetch_one(test_db(&app).await.sqlite().unwrap())
        .await
        .unwrap();
    assert_eq!(
        usize::try_from(stored).unwrap(),
        saved.len(),
        "no half-written scenario"
    );
}

#[tokio::test]
async fn a_revision_write_that_finds_no_latest_row_changes_nothing() {
    if crate::helpers::on_postgres() {
        return; // SQLite's own mechanics
    }
    // Arrange: a scenario whose latest revision row has gone missing.
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 5})).await;
    let db = test_db(&app).await;
    sqlx::query("DELETE FROM scenario_revisions WHERE scenario_id = ?")
        .bind(&created.id)
        .execute(db.sqlite().unwrap())
        .await
        .unwrap();

    // Act
    let response = put(
        &app,
        &created.id,
        &created.edit_token,
        json!({"input": {"clusters": 6}}),
    )
    .await;

    // Assert: a server error, and the scenario's pointer did not move.
    assert_problem(response, 500).await;
    let latest: i64 = sqlx::query_scalar("SELECT latest_revision FROM scenarios WHERE id = ?")
        .bind(&created.id)
        .fetch_one(db.sqlite().unwrap())
        .await
        .unwrap();
    assert_eq!((latest, revision_rows(&app, &created.id).await), (1, 0));
}
