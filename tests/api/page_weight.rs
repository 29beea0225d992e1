//! What a page carries besides what it shows: markup the server rendered goes
//! once, not again in the hydration data, and nothing asks the browser to fetch
//! the bundle before the page has painted (docs/DECISIONS.md, "Fast pages").

use serde_json::json;

use crate::helpers::spawn_app;

const VERDICT: &str = "EKS is $416k cheaper over 36 months";

#[tokio::test]
async fn the_planner_carries_its_report_and_presets_once() {
    let app = spawn_app().await;

    let html = app.get("/").await.text().await.unwrap();

    // The report once; its one sentence again in the live region, and in the
    // hydration data, which carries that sentence, not the report.
    assert_eq!(html.matches(VERDICT).count(), 3, "the report, once");
    assert_eq!(html.matches("Money (USD)").count(), 1, "the report, once");
    assert_eq!(
        html.matches("nofollow").count(),
        html.matches("<li><a href=\"/?").count(),
        "each preset link once, none in the hydration data"
    );
    assert!(
        html.contains("rel=\"external nofollow\""),
        "the presets are there"
    );
    assert!(
        !html.contains("rel=\"preload\"") && !html.contains("rel=\"modulepreload\""),
        "no hint fetches the bundle before the page paints"
    );
    assert!(
        html.contains("addEventListener('load'"),
        "the bundle is loaded after `load`"
    );
}

#[tokio::test]
async fn a_shared_page_carries_its_report_once() {
    let app = spawn_app().await;
    let created = app.create_scenario("Weight", json!({})).await;

    let html = app
        .get(&format!("/s/{}", created.id))
        .await
        .text()
        .await
        .unwrap();

    assert_eq!(
        html.matches(VERDICT).count(),
        1,
        "{}",
        &html[..html.len().min(300)]
    );
}
