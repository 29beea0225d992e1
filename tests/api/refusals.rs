//! One answer policy: a refusal has the same status whether the JSON API or a
//! page's server function (called by the hydrated page) meets it, and a plain
//! form post (no JavaScript) still gets its redirect back to the page. A body is
//! malformed (400) or wrong (422, naming the member) the same way everywhere.

use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, spawn_app};

/// A server function called as the hydrated page calls it (no `text/html`).
async fn server_fn(app: &TestApp, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("accept", "application/json")
        .form(form)
        .send()
        .await
        .expect("answered")
}

#[tokio::test]
async fn a_wrong_edit_key_is_the_key_fields_error_not_a_server_error() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;

    let wrong = server_fn(
        &app,
        "claim_scenario",
        &[("id", &created.id), ("key", "Wrong123")],
    )
    .await;

    assert_eq!(wrong.status(), 422);
    let body: Value = wrong.json().await.expect("a typed error");
    assert_eq!(body["Invalid"][0]["field"], "key", "{body}");
}

#[tokio::test]
async fn the_api_and_the_pages_answer_a_refusal_with_one_status() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let missing = "AAAAAAAAAAAAAAAAAAAAAA";

    // Not found: 404 on both paths.
    assert_problem(app.get(&format!("/api/v1/scenarios/{missing}")).await, 404).await;
    let fork = server_fn(&app, "fork_scenario", &[("id", missing)]).await;
    assert_eq!(fork.status(), 404);

    // A change without the edit token: 401 on both paths.
    let put = app
        .client
        .put(app.url(&format!("/api/v1/scenarios/{}", created.id)))
        .json(&json!({"name": "Mine", "input": {}}))
        .send()
        .await
        .expect("answered");
    assert_problem(put, 401).await;
    let update = server_fn(
        &app,
        "update_scenario",
        &[("id", &created.id), ("name", "Mine"), ("query", "")],
    )
    .await;
    assert_eq!(update.status(), 401);
    let body: Value = update.json().await.expect("a typed error");
    assert_eq!(
        body,
        json!("Forbidden"),
        "the page says only its owner may edit"
    );

    // Bad input: 422 on both paths, naming the field.
    let bad = app.calculate(&json!({"clusters": 0})).await;
    assert_problem(bad, 422).await;
    let save = server_fn(
        &app,
        "save_scenario",
        &[("name", "x"), ("query", "clusters=0")],
    )
    .await;
    assert_eq!(save.status(), 422);
}

#[tokio::test]
async fn a_form_post_without_javascript_is_still_redirected_back_with_its_error() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let page = app.url(&format!("/s/{}", created.id));

    let wrong = app
        .client
        .post(app.url("/api/claim_scenario"))
        .header("accept", "text/html")
        .header("referer", &page)
        .form(&[("id", created.id.as_str()), ("key", "Wrong123")])
        .send()
        .await
        .expect("answered");

    assert_eq!(wrong.status(), 302);
    let location = wrong.headers()["location"].to_str().unwrap();
    assert!(location.contains("__err="), "{location}");
}

/// Arguments that do not decode are the caller's mistake: a 400, on every
/// server function (Leptos' default was a 500, logged as an error).
#[tokio::test]
async fn server_function_arguments_that_do_not_decode_are_a_400() {
    let app = spawn_app().await;
    let cases: [(&str, &[(&str, &str)]); 5] = [
        ("claim_scenario", &[("key", "x")]),
        ("fork_scenario", &[]),
        (
            "save_scenario",
            &[("name", "a"), ("name", "b"), ("query", "")],
        ),
        ("update_scenario", &[("id", "x")]),
        ("evaluate", &[]),
    ];
    for (endpoint, form) in cases {
        let response = server_fn(&app, endpoint, form).await;
        assert_eq!(response.status(), 400, "{endpoint}");
    }
    let bytes = app
        .client
        .post(app.url("/api/fork_scenario"))
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(b"id=%FF%FE".to_vec())
        .send()
        .await
        .expect("answered");
    assert!(
        bytes.status().is_client_error(),
        "not UTF-8: {}",
        bytes.status()
    );
}

#[tokio::test]
async fn a_422_reads_the_same_whichever_step_found_it() {
    let app = spawn_app().await;
    // Wrong shape (found reading the JSON) and out of range (found checking it),
    // on the endpoint that reads its own document and on one that does not.
    let answers = [
        app.calculate(&json!({"clusters": "two"})).await,
        app.calculate(&json!({"clusters": 0})).await,
        app.post_json(
            "/api/v1/scenarios",
            &json!({"name": "x", "input": {"clusters": "two"}}),
        )
        .await,
        app.post_json(
            "/api/v1/scenarios",
            &json!({"name": "x", "input": {"clusters": 0}}),
        )
        .await,
    ];
    for answer in answers {
        let problem = assert_problem(answer, 422).await;
        assert_eq!(
            problem["detail"], "invalid input: 1 problem(s)",
            "{problem}"
        );
    }
}

#[tokio::test]
async fn a_cut_off_body_is_malformed_and_a_repeated_member_is_named() {
    let app = spawn_app().await;
    // serde refuses the unknown member before it reaches the cut-off end: the
    // body is still not JSON (400), on the calculation and on a save alike.
    for (path, body) in [
        ("/api/v1/calculate", r#"{"nope": 1"#),
        ("/api/v1/scenarios", r#"{"name": "x", "nope": 1"#),
    ] {
        let answer = app
            .post_raw(path, "application/json", body.as_bytes().to_vec())
            .await;
        let problem = assert_problem(answer, 400).await;
        assert!(
            problem["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with("malformed JSON")),
            "{path}: {problem}"
        );
    }
    for (path, body, field) in [
        (
            "/api/v1/calculate",
            r#"{"clusters": 2, "clusters": 3}"#,
            "clusters",
        ),
        (
            "/api/v1/scenarios",
            r#"{"name": "x", "input": {}, "name": "y"}"#,
            "name",
        ),
    ] {
        let answer = app
            .post_raw(path, "application/json", body.as_bytes().to_vec())
            .await;
        let problem = assert_problem(answer, 422).await;
        assert_eq!(problem["errors"][0]["field"], field, "{path}: {problem}");
    }
}

#[tokio::test]
async fn a_path_capture_that_is_not_utf8_is_a_404_problem_like_any_unknown_id() {
    let app = spawn_app().await;
    let saved = app.create_scenario("Paths", json!({})).await;
    let id = &saved.id;
    let reads = [
        "/api/v1/scenarios/%FF".to_owned(),
        "/api/v1/scenarios/%FF/export.csv".to_owned(),
        "/api/v1/scenarios/%FF/forecast.csv".to_owned(),
        "/api/v1/scenarios/%FF/forecast.json".to_owned(),
        "/api/v1/scenarios/%FF/revisions/1".to_owned(),
        format!("/api/v1/scenarios/{id}/revisions/%FF"),
        "/s/%C3%28/charts/cumulative.svg".to_owned(),
        format!("/s/{id}/charts/%FF.svg"),
    ];
    for path in reads {
        let problem = assert_problem(app.get(&path).await, 404).await;
        assert_eq!(problem["detail"], format!("{path} not found"), "{path}");
    }
    for root in ["/api/v1", "/api/v1/"] {
        assert_problem(app.get(root).await, 404).await;
    }
    let token = Some(saved.edit_token.as_str());
    let put = app.update_scenario("%FF", token, &json!({})).await;
    assert_problem(put, 404).await;
    assert_problem(app.delete_scenario("%FF", token).await, 404).await;
    assert_eq!(app.scenario(id).await.revision, 1, "nothing was written");
}
