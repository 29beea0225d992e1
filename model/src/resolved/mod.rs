//! The scenario with every default filled in: the `inputs` object of a result.
//!
//! Feeding its JSON back as a [`crate::ScenarioInput`] gives the same scenario, because
//! nullable fields stay `null` and `null` means "default" for exactly those fields.

mod echo;
mod fleet;
mod line_items;
mod operations;
mod uncertainty;
mod workers;

pub use fleet::{Compute, Group, Pool};
pub use line_items::{LineItem, LineItemOption, LineItemPer};
pub use operations::{Display, Eks, Growth, Operations, Prices, SelfHosted, Team, Upgrades};
pub use uncertainty::{Range, Uncertainty};
pub use workers::{CustomInstance, Workers, Workload};

use crate::fields::{FieldKind, field_specs};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::sync::LazyLock;

/// Every input field, concrete; nullable fields stay `None`.
///
/// With a `fleet`, `clusters` holds the fleet's clusters at month 0 and `workers`
/// its defaults, and neither is serialized (see `echo.rs`), so that the JSON fed
/// back as an input is valid and gives the same scenario.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolvedInput {
    /// Months the comparison covers.
    pub horizon_months: u32,
    /// Clusters to run, all of the same shape (with a fleet: its clusters at month 0).
    #[serde(default = "echo::default_clusters")]
    pub clusters: u32,
    /// Worker nodes: instance type and sizing (unused with a fleet).
    #[serde(default = "echo::default_workers")]
    pub workers: Workers,
    /// The fleet's cluster groups and node pools (v3); null for `clusters` × `workers`.
    #[serde(default)]
    pub fleet: Option<Vec<Group>>,
    /// The EKS option.
    pub eks: Eks,
    /// The self-hosted option.
    pub self_hosted: SelfHosted,
    /// The platform team.
    pub team: Team,
    /// Upgrade cadence and support windows.
    pub upgrades: Upgrades,
    /// Storage and Spot prices.
    pub prices: Prices,
    /// Workload growth over the horizon.
    pub growth: Growth,
    /// The currency money is shown in.
    pub display: Display,
    /// Extra costs outside AWS's bill, at most 20.
    pub line_items: Vec<LineItem>,
    /// A Monte Carlo run over ranges of the inputs; null for none.
    pub uncertainty: Option<Uncertainty>,
}

static DEFAULTS: LazyLock<ResolvedInput> = LazyLock::new(|| {
    let mut root = Map::new();
    for spec in field_specs() {
        // Members of an object field come with the object's own default.
        let in_object = field_specs().iter().any(|o| {
            o.kind == FieldKind::Object
                && spec.path.starts_with(&o.path)
                && spec.path.as_bytes().get(o.path.len()) == Some(&b'.')
        });
        // List members (`line_items[].name`) describe items, not the list's default.
        if !in_object && !spec.path.contains("[]") {
            insert(&mut root, &spec.path, spec.default.clone());
        }
    }
    serde_json::from_value(Value::Object(root))
        .expect("the defaults in data/fields.json form a complete ResolvedInput")
});

fn insert(map: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            map.insert(path.to_owned(), value);
        }
        Some((head, rest)) => {
            let child = map
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(child) = child {
                insert(child, rest, value);
            }
        }
    }
}

/// The all-defaults scenario (the input `{}`), built from the field table.
pub fn defaults() -> &'static ResolvedInput {
    &DEFAULTS
}

impl Default for ResolvedInput {
    fn default() -> Self {
        DEFAULTS.clone()
    }
}
