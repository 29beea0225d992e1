//! The FOCUS-named monthly forecast: columns, month bounds, sums that match the
//! horizon totals, a fleet's pool rows, list prices, currency, the start month,
//! and bad parameters.

use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, error_fields, spawn_app};

const COLUMNS: &str = "BillingAccountId,BillingAccountName,BillingCurrency,BillingPeriodStart,\
BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ContractedCost,\
ListCost,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,InvoiceId,\
InvoiceIssuerName,ProviderName,PublisherName,PricingQuantity,PricingUnit,ServiceCategory,\
ServiceName,ServiceSubcategory,x_Option,x_Category,x_Group,x_Pool,x_MonthIndex,\
x_ModelVersion,x_Projection";

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
        let one_offs: Vec<_> = usd
            .iter()
            .filter(|r| r["x_Option"] == option && r["ChargeFrequency"] == "One-Time")
            .collect();
        assert_eq!(one_offs.len(), 1, "one one-off row per option");
        assert_eq!(one_offs[0]["x_Category"], "one_off");
        assert_eq!(one_offs[0]["BillingPeriodStart"], "2027-11-01T00:00:00Z");
    }
    assert!(eur.iter().all(|r| r["BillingCurrency"] == "EUR"
        && r["x_Projection"] == true
        && r["ChargeCategory"] == "Usage"));
    let last = usd.iter().rfind(|r| r["x_Category"] != "one_off").unwrap();
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
    // A plain scenario is the one-group fleet of docs/MODEL.md §2.12.
    assert_eq!(
        (&workers["x_Group"], &workers["x_Pool"]),
        (&json!("Fleet"), &json!("Workers"))
    );
    let control_plane = &usd[0];
    for null in ["ChargeClass", "InvoiceId", "x_Group", "x_Pool"] {
        assert_eq!(control_plane[null], Value::Null, "{null}");
    }
}

#[tokio::test]
async fn a_fleet_has_rows_per_pool_and_fargate_is_not_ec2() {
    let app = spawn_app().await;
    let input = json!({"fleet": [
        {"name": "production", "clusters": 2, "clusters_added_per_year": 2, "pools": [
            {"name": "general", "instance_type": "c7i.4xlarge"},
            {"name": "batch", "compute": "fargate",
             "workload": {"cpu_request_cores": 10, "memory_request_gib": 100, "pods": 10}}]},
        {"name": "dev", "clusters": 4, "pools": [
            {"name": "general", "instance_type": "t3.large", "nodes_per_cluster": 2}]}]});
    let created = app.create_scenario("Fleet forecast", input).await;
    let doc = app.scenario(&created.id).await;

    let rows = rows(&app, &created.id, "start=2027-01").await;

    let eks_total = doc.result.options.eks.common.horizon_total;
    assert!((billed(&rows, "eks") - eks_total).abs() < 1e-6 * eks_total);
    let month0: Vec<_> = rows
        .iter()
        .filter(|r| {
            r["x_Option"] == "eks" && r["x_Category"] == "workers" && r["x_MonthIndex"] == 0
        })
        .collect();
    let named: Vec<_> = month0
        .iter()
        .map(|r| {
            (
                r["x_Group"].as_str().unwrap(),
                r["x_Pool"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            ("production", "general"),
            ("production", "batch"),
            ("dev", "general")
        ]
    );
    assert_eq!(month0[1]["ServiceName"], "AWS Fargate");
    assert_eq!(month0[1]["ServiceSubcategory"], "Serverless Compute");
    assert_eq!(month0[0]["ServiceSubcategory"], "Virtual Machines");
    let pools: f64 = month0
        .iter()
        .map(|r| r["BilledCost"].as_f64().unwrap())
        .sum();
    let workers = doc.result.options.eks.common.monthly.workers;
    assert!(
        (pools - workers).abs() < 1e-9 * workers,
        "{pools} != {workers}"
    );
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
    let first = body.lines().nth(1).unwrap();
    assert!(first.contains("\"2027-01-01T00:00:00Z\",\"2027-02-01T00:00:00Z\""));
    // Null is an empty cell (no ChargeClass); a Decimal always has its point.
    assert!(
        first.contains(",\"Usage\",,\"EKS: Control plane, month 1\","),
        "{first}"
    );
    assert!(first.contains(",1.0,\"Month\","), "{first}");
    let again = app
        .client
        .get(app.url(&format!("{path}?start=2027-01")))
        .header("if-none-match", &tag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(
        again.headers()["clusterplan-forecast-start"],
        "2027-01; source=query",
        "a 304 names the start month as its 200 does"
    );
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
    // A misspelt parameter is named, not ignored (it would move the start).
    for route in ["forecast.json", "forecast.csv"] {
        let path = format!("/api/v1/scenarios/{}/{route}?strat=2027-01", created.id);
        let problem = assert_problem(app.get(&path).await, 400).await;
        assert!(
            problem["detail"].as_str().unwrap().contains("strat"),
            "{problem}"
        );
    }
    let unknown = app
        .get("/api/v1/scenarios/AAAAAAAAAAAAAAAAAAAAAA/forecast.csv")
        .await;
    assert_eq!(unknown.status(), 404);
}
