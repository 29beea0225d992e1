//! What an import read, for people: the pools, the workload's requests, the
//! DaemonSet pods per node, what was left out, what the plan still needs, and
//! the link that opens the planner with the fleet. Counts, sums, instance and
//! capacity types only: the import's report carries no other name.

use clusterplan_model::form::{planner_link, query_from_scenario_input};
use clusterplan_model::input::PoolInput;
use clusterplan_model::kube::{ImportReport, Imported};
use leptos::prelude::*;

#[component]
pub fn Report(imported: Imported) -> impl IntoView {
    // The fleet as the planner's GET query: the planner reads it, fills in its
    // defaults and shows what is missing (a custom pool's price) at its control.
    // Past the longest link (`MAX_PLANNER_LINK_BYTES`) the page gives the
    // scenario as JSON.
    let link = planner_link(&query_from_scenario_input(&imported.input));
    let json = link
        .is_none()
        .then(|| serde_json::to_string_pretty(&imported.input).unwrap_or_default());
    let pools: Vec<PoolInput> = imported
        .input
        .fleet
        .into_iter()
        .flatten()
        .flat_map(|group| group.pools.unwrap_or_default())
        .collect();
    let pools_count = pools.len();
    let report = imported.report;
    let needs_more = !report.needs.is_empty();
    view! {
        <section aria-labelledby="import-read" data-testid="import-report">
            <h2 id="import-read">"What was read"</h2>
            <p>{format!("{} nodes and {} pods, as one cluster: in the planner, set how many clusters look like it.", report.nodes, report.pods)}</p>
            <Pools pools />
            <Workload report=report.clone() />
            <Needs report=report.clone() />
            <Skipped report=report.clone() />
            {(!report.warnings.is_empty()).then(|| view! {
                <h3>"Warnings"</h3>
                <ul data-testid="import-warnings">
                    {report.warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                </ul>
            })}
            {match (link, json) {
                (Some(href), _) => view! {
                    <p class="actions">
                        <a class="button" href=href rel="external" data-testid="open-planner">"Open in the planner"</a>
                    </p>
                }.into_any(),
                (None, json) => view! { <TooLargeForALink pools=pools_count json=json.unwrap_or_default() /> }.into_any(),
            }}
            <p class="hint">
                {match needs_more {
                    true => "The planner shows what is still missing beside its control: fill it in there, then compare EKS with self-hosting. ",
                    false => "Compare EKS with self-hosting there. ",
                }}
                "Nothing is stored until you save the scenario."
            </p>
        </section>
    }
}

/// In place of the planner's link when it would be too long for the server:
/// why, what to do, and the scenario as JSON for the API.
#[component]
fn TooLargeForALink(pools: usize, json: String) -> impl IntoView {
    view! {
        <div class="notice" role="note" data-testid="too-large-for-a-link">
            <p>{format!(
                "These {pools} pools are too many to open in the planner by link. The planner \
                 takes at most {} pools per group: merge pools of similar types into one, or \
                 calculate the scenario below with the API (POST /api/v1/calculate).",
                clusterplan_model::max_items("fleet[].pools")
            )}</p>
            <label for="import-input">"The scenario (ScenarioInput JSON)"</label>
            <textarea id="import-input" readonly rows="12">{json}</textarea>
        </div>
    }
}

/// One row per pool: its type, capacity type and size.
#[component]
fn Pools(pools: Vec<PoolInput>) -> impl IntoView {
    view! {
        <h3>"Pools"</h3>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Pools">
            <table class="data text" data-testid="import-pools">
                <thead><tr>
                    <th scope="col">"Pool"</th><th scope="col">"Instance type"</th>
                    <th scope="col">"Capacity type"</th><th scope="col">"Size"</th>
                </tr></thead>
                <tbody>
                    {pools.into_iter().map(|pool| {
                        let (kind, capacity, size) = describe(&pool);
                        view! {
                            <tr>
                                <th scope="row">{pool.name.unwrap_or_default()}</th>
                                <td>{kind}</td><td>{capacity}</td><td>{size}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A pool's instance type, capacity type and size, in words.
fn describe(pool: &PoolInput) -> (String, &'static str, String) {
    let fargate = pool.compute.as_deref() == Some("fargate");
    let kind = match (fargate, pool.instance_type.as_deref()) {
        (true, _) => "Fargate (no nodes)".to_owned(),
        (false, Some("custom")) => "custom: not in the catalog".to_owned(),
        (false, Some(known)) => known.to_owned(),
        (false, None) => "the planner's default".to_owned(),
    };
    let capacity = match (fargate, pool.spot_share_pct) {
        (true, _) => "Fargate",
        (false, Some(share)) if share >= 100.0 => "Spot",
        _ => "On-demand",
    };
    let size = match (&pool.nodes_per_cluster, &pool.workload) {
        (Some(nodes), _) => plural(*nodes, "node"),
        (None, Some(w)) => format!(
            "{} requesting {} cores and {} GiB",
            plural(w.pods.unwrap_or(0), "pod"),
            w.cpu_request_cores.unwrap_or(0.0),
            w.memory_request_gib.unwrap_or(0.0)
        ),
        (None, None) => "the planner's default".to_owned(),
    };
    (kind, capacity, size)
}

/// `1 node`, `3 nodes`.
fn plural(count: i64, one: &str) -> String {
    match count {
        1 => format!("1 {one}"),
        n => format!("{n} {one}s"),
    }
}

/// The counted pods' requests and the DaemonSet pods per node.
#[component]
fn Workload(report: ImportReport) -> impl IntoView {
    let w = report.workload;
    let daemonsets = report
        .daemonset_pods_per_node
        .map_or_else(|| "none read (no pods)".to_owned(), |n| n.to_string());
    view! {
        <h3>"Workload requests"</h3>
        <dl class="figures" data-testid="import-workload">
            <dt>"CPU requested"</dt><dd>{match w.cpu_request_cores { 1.0 => "1 core".to_owned(), cores => format!("{cores} cores") }}</dd>
            <dt>"Memory requested"</dt><dd>{format!("{} GiB", w.memory_request_gib)}</dd>
            <dt>"Pods counted"</dt><dd>{w.pods}</dd>
            <dt>"DaemonSet pods per node"</dt><dd>{daemonsets}</dd>
        </dl>
    }
}

/// The fields the plan still needs, each with why.
#[component]
fn Needs(report: ImportReport) -> impl IntoView {
    (!report.needs.is_empty()).then(|| {
        view! {
            <h3>"Still needed"</h3>
            <ul data-testid="import-needs">
                {report.needs.into_iter().map(|need| view! {
                    <li>{clusterplan_model::control_title(&need.field)}": "{need.message}</li>
                }).collect_view()}
            </ul>
        }
    })
}

/// The objects left out, by reason.
#[component]
fn Skipped(report: ImportReport) -> impl IntoView {
    view! {
        <h3>"Left out"</h3>
        {match report.skipped.is_empty() {
            true => view! { <p>"Nothing: every object was a node or a pod that runs."</p> }.into_any(),
            false => view! {
                <table class="data text" data-testid="import-skipped">
                    <thead><tr><th scope="col">"Why"</th><th scope="col">"How many"</th></tr></thead>
                    <tbody>
                        {report.skipped.into_iter().map(|s| view! {
                            <tr><th scope="row">{s.reason}</th><td>{s.count}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any(),
        }}
    }
}
