//! Worker node capacity: pod density, kubelet reservations, allocatable resources
//! and the node count per cluster.

use crate::resolved::CustomInstance;

/// `ceil*(x) = ceil(x − 1e-9)`: a ratio that is whole up to float noise (e.g. 8.000000001
/// nodes) is not rounded up to one more node.
pub(crate) fn ceil_star(value: f64) -> f64 {
    let x = value - 1e-9;
    // Why not `x.ceil()` alone: on the x86-64 baseline (no SSE4.1) that is a call
    // into libm, and sizing a fleet takes it once per pool and month. Truncating
    // through an integer is exact below 2^52 and gives the same whole number.
    if x.abs() < 4.0e15 {
        let whole = x as i64 as f64;
        if whole < x { whole + 1.0 } else { whole }
    } else {
        x.ceil()
    }
}

/// `P_eks`: the VPC CNI limit, or with prefix delegation 110 below 30 vCPU, else 250.
pub(crate) fn eks_max_pods(worker: &CustomInstance, prefix_delegation: bool) -> u32 {
    match (prefix_delegation, worker.vcpu < 30.0) {
        (false, _) => worker.max_pods_vpc_cni,
        (true, true) => 110,
        (true, false) => 250,
    }
}

/// kube-reserved CPU in cores: 6% of the first core, 1% of the second, 0.5% of the
/// next two, 0.25% of the rest.
pub(crate) fn reserved_cpu(vcpu: f64) -> f64 {
    0.06 * vcpu.min(1.0)
        + 0.01 * (vcpu - 1.0).clamp(0.0, 1.0)
        + 0.005 * (vcpu - 2.0).clamp(0.0, 2.0)
        + 0.0025 * (vcpu - 4.0).max(0.0)
}

/// kube-reserved memory (255 MiB + 11 MiB per pod) plus the 100 MiB eviction
/// threshold, in GiB.
pub(crate) fn reserved_mem_gib(max_pods: u32) -> f64 {
    (255.0 + 11.0 * f64::from(max_pods)) / 1024.0 + 100.0 / 1024.0
}

/// What one worker node offers pods under one option.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NodeCapacity {
    /// Allocatable cores.
    pub alloc_cpu: f64,
    /// Allocatable GiB (validated > 0).
    pub alloc_mem: f64,
    /// Max pods per node, `P_o`.
    pub max_pods: u32,
}

impl NodeCapacity {
    pub(crate) fn new(worker: &CustomInstance, max_pods: u32) -> Self {
        Self {
            alloc_cpu: worker.vcpu - reserved_cpu(worker.vcpu),
            alloc_mem: worker.memory_gib - reserved_mem_gib(max_pods),
            max_pods,
        }
    }
}

/// How a pool's nodes per cluster are decided.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Sizing {
    /// An explicit node count, the same for both options.
    Explicit(f64),
    /// From the per-cluster requests.
    Workload { cpu: f64, mem: f64, pods: f64 },
}

/// A pool's sizing inputs, shared by both options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct SizingParams {
    pub sizing: Sizing,
    pub headroom_pct: f64,
    pub min_nodes: f64,
    pub system_pods: f64,
}

/// `g_k = (1 + growth)^(k/12)` for months `k` in `0..months` (exactly 1 without growth).
pub(crate) fn growth_factors(growth: f64, months: u32) -> Vec<f64> {
    (0..months)
        .map(|month| match growth {
            0.0 => 1.0,
            _ => (1.0 + growth).powf(f64::from(month) / 12.0),
        })
        .collect()
}

/// `nodes_o` of one pool under one option as a function of the month's growth
/// factor: `max(ceil*(demand·g), floor)`. Since `ceil*` is monotone, the largest of
/// the cpu, memory and pod ratios decides, so the ratios are divided once per pool
/// rather than once per month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NodeCurve {
    /// Nodes at `g = 1` before rounding: the explicit count, or the largest ratio.
    pub demand: f64,
    /// The fewest nodes: 1 for an explicit count, else `min_nodes`.
    pub floor: f64,
}

impl NodeCurve {
    pub(crate) fn new(params: &SizingParams, cap: &NodeCapacity) -> Self {
        let (cpu, mem, pods) = match params.sizing {
            Sizing::Explicit(n) => {
                return Self {
                    demand: n,
                    floor: 1.0,
                };
            }
            Sizing::Workload { cpu, mem, pods } => (cpu, mem, pods),
        };
        let grow = 1.0 + params.headroom_pct / 100.0;
        let slots = f64::from(cap.max_pods) - params.system_pods;
        // Validation rejects pods > 0 without free slots; the guard only keeps the
        // division defined.
        let by_pods = match pods > 0.0 && slots > 0.0 {
            true => pods / slots,
            false => 0.0,
        };
        Self {
            demand: (cpu * grow / cap.alloc_cpu)
                .max(mem * grow / cap.alloc_mem)
                .max(by_pods),
            floor: params.min_nodes,
        }
    }

    /// A Fargate pool's billed pods, `ceil*(pods·g)`: no headroom and no minimum
    /// (`max(·, 0)` changes no count, as `ceil*` of a count is never below 0).
    pub(crate) fn fargate(pods: f64) -> Self {
        Self {
            demand: pods,
            floor: 0.0,
        }
    }

    /// Nodes per cluster with the demand (or the explicit count) grown by `factor`.
    pub(crate) fn at(&self, factor: f64) -> f64 {
        ceil_star(self.demand * factor).max(self.floor)
    }
}
