//! What the import refuses once the body is read: a node named twice, a
//! node's capacity of nothing, and a scenario the model would refuse for
//! anything but what `report.needs` lists (so an import's answer is either a
//! refusal or an input that calculates once the needs are filled in).

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::documents::Item;
use super::report::Imported;
use crate::error::{FieldError, cap_field_errors};
use crate::input::ScenarioInput;
use crate::scenario::Scenario;

/// Refuses a node name used twice (the pods of the two could not be told
/// apart: a list of one cluster never has it) and a zero capacity (negative
/// ones are refused as they are read), each at its path in the body. `at`
/// holds each node's path (`items[3]`).
pub(super) fn check_nodes(nodes: &[Item], at: &[String]) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (node, at) in nodes.iter().zip(at) {
        if let Some(name) = node.metadata.as_ref().and_then(|m| m.name.as_deref()) {
            match seen.entry(name) {
                Entry::Occupied(first) => errors.push(FieldError::new(
                    format!("{at}.metadata.name"),
                    format!(
                        "is the name of the node at {} too: a cluster's node names are unique, so send each node once",
                        first.get()
                    ),
                )),
                Entry::Vacant(entry) => {
                    entry.insert(at);
                }
            }
        }
        let capacity = node.status.as_ref().and_then(|s| s.capacity);
        let capacity = capacity.unwrap_or_default();
        for (member, quantity) in [
            ("cpu", capacity.cpu),
            ("memory", capacity.memory),
            ("pods", capacity.pods),
        ] {
            // `<=` and not `==`: a bare `-0.0` reads as a negative zero.
            if quantity.is_some_and(|q| q.0 <= 0.0) {
                errors.push(FieldError::new(
                    format!("{at}.status.capacity.{member}"),
                    "is 0: a node's capacity must be more than nothing",
                ));
            }
        }
    }
    match errors.is_empty() {
        true => Ok(()),
        false => Err(cap_field_errors(errors)),
    }
}

/// Validates the imported scenario as a calculation would, and refuses it for
/// every violation `report.needs` does not list (a sum of requests or a node's
/// capacity outside the model's range, a Fargate pod larger than Fargate's
/// largest), each said in terms of the pool it comes from.
pub(super) fn check_scenario(imported: &Imported) -> Result<(), Vec<FieldError>> {
    let needs = &imported.report.needs;
    let Err(invalid) = Scenario::try_from(with_stand_ins(&imported.input, needs)) else {
        return Ok(());
    };
    let refusals: Vec<FieldError> = invalid
        .0
        .into_iter()
        .filter(|e| !needs.iter().any(|n| n.field == e.field))
        .map(|e| explain(e, &imported.input))
        .collect();
    match refusals.is_empty() {
        true => Ok(()),
        false => Err(cap_field_errors(refusals)),
    }
}

/// `input` with a stand-in for every member of a custom machine `needs` asks
/// for. A machine without all of them is incomplete, and the rules on it
/// (memory left after the kubelet's reservation, pod slots) run only on a
/// complete one: a 1 GiB node off the catalog was imported with only its price
/// to fill in, then refused once it was. Each stand-in is the value that
/// passes those rules most easily, so what fails with them fails with any:
/// a price and vCPUs move no rule; memory at its most; pod slots one past the
/// system pods (fewer leave no room for a pod, more take more memory).
fn with_stand_ins(input: &ScenarioInput, needs: &[FieldError]) -> ScenarioInput {
    let mut input = input.clone();
    let pools = input.fleet.iter_mut().flatten().enumerate();
    let pools = pools.flat_map(|(g, group)| {
        let pools = group.pools.iter_mut().flatten().enumerate();
        pools.map(move |(p, pool)| (format!("fleet[{g}].pools[{p}].custom."), pool))
    });
    for (at, pool) in pools {
        let needed = |member: &str| needs.iter().any(|n| n.field == format!("{at}{member}"));
        let system_pods = pool.system_pods_per_node.unwrap_or_else(|| {
            let default = &table("fleet[].pools[].system_pods_per_node").default;
            default.as_i64().unwrap_or_default()
        });
        let Some(custom) = pool.custom.as_mut() else {
            continue;
        };
        if needed("hourly_usd") {
            custom.hourly_usd.get_or_insert(1.0);
        }
        if needed("vcpu") {
            custom.vcpu.get_or_insert(1.0);
        }
        if needed("memory_gib") {
            let most = table("fleet[].pools[].custom.memory_gib").maximum;
            custom.memory_gib.get_or_insert(most.unwrap_or(1.0));
        }
        if needed("max_pods_vpc_cni") {
            custom.max_pods_vpc_cni.get_or_insert(system_pods + 1);
        }
    }
    input
}

/// A field of the table: this file names only fields that are there.
fn table(path: &str) -> &'static crate::FieldSpec {
    crate::field_spec(path).expect("a field of the table")
}

/// A violation of the imported scenario as a refusal of the body: for the
/// whole body (the scenario's paths are not the body's), naming the pool, the
/// figure, where the import took it from, and the model's limit.
fn explain(error: FieldError, input: &ScenarioInput) -> FieldError {
    let in_pool = error
        .field
        .strip_prefix("fleet[0].pools[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(index, member)| Some((index.parse::<usize>().ok()?, member)));
    let pool = in_pool.and_then(|(p, member)| {
        let pools = input.fleet.as_ref()?.first()?.pools.as_ref()?;
        Some((pools.get(p)?, member.strip_prefix('.')?))
    });
    let Some((pool, member)) = pool else {
        return FieldError::new(
            "",
            format!(
                "the imported scenario cannot be planned: {} {}",
                error.field, error.message
            ),
        );
    };
    let pointer = format!("/{}", member.replace('.', "/"));
    let value = serde_json::to_value(pool)
        .ok()
        .and_then(|json| json.pointer(&pointer).filter(|v| v.is_number()).cloned())
        .map_or_else(String::new, |v| format!("{v}, "));
    let source = match member.split('.').next() {
        Some("workload") => "summed from the requests of the pods on its nodes",
        Some("custom") => "read from its nodes' status.capacity",
        Some("nodes_per_cluster") => "its nodes counted",
        _ => "set by the import",
    };
    FieldError::new(
        "",
        format!(
            "the imported pool \"{}\" cannot be planned: its {member} ({value}{source}): {}",
            pool.name.as_deref().unwrap_or_default(),
            error.message
        ),
    )
}
