//! Fills the defaults into a [`ScenarioInput`]. Lenient on purpose: it never fails,
//! so the semantic rules can still run (and report) next to range errors; values it
//! had to replace are already reported by the range and structure checks.

use crate::input::{CustomInput, ScenarioInput, WorkloadInput};
use crate::resolved::{
    CustomInstance, Eks, Prices, ResolvedInput, SelfHosted, Team, Upgrades, Workers, Workload,
    defaults,
};

fn int(value: Option<i64>, default: u32) -> u32 {
    value.map_or(default, |v| u32::try_from(v).unwrap_or(default))
}

fn custom(c: &CustomInput) -> Option<CustomInstance> {
    Some(CustomInstance {
        vcpu: c.vcpu?,
        memory_gib: c.memory_gib?,
        hourly_usd: c.hourly_usd?,
        max_pods_vpc_cni: u32::try_from(c.max_pods_vpc_cni?).ok()?,
    })
}

fn workload(w: &WorkloadInput, d: &Workload) -> Workload {
    Workload {
        cpu_request_cores: w.cpu_request_cores.unwrap_or(d.cpu_request_cores),
        memory_request_gib: w.memory_request_gib.unwrap_or(d.memory_request_gib),
        pods: int(w.pods, d.pods),
    }
}

/// The resolved input: every absent field takes its table default.
pub(crate) fn resolve(i: &ScenarioInput) -> ResolvedInput {
    let d = defaults();
    let (w, dw) = (&i.workers, &d.workers);
    // Sending nodes_per_cluster replaces the default workload (and vice versa).
    let workload_default = dw.workload.clone().unwrap_or(Workload {
        cpu_request_cores: 0.0,
        memory_request_gib: 0.0,
        pods: 0,
    });
    let sized_workload = match (&w.workload, w.nodes_per_cluster) {
        (Some(wl), _) => Some(workload(wl, &workload_default)),
        (None, Some(_)) => None,
        (None, None) => dw.workload.clone(),
    };
    let workers = Workers {
        instance_type: w
            .instance_type
            .clone()
            .unwrap_or_else(|| dw.instance_type.clone()),
        custom: w.custom.as_ref().and_then(custom),
        nodes_per_cluster: w.nodes_per_cluster.and_then(|n| u32::try_from(n).ok()),
        workload: sized_workload,
        headroom_pct: w.headroom_pct.unwrap_or(dw.headroom_pct),
        min_nodes_per_cluster: int(w.min_nodes_per_cluster, dw.min_nodes_per_cluster),
        system_pods_per_node: int(w.system_pods_per_node, dw.system_pods_per_node),
        volume_gib_per_node: w.volume_gib_per_node.unwrap_or(dw.volume_gib_per_node),
        compute_discount_pct: w.compute_discount_pct.unwrap_or(dw.compute_discount_pct),
    };
    let (e, de) = (&i.eks, &d.eks);
    let eks = Eks {
        standard_hourly_usd: e.standard_hourly_usd.unwrap_or(de.standard_hourly_usd),
        extended_hourly_usd: e.extended_hourly_usd.unwrap_or(de.extended_hourly_usd),
        prefix_delegation: e.prefix_delegation.unwrap_or(de.prefix_delegation),
        upgrade_hours_per_cluster_hop: e
            .upgrade_hours_per_cluster_hop
            .unwrap_or(de.upgrade_hours_per_cluster_hop),
        upgrade_hours_per_node: e
            .upgrade_hours_per_node
            .unwrap_or(de.upgrade_hours_per_node),
        routine_hours_per_cluster_month: e
            .routine_hours_per_cluster_month
            .unwrap_or(de.routine_hours_per_cluster_month),
        incidents_per_cluster_month: e
            .incidents_per_cluster_month
            .unwrap_or(de.incidents_per_cluster_month),
        hours_per_incident: e.hours_per_incident.unwrap_or(de.hours_per_incident),
        setup_hours: e.setup_hours.unwrap_or(de.setup_hours),
        on_call_slots: int(e.on_call_slots, de.on_call_slots),
    };
    let (s, ds) = (&i.self_hosted, &d.self_hosted);
    let self_hosted = SelfHosted {
        control_plane_nodes: int(s.control_plane_nodes, ds.control_plane_nodes),
        control_plane_instance_type: s
            .control_plane_instance_type
            .clone()
            .unwrap_or_else(|| ds.control_plane_instance_type.clone()),
        control_plane_hourly_usd: s.control_plane_hourly_usd,
        worker_hourly_usd: s.worker_hourly_usd,
        max_pods_per_node: int(s.max_pods_per_node, ds.max_pods_per_node),
        api_lb_hourly_usd: s.api_lb_hourly_usd.unwrap_or(ds.api_lb_hourly_usd),
        etcd_backup_gib: s.etcd_backup_gib.unwrap_or(ds.etcd_backup_gib),
        upgrade_hours_per_cluster_hop: s
            .upgrade_hours_per_cluster_hop
            .unwrap_or(ds.upgrade_hours_per_cluster_hop),
        upgrade_hours_per_node: s
            .upgrade_hours_per_node
            .unwrap_or(ds.upgrade_hours_per_node),
        routine_hours_per_cluster_month: s
            .routine_hours_per_cluster_month
            .unwrap_or(ds.routine_hours_per_cluster_month),
        incidents_per_cluster_month: s
            .incidents_per_cluster_month
            .unwrap_or(ds.incidents_per_cluster_month),
        hours_per_incident: s.hours_per_incident.unwrap_or(ds.hours_per_incident),
        setup_hours: s.setup_hours.unwrap_or(ds.setup_hours),
        on_call_slots: int(s.on_call_slots, ds.on_call_slots),
    };
    let (t, dt) = (&i.team, &d.team);
    let team = Team {
        engineers: int(t.engineers, dt.engineers),
        annual_cost_usd: t.annual_cost_usd.unwrap_or(dt.annual_cost_usd),
        productive_hours_per_year: t
            .productive_hours_per_year
            .unwrap_or(dt.productive_hours_per_year),
        ops_budget_pct: t.ops_budget_pct.unwrap_or(dt.ops_budget_pct),
        on_call_stipend_per_week_usd: t
            .on_call_stipend_per_week_usd
            .unwrap_or(dt.on_call_stipend_per_week_usd),
    };
    let (u, du) = (&i.upgrades, &d.upgrades);
    let upgrades = Upgrades {
        campaigns_per_year: u.campaigns_per_year.unwrap_or(du.campaigns_per_year),
        releases_per_year: u.releases_per_year.unwrap_or(du.releases_per_year),
        versions_behind_latest: int(u.versions_behind_latest, du.versions_behind_latest),
        prep_hours_per_campaign: u
            .prep_hours_per_campaign
            .unwrap_or(du.prep_hours_per_campaign),
        eks_standard_support_months: u
            .eks_standard_support_months
            .unwrap_or(du.eks_standard_support_months),
        eks_extended_support_months: u
            .eks_extended_support_months
            .unwrap_or(du.eks_extended_support_months),
        upstream_support_months: u
            .upstream_support_months
            .unwrap_or(du.upstream_support_months),
    };
    let (p, dp) = (&i.prices, &d.prices);
    let prices = Prices {
        ebs_gib_month_usd: p.ebs_gib_month_usd.unwrap_or(dp.ebs_gib_month_usd),
        s3_gib_month_usd: p.s3_gib_month_usd.unwrap_or(dp.s3_gib_month_usd),
    };
    ResolvedInput {
        horizon_months: int(i.horizon_months, d.horizon_months),
        clusters: int(i.clusters, d.clusters),
        workers,
        eks,
        self_hosted,
        team,
        upgrades,
        prices,
    }
}
