//! Calculation without storage: `POST /api/v1/calculate`, `clusterplan calculate`
//! and the planner's live results all come through here.

use bytes::Bytes;
use clusterplan_model::{CalculationResult, Scenario, ScenarioInput, parse_input, prefixed};

use crate::compute::compute;
use crate::json_out::write_json;
use crate::{Service, ServiceError};

/// Bytes set aside for a calculation's JSON answer (the default scenario's is 7 KB).
const ANSWER_CAPACITY: usize = 8 * 1024;

/// Reads, validates and calculates a JSON document on this thread (the command
/// line), with the same refusals as [`Service::calculate_document`].
pub fn calculate(document: &[u8]) -> Result<CalculationResult, ServiceError> {
    let scenario = validate(parse_input(document)?, "")?;
    Ok(clusterplan_model::calculate(&scenario))
}

/// Validates `input` (its rows' names trimmed), prefixing every field path with `prefix` (`"input"` when the
/// scenario sits inside a `{name, input}` body).
pub(crate) fn validate(mut input: ScenarioInput, prefix: &str) -> Result<Scenario, ServiceError> {
    clusterplan_model::trim_row_names(&mut input);
    Scenario::try_from(input).map_err(|errors| ServiceError::Invalid(prefixed(prefix, errors.0)))
}

/// See [`Service::calculate`].
pub(crate) async fn calculate_off_thread(
    service: &Service,
    input: ScenarioInput,
) -> Result<CalculationResult, ServiceError> {
    compute(service, validate(input, "")?).await
}

/// See [`Service::calculate_document`].
pub(crate) async fn calculate_document(
    service: &Service,
    document: &[u8],
) -> Result<Bytes, ServiceError> {
    if let Some(answer) = service.answers.get(document) {
        return Ok(answer);
    }
    let result = calculate_off_thread(service, parse_input(document)?).await?;
    // Room for the default answer (7 KB) from the start: serde_json's own
    // 128 bytes grew and were copied six times. Boxed: no spare capacity is kept
    // beside the answer.
    let mut json = Vec::with_capacity(ANSWER_CAPACITY);
    write_json(&mut json, &result);
    let answer = Bytes::from(json.into_boxed_slice());
    service.answers.insert(document, answer.clone());
    Ok(answer)
}
