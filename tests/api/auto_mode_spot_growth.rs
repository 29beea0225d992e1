//! Model v2 through the API: the worked example, every v2 violation in one 422,
//! the v2 fields in the OpenAPI document and the control-plane tiers in the catalog.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn the_v2_example_calculates_with_series_and_new_categories() {
    let app = spawn_app().await;
    let input = json!({"growth": {"workload_pct_per_year": 30},
        "eks": {"auto_mode": true, "spot_share_pct": 50}, "self_hosted": {"spot_share_pct": 50},
        "line_items": [{"name": "Support contract", "option": "self_hosted", "per": "cluster",
                        "monthly_usd": 500, "one_off_usd": 20000}]});
    let response = app.calculate(&input).await;
    assert_eq!(response.status(), 200);
    let result: Value = response.json().await.unwrap();
    assert_eq!(result["model_version"], "3");
    let own = &result["options"]["self_hosted"];
    assert_eq!(own["hours_peak_month"], 33);
    assert_eq!(own["series"]["nodes_per_cluster"][35], 18);
    assert_eq!(own["monthly"]["line_items"], 1500.0);
    let savings = result["comparison"]["horizon_savings_usd"]
        .as_f64()
        .unwrap();
    assert!((savings - 461_617.99).abs() < 0.005, "{savings}");
}

#[tokio::test]
async fn every_v2_violation_is_one_422() {
    let app = spawn_app().await;
    let items: Vec<Value> = (0..21)
        .map(|i| json!({"name": format!("Item {i}")}))
        .collect();
    let mut items = items;
    items[0] = json!({"name": "Tab\there"});
    items[1] = json!({"name": "Weekly", "per": "week"});
    let input = json!({"line_items": items, "eks": {"control_plane_tier": "xxl", "spot_share_pct": 120},
        "growth": {"workload_pct_per_year": -95}, "prices": {"spot_discount_pct": 99}});
    let problem = assert_problem(app.calculate(&input).await, 422).await;
    let fields = error_fields(&problem);
    for field in [
        "line_items",
        "line_items[0].name",
        "line_items[1].per",
        "eks.control_plane_tier",
        "eks.spot_share_pct",
        "growth.workload_pct_per_year",
        "prices.spot_discount_pct",
    ] {
        assert!(
            fields.iter().any(|f| f == field),
            "{field} missing: {fields:?}"
        );
    }
}

#[tokio::test]
async fn the_openapi_document_and_catalog_show_the_v2_fields() {
    let app = spawn_app().await;
    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let input = &doc["components"]["schemas"]["ScenarioInput"]["properties"];
    let eks = &input["eks"]["properties"];
    assert_eq!(
        eks["control_plane_tier"]["enum"],
        json!(["standard", "xl", "2xl", "4xl", "8xl"])
    );
    assert_eq!(eks["spot_share_pct"]["maximum"], 100.0);
    assert_eq!(eks["auto_mode"]["type"], "boolean");
    assert_eq!(
        input["prices"]["properties"]["spot_discount_pct"]["maximum"],
        95.0
    );
    assert_eq!(
        input["growth"]["properties"]["workload_pct_per_year"]["minimum"],
        -90.0
    );
    let items = &input["line_items"];
    assert_eq!(items["type"], "array");
    assert_eq!(items["maxItems"], 20);
    let item = &items["items"]["properties"];
    assert_eq!(item["per"]["enum"], json!(["month", "cluster", "node"]));
    assert_eq!(
        item["option"]["enum"],
        json!(["eks", "self_hosted", "both"])
    );
    assert_eq!(item["name"]["maxLength"], 60);
    assert_eq!(items["items"]["required"], json!(["name"]));

    let body: Value = app.get("/api/v1/catalog").await.json().await.unwrap();
    let tiers = &body["catalog"]["control_plane_tiers"];
    assert!(tiers["prices_taken_on"].is_string());
    let names: Vec<&str> = tiers["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["standard", "xl", "2xl", "4xl", "8xl"]);
    assert_eq!(tiers["tiers"][1]["hourly_usd"], 1.65);
}

#[tokio::test]
async fn methodology_shows_the_v2_formulas_defaults_and_tiers() {
    let app = spawn_app().await;
    let page = app.text("/methodology").await;
    for text in [
        "g_k = (1 + workload_pct_per_year/100)^(k/12)",
        "node management",
        "tier_adder",
        "hours_peak_month",
        "eks.control_plane_tier",
        "line_items[].per",
        "uncertainty.samples",
        "13.9",
    ] {
        assert!(page.contains(text), "{text} missing from /methodology");
    }
}
