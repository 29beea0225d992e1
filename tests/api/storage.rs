//! Storage growth: a save equal to the latest revision writes nothing, each
//! scenario keeps at most a set number of revisions, a full database (the size
//! guard, SQLite and PostgreSQL alike) answers 507 and loses nothing, and a
//! revision write that changes no row is undone. A full disk on PostgreSQL
//! (SQLSTATE 53100) is in `postgres_only`.

use clusterplan_service::CreatedScenario;
use serde_json::{Value, json};

use crate::database;
use crate::helpers::{TestApp, assert_problem, spawn_app, spawn_app_with};

async fn put(app: &TestApp, id: &str, token: &str, body: Value) -> reqwest::Response {
    app.update_scenario(id, Some(token), &body).await
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
        detail.contains("3 revisions") && detail.contains("POST /api/v1/scenarios"),
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
    // Arrange: a 1 MiB size guard (on PostgreSQL, of the tables: catalogs are
    // not counted); names of the longest allowed length.
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
            201 => saved.push(response.json::<CreatedScenario>().await.unwrap()),
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
    for created in [&saved[0], &saved[saved.len() - 1]] {
        assert_eq!(app.scenario(&created.id).await.revision, 1);
    }
    let stored = database::fetch_i64(&app, "SELECT count(*) FROM scenarios", &[]).await;
    assert_eq!(
        usize::try_from(stored).unwrap(),
        saved.len(),
        "no half-written scenario"
    );
    // A revision that adds a row is refused too; one equal to the latest is not.
    let (id, token) = (&saved[0].id, saved[0].edit_token.as_str());
    let change = put(&app, id, token, json!({"input": {"clusters": 4}})).await;
    assert_problem(change, 507).await;
    assert_eq!(put(&app, id, token, json!({})).await.status(), 200);
    assert_eq!(revision_rows(&app, id).await, 1);
}

#[tokio::test]
async fn a_revision_write_that_finds_no_latest_row_changes_nothing() {
    // Arrange: a scenario whose latest revision row has gone missing.
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 5})).await;
    let deleted = database::execute(
        &app,
        "DELETE FROM scenario_revisions WHERE scenario_id = $1",
        &[&created.id],
    )
    .await;
    assert_eq!(deleted, 1);

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
    let latest = database::fetch_i64(
        &app,
        "SELECT latest_revision FROM scenarios WHERE id = $1",
        &[&created.id],
    )
    .await;
    assert_eq!((latest, revision_rows(&app, &created.id).await), (1, 0));
}
