//! The fleet group an import makes: one pool per instance type and capacity
//! type, sized by node count or by the requests of their pods, and the report.

use super::Sizing;
use super::documents::Item;
use super::nodes::{Key, Pool, group};
use super::report::{GIB, ImportReport, Imported, SkipCounter, WorkloadTotals, totals, warn};
use crate::catalog::catalog;
use crate::error::FieldError;
use crate::input::{CustomInput, EksInput, GroupInput, PoolInput, ScenarioInput, WorkloadInput};

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
    } = &pool.key
    else {
        // Fargate bills pods, not nodes: the pool must be sized by its pods.
        return PoolInput {
            name: Some("fargate".into()),
            compute: Some("fargate".into()),
            workload: Some(workload(&own)),
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
    let (known, custom) = match instance_type
        .as_deref()
        .filter(|t| catalog().get(t).is_some())
    {
        Some(known) => (known.to_owned(), None),
        None => (
            "custom".to_owned(),
            Some(custom_machine(pool, type_name, at, report)),
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
        system_pods_per_node: have_pods.then_some(daemonsets as i64),
        spot_share_pct: Some(if spot { 100.0 } else { 0.0 }),
        ..PoolInput::default()
    }
}

/// A machine outside the catalog, described by its node's capacity. Its price
/// is left for the user: a made-up price would decide the comparison.
fn custom_machine(
    pool: &Pool,
    type_name: &str,
    at: &str,
    report: &mut ImportReport,
) -> CustomInput {
    let c = pool.capacity;
    let custom = CustomInput {
        vcpu: c.cpu.map(|q| q.0),
        memory_gib: c.memory.map(|q| q.0 / GIB),
        hourly_usd: None,
        max_pods_vpc_cni: c.pods.map(|q| q.0.round() as i64),
    };
    report.needs.push(FieldError::new(
        format!("{at}.custom.hourly_usd"),
        format!(
            "the price of one {} node per hour: the catalog does not list it",
            name_part(type_name, 40)
        ),
    ));
    for (member, missing) in [
        ("vcpu", custom.vcpu.is_none()),
        ("memory_gib", custom.memory_gib.is_none()),
        ("max_pods_vpc_cni", custom.max_pods_vpc_cni.is_none()),
    ] {
        if missing {
            report.needs.push(FieldError::new(
                format!("{at}.custom.{member}"),
                "the node's status.capacity does not say it",
            ));
        }
    }
    custom
}

fn workload(totals: &WorkloadTotals) -> WorkloadInput {
    WorkloadInput {
        cpu_request_cores: Some(totals.cpu_request_cores),
        memory_request_gib: Some(totals.memory_request_gib),
        pods: Some(totals.pods as i64),
    }
}

/// A label value as part of a pool name: at most `chars` characters (a name
/// has 60 with the capacity), without the characters no name may hold.
fn name_part(text: &str, chars: usize) -> String {
    text.chars()
        .filter(|c| !crate::unfit_for_names(*c))
        .take(chars)
        .collect()
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
