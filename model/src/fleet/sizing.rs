//! Sizing: every pool's nodes (or Fargate pods) per cluster in every month, summed
//! per group into the few quantities the money formulas read. Prices that a Monte
//! Carlo may vary (Spot shares, the Spot discount, Fargate and EBS prices, the Auto
//! Mode fee) stay outside these sums, so a sample re-prices them without re-sizing.

use super::GroupPlan;
use crate::capacity::{NodeCapacity, NodeCurve, ceil_star, eks_max_pods};
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

/// Per-cluster quantities of every group (outer) in every month (inner).
pub(crate) fn size_fleet(
    groups: &[GroupPlan],
    factors: &[f64],
    options: &SizingOptions,
) -> Vec<Vec<PerCluster>> {
    let eks = options.option == OptionName::Eks;
    groups
        .iter()
        .map(|group| {
            let mut months = vec![PerCluster::default(); factors.len()];
            for pool in &group.pools {
                if eks && pool.compute == Compute::Fargate {
                    add_fargate(pool, factors, &mut months);
                    continue;
                }
                let mut sizing = pool.sizing;
                sizing.headroom_pct *= options.headroom_scale;
                let capacity = NodeCapacity::new(&pool.machine, max_pods(pool, options));
                let curve = NodeCurve::new(&sizing, &capacity);
                let price = match eks {
                    true => pool.machine.hourly_usd,
                    false => pool.self_hourly,
                };
                let d = pool.discount;
                let upgraded = match eks && options.auto_mode {
                    true => 0.0,
                    false => 1.0,
                };
                for (month, &factor) in months.iter_mut().zip(factors) {
                    let n = curve.at(factor);
                    month.nodes += n;
                    month.upgraded += n * upgraded;
                    month.volume_gib += n * pool.volume_gib;
                    if eks {
                        month.list_usd += n * pool.machine.hourly_usd;
                    }
                    let spend = n * price;
                    match pool.spot_share {
                        Some(s) => {
                            month.a += spend * ((1.0 - s) * (1.0 - d) + s);
                            month.b += spend * s;
                        }
                        None => {
                            month.a += spend * (1.0 - d);
                            month.q2 += spend * d;
                            month.q3 += spend;
                        }
                    }
                }
            }
            months
        })
        .collect()
}

/// A Fargate pool on EKS: `ceil*(pods·g_k)` pods of the billed size, no headroom
/// and no Spot (Fargate bills pod requests), the pool's discount applied.
fn add_fargate(pool: &super::PoolPlan, factors: &[f64], months: &mut [PerCluster]) {
    let crate::capacity::Sizing::Workload { pods, .. } = pool.sizing.sizing else {
        return;
    };
    let (vcpu, gib) = pool.fargate_size;
    let keep = 1.0 - pool.discount;
    for (month, &factor) in months.iter_mut().zip(factors) {
        let billed = ceil_star(pods * factor);
        month.fargate_vcpu += billed * vcpu * keep;
        month.fargate_gib += billed * gib * keep;
    }
}
