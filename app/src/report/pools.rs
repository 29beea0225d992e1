//! The fleet's pools (model v3): each pool's clusters, nodes and monthly worker
//! cost under both options, month 0.

use clusterplan_model::{
    CalculationResult, OptionName, PoolResult, form::ItemRows, resolved::Compute,
};
use leptos::prelude::*;

use crate::format::money;
use crate::types::PoolFigures;

/// A pool's nodes per cluster under one option ("Fargate" where EKS runs its
/// pods without nodes).
fn nodes(pool: &PoolResult) -> String {
    match (pool.compute, pool.nodes_per_cluster) {
        (Compute::Fargate, 0) => "Fargate".to_owned(),
        (_, n) => n.to_string(),
    }
}

/// Each pool's figures for the editor, at the form row `rows` says it came from:
/// "EKS: 3 nodes per cluster, $1,234.00 a month for 2 clusters · Self-hosted:
/// …". Empty for a
/// scenario without a fleet.
pub fn pool_figures(result: &CalculationResult, rows: &ItemRows) -> Vec<PoolFigures> {
    let Some(fleet) = &result.inputs.fleet else {
        return Vec::new();
    };
    let display = &result.inputs.display;
    // The result lists pools group by group, in input order: the model's paths.
    let paths = fleet.iter().enumerate().flat_map(|(g, group)| {
        (0..group.pools.len()).map(move |p| format!("fleet[{g}].pools[{p}]"))
    });
    let line = |option: OptionName, pool: &PoolResult| {
        let nodes = match (pool.compute, pool.nodes_per_cluster) {
            (Compute::Fargate, 0) => "Fargate pods".to_owned(),
            (_, 1) => "1 node per cluster".to_owned(),
            (_, n) => format!("{n} nodes per cluster"),
        };
        // The cost is the group's (its clusters'), not one cluster's: said so.
        let cost = money(display, pool.monthly_workers);
        let clusters = match pool.clusters {
            1 => "1 cluster".to_owned(),
            n => format!("{n} clusters"),
        };
        format!("{}: {nodes}, {cost} a month for {clusters}", option.label())
    };
    let eks = &result.options.get(OptionName::Eks).pools;
    let own = &result.options.get(OptionName::SelfHosted).pools;
    paths
        .zip(eks.iter().zip(own))
        .map(|(path, (e, s))| PoolFigures {
            row: rows.control(&path),
            text: format!(
                "{} · {}",
                line(OptionName::Eks, e),
                line(OptionName::SelfHosted, s)
            ),
        })
        .collect()
}

/// One row per pool of every group, with both options side by side; only for a
/// scenario with a fleet (a plain one has a single pool, the breakdown's workers).
/// `of` names the scenario in the caption where several are shown (compare).
#[component]
pub fn Pools(result: CalculationResult, #[prop(optional)] of: Option<String>) -> impl IntoView {
    if result.inputs.fleet.is_none() {
        return ().into_any();
    }
    let display = result.inputs.display.clone();
    let eks = result.options.get(OptionName::Eks).pools.clone();
    let own = result.options.get(OptionName::SelfHosted).pools.clone();
    let rows = eks.into_iter().zip(own).map(|(e, s)| {
        view! {
            <tr>
                <th scope="row">{format!("{} / {}", e.group, e.pool)}</th>
                <td>{e.clusters}</td>
                <td>{nodes(&e)}</td>
                <td>{money(&display, e.monthly_workers)}</td>
                <td>{nodes(&s)}</td>
                <td>{money(&display, s.monthly_workers)}</td>
            </tr>
        }
    });
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Node pools">
        <table class="data figures" data-testid="pools-table">
            <caption>{match of {
                Some(name) => format!("Node pools of {name}, month 0 ({})", display.currency),
                None => format!("Node pools, month 0 ({})", display.currency),
            }}</caption>
            <thead><tr>
                <th scope="col">"Group / pool"</th>
                <th scope="col">"Clusters"</th>
                <th scope="col">{format!("{} nodes per cluster", OptionName::Eks.label())}</th>
                <th scope="col">{format!("{} workers per month", OptionName::Eks.label())}</th>
                <th scope="col">"Self-hosted nodes per cluster"</th>
                <th scope="col">"Self-hosted workers per month"</th>
            </tr></thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
        </div>
    }
    .into_any()
}

/// One line on the fleet a result plans, for a list of scenarios:
/// "3 groups, 6 pools · 8 clusters · 96 nodes" (the nodes the self-hosted option
/// runs in month 0; EKS runs Fargate pools without nodes).
pub fn fleet_summary(result: &CalculationResult) -> String {
    let own = result.options.get(OptionName::SelfHosted);
    let pools = &own.pools;
    let clusters = own.series.clusters.first().copied().unwrap_or_default();
    let nodes: u64 = pools.iter().map(|p| p.total_nodes).sum();
    let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let groups = pools
        .iter()
        .map(|p| &p.group)
        .collect::<std::collections::BTreeSet<_>>();
    format!(
        "{}, {} · {} · {nodes} nodes",
        plural(groups.len(), "group"),
        plural(pools.len(), "pool"),
        plural(clusters as usize, "cluster"),
    )
}
