//! What puts two nodes in one pool: how they are bought (instance type,
//! capacity type, Fargate) and, for nodes the catalog cannot price, their machine.

use super::documents::Labels;
use super::resources::Resources;
use crate::catalog::catalog;

/// How one pool's nodes are bought.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// EC2 nodes of one instance type (None: unlabelled) and capacity type.
    Ec2 {
        /// The instance-type label.
        instance_type: Option<String>,
        /// The capacity type, lower case with dashes (`on-demand`, `spot`).
        capacity: Option<String>,
        /// Why the catalog's price is not theirs, when it is not; None for
        /// a catalog type on Linux in the catalog's region.
        off_catalog: Option<OffCatalog>,
    },
    /// Fargate's one-pod nodes.
    Fargate,
}

/// Nodes the catalog cannot price: they make a `custom` pool whose machine is
/// their capacity and whose price the user gives. The machine is part of the
/// key, so nodes of different capacity never share a pool (a pool has one
/// machine). The OS and region are kept to tell the user why, never echoed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OffCatalog {
    /// The instance type is not in the catalog (or not labelled).
    pub unlisted: bool,
    /// The OS label, when it is not `linux` (the catalog prices Linux).
    pub os: Option<String>,
    /// The region label, when it is not the catalog's region.
    pub region: Option<String>,
    /// The capacity's cpu, memory and pods as bits of their f64 (never −0 or
    /// NaN: a quantity is finite and a zero capacity is refused before).
    pub machine: [Option<u64>; 3],
}

impl OffCatalog {
    /// Why the user must price these nodes, in words that echo no label.
    pub fn reason(&self) -> String {
        let mut why = Vec::new();
        if self.unlisted {
            why.push("the catalog does not list it".to_owned());
        }
        let catalog = catalog();
        match self.os.as_deref() {
            None => {}
            Some("windows") => {
                why.push("it runs Windows and the catalog's prices are Linux's".into())
            }
            Some(_) => why.push("it runs another OS than Linux, the catalog's".into()),
        }
        if self.region.is_some() {
            why.push(format!(
                "it runs outside {}, the region of the catalog's prices",
                catalog.region
            ));
        }
        why.join("; ")
    }
}

/// The key of an EC2 node with these labels and this capacity.
pub fn ec2_key(labels: Option<&Labels>, capacity: Resources) -> Key {
    let instance_type = labels
        .and_then(|l| {
            l.instance_type
                .as_deref()
                .or(l.beta_instance_type.as_deref())
        })
        .map(cleaned)
        // A label of nothing visible (" ", U+3000) says no more than none.
        .filter(|t| !t.is_empty());
    let capacity_type = labels
        .and_then(|l| {
            l.karpenter_capacity_type
                .as_deref()
                .or(l.eks_capacity_type.as_deref())
        })
        // EKS writes SPOT and ON_DEMAND, Karpenter spot and on-demand.
        .map(|c| cleaned(c).to_ascii_lowercase().replace('_', "-"))
        .filter(|c| !c.is_empty());
    let unlisted = instance_type
        .as_deref()
        .is_none_or(|t| catalog().get(t).is_none());
    // No OS or region label says nothing against the catalog (minikube has none).
    let os = labels
        .and_then(|l| l.os.as_deref().or(l.beta_os.as_deref()))
        .map(|os| cleaned(os).to_ascii_lowercase())
        .filter(|os| !os.is_empty() && os != "linux");
    let region = outside_catalog_region(labels);
    let off_catalog = (unlisted || os.is_some() || region.is_some()).then(|| OffCatalog {
        unlisted,
        os,
        region,
        machine: [capacity.cpu, capacity.memory, capacity.pods].map(|q| q.map(|q| q.0.to_bits())),
    });
    Key::Ec2 {
        instance_type,
        capacity: capacity_type,
        off_catalog,
    }
}

/// The node's region label when it names another region than the catalog's.
pub fn outside_catalog_region(labels: Option<&Labels>) -> Option<String> {
    labels
        .and_then(|l| l.region.as_deref().or(l.beta_region.as_deref()))
        .map(cleaned)
        .filter(|r| !r.is_empty() && *r != catalog().region)
}

/// Whether a node with these labels is a control-plane node.
pub fn is_control_plane(labels: Option<&Labels>) -> bool {
    labels.is_some_and(|l| l.control_plane.is_some() || l.master.is_some())
}

/// A label value as its visible ASCII (instance and capacity types are ASCII
/// words), so that what a pool is called is what decides it: `SPOT` followed
/// by U+202E or a zero-width space is Spot.
fn cleaned(value: &str) -> String {
    value.chars().filter(char::is_ascii_graphic).collect()
}
