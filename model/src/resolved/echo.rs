//! The JSON of a resolved input (a result's `inputs`): with a fleet, `clusters`
//! and `workers` are left out, since an input may not send them beside `fleet`.

use super::{
    Display, Eks, Group, Growth, LineItem, Prices, ResolvedInput, SelfHosted, Team, Uncertainty,
    Upgrades, Workers,
};
use serde::{Serialize, Serializer};

#[derive(Serialize)]
struct Echo<'a> {
    horizon_months: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    clusters: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    workers: Option<&'a Workers>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fleet: Option<&'a [Group]>,
    eks: &'a Eks,
    self_hosted: &'a SelfHosted,
    team: &'a Team,
    upgrades: &'a Upgrades,
    prices: &'a Prices,
    growth: &'a Growth,
    display: &'a Display,
    line_items: &'a [LineItem],
    uncertainty: &'a Option<Uncertainty>,
}

impl Serialize for ResolvedInput {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let plain = self.fleet.is_none();
        Echo {
            horizon_months: self.horizon_months,
            clusters: plain.then_some(self.clusters),
            workers: plain.then_some(&self.workers),
            fleet: self.fleet.as_deref(),
            eks: &self.eks,
            self_hosted: &self.self_hosted,
            team: &self.team,
            upgrades: &self.upgrades,
            prices: &self.prices,
            growth: &self.growth,
            display: &self.display,
            line_items: &self.line_items,
            uncertainty: &self.uncertainty,
        }
        .serialize(serializer)
    }
}

/// `clusters` when a stored `inputs` with a fleet is read back: recomputed by
/// validation, so any value does; the table's default keeps it in range.
pub(super) fn default_clusters() -> u32 {
    super::defaults().clusters
}

/// `workers` when a stored `inputs` with a fleet is read back (unused then).
pub(super) fn default_workers() -> Workers {
    super::defaults().workers.clone()
}
