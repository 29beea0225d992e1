//! The validated scenario: the only thing the model computes on.

use crate::resolved::{CustomInstance, ResolvedInput};

/// A scenario that passed validation: every range, rule and catalog lookup holds.
/// Build it with `Scenario::try_from(ScenarioInput)` (or from a [`ResolvedInput`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    input: ResolvedInput,
    worker: CustomInstance,
    control_plane_hourly_usd: f64,
}

impl Scenario {
    pub(crate) fn new(input: ResolvedInput, worker: CustomInstance, cp_hourly: f64) -> Self {
        Self {
            input,
            worker,
            control_plane_hourly_usd: cp_hourly,
        }
    }

    /// The same scenario with changed numbers (a Monte Carlo sample): the worker
    /// machine follows a custom machine's numbers and the control-plane price its
    /// override. The caller keeps every number inside its validated range.
    pub(crate) fn with_input(&self, input: ResolvedInput) -> Self {
        let worker = input
            .workers
            .custom
            .clone()
            .unwrap_or_else(|| self.worker.clone());
        let cp_hourly = input
            .self_hosted
            .control_plane_hourly_usd
            .unwrap_or(self.control_plane_hourly_usd);
        Self::new(input, worker, cp_hourly)
    }

    /// The input with every default filled in (the result's `inputs`).
    pub fn input(&self) -> &ResolvedInput {
        &self.input
    }

    /// The worker machine: the catalog type's figures, or the custom machine.
    pub fn worker(&self) -> &CustomInstance {
        &self.worker
    }

    /// Price per self-hosted control-plane node-hour: the override, else the catalog's.
    pub fn control_plane_hourly_usd(&self) -> f64 {
        self.control_plane_hourly_usd
    }

    /// The Provisioned Control Plane adder per cluster-hour of the scenario's tier.
    pub fn control_plane_tier_hourly_usd(&self) -> f64 {
        // Validation accepted the tier, so the catalog has it.
        crate::catalog::catalog()
            .tier(&self.input.eks.control_plane_tier)
            .map_or(0.0, |tier| tier.hourly_usd)
    }

    /// Price per self-hosted worker node-hour: the override, else the worker's.
    pub fn self_hosted_worker_hourly_usd(&self) -> f64 {
        self.input
            .self_hosted
            .worker_hourly_usd
            .unwrap_or(self.worker.hourly_usd)
    }
}
