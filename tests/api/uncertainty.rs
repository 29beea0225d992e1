//! The Monte Carlo through the API: request and result, the same bytes on every
//! call and every view of a saved scenario, its limits in the OpenAPI document,
//! field errors at their paths, and many simulations at once all answered.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

fn ranged(samples: u32) -> Value {
    json!({"clusters": 8, "self_hosted": {"worker_hourly_usd": 0.1},
        "uncertainty": {"samples": samples, "seed": 3, "ranges": [
            {"field": "self_hosted.routine_hours_per_cluster_month", "low": 8, "high": 40},
            {"field": "team.annual_cost_usd", "low": 150000, "high": 260000}]}})
}

#[tokio::test]
async fn a_simulation_is_the_same_on_every_call_and_every_view() {
    let app = spawn_app().await;
    let first = app.calculate(&ranged(2000)).await.text().await.unwrap();
    let again = app.calculate(&ranged(2000)).await.text().await.unwrap();
    assert_eq!(first, again);
    let result: Value = serde_json::from_str(&first).unwrap();
    let u = &result["uncertainty"];
    assert_eq!(u["samples"], 2000);
    for stats in ["eks", "self_hosted", "difference"] {
        let [p10, p50, p90] = ["p10", "p50", "p90"].map(|p| {
            u[stats][p]
                .as_f64()
                .unwrap_or_else(|| panic!("{stats}.{p} is a number: {u}"))
        });
        assert!(p10 <= p50 && p50 <= p90, "{stats}: {p10} {p50} {p90}");
    }
    let probability = u["probability_self_hosted_cheaper"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&probability));

    let created = app.create_scenario("Ranged", ranged(2000)).await;
    let path = format!("/api/v1/scenarios/{}", created.id);
    let one: Value = app.get(&path).await.json().await.unwrap();
    let two: Value = app.get(&path).await.json().await.unwrap();
    assert_eq!(one["result"]["uncertainty"], two["result"]["uncertainty"]);
    assert_eq!(one["result"]["uncertainty"], result["uncertainty"]);
    let page = app.text(&format!("/s/{}", created.id)).await;
    assert!(
        page.contains("simulated futures"),
        "the shared page has the headline"
    );
    assert!(
        page.contains("data-chart=\"uncertainty\""),
        "and the histogram"
    );
    let csv = app.text(&format!("{path}/export.csv")).await;
    assert!(csv.contains("\"difference\",\"simulated_p50\""), "{csv}");
    assert!(csv.contains("\"probability_self_hosted_cheaper\""), "{csv}");
}

#[tokio::test]
async fn the_request_and_its_limits_are_documented_and_enforced() {
    let app = spawn_app().await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let request = &doc["components"]["schemas"]["ScenarioInput"]["properties"]["uncertainty"];
    assert_eq!(request["properties"]["samples"]["maximum"], 20000.0);
    assert_eq!(request["properties"]["samples"]["minimum"], 100.0);
    assert_eq!(request["properties"]["ranges"]["maxItems"], 20);
    let result = &doc["components"]["schemas"]["CalculationResult"]["properties"];
    assert!(result.get("uncertainty").is_some(), "{result}");

    let bad = json!({"uncertainty": {"samples": 20001, "ranges": [
        {"field": "clusters", "low": 1, "high": 3},
        {"field": "workers.headroom_pct", "low": 30, "high": 20}]}});
    let problem = assert_problem(app.calculate(&bad).await, 422).await;
    let fields = error_fields(&problem);
    for field in [
        "uncertainty.samples",
        "uncertainty.ranges[0].field",
        "uncertainty.ranges[1].low",
    ] {
        assert!(fields.iter().any(|f| f == field), "{field}: {fields:?}");
    }
}

#[tokio::test]
async fn many_simulations_at_once_are_all_answered() {
    let app = spawn_app().await;
    // Six seeds: six documents, so six simulations (one body sent six times
    // would be simulated once, tests/api/kept_answers.rs).
    let bodies: Vec<_> = (0..6)
        .map(|seed| {
            let mut body = ranged(3000);
            body["uncertainty"]["seed"] = seed.into();
            body
        })
        .collect();
    let calls = bodies.iter().map(|body| app.calculate(body));
    let responses = futures::future::join_all(calls).await;
    for response in responses {
        assert_eq!(response.status(), 200);
    }
    assert_eq!(app.get("/healthz").await.status(), 200);
}
