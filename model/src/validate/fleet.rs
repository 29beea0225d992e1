//! Rules of the fleet (model v3): what may stand beside it, group and pool counts,
//! unique names, Fargate pools, and the fleet's size.

use super::line_items::check_choice;
use super::names::check_name;
use super::rules::{MachineInput, check_machine, has_error, pool_path};
use crate::error::FieldError;
use crate::fields::max_items;
use crate::fleet::{LARGEST, POD_OVERHEAD_GIB, REPLACED_BY_FLEET};
use crate::input::{ScenarioInput, WorkersInput};
use crate::resolved::{Compute, ResolvedInput};
use std::collections::HashSet;

/// Most clusters of the whole fleet at month 0 (the range of `clusters`).
const MAX_CLUSTERS: u64 = 1000;

/// Checks what only the raw input can tell: the inputs `fleet` replaces, the
/// counts of groups and pools, names, choices and each pool's machine members.
/// Without `fleet`, checks `workers` the same way.
pub(crate) fn check_structure(input: &ScenarioInput, errors: &mut Vec<FieldError>) {
    let Some(fleet) = &input.fleet else {
        let none = WorkersInput::default();
        let w = input.workers.as_ref().unwrap_or(&none);
        let machine = MachineInput {
            instance_type: w.instance_type.as_deref(),
            custom: w.custom.as_ref(),
            nodes_per_cluster: w.nodes_per_cluster,
            workload: w.workload.as_ref(),
        };
        return check_machine("workers", &machine, errors);
    };
    let [clusters, workers] = REPLACED_BY_FLEET;
    let replaced = [
        (
            clusters,
            input.clusters.is_some(),
            "give each group's clusters",
        ),
        (
            workers,
            // Sent at all, even `{}`: PLANNER §9.1 refuses `workers` beside `fleet`.
            input.workers.is_some(),
            "describe the nodes as pools of a group",
        ),
        (
            "self_hosted.worker_hourly_usd",
            input.self_hosted.worker_hourly_usd.is_some(),
            "set fleet[].pools[].self_hosted_hourly_usd",
        ),
    ];
    for (field, sent, instead) in replaced {
        if sent {
            errors.push(FieldError::new(
                field,
                format!("must not be sent with fleet: {instead}"),
            ));
        }
    }
    if fleet.is_empty() || fleet.len() > max_items("fleet") {
        errors.push(FieldError::new(
            "fleet",
            format!(
                "must have 1 to {} groups, not {}",
                max_items("fleet"),
                fleet.len()
            ),
        ));
    }
    let mut names = HashSet::new();
    for (g, group) in fleet.iter().enumerate() {
        let at = format!("fleet[{g}]");
        check_name(format!("{at}.name"), group.name.as_deref(), errors);
        if let Some(name) = &group.name
            && !names.insert(name.as_str())
        {
            errors.push(FieldError::new(
                format!("{at}.name"),
                format!("\"{name}\" names another group already: names must be unique"),
            ));
        }
        if group.clusters.is_none() {
            errors.push(FieldError::new(format!("{at}.clusters"), "is required"));
        }
        let Some(pools) = &group.pools else {
            errors.push(FieldError::new(format!("{at}.pools"), "is required"));
            continue;
        };
        if pools.is_empty() {
            // The planner drew the new group's pool, blank: "not 0" read wrong.
            errors.push(FieldError::new(
                format!("{at}.pools"),
                "must have at least 1 pool (a pool with every box empty is left out)",
            ));
        } else if pools.len() > max_items("fleet[].pools") {
            errors.push(FieldError::new(
                format!("{at}.pools"),
                format!(
                    "must have 1 to {} pools, not {}",
                    max_items("fleet[].pools"),
                    pools.len()
                ),
            ));
        }
        let mut pool_names = HashSet::new();
        for (p, pool) in pools.iter().enumerate() {
            let at = format!("{at}.pools[{p}]");
            check_name(format!("{at}.name"), pool.name.as_deref(), errors);
            if let Some(name) = &pool.name
                && !pool_names.insert(name.as_str())
            {
                errors.push(FieldError::new(
                    format!("{at}.name"),
                    format!("\"{name}\" names another pool of this group: names must be unique"),
                ));
            }
            let compute = format!("{at}.compute");
            check_choice(
                &compute,
                "fleet[].pools[].compute",
                pool.compute.as_deref(),
                errors,
            );
            let machine = MachineInput {
                instance_type: pool.instance_type.as_deref(),
                custom: pool.custom.as_ref(),
                nodes_per_cluster: pool.nodes_per_cluster,
                workload: pool.workload.as_ref(),
            };
            check_machine(&at, &machine, errors);
            if pool.compute.as_deref() == Some("fargate") && pool.nodes_per_cluster.is_some() {
                errors.push(FieldError::new(
                    format!("{at}.nodes_per_cluster"),
                    "is not for a Fargate pool: Fargate bills pods, so give its workload",
                ));
            }
        }
    }
}

/// Rules on the resolved fleet: its size, and that every Fargate pool's average
/// pod fits the largest Fargate size.
pub(crate) fn check_fleet_semantics(input: &ResolvedInput, errors: &mut Vec<FieldError>) {
    let Some(fleet) = &input.fleet else {
        return;
    };
    let clusters: u64 = fleet.iter().map(|g| u64::from(g.clusters)).sum();
    if clusters > MAX_CLUSTERS && !has_error(errors, &["fleet"]) {
        errors.push(FieldError::new(
            "fleet",
            format!("has {clusters} clusters; the whole fleet may have at most {MAX_CLUSTERS}"),
        ));
    }
    for (g, group) in fleet.iter().enumerate() {
        for (p, pool) in group.pools.iter().enumerate() {
            let at = format!("{}.workload", pool_path(input, g, p));
            let Some(load) = pool
                .workload
                .as_ref()
                .filter(|_| pool.compute == Compute::Fargate)
            else {
                continue;
            };
            if load.pods == 0 || has_error(errors, &[&at]) {
                continue;
            }
            let pods = f64::from(load.pods);
            let (cpu, memory) = (
                load.cpu_request_cores / pods,
                load.memory_request_gib / pods,
            );
            if cpu > LARGEST.vcpu || memory + POD_OVERHEAD_GIB > LARGEST.max_gib {
                errors.push(FieldError::new(
                    at,
                    format!(
                        "its average pod ({cpu:.2} vCPU, {memory:.2} GiB) is larger than Fargate's largest ({} vCPU, {} GiB with {POD_OVERHEAD_GIB} GiB for the kubelet)",
                        LARGEST.vcpu, LARGEST.max_gib
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Scenario, ScenarioInput};

    fn fields(json: &str) -> Vec<String> {
        let input: ScenarioInput = serde_json::from_str(json).expect("reads");
        match Scenario::try_from(input) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.0.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn workers_sent_empty_beside_a_fleet_is_refused_at_workers() {
        let fleet = r#""fleet": [{"name": "prod", "clusters": 2, "pools": [{"name": "general"}]}]"#;
        assert_eq!(fields(&format!("{{{fleet}}}")), Vec::<String>::new());
        assert_eq!(
            fields(&format!(r#"{{{fleet}, "workers": {{}}}}"#)),
            ["workers"]
        );
        // Without a fleet, `{}` is the defaults, as before.
        assert_eq!(fields(r#"{"workers": {}}"#), Vec::<String>::new());
    }
}
