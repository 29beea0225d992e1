//! Fargate sizes: the vCPU and memory AWS bills for a pod of given requests
//! (docs/MODEL.md, "Fargate pools"). Fargate rounds a pod up to the smallest
//! configuration that holds its requests, plus 256 MiB for the kubelet and
//! kube-proxy it runs beside every pod.

use crate::capacity::ceil_star;

/// Memory Fargate adds to every pod's request, GiB.
pub const POD_OVERHEAD_GIB: f64 = 0.25;

/// One vCPU configuration: its memory range and the step memory rises in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FargateSize {
    /// vCPUs of the configuration.
    pub vcpu: f64,
    /// Smallest memory, GiB.
    pub min_gib: f64,
    /// Largest memory, GiB.
    pub max_gib: f64,
    /// Memory steps, GiB; 0 for the 0.25 vCPU size, whose values are listed.
    pub step_gib: f64,
}

/// The memory values the 0.25 vCPU size offers.
const QUARTER_VCPU_GIB: [f64; 3] = [0.5, 1.0, 2.0];

/// Fargate's configurations, smallest first.
pub const FARGATE_SIZES: [FargateSize; 7] = [
    size(0.25, 0.5, 2.0, 0.0),
    size(0.5, 1.0, 4.0, 1.0),
    size(1.0, 2.0, 8.0, 1.0),
    size(2.0, 4.0, 16.0, 1.0),
    size(4.0, 8.0, 30.0, 1.0),
    size(8.0, 16.0, 60.0, 4.0),
    size(16.0, 32.0, 120.0, 8.0),
];

const fn size(vcpu: f64, min_gib: f64, max_gib: f64, step_gib: f64) -> FargateSize {
    FargateSize {
        vcpu,
        min_gib,
        max_gib,
        step_gib,
    }
}

/// The largest pod Fargate runs: 16 vCPU and 120 GiB (overhead included).
pub(crate) const LARGEST: FargateSize = FARGATE_SIZES[FARGATE_SIZES.len() - 1];

/// The billed `(vcpu_cfg, gib_cfg)` of a pod requesting `cpu` vCPU and `memory_gib`;
/// `None` when no configuration holds it.
pub(crate) fn billed_size(cpu: f64, memory_gib: f64) -> Option<(f64, f64)> {
    let memory = memory_gib + POD_OVERHEAD_GIB;
    FARGATE_SIZES
        .iter()
        .filter(|s| s.vcpu >= cpu && s.max_gib >= memory)
        .find_map(|s| {
            let gib = match s.step_gib {
                0.0 => *QUARTER_VCPU_GIB.iter().find(|&&g| g >= memory)?,
                step => (ceil_star(memory / step) * step).max(s.min_gib),
            };
            Some((s.vcpu, gib))
        })
}

#[cfg(test)]
mod tests {
    use super::billed_size;

    #[test]
    fn pods_round_up_to_the_smallest_configuration_that_holds_them() {
        // 0.1 vCPU, 0.2 GiB + 0.25 = 0.45 → 0.25 vCPU / 0.5 GiB.
        assert_eq!(billed_size(0.1, 0.2), Some((0.25, 0.5)));
        // 0.25 vCPU, 1 GiB + 0.25 → 0.25 vCPU / 2 GiB.
        assert_eq!(billed_size(0.25, 1.0), Some((0.25, 2.0)));
        // 0.25 vCPU but 2 GiB + 0.25 does not fit 0.25 vCPU → 0.5 vCPU / 3 GiB.
        assert_eq!(billed_size(0.25, 2.0), Some((0.5, 3.0)));
        // 0.5 vCPU, 0.5 GiB → raised to the size's minimum 1 GiB.
        assert_eq!(billed_size(0.5, 0.5), Some((0.5, 1.0)));
        // 3 vCPU, 4 GiB → 4 vCPU, raised to 8 GiB.
        assert_eq!(billed_size(3.0, 4.0), Some((4.0, 8.0)));
        // 8 vCPU, 20 GiB + 0.25 → 24 GiB (steps of 4).
        assert_eq!(billed_size(8.0, 20.0), Some((8.0, 24.0)));
        // 16 vCPU, 100 GiB + 0.25 → 104 GiB (steps of 8).
        assert_eq!(billed_size(16.0, 100.0), Some((16.0, 104.0)));
        assert_eq!(billed_size(16.0, 119.75), Some((16.0, 120.0)));
        assert_eq!(billed_size(16.0, 119.8), None);
        assert_eq!(billed_size(16.5, 1.0), None);
    }
}
