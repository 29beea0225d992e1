//! Revisions refused whole: a busy server, a write based on a revision no longer the latest.

use std::time::Duration;

use serde_json::json;

use super::*;
use crate::{NewScenario, store::Appended};

async fn service_with_one_slot(dir: &tempfile::TempDir) -> Service {
    Service::for_tests(dir)
        .await
        .with_simulation_limit(1, Duration::from_millis(20))
}

fn input(value: serde_json::Value) -> clusterplan_model::ScenarioInput {
    serde_json::from_value(value).expect("an input")
}

#[tokio::test]
async fn a_revision_refused_as_busy_is_not_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let service = service_with_one_slot(&dir).await;
    let new = NewScenario {
        name: "Plain".into(),
        input: input(json!({"clusters": 3})),
    };
    let created = service.create(new).await.expect("no simulation, no slot");
    let _held = Arc::clone(&service.simulations.slots)
        .acquire_owned()
        .await
        .expect("slot");

    let update = ScenarioUpdate {
        name: None,
        input: Some(input(json!({"uncertainty": {"samples": 100, "ranges": [
            {"field": "team.annual_cost_usd", "low": 1e5, "high": 3e5}]}}))),
    };
    let answer = service
        .update(&created.id, Some(&created.edit_token), update, &[])
        .await;

    assert!(
        matches!(answer, Err(ServiceError::Busy { .. })),
        "{answer:?}"
    );
    let latest = store::latest(&service.db, &created.id).await.expect("read");
    assert_eq!(latest.map(|l| l.revision), Some(1), "nothing written");
}

#[tokio::test]
async fn a_write_based_on_an_older_revision_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let service = service_with_one_slot(&dir).await;
    let new = NewScenario {
        name: "Plan".into(),
        input: input(json!({"clusters": 3})),
    };
    let created = service.create(new).await.expect("created");
    let (id, token) = (&created.id, created.edit_token.as_str());
    let change = ScenarioUpdate {
        name: None,
        input: Some(input(json!({"clusters": 4}))),
    };
    service
        .update(id, Some(token), change, &[])
        .await
        .expect("revision 2");

    // A rename that read revision 1, arriving after revision 2.
    let stale = RevisionWrite {
        name: Some("Renamed"),
        input_json: None,
        model_version: MODEL_VERSION,
        based_on: &[1],
    };
    let appended = store::append_revision(&service.db, id, token, &stale, 10).await;

    assert!(matches!(appended, Ok(Appended::Moved)), "{appended:?}");
    let latest = service.get(id).await.expect("read");
    assert_eq!((latest.revision, latest.name.as_str()), (2, "Plan"));
    let renamed = ScenarioUpdate {
        name: Some("Renamed".into()),
        input: None,
    };
    let doc = service
        .update(id, Some(token), renamed, &[])
        .await
        .expect("renamed");
    assert_eq!(
        (doc.revision, doc.input.clusters),
        (3, 4),
        "on the latest input"
    );
}
