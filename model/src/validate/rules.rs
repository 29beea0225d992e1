//! Rules that span fields: instance types, the custom machine, the sizing mode, and
//! whether a node has any allocatable memory and pod slots left. They hold for
//! `workers` and for every pool of `fleet` alike, each named by its own path.

use crate::capacity::{eks_max_pods, reserved_mem_gib};
use crate::catalog::{catalog, unknown_type_message};
use crate::error::FieldError;
use crate::fleet::{CUSTOM, GroupPlan, machine, plan};
use crate::input::{CustomInput, WorkloadInput};
use crate::resolved::{Compute, Pool, ResolvedInput};

/// The machine and sizing members of `workers` or of one pool, as sent.
pub(crate) struct MachineInput<'a> {
    pub instance_type: Option<&'a str>,
    pub custom: Option<&'a CustomInput>,
    pub nodes_per_cluster: Option<i64>,
    pub workload: Option<&'a WorkloadInput>,
}

/// A custom machine's members, in the form's order.
const CUSTOM_MEMBERS: [&str; 4] = ["vcpu", "memory_gib", "hourly_usd", "max_pods_vpc_cni"];

/// Checks that only the raw input can tell: both sizing modes sent, and the
/// presence of `custom` and its members (`at` is `workers` or a pool's path).
pub(crate) fn check_machine(at: &str, m: &MachineInput, errors: &mut Vec<FieldError>) {
    if m.nodes_per_cluster.is_some() && m.workload.is_some() {
        let msg = format!("send either {at}.nodes_per_cluster or {at}.workload, not both");
        errors.push(FieldError::new(format!("{at}.nodes_per_cluster"), &msg));
        errors.push(FieldError::new(format!("{at}.workload"), msg));
    }
    let is_custom = m.instance_type == Some(CUSTOM);
    match (m.custom, is_custom) {
        // Each member is named, not the object: a form draws a box per member,
        // and "custom is required" marked none of them.
        (None, true) => {
            for member in CUSTOM_MEMBERS {
                errors.push(FieldError::new(
                    format!("{at}.custom.{member}"),
                    "is required when the instance type is \"custom\"",
                ));
            }
        }
        (Some(_), false) => errors.push(FieldError::new(
            format!("{at}.custom"),
            format!("is only allowed when {at}.instance_type is \"custom\""),
        )),
        (Some(c), true) => {
            let present = [
                c.vcpu.is_some(),
                c.memory_gib.is_some(),
                c.hourly_usd.is_some(),
                c.max_pods_vpc_cni.is_some(),
            ];
            for (member, present) in CUSTOM_MEMBERS.into_iter().zip(present) {
                if !present {
                    errors.push(FieldError::new(
                        format!("{at}.custom.{member}"),
                        "is required",
                    ));
                }
            }
        }
        (None, false) => {}
    }
}

pub(crate) fn has_error(errors: &[FieldError], paths: &[&str]) -> bool {
    errors.iter().any(|e| {
        paths.iter().any(|p| {
            e.field == *p
                || (e.field.starts_with(p) && e.field.as_bytes().get(p.len()) == Some(&b'.'))
        })
    })
}

/// The control-plane node price: the override, else the catalog price.
fn control_plane_price(input: &ResolvedInput, errors: &mut Vec<FieldError>) -> Option<f64> {
    let name = input.self_hosted.control_plane_instance_type.as_str();
    match catalog().get(name) {
        Some(t) => Some(
            input
                .self_hosted
                .control_plane_hourly_usd
                .unwrap_or(t.hourly_usd),
        ),
        None => {
            let msg = match name {
                CUSTOM => "must be a catalog type (\"custom\" is for workers only)".to_owned(),
                _ => unknown_type_message(name),
            };
            errors.push(FieldError::new(
                "self_hosted.control_plane_instance_type",
                msg,
            ));
            None
        }
    }
}

/// The display currency's code has the shape of an ISO 4217 code, and a
/// dollar is one dollar.
pub(crate) fn check_display(input: &ResolvedInput, errors: &mut Vec<FieldError>) {
    let display = &input.display;
    if !crate::display::is_currency_code(&display.currency) {
        errors.push(FieldError::new(
            "display.currency",
            "must be an ISO 4217 code: three capital letters, such as EUR",
        ));
    }
    if let Some(message) = crate::display::usd_rate_error(&display.currency, display.per_usd) {
        errors.push(FieldError::new("display.per_usd", message));
    }
}

/// The path of pool `p` of group `g`: `fleet[g].pools[p]`, or `workers` without a fleet.
pub(crate) fn pool_path(input: &ResolvedInput, group: usize, pool: usize) -> String {
    match input.fleet {
        Some(_) => format!("fleet[{group}].pools[{pool}]"),
        None => "workers".to_owned(),
    }
}

/// One pool's machine, and whether its nodes keep allocatable memory and pod slots
/// under both options.
fn check_pool(input: &ResolvedInput, at: &str, pool: &Pool, errors: &mut Vec<FieldError>) {
    let (type_path, custom_path) = (format!("{at}.instance_type"), format!("{at}.custom"));
    if has_error(errors, &[&type_path, &custom_path]) {
        return;
    }
    let Some(worker) = machine(pool) else {
        errors.push(FieldError::new(
            type_path,
            format!(
                "{} Use \"custom\" for a machine outside it.",
                unknown_type_message(&pool.instance_type)
            ),
        ));
        return;
    };
    let worker_field = match pool.instance_type.as_str() {
        CUSTOM => format!("{custom_path}.memory_gib"),
        _ => type_path,
    };
    let pods_eks = eks_max_pods(&worker, input.eks.prefix_delegation);
    let pods_self = input.self_hosted.max_pods_per_node;
    let no_memory = |pods| worker.memory_gib - reserved_mem_gib(pods) <= 0.0;
    // A Fargate pool runs no nodes on EKS: only the self-hosted ones are checked.
    let eks_nodes = pool.compute != Compute::Fargate;
    if eks_nodes && no_memory(pods_eks) {
        errors.push(FieldError::new(
            &worker_field,
            format!(
                "leaves no allocatable memory on EKS: {} GiB minus the kubelet reservation for {pods_eks} pods",
                worker.memory_gib
            ),
        ));
    }
    let self_pods_ok = !has_error(errors, &["self_hosted.max_pods_per_node"]);
    if self_pods_ok && no_memory(pods_self) {
        errors.push(FieldError::new(
            "self_hosted.max_pods_per_node",
            format!(
                "leaves no allocatable memory on a {} GiB worker node{}",
                worker.memory_gib,
                pool_named(at)
            ),
        ));
    }
    let pods = pool.workload.as_ref().map_or(0, |w| w.pods);
    let system = pool.system_pods_per_node;
    let system_path = format!("{at}.system_pods_per_node");
    if pods > 0 && !has_error(errors, &[&format!("{at}.workload"), &system_path]) {
        if eks_nodes && pods_eks <= system {
            errors.push(FieldError::new(
                system_path,
                format!("leaves no pod slots on EKS nodes (at most {pods_eks} pods per node)"),
            ));
        }
        if pods_self <= system && self_pods_ok {
            errors.push(FieldError::new(
                "self_hosted.max_pods_per_node",
                format!("must exceed {at}.system_pods_per_node ({system}) to leave pod slots"),
            ));
        }
    }
}

/// ` of fleet[0].pools[1]` for an error raised at an option's field by one pool
/// (nothing for `workers`, the only machine of a plain scenario).
fn pool_named(at: &str) -> String {
    match at {
        "workers" => String::new(),
        _ => format!(" ({at})"),
    }
}

/// Semantic rules on the resolved input. Returns the fleet's plan and the
/// control-plane price when they could be determined. A rule whose inputs already
/// have an error is skipped, so one mistake is reported once.
pub(crate) fn check_semantics(
    input: &ResolvedInput,
    errors: &mut Vec<FieldError>,
) -> Option<(Vec<GroupPlan>, f64)> {
    let cp_price = match has_error(errors, &["self_hosted.control_plane_hourly_usd"]) {
        true => None,
        false => control_plane_price(input, errors),
    };
    let groups = input.groups();
    for (g, group) in groups.iter().enumerate() {
        for (p, pool) in group.pools.iter().enumerate() {
            let at = pool_path(input, g, p);
            check_pool(input, &at, pool, errors);
        }
    }
    super::fleet::check_fleet_semantics(input, errors);
    Some((plan(&groups)?, cp_price?))
}
