//! A saved scenario whose planner link would pass the server's URI limit gets
//! no dead link on its shared page (the server answers such a link with a bare
//! 414): the page says why and where to change it. An outside review followed
//! the Edit link of a 20 × 10 fleet saved from the form and got the 414.

use serde_json::{Value, json};

use crate::helpers::spawn_app;

/// 20 groups of 10 pools, every pool's members set: about 90 KB as a query.
fn twenty_by_ten() -> Value {
    let pool = |p: usize| {
        json!({"name": format!("pool number {p} with a long name to fill the link"),
            "instance_type": "m6i.xlarge", "headroom_pct": 25, "min_nodes_per_cluster": 2,
            "system_pods_per_node": 4, "volume_gib_per_node": 50, "compute_discount_pct": 10,
            "spot_share_pct": 20,
            "workload": {"cpu_request_cores": 8, "memory_request_gib": 32, "pods": 40}})
    };
    let group = |g: usize| {
        json!({"name": format!("group {g}"), "clusters": 1,
            "pools": (0..10).map(pool).collect::<Vec<_>>()})
    };
    json!({"fleet": (0..20).map(group).collect::<Vec<_>>()})
}

#[tokio::test]
async fn a_scenario_too_large_for_a_link_says_so_instead_of_linking() {
    let app = spawn_app().await;
    let created = app.create_scenario("Huge", twenty_by_ten()).await;
    let (id, token) = (created.id.as_str(), created.edit_token.as_str());
    let page = |cookie: Option<String>| {
        let request = app.client.get(app.url(&format!("/s/{id}")));
        let request = match cookie {
            Some(cookie) => request.header("cookie", cookie),
            None => request,
        };
        async move { request.send().await.unwrap().text().await.unwrap() }
    };

    for html in [
        page(None).await,
        page(Some(format!("cp_edit={id}:{token}"))).await,
    ] {
        assert!(!html.contains("Open in the planner</a>"), "a dead link");
        assert!(!html.contains("data-testid=\"edit-link\""), "a dead link");
        assert!(html.contains("data-testid=\"too-large-for-a-link\""));
        assert!(html.contains(&format!("PUT /api/v1/scenarios/{id}")));
        let hrefs = html.split("href=\"").skip(1);
        let longest = hrefs.map(|rest| rest.find('"').unwrap_or(0)).max();
        assert!(
            longest.unwrap_or(0) < 60 * 1024,
            "a link of {longest:?} bytes"
        );
    }
    // A scenario of ordinary size keeps both links.
    let small = app.create_scenario("Small", json!({"clusters": 3})).await;
    let cookie = format!("cp_edit={}:{}", small.id, small.edit_token);
    let request = app.client.get(app.url(&format!("/s/{}", small.id)));
    let html = request.header("cookie", cookie).send().await.unwrap();
    let html = html.text().await.unwrap();
    assert!(html.contains("Open in the planner</a>") && html.contains("edit-link"));
    assert!(!html.contains("too-large-for-a-link"));
}
