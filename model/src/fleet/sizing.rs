//! Sizing: every pool's nodes (or Fargate pods) per cluster in every month, summed
//! per group into the few quantities the money formulas read. Prices that a Monte
//! Carlo may vary (Spot shares, the Spot discount, Fargate and EBS prices, the Auto
//! Mode fee) stay outside these sums, so a sample re-prices them without re-sizing.

use super::{GroupPlan, Month, PoolPlan, clusters_at};
use crate::capacity::{NodeCapacity, NodeCurve, Sizing, ceil_star, eks_max_pods};
use crate::output::OptionName;
use crate::resolved::Compute;

/// What one cluster of a group holds in one month, under one option.
///
/// The worker price per hour of the cluster is
/// `a + s_o·q2 − spot_discount·(b + s_o·q3)`, where `s_o` is the option's Spot share:
/// pools with their own Spot share `s` add `n·price·((1−s)(1−d)+s)` to `a` and
/// `n·price·s` to `b`; pools that take the option's add `n·price·(1−d)` to `a`,
/// `n·price·d` to `q2` and `n·price` to `q3`. Both give `n·price·f_p` of the spec.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct PerCluster {
    /// Worker nodes (a Fargate pool has none on EKS).
    pub nodes: f64,
    /// Nodes one version hop upgrades (none on EKS with Auto Mode).
    pub upgraded: f64,
    /// EBS GiB of the worker nodes' root volumes.
    pub volume_gib: f64,
    /// On-demand list price of the EC2 nodes per hour (the Auto Mode fee's base).
    pub list_usd: f64,
    pub a: f64,
    pub q2: f64,
    pub b: f64,
    pub q3: f64,
    /// Billed Fargate vCPUs, discount applied.
    pub fargate_vcpu: f64,
    /// Billed Fargate GiB, discount applied.
    pub fargate_gib: f64,
}

impl PerCluster {
    /// `self + other × times`.
    pub(crate) fn add(&mut self, other: &Self, times: f64) {
        self.nodes += other.nodes * times;
        self.upgraded += other.upgraded * times;
        self.volume_gib += other.volume_gib * times;
        self.list_usd += other.list_usd * times;
        self.a += other.a * times;
        self.q2 += other.q2 * times;
        self.b += other.b * times;
        self.q3 += other.q3 * times;
        self.fargate_vcpu += other.fargate_vcpu * times;
        self.fargate_gib += other.fargate_gib * times;
    }
}

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

/// How a pool's count grows: nodes, or (a Fargate pool on EKS) billed pods.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Count {
    Nodes(NodeCurve),
    /// `ceil*(pods·g_k)`: Fargate bills pod requests, with no headroom.
    FargatePods(f64),
}

impl Count {
    fn at(&self, factor: f64) -> f64 {
        match self {
            Self::Nodes(curve) => curve.at(factor),
            Self::FargatePods(pods) => ceil_star(pods * factor),
        }
    }
}

/// A pool under one option: how its count grows, and what one node (or Fargate
/// pod) adds to a cluster's quantities.
fn pool_terms(pool: &PoolPlan, options: &SizingOptions) -> (Count, PerCluster) {
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
        return (Count::FargatePods(pods), each);
    }
    let mut sizing = pool.sizing;
    sizing.headroom_pct *= options.headroom_scale;
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
    (Count::Nodes(NodeCurve::new(&sizing, &capacity)), each)
}

/// What one pool adds to one cluster with its demand grown by `factor`.
pub(crate) fn pool_per_cluster(
    pool: &PoolPlan,
    options: &SizingOptions,
    factor: f64,
) -> PerCluster {
    let (count, each) = pool_terms(pool, options);
    let mut out = PerCluster::default();
    out.add(&each, count.at(factor));
    out
}

/// Per-cluster quantities of every group (outer) in every month (inner).
pub(crate) fn size_fleet(
    groups: &[GroupPlan],
    factors: &[f64],
    options: &SizingOptions,
) -> Vec<Vec<PerCluster>> {
    groups
        .iter()
        .map(|group| {
            let mut months = vec![PerCluster::default(); factors.len()];
            for pool in &group.pools {
                let (count, each) = pool_terms(pool, options);
                for (month, &factor) in months.iter_mut().zip(factors) {
                    month.add(&each, count.at(factor));
                }
            }
            months
        })
        .collect()
}

/// The fleet summed over the horizon with `initial[g]` clusters in group `g` at
/// month 0: what a horizon total needs, without keeping every month.
pub(crate) fn size_horizon(
    groups: &[GroupPlan],
    factors: &[f64],
    options: &SizingOptions,
    initial: &[f64],
) -> Month {
    let mut total = Month {
        months: factors.len() as f64,
        clusters: 0.0,
        fleet: PerCluster::default(),
    };
    for (group, &start) in groups.iter().zip(initial) {
        let clusters: Vec<f64> = (0..factors.len())
            .map(|k| clusters_at(group, start, k))
            .collect();
        total.clusters += clusters.iter().sum::<f64>();
        for pool in &group.pools {
            let (count, each) = pool_terms(pool, options);
            let summed: f64 = clusters
                .iter()
                .zip(factors)
                .map(|(c, &factor)| c * count.at(factor))
                .sum();
            total.fleet.add(&each, summed);
        }
    }
    total
}
