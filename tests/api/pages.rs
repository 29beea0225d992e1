//! Server-rendered pages: complete HTML that works before (and without) the wasm
//! bundle.

use serde_json::json;

use crate::helpers::spawn_app;

async fn html(app: &crate::helpers::TestApp, path: &str) -> (u16, String) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

#[tokio::test]
async fn planner_renders_the_default_verdict_on_the_server() {
    let app = spawn_app().await;

    let response = app.get("/").await;

    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let html = response.text().await.unwrap();
    assert!(html.contains("EKS is $416k cheaper over 36 months; self-hosting needs 2 engineers for operations, you have 4."));
    assert!(
        html.contains(r#"data-hydrated="false""#),
        "rendered as static"
    );
    assert!(html.contains("/pkg/clusterplan"), "links the wasm bundle");
    assert!(
        !html.contains("<template"),
        "nothing is left for a script to stream in"
    );
}

#[tokio::test]
async fn planner_query_is_the_form_and_errors_sit_beside_their_fields() {
    let app = spawn_app().await;
    let cases = [
        ("/?clusters=7", "value=\"7\"", None),
        (
            "/?clusters=0&workers.headroom_pct=abc",
            "Fix the highlighted fields",
            Some(("f-clusters-error", "must be")),
        ),
    ];

    for (path, expected, field_error) in cases {
        let (status, html) = html(&app, path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains(expected), "{path}");
        if let Some((id, message)) = field_error {
            let at = html.find(&format!("id=\"{id}\"")).expect("error element");
            assert!(
                html[at..at + 200].contains(message),
                "{path}: {}",
                &html[at..at + 200]
            );
        }
    }
}

#[tokio::test]
async fn a_shared_scenario_renders_with_its_name_escaped() {
    let app = spawn_app().await;
    let name = "x</title><script>alert(1)</script> plan";
    let created = app.create_scenario(name, json!({"clusters": 4})).await;

    let (status, html) = html(&app, &format!("/s/{}", created.id)).await;

    assert_eq!(status, 200);
    assert!(html.contains("x&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; plan"));
    assert!(
        !html.contains("<script>alert(1)"),
        "not in the body, not in <title>"
    );
    assert!(html.contains("data-testid=\"verdict\""));
    assert!(
        !html.contains("data-testid=\"edit-link\""),
        "no edit link without the token cookie"
    );
}

#[tokio::test]
async fn methodology_shows_every_default_with_its_rationale() {
    let app = spawn_app().await;

    let (status, html) = html(&app, "/methodology").await;

    assert_eq!(status, 200);
    // Nothing hydrates a plain page: no hydration markers (there were 1,385).
    assert!(!html.contains("<!>"), "hydration markers on a plain page");
    for spec in clusterplan_model::field_specs() {
        assert!(html.contains(&spec.path), "{} missing", spec.path);
    }
    assert!(html.contains("prices taken on 2026-07-20"));
    assert!(html.contains("1345 EC2 instance types"));
    assert!(html.contains("m6i.xlarge") && html.contains("href=\"/api/v1/catalog\""));
    assert!(
        !html.contains("u7in-32tb.224xlarge"),
        "the classic types only"
    );
    assert!(html.len() < 200_000, "{} bytes", html.len());
}

#[tokio::test]
async fn unknown_pages_and_scenarios_are_404_pages() {
    let app = spawn_app().await;

    for path in ["/no-such-page", "/s/AAAAAAAAAAAAAAAAAAAAAA"] {
        let (status, html) = html(&app, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page not found"), "{path}");
    }
}

#[tokio::test]
async fn live_results_arrive_as_html_rendered_on_the_server() {
    let app = spawn_app().await;
    let evaluate = |query: &'static str| {
        app.client
            .post(app.url("/api/evaluate"))
            .form(&[("query", query)])
            .send()
    };

    let valid: serde_json::Value = evaluate("clusters=7").await.unwrap().json().await.unwrap();
    let invalid: serde_json::Value = evaluate("clusters=0").await.unwrap().json().await.unwrap();

    // The browser inserts the markup; it never decodes a calculation.
    let report = valid["report"].as_str().expect("the results as HTML");
    assert!(report.contains(r#"data-testid="verdict""#), "{report}");
    assert!(report.contains(r#"data-testid="money-table""#));
    assert!(report.contains("<svg"), "with its charts");
    assert_eq!(valid["errors"], json!([]));
    assert!(valid.get("result").is_none(), "{valid}");
    assert_eq!(invalid["report"], serde_json::Value::Null);
    assert_eq!(invalid["errors"][0]["field"], "clusters");
}

/// The `<input …>` tag whose id is `id`.
fn input_tag<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let at = html.find(&format!(r#"id="{id}""#))?;
    let start = html[..at].rfind("<input")?;
    Some(&html[start..start + html[start..].find('>')?])
}

#[tokio::test]
async fn range_controls_are_rendered_once_asked_for_or_filled() {
    let app = spawn_app().await;
    let (low, high) = (
        "f-uncertainty-low-workers-headroom_pct",
        "f-uncertainty-high-workers-headroom_pct",
    );

    // First visit: one button per rangeable field, no range inputs.
    let (_, plain) = html(&app, "/").await;
    assert!(!plain.contains("f-uncertainty-low-"), "no range input yet");
    let ask = plain
        .find(r#"name="show_range" value="workers.headroom_pct""#)
        .unwrap();
    let ask_tag = &plain[plain[..ask].rfind("<button").unwrap()..ask + 80];
    assert!(ask_tag.contains("formnovalidate"), "{ask_tag}");
    assert!(plain.matches(r#"class="range-ask""#).count() > 40);
    // Enter in a field submits with the form's first submit button: "Calculate".
    let first = plain.find(r#"type="submit""#).unwrap();
    assert!(plain[first..first + 80].contains("default-submit"));

    // The button without JavaScript: the same form, asking for one range.
    let (_, asked) = html(&app, "/?clusters=7&show_range=workers.headroom_pct").await;
    assert!(input_tag(&asked, low).unwrap().contains("autofocus"));
    assert!(input_tag(&asked, high).is_some());
    let clusters = input_tag(&asked, "f-clusters").unwrap();
    assert!(
        clusters.contains(r#"value="7""#),
        "the other values are kept"
    );
    assert_eq!(
        asked.matches("f-uncertainty-low-").count(),
        asked.matches(low).count(),
        "only the range asked for"
    );

    // A field that is not there, or not rangeable, asks for nothing.
    for path in ["/?show_range=no.such.field", "/?show_range=horizon_months"] {
        let (status, page) = html(&app, path).await;
        assert_eq!(status, 200, "{path}");
        assert!(!page.contains("f-uncertainty-low-"), "{path}");
    }

    // A range with values is shown with them, and the Monte Carlo runs.
    let (_, filled) = html(
        &app,
        "/?uncertainty.low.workers.headroom_pct=10&uncertainty.high.workers.headroom_pct=60",
    )
    .await;
    let low_tag = input_tag(&filled, low).unwrap();
    assert!(low_tag.contains(r#"value="10""#) && !low_tag.contains("autofocus"));
    assert!(filled.contains("simulated futures"));
}

/// The client-side router takes every same-site link without `rel="external"`
/// and shows "Page not found" for one it has no route for (the API, a CSV, a
/// chart's SVG, the plain pages `/methodology` and `/catalog`): every link the
/// router's pages draw is one of its routes or says `rel="external"`.
#[tokio::test]
async fn every_link_the_router_does_not_serve_leaves_it() {
    let app = spawn_app().await;
    let shared = app.create_scenario("links", json!({})).await;
    let routed = |path: &str| {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        path == "/"
            || path == "/compare"
            || path
                .strip_prefix("/s/")
                .is_some_and(|id| !id.is_empty() && !id.contains('/'))
    };

    let pages = [
        "/".to_owned(),
        "/compare".to_owned(),
        format!("/s/{}", shared.id),
    ];
    for path in &pages {
        let (status, html) = html(&app, path).await;
        assert_eq!(status, 200, "{path}");
        for link in html.split("<a ").skip(1) {
            let tag = &link[..link.find('>').unwrap_or(link.len())];
            let Some(href) = tag
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
            else {
                continue;
            };
            if href.starts_with('/') && !routed(href) {
                assert!(tag.contains("rel=\"external\""), "{path}: <a {tag}>");
            }
        }
    }
}
