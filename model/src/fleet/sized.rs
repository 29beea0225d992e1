//! The fleet sized under both options, and its months for given cluster counts:
//! sizing is the expensive step, so break-even and most sensitivities re-use it.

use super::{GroupPlan, Month, PerCluster, SizingOptions, months, size_fleet, size_horizon};
use crate::capacity::growth_factors;
use crate::output::OptionName;
use crate::params::Params;

/// Per-cluster quantities of every group in every month, under both options.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SizedFleet {
    /// The months' growth factors `g_k`.
    factors: Vec<f64>,
    pub eks: Vec<Vec<PerCluster>>,
    pub self_hosted: Vec<Vec<PerCluster>>,
}

impl SizedFleet {
    pub(crate) fn new(groups: &[GroupPlan], params: &Params) -> Self {
        Self::sized(
            groups,
            params,
            growth_factors(params.growth, params.horizon_months),
        )
    }

    fn sized(groups: &[GroupPlan], params: &Params, factors: Vec<f64>) -> Self {
        let size = |option| size_fleet(groups, &factors, &SizingOptions::new(option, params));
        Self {
            eks: size(OptionName::Eks),
            self_hosted: size(OptionName::SelfHosted),
            factors,
        }
    }

    /// The horizon sums for changed sizing (same growth and horizon), without
    /// keeping every month: what a sensitivity of the headroom needs.
    pub(crate) fn horizon_resized(
        &self,
        groups: &[GroupPlan],
        params: &Params,
        initial: &[f64],
    ) -> Horizon {
        Horizon::summed(groups, params, &self.factors, initial)
    }

    /// The fleet month by month with `initial[g]` clusters in group `g` at month 0.
    pub(crate) fn months(&self, groups: &[GroupPlan], initial: &[f64]) -> FleetMonths {
        FleetMonths::new(
            months(groups, initial, &self.eks),
            months(groups, initial, &self.self_hosted),
        )
    }

    /// One option's per-cluster quantities.
    pub(crate) fn option(&self, option: OptionName) -> &[Vec<PerCluster>] {
        match option {
            OptionName::Eks => &self.eks,
            OptionName::SelfHosted => &self.self_hosted,
        }
    }
}

/// Both options' months summed over the horizon: a horizon total is
/// `one_off + cost(sum)`, since every monthly amount is linear in a month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Horizon {
    pub eks: Month,
    pub self_hosted: Month,
}

impl Horizon {
    /// The fleet of `groups` sized and summed at once, with `initial` clusters at
    /// month 0 and the growth factors `factors`.
    fn summed(groups: &[GroupPlan], params: &Params, factors: &[f64], initial: &[f64]) -> Self {
        let sum = |option| {
            size_horizon(
                groups,
                factors,
                &SizingOptions::new(option, params),
                initial,
            )
        };
        Self {
            eks: sum(OptionName::Eks),
            self_hosted: sum(OptionName::SelfHosted),
        }
    }

    /// The scenario's fleet sized and summed at once (a Monte Carlo sample that
    /// changes sizing needs its horizon totals only).
    pub(crate) fn sized(groups: &[GroupPlan], params: &Params) -> Self {
        let factors = growth_factors(params.growth, params.horizon_months);
        Self::summed(groups, params, &factors, &initial_clusters(groups))
    }

    pub(crate) fn option(&self, option: OptionName) -> &Month {
        match option {
            OptionName::Eks => &self.eks,
            OptionName::SelfHosted => &self.self_hosted,
        }
    }
}

/// Both options' fleet, month by month, and summed over the horizon.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FleetMonths {
    pub eks: Vec<Month>,
    pub self_hosted: Vec<Month>,
    pub horizon: Horizon,
}

impl FleetMonths {
    fn new(eks: Vec<Month>, self_hosted: Vec<Month>) -> Self {
        Self {
            horizon: Horizon {
                eks: Month::sum(&eks),
                self_hosted: Month::sum(&self_hosted),
            },
            eks,
            self_hosted,
        }
    }

    pub(crate) fn option(&self, option: OptionName) -> &[Month] {
        match option {
            OptionName::Eks => &self.eks,
            OptionName::SelfHosted => &self.self_hosted,
        }
    }
}

/// Each group's clusters at month 0, as the input gives them.
pub(crate) fn initial_clusters(groups: &[GroupPlan]) -> Vec<f64> {
    groups.iter().map(|g| g.clusters).collect()
}
