//! Saved scenarios: create, read, revise with the edit token, delete.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn create_returns_201_with_id_token_url_and_result() {
    let app = spawn_app().await;

    let response = app
        .post_json(
            "/api/v1/scenarios",
            &json!({"name": "Prod plan", "input": {"clusters": 5}}),
        )
        .await;

    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let body: Value = response.json().await.unwrap();
    let id = body["id"].as_str().unwrap();
    assert_eq!(id.len(), 22);
    assert!(id.chars().all(|c| c.is_ascii_alphanumeric()));
    assert!(body["edit_token"].as_str().unwrap().len() >= 22);
    assert_eq!(body["url"], format!("/s/{id}"));
    assert_eq!(location, format!("/api/v1/scenarios/{id}"));
    assert_eq!(body["revision"], 1);
    assert_eq!(body["result"]["inputs"]["clusters"], 5);
}

#[tokio::test]
async fn a_created_scenario_reads_back_with_every_default_filled() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 4})).await;

    let doc = app.scenario(&created.id).await;

    assert_eq!(doc.id, created.id);
    assert_eq!(doc.name, "Plan");
    assert_eq!(doc.revision, 1);
    assert_eq!(doc.input.clusters, 4);
    assert_eq!(doc.input.horizon_months, 36);
    assert!(doc.created_at.ends_with('Z') && doc.created_at == doc.updated_at);
    assert_eq!(doc.result, created.result);
}

#[tokio::test]
async fn create_reports_name_and_input_problems_together() {
    let app = spawn_app().await;

    let response = app
        .post_json(
            "/api/v1/scenarios",
            &json!({"name": " ", "input": {"clusters": 0}}),
        )
        .await;

    let problem = assert_problem(response, 422).await;
    assert_eq!(error_fields(&problem), vec!["name", "input.clusters"]);
}

#[tokio::test]
async fn update_with_the_token_writes_the_next_revision_and_keeps_the_old_one() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 4})).await;

    let response = app
        .update_scenario(
            &created.id,
            Some(&created.edit_token),
            &json!({"input": {"clusters": 6}}),
        )
        .await;

    assert_eq!(response.status(), 200);
    let latest = app.scenario(&created.id).await;
    assert_eq!(
        (latest.revision, latest.input.clusters, latest.name.as_str()),
        (2, 6, "Plan")
    );
    let old: Value = app
        .get(&format!("/api/v1/scenarios/{}/revisions/1", created.id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(old["revision"], 1);
    assert_eq!(old["input"]["clusters"], 4);
}

#[tokio::test]
async fn a_rename_keeps_the_input() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 7})).await;

    let response = app
        .update_scenario(
            &created.id,
            Some(&created.edit_token),
            &json!({"name": "Renamed"}),
        )
        .await;

    assert_eq!(response.status(), 200);
    let latest = app.scenario(&created.id).await;
    assert_eq!(
        (latest.revision, latest.name.as_str(), latest.input.clusters),
        (2, "Renamed", 7)
    );
}

#[tokio::test]
async fn changes_without_or_with_a_wrong_token_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({})).await;
    let cases = [(None, 401), (Some("wrong-token"), 403)];

    for (token, status) in cases {
        // A body the rules refuse, or that a simulation would take long over,
        // is refused for the token all the same.
        for body in [
            json!({"input": {"clusters": 9}}),
            json!({"input": {"clusters": -5}, "name": " "}),
            json!({"input": {"uncertainty": {"samples": 100000, "ranges": [
                {"field": "team.annual_cost_usd", "low": 1e5, "high": 3e5}]}}}),
        ] {
            let update = app.update_scenario(&created.id, token, &body).await;
            let problem = assert_problem(update, status).await;
            assert!(problem["detail"].as_str().unwrap().contains("edit token"));
        }
        assert_problem(app.delete_scenario(&created.id, token).await, status).await;
    }
    let missing = "AAAAAAAAAAAAAAAAAAAAAA";
    let body = json!({"input": {"clusters": -5}});
    let update = app.update_scenario(missing, Some("t"), &body).await;
    assert_problem(update, 404).await;

    let doc = app.scenario(&created.id).await;
    assert_eq!((doc.revision, doc.input.clusters), (1, 3));
}

#[tokio::test]
async fn delete_with_the_token_removes_every_revision() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({})).await;

    let response = app
        .delete_scenario(&created.id, Some(&created.edit_token))
        .await;

    assert_eq!(response.status(), 204);
    assert_problem(
        app.get(&format!("/api/v1/scenarios/{}", created.id)).await,
        404,
    )
    .await;
    let old = app
        .get(&format!("/api/v1/scenarios/{}/revisions/1", created.id))
        .await;
    assert_problem(old, 404).await;
}

#[tokio::test]
async fn unknown_ids_and_revisions_are_404_problems() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({})).await;
    let paths = [
        "/api/v1/scenarios/AAAAAAAAAAAAAAAAAAAAAA".to_owned(),
        "/api/v1/scenarios/not-an-id".to_owned(),
        format!("/api/v1/scenarios/{}/revisions/2", created.id),
        format!("/api/v1/scenarios/{}/revisions/0", created.id),
        format!("/api/v1/scenarios/{}/revisions/abc", created.id),
        "/api/v1/scenarios/AAAAAAAAAAAAAAAAAAAAAA/export.csv".to_owned(),
    ];

    for path in paths {
        assert_problem(app.get(&path).await, 404).await;
    }
    // A revision that does not exist is named as one, not as its scenario.
    for n in ["0", "-1", "99999"] {
        let path = format!("/api/v1/scenarios/{}/revisions/{n}", created.id);
        let problem = assert_problem(app.get(&path).await, 404).await;
        let detail = problem["detail"].as_str().unwrap();
        assert!(detail.starts_with(&format!("revision {n} of")), "{detail}");
    }
    // An id is named as sent when it has an id's shape, else quoted: a blank
    // one read "scenario   not found".
    let named = [
        (
            "AAAAAAAAAAAAAAAAAAAAAA",
            "scenario AAAAAAAAAAAAAAAAAAAAAA not found",
        ),
        ("%20", r#"scenario " " not found"#),
        (
            "not%20an%20id/export.csv",
            r#"scenario "not an id" not found"#,
        ),
        ("%20/revisions/1", r#"revision 1 of " " not found"#),
        // A revision number that is none, and what a path may carry.
        ("%20/revisions/x", r#"revision x of " " not found"#),
        (
            "a%0D%0AFake:%20h/revisions/%E2%80%AE2",
            r#"revision "\u{202e}2" of "a\r\nFake: h" not found"#,
        ),
    ];
    for (path, detail) in named {
        let problem =
            assert_problem(app.get(&format!("/api/v1/scenarios/{path}")).await, 404).await;
        assert_eq!(problem["detail"], detail, "{path}");
    }
    let update = app
        .update_scenario(
            "AAAAAAAAAAAAAAAAAAAAAA",
            Some("token"),
            &json!({"name": "x"}),
        )
        .await;
    assert_problem(update, 404).await;
}

#[tokio::test]
async fn script_in_a_name_is_stored_as_text() {
    let app = spawn_app().await;
    let name = "<script>alert(1)</script>";

    let created = app.create_scenario(name, json!({})).await;

    assert_eq!(app.scenario(&created.id).await.name, name);
}
