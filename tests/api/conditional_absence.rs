//! `If-None-Match` on `PUT` and `DELETE` (RFC 9110 §13.1.2): `*`, or the latest
//! revision's tag, refuses the change with 412 and writes nothing; another
//! revision's tag lets it through. It was ignored (an outside review): a
//! client saying "only if it does not exist" overwrote the scenario.

use serde_json::json;

use crate::helpers::{TestApp, assert_problem, spawn_app};

/// `PUT` (renaming) or `DELETE` of `id` with `If-None-Match: held`.
async fn change(app: &TestApp, id: &str, token: &str, held: &str, put: bool) -> reqwest::Response {
    let url = app.url(&format!("/api/v1/scenarios/{id}"));
    let request = match put {
        true => app.client.put(url).json(&json!({"name": "Renamed"})),
        false => app.client.delete(url),
    };
    let request = request.bearer_auth(token).header("if-none-match", held);
    request.send().await.expect("answered")
}

#[tokio::test]
async fn if_none_match_refuses_a_change_to_what_exists() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let (id, token) = (created.id.as_str(), created.edit_token.as_str());
    let path = format!("/api/v1/scenarios/{id}");
    let first = app.get(&path).await.headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();

    for put in [true, false] {
        for held in ["*", first.as_str(), &format!("\"other\", W/{first}")] {
            let refused = change(&app, id, token, held, put).await;
            let problem = assert_problem(refused, 412).await;
            assert!(
                problem["detail"]
                    .as_str()
                    .unwrap()
                    .contains("If-None-Match"),
                "{held}"
            );
        }
    }
    let unchanged = app.scenario(id).await;
    assert_eq!((unchanged.revision, unchanged.name.as_str()), (1, "Plan"));

    // A tag of another revision: the change is made.
    let renamed = change(&app, id, token, "\"json.r7.m3\"", true).await;
    assert_eq!(renamed.status(), 200);
    assert_eq!(app.scenario(id).await.revision, 2);
    // Stale `If-Match` with a passing `If-None-Match`: If-Match decides first.
    let both = app
        .client
        .put(app.url(&path))
        .bearer_auth(token)
        .json(&json!({"name": "X"}));
    let both = both
        .header("if-match", &first)
        .header("if-none-match", "\"other\"");
    assert_problem(both.send().await.unwrap(), 412).await;
    // Nothing there: 404, as without the header.
    let missing = change(&app, "AAAAAAAAAAAAAAAAAAAAAA", token, "*", true).await;
    assert_eq!(missing.status(), 404);
    // The delete goes through once the tag is not the latest's.
    assert_eq!(change(&app, id, token, &first, false).await.status(), 204);
}

#[tokio::test]
async fn a_stranger_is_told_about_the_key_not_the_revision() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let wrong = "A".repeat(created.edit_token.len());
    let refused = change(&app, &created.id, &wrong, "*", true).await;
    assert_eq!(refused.status(), 403);
    let url = app.url(&format!("/api/v1/scenarios/{}", created.id));
    let tokenless = app.client.put(url).header("if-none-match", "*");
    let tokenless = tokenless.json(&json!({"name": "X"})).send().await.unwrap();
    assert_eq!(tokenless.status(), 401);
    assert_eq!(app.scenario(&created.id).await.revision, 1);
}
