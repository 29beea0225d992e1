//! Results as HTML, rendered on the server only: a calculation's verdict,
//! uncertainty, warnings, tables and charts, and the comparison's key figures.
//!
//! The pages receive this markup ([`Html`]) from the server functions and insert
//! it as is. Why: nothing in it is interactive, and rendering it in the browser
//! would put every result type's decoder and every one of these views in the
//! wasm bundle that each first visit downloads (docs/PERFORMANCE.md).

mod charts;
mod comparison;
mod pools;
mod results;
mod uncertainty;

use clusterplan_model::CalculationResult;
use clusterplan_model::resolved::Display;
use clusterplan_service::charts::Rendered;
use clusterplan_service::compare::Found;
use clusterplan_service::secrets::looks_like_id;
use leptos::prelude::*;

use crate::types::Html;
use charts::ChartGallery;
use pools::Pools;
pub use pools::pool_figures;
pub use results::verdict;
use results::{Breakdown, TeamLoad, Verdict, Warnings};
use uncertainty::UncertaintySummary;

/// One result: the verdict, how sure it is, warnings, the money and team tables,
/// and its charts (`link_base`: see [`ChartGallery`]).
pub fn calculation(
    result: &CalculationResult,
    charts: Vec<Rendered>,
    link_base: Option<String>,
) -> Html {
    let view = view! {
        <Verdict result=result.clone() />
        <UncertaintySummary result=result.clone() />
        <Warnings result=result.clone() />
        <Breakdown result=result.clone() />
        <Pools result=result.clone() />
        <TeamLoad result=result.clone() />
        <h2>"Charts"</h2>
        <ChartGallery charts link_base />
    };
    Html::rendered(view)
}

/// Saved scenarios side by side: the key figures table, the comparison charts,
/// and the node pools of each scenario that plans a fleet.
/// Ids that answer to no scenario are named first; with none found, that is all.
pub fn comparison(found: Found, charts: Vec<Rendered>) -> Html {
    let Found {
        documents: mut scenarios,
        missing,
    } = found;
    let missing = (!missing.is_empty()).then(|| {
        let others = match scenarios.is_empty() {
            true => "",
            false => " The others are compared below.",
        };
        view! {
            <p class="error" role="alert" data-testid="compare-missing">
                {missing_words(&missing)} {others}
            </p>
        }
    });
    if scenarios.is_empty() {
        return Html::rendered(missing);
    }
    // One currency for every figure and sentence, as for the charts: the
    // scenarios' shared display currency, or USD when they differ (a verdict
    // or pool table in each scenario's own beside a USD table mixed them).
    let display = Display::common(scenarios.iter().map(|s| &s.result.inputs.display));
    for scenario in &mut scenarios {
        scenario.result.inputs.display = display.clone();
    }
    let fleets: Vec<_> = scenarios
        .iter()
        .filter(|s| s.result.inputs.fleet.is_some())
        .map(|s| (s.name.clone(), s.result.clone()))
        .collect();
    let view = view! {
        {missing}
        <comparison::KeyFigures scenarios />
        <ChartGallery charts link_base=None />
        {(!fleets.is_empty()).then(|| view! { <h2>"Fleets"</h2> })}
        {fleets.into_iter().map(|(name, result)| view! { <Pools result of=name /> }).collect_view()}
    };
    Html::rendered(view)
}

/// A comparison refused as asked (too many ids): the reason alone.
pub fn compare_refused(reason: String) -> Html {
    Html::rendered(view! {
        <p class="error" role="alert" data-testid="compare-refused">{reason}</p>
    })
}

/// The ids a comparison did not find, in words. Only what has an id's shape
/// is quoted: the rest of a link's text is anyone's (a crafted `/compare` link
/// put its own sentences in this red box), so it is only counted.
fn missing_words(missing: &[String]) -> String {
    let (ids, other): (Vec<&String>, Vec<&String>) =
        missing.iter().partition(|id| looks_like_id(id));
    let ids: Vec<&str> = ids.into_iter().map(String::as_str).collect();
    let other = match other.len() {
        0 => String::new(),
        1 => "1 entry that is not a scenario's id or link".to_owned(),
        n => format!("{n} entries that are not scenarios' ids or links"),
    };
    match (ids.is_empty(), other.is_empty()) {
        (false, true) => format!(
            "No saved scenario answers to {}: deleted, or a mistyped link.",
            ids.join(", ")
        ),
        (true, _) => format!("Not compared: {other}."),
        (false, false) => format!(
            "No saved scenario answers to {}: deleted, or a mistyped link. Not compared either: {other}.",
            ids.join(", ")
        ),
    }
}
