//! Hand-worked scenarios about money, cadence, the comparison and the team:
//! extended support, discounts, break-even, payback, ties and every warning.
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
    // Slow cadence: T = 12/0.5 = 24, I = 4, a0 = 2 + 2·4 = 10, peak = 34.
    // ext_share = (34−14)/24 = 5/6; forced: 34 > 14+12; unsupported = 5/6.
    // eks cp = 3·730·(0.1/6 + 0.6·5/6) = 2190·31/60 = 1131.5;
    // eks upgrades = 0.5·16 + 9·8.4 = 83.6.
    Case {
        name: "slow cadence: extended support and forced upgrade",
        input: r#"{"upgrades": {"campaigns_per_year": 0.5, "versions_behind_latest": 2}}"#,
        expect: &[
            ("/options/eks/extended_support_share", N(5.0 / 6.0)),
            ("/options/eks/forced_upgrade", B(true)),
            ("/options/self_hosted/unsupported_share", N(5.0 / 6.0)),
            ("/options/eks/monthly/control_plane", N(1131.5)),
            ("/options/eks/hours_per_year/upgrades", N(83.6)),
        ],
        warnings: &[
            "eks:extended_support",
            "eks:forced_upgrade",
            "self_hosted:unsupported_versions",
        ],
    },
    // Yearly campaigns: T = 12, a0 = 2 + 4 = 6, peak 18: ext = unsupported = 4/12;
    // 18 ≤ 26, no forced upgrade. eks cp = 2190·(0.1·2/3 + 0.6/3) = 584.
    Case {
        name: "yearly cadence: some extended support",
        input: r#"{"upgrades": {"campaigns_per_year": 1}}"#,
        expect: &[
            ("/options/eks/extended_support_share", N(1.0 / 3.0)),
            ("/options/eks/forced_upgrade", B(false)),
            ("/options/self_hosted/unsupported_share", N(1.0 / 3.0)),
            ("/options/eks/monthly/control_plane", N(584.0)),
        ],
        warnings: &["eks:extended_support", "self_hosted:unsupported_versions"],
    },
    // 40% discount on EC2 compute, not on the EKS fee: eks cp 219, eks workers
    // 3363.84·0.6 = 2018.304, self cp 630.72·0.6 = 378.432, self workers 2270.592.
    Case {
        name: "compute discount",
        input: r#"{"workers": {"compute_discount_pct": 40}}"#,
        expect: &[
            ("/options/eks/monthly/control_plane", N(219.0)),
            ("/options/eks/monthly/workers", N(2018.304)),
            ("/options/self_hosted/monthly/control_plane", N(378.432)),
            ("/options/self_hosted/monthly/workers", N(2270.592)),
        ],
        warnings: &[],
    },
    // 100 nodes per cluster, self-hosted workers at $0.14. Per cluster-month:
    // eks 73 + 100·0.192·730 (14016) + 0.08·5000 (400) + 125·(3·(8+5) + 72 + 18)/12
    // (1343.75) = 15832.75; self 210.24 + 100·0.14·730 (10220) + 0.08·5150 + 0.23
    // (412.23) + 16.425 + 125·(3·(24 + 103·0.25) + 240 + 72)/12 (4804.6875)
    // = 15663.5825. Prep and on-call cancel; one-off differs by 70000.
    // diff(C) = 70000 − 36·169.1675·C = 70000 − 6090.03·C:
    // C=3 → 51729.91 (EKS cheaper); C=11 → 3009.67 > 0, C=12 → −3080.36: break-even 12.
    // Monthly: self − eks = −3·169.1675 = −507.5025; payback needs > 137 months.
    Case {
        name: "worker price override makes a break-even",
        input: r#"{"workers": {"nodes_per_cluster": 100}, "self_hosted": {"worker_hourly_usd": 0.14}}"#,
        expect: &[
            ("/comparison/cheaper", S("eks")),
            ("/comparison/horizon_savings_usd", N(51729.91)),
            ("/comparison/monthly_difference_usd", N(-507.5025)),
            ("/comparison/breakeven_clusters", N(12.0)),
            ("/comparison/self_hosted_payback_month", Null),
        ],
        warnings: &[],
    },
    // Same at 20 clusters: diff = 70000 − 20·6090.03 = −51800.6 → self-hosted.
    // Monthly saving 20·169.1675 = 3383.35; payback at ceil(70000/3383.35 = 20.69) = 21.
    // Self ops: 32 + 3·20·49.75 + 4800 + 1440 = 9257 h → 5.785625 FTE → 144.6% > 50%.
    Case {
        name: "worker price override at 20 clusters pays back",
        input: r#"{"clusters": 20, "workers": {"nodes_per_cluster": 100},
            "self_hosted": {"worker_hourly_usd": 0.14}}"#,
        expect: &[
            ("/comparison/cheaper", S("self_hosted")),
            ("/comparison/horizon_savings_usd", N(51800.6)),
            ("/comparison/self_hosted_payback_month", N(21.0)),
            ("/comparison/breakeven_clusters", N(12.0)),
            ("/options/self_hosted/required_fte", N(5.785625)),
        ],
        warnings: &["self_hosted:over_ops_budget"],
    },
    // One control-plane node: cp 3·1·0.096·730 = 210.24; storage 0.08·(1350+150) +
    // 0.69 = 120.69; upgrades 32 + 9·(24 + 10·0.25) = 270.5.
    Case {
        name: "single control-plane node",
        input: r#"{"self_hosted": {"control_plane_nodes": 1}}"#,
        expect: &[
            ("/options/self_hosted/monthly/control_plane", N(210.24)),
            ("/options/self_hosted/monthly/storage", N(120.69)),
            ("/options/self_hosted/hours_per_year/upgrades", N(270.5)),
        ],
        warnings: &["self_hosted:single_control_plane"],
    },
    // Two and three people on call among four: 50% and 75% of weeks (> 25%).
    // on-call eks 2·500·52/12 = 4333.33…, self 3·500·52/12 = 6500.
    Case {
        name: "several on-call slots",
        input: r#"{"eks": {"on_call_slots": 2}, "self_hosted": {"on_call_slots": 3}}"#,
        expect: &[
            ("/options/eks/on_call/share_pct", N(50.0)),
            ("/options/self_hosted/on_call/share_pct", N(75.0)),
            ("/options/eks/monthly/on_call", N(2.0 * 500.0 * 52.0 / 12.0)),
            ("/options/self_hosted/monthly/on_call", N(6500.0)),
        ],
        warnings: &["eks:on_call_overload", "self_hosted:on_call_overload"],
    },
    // One engineer: eks 377.6 h / 1600 = 0.236 FTE = 23.6% ≤ 50%; self 1211/1600 =
    // 0.756875 = 75.6875% > 50%. On call 100% of weeks for both.
    Case {
        name: "tiny team",
        input: r#"{"team": {"engineers": 1}}"#,
        expect: &[
            ("/options/eks/ops_share_pct", N(23.6)),
            ("/options/eks/fits_team", B(true)),
            ("/options/self_hosted/ops_share_pct", N(75.6875)),
            ("/options/self_hosted/fits_team", B(false)),
            ("/options/self_hosted/engineers_needed", N(2.0)),
        ],
        warnings: &[
            "eks:on_call_overload",
            "self_hosted:on_call_overload",
            "self_hosted:over_ops_budget",
        ],
    },
    // 1000 engineers with a 1% toil cap: shares 0.0236% and 0.0756875% fit, yet
    // engineers_needed = ceil*(0.236/0.01) = 24 and ceil*(0.756875/0.01) = 76.
    Case {
        name: "huge team, strict toil cap",
        input: r#"{"team": {"engineers": 1000, "ops_budget_pct": 1}}"#,
        expect: &[
            ("/options/eks/ops_share_pct", N(0.0236)),
            ("/options/eks/fits_team", B(true)),
            ("/options/eks/engineers_needed", N(24.0)),
            ("/options/self_hosted/engineers_needed", N(76.0)),
            ("/options/self_hosted/on_call/share_pct", N(0.1)),
        ],
        warnings: &[],
    },
    // 100 clusters: self incidents 100·1.5 = 150/month over 730/12 shifts = 2.466 > 2;
    // eks 50/60.83 = 0.822. Hours: eks 32 + 300·8.4 + 7200 + 1800 = 11552 → 7.22 FTE
    // (180.5%), needs ceil(14.44) = 15; self 32 + 300·27 + 24000 + 7200 = 39332 →
    // 24.5825 FTE (614.6%), needs ceil(49.165) = 50.
    Case {
        name: "incident overload",
        input: r#"{"clusters": 100}"#,
        expect: &[
            ("/options/self_hosted/on_call/incidents_per_month", N(150.0)),
            (
                "/options/self_hosted/on_call/incidents_per_shift",
                N(150.0 * 12.0 / 730.0),
            ),
            (
                "/options/eks/on_call/incidents_per_shift",
                N(50.0 * 12.0 / 730.0),
            ),
            ("/options/eks/engineers_needed", N(15.0)),
            ("/options/self_hosted/engineers_needed", N(50.0)),
        ],
        warnings: &[
            "eks:over_ops_budget",
            "self_hosted:incident_overload",
            "self_hosted:over_ops_budget",
        ],
    },
    // Self-hosted made identical to EKS: free control plane and LB, no volumes, same
    // pod limit (58) and the same hours. Every month is equal: a tie, payback at
    // month 0 (0 ≤ 0) and break-even at 1 cluster.
    Case {
        name: "identical options tie",
        input: r#"{"workers": {"volume_gib_per_node": 0},
            "eks": {"standard_hourly_usd": 0, "extended_hourly_usd": 0, "upgrade_hours_per_node": 0},
            "self_hosted": {"control_plane_hourly_usd": 0, "api_lb_hourly_usd": 0, "etcd_backup_gib": 0,
              "max_pods_per_node": 58, "upgrade_hours_per_cluster_hop": 8, "upgrade_hours_per_node": 0,
              "routine_hours_per_cluster_month": 6, "incidents_per_cluster_month": 0.5,
              "hours_per_incident": 3, "setup_hours": 80}}"#,
        expect: &[
            ("/comparison/cheaper", S("tie")),
            ("/comparison/horizon_savings_usd", N(0.0)),
            ("/comparison/self_hosted_payback_month", N(0.0)),
            ("/comparison/breakeven_clusters", N(1.0)),
        ],
        warnings: &[],
    },
];

#[test]
fn hand_worked_cost_cases() {
    run_cases(CASES);
}
