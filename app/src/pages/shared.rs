//! `/s/{id}`: a saved scenario, read-only for anyone with the link. The browser
//! that created it (it holds the edit token cookie) also gets an edit link.

use leptos::prelude::*;

use crate::codec::JsonBesidePage;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::{ClaimScenario, ForkScenario, load_scenario};
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
    // Pasting the edit key changes what this browser may do: load again after it.
    let claim = ServerAction::<ClaimScenario>::new();
    let scenario = Resource::<_, JsonBesidePage>::new_with_options(
        move || {
            let id = params.with(|p| p.get("id").unwrap_or_default());
            (id, claim.version().get())
        },
        |(id, _)| load_scenario(id),
        false,
    );
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>"Loading the scenario…"</p> }>
            {move || scenario.get().map(|loaded| match loaded {
                Ok(scenario) => view! { <Shared scenario claim /> }.into_any(),
                Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Shared(scenario: SharedScenario, claim: ServerAction<ClaimScenario>) -> impl IntoView {
    let fork = ServerAction::<ForkScenario>::new();
    let share_url = scenario.share_url.clone();
    let (edit_href, explore_href) = (scenario.edit_link.clone(), scenario.planner_link.clone());
    // A link past the server's URI limit would be a bare 414: say so instead.
    let too_large = (explore_href.is_none() || (scenario.can_edit && edit_href.is_none()))
        .then(|| format!("/api/v1/scenarios/{}", scenario.id));
    let what = match explore_href.is_some() {
        true => "edit in the planner",
        false => "open in the planner",
    };
    let csv_href = format!("/api/v1/scenarios/{}/export.csv", scenario.id);
    let forecast_href = format!("/api/v1/scenarios/{}/forecast.csv", scenario.id);
    let id = scenario.id.clone();
    let can_edit = scenario.can_edit;
    let keys = view! {
        {scenario.new_edit_key.map(|key| view! { <NewEditKey key /> })}
        {(!can_edit).then(|| view! { <ClaimForm id=scenario.id.clone() claim /> })}
    }
    .into_any();
    view! {
        <Title text=format!("{} · Clusterplan", title_text(&scenario.name)) />
        <h1 data-testid="scenario-name">{scenario.name.clone()}</h1>
        <p class="muted">
            {format!("Revision {} · saved {} · created {}", scenario.revision, short_time(&scenario.updated_at), short_time(&scenario.created_at))}
        </p>
        <div class="actions">
            <label class="share">
                "Share link "
                <input readonly value=share_url.clone() data-testid="share-link" size="40" />
            </label>
            {edit_href.map(|href| view! { <a class="button" href=href data-testid="edit-link">"Edit"</a> })}
            {explore_href.map(|href| view! { <a class="button secondary" href=href>"Open in the planner"</a> })}
            <ActionForm action=fork>
                <input type="hidden" name="id" value=id />
                <button type="submit" class="secondary">"Fork (make my own copy)"</button>
            </ActionForm>
            // Files the API serves: `rel="external"` keeps the router from taking them.
            <a class="button secondary" href=csv_href rel="external">"Download CSV"</a>
            <a class="button secondary" href=forecast_href rel="external"
                title="One row per option, month and category, with FOCUS column names for FinOps tools; starts this month">
                "Monthly forecast (FOCUS CSV)"
            </a>
            <CopyLinkButton link=share_url />
        </div>
        {too_large.map(|api| view! {
            <p class="muted" data-testid="too-large-for-a-link">
                {format!("This scenario is too large to {what} from a link: its address would pass the 60 KiB the server reads. ")}
                "Change it through the JSON API instead ("<code>{format!("PUT {api}")}</code>" with the edit key), "
                "or read it whole at "<a href=api.clone() rel="external">{api.clone()}</a>"."
            </p>
        })}
        {keys}
        <div class="report" inner_html=scenario.report.0></div>
    }
}

/// The edit key, shown once to its owner right after saving: this browser
/// remembers it, but browsers forget (cleared cookies, another device).
#[component]
fn NewEditKey(key: String) -> impl IntoView {
    view! {
        <section class="edit-key" data-testid="new-edit-key" aria-label="Your edit key">
            <h2>"Keep your edit key"</h2>
            <p>
                "This browser can edit the scenario. To edit it from another browser, "
                "or after clearing cookies, you need this key; it is shown only now. "
                "Anyone with the key can change the scenario, so keep it private."
            </p>
            <input readonly value=key size="48" aria-label="Edit key" />
        </section>
    }
}

/// For a browser that cannot edit: paste the edit key to be able to.
#[component]
fn ClaimForm(id: String, claim: ServerAction<ClaimScenario>) -> impl IntoView {
    // The key field's own message ("does not match this scenario"), not the
    // form-wide "some fields need fixing": the key is the only field.
    let error = move || {
        claim
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| match e.field_errors().first() {
                Some(field) => format!("This edit key {}.", field.message),
                None => e.to_string(),
            })
    };
    view! {
        // Open when it holds an error: a refused post without JavaScript
        // comes back to this page, and a closed box would hide why.
        <details class="claim" open=move || error().is_some()>
            <summary>"I have the edit key"</summary>
            <ActionForm action=claim>
                <input type="hidden" name="id" value=id />
                <label for="edit-key">"Edit key"</label>
                <input id="edit-key" name="key" required autocomplete="off" size="48" />
                <button type="submit" class="secondary">"Edit with this key"</button>
            </ActionForm>
            <p class="error" role="alert">{error}</p>
        </details>
    }
}

/// Copies the share link, made absolute with the page's origin when the server
/// has no public URL. Only a secure page (https, or this machine) may write
/// to the clipboard: elsewhere the click selects the link in its box, to copy
/// by hand (calling the missing clipboard threw, and a second click then
/// broke the page's scripts). It works only with JavaScript: the stylesheet
/// keeps it unseen until the page is hydrated, its place kept at the row's
/// end (nothing moves when it appears, and no gap is left between buttons).
#[component]
fn CopyLinkButton(link: String) -> impl IntoView {
    let label = RwSignal::new("Copy link");
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            use leptos::wasm_bindgen::JsCast;
            let whole = match link.starts_with('/') {
                true => format!("{}{link}", window.location().origin().unwrap_or_default()),
                false => link.clone(),
            };
            if window.is_secure_context() {
                let _ = window.navigator().clipboard().write_text(&whole);
                label.set("Link copied");
            } else if let Some(input) = document()
                .query_selector("[data-testid=share-link]")
                .ok()
                .flatten()
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                // The whole link, not the path the box holds without a public URL.
                input.set_value(&whole);
                input.select();
                label.set("Link selected: copy it");
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &link;
    };
    view! {
        <button type="button" class="secondary copy-link" aria-live="polite" on:click=on_click>
            {label}
        </button>
    }
}

fn short_time(rfc3339: &str) -> String {
    rfc3339.get(..16).unwrap_or(rfc3339).replace('T', " ") + " UTC"
}
