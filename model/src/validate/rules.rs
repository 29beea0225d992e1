//! Rules that span fields: instance types, the custom machine, the sizing mode, and
//! whether a node has any allocatable memory and pod slots left.

use crate::capacity::{eks_max_pods, reserved_mem_gib};
use crate::catalog::{catalog, unknown_type_message};
use crate::error::FieldError;
use crate::input::ScenarioInput;
use crate::resolved::{CustomInstance, ResolvedInput};

const CUSTOM: &str = "custom";

/// Checks that only the raw input can tell: both sizing modes sent, and the
/// presence of `workers.custom` and its members.
pub(crate) fn check_structure(input: &ScenarioInput, errors: &mut Vec<FieldError>) {
    let w = &input.workers;
    if w.nodes_per_cluster.is_some() && w.workload.is_some() {
        let msg = "send either workers.nodes_per_cluster or workers.workload, not both";
        errors.push(FieldError::new("workers.nodes_per_cluster", msg));
        errors.push(FieldError::new("workers.workload", msg));
    }
    let is_custom = w.instance_type.as_deref() == Some(CUSTOM);
    match (&w.custom, is_custom) {
        (None, true) => errors.push(FieldError::new(
            "workers.custom",
            "is required when workers.instance_type is \"custom\"",
        )),
        (Some(_), false) => errors.push(FieldError::new(
            "workers.custom",
            "is only allowed when workers.instance_type is \"custom\"",
        )),
        (Some(c), true) => {
            let members = [
                ("workers.custom.vcpu", c.vcpu.is_some()),
                ("workers.custom.memory_gib", c.memory_gib.is_some()),
                ("workers.custom.hourly_usd", c.hourly_usd.is_some()),
                (
                    "workers.custom.max_pods_vpc_cni",
                    c.max_pods_vpc_cni.is_some(),
                ),
            ];
            for (path, present) in members {
                if !present {
                    errors.push(FieldError::new(path, "is required"));
                }
            }
        }
        (None, false) => {}
    }
}

fn has_error(errors: &[FieldError], paths: &[&str]) -> bool {
    errors.iter().any(|e| {
        paths.iter().any(|p| {
            e.field == *p
                || (e.field.starts_with(p) && e.field.as_bytes().get(p.len()) == Some(&b'.'))
        })
    })
}

/// The worker machine: the catalog type, or the custom one.
fn worker_machine(input: &ResolvedInput, errors: &mut Vec<FieldError>) -> Option<CustomInstance> {
    let name = input.workers.instance_type.as_str();
    if name == CUSTOM {
        return input.workers.custom.clone();
    }
    match catalog().get(name) {
        Some(t) => Some(CustomInstance {
            vcpu: f64::from(t.vcpu),
            memory_gib: t.memory_gib,
            hourly_usd: t.hourly_usd,
            max_pods_vpc_cni: t.max_pods_vpc_cni(),
        }),
        None => {
            errors.push(FieldError::new(
                "workers.instance_type",
                format!(
                    "{} Use \"custom\" for a machine outside it.",
                    unknown_type_message(name)
                ),
            ));
            None
        }
    }
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

/// The display currency's code has the shape of an ISO 4217 code.
pub(crate) fn check_display(input: &ResolvedInput, errors: &mut Vec<FieldError>) {
    if !crate::display::is_currency_code(&input.display.currency) {
        errors.push(FieldError::new(
            "display.currency",
            "must be an ISO 4217 code: three capital letters, such as EUR",
        ));
    }
}

/// Semantic rules on the resolved input. Returns the worker machine and the
/// control-plane price when they could be determined. A rule whose inputs already
/// have an error is skipped, so one mistake is reported once.
pub(crate) fn check_semantics(
    input: &ResolvedInput,
    errors: &mut Vec<FieldError>,
) -> Option<(CustomInstance, f64)> {
    let worker = match has_error(errors, &["workers.instance_type", "workers.custom"]) {
        true => None,
        false => worker_machine(input, errors),
    };
    let cp_price = match has_error(errors, &["self_hosted.control_plane_hourly_usd"]) {
        true => None,
        false => control_plane_price(input, errors),
    };
    let worker = worker?;
    let worker_field = match input.workers.instance_type.as_str() {
        CUSTOM => "workers.custom.memory_gib",
        _ => "workers.instance_type",
    };
    let pods_eks = eks_max_pods(&worker, input.eks.prefix_delegation);
    let pods_self = input.self_hosted.max_pods_per_node;
    if worker.memory_gib - reserved_mem_gib(pods_eks) <= 0.0 {
        errors.push(FieldError::new(
            worker_field,
            format!(
                "leaves no allocatable memory on EKS: {} GiB minus the kubelet reservation for {pods_eks} pods",
                worker.memory_gib
            ),
        ));
    }
    if !has_error(errors, &["self_hosted.max_pods_per_node"])
        && worker.memory_gib - reserved_mem_gib(pods_self) <= 0.0
    {
        errors.push(FieldError::new(
            "self_hosted.max_pods_per_node",
            format!(
                "leaves no allocatable memory on a {} GiB worker node",
                worker.memory_gib
            ),
        ));
    }
    let pods = input.workers.workload.as_ref().map_or(0, |w| w.pods);
    let system = input.workers.system_pods_per_node;
    let sizing_ok = !has_error(
        errors,
        &["workers.workload", "workers.system_pods_per_node"],
    );
    if pods > 0 && sizing_ok {
        if pods_eks <= system {
            errors.push(FieldError::new(
                "workers.system_pods_per_node",
                format!("leaves no pod slots on EKS nodes (at most {pods_eks} pods per node)"),
            ));
        }
        if pods_self <= system && !has_error(errors, &["self_hosted.max_pods_per_node"]) {
            errors.push(FieldError::new(
                "self_hosted.max_pods_per_node",
                format!("must exceed workers.system_pods_per_node ({system}) to leave pod slots"),
            ));
        }
    }
    Some((worker, cp_price?))
}
