//! The display currency: the JSON stays in USD and echoes it; the shared page,
//! its charts, the CSV and the forecast show converted money named by its code.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn pages_csv_and_forecast_show_the_display_currency() {
    let app = spawn_app().await;
    let display = json!({"display": {"currency": "EUR", "per_usd": 0.5}});
    let created = app.create_scenario("In euros", display).await;
    let doc = app.scenario(&created.id).await;
    let usd_total = doc.result.options.eks.common.horizon_total;
    let plain: Value = app.calculate(&json!({})).await.json().await.unwrap();
    assert_eq!(
        plain["options"]["eks"]["horizon_total"].as_f64().unwrap(),
        usd_total,
        "the JSON stays in USD"
    );
    assert_eq!(doc.result.inputs.display.currency, "EUR");

    let page = app.text(&format!("/s/{}", created.id)).await;
    assert!(
        page.contains("Money (EUR)") && page.contains("EUR "),
        "the money table"
    );
    assert!(!page.contains("Money (USD)"));
    let chart = app
        .text(&format!("/s/{}/charts/cumulative.svg", created.id))
        .await;
    assert!(chart.contains("(EUR)"), "the chart's axis");

    let csv = app
        .text(&format!("/api/v1/scenarios/{}/export.csv", created.id))
        .await;
    let header = csv.lines().next().unwrap();
    assert!(header.contains("monthly_eur,horizon_eur"), "{header}");
    let total_row = csv
        .lines()
        .find(|l| l.contains("\"eks\",\"total\""))
        .unwrap();
    let horizon: f64 = total_row.split(',').nth(6).unwrap().parse().unwrap();
    assert!(
        (horizon - usd_total * 0.5).abs() < 1e-6 * usd_total,
        "{total_row}"
    );

    let rows: Vec<Value> = app
        .get(&format!(
            "/api/v1/scenarios/{}/forecast.json?start=2027-01",
            created.id
        ))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        rows.iter().all(|r| r["BillingCurrency"] == "EUR"),
        "the scenario's display by default"
    );
    let billed: f64 = rows
        .iter()
        .filter(|r| r["x_Option"] == "eks")
        .map(|r| r["BilledCost"].as_f64().unwrap())
        .sum();
    assert!((billed - usd_total * 0.5).abs() < 1e-6 * usd_total);
}

#[tokio::test]
async fn a_bad_display_currency_is_a_422_naming_the_field() {
    let app = spawn_app().await;
    for (display, field) in [
        (json!({"currency": "euro"}), "display.currency"),
        (json!({"per_usd": 0}), "display.per_usd"),
        (json!({"per_usd": -3}), "display.per_usd"),
    ] {
        let response = app.calculate(&json!({"display": display})).await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(error_fields(&problem), [field]);
    }
}
