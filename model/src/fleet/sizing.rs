//! Sizing: what one node (or Fargate pod) of a pool adds to a cluster, and how the
//! pool's count grows; summed per group into the few quantities the money formulas
//! read. Prices that a Monte Carlo may vary (Spot shares, the Spot discount, Fargate
//! and EBS prices, the Auto Mode fee) stay outside these sums, so a sample re-prices
//! them without re-sizing.

use super::counts::Factors;
use super::memo::WeightedSums;
use super::sums::whole_sum;
use super::{Added, GroupPlan, Month, PerCluster, PoolPlan};
use crate::capacity::{NodeCapacity, NodeCurve, Sizing, SizingParams, eks_max_pods};
use crate::output::OptionName;
use crate::resolved::Compute;

/// What sizing reads beyond the pools.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SizingOptions {
    pub option: OptionName,
    pub prefix_delegation: bool,
    pub self_max_pods: u32,
    pub auto_mode: bool,
    /// Multiplies every pool's headroom (sensitivity).
    pub headroom_scale: f64,
}

impl SizingOptions {
    pub(crate) fn new(option: OptionName, params: &crate::params::Params) -> Self {
        Self {
            option,
            prefix_delegation: params.prefix_delegation,
            self_max_pods: params.self_max_pods,
            auto_mode: params.auto_mode,
            headroom_scale: params.headroom_scale,
        }
    }
}

/// One pool's pod limit under an option.
pub(crate) fn max_pods(pool: &super::PoolPlan, options: &SizingOptions) -> u32 {
    match options.option {
        OptionName::Eks => eks_max_pods(&pool.machine, options.prefix_delegation),
        OptionName::SelfHosted => options.self_max_pods,
    }
}

/// A pool under one option: how its count grows, and what one node (or Fargate
/// pod) adds to a cluster's quantities.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PoolTerms {
    /// Nodes per cluster as the demand grows; on EKS a Fargate pool's billed pods,
    /// `ceil*(pods·g_k)` (Fargate bills pod requests, with no headroom).
    pub curve: NodeCurve,
    /// What one node or pod adds.
    pub each: PerCluster,
    /// What one node offers pods (`None` for Fargate on EKS): kept so that another
    /// headroom re-sizes the pool without looking at its machine again.
    capacity: Option<NodeCapacity>,
}

impl PoolTerms {
    pub(crate) fn new(pool: &PoolPlan, options: &SizingOptions) -> Self {
        let eks = options.option == OptionName::Eks;
        let d = pool.discount;
        if eks && pool.compute == Compute::Fargate {
            let pods = match pool.sizing.sizing {
                Sizing::Workload { pods, .. } => pods,
                Sizing::Explicit(_) => 0.0,
            };
            let (vcpu, gib) = pool.fargate_size;
            let each = PerCluster {
                fargate_vcpu: vcpu * (1.0 - d),
                fargate_gib: gib * (1.0 - d),
                ..PerCluster::default()
            };
            return Self {
                curve: NodeCurve::fargate(pods),
                each,
                capacity: None,
            };
        }
        let capacity = NodeCapacity::new(&pool.machine, max_pods(pool, options));
        let price = if eks {
            pool.machine.hourly_usd
        } else {
            pool.self_hourly
        };
        let mut each = PerCluster {
            nodes: 1.0,
            upgraded: if eks && options.auto_mode { 0.0 } else { 1.0 },
            volume_gib: pool.volume_gib,
            list_usd: if eks { pool.machine.hourly_usd } else { 0.0 },
            ..PerCluster::default()
        };
        match pool.spot_share {
            Some(s) => {
                each.a = price * ((1.0 - s) * (1.0 - d) + s);
                each.b = price * s;
            }
            None => {
                each.a = price * (1.0 - d);
                each.q2 = price * d;
                each.q3 = price;
            }
        }
        Self {
            curve: curve(pool, &capacity, options.headroom_scale),
            each,
            capacity: Some(capacity),
        }
    }

    /// The pool's curve with every headroom scaled by `scale` instead (the
    /// sensitivity of the headroom): nothing else changes.
    pub(crate) fn rescaled(&self, pool: &PoolPlan, scale: f64) -> NodeCurve {
        match &self.capacity {
            Some(capacity) => curve(pool, capacity, scale),
            None => self.curve,
        }
    }

    /// What the pool adds to one cluster with its demand grown by `factor`.
    pub(crate) fn per_cluster(&self, factor: f64) -> PerCluster {
        let mut out = PerCluster::default();
        out.add(&self.each, self.curve.at(factor));
        out
    }
}

/// The pool's node curve with its headroom scaled by `scale`.
fn curve(pool: &PoolPlan, capacity: &NodeCapacity, scale: f64) -> NodeCurve {
    let sizing = SizingParams {
        headroom_pct: pool.sizing.headroom_pct * scale,
        ..pool.sizing
    };
    NodeCurve::new(&sizing, capacity)
}

/// What one pool adds to one cluster with its demand grown by `factor`.
pub(crate) fn pool_per_cluster(
    pool: &PoolPlan,
    options: &SizingOptions,
    factor: f64,
) -> PerCluster {
    PoolTerms::new(pool, options).per_cluster(factor)
}

/// Both options' fleet summed over the horizon with `initial[g]` clusters in group
/// `g` at month 0, each pool's curve and what one node adds under both options
/// given by `terms(i, pool)` (`i` counts the pools group by group): what a horizon
/// total needs, without keeping every month.
pub(crate) fn size_horizon<'a>(
    groups: &[GroupPlan],
    factors: &Factors,
    added: &Added,
    initial: &[f64],
    mut terms: impl FnMut(usize, &PoolPlan) -> [(NodeCurve, &'a PerCluster); 2],
) -> [Month; 2] {
    let zero = Month {
        months: factors.len() as f64,
        clusters: 0.0,
        fleet: PerCluster::default(),
    };
    let mut totals = [zero; 2];
    let mut clusters = vec![0.0; factors.len()];
    let pools = groups.iter().map(|g| g.pools.len()).sum::<usize>();
    let mut sums = WeightedSums::new(groups.len(), 2 * pools);
    let mut i = 0;
    for (g, (group, &start)) in groups.iter().zip(initial).enumerate() {
        added.clusters(g, start, &mut clusters);
        let sum = whole_sum(&clusters);
        let growth = (start, group.added_per_year);
        for pool in &group.pools {
            let [(eks, eks_each), (own, own_each)] = terms(i, pool);
            i += 1;
            let eks_sum = sums.get(&eks, factors, growth, &clusters);
            // The pod limit moves only memory- or pod-bound pools.
            let own_sum = match own == eks {
                true => eks_sum,
                false => sums.get(&own, factors, growth, &clusters),
            };
            totals[0].fleet.add(eks_each, eks_sum);
            totals[1].fleet.add(own_each, own_sum);
        }
        for total in &mut totals {
            total.clusters += sum;
        }
    }
    totals
}
