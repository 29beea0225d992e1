//! The fleet a scenario plans (model v3): cluster groups with node pools, each pool
//! with its machine looked up, ready to size. Without `fleet` the input is the
//! one-group fleet of `clusters` × `workers` (docs/MODEL.md, "Fleet").

mod counts;
mod fargate;
mod memo;
mod months;
mod per_cluster;
mod quantities;
mod sized;
mod sizing;
mod sums;
#[cfg(test)]
mod tests;

pub use fargate::{FARGATE_SIZES, FargateSize, POD_OVERHEAD_GIB};
pub(crate) use fargate::{LARGEST, billed_size};
pub(crate) use months::{Added, FleetSeries, Month, clusters_at};
pub(crate) use per_cluster::OptionSized;
pub(crate) use quantities::{FIELDS, NODES, PerCluster};
pub(crate) use sized::{FleetMonths, Horizon, SizedFleet, initial_clusters};
pub(crate) use sizing::{PoolTerms, SizingOptions, max_pods, pool_per_cluster, size_horizon};

use crate::capacity::{Sizing, SizingParams};
use crate::catalog::catalog;
use crate::resolved::{Compute, CustomInstance, Group, Pool, ResolvedInput};
use std::borrow::Cow;

/// The name of the one group a scenario without `fleet` has.
pub const PLAIN_GROUP: &str = "Fleet";
/// The name of that group's one pool.
pub const PLAIN_POOL: &str = "Workers";
/// The top-level inputs `fleet` replaces: an input sends either them or `fleet`.
pub(crate) const REPLACED_BY_FLEET: [&str; 2] = ["clusters", "workers"];
/// Whether the input at `path` is one that `fleet` replaces (so a form with a
/// fleet does not show it, and a range over it is refused).
pub fn replaced_by_fleet(path: &str) -> bool {
    REPLACED_BY_FLEET.iter().any(|r| {
        path == *r
            || path
                .strip_prefix(r)
                .is_some_and(|rest| rest.starts_with('.'))
    }) || path == "self_hosted.worker_hourly_usd"
}

/// The catalog-less machine type.
pub(crate) const CUSTOM: &str = "custom";

impl ResolvedInput {
    /// The fleet's groups: `fleet`, or the one group of `clusters` × `workers`.
    pub fn groups(&self) -> Cow<'_, [Group]> {
        if let Some(fleet) = &self.fleet {
            return Cow::Borrowed(fleet);
        }
        let w = &self.workers;
        Cow::Owned(vec![Group {
            name: PLAIN_GROUP.to_owned(),
            clusters: self.clusters,
            clusters_added_per_year: 0.0,
            pools: vec![Pool {
                name: PLAIN_POOL.to_owned(),
                compute: Compute::Ec2,
                instance_type: w.instance_type.clone(),
                custom: w.custom.clone(),
                nodes_per_cluster: w.nodes_per_cluster,
                workload: w.workload.clone(),
                headroom_pct: w.headroom_pct,
                min_nodes_per_cluster: w.min_nodes_per_cluster,
                system_pods_per_node: w.system_pods_per_node,
                volume_gib_per_node: w.volume_gib_per_node,
                compute_discount_pct: w.compute_discount_pct,
                spot_share_pct: None,
                self_hosted_hourly_usd: self.self_hosted.worker_hourly_usd,
            }],
        }])
    }
}

impl ResolvedInput {
    /// The same scenario written as a fleet: `clusters` × `workers` become the one
    /// group they mean (an input that has a fleet is returned as it is).
    pub fn as_fleet(&self) -> ResolvedInput {
        let mut input = self.clone();
        input.fleet = Some(self.groups().into_owned());
        input.self_hosted.worker_hourly_usd = None;
        // Unused with a fleet; the defaults, as reading a fleet back gives.
        input.workers = crate::resolved::defaults().workers.clone();
        input
    }

    /// The same input at list prices: no commitment discount and no Spot, in
    /// `workers` and in every pool (a forecast's `ListCost`), and no simulation.
    pub fn at_list_prices(&self) -> ResolvedInput {
        let mut input = self.clone();
        input.workers.compute_discount_pct = 0.0;
        input.eks.spot_share_pct = 0.0;
        input.self_hosted.spot_share_pct = 0.0;
        input.uncertainty = None;
        for pool in input.fleet.iter_mut().flatten().flat_map(|g| &mut g.pools) {
            pool.compute_discount_pct = 0.0;
            pool.spot_share_pct = pool.spot_share_pct.map(|_| 0.0);
        }
        input
    }
}

/// A pool's machine: the catalog type's figures, or its custom machine; `None`
/// for an unknown type (validation reports it).
pub(crate) fn machine(pool: &Pool) -> Option<CustomInstance> {
    if pool.instance_type == CUSTOM {
        return pool.custom.clone();
    }
    catalog().get(&pool.instance_type).map(|t| CustomInstance {
        vcpu: f64::from(t.vcpu),
        memory_gib: t.memory_gib,
        hourly_usd: t.hourly_usd,
        max_pods_vpc_cni: t.max_pods_vpc_cni(),
    })
}

/// One pool ready to size and price.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PoolPlan {
    pub compute: Compute,
    pub machine: CustomInstance,
    pub sizing: SizingParams,
    pub volume_gib: f64,
    /// `d_p`, the compute discount as a fraction.
    pub discount: f64,
    /// The pool's own Spot share as a fraction; `None` takes the option's.
    pub spot_share: Option<f64>,
    /// Self-hosted price per node-hour.
    pub self_hourly: f64,
    /// Billed Fargate `(vcpu_cfg, gib_cfg)` of the pool's average pod (0 without pods).
    pub fargate_size: (f64, f64),
}

impl PoolPlan {
    fn new(pool: &Pool, machine: CustomInstance) -> Self {
        let sizing = match (pool.nodes_per_cluster, &pool.workload) {
            (Some(n), _) => Sizing::Explicit(f64::from(n)),
            (None, Some(load)) => Sizing::Workload {
                cpu: load.cpu_request_cores,
                mem: load.memory_request_gib,
                pods: f64::from(load.pods),
            },
            // Validation guarantees one of the two; zero demand sizes to min nodes.
            (None, None) => Sizing::Workload {
                cpu: 0.0,
                mem: 0.0,
                pods: 0.0,
            },
        };
        let fargate_size = match sizing {
            Sizing::Workload { cpu, mem, pods } if pods > 0.0 => {
                billed_size(cpu / pods, mem / pods).unwrap_or((0.0, 0.0))
            }
            _ => (0.0, 0.0),
        };
        Self {
            compute: pool.compute,
            sizing: SizingParams {
                sizing,
                headroom_pct: pool.headroom_pct,
                min_nodes: f64::from(pool.min_nodes_per_cluster),
                system_pods: f64::from(pool.system_pods_per_node),
            },
            volume_gib: pool.volume_gib_per_node,
            discount: pool.compute_discount_pct / 100.0,
            spot_share: pool.spot_share_pct.map(|s| s / 100.0),
            self_hourly: pool.self_hosted_hourly_usd.unwrap_or(machine.hourly_usd),
            fargate_size,
            machine,
        }
    }
}

/// One group ready to size: its cluster counts and pools.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupPlan {
    pub clusters: f64,
    pub added_per_year: f64,
    pub pools: Vec<PoolPlan>,
}

/// Every group and pool of a scenario (`ResolvedInput::groups`) with its machine
/// resolved. `None` when a pool's machine is unknown or incomplete (validation
/// reports that).
pub(crate) fn plan(groups: &[Group]) -> Option<Vec<GroupPlan>> {
    groups
        .iter()
        .map(|group| {
            let pools = group
                .pools
                .iter()
                .map(|pool| Some(PoolPlan::new(pool, machine(pool)?)))
                .collect::<Option<Vec<_>>>()?;
            Some(GroupPlan {
                clusters: f64::from(group.clusters),
                added_per_year: group.clusters_added_per_year,
                pools,
            })
        })
        .collect()
}
