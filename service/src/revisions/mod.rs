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
use crate::scenarios::{document_of, merge_errors, result_of, stored_scenario, to_json};
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
    expected: &[i64],
) -> Result<ScenarioDocument, ServiceError> {
    let token = authorize(service, id, token).await?;
    update_authorized(service, id, token, update, expected).await
}

/// [`update`] for a caller that has run [`authorize`] already (the page's
/// form, which reads its own fields after it): the token is looked up once.
pub(crate) async fn update_authorized(
    service: &Service,
    id: &str,
    token: &str,
    update: ScenarioUpdate,
    expected: &[i64],
) -> Result<ScenarioDocument, ServiceError> {
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
        return rename(service, id, token, name, expected).await;
    };
    // Calculated before the write, as in `create`.
    let result = Arc::new(compute(service, scenario.clone()).await?);
    let input_json = to_json(scenario.input());
    let write = RevisionWrite {
        name,
        input_json: Some(&input_json),
        model_version: MODEL_VERSION,
        based_on: expected,
    };
    append(service, id, token, &write, &scenario, result)
        .await?
        .ok_or(match expected.is_empty() {
            false => ServiceError::RevisionMoved,
            true => ServiceError::Inconsistent("a write based on no revision answered as moved"),
        })
}

/// The caller's token when it is scenario `id`'s edit token: 401 without one,
/// 404 for no such scenario, 403 for another token. Checked before the body's
/// rules and any simulation, so that a stranger is refused as a stranger
/// (not told what is wrong with a body they may not save) and spends no
/// calculation; the write checks the token again in its transaction.
pub(crate) async fn authorize<'t>(
    service: &Service,
    id: &str,
    token: Option<&'t str>,
) -> Result<&'t str, ServiceError> {
    let token = token.ok_or(ServiceError::MissingToken)?;
    if !secrets::looks_like_id(id) {
        return Err(ServiceError::scenario_not_found(id));
    }
    store::check_token(&service.db, id, token).await?;
    Ok(token)
}

/// A revision that keeps the latest input (and names it `name`, if given).
/// That input's result is read or calculated before the write, which is
/// based on the revision read: should another save come between, nothing
/// is written and the latest is read again. A rename based on the revisions
/// `expected` (the caller's `If-Match`; none when empty) is written only
/// while one of them is the latest: once another is, it is refused.
async fn rename(
    service: &Service,
    id: &str,
    token: &str,
    name: Option<&str>,
    expected: &[i64],
) -> Result<ScenarioDocument, ServiceError> {
    let deadline = Instant::now() + RENAME_PATIENCE;
    for round in 1u64.. {
        let latest = store::latest(&service.db, id).await?;
        let latest = latest.ok_or_else(|| ServiceError::scenario_not_found(id))?;
        if !expected.is_empty() && !expected.contains(&latest.revision) {
            // The token is checked first, so the refusal tells a stranger nothing.
            store::check_token(&service.db, id, token).await?;
            return Err(ServiceError::RevisionMoved);
        }
        let scenario = stored_scenario(&latest.id, &latest.input_json)?;
        let result = result_of(service, &latest, &scenario).await?;
        let write = RevisionWrite {
            name,
            input_json: None,
            model_version: MODEL_VERSION,
            based_on: &[latest.revision],
        };
        if let Some(doc) = append(service, id, token, &write, &scenario, result).await? {
            return Ok(doc);
        }
        // Read again: with `expected`, the save that came first may have left
        // another of its revisions latest (checked at the top).
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
mod tests;
