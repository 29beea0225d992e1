//! A hand-made planner URL costs no more than the largest form the model takes:
//! rows past a list's limit are not drawn, and the list says it has too many.

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
