//! Bounded work on rendering routes: they run in a bounded number of slots (a
//! request that finds none free in time is answered 503 with `Retry-After`,
//! while the probes and the JSON API are served as usual), and a flood of
//! form values is one error, not thousands.

use serde_json::json;

use crate::helpers::{TestApp, spawn_app_with};

async fn get_page(app: &TestApp, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header("accept", "text/html")
        .send()
        .await
        .expect("answered")
}

#[tokio::test]
async fn rendering_beyond_the_slots_is_shed_with_503_and_retry_after() {
    // Arrange: one rendering slot, no waiting for it.
    let (app, _stop, _server) = spawn_app_with(|c| {
        c.render_slots = 1;
        c.render_wait_ms = 0;
    })
    .await;
    let created = app.create_scenario("Shared", json!({"clusters": 4})).await;
    // The planner: calculated and drawn for every request (a shared page is
    // rendered once per revision, then kept; see page_cache.rs).
    let page = "/?clusters=4";

    // Act: sixteen planner pages at once.
    let pages = (0..16).map(|_| get_page(&app, page));
    let responses = futures::future::join_all(pages).await;

    // Assert: some drawn, the rest shed cleanly; nothing else.
    let mut shed = 0;
    for response in responses {
        match response.status().as_u16() {
            200 => {}
            503 => {
                shed += 1;
                assert_eq!(response.headers()["retry-after"], "2");
                let body = response.text().await.unwrap();
                assert!(body.contains("Clusterplan is busy"), "{body}");
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert!((1..16).contains(&shed), "{shed} of 16 shed");
    assert_eq!(app.get("/healthz").await.status(), 200, "probes never wait");
    let api = app.get(&format!("/api/v1/scenarios/{}", created.id)).await;
    assert_eq!(api.status(), 200, "the JSON API is not a rendering route");
}

#[tokio::test]
async fn a_shed_server_function_call_gets_a_problem_document() {
    let (app, _stop, _server) = spawn_app_with(|c| {
        c.render_slots = 1;
        c.render_wait_ms = 0;
    })
    .await;
    // A Monte Carlo of 20,000 futures: each call holds its slot a while.
    let query = "uncertainty.samples=20000\
        &uncertainty.low.team.annual_cost_usd=150000&uncertainty.high.team.annual_cost_usd=250000";
    let calls = (0..16).map(|_| {
        app.client
            .post(app.url("/api/evaluate"))
            .form(&[("query", query)])
            .send()
    });

    let responses = futures::future::join_all(calls).await;

    let statuses: Vec<u16> = responses
        .iter()
        .map(|r| r.as_ref().expect("answered").status().as_u16())
        .collect();
    assert!(
        statuses.iter().all(|s| [200, 503].contains(s)),
        "{statuses:?}"
    );
    assert!(statuses.contains(&503), "{statuses:?}");
    let shed = responses
        .iter()
        .flatten()
        .find(|r| r.status() == 503)
        .expect("one shed");
    assert_eq!(shed.headers()["content-type"], "application/problem+json");
    assert_eq!(shed.headers()["retry-after"], "2");
}

#[tokio::test]
async fn a_flood_of_form_values_is_refused_with_one_error() {
    let app = crate::helpers::spawn_app().await;
    // 9,000 values (the most that fit the body limit once form-encoded twice);
    // the form has a few hundred.
    let flood = "clusters=x&".repeat(9_000);

    let response = app
        .client
        .post(app.url("/api/evaluate"))
        .form(&[("query", flood.as_str())])
        .send()
        .await
        .expect("answered");

    assert_eq!(response.status(), 200);
    let evaluation: serde_json::Value = response.json().await.unwrap();
    let errors = evaluation["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("at most {}", clusterplan_model::MAX_FORM_PAIRS))
    );
}
