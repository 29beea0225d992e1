//! Saved scenarios side by side: each one's horizon totals and verdict in a row.

use clusterplan_model::OptionName;
use clusterplan_model::resolved::Display;
use clusterplan_service::ScenarioDocument;
use leptos::prelude::*;

use crate::format::money;
use crate::report::pools::fleet_summary;
use crate::report::results::verdict;
use crate::report::uncertainty::headline;

/// The key figures table: a row per scenario, linked to its shared page.
#[component]
pub fn KeyFigures(scenarios: Vec<ScenarioDocument>) -> impl IntoView {
    // One currency for the table, as for the charts: the scenarios' shared
    // display currency, or USD when they differ.
    let display = Display::common(scenarios.iter().map(|s| &s.result.inputs.display));
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Key figures">
            <table class="data comparison" data-testid="comparison">
                <caption>"Key figures"</caption>
                <thead><tr>
                    <th scope="col">"Scenario"</th>
                    {OptionName::ALL.map(|o| view! {
                        <th scope="col">{format!("{}, horizon total ({})", o.label(), display.currency)}</th>
                    }).collect_view()}
                    <th scope="col">"Verdict"</th>
                </tr></thead>
                <tbody>
                    // `data-label` names a figure where a phone stacks the row.
                    {scenarios.into_iter().map(|s| view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/s/{}", s.id)>{s.name}</a>
                                <span class="fleet-line">{fleet_summary(&s.result)}</span>
                            </th>
                            {OptionName::ALL.map(|o| view! {
                                <td data-label=format!("{}, horizon total", o.label())>
                                    {money(&display, s.result.options.get(o).horizon_total)}
                                </td>
                            }).collect_view()}
                            <td class="verdict-cell">{verdict(&s.result)}" "{headline(&s.result)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
