//! `/s/{id}`: a saved scenario, read-only for anyone with the link. The browser
//! that created it (it holds the edit token cookie) also gets an edit link.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::{ForkScenario, load_scenario};
use crate::components::charts::ChartGallery;
use crate::components::ranges::UncertaintySummary;
use crate::components::results::{Breakdown, TeamLoad, Verdict, Warnings};
use crate::error::AppError;
use crate::format::title_text;
use crate::pages::not_found::NotFound;
use crate::types::SharedScenario;

/// The shared scenario page.
#[component]
pub fn SharedPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::security::keep_private();
    let params = use_params_map();
    let scenario = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        load_scenario,
    );
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>"Loading the scenario…"</p> }>
            {move || scenario.get().map(|loaded| match loaded {
                Ok(scenario) => view! { <Shared scenario /> }.into_any(),
                Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Shared(scenario: SharedScenario) -> impl IntoView {
    let fork = ServerAction::<ForkScenario>::new();
    let share_path = format!("/s/{}", scenario.id);
    let edit_href = scenario.edit_query.as_ref().map(|q| format!("/?{q}"));
    let explore_href = format!("/?{}", scenario.planner_query);
    let csv_href = format!("/api/v1/scenarios/{}/export.csv", scenario.id);
    let result = scenario.result.clone();
    let charts_base = format!("/s/{}/charts", scenario.id);
    let id = scenario.id.clone();
    view! {
        <Title text=format!("{} · Clusterplan", title_text(&scenario.name)) />
        <h1 data-testid="scenario-name">{scenario.name.clone()}</h1>
        <p class="muted">
            {format!("Revision {} · saved {} · created {}", scenario.revision, short_time(&scenario.updated_at), short_time(&scenario.created_at))}
        </p>
        <div class="actions">
            <label class="share">
                "Share link "
                <input readonly value=share_path.clone() data-testid="share-link" size="40" />
            </label>
            <CopyLinkButton path=share_path />
            {edit_href.map(|href| view! { <a class="button" href=href data-testid="edit-link">"Edit"</a> })}
            <a class="button secondary" href=explore_href>"Open in the planner"</a>
            <ActionForm action=fork>
                <input type="hidden" name="id" value=id />
                <button type="submit" class="secondary">"Fork (make my own copy)"</button>
            </ActionForm>
            <a class="button secondary" href=csv_href>"Download CSV"</a>
        </div>
        <Verdict result=result.clone() />
        <UncertaintySummary result=result.clone() />
        <Warnings result=result.clone() />
        <Breakdown result=result.clone() />
        <TeamLoad result />
        <h2>"Charts"</h2>
        <ChartGallery charts=scenario.charts link_base=charts_base />
    }
}

/// Copies the absolute share link; a no-op without JavaScript (the field above
/// it can be copied by hand).
#[component]
fn CopyLinkButton(path: String) -> impl IntoView {
    let copied = RwSignal::new(false);
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let origin = window.location().origin().unwrap_or_default();
            let _ = window
                .navigator()
                .clipboard()
                .write_text(&format!("{origin}{path}"));
            copied.set(true);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &path;
    };
    view! {
        <button type="button" class="secondary" on:click=on_click>
            {move || if copied.get() { "Link copied" } else { "Copy link" }}
        </button>
    }
}

fn short_time(rfc3339: &str) -> String {
    rfc3339.get(..16).unwrap_or(rfc3339).replace('T', " ") + " UTC"
}
