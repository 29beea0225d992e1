//! CPU, memory and pod quantities as Kubernetes writes them: a container's
//! requests, a pod's overhead, a node's capacity.

use serde::Deserialize;

use super::quantity::Quantity;

/// CPU, memory and pod quantities (requests, overhead, capacity).
#[derive(Debug, Default, Clone, Copy, Deserialize)]
pub struct Resources {
    /// Cores.
    pub cpu: Option<Quantity>,
    /// Bytes.
    pub memory: Option<Quantity>,
    /// Pods (a node's capacity only).
    pub pods: Option<Quantity>,
}
