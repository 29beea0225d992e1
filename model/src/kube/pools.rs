//! The fleet group an import makes: one pool per instance type and capacity
//! type, sized by node count or by the requests of their pods, and the report.

use super::Sizing;
use super::documents::Item;
use super::keys::Key;
use super::machine::{custom_machine, name_part};
use super::nodes::{Pool, group};
use super::report::{ImportReport, Imported, SkipCounter, WorkloadTotals, totals, warn};
use crate::error::FieldError;
use crate::fields::field_spec;
use crate::input::{
    EksInput, GroupInput, PoolInput, ScenarioInput, SelfHostedInput, WorkloadInput,
};

/// The model's cap on `system_pods_per_node`.
const MAX_SYSTEM_PODS: u64 = 50;
/// The model's cap on pools per group.
const MAX_POOLS: usize = 10;
/// The group's name: the user renames it and sets how many clusters look like it.
const GROUP_NAME: &str = "Imported cluster";

/// The scenario and report for sorted nodes and pods.
pub(super) fn build(
    nodes: Vec<Item>,
    pods: Vec<Item>,
    mut skipped: SkipCounter,
    sizing: Sizing,
) -> Imported {
    let mut grouped = group(&nodes, &pods);
    let mut report = ImportReport {
        nodes: nodes.len() as u64,
        pods: pods.len() as u64,
        ..ImportReport::default()
    };
    drop((nodes, pods));
    for (phase, count) in &grouped.finished {
        skipped.add_n(&format!("pod phase {phase}"), *count);
    }
    if grouped.control_plane_pods > 0 {
        skipped.add_n("pod on a control-plane node", grouped.control_plane_pods);
    }
    report.skipped = skipped.into_vec();
    report.workload = totals(
        grouped.workload.cpu,
        grouped.workload.memory,
        grouped.workload_pods,
    );
    let have_pods = report.pods > 0;
    let sizing = match (sizing, have_pods) {
        (Sizing::Requests, false) => {
            report
                .warnings
                .push("no pods in the input: pools are sized by their node counts".into());
            Sizing::Nodes
        }
        (sizing, _) => sizing,
    };
    // The largest pools first: the first pool's volume also sizes the self-hosted
    // control plane, and a reader looks for the main pool at the top. Fargate last.
    grouped.pools.sort_by(|a, b| {
        (a.key == Key::Fargate, std::cmp::Reverse(a.nodes), &a.key).cmp(&(
            b.key == Key::Fargate,
            std::cmp::Reverse(b.nodes),
            &b.key,
        ))
    });
    let mut pools = Vec::new();
    for pool in &grouped.pools {
        let at = format!("fleet[0].pools[{}]", pools.len());
        pools.push(pool_input(pool, sizing, have_pods, &at, &mut report));
    }
    distinct_names(&mut pools);
    if pools.is_empty() {
        report.warnings.push(format!(
            "no nodes in the input: one pool of the default instance type sized from the requests of all {} pods; set its instance type",
            grouped.workload_pods
        ));
        pools.push(PoolInput {
            name: Some("pods".into()),
            workload: Some(workload(&report.workload)),
            ..PoolInput::default()
        });
    }
    if pools.len() > MAX_POOLS {
        report.needs.push(FieldError::new(
            "fleet[0].pools",
            format!(
                "{} pools were found and a group holds at most {MAX_POOLS}: merge the smallest",
                pools.len()
            ),
        ));
    }
    warn(&grouped, &mut report);
    let control_plane_nodes = control_plane_nodes(grouped.control_plane_nodes, &mut report);
    let auto_mode = grouped.auto_mode_nodes > 0;
    let input = ScenarioInput {
        fleet: Some(vec![GroupInput {
            name: Some(GROUP_NAME.into()),
            clusters: Some(1),
            clusters_added_per_year: None,
            pools: Some(pools),
        }]),
        eks: EksInput {
            auto_mode: auto_mode.then_some(true),
            ..EksInput::default()
        },
        self_hosted: SelfHostedInput {
            control_plane_nodes,
            ..SelfHostedInput::default()
        },
        ..ScenarioInput::default()
    };
    Imported { input, report }
}

fn pool_input(
    pool: &Pool,
    sizing: Sizing,
    have_pods: bool,
    at: &str,
    report: &mut ImportReport,
) -> PoolInput {
    let own = totals(pool.requests.cpu, pool.requests.memory, pool.pods);
    let Key::Ec2 {
        instance_type,
        capacity,
        off_catalog,
    } = &pool.key
    else {
        // Fargate bills pods, not nodes: the pool must be sized by its pods.
        return PoolInput {
            name: Some("fargate".into()),
            compute: Some("fargate".into()),
            workload: Some(workload(&own)),
            min_nodes_per_cluster: fewest_nodes(pool, Sizing::Requests),
            ..PoolInput::default()
        };
    };
    let spot = capacity.as_deref() == Some("spot");
    let type_name = instance_type.as_deref().unwrap_or("unlabelled");
    let name = match capacity {
        Some(capacity) => format!("{} {}", name_part(type_name, 40), name_part(capacity, 19)),
        None => name_part(type_name, 40),
    };
    let daemonsets = pool.daemonset_max.min(MAX_SYSTEM_PODS);
    if pool.daemonset_max > MAX_SYSTEM_PODS {
        report.warnings.push(format!(
            "{name}: {} DaemonSet pods on one node; system_pods_per_node is capped at {MAX_SYSTEM_PODS}",
            pool.daemonset_max
        ));
    }
    report.daemonset_pods_per_node = match have_pods {
        true => Some(report.daemonset_pods_per_node.unwrap_or(0).max(daemonsets)),
        false => None,
    };
    let (known, custom) = match (instance_type, off_catalog) {
        (Some(known), None) => (known.clone(), None),
        (_, off) => (
            "custom".to_owned(),
            Some(custom_machine(pool, type_name, off.as_ref(), at, report)),
        ),
    };
    let (nodes_per_cluster, workload) = match sizing {
        Sizing::Nodes => (Some(pool.nodes as i64), None),
        Sizing::Requests => (None, Some(workload(&own))),
    };
    PoolInput {
        name: Some(name),
        compute: Some("ec2".into()),
        instance_type: Some(known),
        custom,
        nodes_per_cluster,
        workload,
        min_nodes_per_cluster: fewest_nodes(pool, sizing),
        system_pods_per_node: have_pods.then_some(daemonsets as i64),
        spot_share_pct: Some(if spot { 100.0 } else { 0.0 }),
        ..PoolInput::default()
    }
}

fn workload(totals: &WorkloadTotals) -> WorkloadInput {
    WorkloadInput {
        cpu_request_cores: Some(totals.cpu_request_cores),
        memory_request_gib: Some(totals.memory_request_gib),
        pods: Some(totals.pods as i64),
    }
}

/// Names a pool that repeats an earlier pool's name `… 2`, `… 3`: two instance
/// types that differ only past the 40 characters a name keeps of them would
/// otherwise give the group two pools of one name, which validation refuses.
fn distinct_names(pools: &mut [PoolInput]) {
    let mut taken = std::collections::HashSet::new();
    for pool in pools {
        let Some(name) = pool.name.clone() else {
            continue;
        };
        let mut unique = name.clone();
        for n in 2.. {
            if taken.insert(unique.clone()) {
                break;
            }
            let suffix = format!(" {n}");
            let keep = crate::MAX_ITEM_NAME_CHARS - suffix.len();
            unique = name.chars().take(keep).collect::<String>() + &suffix;
        }
        pool.name = Some(unique);
    }
}

/// A pool sized by its pods' requests needs no more nodes than the cluster
/// runs in it: its fewest nodes are the default (3, for the availability
/// zones) or the nodes counted, whichever is less (a one-node pool stays one
/// node; an idle pool is not raised to three). Counted pools keep the default.
fn fewest_nodes(pool: &Pool, sizing: Sizing) -> Option<i64> {
    let default = field_spec("fleet[].pools[].min_nodes_per_cluster")
        .and_then(|spec| spec.default.as_i64())
        .unwrap_or(3);
    let nodes = i64::try_from(pool.nodes).unwrap_or(i64::MAX);
    (sizing == Sizing::Requests).then_some(default.min(nodes))
}

/// `self_hosted.control_plane_nodes` for the control-plane nodes seen, when
/// the model takes that count (1, 3, 5 or 7, for etcd's quorum); another count
/// is left at the default and said in a warning.
fn control_plane_nodes(seen: u64, report: &mut ImportReport) -> Option<i64> {
    if seen == 0 {
        return None;
    }
    let spec = field_spec("self_hosted.control_plane_nodes");
    let allowed = spec.and_then(|s| s.allowed.as_deref()).unwrap_or(&[]);
    let count = i64::try_from(seen).ok().filter(|n| allowed.contains(n));
    if count.is_none() {
        report.warnings.push(format!(
            "{seen} control-plane nodes: self_hosted.control_plane_nodes must be {}, so it is left at its default; set it",
            spec.map_or("odd", |s| s.range.as_str())
        ));
    }
    count
}
