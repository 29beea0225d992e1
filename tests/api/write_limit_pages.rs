//! Past the write limit, a page's plain form post gets a short page saying when
//! to try again, as a busy server's does; a script gets the problem document.
//! The form post got raw JSON (an outside review).

use crate::helpers::spawn_app_with;

#[tokio::test]
async fn a_refused_form_post_is_a_page_and_a_refused_script_a_problem() {
    let (app, _stop, _server) = spawn_app_with(|c| c.write_limit_per_minute = 1).await;
    let save = |accept: &'static str| {
        app.client
            .post(app.url("/api/save_scenario"))
            .header("accept", accept)
            .header("sec-fetch-site", "same-origin")
            .form(&[("name", "Plan"), ("query", "clusters=3")])
            .send()
    };
    let html = "text/html,application/xhtml+xml";
    assert!(save(html).await.unwrap().status().is_redirection());

    let page = save(html).await.unwrap();
    assert_eq!(page.status(), 429);
    assert!(page.headers().contains_key("retry-after"));
    let vary: Vec<_> = page.headers().get_all("vary").iter().collect();
    assert!(
        vary.iter().any(|v| v.to_str().unwrap().contains("accept")),
        "{vary:?}"
    );
    let content_type = page.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let body = page.text().await.unwrap();
    assert!(body.contains("<h1>Too many changes</h1>"), "{body}");
    assert!(
        body.contains("Too many changes from this address; try again in"),
        "{body}"
    );

    // Media types are case-insensitive.
    let shouted = save("TEXT/HTML").await.unwrap();
    assert_eq!(shouted.status(), 429);
    assert!(
        shouted
            .text()
            .await
            .unwrap()
            .contains("<h1>Too many changes</h1>")
    );

    let problem =
        crate::helpers::assert_problem(save("application/json").await.unwrap(), 429).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("too many changes")
    );
}
