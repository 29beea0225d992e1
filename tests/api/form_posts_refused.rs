//! A server function's form post that cannot be read as sent is refused
//! naming why: bytes that are not UTF-8 in a name, a body in a content coding.

use crate::helpers::spawn_app;

/// A form's name whose bytes are not UTF-8 is refused naming `name`, as the
/// JSON API refuses such bytes; it was stored with U+FFFD in their place.
#[tokio::test]
async fn a_form_name_that_is_not_utf8_is_refused() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/save_scenario"))
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("name=%C0%AF&query=clusters%3D3")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("U+FFFD"));
}

/// A server function reads no content coding: a gzip body is a 415 naming it.
#[tokio::test]
async fn a_compressed_form_post_is_415() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/save_scenario"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("content-encoding", "gzip")
        .body(vec![0x1f, 0x8b, 0x08, 0])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Content-Encoding gzip")
    );
}
