//! Server-rendered pages: HTML that works before (and without) the wasm bundle.

use crate::helpers::spawn_app;

#[tokio::test]
async fn home_page_is_rendered_on_the_server_with_hydration_scripts() {
    let app = spawn_app().await;

    let response = app.get("/").await;

    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(content_type.starts_with("text/html"), "{content_type}");
    let html = response.text().await.unwrap();
    assert!(html.contains("EKS or self-hosted Kubernetes?"), "{html}");
    assert!(
        html.contains(r#"data-hydrated="false""#),
        "rendered as static"
    );
    assert!(html.contains("/pkg/clusterplan"), "links the wasm bundle");
}

#[tokio::test]
async fn unknown_page_is_a_404_page() {
    let app = spawn_app().await;

    let response = app.get("/no-such-page").await;

    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page not found"));
}
