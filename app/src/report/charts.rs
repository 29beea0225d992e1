//! Server-drawn SVG charts placed in the page.

use clusterplan_service::charts::Rendered;
use leptos::prelude::*;

/// Each chart in a figure with its title; `link_base` (e.g. `/s/{id}/charts`)
/// adds a link to the chart's stable URL for embedding.
#[component]
pub fn ChartGallery(charts: Vec<Rendered>, link_base: Option<String>) -> impl IntoView {
    view! {
        <div class="charts">
            {charts.into_iter().map(|chart| {
                let link = link_base.as_ref().map(|base| format!("{base}/{}.svg", chart.name));
                view! {
                    <figure class="chart" data-chart=chart.name>
                        // The SVG is produced by our chart crate, which escapes all text.
                        <div class="chart-svg" inner_html=chart.svg></div>
                        <figcaption>
                            {chart.title}
                            {link.map(|href| view! { <span class="embed">" · " <a href=href rel="external">"SVG for embedding"</a></span> })}
                        </figcaption>
                    </figure>
                }
            }).collect_view()}
        </div>
    }
}
