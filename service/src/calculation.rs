//! Calculation without storage: `POST /api/v1/calculate`, `clusterplan calculate`
//! and the planner's live results all come through here.

use clusterplan_model::{CalculationResult, Scenario, ScenarioInput};

use crate::compute::compute;
use crate::{Service, ServiceError};

/// Validates `input` and calculates it on this thread (the command line). Field
/// paths are those of `ScenarioInput`.
pub fn calculate(input: ScenarioInput) -> Result<CalculationResult, ServiceError> {
    let scenario = validate(input, "")?;
    Ok(clusterplan_model::calculate(&scenario))
}

/// Validates `input`, prefixing every field path with `prefix` (`"input"` when the
/// scenario sits inside a `{name, input}` body).
pub(crate) fn validate(input: ScenarioInput, prefix: &str) -> Result<Scenario, ServiceError> {
    Scenario::try_from(input).map_err(|errors| {
        let mut errors = errors.0;
        if !prefix.is_empty() {
            for error in &mut errors {
                error.field = if error.field.is_empty() {
                    prefix.to_owned()
                } else {
                    format!("{prefix}.{}", error.field)
                };
            }
        }
        ServiceError::Invalid(errors)
    })
}

/// See [`Service::calculate`].
pub(crate) async fn calculate_off_thread(
    service: &Service,
    input: ScenarioInput,
) -> Result<CalculationResult, ServiceError> {
    compute(service, validate(input, "")?).await
}
