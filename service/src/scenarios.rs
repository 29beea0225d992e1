//! Saved scenarios: create, read, fork and delete (revising is `revisions`).
//! A write's result is calculated before it is stored, so a refusal (busy,
//! full, invalid) means nothing was written, and a write that is stored has
//! nothing left that can fail.

use std::sync::Arc;

use clusterplan_model::{CalculationResult, MODEL_VERSION, ResolvedInput, Scenario, ScenarioInput};

use crate::calculation::validate;
use crate::compute::compute;
use crate::error::is_unique_violation;
use crate::names::{MAX_NAME_CHARS, ScenarioName};
use crate::result_cache::ResultKey;
use crate::store::{self, RevisionWrite, StoredRevision};
use crate::{CreatedScenario, NewScenario, ScenarioDocument, Service, ServiceError, secrets};

/// See [`Service::create`].
pub(crate) async fn create(
    service: &Service,
    new: NewScenario,
) -> Result<CreatedScenario, ServiceError> {
    let (name, scenario) = validate_both(new.name, new.input, "input")?;
    // Calculated before anything is stored: a busy server (503) refuses the
    // save whole. Whatever fails, nothing was written; once written, nothing
    // is left that can fail.
    let result = compute(service, scenario.clone()).await?;
    insert_new(service, &name, &scenario, result).await
}

/// Stores a validated scenario whose result is already calculated.
async fn insert_new(
    service: &Service,
    name: &ScenarioName,
    scenario: &Scenario,
    result: CalculationResult,
) -> Result<CreatedScenario, ServiceError> {
    let input_json = to_json(scenario.input());
    let write = RevisionWrite {
        name: Some(name.as_str()),
        input_json: Some(&input_json),
        model_version: MODEL_VERSION,
        based_on: &[],
    };
    let edit_token = secrets::new_edit_token();
    let hash = secrets::hash_token(&edit_token);
    // 128 random bits do not collide in practice; should they, a fresh id does.
    let mut attempts = 0;
    let id = loop {
        let id = secrets::new_id();
        match store::insert(&service.db, &id, &hash, &write).await {
            Ok(_) => break id,
            Err(ServiceError::Database(e)) if is_unique_violation(&e) && attempts < 3 => {
                attempts += 1;
            }
            Err(e) => return Err(e),
        }
    };
    // Its page, opened next, then needs no calculation (and no free slot).
    let cached = Arc::new(result.clone());
    service.results.insert(ResultKey::new(&id, 1), cached);
    Ok(CreatedScenario {
        url: service.share_url(&id),
        id,
        edit_token,
        revision: 1,
        result,
    })
}

/// See [`Service::get`].
pub(crate) async fn get(service: &Service, id: &str) -> Result<ScenarioDocument, ServiceError> {
    let stored = if secrets::looks_like_id(id) {
        store::latest(&service.db, id).await?
    } else {
        None
    };
    document(
        service,
        stored.ok_or_else(|| ServiceError::scenario_not_found(id))?,
    )
    .await
}

/// See [`Service::revision_number`].
pub(crate) async fn revision_number(
    service: &Service,
    id: &str,
    n: Option<i64>,
) -> Result<i64, ServiceError> {
    let found = match secrets::looks_like_id(id) {
        true => store::revision_number(&service.db, id, n).await?,
        false => None,
    };
    // Named as `revision` names it, so a tag lookup and a read agree.
    found.ok_or_else(|| match n {
        Some(n) => ServiceError::revision_not_found(&n.to_string(), id),
        None => ServiceError::scenario_not_found(id),
    })
}

/// See [`Service::revision`].
pub(crate) async fn revision(
    service: &Service,
    id: &str,
    n: i64,
) -> Result<ScenarioDocument, ServiceError> {
    let stored = if secrets::looks_like_id(id) && n >= 1 {
        store::revision(&service.db, id, n).await?
    } else {
        None
    };
    let stored = stored.ok_or_else(|| ServiceError::revision_not_found(&n.to_string(), id))?;
    document(service, stored).await
}

/// See [`Service::fork`].
pub(crate) async fn fork(service: &Service, id: &str) -> Result<CreatedScenario, ServiceError> {
    let original = get(service, id).await?;
    let name = format!("{} (fork)", original.name)
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    // A resolved input is a complete `ScenarioInput` (every default filled in,
    // same JSON shape); the model offers no direct conversion, so go via JSON.
    let input: ScenarioInput = serde_json::to_value(&original.input)
        .and_then(serde_json::from_value)
        .map_err(|e| ServiceError::StoredInputInvalid {
            id: original.id.clone(),
            reason: e.to_string(),
        })?;
    let (name, scenario) = validate_both(name, input, "input")?;
    // The same input has the same result (a Monte Carlo is seeded): the
    // original's, calculated by `get` before anything is stored.
    insert_new(service, &name, &scenario, original.result).await
}

/// See [`Service::delete`].
pub(crate) async fn delete(
    service: &Service,
    id: &str,
    token: Option<&str>,
    expected: &[i64],
) -> Result<(), ServiceError> {
    let token = token.ok_or(ServiceError::MissingToken)?;
    if !secrets::looks_like_id(id) {
        return Err(ServiceError::scenario_not_found(id));
    }
    store::delete(&service.db, id, token, expected).await
}

/// Validates a name and an input, reporting the problems of both at once.
fn validate_both(
    name: String,
    input: clusterplan_model::ScenarioInput,
    prefix: &str,
) -> Result<(ScenarioName, Scenario), ServiceError> {
    merge_errors(ScenarioName::try_from(name), validate(input, prefix))
}

/// Both values, or every field error of both.
pub(crate) fn merge_errors<A, B>(
    a: Result<A, ServiceError>,
    b: Result<B, ServiceError>,
) -> Result<(A, B), ServiceError> {
    match (a, b) {
        (Ok(name), Ok(scenario)) => Ok((name, scenario)),
        (Err(ServiceError::Invalid(mut a)), Err(ServiceError::Invalid(b))) => {
            a.extend(b);
            Err(ServiceError::Invalid(a))
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// A stored revision's input, validated again. It is read as a client's input, not
/// as a resolved one: a revision saved by an older model lacks the newer fields,
/// and those take their defaults (which give the older model's figures).
pub(crate) fn stored_scenario(id: &str, input_json: &str) -> Result<Scenario, ServiceError> {
    let invalid = |reason: String| ServiceError::StoredInputInvalid {
        id: id.to_owned(),
        reason,
    };
    let input = clusterplan_model::parse_input(input_json.as_bytes())
        .map_err(|e| invalid(e.to_string()))?;
    Scenario::try_from(input).map_err(|errors| invalid(errors.to_string()))
}

/// A stored revision with its result, calculated again.
async fn document(
    service: &Service,
    stored: StoredRevision,
) -> Result<ScenarioDocument, ServiceError> {
    let scenario = stored_scenario(&stored.id, &stored.input_json)?;
    let result = result_of(service, &stored, &scenario).await?;
    Ok(document_of(stored, &scenario, &result))
}

/// The result of a stored revision whose input is `scenario`: a revision
/// never changes, so it is calculated once (see `result_cache`).
pub(crate) async fn result_of(
    service: &Service,
    stored: &StoredRevision,
    scenario: &Scenario,
) -> Result<Arc<CalculationResult>, ServiceError> {
    let key = ResultKey::new(&stored.id, stored.revision);
    if let Some(result) = service.results.get(&key) {
        return Ok(result);
    }
    let result = Arc::new(compute(service, scenario.clone()).await?);
    service.results.insert(key, Arc::clone(&result));
    Ok(result)
}

/// The document of `stored`, whose input is `scenario`, with its `result`.
pub(crate) fn document_of(
    stored: StoredRevision,
    scenario: &Scenario,
    result: &CalculationResult,
) -> ScenarioDocument {
    ScenarioDocument {
        result: result.clone(),
        input: scenario.input().clone(),
        id: stored.id,
        name: stored.name,
        revision: stored.revision,
        created_at: stored.created_at,
        updated_at: stored.updated_at,
    }
}

pub(crate) fn to_json(input: &ResolvedInput) -> String {
    serde_json::to_string(input).expect("a resolved input always serializes")
}
