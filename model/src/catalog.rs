//! The built-in instance catalog (§5, §9.4): the 1,345 EC2 types of
//! `data/ec2-us-east-1.csv` with the metadata, sources and EKS control-plane tiers
//! of `data/catalog.json`.
//!
//! The type list is behind the default-on `catalog` feature: the browser bundle
//! (the app's `hydrate` build) turns it off to stay within its transfer budget,
//! and then [`catalog`] holds only the eleven *classic* types of §5 (the v1
//! catalog, which `catalog.json` carries with their figures). The browser never
//! validates or prices a scenario; the server always has the feature.

mod rows;
mod suggest;

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
    /// Instance family: the name before the dot, e.g. `m6i`.
    #[schema(example = "m6i")]
    pub family: String,
    /// vCPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory_gib: f64,
    /// CPU architecture: `amd64` or `arm64`.
    #[schema(example = "amd64")]
    pub arch: String,
    /// GPUs (0 for none).
    pub gpus: u32,
    /// On-demand Linux price per hour, USD.
    pub hourly_usd: f64,
    /// Network interfaces the type can attach (default network card).
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
    /// The date the instance prices were taken (ISO 8601).
    #[schema(example = "2026-07-20")]
    pub prices_taken_on: String,
    /// AWS region of the prices.
    #[schema(example = "us-east-1")]
    pub region: String,
    /// What kind of prices these are.
    pub pricing: String,
    /// Where the instance figures come from, each with its commit and date.
    pub sources: Vec<String>,
    /// EKS Provisioned Control Plane tiers and their price date.
    pub control_plane_tiers: ControlPlaneTiers,
    /// The instance types, sorted by name (byte order; [`Catalog::get`] relies on it).
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
    /// How many instance types the built-in catalog has (1,345), known in every
    /// build: counted from the CSV at compile time, so the browser bundle can say
    /// it without carrying the rows.
    pub const BUILT_IN_TYPES: usize = rows::count(include_bytes!("../data/ec2-us-east-1.csv"));

    /// [`Catalog::BUILT_IN_TYPES`] as pages show it: `1,345`.
    pub const BUILT_IN_TYPES_TEXT: &str = {
        const GROUPED: ([u8; 32], usize) = rows::grouped(Catalog::BUILT_IN_TYPES);
        match std::str::from_utf8(GROUPED.0.split_at(GROUPED.1).1) {
            Ok(text) => text,
            Err(_) => panic!("digits and commas are UTF-8"),
        }
    };

    /// The instance type called `name`, if the catalog has it (a binary search:
    /// every calculation looks up two names in 1,345).
    pub fn get(&self, name: &str) -> Option<&InstanceType> {
        self.instance_types
            .binary_search_by(|t| t.name.as_str().cmp(name))
            .ok()
            .map(|i| &self.instance_types[i])
    }

    /// The control-plane tier called `name`, if the catalog has it.
    pub fn tier(&self, name: &str) -> Option<&ControlPlaneTier> {
        self.control_plane_tiers
            .tiers
            .iter()
            .find(|t| t.name == name)
    }

    /// The eleven classic types of §5 in their display order: what the form offers
    /// first and the methodology page shows. Every build has them.
    pub fn classic_types() -> &'static [InstanceType] {
        &FILE.instance_types
    }
}

/// `data/catalog.json`: the metadata, the tiers and the classic types.
static FILE: LazyLock<Catalog> = LazyLock::new(|| {
    // `from_slice`, like every other decoder in the wasm bundle (app/src/codec.rs).
    serde_json::from_slice(include_bytes!("../data/catalog.json"))
        .expect("the embedded data/catalog.json is a valid catalog")
});

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    let mut catalog = FILE.clone();
    #[cfg(feature = "catalog")]
    {
        catalog.instance_types = rows::parse(include_str!("../data/ec2-us-east-1.csv"));
    }
    catalog.instance_types.sort_by(|a, b| a.name.cmp(&b.name));
    catalog
});

/// The built-in catalog: every type of the CSV with the `catalog` feature, else
/// the classic types only (see the module documentation).
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

/// The error message for an instance type that is not in the catalog, with up to
/// three catalog names close to it, e.g. `"m6i.xlarg" is not in the catalog; did
/// you mean m6i.xlarge, m6i.large or m6i.2xlarge?`
pub(crate) fn unknown_type_message(name: &str) -> String {
    let names = catalog().instance_types.iter().map(|t| t.name.as_str());
    let shown = suggest::shorten(name);
    match suggest::nearest(name, names, 3).as_slice() {
        [] => format!("{shown:?} is not in the catalog (GET /api/v1/catalog lists it)."),
        [one] => format!("{shown:?} is not in the catalog; did you mean {one}?"),
        [init @ .., last] => format!(
            "{shown:?} is not in the catalog; did you mean {} or {last}?",
            init.join(", ")
        ),
    }
}

// The tests read the full list.
#[cfg(all(test, feature = "catalog"))]
mod tests;
