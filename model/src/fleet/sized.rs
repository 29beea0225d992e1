//! The fleet sized under both options, and its months for given cluster counts:
//! sizing is the expensive step, so break-even and most sensitivities re-use it.

use super::counts::Factors;
use super::memo::Counts;
use super::size_horizon;
use super::{Added, GroupPlan, Month, OptionSized, PoolPlan, PoolTerms, SizingOptions};
use crate::output::OptionName;
use crate::params::Params;

/// Per-cluster quantities of every group in every month, under both options.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SizedFleet {
    /// The months' growth factors `g_k`.
    factors: Factors,
    added: Added,
    pub eks: OptionSized,
    pub self_hosted: OptionSized,
}

impl SizedFleet {
    pub(crate) fn new(groups: &[GroupPlan], params: &Params) -> Self {
        let factors = Factors::new(params.growth, params.horizon_months);
        let months = factors.len();
        let options =
            [OptionName::Eks, OptionName::SelfHosted].map(|o| SizingOptions::new(o, params));
        let pools = groups.iter().map(|g| g.pools.len()).sum();
        let sized = || OptionSized::new(months, groups.len(), pools);
        let (mut eks, mut self_hosted) = (sized(), sized());
        let (mut eks_terms, mut self_terms) = (Vec::new(), Vec::new());
        let (mut eks_at, mut self_at) = (Vec::new(), Vec::new());
        // A pool's months depend on its curve only: each distinct curve is counted
        // once (pools of one shape in several groups, or alike under both options).
        let mut counts = Counts::new(months, groups.len(), 2 * pools);
        for group in groups {
            eks_terms.clear();
            self_terms.clear();
            eks_at.clear();
            self_at.clear();
            for pool in &group.pools {
                let [e, s] = options.map(|o| PoolTerms::new(pool, &o));
                let at = counts.at(&e.curve, &factors);
                eks_at.push(at);
                // The pod limit moves only memory- or pod-bound pools.
                self_at.push(match s.curve == e.curve {
                    true => at,
                    false => counts.at(&s.curve, &factors),
                });
                eks_terms.push(e);
                self_terms.push(s);
            }
            eks.push_group(&eks_terms, |p| counts.months(eks_at[p]));
            self_hosted.push_group(&self_terms, |p| counts.months(self_at[p]));
        }
        eks.finish();
        self_hosted.finish();
        Self {
            added: Added::new(groups, months),
            factors,
            eks,
            self_hosted,
        }
    }

    /// The horizon sums with every pool's headroom scaled by `params`' (same growth
    /// and horizon), without keeping every month: what a sensitivity of the
    /// headroom needs.
    pub(crate) fn horizon_resized(
        &self,
        groups: &[GroupPlan],
        params: &Params,
        initial: &[f64],
    ) -> Horizon {
        let scale = params.headroom_scale;
        let rescaled = |i: usize, pool: &PoolPlan| {
            let (eks, own) = (&self.eks.terms[i], &self.self_hosted.terms[i]);
            [
                (eks.rescaled(pool, scale), &eks.each),
                (own.rescaled(pool, scale), &own.each),
            ]
        };
        let [eks, self_hosted] =
            size_horizon(groups, &self.factors, &self.added, initial, rescaled);
        Horizon { eks, self_hosted }
    }

    /// The fleet month by month with `initial[g]` clusters in group `g` at month 0.
    pub(crate) fn months(&self, initial: &[f64]) -> FleetMonths {
        let clusters = self.added.all_clusters(initial);
        let (eks, self_hosted) = (
            self.eks.series(&clusters),
            self.self_hosted.series(&clusters),
        );
        FleetMonths {
            horizon: Horizon {
                eks: eks.horizon(),
                self_hosted: self_hosted.horizon(),
            },
            eks: eks.to_months(),
            self_hosted: self_hosted.to_months(),
        }
    }

    /// The horizon sums with `initial[g]` clusters in group `g` at month 0: the
    /// same as [`SizedFleet::months`]' `horizon`, without the months.
    pub(crate) fn horizon(&self, initial: &[f64]) -> Horizon {
        let clusters = self.added.all_clusters(initial);
        Horizon {
            eks: self.eks.horizon(&clusters),
            self_hosted: self.self_hosted.horizon(&clusters),
        }
    }

    /// One option's sizing.
    pub(crate) fn option(&self, option: OptionName) -> &OptionSized {
        match option {
            OptionName::Eks => &self.eks,
            OptionName::SelfHosted => &self.self_hosted,
        }
    }

    /// Worker nodes per cluster of the first group in every month (empty when it
    /// has none).
    pub(crate) fn first_group_nodes(&self, option: OptionName) -> &[f64] {
        self.option(option).first_group_nodes()
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
    /// The scenario's fleet sized and summed at once (a Monte Carlo sample that
    /// changes sizing needs its horizon totals only).
    pub(crate) fn sized(groups: &[GroupPlan], params: &Params) -> Self {
        let factors = Factors::new(params.growth, params.horizon_months);
        let added = Added::new(groups, factors.len());
        let options =
            [OptionName::Eks, OptionName::SelfHosted].map(|o| SizingOptions::new(o, params));
        let pools = groups.iter().flat_map(|g| &g.pools);
        let terms: Vec<_> = pools
            .map(|p| options.map(|o| PoolTerms::new(p, &o)))
            .collect();
        let each = |i: usize, _: &PoolPlan| terms[i].each_ref().map(|t| (t.curve, &t.each));
        let initial = initial_clusters(groups);
        let [eks, self_hosted] = size_horizon(groups, &factors, &added, &initial, each);
        Self { eks, self_hosted }
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
