//! Scenarios saved by model 1 still open, with their old figures: the v2 fields
//! they lack take their defaults.

use serde_json::{Value, json};

use crate::database;
use crate::helpers::spawn_app;

/// The v2 members of a resolved input, which a revision written by model 1 lacks.
const V2_FIELDS: [&str; 8] = [
    "/eks/spot_share_pct",
    "/eks/auto_mode",
    "/eks/auto_mode_fee_pct",
    "/eks/control_plane_tier",
    "/self_hosted/spot_share_pct",
    "/prices/spot_discount_pct",
    "/growth",
    "/line_items",
];

fn remove(value: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    if let Some(Value::Object(map)) = value.pointer_mut(parent) {
        map.remove(key);
    }
}

#[tokio::test]
async fn a_revision_saved_by_model_1_opens_with_its_old_figures() {
    let app = spawn_app().await;
    let input = json!({"clusters": 5, "self_hosted": {"worker_hourly_usd": 0.1}});
    let created = app.create_scenario("Saved in 2025", input.clone()).await;
    let path = format!("/api/v1/scenarios/{}", created.id);
    let mut stored: Value = app.get(&path).await.json::<Value>().await.unwrap()["input"].clone();
    for pointer in V2_FIELDS {
        remove(&mut stored, pointer);
    }
    assert!(stored.get("growth").is_none() && stored["eks"].get("auto_mode").is_none());
    // Rewrite the revision as model 1 wrote it (on either backend).
    let updated = database::execute(
        &app,
        "UPDATE scenario_revisions SET input_json = $1, model_version = '1' WHERE scenario_id = $2",
        &[&stored.to_string(), &created.id],
    )
    .await;
    assert_eq!(updated, 1);

    let response = app.get(&path).await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    let fresh: Value = app
        .post_json("/api/v1/calculate", &input)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(doc["result"]["options"], fresh["options"]);
    assert_eq!(doc["result"]["comparison"], fresh["comparison"]);
    assert_eq!(doc["input"]["growth"]["workload_pct_per_year"], 0.0);
    assert_eq!(doc["input"]["line_items"], json!([]));
    // §8's figures for five clusters are unchanged by v2's defaults.
    assert_eq!(
        doc["result"]["options"]["eks"]["monthly"]["node_management"],
        0.0
    );
    let page = app.get(&format!("/s/{}", created.id)).await;
    assert_eq!(page.status(), 200);
}
