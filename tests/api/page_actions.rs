//! What a browser does through the pages' server functions and cookies: forking a
//! shared scenario, and the compare page offering the scenarios it owns.

use serde_json::json;

use crate::helpers::{TestApp, spawn_app};

/// `GET path` as a browser holding the edit tokens of `owned` (`(id, token)`).
async fn page_as_owner(app: &TestApp, path: &str, owned: &[(&str, &str)]) -> String {
    let keys: Vec<String> = owned
        .iter()
        .map(|(id, token)| format!("{id}:{token}"))
        .collect();
    let response = app
        .client
        .get(app.url(path))
        .header("cookie", format!("cp_edit={}", keys.join(".")))
        .send()
        .await
        .expect("request sent");
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.expect("html")
}

/// Posts the shared page's fork form (no JavaScript) and returns the new id and
/// the edit token its cookie carries.
async fn fork(app: &TestApp, id: &str) -> (String, String) {
    let response = app
        .client
        .post(app.url("/api/fork_scenario"))
        // What a browser without JavaScript sends: it gets a redirect to follow.
        .header("accept", "text/html")
        .form(&[("id", id)])
        .send()
        .await
        .expect("request sent");
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers()["location"].to_str().unwrap();
    let fork_id = location.strip_prefix("/s/").expect("the fork's page");
    let keys = crate::edit_keys::cookie_keys(&response, "cp_edit").expect("the edit-key cookie");
    let token = keys.token_for(fork_id).expect("the fork's edit token");
    (fork_id.to_owned(), token.to_owned())
}

#[tokio::test]
async fn a_fork_keeps_the_input_is_named_fork_and_is_editable_by_its_browser() {
    let app = spawn_app().await;
    let input =
        json!({"clusters": 6, "team": {"engineers": 5}, "workers": {"nodes_per_cluster": 4}});
    let original = app.create_scenario("Six clusters", input).await;

    let (fork_id, token) = fork(&app, &original.id).await;

    assert_ne!(fork_id, original.id);
    let source = app.scenario(&original.id).await;
    let copy = app.scenario(&fork_id).await;
    assert_eq!(copy.name, "Six clusters (fork)");
    assert_eq!(copy.revision, 1);
    assert_eq!(
        serde_json::to_value(&copy.input).unwrap(),
        serde_json::to_value(&source.input).unwrap()
    );
    let renamed = app
        .update_scenario(&fork_id, Some(&token), &json!({"name": "Mine now"}))
        .await;
    assert_eq!(renamed.status(), 200, "the cookie's token edits the fork");
    assert_eq!(
        app.scenario(&original.id).await.revision,
        1,
        "source untouched"
    );
}

#[tokio::test]
async fn a_fork_of_a_long_name_is_cut_to_the_longest_name_allowed() {
    let app = spawn_app().await;
    let name = "n".repeat(116);
    let original = app.create_scenario(&name, json!({})).await;

    let (fork_id, _) = fork(&app, &original.id).await;

    let copy = app.scenario(&fork_id).await;
    assert_eq!(copy.name, format!("{name} (fo"));
    assert_eq!(copy.name.chars().count(), 120);
}

#[tokio::test]
async fn the_compare_page_offers_this_browsers_own_scenarios_by_name_in_key_order() {
    let app = spawn_app().await;
    let alpha = app.create_scenario("Alpha plan", json!({})).await;
    let beta = app
        .create_scenario("Beta plan", json!({"clusters": 9}))
        .await;
    app.create_scenario("Someone else's plan", json!({})).await;
    let owned = [
        (beta.id.as_str(), beta.edit_token.as_str()),
        ("AAAAAAAAAAAAAAAAAAAAAA", "unknown"),
        (alpha.id.as_str(), alpha.edit_token.as_str()),
    ];

    let html = page_as_owner(&app, "/compare", &owned).await;

    let at = |id: &str| html.find(&format!("data-id=\"{id}\"")).expect(id);
    assert!(at(&beta.id) < at(&alpha.id), "in the order of the keys");
    assert!(html.contains("Beta plan") && html.contains("Alpha plan"));
    assert!(
        !html.contains("AAAAAAAAAAAAAAAAAAAAAA"),
        "unknown ids skipped"
    );
    assert!(!html.contains("Someone else"), "only this browser's own");
}

#[tokio::test]
async fn the_compare_page_reads_pasted_share_links() {
    let app = spawn_app().await;
    let alpha = app.create_scenario("Alpha plan", json!({})).await;
    let beta = app.create_scenario("Beta plan", json!({})).await;
    let pasted = format!("https://plan.example.com/s/{}/ {}", alpha.id, beta.id);
    let path = format!(
        "/compare?ids={}",
        pasted.replace(' ', "+").replace('/', "%2F")
    );

    let html = page_as_owner(&app, &path, &[]).await;

    assert!(html.contains("data-testid=\"comparison\""), "the table");
    let row = |name: &str| html.find(name).expect(name);
    assert!(row("Alpha plan") < row("Beta plan"));
}

#[tokio::test]
async fn the_creators_shared_page_links_to_the_planner_in_edit_mode() {
    let app = spawn_app().await;
    let created = app
        .create_scenario("Prod & staging", json!({"clusters": 3}))
        .await;
    let path = format!("/s/{}", created.id);

    let html = page_as_owner(&app, &path, &[(&created.id, &created.edit_token)]).await;

    let at = html.find("data-testid=\"edit-link\"").expect("edit link");
    let tag = &html[html[..at].rfind('<').unwrap()..at];
    assert!(tag.contains(&format!("edit={}", created.id)), "{tag}");
    assert!(tag.contains("name=Prod+%26+staging"), "{tag}");
    assert!(tag.contains("clusters=3"), "{tag}");
}

/// The planner's "save changes" as the hydrated page posts it, with the edit
/// key of `id` in the cookie and the revision the form was opened from.
async fn save_changes(app: &TestApp, id: &str, token: &str, revision: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/update_scenario"))
        .header("accept", "application/json")
        .header("cookie", format!("cp_edit={id}:{token}"))
        .form(&[
            ("id", id),
            ("name", "Team plan v2"),
            ("query", "clusters=5"),
            ("revision", revision),
        ])
        .send()
        .await
        .expect("answered")
}

#[tokio::test]
async fn a_browser_edit_saved_after_another_save_is_refused_and_writes_nothing() {
    let app = spawn_app().await;
    let created = app
        .create_scenario("Team plan", json!({"clusters": 5}))
        .await;
    let (id, token) = (created.id.as_str(), created.edit_token.as_str());
    // The shared page's Edit link opens the planner at the revision shown.
    let page = page_as_owner(&app, &format!("/s/{id}"), &[(id, token)]).await;
    assert!(
        page.contains("edit_revision=1"),
        "the Edit link names revision 1"
    );

    // Someone else with the key saves first.
    let other = json!({"input": {"clusters": 8}});
    assert_eq!(
        app.update_scenario(id, Some(token), &other).await.status(),
        200
    );

    let stale = save_changes(&app, id, token, "1").await;
    assert_eq!(stale.status(), 412, "{:?}", stale.text().await);
    let stored = app.scenario(id).await;
    assert_eq!(
        (stored.revision, stored.input.clusters),
        (2, 8),
        "nothing reverted"
    );

    // A revision that is no number (an address edited by hand) names the field.
    for bad in ["abc", "0", "1.5"] {
        let refused = save_changes(&app, id, token, bad).await;
        assert_eq!(refused.status(), 422, "{bad}");
        let text = refused.text().await.unwrap();
        assert!(
            text.contains("revision") && !text.contains("deserializ"),
            "{bad}: {text}"
        );
    }
    assert_eq!(app.scenario(id).await.revision, 2);
    // A stranger is refused as one, whatever revision the form names.
    let wrong = "A".repeat(token.len());
    for (id, token, status) in [
        (id, "", 401),
        (id, wrong.as_str(), 403),
        ("AAAAAAAAAAAAAAAAAAAAAA", token, 404),
    ] {
        let refused = save_changes(&app, id, token, "abc").await;
        assert_eq!(refused.status(), status, "{id} {token}");
    }

    // Opened again at the latest revision, the same save goes through.
    let fresh = save_changes(&app, id, token, "2").await;
    assert!(fresh.status().is_success(), "{}", fresh.status());
    let stored = app.scenario(id).await;
    assert_eq!((stored.revision, stored.name.as_str()), (3, "Team plan v2"));
}
