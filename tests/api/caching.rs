//! ETags: scenario, revision and CSV reads carry a strong ETag that changes with
//! the revision (and the model version), and `If-None-Match` gets 304.

use serde_json::json;

use crate::helpers::{TestApp, spawn_app};

async fn get_with(app: &TestApp, path: &str, held: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(tag) = held {
        request = request.header("if-none-match", tag);
    }
    request.send().await.expect("answered")
}

fn etag(response: &reqwest::Response) -> String {
    response.headers()["etag"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn tagged_reads_answer_304_until_a_new_revision() {
    let app = spawn_app().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;
    let id = &created.id;
    for path in [
        format!("/api/v1/scenarios/{id}"),
        format!("/api/v1/scenarios/{id}/export.csv"),
        format!("/api/v1/scenarios/{id}/revisions/1"),
    ] {
        let first = get_with(&app, &path, None).await;
        assert_eq!(first.status(), 200, "{path}");
        let tag = etag(&first);
        assert!(
            tag.starts_with('"') && !tag.starts_with("W/"),
            "strong: {tag}"
        );

        let again = get_with(&app, &path, Some(&tag)).await;
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(etag(&again), tag);
        // RFC 9110 §15.4.5: the Vary its 200 carries.
        assert_eq!(first.headers()["vary"], "accept-encoding", "{path}");
        assert_eq!(again.headers()["vary"], "accept-encoding", "{path}");
        assert!(again.bytes().await.unwrap().is_empty());
        let other = get_with(&app, &path, Some("\"something-else\"")).await;
        assert_eq!(other.status(), 200, "{path}");
    }

    // A new revision: the latest's tags change, revision 1's does not.
    let latest = format!("/api/v1/scenarios/{id}");
    let before = etag(&get_with(&app, &latest, None).await);
    let old = etag(&get_with(&app, &format!("{latest}/revisions/1"), None).await);
    app.update_scenario(
        id,
        Some(&created.edit_token),
        &json!({"input": {"clusters": 4}}),
    )
    .await;
    let after = get_with(&app, &latest, Some(&before)).await;
    assert_eq!(after.status(), 200);
    assert_ne!(etag(&after), before);
    let csv = get_with(&app, &format!("{latest}/export.csv"), Some(&before)).await;
    assert_eq!(csv.status(), 200, "a JSON tag does not match the CSV");
    let first = get_with(&app, &format!("{latest}/revisions/1"), Some(&old)).await;
    assert_eq!(first.status(), 304);
}

#[tokio::test]
async fn an_unknown_scenario_is_404_whatever_the_client_holds() {
    let app = spawn_app().await;
    let response = get_with(&app, "/api/v1/scenarios/AAAAAAAAAAAAAAAAAAAAAA", Some("*")).await;
    assert_eq!(response.status(), 404);
}
