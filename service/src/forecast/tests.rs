//! The forecast's rows of a plain scenario and of the fleet preset: pool rows,
//! Fargate's labels, the columns FOCUS wants null, and sums that match the model.

use clusterplan_model::{
    OptionName, PLAIN_GROUP, PLAIN_POOL, Scenario, ScenarioInput, calculate, monthly_costs,
};
use serde_json::Value;

use super::{ForecastParams, ForecastQuery, ForecastRow, rows::plan, to_csv};
use crate::ScenarioDocument;

fn doc(input: ScenarioInput) -> ScenarioDocument {
    let result = calculate(&Scenario::try_from(input).expect("valid"));
    ScenarioDocument {
        id: "id".into(),
        name: "Forecast".into(),
        input: result.inputs.clone(),
        revision: 1,
        created_at: String::new(),
        updated_at: String::new(),
        result,
    }
}

/// The fleet preset: two groups, one growing; a Fargate pool; 20 % Spot.
fn fleet_preset() -> ScenarioDocument {
    let file: Value = serde_json::from_str(include_str!("../../data/presets.json")).unwrap();
    let presets = file["presets"].as_array().unwrap();
    let input = presets
        .iter()
        .find_map(|p| p["input"].get("fleet").map(|_| &p["input"]));
    doc(serde_json::from_value(input.expect("a fleet preset").clone()).unwrap())
}

fn forecast(doc: &ScenarioDocument, query: &str) -> Vec<ForecastRow> {
    let query: ForecastQuery = serde_urlencoded::from_str(query).unwrap();
    plan(doc, &ForecastParams::parse(&query).unwrap())
        .unwrap()
        .rows()
}

fn of(rows: &[ForecastRow], option: OptionName) -> impl Iterator<Item = &ForecastRow> {
    rows.iter().filter(move |r| r.x_Option == option.key())
}

fn assert_near(actual: f64, expected: f64, what: &str) {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: {actual} != {expected}"
    );
}

#[test]
fn pool_rows_add_up_to_the_workers_of_every_option_and_month() {
    let doc = fleet_preset();
    let scenario = Scenario::try_from(doc.result.inputs.clone()).unwrap();
    let list = Scenario::try_from(scenario.input().at_list_prices()).unwrap();
    let rows = forecast(&doc, "start=2027-01&currency=EUR&per_usd=0.5");

    for option in OptionName::ALL {
        let months = monthly_costs(&scenario, option);
        let list_months = monthly_costs(&list, option);
        for (k, (month, list_month)) in months.iter().zip(&list_months).enumerate() {
            let workers: Vec<_> = of(&rows, option)
                .filter(|r| r.x_Category == "workers" && r.x_MonthIndex as usize == k)
                .collect();
            let billed = workers.iter().map(|r| r.BilledCost).sum();
            let listed = workers.iter().map(|r| r.ListCost).sum();
            let what = format!("{option:?} month {k}");
            assert_near(billed, month.workers * 0.5, &what);
            assert_near(listed, list_month.workers * 0.5, &format!("{what} at list"));
            assert!(
                workers
                    .iter()
                    .all(|r| r.x_Group.is_some() && r.x_Pool.is_some())
            );
        }
        let total: f64 = of(&rows, option).map(|r| r.BilledCost).sum();
        let horizon_total = doc.result.options.get(option).horizon_total;
        assert_near(total, horizon_total * 0.5, &format!("{option:?} horizon"));
    }
}

#[test]
fn each_pool_has_its_own_rows_named_by_group_and_pool() {
    let rows = forecast(&fleet_preset(), "start=2027-01");
    let month0: Vec<_> = of(&rows, OptionName::SelfHosted)
        .filter(|r| r.x_Category == "workers" && r.x_MonthIndex == 0)
        .map(|r| (r.x_Group.as_deref().unwrap(), r.x_Pool.as_deref().unwrap()))
        .collect();
    assert_eq!(
        month0,
        [
            ("production", "general"),
            ("production", "memory"),
            ("production", "batch"),
            ("staging and dev", "general"),
        ]
    );
    // Rows of other categories belong to no pool.
    assert!(
        rows.iter()
            .filter(|r| r.x_Category != "workers")
            .all(|r| r.x_Group.is_none() && r.x_Pool.is_none())
    );
}

#[test]
fn a_fargate_pool_is_fargate_on_eks_and_nodes_when_self_hosted() {
    let rows = forecast(&fleet_preset(), "start=2027-01");
    let batch = |option| {
        of(&rows, option)
            .find(|r| r.x_Pool.as_deref() == Some("batch"))
            .expect("a batch row")
    };
    let eks = batch(OptionName::Eks);
    assert_eq!(
        (
            eks.ServiceName.as_str(),
            eks.ServiceCategory.as_str(),
            eks.ServiceSubcategory.as_str()
        ),
        ("AWS Fargate", "Compute", "Serverless Compute")
    );
    assert_eq!(eks.PricingUnit, "Month");
    assert!(
        eks.ChargeDescription
            .contains("production / batch on AWS Fargate")
    );
    let self_hosted = batch(OptionName::SelfHosted);
    assert_eq!(self_hosted.ServiceName, "Amazon Elastic Compute Cloud");
    assert_eq!(self_hosted.ServiceSubcategory, "Virtual Machines");
    // Every other pool runs on nodes on both sides.
    assert!(
        rows.iter()
            .filter(|r| r.x_Category == "workers" && r.x_Pool.as_deref() != Some("batch"))
            .all(|r| r.ServiceName == "Amazon Elastic Compute Cloud")
    );
}

#[test]
fn a_plain_scenario_is_the_one_group_fleet_with_todays_figures() {
    let doc = doc(ScenarioInput::default());
    let scenario = Scenario::try_from(doc.result.inputs.clone()).unwrap();
    let rows = forecast(&doc, "start=2027-01");
    for option in OptionName::ALL {
        let workers: Vec<_> = of(&rows, option)
            .filter(|r| r.x_Category == "workers")
            .collect();
        let months = monthly_costs(&scenario, option);
        assert_eq!(workers.len(), months.len(), "one row a month");
        for (row, month) in workers.iter().zip(&months) {
            assert_eq!(row.x_Group.as_deref(), Some(PLAIN_GROUP));
            assert_eq!(row.x_Pool.as_deref(), Some(PLAIN_POOL));
            // The one pool is the workers figure itself, not a near copy.
            assert_eq!(row.BilledCost, month.workers);
        }
    }
}

#[test]
fn every_row_is_usage_with_no_class_or_invoice_and_the_one_off_is_one_time() {
    let rows = forecast(&fleet_preset(), "start=2027-01");
    assert!(rows.iter().all(|r| r.ChargeCategory == "Usage"
        && r.ChargeClass.is_none()
        && r.InvoiceId.is_none()
        && r.EffectiveCost == r.BilledCost
        && r.PricingQuantity == 1.0));
    let frequency = |category: &str| {
        let mut found: Vec<_> = rows
            .iter()
            .filter(|r| r.x_Category == category)
            .map(|r| r.ChargeFrequency.as_str())
            .collect();
        found.dedup();
        found
    };
    assert_eq!(frequency("workers"), ["Usage-Based"]);
    assert_eq!(frequency("engineering"), ["Usage-Based"]);
    assert_eq!(frequency("on_call"), ["Recurring"]);
    assert_eq!(frequency("one_off"), ["One-Time"]);
    let one_offs: Vec<_> = rows.iter().filter(|r| r.x_Category == "one_off").collect();
    assert_eq!(one_offs.len(), 2, "one per option");
    assert!(one_offs.iter().all(|r| r.PricingUnit == "Unit"
        && r.x_MonthIndex == 0
        && r.BillingPeriodStart == "2027-01-01T00:00:00Z"));
}

#[test]
fn nulls_are_empty_cells_in_the_csv_and_null_in_json() {
    let rows = forecast(&fleet_preset(), "start=2027-01");
    let csv = to_csv(&rows);
    let mut lines = csv.lines();
    assert_eq!(lines.next().unwrap(), super::COLUMNS.join(","));
    // The first row is EKS's control plane: no pool, so four null cells.
    let control_plane = lines.next().unwrap();
    assert!(control_plane.contains(",\"Usage\",,\"EKS: Control plane, month 1\","));
    assert!(control_plane.contains(",\"Usage-Based\",,\"Amazon Web Services\","));
    assert!(control_plane.contains(",1.0,\"Month\","));
    assert!(control_plane.contains(",\"control_plane\",,,0,\"3\",true"));
    let pool = csv.lines().find(|l| l.contains("\"workers\"")).unwrap();
    assert!(pool.contains(",\"workers\",\"production\",\"general\",0,"));

    let json = serde_json::to_value(&rows[0]).unwrap();
    for column in ["ChargeClass", "InvoiceId", "x_Group", "x_Pool"] {
        assert_eq!(json[column], Value::Null, "{column}");
    }
    assert_eq!(json.as_object().unwrap().len(), super::COLUMNS.len());
}
