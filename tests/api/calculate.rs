//! `POST /api/v1/calculate`: results, and every way a body can be refused.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn defaults_give_the_worked_example() {
    let app = spawn_app().await;

    let response = app.calculate(&json!({})).await;

    assert_eq!(response.status(), 200);
    let result: Value = response.json().await.unwrap();
    assert_eq!(result["model_version"], "3");
    assert_eq!(result["inputs"]["clusters"], 3);
    assert_eq!(result["options"]["eks"]["nodes_per_cluster"], 8);
    assert_eq!(result["options"]["self_hosted"]["nodes_per_cluster"], 9);
    let eks_total = result["options"]["eks"]["horizon_total"].as_f64().unwrap();
    assert!((eks_total - 362_038.24).abs() < 0.005, "{eks_total}");
    assert_eq!(result["comparison"]["cheaper"], "eks");
    assert_eq!(
        result["options"]["eks"]["cumulative"]
            .as_array()
            .unwrap()
            .len(),
        37
    );
}

#[tokio::test]
async fn invalid_input_lists_every_violation_with_its_field() {
    let app = spawn_app().await;
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (
            json!({"clusters": 0, "workers": {"headroom_pct": 500}}),
            vec!["clusters", "workers.headroom_pct"],
        ),
        (json!({"clusterz": 3}), vec!["clusterz"]),
        (json!({"clusters": "three"}), vec!["clusters"]),
        (
            json!({"workers": {"instance_type": "m9.huge"}}),
            vec!["workers.instance_type"],
        ),
        (
            json!({"self_hosted": {"control_plane_nodes": 4}}),
            vec!["self_hosted.control_plane_nodes"],
        ),
    ];

    for (input, expected) in cases {
        let problem = assert_problem(app.calculate(&input).await, 422).await;
        let fields = error_fields(&problem);
        for field in &expected {
            assert!(
                fields.iter().any(|f| f == field),
                "{input}: {fields:?} lacks {field}"
            );
        }
    }
}

#[tokio::test]
async fn malformed_bodies_are_400_problems() {
    let app = spawn_app().await;
    let bodies: Vec<&[u8]> = vec![
        b"{",
        b"not json",
        b"{} trailing",
        b"\xff\xfe{}",
        b"{\"clusters\": 1e999}",
    ];

    for body in bodies {
        let response = app
            .post_raw("/api/v1/calculate", "application/json", body.to_vec())
            .await;
        assert_problem(response, 400).await;
    }
}

#[tokio::test]
async fn deeply_nested_json_is_refused_without_harm() {
    let app = spawn_app().await;
    // No input field takes free-form JSON, so a deep document is refused on its
    // shape (wrong type, unknown field) before its depth matters.
    let deep_array = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_object = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    // The same cut short of its innermost value is not JSON at all.
    let broken = deep_object.replacen('1', "", 1);
    let cases = [(deep_array, 422), (deep_object, 422), (broken, 400)];

    for (body, status) in cases {
        let response = app
            .post_raw("/api/v1/calculate", "application/json", body.into_bytes())
            .await;
        assert_problem(response, status).await;
    }
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_415() {
    let app = spawn_app().await;

    let response = app
        .post_raw("/api/v1/calculate", "text/plain", b"{}".to_vec())
        .await;

    assert_problem(response, 415).await;
}

/// A compressed body is refused as such (415 with `Accept-Encoding`), not read
/// as bytes and called malformed JSON; `identity` changes nothing.
#[tokio::test]
async fn a_body_in_a_content_coding_is_415_naming_the_coding() {
    let app = spawn_app().await;
    let send = |route: &'static str, coding: &'static str| {
        app.client
            .post(app.url(route))
            .header("content-type", "application/json")
            .header("content-encoding", coding)
            .body("{}")
            .send()
    };

    for (route, coding) in [
        ("/api/v1/calculate", "gzip"),
        ("/api/v1/calculate", "identity, br"),
        ("/api/v1/calculate/batch", "deflate"),
        ("/api/v1/scenarios", "GZIP"),
    ] {
        let answer = send(route, coding).await.expect("answered");
        assert_eq!(answer.headers()["accept-encoding"], "identity", "{route}");
        let problem = assert_problem(answer, 415).await;
        let detail = problem["detail"].as_str().unwrap_or_default();
        assert!(detail.contains(coding), "{route} {coding}: {detail}");
    }
    // `identity`, or an empty header, names no coding.
    for coding in ["Identity", ""] {
        let plain = send("/api/v1/calculate", coding).await.expect("answered");
        assert_eq!(plain.status(), 200, "{coding:?}");
    }
}

#[tokio::test]
async fn an_oversized_body_is_413() {
    let app = spawn_app().await;
    let huge = format!("{{\"pad\": \"{}\"}}", "x".repeat(400 * 1024));

    let response = app
        .post_raw("/api/v1/calculate", "application/json", huge.into_bytes())
        .await;

    assert_problem(response, 413).await;
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_problems() {
    let app = spawn_app().await;

    assert_problem(app.get("/api/v1/nope").await, 404).await;
    assert_problem(app.get("/api/v1/calculate").await, 405).await;
}

#[tokio::test]
async fn a_body_breaking_thousands_of_rules_lists_a_hundred_and_counts_the_rest() {
    let app = spawn_app().await;
    // 63 KB: 21,000 ranges, each missing its three members.
    let input = json!({"uncertainty": {"ranges": vec![json!({}); 21_000]}});

    let problem = assert_problem(app.calculate(&input).await, 422).await;

    let errors = problem["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 100, "{}", problem["detail"]);
    let last = errors[99]["message"].as_str().unwrap();
    assert!(last.starts_with("and 62902 more problems"), "{last}");
}

#[tokio::test]
async fn more_unreadable_members_than_a_list_holds_end_it_with_a_count() {
    let app = spawn_app().await;
    let mut input = serde_json::Map::new();
    for n in 0..150 {
        input.insert(format!("u{n:03}"), json!(1));
    }
    input.insert("clusters".into(), json!(5000));

    let problem = assert_problem(app.calculate(&input.into()).await, 422).await;

    // All 150 found, and the rules of the rest (clusters) read: 151.
    assert_eq!(problem["detail"], "invalid input: 151 problem(s)");
    let errors = problem["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 100);
    assert_eq!(errors[99]["field"], "");
    assert_eq!(
        errors[99]["message"],
        "and 52 more problems; fix these first"
    );
}

#[tokio::test]
async fn a_large_body_read_a_few_times_says_more_may_follow() {
    let app = spawn_app().await;
    // 150 KB: read once more after the first refusal, so one unknown member of
    // three is found, and the list says there may be more.
    let mut input = serde_json::Map::new();
    input.insert("pad_a".into(), json!(1));
    let names: Vec<_> = (0..20)
        .map(|n| json!({"name": format!("item {n}"), "monthly_usd": 1}))
        .collect();
    input.insert("line_items".into(), json!(names));
    input.insert("pad_b".into(), json!("x".repeat(150_000)));
    input.insert("pad_c".into(), json!(1));

    let problem = assert_problem(app.calculate(&input.into()).await, 422).await;

    let errors = problem["errors"].as_array().unwrap();
    let last = errors.last().unwrap();
    assert_eq!(last["field"], "");
    assert_eq!(last["message"], clusterplan_model::MORE_MAY_FOLLOW);
    let counted = errors.len() - 1;
    assert_eq!(
        problem["detail"],
        format!("invalid input: {counted} problem(s)")
    );
}
