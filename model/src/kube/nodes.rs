//! The nodes grouped into pools (instance type × capacity type, and Fargate),
//! with the requests of the pods that run on each.

use std::collections::HashMap;

use super::documents::{Item, Labels};
use super::requests::{Requests, pod_requests};
use super::resources::Resources;

/// How one pool's nodes are bought.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// EC2 nodes of one instance type (None: unlabelled) and capacity type.
    Ec2 {
        /// The instance-type label.
        instance_type: Option<String>,
        /// The capacity type, lower case with dashes (`on-demand`, `spot`).
        capacity: Option<String>,
    },
    /// Fargate's one-pod nodes.
    Fargate,
}

/// One pool's nodes and the pods on them.
#[derive(Debug)]
pub struct Pool {
    /// What the nodes are.
    pub key: Key,
    /// Nodes counted.
    pub nodes: u64,
    /// The first node's capacity (every node of an instance type has the same).
    pub capacity: Resources,
    /// Requests of the counted pods on these nodes.
    pub requests: Requests,
    /// Pods counted on these nodes.
    pub pods: u64,
    /// The most DaemonSet pods on one of these nodes.
    pub daemonset_max: u64,
}

/// The pools, and the pods that fit none.
#[derive(Debug, Default)]
pub struct Grouped {
    /// Pools in first-seen order.
    pub pools: Vec<Pool>,
    /// EKS Auto Mode nodes seen.
    pub auto_mode_nodes: u64,
    /// Pods counted, summed over the whole cluster.
    pub workload: Requests,
    /// Pods counted.
    pub workload_pods: u64,
    /// DaemonSet pods, and their requests.
    pub daemonset_pods: u64,
    /// The DaemonSet pods' requests.
    pub daemonset_requests: Requests,
    /// Counted pods on no node of the input (pending, or a node not sent).
    pub unplaced_pods: u64,
    /// Pods left out by phase, e.g. `("Succeeded", 3)`.
    pub finished: Vec<(String, u64)>,
}

/// Groups `nodes` and sums `pods` onto them. Node names are read here only to
/// join pods to nodes, and dropped with the map at the end.
pub fn group(nodes: &[Item], pods: &[Item]) -> Grouped {
    let mut grouped = Grouped::default();
    let mut pool_of: HashMap<Key, usize> = HashMap::new();
    let mut node_of: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut daemonsets: Vec<u64> = Vec::with_capacity(nodes.len());
    for (n, node) in nodes.iter().enumerate() {
        let meta = node.metadata.as_ref();
        let labels = meta.and_then(|m| m.labels.as_ref());
        let compute = labels.and_then(|l| l.compute_type.as_deref());
        if compute == Some("auto") {
            grouped.auto_mode_nodes += 1;
        }
        let key = match compute {
            Some("fargate") => Key::Fargate,
            _ => ec2_key(labels),
        };
        let p = *pool_of.entry(key.clone()).or_insert_with(|| {
            grouped.pools.push(Pool {
                key,
                nodes: 0,
                capacity: node
                    .status
                    .as_ref()
                    .and_then(|s| s.capacity)
                    .unwrap_or_default(),
                requests: Requests::default(),
                pods: 0,
                daemonset_max: 0,
            });
            grouped.pools.len() - 1
        });
        grouped.pools[p].nodes += 1;
        if let Some(name) = meta.and_then(|m| m.name.as_deref()) {
            node_of.insert(name, (p, n));
        }
        daemonsets.push(0);
    }
    for pod in pods {
        let phase = pod.status.as_ref().and_then(|s| s.phase.as_deref());
        if let Some(phase @ ("Succeeded" | "Failed")) = phase {
            match grouped.finished.iter_mut().find(|(p, _)| p == phase) {
                Some((_, count)) => *count += 1,
                None => grouped.finished.push((phase.to_owned(), 1)),
            }
            continue;
        }
        let spec = pod.spec.as_ref();
        let requests = spec.map(pod_requests).unwrap_or_default();
        let node = spec
            .and_then(|s| s.node_name.as_deref())
            .and_then(|name| node_of.get(name).copied());
        if is_daemonset(pod) {
            grouped.daemonset_pods += 1;
            grouped.daemonset_requests = grouped.daemonset_requests.plus(requests);
            if let Some((_, n)) = node {
                daemonsets[n] += 1;
            }
            continue;
        }
        grouped.workload = grouped.workload.plus(requests);
        grouped.workload_pods += 1;
        match node {
            Some((p, _)) => {
                let pool = &mut grouped.pools[p];
                pool.requests = pool.requests.plus(requests);
                pool.pods += 1;
            }
            None => grouped.unplaced_pods += 1,
        }
    }
    for (p, n) in node_of.into_values() {
        let pool = &mut grouped.pools[p];
        pool.daemonset_max = pool.daemonset_max.max(daemonsets[n]);
    }
    grouped
}

fn ec2_key(labels: Option<&Labels>) -> Key {
    let instance_type = labels
        .and_then(|l| {
            l.instance_type
                .as_deref()
                .or(l.beta_instance_type.as_deref())
        })
        .map(cleaned)
        // A label of nothing visible (" ", U+3000) says no more than none.
        .filter(|t| !t.is_empty());
    let capacity = labels
        .and_then(|l| {
            l.karpenter_capacity_type
                .as_deref()
                .or(l.eks_capacity_type.as_deref())
        })
        // EKS writes SPOT and ON_DEMAND, Karpenter spot and on-demand.
        .map(|c| cleaned(c).to_ascii_lowercase().replace('_', "-"))
        .filter(|c| !c.is_empty());
    Key::Ec2 {
        instance_type,
        capacity,
    }
}

/// A label value as its visible ASCII (instance and capacity types are ASCII
/// words), so that what a pool is called is what decides it: `SPOT` followed
/// by U+202E or a zero-width space is Spot.
fn cleaned(value: &str) -> String {
    value.chars().filter(char::is_ascii_graphic).collect()
}

fn is_daemonset(pod: &Item) -> bool {
    pod.metadata
        .as_ref()
        .is_some_and(|m| m.owned_by_daemonset.0)
}
