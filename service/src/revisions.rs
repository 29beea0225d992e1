//! Revising a saved scenario: a new revision with a new input, a new name, or
//! both. Its result is calculated before the write (a busy server refuses the
//! revision whole), and the answer is built from what the write transaction
//! saw, so once the revision is stored nothing is left that can fail.

use std::sync::Arc;
use std::time::{Duration, Instant};

use clusterplan_model::{CalculationResult, MODEL_VERSION, Scenario};

use crate::calculation::validate;
use crate::compute::compute;
use crate::names::ScenarioName;
use crate::result_cache::ResultKey;
use crate::scenarios::{document_of, merge_errors, not_found, result_of, stored_scenario, to_json};
use crate::store::{self, RevisionWrite};
use crate::{ScenarioDocument, ScenarioUpdate, Service, ServiceError, secrets};

/// How long a rename keeps reading the latest revision again while other
/// saves land between its read and its write: as long as a write waits for a
/// locked database. Each round lets at least one of the saves racing it
/// through, so forty renames sent at once all land well within it; three
/// rounds, as it was, answered most of them 503 on an idle server.
const RENAME_PATIENCE: Duration = Duration::from_secs(5);

/// See [`Service::update`].
pub(crate) async fn update(
    service: &Service,
    id: &str,
    token: Option<&str>,
    update: ScenarioUpdate,
) -> Result<ScenarioDocument, ServiceError> {
    let token = token.ok_or(ServiceError::MissingToken)?;
    if !secrets::looks_like_id(id) {
        return Err(not_found(id));
    }
    let name = update.name.map(ScenarioName::try_from).transpose();
    let scenario = update
        .input
        .map(|input| validate(input, "input"))
        .transpose();
    // Neither given is allowed, and, like any change equal to the latest
    // revision, writes nothing.
    let (name, scenario) = merge_errors(name, scenario)?;
    let name = name.as_ref().map(ScenarioName::as_str);
    let Some(scenario) = scenario else {
        return rename(service, id, token, name).await;
    };
    // Calculated before the write, as in `create`.
    let result = Arc::new(compute(service, scenario.clone()).await?);
    let input_json = to_json(scenario.input());
    let write = RevisionWrite {
        name,
        input_json: Some(&input_json),
        model_version: MODEL_VERSION,
        based_on: None,
    };
    append(service, id, token, &write, &scenario, result)
        .await?
        .ok_or(ServiceError::Inconsistent(
            "a write based on no revision answered as moved",
        ))
}

/// A revision that keeps the latest input (and names it `name`, if given).
/// That input's result is read or calculated before the write, which is
/// based on the revision read: should another save come between, nothing
/// is written and the latest is read again.
async fn rename(
    service: &Service,
    id: &str,
    token: &str,
    name: Option<&str>,
) -> Result<ScenarioDocument, ServiceError> {
    let deadline = Instant::now() + RENAME_PATIENCE;
    for round in 1u64.. {
        let latest = store::latest(&service.db, id).await?;
        let latest = latest.ok_or_else(|| not_found(id))?;
        let scenario = stored_scenario(&latest.id, &latest.input_json)?;
        let result = result_of(service, &latest, &scenario).await?;
        let write = RevisionWrite {
            name,
            input_json: None,
            model_version: MODEL_VERSION,
            based_on: Some(latest.revision),
        };
        if let Some(doc) = append(service, id, token, &write, &scenario, result).await? {
            return Ok(doc);
        }
        if Instant::now() >= deadline {
            break;
        }
        // A pause that grows with the rounds lost, so racers spread out.
        tokio::time::sleep(Duration::from_millis(round.min(20))).await;
    }
    // Saves keep landing between the read and the write.
    Err(ServiceError::Busy {
        retry_after_secs: 1,
    })
}

/// Appends `write`, whose input is `scenario` with `result`, and answers
/// the revision written (or the latest, when equal) without another read:
/// after the commit nothing is left that can fail. `None`: the latest
/// revision is no longer `write.based_on`, and nothing was written.
async fn append(
    service: &Service,
    id: &str,
    token: &str,
    write: &RevisionWrite<'_>,
    scenario: &Scenario,
    result: Arc<CalculationResult>,
) -> Result<Option<ScenarioDocument>, ServiceError> {
    let appended =
        store::append_revision(&service.db, id, token, write, service.max_revisions).await?;
    let (store::Appended::New(stored) | store::Appended::Unchanged(stored)) = appended else {
        return Ok(None);
    };
    let key = ResultKey::new(&stored.id, stored.revision);
    service.results.insert(key, Arc::clone(&result));
    Ok(Some(document_of(stored, scenario, &result)))
}

#[cfg(test)]
mod tests {
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
            .update(&created.id, Some(&created.edit_token), update)
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
            .update(id, Some(token), change)
            .await
            .expect("revision 2");

        // A rename that read revision 1, arriving after revision 2.
        let stale = RevisionWrite {
            name: Some("Renamed"),
            input_json: None,
            model_version: MODEL_VERSION,
            based_on: Some(1),
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
            .update(id, Some(token), renamed)
            .await
            .expect("renamed");
        assert_eq!(
            (doc.revision, doc.input.clusters),
            (3, 4),
            "on the latest input"
        );
    }
}
