//! Import of a running cluster: the JSON of `kubectl get nodes,pods -A -o json`
//! becomes a fleet group (docs/MODEL.md §8.3). [`parse`] reads the body,
//! [`translate`] makes the scenario and its report; [`import_json`] does both.
//!
//! Pure like the rest of the model: the server, the command line and the tests
//! call the same two functions.

mod checks;
mod clip;
mod documents;
mod head;
mod keys;
mod machine;
mod nodes;
mod owners;
mod parse;
mod pools;
mod quantity;
mod report;
mod requests;
mod resources;

pub use documents::{MAX_ITEMS, Upload};
pub use parse::{parse, parse_reader};
pub use quantity::parse as parse_quantity;
pub use report::{ImportReport, Imported, Skipped, WorkloadTotals};

use serde::Deserialize;

use crate::error::{FieldError, InputError};
use documents::{Item, Part};

/// Most nodes one import reads (Kubernetes' tested cluster size).
pub const MAX_NODES: usize = 5_000;
/// Most pods one import reads.
pub const MAX_PODS: usize = 20_000;

/// How pools are sized.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Sizing {
    /// `nodes_per_cluster` = the nodes counted (the cluster as it runs).
    #[default]
    Nodes,
    /// `workload` = the requests of the pods on the pool's nodes (the cluster
    /// as its pods need it).
    Requests,
}

/// [`parse`] then [`translate`].
pub fn import_json(bytes: &[u8], sizing: Sizing) -> Result<Imported, InputError> {
    translate(parse(bytes)?, sizing).map_err(InputError::Invalid)
}

/// Makes the scenario and report of a parsed body; refuses another kind of
/// list, more than [`MAX_NODES`] nodes or [`MAX_PODS`] pods, and an empty body.
pub fn translate(upload: Upload, sizing: Sizing) -> Result<Imported, Vec<FieldError>> {
    let mut sorted = Sorted::default();
    let Upload {
        kind,
        items,
        nodes,
        pods,
    } = upload;
    let top = list_kind(kind.as_deref(), "kind", &["List", "NodeList", "PodList"])?;
    sorted.take(items, top, "items");
    for (part, name, kinds, default) in [
        (nodes, "nodes", ["List", "NodeList"], "Node"),
        (pods, "pods", ["List", "PodList"], "Pod"),
    ] {
        let Some(Part { kind, items }) = part else {
            continue;
        };
        let at = format!("{name}.kind");
        let kind = list_kind(kind.as_deref(), &at, &kinds)?.or(Some(default));
        sorted.take(items, kind, &format!("{name}.items"));
    }
    sorted.check()?;
    checks::check_nodes(&sorted.nodes, &sorted.node_at)?;
    let imported = pools::build(sorted.nodes, sorted.pods, sorted.skipped, sizing);
    checks::check_scenario(&imported)?;
    Ok(imported)
}

/// The kind of item a list of this `kind` holds when an item names none
/// (`NodeList` → `Node`); refuses every kind but `allowed`, naming it.
fn list_kind(
    kind: Option<&str>,
    at: &str,
    allowed: &[&str],
) -> Result<Option<&'static str>, Vec<FieldError>> {
    match kind {
        None | Some("List") if allowed.contains(&"List") => Ok(None),
        Some("NodeList") if allowed.contains(&"NodeList") => Ok(Some("Node")),
        Some("PodList") if allowed.contains(&"PodList") => Ok(Some("Pod")),
        Some(other) => Err(vec![FieldError::new(
            at,
            format!(
                "a {} cannot be imported: send the nodes and pods, kubectl get nodes,pods -A -o json",
                printable_kind(other)
            ),
        )]),
        None => Ok(None),
    }
}

/// A kind fit to repeat in an answer: Kubernetes kinds are short alphanumeric
/// words; anything else is said as "document of another kind".
fn printable_kind(kind: &str) -> &str {
    let plain =
        !kind.is_empty() && kind.len() <= 63 && kind.bytes().all(|b| b.is_ascii_alphanumeric());
    if plain {
        kind
    } else {
        "document of another kind"
    }
}

/// The items sorted into nodes and pods, with where each list came from.
#[derive(Default)]
struct Sorted {
    nodes: Vec<Item>,
    pods: Vec<Item>,
    node_paths: Vec<String>,
    pod_paths: Vec<String>,
    /// Each node's own path (`items[3]`), for the refusals that name one.
    node_at: Vec<String>,
    skipped: report::SkipCounter,
}

impl Sorted {
    fn take(&mut self, items: Option<documents::Items>, default: Option<&str>, at: &str) {
        let mut saw = (false, false);
        for (i, item) in items.into_iter().flat_map(|i| i.0).enumerate() {
            let kind = item.kind.as_deref().or(default).or_else(|| guess(&item));
            match kind {
                Some("Node") => {
                    saw.0 = true;
                    self.nodes.push(item);
                    self.node_at.push(format!("{at}[{i}]"));
                }
                Some("Pod") => {
                    saw.1 = true;
                    self.pods.push(item);
                }
                Some(other) => self.skipped.add(&format!("kind {}", printable_kind(other))),
                None => self.skipped.add("object of unknown kind"),
            }
        }
        if saw.0 {
            self.node_paths.push(at.to_owned());
        }
        if saw.1 {
            self.pod_paths.push(at.to_owned());
        }
    }

    fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for (count, max, paths, what) in [
            (self.nodes.len(), MAX_NODES, &self.node_paths, "nodes"),
            (self.pods.len(), MAX_PODS, &self.pod_paths, "pods"),
        ] {
            if count > max {
                let at = paths.first().cloned().unwrap_or_default();
                errors.push(FieldError::new(
                    at,
                    format!("holds {count} {what}; at most {max} are imported"),
                ));
            }
        }
        if self.nodes.is_empty() && self.pods.is_empty() {
            // What was left out says why (`kind node`: kinds are case-sensitive).
            errors.push(FieldError::new(
                "",
                format!(
                    "holds no nodes and no pods: send kubectl get nodes,pods -A -o json{}",
                    self.skipped.summary()
                ),
            ));
        }
        match errors.is_empty() {
            true => Ok(()),
            false => Err(errors),
        }
    }
}

/// An item without a kind in a plain `List`: a node has a capacity, a pod containers.
fn guess(item: &Item) -> Option<&'static str> {
    if item.status.as_ref().is_some_and(|s| s.capacity.is_some()) {
        Some("Node")
    } else if item.spec.as_ref().is_some_and(|s| s.containers.is_some()) {
        Some("Pod")
    } else {
        None
    }
}

#[cfg(test)]
mod naming_tests;
#[cfg(test)]
mod pool_tests;
#[cfg(test)]
mod price_label_tests;
#[cfg(test)]
mod refusal_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod validity_tests;
