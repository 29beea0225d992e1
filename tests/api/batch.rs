//! `POST /api/v1/calculate/batch`: results in order, a bad scenario is an error
//! beside the good ones, and the batch's size and samples are capped.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn results_come_in_order_with_errors_beside_results() {
    let app = spawn_app().await;
    let body = json!({"scenarios": [{"clusters": 2}, {"clusters": 0}, {}, {"nope": 1}]});

    let response = app.post_json("/api/v1/calculate/batch", &body).await;

    assert_eq!(response.status(), 200);
    let answer: Value = response.json().await.unwrap();
    let results = answer["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let single: Value = app
        .calculate(&json!({"clusters": 2}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        results[0]["result"], single,
        "the same figures as /calculate"
    );
    assert_eq!(results[1]["error"]["status"], 422);
    assert_eq!(results[1]["error"]["errors"][0]["field"], "clusters");
    assert_eq!(results[2]["result"]["inputs"]["clusters"], 3, "defaults");
    assert_eq!(results[3]["error"]["errors"][0]["field"], "nope");
}

#[tokio::test]
async fn empty_oversized_and_oversampled_batches_are_refused_naming_the_field() {
    let app = spawn_app().await;
    let ranged = json!({"uncertainty": {"samples": 20000, "ranges": [
        {"field": "team.annual_cost_usd", "low": 150000, "high": 250000}]}});
    let cases = [
        json!({"scenarios": []}),
        json!({"scenarios": vec![json!({}); 101]}),
        json!({"scenarios": vec![ranged; 6]}),
    ];
    for body in cases {
        let response = app.post_json("/api/v1/calculate/batch", &body).await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(error_fields(&problem), ["scenarios"], "{problem}");
    }
    let five = json!({"scenarios": vec![json!({"uncertainty": {"samples": 20000, "ranges": [
        {"field": "team.annual_cost_usd", "low": 150000, "high": 250000}]}}); 5]});
    assert_eq!(
        app.post_json("/api/v1/calculate/batch", &five)
            .await
            .status(),
        200,
        "at the cap"
    );
}

/// Each scenario is read as `POST /calculate` reads its body: a member given
/// twice is that scenario's error (it was read into a map, the last one kept),
/// and an item that is no object refuses the batch, naming the item.
#[tokio::test]
async fn a_scenario_is_read_as_calculate_reads_it() {
    let app = spawn_app().await;
    let body = r#"{"scenarios": [{"clusters": 1, "clusters": 2}, {"team": {"engineers": 1, "engineers": 2}}, {"clusters": 4}]}"#;
    let response = app
        .post_raw("/api/v1/calculate/batch", "application/json", body.into())
        .await;
    assert_eq!(response.status(), 200);
    let answer: Value = response.json().await.unwrap();
    let results = answer["results"].as_array().unwrap();
    for (i, field) in [(0, "clusters"), (1, "team.engineers")] {
        let error = &results[i]["error"]["errors"][0];
        assert_eq!(error["field"], field, "{answer}");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("more than once")
        );
    }
    assert_eq!(results[2]["result"]["inputs"]["clusters"], 4);

    for item in ["5", "null", "[]", "\"x\""] {
        let body = format!(r#"{{"scenarios": [{{}}, {item}]}}"#);
        let response = app
            .post_raw("/api/v1/calculate/batch", "application/json", body.into())
            .await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(
            error_fields(&problem),
            ["scenarios[1]"],
            "{item}: {problem}"
        );
    }
}
