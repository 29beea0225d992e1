//! The fleet sized under both options, and its months for given cluster counts:
//! sizing is the expensive step, so break-even and most sensitivities re-use it.

use super::{GroupPlan, Month, PerCluster, SizingOptions, months, size_fleet};
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

    /// The fleet again for changed sizing (same growth and horizon).
    pub(crate) fn resized(&self, groups: &[GroupPlan], params: &Params) -> Self {
        Self::sized(groups, params, self.factors.clone())
    }

    fn sized(groups: &[GroupPlan], params: &Params, factors: Vec<f64>) -> Self {
        let size = |option| size_fleet(groups, &factors, &SizingOptions::new(option, params));
        Self {
            eks: size(OptionName::Eks),
            self_hosted: size(OptionName::SelfHosted),
            factors,
        }
    }

    /// The fleet month by month with `initial[g]` clusters in group `g` at month 0.
    pub(crate) fn months(&self, groups: &[GroupPlan], initial: &[f64]) -> FleetMonths {
        FleetMonths {
            eks: months(groups, initial, &self.eks),
            self_hosted: months(groups, initial, &self.self_hosted),
        }
    }

    /// One option's per-cluster quantities.
    pub(crate) fn option(&self, option: OptionName) -> &[Vec<PerCluster>] {
        match option {
            OptionName::Eks => &self.eks,
            OptionName::SelfHosted => &self.self_hosted,
        }
    }
}

/// Both options' fleet, month by month.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FleetMonths {
    pub eks: Vec<Month>,
    pub self_hosted: Vec<Month>,
}

impl FleetMonths {
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
