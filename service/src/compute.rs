//! Calculations off the async runtime. A scenario with a Monte Carlo takes up to a
//! few hundred milliseconds of CPU, so it runs on tokio's blocking pool, at most
//! one per core at once: a heavy request never stalls the others, and a flood of
//! them waits (then is told to come back) instead of queueing without end.

use std::sync::Arc;
use std::time::Duration;

use clusterplan_model::{CalculationResult, Scenario, calculate};
use tokio::sync::Semaphore;

use crate::{Service, ServiceError};

/// How long a simulation waits for a free slot before the caller is told
/// "busy", in milliseconds, unless configured otherwise.
pub const SIMULATION_WAIT_MS: u64 = 10_000;
const WAIT: Duration = Duration::from_millis(SIMULATION_WAIT_MS);
/// What a busy answer asks the caller to wait, in seconds.
const RETRY_AFTER_SECS: u64 = 2;

/// The slots simulations run in.
#[derive(Clone, Debug)]
pub(crate) struct Simulations {
    pub(crate) slots: Arc<Semaphore>,
    wait: Duration,
}

impl Simulations {
    /// One slot per core (at least one), each waited for up to [`WAIT`].
    pub(crate) fn per_core() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Self::new(cores, WAIT)
    }

    pub(crate) fn new(slots: usize, wait: Duration) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            wait,
        }
    }
}

/// See [`Service::with_simulation_limit`].
pub(crate) fn with_simulation_limit(mut service: Service, slots: usize, wait: Duration) -> Service {
    service.simulations = Simulations::new(slots, wait);
    service
}

/// See [`Service::compute`].
pub(crate) async fn compute(
    service: &Service,
    scenario: Scenario,
) -> Result<CalculationResult, ServiceError> {
    if scenario.input().uncertainty.is_none() {
        return Ok(calculate(&scenario));
    }
    let busy = || ServiceError::Busy {
        retry_after_secs: RETRY_AFTER_SECS,
    };
    let slots = Arc::clone(&service.simulations.slots);
    let permit = tokio::time::timeout(service.simulations.wait, slots.acquire_owned())
        .await
        .map_err(|_| busy())?
        .map_err(|_| busy())?;
    let work = tokio::task::spawn_blocking(move || {
        let _slot = permit;
        calculate(&scenario)
    });
    match work.await {
        Ok(result) => Ok(result),
        // A panic in the model is a bug: let it reach the panic layer (a 500).
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_simulation_waits_for_a_slot_then_is_told_busy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let service = Service::for_tests(&dir)
            .await
            .with_simulation_limit(1, Duration::from_millis(50));
        let input = clusterplan_model::parse_input(
            br#"{"uncertainty": {"samples": 100, "ranges": [{"field": "team.annual_cost_usd", "low": 1e5, "high": 3e5}]}}"#,
        )
        .expect("parses");
        let scenario = Scenario::try_from(input).expect("valid");
        let held = Arc::clone(&service.simulations.slots)
            .acquire_owned()
            .await
            .expect("slot");
        let refused = service.compute(scenario.clone()).await;
        assert!(matches!(
            refused,
            Err(ServiceError::Busy {
                retry_after_secs: 2
            })
        ));
        drop(held);
        let result = service.compute(scenario).await.expect("a free slot");
        assert_eq!(result.uncertainty.map(|u| u.samples), Some(100));
    }
}
