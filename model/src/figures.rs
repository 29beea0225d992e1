//! One option's figures in a result: month 0, the series, the team at the peak
//! month, and every pool's row.

use crate::fleet::{FleetMonths, GroupPlan, Month, SizedFleet, clusters_at};
use crate::fleet::{PerCluster, SizingOptions, max_pods};
use crate::money::{Eval, Hours, Rates};
use crate::output::{HoursPerYear, Name, OnCall, OptionName, OptionResult, PoolResult, Series};
use crate::params::Params;
use crate::team::{TeamLoad, team_load};

/// `hours_peak_month`: the first month with the most operations hours (a team
/// must carry the peak), and its hours.
fn peak_month(rates: &Rates, months: &[Month]) -> (usize, Hours) {
    let first = months
        .first()
        .copied()
        .unwrap_or(Month::one(0.0, PerCluster::default()));
    let mut peak = (0, rates.hours(&first));
    for (k, month) in months.iter().enumerate().skip(1) {
        let hours = rates.hours(month);
        if hours.total() > peak.1.total() {
            peak = (k, hours);
        }
    }
    peak
}

/// Everything one option's figures are computed from.
pub(crate) struct OptionFigures<'a> {
    pub option: OptionName,
    pub params: &'a Params,
    pub groups: &'a [GroupPlan],
    /// The groups' names, and every pool's group by group (both options' rows
    /// share them).
    pub names: (&'a [Name], &'a [Name]),
    pub sized: &'a SizedFleet,
    pub months: &'a FleetMonths,
    pub eval: &'a Eval,
}

impl OptionFigures<'_> {
    pub(crate) fn result(&self) -> (OptionResult, TeamLoad) {
        let rates = &self.eval.option(self.option).rates;
        let months = self.months.option(self.option);
        let (peak, hours) = peak_month(rates, months);
        let peak_clusters = months.get(peak).map_or(0.0, |m| m.clusters);
        let option_params = self.params.option(self.option);
        let load = team_load(self.params, option_params, hours.total(), peak_clusters);
        let first_group = self.sized.first_group_nodes(self.option);
        let group_nodes = |k: usize| first_group.get(k).copied().unwrap_or(0.0);
        let costs: Vec<_> = months.iter().map(|m| rates.cost(m)).collect();
        let mut cumulative = Vec::with_capacity(costs.len() + 1);
        let mut sum = rates.one_off;
        cumulative.push(sum);
        for cost in &costs {
            sum += cost.total;
            cumulative.push(sum);
        }
        // Counts are whole numbers by construction; `as` saturates on absurd ones.
        let result = OptionResult {
            nodes_per_cluster: group_nodes(0) as u64,
            total_nodes: months.first().map_or(0.0, |m| m.fleet.nodes) as u64,
            max_pods_per_node: self.first_pool_max_pods(),
            pools: self.pools(rates),
            monthly: costs
                .first()
                .copied()
                .unwrap_or_else(|| rates.cost(&Month::one(0.0, PerCluster::default()))),
            one_off: rates.one_off,
            // The sum month by month, so that it equals `cumulative[horizon]` to
            // the bit (the evaluation's total sums the months first).
            horizon_total: sum,
            hours_per_year: HoursPerYear {
                upgrades: hours.upgrades,
                routine: hours.routine,
                incidents: hours.incidents,
                total: hours.total(),
            },
            hours_peak_month: peak as u32,
            required_fte: load.required_fte,
            ops_share_pct: load.ops_share_pct,
            fits_team: load.fits_team,
            engineers_needed: load.engineers_needed,
            series: Series {
                nodes_per_cluster: (0..months.len()).map(|k| group_nodes(k) as u64).collect(),
                total: costs.iter().map(|c| c.total).collect(),
                clusters: months.iter().map(|m| m.clusters as u64).collect(),
                total_nodes: months.iter().map(|m| m.fleet.nodes as u64).collect(),
            },
            on_call: OnCall {
                share_pct: load.on_call_share_pct,
                incidents_per_month: load.incidents_per_month,
                incidents_per_shift: load.incidents_per_shift,
            },
            cumulative,
        };
        (result, load)
    }

    fn first_pool_max_pods(&self) -> u32 {
        let options = SizingOptions::new(self.option, self.params);
        let first = self.groups.first().and_then(|g| g.pools.first());
        first.map_or(0, |pool| max_pods(pool, &options))
    }

    /// Each pool sized and priced on its own in month 0, through the same sizing
    /// and pricing as the fleet, so the rows add up to the fleet's workers.
    fn pools(&self, rates: &Rates) -> Vec<PoolResult> {
        let options = SizingOptions::new(self.option, self.params);
        // g_0 = 1: month 0 is never grown.
        let mut terms = self.sized.option(self.option).terms.iter();
        let (group_names, pool_names) = self.names;
        let mut pool_names = pool_names.iter();
        let mut rows = Vec::with_capacity(terms.len());
        for (group, group_name) in self.groups.iter().zip(group_names) {
            let clusters = clusters_at(group, group.clusters, 0);
            for ((pool, pool_name), terms) in
                group.pools.iter().zip(&mut pool_names).zip(&mut terms)
            {
                let per_cluster = terms.per_cluster(1.0);
                let mut fleet = PerCluster::default();
                fleet.add(&per_cluster, clusters);
                let month = Month::one(clusters, fleet);
                rows.push(PoolResult {
                    group: group_name.clone(),
                    pool: pool_name.clone(),
                    compute: pool.compute,
                    clusters: clusters as u64,
                    nodes_per_cluster: per_cluster.nodes as u64,
                    total_nodes: month.fleet.nodes as u64,
                    max_pods_per_node: max_pods(pool, &options),
                    monthly_workers: rates.cost(&month).workers,
                });
            }
        }
        rows
    }
}
