//! `GET /api/v1/scenarios/{id}/export.csv`.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn csv_has_a_row_per_option_and_category_and_is_an_attachment() {
    let app = spawn_app().await;
    let created = app
        .create_scenario("=HYPERLINK(\"http://evil\")", json!({}))
        .await;

    let response = app
        .get(&format!("/api/v1/scenarios/{}/export.csv", created.id))
        .await;

    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let disposition = headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    let body = response.text().await.unwrap();
    let lines: Vec<&str> = body.lines().collect();
    // Header, then 6 categories + one-off + total for each of two options.
    assert_eq!(lines.len(), 1 + 2 * 8, "{body}");
    assert!(lines[0].starts_with("scenario_id,scenario_name,revision,option,category"));
    assert!(body.contains(",\"eks\",\"control_plane\",219"), "{body}");
    assert!(body.contains(",\"self_hosted\",\"total\","), "{body}");
    // The formula is neutralised: the cell starts with a quote mark, not "=".
    assert!(
        body.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{body}"
    );
    assert!(!body.contains(",\"=HYPERLINK"), "{body}");
}
