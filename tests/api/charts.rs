//! Charts at stable URLs, and charts inside the pages.

use serde_json::json;

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn each_chart_of_a_saved_scenario_has_a_stable_svg_url() {
    let app = spawn_app().await;
    let created = app.create_scenario("Charts", json!({"clusters": 4})).await;

    for name in ["cumulative", "breakdown", "breakeven", "sensitivity"] {
        let response = app
            .get(&format!("/s/{}/charts/{name}.svg", created.id))
            .await;

        assert_eq!(response.status(), 200, "{name}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            content_type.starts_with("image/svg+xml"),
            "{name}: {content_type}"
        );
        let svg = response.text().await.unwrap();
        assert!(
            svg.trim_start().starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn unknown_charts_and_scenarios_are_404() {
    let app = spawn_app().await;
    let created = app.create_scenario("Charts", json!({})).await;
    let paths = [
        format!("/s/{}/charts/pie.svg", created.id),
        format!("/s/{}/charts/cumulative.png", created.id),
        "/s/AAAAAAAAAAAAAAAAAAAAAA/charts/cumulative.svg".to_owned(),
    ];

    for path in paths {
        assert_problem(app.get(&path).await, 404).await;
    }
    // A name from the path is quoted unless it is a plain word: a
    // right-to-left override came back in place.
    for (name, detail) in [
        ("pie.svg", "chart pie not found"),
        ("x%20y.svg", r#"chart "x y" not found"#),
        ("%E2%80%AEgvs.svg", r#"chart "\u{202e}gvs" not found"#),
        ("a%0Ab", r#"chart "a\nb" not found"#),
    ] {
        let path = format!("/s/{}/charts/{name}", created.id);
        let problem = assert_problem(app.get(&path).await, 404).await;
        assert_eq!(problem["detail"], detail, "{path}");
    }
}

#[tokio::test]
async fn pages_embed_the_charts_as_svg() {
    let app = spawn_app().await;
    let a = app.create_scenario("A <b>", json!({"clusters": 2})).await;
    let b = app.create_scenario("B", json!({"clusters": 9})).await;

    for path in [
        "/".to_owned(),
        format!("/s/{}", a.id),
        format!("/compare?ids={},{}", a.id, b.id),
    ] {
        let html = app.text(&path).await;
        let excerpt: String = html
            .chars()
            .skip(html.find("<main").unwrap_or(0))
            .take(1500)
            .collect();
        assert!(html.matches("<svg").count() >= 2, "{path}: {excerpt}");
    }
    let compare = app.text(&format!("/compare?ids={},{}", a.id, b.id)).await;
    assert!(
        compare.contains("A &lt;b&gt;"),
        "names are escaped in the table and charts"
    );
    assert!(!compare.contains("A <b>"));
}

#[tokio::test]
async fn a_cached_chart_is_never_stale_after_a_new_revision() {
    let app = crate::helpers::spawn_app().await;
    let created = app
        .create_scenario("Cached", serde_json::json!({"clusters": 3}))
        .await;
    let path = format!("/s/{}/charts/cumulative.svg", created.id);
    let first = app.text(&path).await;
    assert_eq!(app.text(&path).await, first, "served again alike");

    let body = serde_json::json!({"input": {"clusters": 3, "display": {"currency": "EUR", "per_usd": 0.5}}});
    app.update_scenario(&created.id, Some(&created.edit_token), &body)
        .await;
    let second = app.text(&path).await;

    assert_ne!(second, first, "the new revision's chart");
    assert!(second.contains("(EUR)"));
    let page = app.text(&format!("/s/{}", created.id)).await;
    assert!(page.contains("(EUR)"), "the page's inline charts too");
}

/// An embedding browser keeps a chart but asks each time: 304 while its
/// revision stands, the new chart after a save, 404 after a deletion (it was
/// `max-age=60`, the old chart for a minute; an outside review).
#[tokio::test]
async fn an_embedded_chart_is_revalidated_and_follows_each_revision() {
    let app = spawn_app().await;
    let created = app
        .create_scenario("Embedded", json!({"clusters": 3}))
        .await;
    let path = format!("/s/{}/charts/breakdown.svg", created.id);
    let ask = |tag: &str| {
        let request = app.client.get(app.url(&path));
        request.header("if-none-match", tag.to_owned()).send()
    };

    let first = app.get(&path).await;
    let headers = first.headers().clone();
    assert_eq!(headers["cache-control"], "private, no-cache");
    assert_eq!(headers["x-robots-tag"], "noindex, nofollow");
    let tag = headers["etag"].to_str().unwrap().to_owned();
    assert_eq!(ask(&tag).await.unwrap().status(), 304);

    let body = json!({"input": {"clusters": 9}});
    app.update_scenario(&created.id, Some(&created.edit_token), &body)
        .await;
    let changed = ask(&tag).await.unwrap();
    assert_eq!(changed.status(), 200);
    assert_ne!(changed.headers()["etag"].to_str().unwrap(), tag);

    app.delete_scenario(&created.id, Some(&created.edit_token))
        .await;
    assert_problem(ask(&tag).await.unwrap(), 404).await;
}
