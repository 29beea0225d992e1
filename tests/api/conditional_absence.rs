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

/// Every tag counts, whatever its bytes: a tag with a byte that is not ASCII
/// dropped the whole header, `*` beside it included, and the change was made.
#[tokio::test]
async fn a_star_beside_a_tag_of_any_bytes_still_refuses() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let url = app.url(&format!("/api/v1/scenarios/{}", created.id));
    let held = reqwest::header::HeaderValue::from_bytes(b"*, \"caf\xc3\xa9\", W/\"\xff\"").unwrap();
    for put in [true, false] {
        let request = match put {
            true => app.client.put(&url).json(&json!({"name": "Renamed"})),
            false => app.client.delete(&url),
        };
        let request = request.bearer_auth(&created.edit_token);
        let refused = request
            .header("if-none-match", held.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 412, "put: {put}");
    }
    assert_eq!(app.scenario(&created.id).await.revision, 1);
}

/// A tag that does not name the latest revision is no obstacle to saves made
/// at the same time: they all land, as without the header (they were pinned to
/// the revision read, and all but a few refused). A tag far ahead is no hang.
#[tokio::test]
async fn saves_at_once_under_a_tag_of_another_revision_all_land() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let (id, token) = (created.id.as_str(), created.edit_token.as_str());
    // Revision 1 older than the latest.
    let renamed = app
        .update_scenario(id, Some(token), &json!({"name": "Plan 2"}))
        .await;
    assert_eq!(renamed.status(), 200);
    for held in [
        "\"json.r1.m3\"",
        "\"json.r999.m3\"",
        "\"json.r9223372036854775807.m3\"",
    ] {
        let before = app.scenario(id).await.revision;
        let saves = (0..8).map(|n| {
            let url = app.url(&format!("/api/v1/scenarios/{id}"));
            let request = app
                .client
                .put(url)
                .bearer_auth(token)
                .header("if-none-match", held);
            // A name no earlier round gave: a rename equal to the latest
            // revision writes nothing.
            let name = format!("{} {n}", held.len());
            request.json(&json!({"name": name})).send()
        });
        for answer in futures::future::join_all(saves).await {
            assert_eq!(answer.unwrap().status(), 200, "{held}");
        }
        assert_eq!(app.scenario(id).await.revision, before + 8, "{held}");
    }
}
