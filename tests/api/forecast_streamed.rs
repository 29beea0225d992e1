//! A fleet's forecast is written as it is sent, a month of rows at a time, never
//! held whole: the largest (20 groups of 10 pools over 120 months) is 50,000
//! rows, 47 MB of JSON, which a few slow readers held in memory at once.

use serde_json::{Value, json};

use crate::helpers::spawn_app;

#[tokio::test]
async fn a_fleets_forecast_is_streamed_with_every_row_in_order() {
    let app = spawn_app().await;
    let workload = json!({"cpu_request_cores": 100, "memory_request_gib": 400, "pods": 500});
    let pools: Vec<Value> = (0..5)
        .map(|p| json!({"name": format!("p{p}"), "instance_type": "m6i.large", "workload": workload}))
        .collect();
    let fleet: Vec<Value> = (0..4)
        .map(|g| json!({"name": format!("g{g}"), "clusters": 2, "pools": pools}))
        .collect();
    let input = json!({"horizon_months": 120, "fleet": fleet});
    let created = app.create_scenario("Streamed", input).await;
    let base = format!("/api/v1/scenarios/{}/forecast", created.id);
    let get = |format: &str| {
        let url = app.url(&format!("{base}.{format}?start=2027-01"));
        // Uncompressed: a compressed answer has no length whether streamed or not.
        app.client
            .get(url)
            .header("accept-encoding", "identity")
            .send()
    };

    let json = get("json").await.unwrap();
    assert_eq!(json.status(), 200);
    assert!(json.headers().get("content-length").is_none(), "sent whole");
    assert!(json.headers().contains_key("etag"));
    let rows: Vec<Value> = json.json().await.unwrap();
    let csv = get("csv").await.unwrap();
    assert!(csv.headers().get("content-length").is_none(), "sent whole");
    let lines = csv.text().await.unwrap();

    // Per option: 120 months of 20 pools and the other categories, then a one-off.
    assert!(rows.len() > 2 * 120 * 20, "{}", rows.len());
    assert_eq!(
        lines.lines().count(),
        rows.len() + 1,
        "the CSV's header and rows"
    );
    let months: Vec<i64> = rows
        .iter()
        .map(|r| r["x_MonthIndex"].as_i64().unwrap())
        .collect();
    let one_offs: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i]["x_Category"] == "one_off")
        .collect();
    assert_eq!(
        one_offs,
        [one_offs[0], rows.len() - 1],
        "each option's last row"
    );
    for part in [
        &months[..one_offs[0]],
        &months[one_offs[0] + 1..rows.len() - 1],
    ] {
        assert!(part.is_sorted() && part[0] == 0 && part[part.len() - 1] == 119);
    }
}
