//! The built-in instance catalog (§5), shipped as `data/catalog.json`.

use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use utoipa::ToSchema;

/// One EC2 instance type with its price and networking limits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InstanceType {
    /// API name, e.g. `m6i.xlarge`.
    #[schema(example = "m6i.xlarge")]
    pub name: String,
    /// vCPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory_gib: f64,
    /// On-demand Linux price per hour, USD.
    pub hourly_usd: f64,
    /// Network interfaces the type can attach.
    pub enis: u32,
    /// IPv4 addresses per network interface.
    pub ipv4_per_eni: u32,
}

impl InstanceType {
    /// The VPC CNI pod limit without prefix delegation: `ENIs × (IPs per ENI − 1) + 2`
    /// (each ENI's primary address is not handed to pods; host-network pods add two).
    pub fn max_pods_vpc_cni(&self) -> u32 {
        self.enis
            .saturating_mul(self.ipv4_per_eni.saturating_sub(1))
            .saturating_add(2)
    }
}

/// The instance catalog and where its prices come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The date the prices were taken (ISO 8601).
    #[schema(example = "2025-06-01")]
    pub prices_taken_on: String,
    /// AWS region of the prices.
    #[schema(example = "us-east-1")]
    pub region: String,
    /// What kind of prices these are.
    pub pricing: String,
    /// EKS Provisioned Control Plane tiers and their price date.
    pub control_plane_tiers: ControlPlaneTiers,
    /// The instance types, in display order.
    pub instance_types: Vec<InstanceType>,
}

/// EKS Provisioned Control Plane tiers (`eks.control_plane_tier`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ControlPlaneTiers {
    /// The date the prices were taken (ISO 8601).
    #[schema(example = "2025-11-20")]
    pub prices_taken_on: String,
    /// What kind of prices these are.
    pub pricing: String,
    /// The tiers, smallest first; `standard` adds nothing.
    pub tiers: Vec<ControlPlaneTier>,
}

/// One Provisioned Control Plane tier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ControlPlaneTier {
    /// Tier name, e.g. `xl`.
    #[schema(example = "xl")]
    pub name: String,
    /// Added per cluster-hour on top of the support fee, USD.
    pub hourly_usd: f64,
}

impl Catalog {
    /// The instance type called `name`, if the catalog has it.
    pub fn get(&self, name: &str) -> Option<&InstanceType> {
        self.instance_types.iter().find(|t| t.name == name)
    }

    /// The control-plane tier called `name`, if the catalog has it.
    pub fn tier(&self, name: &str) -> Option<&ControlPlaneTier> {
        self.control_plane_tiers
            .tiers
            .iter()
            .find(|t| t.name == name)
    }
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    // `from_slice`, like every other decoder in the wasm bundle (app/src/codec.rs).
    serde_json::from_slice(include_bytes!("../data/catalog.json"))
        .expect("the embedded data/catalog.json is a valid catalog")
});

/// The built-in catalog.
pub fn catalog() -> &'static Catalog {
    &CATALOG
}
