//! Hand-worked scenarios about node capacity: custom machines, explicit counts,
//! prefix delegation and the ceil* rounding.
//!
//! Table-driven: each case lists JSON-pointer paths into the result with the figure
//! worked out by hand in the comment above it, and every warning expected.
//!
//! Shared facts (defaults): m6i.xlarge = 4 vCPU / 16 GiB / $0.192, VPC CNI pods
//! 4·(15−1)+2 = 58; reserved_cpu(4) = 0.06+0.01+0.005·2 = 0.08 → alloc_cpu 3.92;
//! reserved_mem(58) = (255+638+100)/1024 → alloc 15.0303; reserved_mem(110) =
//! 1465/1024 → alloc 14.4717; r = 200000/1600 = $125/h; HPM = 730; prep hours per
//! year = 2 campaigns · 16 = 32; default nodes eks 8, self 9.

mod common;

use common::case::{Case, E::*, run_cases};

const CASES: &[Case] = &[
    // Custom 8 vCPU / 64 GiB / $0.5 / 50 pods. reserved_cpu(8) = 0.06+0.01+0.01+0.0025·4
    // = 0.09 → alloc 7.91. EKS P=50: reserved_mem 905/1024 → alloc 63.1162;
    // cpu 30/7.91 = 3.79 → 4, mem 120/63.12 → 2, pods 300/47 = 6.38 → 7 → 7 nodes.
    // Self P=110: alloc 62.5693; pods 300/107 → 3, cpu 4 → 4 nodes.
    // workers eks 3·7·0.5·730 = 7665, self 3·4·0.5·730 = 4380.
    // storage eks 0.08·3·7·50 = 84; self 0.08·(600+450) + 0.023·30 = 84.69.
    // upgrades eks 32 + 3·3·(8 + 7·0.05) = 107.15; self 32 + 9·(24 + 7·0.25) = 263.75.
    Case {
        name: "custom instance",
        input: r#"{"workers": {"instance_type": "custom",
            "custom": {"vcpu": 8, "memory_gib": 64, "hourly_usd": 0.5, "max_pods_vpc_cni": 50}}}"#,
        expect: &[
            ("/options/eks/max_pods_per_node", N(50.0)),
            ("/options/eks/nodes_per_cluster", N(7.0)),
            ("/options/self_hosted/nodes_per_cluster", N(4.0)),
            ("/options/eks/monthly/workers", N(7665.0)),
            ("/options/self_hosted/monthly/workers", N(4380.0)),
            ("/options/eks/monthly/storage", N(84.0)),
            ("/options/self_hosted/monthly/storage", N(84.69)),
            ("/options/eks/hours_per_year/upgrades", N(107.15)),
            ("/options/self_hosted/hours_per_year/upgrades", N(263.75)),
        ],
        warnings: &[],
    },
    // Explicit 5 nodes for both options; workload becomes null.
    // workers eks 3·5·0.192·730 = 2102.4; storage eks 0.08·15·50 = 60,
    // self 0.08·(750+450) + 0.69 = 96.69; upgrades eks 32 + 9·(8 + 5·0.05) = 106.25,
    // self 32 + 9·(24 + 8·0.25) = 266.
    Case {
        name: "explicit nodes",
        input: r#"{"workers": {"nodes_per_cluster": 5}}"#,
        expect: &[
            ("/inputs/workers/workload", Null),
            ("/inputs/workers/nodes_per_cluster", N(5.0)),
            ("/options/eks/nodes_per_cluster", N(5.0)),
            ("/options/self_hosted/nodes_per_cluster", N(5.0)),
            ("/options/eks/total_nodes", N(15.0)),
            ("/options/eks/monthly/workers", N(2102.4)),
            ("/options/eks/monthly/storage", N(60.0)),
            ("/options/self_hosted/monthly/storage", N(96.69)),
            ("/options/eks/hours_per_year/upgrades", N(106.25)),
            ("/options/self_hosted/hours_per_year/upgrades", N(266.0)),
        ],
        warnings: &[],
    },
    // Prefix delegation below 30 vCPU: P_eks = 110, so alloc_mem 14.4717 as self:
    // mem 120/14.4717 = 8.29 → 9 nodes; workers 3·9·0.192·730 = 3784.32.
    Case {
        name: "prefix delegation, 4 vCPU",
        input: r#"{"eks": {"prefix_delegation": true}}"#,
        expect: &[
            ("/options/eks/max_pods_per_node", N(110.0)),
            ("/options/eks/nodes_per_cluster", N(9.0)),
            ("/options/eks/monthly/workers", N(3784.32)),
        ],
        warnings: &[],
    },
    // Prefix delegation at 32 vCPU: P_eks = 250 (not the custom 234).
    // reserved_cpu(32) = 0.08 + 0.0025·28 = 0.15 → 31.85; reserved_mem(250) =
    // 3105/1024 → alloc 124.97: cpu 30/31.85 → 1, mem 120/124.97 → 1,
    // pods 300/247 → 2, min 3 → 3 nodes.
    Case {
        name: "prefix delegation, 32 vCPU",
        input: r#"{"eks": {"prefix_delegation": true}, "workers": {"instance_type": "custom",
            "custom": {"vcpu": 32, "memory_gib": 128, "hourly_usd": 1, "max_pods_vpc_cni": 234}}}"#,
        expect: &[
            ("/options/eks/max_pods_per_node", N(250.0)),
            ("/options/eks/nodes_per_cluster", N(3.0)),
        ],
        warnings: &[],
    },
    // ceil*: 39.2 cores over alloc 3.92 is 10.000000000000002 in floats; ceil* gives 10
    // where a plain ceil would give 11. Headroom 0, no memory, no pods, min 1.
    Case {
        name: "whole ratio is not rounded up",
        input: r#"{"workers": {"instance_type": "custom",
            "custom": {"vcpu": 4, "memory_gib": 64, "hourly_usd": 0.2, "max_pods_vpc_cni": 58},
            "workload": {"cpu_request_cores": 39.2, "memory_request_gib": 0, "pods": 0},
            "headroom_pct": 0, "min_nodes_per_cluster": 1}}"#,
        expect: &[
            ("/options/eks/nodes_per_cluster", N(10.0)),
            ("/options/self_hosted/nodes_per_cluster", N(10.0)),
        ],
        warnings: &[],
    },
    // No demand: nodes = min_nodes_per_cluster = 5 for both.
    Case {
        name: "zero workload sizes to the minimum",
        input: r#"{"workers": {"workload": {"cpu_request_cores": 0, "memory_request_gib": 0, "pods": 0},
            "min_nodes_per_cluster": 5}}"#,
        expect: &[
            ("/options/eks/nodes_per_cluster", N(5.0)),
            ("/options/self_hosted/nodes_per_cluster", N(5.0)),
        ],
        warnings: &[],
    },
];

#[test]
fn hand_worked_capacity_cases() {
    run_cases(CASES);
}
