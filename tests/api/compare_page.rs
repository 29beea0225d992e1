//! Several scenarios side by side on the compare page (`/compare?ids=…`).

use serde_json::json;

use crate::helpers::{assert_problem, spawn_app};

#[tokio::test]
async fn an_empty_compare_page_says_what_to_do_and_verdicts_wrap() {
    let app = crate::helpers::spawn_app().await;
    let html = app.text("/compare").await;
    assert!(html.contains("data-testid=\"compare-empty\""));
    assert!(html.contains("save one from the planner"));
    let a = app
        .create_scenario("A", serde_json::json!({"clusters": 2}))
        .await;
    let html = app.text(&format!("/compare?ids={}", a.id)).await;
    assert!(!html.contains("data-testid=\"compare-empty\""));
    // The verdict is a cell of its own that may wrap (public/style.css).
    assert!(html.contains("class=\"verdict-cell\""));
    assert!(html.contains("data-label=\"EKS, horizon total\""));
}

#[tokio::test]
async fn the_compare_page_shows_each_scenarios_fleet() {
    let app = spawn_app().await;
    let fleet = json!({"fleet": [
        {"name": "production", "clusters": 2, "pools": [
            {"name": "general", "instance_type": "c7i.4xlarge", "nodes_per_cluster": 3},
            {"name": "batch", "compute": "fargate",
             "workload": {"cpu_request_cores": 10, "memory_request_gib": 100, "pods": 10}}]},
        {"name": "dev", "clusters": 4, "pools": [
            {"name": "general", "instance_type": "t3.large", "nodes_per_cluster": 2}]}]});
    let a = app.create_scenario("Fleet", fleet).await;
    let b = app.create_scenario("Plain", json!({"clusters": 2})).await;

    let html = app.text(&format!("/compare?ids={},{}", a.id, b.id)).await;

    // Fleet line: production runs 2 × 3 c7i nodes plus Fargate nodes self-hosted.
    assert!(html.contains("2 groups, 3 pools · 6 clusters · "), "{html}");
    assert!(html.contains("1 group, 1 pool · 2 clusters · "));
    // The pools of the fleet, and none for the plain scenario.
    assert_eq!(html.matches("data-testid=\"pools-table\"").count(), 1);
    assert!(html.contains("Node pools of Fleet") && html.contains("production / batch"));
    // `ids` sent twice (a hand-made link) compares both, not the last.
    for query in [format!("ids={}&ids={}", a.id, b.id)] {
        let html = app.text(&format!("/compare?{query}")).await;
        assert!(
            html.contains("2 groups, 3 pools · 6 clusters · "),
            "{query}"
        );
        assert!(html.contains("1 group, 1 pool · 2 clusters · "), "{query}");
    }
}

#[tokio::test]
async fn scenarios_in_different_currencies_are_compared_in_usd_throughout() {
    let app = spawn_app().await;
    let euro = json!({"display": {"currency": "EUR", "per_usd": 0.92},
        "fleet": [{"name": "a", "clusters": 1, "pools": [{"name": "p"}]}]});
    let a = app.create_scenario("Euro fleet", euro).await;
    let b = app.create_scenario("Dollars", json!({})).await;

    let html = app.text(&format!("/compare?ids={},{}", a.id, b.id)).await;

    assert!(html.contains("horizon total (USD)"), "{html}");
    assert!(html.contains("Node pools of Euro fleet, month 0 (USD)"));
    assert!(
        !html.contains("EUR"),
        "no figure or sentence in EUR: {html}"
    );
}

/// A compare page with an id that answers to no scenario names it and compares
/// the others, keeping the form with what was typed (one wrong id discarded the
/// whole comparison: an outside review).
#[tokio::test]
async fn a_compare_page_with_a_wrong_id_names_it_and_compares_the_others() {
    let app = spawn_app().await;
    let a = app.create_scenario("Alpha plan", json!({})).await;
    let unknown = "AAAAAAAAAAAAAAAAAAAAAA";
    let ids = format!("{},{unknown}", a.id);

    let response = app.get(&format!("/compare?ids={ids}")).await;

    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let notice = html
        .split("data-testid=\"compare-missing\"")
        .nth(1)
        .expect("the missing ids are named");
    let notice = &notice[..notice.find("</p>").unwrap()];
    assert!(notice.contains(unknown), "{notice}");
    assert!(notice.contains("The others are compared below"), "{notice}");
    assert!(!notice.contains(&a.id), "{notice}");
    assert!(
        html.contains("Alpha plan"),
        "the found scenario is compared"
    );
    assert!(html.contains("<svg"), "with its charts");
    assert!(
        html.contains(&format!("value=\"{ids}\"")),
        "the typed ids are kept"
    );
    // Text that is no id's shape is counted, never quoted: a crafted link put
    // its own sentences into this red box (an outside review).
    let spoof = "Your\u{2800}scenarios\u{2800}moved.\u{2800}Re-enter\u{2800}your\u{2800}key";
    let html = app.text(&format!("/compare?ids={},{spoof}", a.id)).await;
    let notice = html.split("compare-missing\"").nth(1).expect("a notice");
    let notice = &notice[notice.find('>').unwrap()..notice.find("</p>").unwrap()];
    assert!(!notice.contains("Re-enter"), "quoted: {notice}");
    assert!(
        notice.contains("Not compared: 1 entry that is not a scenario"),
        "counted: {notice}"
    );
    // Each scenario once, however often it is pasted; the missing too.
    let twice = format!("{},{unknown},{},{unknown}", a.id, a.id);
    let html = app.text(&format!("/compare?ids={twice}")).await;
    assert_eq!(html.matches("Alpha plan</a>").count(), 1, "one row");
    assert!(
        !html.contains(&format!("{unknown}, {unknown}")),
        "named once"
    );
    // None found: the notice alone, still with the form, and a 404.
    let response = app.get(&format!("/compare?ids={unknown}")).await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("compare-missing"), "{html}");
    assert!(!html.contains("The others"), "{html}");
    assert!(html.contains("name=\"ids\""));
    // The API stays strict: a script that names a scenario wants that one.
    let problem = assert_problem(app.get(&format!("/api/v1/compare?ids={ids}")).await, 404).await;
    assert!(problem["detail"].as_str().unwrap().contains(unknown));
    // Every missing id is named in one answer.
    let other = "BBBBBBBBBBBBBBBBBBBBBB";
    let both = format!("/api/v1/compare?ids={unknown},{},{other}", a.id);
    let problem = assert_problem(app.get(&both).await, 404).await;
    let detail = problem["detail"].as_str().unwrap();
    assert_eq!(detail, format!("scenarios {unknown}, {other} not found"));
    // Eleven different ids (the same id eleven times is one scenario).
    let eleven: Vec<String> = (0..11).map(|i| format!("{i:0>22}")).collect();
    let eleven = eleven.join(",");
    let response = app.get(&format!("/compare?ids={eleven}")).await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("name=\"ids\""),
        "the form stays for too many ids"
    );
    assert!(
        html.contains("Scenario links or ids: at most 10 scenarios, not 11"),
        "{html}"
    );
}
