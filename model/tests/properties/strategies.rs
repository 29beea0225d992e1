//! Generators of valid inputs: every field within its range, machines that always
//! leave allocatable memory and pod slots.

use clusterplan_model::catalog;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Worker machines that always leave memory and pod slots: catalog types or custom
/// machines whose pod limits leave memory above the kubelet reservation (255 MiB +
/// 11 MiB a pod + 100 MiB eviction; 4 GiB holds 339 pods) for the VPC CNI limit
/// and every self-hosted or prefix-delegation limit (up to 300), and whose VPC CNI
/// limit leaves a slot beside the most system pods drawn (16). The catalog's
/// smallest types (t3.nano: 0.5 GiB, 4 pods) do not, and are left out.
fn worker() -> impl Strategy<Value = Value> {
    let fits = |t: &&clusterplan_model::InstanceType| {
        let pods = t.max_pods_vpc_cni().max(300);
        t.max_pods_vpc_cni() > 16 && t.memory_gib * 1024.0 > f64::from(355 + 11 * pods)
    };
    let names: Vec<String> = catalog()
        .instance_types
        .iter()
        .filter(fits)
        .map(|t| t.name.clone())
        .collect();
    let custom = (0.1f64..=1024.0, 4.0f64..=4096.0, 0.0f64..=50.0).prop_flat_map(
        |(vcpu, memory_gib, price)| {
            let fitting = ((memory_gib * 1024.0 - 355.0) / 11.0).floor() as u32 - 1;
            (20u32..=fitting.min(737)).prop_map(move |pods| {
                json!({"instance_type": "custom", "custom": {"vcpu": vcpu,
                    "memory_gib": memory_gib, "hourly_usd": price, "max_pods_vpc_cni": pods}})
            })
        },
    );
    prop_oneof![
        3 => proptest::sample::select(names).prop_map(|n| json!({"instance_type": n})),
        1 => custom,
    ]
}

fn sizing() -> impl Strategy<Value = Value> {
    prop_oneof![
        (1u32..=10_000).prop_map(|n| json!({"nodes_per_cluster": n})),
        (0.0f64..=10_000.0, 0.0f64..=40_000.0, 0u32..=100_000).prop_map(|(c, m, p)| {
            json!({"workload": {"cpu_request_cores": c, "memory_request_gib": m, "pods": p}})
        }),
    ]
}

fn workers() -> impl Strategy<Value = Value> {
    (
        worker(),
        sizing(),
        0.0f64..=200.0,
        1u32..=1000,
        0u32..=16,
        0.0f64..=16384.0,
        0.0f64..99.99,
    )
        .prop_map(|(mut w, sizing, headroom, min, system, volume, discount)| {
            if let (Some(w), Value::Object(s)) = (w.as_object_mut(), sizing) {
                w.extend(s);
                w.insert("headroom_pct".into(), json!(headroom));
                w.insert("min_nodes_per_cluster".into(), json!(min));
                w.insert("system_pods_per_node".into(), json!(system));
                w.insert("volume_gib_per_node".into(), json!(volume));
                w.insert("compute_discount_pct".into(), json!(discount));
            }
            w
        })
}

fn option_hours() -> impl Strategy<Value = (f64, f64, f64, f64, f64, f64, u32)> {
    (
        0.0f64..=200.0,
        0.0f64..=2.0,
        0.0f64..=200.0,
        0.0f64..=20.0,
        0.0f64..=50.0,
        0.0f64..=5000.0,
        0u32..=10,
    )
}

fn eks() -> impl Strategy<Value = Value> {
    (0.0f64..=5.0, 0.0f64..=5.0, any::<bool>(), option_hours()).prop_map(|(std, ext, prefix, h)| {
        json!({"standard_hourly_usd": std, "extended_hourly_usd": ext, "prefix_delegation": prefix,
            "upgrade_hours_per_cluster_hop": h.0, "upgrade_hours_per_node": h.1,
            "routine_hours_per_cluster_month": h.2, "incidents_per_cluster_month": h.3,
            "hours_per_incident": h.4, "setup_hours": h.5, "on_call_slots": h.6})
    })
}

fn self_hosted() -> impl Strategy<Value = Value> {
    let names: Vec<String> = catalog()
        .instance_types
        .iter()
        .map(|t| t.name.clone())
        .collect();
    let prices = (
        proptest::option::of(0.0f64..=5.0),
        proptest::option::of(0.0f64..=5.0),
        0.0f64..=1.0,
        0.0f64..=1000.0,
    );
    (
        proptest::sample::select(vec![1u32, 3, 5, 7]),
        proptest::sample::select(names),
        prices,
        17u32..=300,
        option_hours(),
    )
        .prop_map(
            |(cp, cp_type, (cp_price, worker_price, lb, etcd), pods, h)| {
                json!({"control_plane_nodes": cp, "control_plane_instance_type": cp_type,
                "control_plane_hourly_usd": cp_price, "worker_hourly_usd": worker_price,
                "max_pods_per_node": pods, "api_lb_hourly_usd": lb, "etcd_backup_gib": etcd,
                "upgrade_hours_per_cluster_hop": h.0, "upgrade_hours_per_node": h.1,
                "routine_hours_per_cluster_month": h.2, "incidents_per_cluster_month": h.3,
                "hours_per_incident": h.4, "setup_hours": h.5, "on_call_slots": h.6})
            },
        )
}

fn rest() -> impl Strategy<Value = (Value, Value, Value)> {
    let team = (
        1u32..=1000,
        0.0f64..=1e6,
        1.0f64..=8760.0,
        1.0f64..=100.0,
        0.0f64..=5000.0,
    )
        .prop_map(|(n, cost, hours, budget, stipend)| {
            json!({"engineers": n, "annual_cost_usd": cost, "productive_hours_per_year": hours,
                "ops_budget_pct": budget, "on_call_stipend_per_week_usd": stipend})
        });
    let upgrades = (
        // The range is (0, 12]: include its extreme small end, where 12 / c overflows.
        prop_oneof![1 => Just(5e-324), 1 => Just(1e-300), 8 => 0.01f64..=12.0],
        1.0f64..=12.0,
        0u32..=5,
        0.0f64..=500.0,
        0.0f64..=600.0,
        0.0f64..=600.0,
        0.0f64..=600.0,
    )
        .prop_map(|(c, r, b, prep, std, ext, up)| {
            json!({"campaigns_per_year": c, "releases_per_year": r, "versions_behind_latest": b,
                "prep_hours_per_campaign": prep, "eks_standard_support_months": std,
                "eks_extended_support_months": ext, "upstream_support_months": up})
        });
    let prices = (0.0f64..=1.0, 0.0f64..=1.0)
        .prop_map(|(e, s)| json!({"ebs_gib_month_usd": e, "s3_gib_month_usd": s}));
    (team, upgrades, prices)
}

pub fn scenario() -> impl Strategy<Value = Value> {
    (1u32..=120, 1u32..=1000, workers(), eks(), self_hosted(), rest()).prop_map(
        |(horizon, clusters, workers, eks, self_hosted, (team, upgrades, prices))| {
            json!({"horizon_months": horizon, "clusters": clusters, "workers": workers, "eks": eks,
                "self_hosted": self_hosted, "team": team, "upgrades": upgrades, "prices": prices})
        },
    )
}

/// Defaults with cheaper self-hosted workers and costlier setup, where the break-even
/// usually falls inside 2..=1000 rather than at 1 or nowhere.
pub fn near_breakeven() -> impl Strategy<Value = Value> {
    (
        1u32..=500,
        0.0f64..=0.192,
        0.0f64..=20_000.0,
        0.0f64..=20.0,
        1u32..=1000,
    )
        .prop_map(|(nodes, price, setup, routine, clusters)| {
            json!({"clusters": clusters, "workers": {"nodes_per_cluster": nodes},
                "self_hosted": {"worker_hourly_usd": price, "setup_hours": setup,
                    "routine_hours_per_cluster_month": routine}})
        })
}

fn line_item() -> impl Strategy<Value = Value> {
    (
        prop_oneof![Just("eks"), Just("self_hosted"), Just("both")],
        prop_oneof![Just("month"), Just("cluster"), Just("node")],
        0.0f64..=1e6,
        0.0f64..=1e7,
    )
        .prop_map(|(option, per, monthly, one_off)| {
            json!({"name": "Item", "option": option, "per": per,
                "monthly_usd": monthly, "one_off_usd": one_off})
        })
}

/// The v2 fields: growth, Spot, Auto Mode, a control-plane tier and line items.
fn v2_fields() -> impl Strategy<Value = (f64, Value, Value, Value)> {
    (
        prop_oneof![1 => Just(0.0), 1 => Just(-90.0), 1 => Just(500.0), 5 => -90.0f64..=500.0],
        (0.0f64..=100.0, any::<bool>(), 0.0f64..=100.0),
        prop_oneof![
            Just("standard"),
            Just("xl"),
            Just("2xl"),
            Just("4xl"),
            Just("8xl")
        ],
        0.0f64..=100.0,
        0.0f64..=95.0,
        proptest::collection::vec(line_item(), 0..=20),
    )
        .prop_map(
            |(growth, (eks_spot, auto, fee), tier, own_spot, discount, items)| {
                let eks = json!({"spot_share_pct": eks_spot, "auto_mode": auto,
                "auto_mode_fee_pct": fee, "control_plane_tier": tier});
                (
                    growth,
                    eks,
                    json!({"spot_share_pct": own_spot}),
                    json!({"spot_discount_pct": discount, "items": items}),
                )
            },
        )
}

/// A v1 scenario with every v2 field set at random.
pub fn scenario_v2() -> impl Strategy<Value = Value> {
    (scenario(), v2_fields()).prop_map(|(mut input, (growth, eks, own, extra))| {
        input["growth"] = json!({"workload_pct_per_year": growth});
        for (section, fields) in [("eks", eks), ("self_hosted", own)] {
            if let (Some(target), Some(fields)) =
                (input[section].as_object_mut(), fields.as_object())
            {
                target.extend(fields.clone());
            }
        }
        input["prices"]["spot_discount_pct"] = extra["spot_discount_pct"].clone();
        input["line_items"] = extra["items"].clone();
        input
    })
}
