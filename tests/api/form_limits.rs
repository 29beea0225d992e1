//! A hand-made planner URL costs no more than the largest form the model takes:
//! rows past a list's limit are not drawn, and the list says it has too many.
//! A form post without a length stops at the body limit with a 413.

use crate::helpers::spawn_app;

#[tokio::test]
async fn thousands_of_pool_rows_draw_only_the_ten_a_group_may_have() {
    let app = spawn_app().await;
    let rows: Vec<String> = (0..2300)
        .map(|i| format!("fleet[0].pools[{i}].name=p"))
        .collect();
    let query = format!("fleet[0].name=g&fleet[0].clusters=1&{}", rows.join("&"));
    assert!(query.len() < 64 * 1024, "a URL a server takes");

    let response = app.get(&format!("/?{query}")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();

    assert!(html.contains("must have 1 to 10 pools, not 2300"));
    assert!(html.contains("name=\"fleet[0].pools[9].name\""));
    assert!(!html.contains("name=\"fleet[0].pools[10].name\""));
    // Before the rows were capped the page was 18 MB.
    assert!(html.len() < 500_000, "{} bytes", html.len());
}

#[tokio::test]
async fn thousands_of_line_item_rows_draw_only_twenty() {
    let app = spawn_app().await;
    let rows: Vec<String> = (0..2000)
        .map(|i| format!("line_items[{i}].name=x"))
        .collect();
    let html = app.text(&format!("/?{}", rows.join("&"))).await;

    assert!(html.contains("name=\"line_items[19].name\""));
    assert!(!html.contains("name=\"line_items[20].name\""));
    assert!(html.len() < 500_000, "{} bytes", html.len());
}

/// Sends `body` chunked (no `Content-Length`) as a same-site form post to `path`
/// and returns the answer's status line.
async fn chunked_form_post(app: &crate::helpers::TestApp, path: &str, body: &[u8]) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: x\r\nSec-Fetch-Site: same-origin\r\nAccept: text/html\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let mut sent = head.into_bytes();
    for chunk in body.chunks(16 * 1024) {
        sent.extend(format!("{:x}\r\n", chunk.len()).bytes());
        sent.extend(chunk);
        sent.extend(b"\r\n");
    }
    sent.extend(b"0\r\n\r\n");
    // The server may answer (and close) before it has read everything.
    let _ = stream.write_all(&sent).await;
    let mut answer = vec![0; 256];
    let read = stream.read(&mut answer).await.unwrap_or(0);
    let answer = String::from_utf8_lossy(&answer[..read]).into_owned();
    answer.lines().next().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn a_chunked_form_post_past_the_limit_is_a_413_and_one_within_it_is_read() {
    let app = spawn_app().await;
    let mut huge = b"name=Big&query=".to_vec();
    huge.resize(400 * 1024, b'a');

    let refused = chunked_form_post(&app, "/api/save_scenario", &huge).await;
    assert!(refused.starts_with("HTTP/1.1 413"), "{refused}");

    let saved =
        chunked_form_post(&app, "/api/save_scenario", b"name=Small&query=clusters%3D2").await;
    // Saved, then sent on to its page, as a form post without JavaScript is.
    assert!(
        saved.starts_with("HTTP/1.1 302") || saved.starts_with("HTTP/1.1 303"),
        "{saved}"
    );
}
