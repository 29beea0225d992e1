//! The validated scenario: the only thing the model computes on.

use crate::fleet::{GroupPlan, plan};
use crate::resolved::ResolvedInput;

/// A scenario that passed validation: every range, rule and catalog lookup holds.
/// Build it with `Scenario::try_from(ScenarioInput)` (or from a [`ResolvedInput`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    input: ResolvedInput,
    groups: Vec<GroupPlan>,
    control_plane_hourly_usd: f64,
}

impl Scenario {
    pub(crate) fn new(input: ResolvedInput, groups: Vec<GroupPlan>, cp_hourly: f64) -> Self {
        Self {
            input,
            groups,
            control_plane_hourly_usd: cp_hourly,
        }
    }

    /// The same scenario with changed numbers (a Monte Carlo sample): the pools follow
    /// a custom machine's numbers and the control-plane price its override. The
    /// caller keeps every number inside its validated range.
    pub(crate) fn with_input(&self, input: ResolvedInput) -> Self {
        let groups = plan(&input.groups()).unwrap_or_else(|| self.groups.clone());
        let cp_hourly = input
            .self_hosted
            .control_plane_hourly_usd
            .unwrap_or(self.control_plane_hourly_usd);
        Self::new(input, groups, cp_hourly)
    }

    /// The input with every default filled in (the result's `inputs`).
    pub fn input(&self) -> &ResolvedInput {
        &self.input
    }

    /// The fleet's groups with their pools' machines.
    pub(crate) fn groups(&self) -> &[GroupPlan] {
        &self.groups
    }

    /// Price per self-hosted control-plane node-hour: the override, else the catalog's.
    pub fn control_plane_hourly_usd(&self) -> f64 {
        self.control_plane_hourly_usd
    }

    /// Price per self-hosted worker node-hour of a scenario without a fleet: the
    /// override, else the worker's price. With a fleet each pool has its own.
    pub fn self_hosted_worker_hourly_usd(&self) -> f64 {
        self.groups
            .first()
            .and_then(|g| g.pools.first())
            .map_or(0.0, |p| p.self_hourly)
    }
}
