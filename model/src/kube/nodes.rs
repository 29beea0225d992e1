//! The nodes grouped into pools (instance type × capacity type, and Fargate),
//! with the requests of the pods that run on each.

use std::collections::HashMap;

use super::documents::Item;
use super::keys::{Key, ec2_key, is_control_plane, outside_catalog_region};
use super::requests::{Requests, pod_requests};
use super::resources::Resources;

/// One pool's nodes and the pods on them.
#[derive(Debug)]
pub struct Pool {
    /// What the nodes are.
    pub key: Key,
    /// Nodes counted.
    pub nodes: u64,
    /// The first node's capacity: every node of a custom pool has the same
    /// (it is part of the key); a catalog type's is not read.
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
    /// Control-plane nodes seen (labelled `node-role.kubernetes.io/control-plane`
    /// or `…/master`).
    pub control_plane_nodes: u64,
    /// Whether they are the worker pools too: every node is one (minikube, a
    /// one-node kubeadm or k3s), so the workload runs on them.
    pub control_plane_runs_workload: bool,
    /// Pods left out because they run on a control-plane node left out.
    pub control_plane_pods: u64,
    /// Fargate nodes outside the catalog's region (Fargate's prices are its).
    pub fargate_elsewhere: u64,
}

/// Where the pods of a node go.
#[derive(Debug, Clone, Copy)]
enum Place {
    /// Pool `.0`, node `.1` of the input.
    Pool(usize, usize),
    /// A control-plane node left out of the pools.
    ControlPlane,
}

/// Groups `nodes` and sums `pods` onto them. Node names are read here only to
/// join pods to nodes (they are unique: `checks` refused a repeated one), and
/// dropped with the map at the end.
pub fn group<'a>(nodes: &'a [Item], pods: &'a [Item]) -> Grouped {
    let mut grouped = Grouped::default();
    let mut pool_of: HashMap<Key, usize> = HashMap::new();
    let mut node_of: HashMap<&str, Place> = HashMap::new();
    let mut daemonsets: Vec<u64> = Vec::with_capacity(nodes.len());
    let labels_of = |node: &'a Item| node.metadata.as_ref().and_then(|m| m.labels.as_ref());
    let control_plane = |node: &'a Item| {
        let labels = labels_of(node);
        let fargate = labels.and_then(|l| l.compute_type.as_deref()) == Some("fargate");
        !fargate && is_control_plane(labels)
    };
    grouped.control_plane_nodes = nodes.iter().filter(|n| control_plane(n)).count() as u64;
    // Control-plane nodes run etcd and the API server, not the workload: they
    // are priced by self_hosted.control_plane_nodes, not as a worker pool.
    // When there is no other node, though, the workload can only run on them.
    grouped.control_plane_runs_workload =
        grouped.control_plane_nodes > 0 && grouped.control_plane_nodes == nodes.len() as u64;
    for (n, node) in nodes.iter().enumerate() {
        let meta = node.metadata.as_ref();
        let name = meta.and_then(|m| m.name.as_deref());
        daemonsets.push(0);
        if control_plane(node) && !grouped.control_plane_runs_workload {
            if let Some(name) = name {
                node_of.insert(name, Place::ControlPlane);
            }
            continue;
        }
        let labels = labels_of(node);
        let compute = labels.and_then(|l| l.compute_type.as_deref());
        if compute == Some("auto") {
            grouped.auto_mode_nodes += 1;
        }
        let capacity = node
            .status
            .as_ref()
            .and_then(|s| s.capacity)
            .unwrap_or_default();
        let key = match compute {
            Some("fargate") => {
                grouped.fargate_elsewhere += u64::from(outside_catalog_region(labels).is_some());
                Key::Fargate
            }
            _ => ec2_key(labels, capacity),
        };
        let p = *pool_of.entry(key.clone()).or_insert_with(|| {
            grouped.pools.push(Pool {
                key,
                nodes: 0,
                capacity,
                requests: Requests::default(),
                pods: 0,
                daemonset_max: 0,
            });
            grouped.pools.len() - 1
        });
        grouped.pools[p].nodes += 1;
        if let Some(name) = name {
            node_of.insert(name, Place::Pool(p, n));
        }
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
        let node = match spec
            .and_then(|s| s.node_name.as_deref())
            .and_then(|name| node_of.get(name).copied())
        {
            Some(Place::ControlPlane) => {
                grouped.control_plane_pods += 1;
                continue;
            }
            Some(Place::Pool(p, n)) => Some((p, n)),
            None => None,
        };
        let requests = spec.map(pod_requests).unwrap_or_default();
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
    for place in node_of.into_values() {
        let Place::Pool(p, n) = place else {
            continue;
        };
        let pool = &mut grouped.pools[p];
        pool.daemonset_max = pool.daemonset_max.max(daemonsets[n]);
    }
    grouped
}

fn is_daemonset(pod: &Item) -> bool {
    pod.metadata
        .as_ref()
        .is_some_and(|m| m.owned_by_daemonset.0)
}
