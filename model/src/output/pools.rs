//! One node pool's figures in a result (`options.*.pools[n]`, v3).

use crate::resolved::Compute;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;
use utoipa::ToSchema;

/// One pool of one group under one option, in month 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PoolResult {
    /// The group's name.
    #[schema(value_type = String, example = "production")]
    pub group: Name,
    /// The pool's name.
    #[schema(value_type = String, example = "general")]
    pub pool: Name,
    /// `ec2` or `fargate`.
    pub compute: Compute,
    /// Clusters of the group in month 0.
    pub clusters: u64,
    /// The pool's nodes per cluster (0 for a Fargate pool on EKS).
    pub nodes_per_cluster: u64,
    /// The pool's nodes over the group's clusters.
    pub total_nodes: u64,
    /// Pod limit per node of the pool under this option.
    pub max_pods_per_node: u32,
    /// The pool's worker cost over the group's clusters in month 0, USD (Fargate
    /// pods on EKS).
    pub monthly_workers: f64,
}

/// A group's or a pool's name in a result, a JSON string. Every row that shows it
/// shares the text: a fleet of 200 pools has 400 rows, and a `String` in each
/// (800 allocations, and as many frees) cost a sixth of the calculation.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<str>);

impl Name {
    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(name: &str) -> Self {
        Self(name.into())
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Name {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|name| Self(name.into()))
    }
}
