//! The shared page's link box: what a reader copies to pass the scenario on.

/// With the server's public URL, the shared page's link box holds the whole
/// link, as the API's `url` (it was `/s/{id}`, useless pasted in a chat).
#[tokio::test]
async fn the_share_box_holds_the_public_link() {
    let (app, _stop, _server) =
        crate::helpers::spawn_app_with(|c| c.public_url = "https://plan.example.com".into()).await;
    let created = app.create_scenario("Shared", serde_json::json!({})).await;
    let html = app.text(&format!("/s/{}", created.id)).await;
    let link = format!("value=\"https://plan.example.com/s/{}\"", created.id);
    assert!(html.contains(&link), "the box: {link}");
}
