//! Team capacity and on-call load of one option: FTEs, the toil cap, engineers
//! needed, share of weeks on call and incidents per shift.

use crate::HPM;
use crate::capacity::ceil_star;
use crate::params::{OptionParams, Params};

/// Team figures of one option.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TeamLoad {
    pub required_fte: f64,
    pub ops_share_pct: f64,
    pub fits_team: bool,
    pub engineers_needed: u64,
    pub on_call_share_pct: f64,
    pub incidents_per_month: f64,
    pub incidents_per_shift: f64,
}

/// The load at `ops_hours_year` with `clusters` clusters (those of the peak month).
pub(crate) fn team_load(
    params: &Params,
    option: &OptionParams,
    ops_hours_year: f64,
    clusters: f64,
) -> TeamLoad {
    let required_fte = ops_hours_year / params.productive_hours;
    let ops_share_pct = 100.0 * required_fte / params.engineers;
    // Enough engineers that operations stay within the toil cap; a float-to-int `as`
    // saturates, so even absurd loads cannot panic.
    let needed = ceil_star(required_fte / (params.ops_budget_pct / 100.0)).max(1.0);
    let incidents_per_month = clusters * option.incidents;
    TeamLoad {
        required_fte,
        ops_share_pct,
        fits_team: ops_share_pct <= params.ops_budget_pct,
        engineers_needed: needed as u64,
        on_call_share_pct: 100.0 * option.on_call_slots / params.engineers,
        incidents_per_month,
        // A month holds HPM / 12 twelve-hour shifts.
        incidents_per_shift: incidents_per_month / (HPM / 12.0),
    }
}
