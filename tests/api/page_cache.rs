//! Shared pages are rendered once per revision for everyone without an edit
//! key: the same page until a new revision, never the owner's page, and
//! gzipped from the cache for browsers that take it. The default planner is
//! kept too. Every answer carries a script nonce of its own.

use std::io::Read;

use serde_json::json;

use crate::helpers::{TestApp, spawn_app};

/// The page at `path` with `cookie` (if any): its CSP nonce, its scripts'
/// nonce and its HTML.
async fn view(app: &TestApp, path: &str, cookie: Option<&str>) -> (String, String, String) {
    let mut request = app.client.get(app.url(path));
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let response = request.send().await.expect("request sent");
    assert_eq!(response.status(), 200, "{path}");
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let csp_nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap();
    let html = response.text().await.unwrap();
    let script_nonce = html
        .split("nonce=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    (csp_nonce.to_owned(), script_nonce.to_owned(), html)
}

#[tokio::test]
async fn a_revision_is_rendered_once_until_the_next_one() {
    let app = spawn_app().await;
    let created = app
        .create_scenario("First name", json!({"clusters": 4}))
        .await;
    let path = format!("/s/{}", created.id);

    let (csp, script, html) = view(&app, &path, None).await;
    assert_eq!(csp, script, "the policy allows the page's own scripts");
    assert!(html.contains("First name"));
    let (csp_again, script_again, html_again) = view(&app, &path, None).await;
    assert_eq!(csp_again, script_again);
    assert_ne!(csp_again, csp, "a nonce of its own");
    assert_eq!(html_again.replace(&csp_again, &csp), html, "the kept page");

    let renamed = app
        .update_scenario(
            &created.id,
            Some(&created.edit_token),
            &json!({"name": "Second name"}),
        )
        .await;
    assert_eq!(renamed.status(), 200);
    let (csp_new, script_new, html_new) = view(&app, &path, None).await;
    assert!(html_new.contains("Second name") && !html_new.contains("First name"));
    assert_ne!(csp_new, csp, "a new revision is a new render");
    assert_eq!(csp_new, script_new);
}

#[tokio::test]
async fn the_owners_page_is_neither_kept_nor_shown_to_others() {
    let app = spawn_app().await;
    let created = app.create_scenario("Owned", json!({})).await;
    let path = format!("/s/{}", created.id);
    let owner = format!("cp_edit_{}={}", created.id, created.edit_token);

    // The owner first: their page has the edit link, and is not kept...
    let (_, _, owners) = view(&app, &path, Some(&owner)).await;
    assert!(owners.contains("data-testid=\"edit-link\""));
    let (_, _, anyones) = view(&app, &path, None).await;
    assert!(
        !anyones.contains("data-testid=\"edit-link\""),
        "not the owner's page"
    );
    // ...and once everyone's page is kept, the owner still gets their own.
    let (_, _, owners_again) = view(&app, &path, Some(&owner)).await;
    assert!(owners_again.contains("data-testid=\"edit-link\""));
    // A query string is rendered each time too.
    let (csp_query, _, _) = view(&app, &format!("{path}?x=1"), None).await;
    let (csp_query_again, _, _) = view(&app, &format!("{path}?x=1"), None).await;
    assert_ne!(csp_query, csp_query_again);
}

#[tokio::test]
async fn a_kept_page_comes_gzipped_to_browsers_that_take_it() {
    let app = spawn_app().await;
    let created = app.create_scenario("Zipped", json!({})).await;
    let path = format!("/s/{}", created.id);
    let (nonce, _, plain) = view(&app, &path, None).await;

    let response = app
        .client
        .get(app.url(&path))
        .header("accept-encoding", "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert_eq!(response.headers()["vary"], "accept-encoding, cookie");
    let response_policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let bytes = response.bytes().await.unwrap();
    assert!(
        bytes.len() < plain.len() / 4,
        "{} bytes gzipped",
        bytes.len()
    );
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut unzipped)
        .expect("gzip");
    let (_, zipped_nonce) = nonces(&response_policy, &unzipped);
    assert_eq!(unzipped.replace(&zipped_nonce, &nonce), plain);
}

/// The nonce of a policy and the first script's nonce in `html`.
fn nonces(policy: &str, html: &str) -> (String, String) {
    let nonce_in = |text: &str, start: &str, end: char| {
        text.split(start)
            .nth(1)
            .and_then(|s| s.split(end).next())
            .unwrap()
            .to_owned()
    };
    (
        nonce_in(policy, "'nonce-", '\''),
        nonce_in(html, "nonce=\"", '"'),
    )
}

#[tokio::test]
async fn the_default_planner_is_kept_with_a_nonce_per_answer() {
    let app = spawn_app().await;
    let (first, first_script, html) = view(&app, "/", None).await;
    assert_eq!(first, first_script);
    let (second, second_script, html_again) = view(&app, "/", None).await;
    assert_eq!(
        second, second_script,
        "the policy allows the page's scripts"
    );
    assert_ne!(second, first, "a nonce of its own");
    assert_eq!(html_again.replace(&second, &first), html, "the same page");
    assert!(!html.contains(&second) && !html_again.contains(&first));

    let response = app
        .client
        .get(app.url("/"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["content-encoding"], "gzip");
    assert!(
        !response
            .headers()
            .contains_key("x-clusterplan-rendered-default-planner")
    );
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&response.bytes().await.unwrap()[..])
        .read_to_string(&mut unzipped)
        .expect("gzip");
    let (zipped, zipped_script) = nonces(&policy, &unzipped);
    assert_eq!(zipped, zipped_script);
    assert_eq!(unzipped.replace(&zipped, &first), html);
    // A planner with a query is its own render.
    let (other_nonce, _, other) = view(&app, "/?clusters=7", None).await;
    assert_ne!(
        other.replace(&other_nonce, &first),
        html,
        "the query's plan"
    );
}

#[tokio::test]
async fn a_deleted_scenarios_kept_page_and_charts_go_with_it() {
    let app = spawn_app().await;
    let created = app.create_scenario("Short-lived", json!({})).await;
    let path = format!("/s/{}", created.id);
    let chart = format!("{path}/charts/cumulative.svg");
    view(&app, &path, None).await;
    assert_eq!(app.get(&chart).await.status(), 200, "kept and drawn");

    let deleted = app
        .delete_scenario(&created.id, Some(&created.edit_token))
        .await;
    assert!(deleted.status().is_success(), "{}", deleted.status());

    assert_eq!(
        app.get(&path).await.status(),
        404,
        "the kept page is not served"
    );
    assert_eq!(app.get(&chart).await.status(), 404, "nor its chart");
}
