//! Every (v2) violation is reported at once, each at its path.

mod common;

use common::field_errors;
use serde_json::json;

#[test]
fn every_v2_violation_is_listed_with_its_path() {
    let mut items: Vec<_> = (0..21)
        .map(|i| json!({"name": format!("Item {i}"), "monthly_usd": 1}))
        .collect();
    items[1] = json!({"name": "Bad\u{7}bell"});
    items[2] = json!({"name": "Weekly", "per": "week"});
    items[3] = json!({"name": "Nobody", "option": "gke"});
    items[4] = json!({"monthly_usd": -1});
    items[5] = json!({"name": "x".repeat(61)});
    let input = json!({
        "line_items": items,
        "eks": {"control_plane_tier": "xxl", "spot_share_pct": 120, "auto_mode_fee_pct": 101},
        "self_hosted": {"spot_share_pct": -1},
        "growth": {"workload_pct_per_year": -95},
        "prices": {"spot_discount_pct": 99},
    });
    let errors = field_errors(&input.to_string());
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for expected in [
        "eks.spot_share_pct",
        "eks.auto_mode_fee_pct",
        "eks.control_plane_tier",
        "self_hosted.spot_share_pct",
        "prices.spot_discount_pct",
        "growth.workload_pct_per_year",
        "line_items",
        "line_items[1].name",
        "line_items[2].per",
        "line_items[3].option",
        "line_items[4].name",
        "line_items[4].monthly_usd",
        "line_items[5].name",
    ] {
        assert!(
            fields.contains(&expected),
            "{expected} missing from {fields:?}"
        );
    }
    let message = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
            .unwrap_or_default()
    };
    assert_eq!(message("line_items"), "at most 20 items, not 21");
    assert!(message("eks.control_plane_tier").contains("\"xl\""));
    assert!(message("line_items[2].per").contains("not \"week\""));
    assert_eq!(
        message("growth.workload_pct_per_year"),
        "must be between -90 and 500"
    );
    assert_eq!(
        message("prices.spot_discount_pct"),
        "must be between 0 and 95"
    );
    assert_eq!(
        message("line_items[1].name"),
        clusterplan_model::UNFIT_FOR_NAMES
    );
    // Form order: sections first, then the items one by one.
    let position = |field: &str| fields.iter().position(|f| *f == field);
    assert!(position("eks.spot_share_pct") < position("line_items"));
    assert!(position("line_items[2].per") < position("line_items[3].option"));
}

#[test]
fn type_errors_in_items_name_the_item() {
    let errors =
        field_errors(r#"{"line_items": [{"name": "A"}, {"name": "B", "monthly_usd": "x"}]}"#);
    assert_eq!(errors[0].field, "line_items[1].monthly_usd");
    let errors = field_errors(r#"{"line_items": [{"name": "A", "price": 3}]}"#);
    assert_eq!(errors[0].field, "line_items[0].price");
    assert_eq!(errors[0].message, "unknown field");
    let errors = field_errors(r#"{"eks": {"auto_mode": "yes"}}"#);
    assert_eq!(errors[0].field, "eks.auto_mode");
}

#[test]
fn v1_inputs_resolve_the_v2_fields_to_their_defaults() {
    let result = common::calc("{}");
    let inputs = serde_json::to_value(&result.inputs).expect("serializes");
    assert_eq!(inputs["eks"]["control_plane_tier"], "standard");
    assert_eq!(inputs["eks"]["auto_mode"], false);
    assert_eq!(inputs["eks"]["auto_mode_fee_pct"], 12.0);
    assert_eq!(inputs["eks"]["hours_per_incident"], 3.0);
    assert_eq!(inputs["self_hosted"]["spot_share_pct"], 0.0);
    assert_eq!(inputs["prices"]["spot_discount_pct"], 60.0);
    assert_eq!(inputs["growth"]["workload_pct_per_year"], 0.0);
    assert_eq!(inputs["line_items"], json!([]));
    let item = common::calc(r#"{"line_items": [{"name": "Licence"}]}"#);
    let item = serde_json::to_value(&item.inputs.line_items).expect("serializes");
    assert_eq!(
        item,
        json!([{"name": "Licence", "option": "both", "per": "month", "monthly_usd": 0.0, "one_off_usd": 0.0}])
    );
}

#[test]
fn tiers_add_their_catalog_price_per_cluster_hour() {
    let standard = common::calc("{}");
    let xl = common::calc(r#"{"eks": {"control_plane_tier": "8xl"}}"#);
    let added = xl.options.eks.common.monthly.control_plane
        - standard.options.eks.common.monthly.control_plane;
    common::assert_close(added, 3.0 * 730.0 * 13.90, "8xl adder");
}

#[test]
fn line_items_multiply_by_their_per_and_grow_with_nodes() {
    let r = common::calc(
        r#"{"clusters": 2, "workers": {"nodes_per_cluster": 10},
            "growth": {"workload_pct_per_year": 100}, "horizon_months": 13,
            "line_items": [{"name": "Agent", "option": "eks", "per": "node", "monthly_usd": 5},
                           {"name": "Licence", "per": "cluster", "monthly_usd": 100, "one_off_usd": 7}]}"#,
    );
    let (e, s) = (&r.options.eks.common, &r.options.self_hosted.common);
    common::assert_close(e.monthly.line_items, 5.0 * 2.0 * 10.0 + 200.0, "eks items");
    common::assert_close(s.monthly.line_items, 200.0, "self items");
    // Doubling over a year: 20 nodes per cluster in month 12.
    assert_eq!(e.series.nodes_per_cluster[12], 20);
    common::assert_close(
        s.one_off - e.one_off,
        640.0 * 125.0 - 80.0 * 125.0,
        "items' one-off in both",
    );
}

#[test]
fn the_display_currency_is_echoed_and_changes_no_figure() {
    let usd = common::calc("{}");
    let eur = common::calc(r#"{"display": {"currency": "EUR", "per_usd": 0.92}}"#);

    assert_eq!(usd.inputs.display.currency, "USD");
    assert_eq!(usd.inputs.display.per_usd, 1.0);
    assert_eq!(eur.inputs.display.currency, "EUR");
    assert_eq!(eur.inputs.display.per_usd, 0.92);
    assert_eq!(
        serde_json::to_value(&eur.options).unwrap(),
        serde_json::to_value(&usd.options).unwrap(),
        "the JSON figures stay in USD"
    );
}

#[test]
fn a_display_currency_needs_an_iso_shape_and_a_rate_in_range() {
    let cases = [
        (r#"{"display": {"currency": "eur"}}"#, "display.currency"),
        (r#"{"display": {"currency": "EURO"}}"#, "display.currency"),
        (r#"{"display": {"per_usd": 0}}"#, "display.per_usd"),
        (r#"{"display": {"per_usd": -1}}"#, "display.per_usd"),
        (r#"{"display": {"per_usd": 2000000}}"#, "display.per_usd"),
        (r#"{"display": {"rate": 1}}"#, "display.rate"),
    ];
    for (json, field) in cases {
        let fields: Vec<String> = common::field_errors(json)
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, [field], "{json}");
    }
    let ranged =
        r#"{"uncertainty": {"ranges": [{"field": "display.per_usd", "low": 0.5, "high": 2}]}}"#;
    let fields: Vec<String> = common::field_errors(ranged)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        ["uncertainty.ranges[0].field"],
        "the rate cannot be ranged"
    );
}
