//! The display currency: the JSON stays in USD and echoes it; the shared page,
//! its charts, the CSV and the forecast show converted money named by its code.

use serde_json::{Value, json};

use crate::database;
use crate::helpers::{assert_problem, error_fields, spawn_app, spawn_replica};

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
        // Dollars times two, labelled dollars: in the exports too.
        (json!({"per_usd": 2}), "display.per_usd"),
        (
            json!({"currency": "USD", "per_usd": 0.5}),
            "display.per_usd",
        ),
    ] {
        let response = app.calculate(&json!({"display": display})).await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(error_fields(&problem), [field]);
    }
}

/// A forecast asked for in dollars at another rate is refused as the input is.
#[tokio::test]
async fn a_forecast_in_dollars_at_another_rate_is_refused() {
    let app = spawn_app().await;
    let id = app.create_scenario("A", json!({})).await.id;
    let path = format!("/api/v1/scenarios/{id}/forecast.csv?currency=USD&per_usd=2");
    let problem = assert_problem(app.get(&path).await, 422).await;
    assert_eq!(error_fields(&problem), ["per_usd"]);
}

/// A revision stored in dollars at a rate other than 1, before the rule, is
/// set to 1 by a migration: it still opens (it is validated on every read),
/// and its figures are the dollars its label says.
#[tokio::test]
async fn a_stored_revision_in_dollars_at_another_rate_is_mended_by_a_migration() {
    let app = spawn_app().await;
    let created = app.create_scenario("Doubled", json!({"clusters": 4})).await;
    let path = format!("/api/v1/scenarios/{}", created.id);
    let fresh: Value = app.get(&path).await.json().await.unwrap();
    let fresh_csv = app.text(&format!("{path}/export.csv")).await;
    let mut stored = fresh["input"].clone();
    stored["display"] = json!({"currency": "USD", "per_usd": 2.0});
    let sql = "UPDATE scenario_revisions SET input_json = $1 WHERE scenario_id = $2";
    assert_eq!(
        database::execute(&app, sql, &[&stored.to_string(), &created.id]).await,
        1
    );
    // As a server before the migration left it: the migration not yet run.
    let sql = "DELETE FROM _sqlx_migrations WHERE version = 20261205000001";
    assert_eq!(database::execute(&app, sql, &[]).await, 1);

    let after = spawn_replica(&app).await;
    let doc: Value = after.get(&path).await.json().await.unwrap();
    assert_eq!(
        doc["input"]["display"],
        json!({"currency": "USD", "per_usd": 1.0})
    );
    assert_eq!(
        doc["result"], fresh["result"],
        "its figures as saved, in dollars"
    );
    let csv = after.text(&format!("{path}/export.csv")).await;
    assert_eq!(csv, fresh_csv, "the export in dollars, not doubled");
}
