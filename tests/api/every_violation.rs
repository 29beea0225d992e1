//! Every violation at once (spec §2, §6: "422 for invalid input (all violations
//! listed)"), members that cannot be read included: unknown members and
//! members of the wrong type are each listed, beside the range and rule
//! violations of the rest, on every body that carries a scenario.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

fn sorted(mut fields: Vec<String>) -> Vec<String> {
    fields.sort();
    fields
}

#[tokio::test]
async fn calculate_lists_every_unreadable_member_and_every_rule_broken() {
    let app = spawn_app().await;
    let cases = [
        (
            json!({"foo": 1, "bar": 2, "eks": {"baz": 1}}),
            vec!["bar", "eks.baz", "foo"],
        ),
        (
            json!({"clustres": 5, "workers": {"headroom_pct": -1}}),
            vec!["clustres", "workers.headroom_pct"],
        ),
        (
            json!({"clusters": "x", "horizon_months": "y"}),
            vec!["clusters", "horizon_months"],
        ),
    ];
    for (input, expected) in cases {
        let problem = assert_problem(app.calculate(&input).await, 422).await;
        assert_eq!(sorted(error_fields(&problem)), expected, "{input}");
    }
}

#[tokio::test]
async fn a_save_lists_them_under_input_and_stores_nothing() {
    let app = spawn_app().await;
    let bad = json!({"clustres": 5, "workers": {"headroom_pct": -1}});

    let create = app
        .post_json("/api/v1/scenarios", &json!({"name": "Plan", "input": bad}))
        .await;
    let problem = assert_problem(create, 422).await;
    assert_eq!(
        sorted(error_fields(&problem)),
        ["input.clustres", "input.workers.headroom_pct"]
    );

    // The body's own rules (the name) come with them.
    let body = json!({"name": "", "input": {"clusters": 0}, "bogus": 1});
    let problem = assert_problem(app.post_json("/api/v1/scenarios", &body).await, 422).await;
    assert_eq!(
        sorted(error_fields(&problem)),
        ["bogus", "input.clusters", "name"]
    );

    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let update = app
        .update_scenario(
            &created.id,
            Some(&created.edit_token),
            &json!({"input": bad}),
        )
        .await;
    let problem = assert_problem(update, 422).await;
    assert_eq!(
        sorted(error_fields(&problem)),
        ["input.clustres", "input.workers.headroom_pct"]
    );
    let stored = app.scenario(&created.id).await;
    assert_eq!((stored.revision, stored.input.clusters), (1, 3));
}

#[tokio::test]
async fn a_batch_names_its_own_bad_members_and_each_scenarios_apart() {
    let app = spawn_app().await;
    let batch = json!({"scenarios": [{"clusters": 3}], "extra": 1, "more": 2});
    let problem = assert_problem(app.post_json("/api/v1/calculate/batch", &batch).await, 422).await;
    assert_eq!(sorted(error_fields(&problem)), ["extra", "more"]);
    let batch = json!({"scenarios": [], "extra": 1});
    let problem = assert_problem(app.post_json("/api/v1/calculate/batch", &batch).await, 422).await;
    assert_eq!(sorted(error_fields(&problem)), ["extra", "scenarios"]);

    let batch = json!({"scenarios": [{"foo": 1, "clusters": "x", "team": {"engineers": 0}}]});
    let answer: Value = app
        .post_json("/api/v1/calculate/batch", &batch)
        .await
        .json()
        .await
        .expect("a batch answer");
    let fields = answer["results"][0]["error"]["errors"]
        .as_array()
        .expect("the scenario's errors")
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(sorted(fields), ["clusters", "foo", "team.engineers"]);
}

#[tokio::test]
async fn a_body_written_as_an_array_is_refused_on_every_route() {
    let app = spawn_app().await;
    let created = app.create_scenario("Kept", json!({"clusters": 3})).await;
    for (path, body) in [
        ("/api/v1/calculate", json!([3])),
        ("/api/v1/scenarios", json!(["Seq", {"clusters": 3}])),
        ("/api/v1/calculate/batch", json!([[{}]])),
        ("/api/v1/scenarios", json!([])),
    ] {
        let problem = assert_problem(app.post_json(path, &body).await, 422).await;
        let message = problem["errors"][0]["message"].as_str().unwrap();
        assert_eq!(error_fields(&problem), [""], "{path} {body}");
        assert!(
            message.contains("must be an object"),
            "{path} {body}: {message}"
        );
    }
    let update = app
        .update_scenario(&created.id, Some(&created.edit_token), &json!(["Renamed"]))
        .await;
    assert_problem(update, 422).await;
    assert_eq!(
        app.scenario(&created.id).await.revision,
        1,
        "nothing written"
    );
}
