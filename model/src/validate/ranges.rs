//! Range checks of every numeric field that a request actually sent, against the
//! field table. Absent fields take defaults, which are in range by construction.

use crate::error::FieldError;
use crate::fields::field_spec;
use crate::input::ScenarioInput;

/// The numeric fields of `input` by path; members of `workers.custom` and
/// `workers.workload` only when those objects are present.
pub(crate) fn numeric_fields(i: &ScenarioInput) -> Vec<(&'static str, Option<f64>)> {
    // Ranges of integers are far inside f64's exact range, so the cast cannot
    // turn an out-of-range value into an in-range one.
    let int = |v: Option<i64>| v.map(|v| v as f64);
    let (w, e, s) = (&i.workers, &i.eks, &i.self_hosted);
    let (t, u, p) = (&i.team, &i.upgrades, &i.prices);
    let mut fields = vec![
        ("horizon_months", int(i.horizon_months)),
        ("clusters", int(i.clusters)),
        ("workers.nodes_per_cluster", int(w.nodes_per_cluster)),
        ("workers.headroom_pct", w.headroom_pct),
        (
            "workers.min_nodes_per_cluster",
            int(w.min_nodes_per_cluster),
        ),
        ("workers.system_pods_per_node", int(w.system_pods_per_node)),
        ("workers.volume_gib_per_node", w.volume_gib_per_node),
        ("workers.compute_discount_pct", w.compute_discount_pct),
        ("eks.standard_hourly_usd", e.standard_hourly_usd),
        ("eks.extended_hourly_usd", e.extended_hourly_usd),
        (
            "eks.upgrade_hours_per_cluster_hop",
            e.upgrade_hours_per_cluster_hop,
        ),
        ("eks.upgrade_hours_per_node", e.upgrade_hours_per_node),
        (
            "eks.routine_hours_per_cluster_month",
            e.routine_hours_per_cluster_month,
        ),
        (
            "eks.incidents_per_cluster_month",
            e.incidents_per_cluster_month,
        ),
        ("eks.hours_per_incident", e.hours_per_incident),
        ("eks.setup_hours", e.setup_hours),
        ("eks.on_call_slots", int(e.on_call_slots)),
        (
            "self_hosted.control_plane_nodes",
            int(s.control_plane_nodes),
        ),
        (
            "self_hosted.control_plane_hourly_usd",
            s.control_plane_hourly_usd,
        ),
        ("self_hosted.worker_hourly_usd", s.worker_hourly_usd),
        ("self_hosted.max_pods_per_node", int(s.max_pods_per_node)),
        ("self_hosted.api_lb_hourly_usd", s.api_lb_hourly_usd),
        ("self_hosted.etcd_backup_gib", s.etcd_backup_gib),
        (
            "self_hosted.upgrade_hours_per_cluster_hop",
            s.upgrade_hours_per_cluster_hop,
        ),
        (
            "self_hosted.upgrade_hours_per_node",
            s.upgrade_hours_per_node,
        ),
        (
            "self_hosted.routine_hours_per_cluster_month",
            s.routine_hours_per_cluster_month,
        ),
        (
            "self_hosted.incidents_per_cluster_month",
            s.incidents_per_cluster_month,
        ),
        ("self_hosted.hours_per_incident", s.hours_per_incident),
        ("self_hosted.setup_hours", s.setup_hours),
        ("self_hosted.on_call_slots", int(s.on_call_slots)),
        ("team.engineers", int(t.engineers)),
        ("team.annual_cost_usd", t.annual_cost_usd),
        (
            "team.productive_hours_per_year",
            t.productive_hours_per_year,
        ),
        ("team.ops_budget_pct", t.ops_budget_pct),
        (
            "team.on_call_stipend_per_week_usd",
            t.on_call_stipend_per_week_usd,
        ),
        ("upgrades.campaigns_per_year", u.campaigns_per_year),
        ("upgrades.releases_per_year", u.releases_per_year),
        (
            "upgrades.versions_behind_latest",
            int(u.versions_behind_latest),
        ),
        (
            "upgrades.prep_hours_per_campaign",
            u.prep_hours_per_campaign,
        ),
        (
            "upgrades.eks_standard_support_months",
            u.eks_standard_support_months,
        ),
        (
            "upgrades.eks_extended_support_months",
            u.eks_extended_support_months,
        ),
        (
            "upgrades.upstream_support_months",
            u.upstream_support_months,
        ),
        ("prices.ebs_gib_month_usd", p.ebs_gib_month_usd),
        ("prices.s3_gib_month_usd", p.s3_gib_month_usd),
    ];
    if let Some(c) = &w.custom {
        fields.extend([
            ("workers.custom.vcpu", c.vcpu),
            ("workers.custom.memory_gib", c.memory_gib),
            ("workers.custom.hourly_usd", c.hourly_usd),
            ("workers.custom.max_pods_vpc_cni", int(c.max_pods_vpc_cni)),
        ]);
    }
    if let Some(wl) = &w.workload {
        fields.extend([
            ("workers.workload.cpu_request_cores", wl.cpu_request_cores),
            ("workers.workload.memory_request_gib", wl.memory_request_gib),
            ("workers.workload.pods", int(wl.pods)),
        ]);
    }
    fields
}

/// Pushes one error per present numeric field outside its table range.
pub(crate) fn check_ranges(input: &ScenarioInput, errors: &mut Vec<FieldError>) {
    for (path, value) in numeric_fields(input) {
        let (Some(value), Some(spec)) = (value, field_spec(path)) else {
            continue;
        };
        if let Some(message) = spec.check(value) {
            errors.push(FieldError::new(path, message));
        }
    }
}
