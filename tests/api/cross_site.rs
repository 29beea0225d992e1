//! Writes a browser sends on another site's behalf are refused (issue: cross-site
//! posts to the pages' server functions); same-site pages and scripts still work.

use serde_json::json;

use crate::helpers::{TestApp, assert_problem, spawn_app};

/// Scenarios in the app's database, read directly (not through the server);
/// also what the import page's tests count.
pub(crate) async fn stored(app: &TestApp) -> i64 {
    use sqlx::Connection;
    let sql = "SELECT COUNT(*) FROM scenarios";
    if app.database_url.starts_with("postgres") {
        let mut db = sqlx::PgConnection::connect(&app.database_url)
            .await
            .unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut db).await.unwrap()
    } else {
        let mut db = sqlx::SqliteConnection::connect(&app.database_url)
            .await
            .unwrap();
        sqlx::query_scalar(sql).fetch_one(&mut db).await.unwrap()
    }
}

async fn save_from_page(app: &TestApp, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url("/api/save_scenario"))
        .form(&[("name", "posted"), ("query", "clusters=2")]);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("request sent")
}

#[tokio::test]
async fn cross_site_writes_are_403_and_store_nothing() {
    let app = spawn_app().await;
    let host = app.address.trim_start_matches("http://").to_owned();
    let cases: [&[(&str, &str)]; 6] = [
        &[("sec-fetch-site", "cross-site")],
        // A sibling subdomain is same-site, and still another site's code.
        &[
            ("sec-fetch-site", "same-site"),
            ("origin", "https://evil.example"),
        ],
        &[("sec-fetch-site", "same-site")],
        &[("origin", "https://evil.example")],
        &[("origin", &format!("http://{host}.evil.example"))],
        &[("origin", "null")],
    ];
    for headers in cases {
        let response = save_from_page(&app, headers).await;
        let problem = assert_problem(response, 403).await;
        assert!(
            problem["detail"].as_str().unwrap().contains("this site"),
            "{headers:?}"
        );
    }
    let target = app.create_scenario("Target", json!({})).await;
    for (site, origin) in [
        ("same-site", "https://sub.example"),
        ("", "https://evil.example"),
    ] {
        let mut fork = app
            .client
            .post(app.url("/api/fork_scenario"))
            .header("origin", origin)
            .form(&[("id", target.id.as_str())]);
        if !site.is_empty() {
            fork = fork.header("sec-fetch-site", site);
        }
        assert_problem(fork.send().await.unwrap(), 403).await;
    }
    assert_eq!(
        stored(&app).await,
        1,
        "only the target: no refused write stored a row"
    );

    // The page's own origin, a same-origin fetch and a script without either header.
    let own = format!("http://{host}");
    for headers in [
        vec![("origin", own.as_str()), ("sec-fetch-site", "same-origin")],
        vec![("origin", own.as_str())],
        // A plain form post under a `no-referrer` policy: Origin is null.
        vec![("origin", "null"), ("sec-fetch-site", "same-origin")],
        vec![],
    ] {
        let response = save_from_page(&app, &headers).await;
        assert!(
            response.status().is_redirection() || response.status().is_success(),
            "{headers:?}: {}",
            response.status()
        );
    }
    assert_eq!(
        stored(&app).await,
        5,
        "the target and the four accepted saves"
    );
    // Reads are never refused, and the JSON API still takes scripts' writes.
    let read = app
        .client
        .get(app.url("/"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), 200);
    let created = app
        .post_json("/api/v1/scenarios", &json!({"name": "script", "input": {}}))
        .await;
    assert_eq!(created.status(), 201);
}

#[tokio::test]
async fn answers_that_name_a_share_link_are_private_and_unindexed() {
    let app = spawn_app().await;
    let created = app.create_scenario("Private", json!({})).await;
    let id = &created.id;
    for path in [
        format!("/api/v1/scenarios/{id}"),
        format!("/api/v1/scenarios/{id}/revisions/1"),
        format!("/api/v1/scenarios/{id}/export.csv"),
        format!("/api/v1/compare?ids={id}"),
        format!("/compare?ids={id}"),
        format!("/?edit={id}&name=Private"),
        format!("/s/{id}"),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), 200, "{path}");
        let headers = response.headers();
        assert_eq!(headers["cache-control"], "private, no-store", "{path}");
        assert!(
            headers["x-robots-tag"]
                .to_str()
                .unwrap()
                .contains("noindex"),
            "{path}"
        );
    }
    // The server functions' answers too (a diff of the scenario, the scenario).
    use leptos::server_fn::ServerFn;
    for (path, form) in [
        (
            "/api/edit_changes",
            vec![("id", id.as_str()), ("name", "P"), ("query", "")],
        ),
        (app::api::LoadScenario::PATH, vec![("id", id.as_str())]),
    ] {
        let response = app
            .client
            .post(app.url(path))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers()["cache-control"],
            "private, no-store",
            "{path}"
        );
        assert!(response.headers().contains_key("x-robots-tag"), "{path}");
    }
    let svg = app.get(&format!("/s/{id}/charts/cumulative.svg")).await;
    let policy = svg.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        policy.contains("sandbox") && policy.contains("default-src 'none'"),
        "{policy}"
    );
    // The catalog and the OpenAPI document name no secret and may be cached.
    let catalog = app.get("/api/v1/catalog").await;
    assert!(catalog.headers().get("x-robots-tag").is_none());
}

#[tokio::test]
async fn a_plain_form_post_is_sent_back_only_to_a_page_of_this_site() {
    let app = spawn_app().await;
    let own = app.url("/?clusters=5");
    let lookalike = format!("{}@evil.example/", app.url(""));
    let foreign = [
        "http://evil.example/x",
        "//evil.example/",
        "/\\evil.example",
        "javascript://evil.example/",
        lookalike.as_str(),
    ];
    for referer in std::iter::once(own.as_str()).chain(foreign) {
        let response = app
            .client
            .post(app.url("/api/save_scenario"))
            .header("accept", "text/html")
            .header("sec-fetch-site", "same-origin")
            .header("referer", referer)
            .form(&[("name", ""), ("query", "clusters=5")])
            .send()
            .await
            .unwrap();

        assert_eq!(response.status(), 302, "{referer}");
        let location = response.headers()["location"].to_str().unwrap();
        if referer == own {
            assert!(location.starts_with(&own), "{location}");
            assert!(location.contains("__err="), "{location}");
        } else {
            // A browser never sends another site's page with a same-origin
            // post: a forged one goes to the planner, its error not carried.
            assert_eq!(location, "/", "{referer}");
        }
    }
}
