//! Many calculations in one request, for finance tooling: each scenario is
//! parsed and validated on its own (a bad one is an error beside the good
//! ones), and the Monte Carlo samples of the whole batch are capped, so one
//! request cannot take the server's CPU.

use clusterplan_model::{CalculationResult, Checked, FieldError, parse_input};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use utoipa::ToSchema;

use crate::calculation::validate;
use crate::compute::compute;
use crate::{Service, ServiceError};

/// The most scenarios in one batch.
pub const MAX_BATCH_SCENARIOS: usize = 100;

/// The most simulated futures in one batch, summed over its scenarios (five
/// scenarios at the largest sample count).
pub const MAX_BATCH_SAMPLES: u64 = 100_000;

/// `POST /api/v1/calculate/batch`'s body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct BatchRequest {
    /// 1 to 100 scenarios, each a JSON object checked on its own as `POST
    /// /calculate` checks its body (see `ScenarioInput`): one that breaks a rule
    /// is an `error` item beside the others' results, not a refusal of the batch.
    // Typed as bare objects, not `ScenarioInput`: the document must not promise
    // that a request with an invalid scenario is refused whole. Anything but an
    // object is refused whole (422), as the document says.
    #[schema(value_type = Vec<Object>, min_items = 1, max_items = 100)]
    pub scenarios: Vec<BatchScenario>,
}

// Objects only, as the document says (serde's derive also reads an array).
clusterplan_model::deserialize_objects_only!(BatchRequest);

/// The batch's own rule is its count, checked before any work; each scenario's
/// are checked on its own, an `error` item rather than a refusal.
impl Checked for BatchRequest {
    fn violations(&self) -> Vec<FieldError> {
        let count = self.scenarios.len();
        match (1..=MAX_BATCH_SCENARIOS).contains(&count) {
            true => Vec::new(),
            false => vec![FieldError::new(
                "scenarios",
                format!("must hold 1 to {MAX_BATCH_SCENARIOS} scenarios, not {count}"),
            )],
        }
    }
}

/// One scenario of a batch, its JSON as sent, read later by [`parse_input`]
/// exactly as a `POST /calculate` body is. Read into a JSON map first, a member
/// given twice kept its last value without a word.
#[derive(Debug)]
pub struct BatchScenario(Box<RawValue>);

impl<'de> Deserialize<'de> for BatchScenario {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        match raw.get().trim_start().starts_with('{') {
            true => Ok(Self(raw)),
            false => Err(D::Error::custom(
                "must be a JSON object: a scenario's inputs",
            )),
        }
    }
}

/// See [`Service::calculate_batch`].
pub(crate) async fn calculate_batch(
    service: &Service,
    batch: BatchRequest,
) -> Result<Vec<Result<CalculationResult, ServiceError>>, ServiceError> {
    let refused = batch.violations();
    if !refused.is_empty() {
        return Err(ServiceError::Invalid(refused));
    }
    let scenarios: Vec<_> = batch
        .scenarios
        .iter()
        .map(|BatchScenario(item)| {
            let input = parse_input(item.get().as_bytes()).map_err(|error| match error {
                clusterplan_model::InputError::Invalid(errors) => ServiceError::Invalid(errors),
                malformed => ServiceError::invalid("", malformed.to_string()),
            })?;
            validate(input, "")
        })
        .collect();
    let samples: u64 = scenarios
        .iter()
        .flatten()
        .filter_map(|s| s.input().uncertainty.as_ref())
        .map(|u| u64::from(u.samples))
        .sum();
    if samples > MAX_BATCH_SAMPLES {
        return Err(ServiceError::Invalid(vec![FieldError::new(
            "scenarios",
            format!(
                "ask for {samples} simulated futures in all; one batch may ask for at most {MAX_BATCH_SAMPLES}"
            ),
        )]));
    }
    let mut results = Vec::with_capacity(batch.scenarios.len());
    for scenario in scenarios {
        results.push(match scenario {
            Ok(scenario) => Ok(compute(service, scenario).await?),
            Err(invalid) => Err(invalid),
        });
    }
    Ok(results)
}
