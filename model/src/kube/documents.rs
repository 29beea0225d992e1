//! The shapes `kubectl get nodes,pods -A -o json` and the API server print, cut
//! down to the fields the import reads. serde skips every other field while it
//! streams through the body, so names, IPs, UIDs, annotations and images are
//! never copied out of the request (nor kept in memory as a JSON tree).
//!
//! One [`Item`] shape covers both Nodes and Pods: a `List` mixes them, and the
//! API server's `NodeList`/`PodList` items may carry no `kind`, so the kind is
//! only known once the item has been read.

use std::cell::Cell;

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

use super::clip;

pub use super::owners::DaemonSetOwned;
pub use super::requests::{AppContainers, InitContainers, Requested};
pub use super::resources::Resources;

/// Items read at most from one body: the node cap plus the pod cap. Counted as
/// they stream in, across every list of the body (`items`, `nodes.items`,
/// `pods.items`), so a flood of items is refused before it fills memory: counted
/// per list, one body held three times as many (an outside review's 730 KB gzip
/// kept 75,000 items and took the server past its memory limit).
pub const MAX_ITEMS: usize = super::MAX_NODES + super::MAX_PODS;

thread_local! {
    /// Items read so far from the body being parsed on this thread (a parse
    /// runs start to end on one thread; [`count_from_zero`] starts each).
    static READ: Cell<usize> = const { Cell::new(0) };
}

/// Starts counting a new body's items.
pub(super) fn count_from_zero() {
    READ.with(|read| read.set(0));
}

/// The body: a kubectl `List` (or `NodeList`/`PodList`) with `items`, or
/// `{"nodes": <doc>, "pods": <doc>}`, either part optional.
#[derive(Debug, Default, Deserialize)]
pub struct Upload {
    /// `List`, `NodeList`, `PodList`; anything else is refused.
    #[serde(default, deserialize_with = "clip::label")]
    pub kind: Option<String>,
    /// The items of a list sent whole.
    pub items: Option<Items>,
    /// `kubectl get nodes -o json`.
    pub nodes: Option<Part>,
    /// `kubectl get pods -A -o json`.
    pub pods: Option<Part>,
}

/// One of the two parts of `{"nodes": …, "pods": …}`.
#[derive(Debug, Default, Deserialize)]
pub struct Part {
    /// `List`, `NodeList` or `PodList`, when given.
    #[serde(default, deserialize_with = "clip::label")]
    pub kind: Option<String>,
    /// The part's items.
    pub items: Option<Items>,
}

/// A list's items, at most [`MAX_ITEMS`].
#[derive(Debug, Default)]
pub struct Items(pub Vec<Item>);

impl<'de> Deserialize<'de> for Items {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Capped;
        impl<'de> Visitor<'de> for Capped {
            type Value = Items;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of Kubernetes objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Item>()? {
                    if READ.with(|read| read.replace(read.get() + 1)) == MAX_ITEMS {
                        return Err(serde::de::Error::custom(format!(
                            "holds more than {MAX_ITEMS} items; at most {} nodes and {} pods are imported",
                            super::MAX_NODES,
                            super::MAX_PODS
                        )));
                    }
                    items.push(item);
                }
                Ok(Items(items))
            }
        }
        deserializer.deserialize_seq(Capped)
    }
}

/// A Node or a Pod, with only what the import reads.
#[derive(Debug, Default, Deserialize)]
pub struct Item {
    /// `Node`, `Pod`, or absent in an API server list.
    #[serde(default, deserialize_with = "clip::label")]
    pub kind: Option<String>,
    /// Labels and owners.
    pub metadata: Option<Metadata>,
    /// A pod's containers and node; nothing for a node.
    pub spec: Option<Spec>,
    /// A node's capacity, a pod's phase.
    pub status: Option<Status>,
}

/// `metadata`: the name is read only to join pods to their node.
#[derive(Debug, Default, Deserialize)]
pub struct Metadata {
    /// The object's name (a node's, to match `spec.nodeName`); never reported.
    #[serde(default, deserialize_with = "clip::option")]
    pub name: Option<String>,
    /// The labels the import reads; others are skipped unread.
    pub labels: Option<Labels>,
    /// Whether a `DaemonSet` owns the pod (a per-node system pod), read as
    /// the owners stream in (none is kept).
    #[serde(rename = "ownerReferences", default)]
    pub owned_by_daemonset: DaemonSetOwned,
}

/// The node labels that say what a node is.
#[derive(Debug, Default, Deserialize)]
pub struct Labels {
    /// The instance type (stable label).
    #[serde(
        rename = "node.kubernetes.io/instance-type",
        default,
        deserialize_with = "clip::label"
    )]
    pub instance_type: Option<String>,
    /// The instance type (beta label of older clusters).
    #[serde(
        rename = "beta.kubernetes.io/instance-type",
        default,
        deserialize_with = "clip::label"
    )]
    pub beta_instance_type: Option<String>,
    /// EKS managed node groups: `ON_DEMAND`, `SPOT`, `CAPACITY_BLOCK`.
    #[serde(
        rename = "eks.amazonaws.com/capacityType",
        default,
        deserialize_with = "clip::label"
    )]
    pub eks_capacity_type: Option<String>,
    /// Karpenter (and EKS Auto Mode): `on-demand`, `spot`, `reserved`.
    #[serde(
        rename = "karpenter.sh/capacity-type",
        default,
        deserialize_with = "clip::label"
    )]
    pub karpenter_capacity_type: Option<String>,
    /// `fargate` for a Fargate pod's node, `auto` for an EKS Auto Mode node.
    #[serde(
        rename = "eks.amazonaws.com/compute-type",
        default,
        deserialize_with = "clip::label"
    )]
    pub compute_type: Option<String>,
    /// Present (its value is empty) on a kubeadm control-plane node.
    #[serde(
        rename = "node-role.kubernetes.io/control-plane",
        default,
        deserialize_with = "clip::label"
    )]
    pub control_plane: Option<String>,
    /// The older name of the control-plane role (minikube, old kubeadm).
    #[serde(
        rename = "node-role.kubernetes.io/master",
        default,
        deserialize_with = "clip::label"
    )]
    pub master: Option<String>,
    /// `linux` or `windows`: the catalog prices Linux only. Never reported.
    #[serde(rename = "kubernetes.io/os", default, deserialize_with = "clip::label")]
    pub os: Option<String>,
    /// The AWS region: the catalog prices us-east-1 only. Never reported.
    #[serde(
        rename = "topology.kubernetes.io/region",
        default,
        deserialize_with = "clip::label"
    )]
    pub region: Option<String>,
    /// The OS label's older name (clusters before Kubernetes 1.14 and nodes
    /// that kept it). Never reported.
    #[serde(
        rename = "beta.kubernetes.io/os",
        default,
        deserialize_with = "clip::label"
    )]
    pub beta_os: Option<String>,
    /// The region label's older name. Never reported.
    #[serde(
        rename = "failure-domain.beta.kubernetes.io/region",
        default,
        deserialize_with = "clip::label"
    )]
    pub beta_region: Option<String>,
}

/// A pod's `spec`.
#[derive(Debug, Default, Deserialize)]
pub struct Spec {
    /// The node the pod runs on; absent while it waits to be scheduled.
    #[serde(rename = "nodeName", default, deserialize_with = "clip::option")]
    pub node_name: Option<String>,
    /// The app containers, summed as they stream in (none is kept).
    pub containers: Option<AppContainers>,
    /// Init containers, sidecars (`restartPolicy: Always`) among them, folded
    /// in order as they stream in.
    #[serde(rename = "initContainers")]
    pub init_containers: Option<InitContainers>,
    /// The runtime class's overhead, added to the pod's requests.
    pub overhead: Option<Resources>,
    /// Pod-level resources: a request here stands for the containers'.
    pub resources: Option<Requested>,
}

/// `status`: a node's capacity, a pod's phase.
#[derive(Debug, Default, Deserialize)]
pub struct Status {
    /// `Pending`, `Running`, `Succeeded`, `Failed`, `Unknown`.
    #[serde(default, deserialize_with = "clip::label")]
    pub phase: Option<String>,
    /// A node's whole machine: vCPUs, memory, pod slots.
    pub capacity: Option<Resources>,
}
