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
    // Header, then 8 categories + one-off + total for each of two options.
    assert_eq!(lines.len(), 1 + 2 * 10, "{body}");
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

#[tokio::test]
async fn csv_sums_growing_months_and_has_a_row_per_line_item() {
    let app = spawn_app().await;
    let input = json!({"growth": {"workload_pct_per_year": 30}, "eks": {"auto_mode": true},
        "line_items": [{"name": "Support contract", "option": "self_hosted", "per": "cluster",
                        "monthly_usd": 500, "one_off_usd": 20000},
                       {"name": "Tooling", "monthly_usd": 100}]});
    let created = app.create_scenario("Growing", input).await;
    let body = app
        .text(&format!("/api/v1/scenarios/{}/export.csv", created.id))
        .await;
    let cell = |option: &str, category: &str, item: &str, column: usize| -> f64 {
        let line = body
            .lines()
            .find(|l| {
                l.contains(&format!(",\"{option}\",\"{category}\","))
                    && (item.is_empty() || l.contains(&format!(",\"{item}\",")))
            })
            .unwrap_or_else(|| panic!("{option} {category} {item}: {body}"));
        line.split(',').nth(column).unwrap().parse().unwrap()
    };
    assert!(
        body.lines()
            .next()
            .unwrap()
            .ends_with(",line_item,group,pool")
    );
    assert!(cell("eks", "node_management", "", 5) > 0.0);
    // The support contract: 3 clusters × 500 a month for 36 months, plus 20,000.
    let contract = cell("self_hosted", "line_item", "Support contract", 6);
    assert!(
        (contract - (3.0 * 500.0 * 36.0 + 20_000.0)).abs() < 1e-6,
        "{contract}"
    );
    assert!(!body.contains(",\"eks\",\"line_item\",500"), "{body}");
    assert_eq!(body.matches("\"Tooling\"").count(), 2, "{body}");
    // With growth, a category's horizon is more than 36 × month 0.
    assert!(cell("eks", "workers", "", 6) > 36.0 * cell("eks", "workers", "", 5));
    // The categories and the one-off add up to the total over the horizon.
    for option in ["eks", "self_hosted"] {
        let categories: f64 = clusterplan_model::CostCategory::ALL
            .iter()
            .map(|c| cell(option, c.key(), "", 6))
            .sum();
        let total = cell(option, "total", "", 6);
        let one_off = cell(option, "one_off", "", 6);
        assert!(
            (categories + one_off - total).abs() < 1e-6 * total,
            "{option}"
        );
    }
}
