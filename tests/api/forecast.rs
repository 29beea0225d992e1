//! The FOCUS-named monthly forecast: columns, month bounds, sums that match the
//! horizon totals, list prices, currency, the start month, and bad parameters.

use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, error_fields, spawn_app};

const COLUMNS: &str = "BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,\
BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ContractedCost,\
ListCost,ChargeCategory,ChargeClass,ChargeDescription,InvoiceIssuerName,ProviderName,\
PublisherName,PricingQuantity,PricingUnit,ServiceCategory,ServiceName,x_Option,x_Category,\
x_MonthIndex,x_ModelVersion,x_Projection";

async fn rows(app: &TestApp, id: &str, query: &str) -> Vec<Value> {
    let response = app
        .get(&format!("/api/v1/scenarios/{id}/forecast.json?{query}"))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

fn billed(rows: &[Value], option: &str) -> f64 {
    rows.iter()
        .filter(|r| r["x_Option"] == option)
        .map(|r| r["BilledCost"].as_f64().unwrap())
        .sum()
}

#[tokio::test]
async fn rows_sum_to_the_horizon_totals_in_the_asked_currency() {
    let app = spawn_app().await;
    let input = json!({"horizon_months": 12, "growth": {"workload_pct_per_year": 30},
        "workers": {"compute_discount_pct": 30}, "eks": {"spot_share_pct": 40}});
    let created = app.create_scenario("Forecast", input).await;
    let doc = app.scenario(&created.id).await;

    let usd = rows(&app, &created.id, "start=2027-11").await;
    let eur = rows(&app, &created.id, "start=2027-11&currency=EUR&per_usd=0.5").await;

    for (option, total) in [
        ("eks", doc.result.options.eks.common.horizon_total),
        (
            "self_hosted",
            doc.result.options.self_hosted.common.horizon_total,
        ),
    ] {
        assert!(
            (billed(&usd, option) - total).abs() < 1e-6 * total,
            "{option}"
        );
        assert!(
            (billed(&eur, option) - total * 0.5).abs() < 1e-6 * total,
            "{option} in EUR"
        );
        let purchases: Vec<_> = usd
            .iter()
            .filter(|r| r["x_Option"] == option && r["ChargeCategory"] == "Purchase")
            .collect();
        assert_eq!(purchases.len(), 1, "one purchase row per option");
        assert_eq!(purchases[0]["BillingPeriodStart"], "2027-11-01T00:00:00Z");
    }
    assert!(
        eur.iter()
            .all(|r| r["BillingCurrency"] == "EUR" && r["x_Projection"] == true)
    );
    let last = usd
        .iter()
        .rfind(|r| r["ChargeCategory"] == "Usage")
        .unwrap();
    assert_eq!(last["x_MonthIndex"], 11);
    assert_eq!(last["ChargePeriodStart"], "2028-10-01T00:00:00Z");
    assert_eq!(last["ChargePeriodEnd"], "2028-11-01T00:00:00Z");
    let workers = usd
        .iter()
        .find(|r| r["x_Option"] == "eks" && r["x_Category"] == "workers")
        .unwrap();
    assert!(
        workers["ListCost"].as_f64().unwrap() > workers["BilledCost"].as_f64().unwrap(),
        "list price is before the discount and Spot: {workers}"
    );
    assert_eq!(workers["ServiceName"], "Amazon Elastic Compute Cloud");
}

#[tokio::test]
async fn the_csv_has_focus_columns_and_says_where_it_starts() {
    let app = spawn_app().await;
    let created = app.create_scenario("Forecast", json!({})).await;
    let path = format!("/api/v1/scenarios/{}/forecast.csv", created.id);

    let given = app.get(&format!("{path}?start=2027-01")).await;
    let default = app.get(&path).await;

    assert_eq!(given.status(), 200);
    assert_eq!(
        given.headers()["clusterplan-forecast-start"],
        "2027-01; source=query"
    );
    let month = default.headers()["clusterplan-forecast-start"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        month.ends_with("; source=current-month") && month.len() == 29,
        "{month}"
    );
    let tag = given.headers()["etag"].to_str().unwrap().to_owned();
    let body = given.text().await.unwrap();
    assert_eq!(body.lines().next().unwrap(), COLUMNS);
    assert!(
        body.lines()
            .nth(1)
            .unwrap()
            .contains("\"2027-01-01T00:00:00Z\",\"2027-02-01T00:00:00Z\"")
    );
    let again = app
        .client
        .get(app.url(&format!("{path}?start=2027-01")))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    let other_month = app
        .client
        .get(app.url(&format!("{path}?start=2027-02")))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(
        other_month.status(),
        200,
        "the start month is part of the tag"
    );
}

#[tokio::test]
async fn bad_parameters_are_422_naming_each_one() {
    let app = spawn_app().await;
    let created = app.create_scenario("Forecast", json!({})).await;
    let cases = [
        ("start=2027-13", vec!["start"]),
        ("start=27-1", vec!["start"]),
        ("currency=eur&per_usd=1", vec!["currency"]),
        ("currency=EUR&per_usd=0", vec!["per_usd"]),
        ("currency=EUR&per_usd=-2", vec!["per_usd"]),
        ("currency=EUR", vec!["per_usd"]),
        (
            "start=2027-13&currency=E&per_usd=x",
            vec!["start", "currency", "per_usd"],
        ),
    ];
    for (query, fields) in cases {
        let path = format!("/api/v1/scenarios/{}/forecast.json?{query}", created.id);
        let problem = assert_problem(app.get(&path).await, 422).await;
        assert_eq!(error_fields(&problem), fields, "{query}");
    }
    let unknown = app
        .get("/api/v1/scenarios/AAAAAAAAAAAAAAAAAAAAAA/forecast.csv")
        .await;
    assert_eq!(unknown.status(), 404);
}
