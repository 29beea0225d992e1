//! Several scenarios side by side through the API: `GET /api/v1/compare`, and
//! the query rules it shares with other routes.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn compare_returns_the_scenarios_in_the_order_asked() {
    let app = spawn_app().await;
    let a = app.create_scenario("A", json!({"clusters": 2})).await;
    let b = app.create_scenario("B", json!({"clusters": 8})).await;

    let response = app
        .get(&format!("/api/v1/compare?ids={},{}", b.id, a.id))
        .await;

    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    let names: Vec<&str> = body["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["B", "A"]);
    assert_eq!(body["scenarios"][0]["result"]["inputs"]["clusters"], 8);
}

#[tokio::test]
async fn compare_refuses_no_ids_too_many_ids_and_unknown_ids() {
    let app = spawn_app().await;
    let a = app.create_scenario("A", json!({})).await;
    let eleven = [a.id.as_str(); 11].join(",");

    assert_problem(app.get("/api/v1/compare").await, 400).await;
    assert_problem(app.get("/api/v1/compare?ids=").await, 422).await;
    assert_problem(app.get(&format!("/api/v1/compare?ids={eleven}")).await, 422).await;
    let unknown = app
        .get(&format!(
            "/api/v1/compare?ids={},AAAAAAAAAAAAAAAAAAAAAA",
            a.id
        ))
        .await;
    let problem = assert_problem(unknown, 404).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("AAAAAAAAAAAAAAAAAAAAAA")
    );
}

#[tokio::test]
async fn a_parameter_or_member_that_cannot_be_read_is_named() {
    let app = spawn_app().await;
    let cases = [
        ("/api/v1/compare", "ids", "is required"),
        (
            "/api/v1/compare?ids=a&ids=b",
            "ids",
            "is given more than once",
        ),
        ("/api/v1/catalog?q=m5&q=c5", "q", "is given more than once"),
        ("/api/v1/catalog?nope=1", "nope", "is not known here"),
        ("/api/v1/compare?ids=a&IDS=b", "IDS", "is not known here"),
    ];
    for (path, field, said) in cases {
        let problem = assert_problem(app.get(path).await, 400).await;
        assert_eq!(problem["errors"][0]["field"], field, "{path}: {problem}");
        let message = problem["errors"][0]["message"].as_str().unwrap();
        assert!(message.starts_with(said), "{path}: {message}");
    }
    // A body's missing member, at the top as deeper down.
    for (path, body, field) in [
        ("/api/v1/scenarios", json!({"input": {}}), "name"),
        ("/api/v1/calculate/batch", json!({}), "scenarios"),
    ] {
        let problem = assert_problem(app.post_json(path, &body).await, 422).await;
        assert_eq!(error_fields(&problem), [field], "{path}");
    }
}

/// A route that takes no query parameter names the one sent rather than
/// ignoring it: an export asked for in euros answered in dollars with a 200.
#[tokio::test]
async fn a_parameter_sent_to_a_route_that_takes_none_is_named() {
    let app = spawn_app().await;
    let id = app.create_scenario("A", json!({})).await.id;
    for path in [
        format!("/api/v1/scenarios/{id}/export.csv?currency=EUR"),
        format!("/api/v1/scenarios/{id}?currency=EUR"),
        format!("/api/v1/scenarios/{id}/revisions/1?currency=EUR"),
    ] {
        let problem = assert_problem(app.get(&path).await, 400).await;
        assert_eq!(error_fields(&problem), ["currency"], "{path}: {problem}");
        // Without it, or with an empty query, the route answers.
        let plain = path.split_once('?').unwrap().0;
        for ok in [plain.to_owned(), format!("{plain}?")] {
            assert_eq!(app.get(&ok).await.status(), 200, "{ok}");
        }
    }
    for path in [
        "/api/v1/calculate?currency=EUR",
        "/api/v1/calculate/batch?currency=EUR",
        "/api/v1/scenarios?currency=EUR",
    ] {
        let problem = assert_problem(app.post_json(path, &json!({})).await, 400).await;
        assert_eq!(error_fields(&problem), ["currency"], "{path}: {problem}");
    }
    // A change too, and a "dry run" of a delete is no delete at all.
    let created = app.create_scenario("B", json!({})).await;
    let url = app.url(&format!("/api/v1/scenarios/{}?dry_run=true", created.id));
    let auth = format!("Bearer {}", created.edit_token);
    for request in [
        app.client.delete(&url),
        app.client.put(&url).json(&json!({"name": "C"})),
    ] {
        let response = request.header("authorization", &auth).send().await.unwrap();
        let problem = assert_problem(response, 400).await;
        assert_eq!(error_fields(&problem), ["dry_run"], "{problem}");
    }
    assert_eq!(
        app.scenario(&created.id).await.revision,
        1,
        "nothing changed"
    );
    // A parameter without a name is named as such.
    let problem = assert_problem(app.get(&format!("/api/v1/scenarios/{id}?=x")).await, 400).await;
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("without a name")
    );
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("the query string is refused"),
        "{detail}"
    );
}
