//! `/`: the planner. A GET form, so it works without JavaScript (submit renders
//! the results, and the URL reproduces the plan); once hydrated, results follow
//! the inputs as the user types, without a page load.

use leptos::prelude::*;

use crate::codec::JsonBesidePage;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::{evaluate, planner_presets};
use crate::components::deferred::Deferred;
use crate::components::errors::FieldErrors;
use crate::components::fields::{Field, group_fields, groups};
use crate::components::fleet::{FleetEditor, PoolLines};
use crate::components::line_items::LineItems;
use crate::components::live::submit_when_idle;
use crate::components::results::Results;
use crate::components::row_focus;
use crate::components::save::{Editing, SaveForm};
use crate::form_values::FormValues;
use clusterplan_model::{
    EDIT, EDIT_REVISION, NAME, SIZING, TO_FLEET, apply_form_actions, fleet_rows, replaced_by_fleet,
};

/// The planner page.
#[component]
pub fn PlannerPage() -> impl IntoView {
    let query = use_query_map();
    // The inputs are filled once from the URL; later changes come from the user,
    // and re-rendering the controls under their fingers would lose focus. The
    // form is drawn again only when the fleet's rows change: "describe as a
    // fleet", "add" and "remove" (typing keeps the rows).
    let pairs = move || -> Vec<(String, String)> {
        let values = FormValues::from_query(query.get());
        let pairs: Vec<(String, String)> = values
            .iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        apply_form_actions(&pairs)
    };
    let form_values = move || FormValues::from_pairs(untrack(pairs));
    let fleet = Memo::new(move |_| {
        let pairs = pairs();
        let rows: Vec<String> = fleet_rows(pairs.iter().map(|(k, _)| k.as_str()))
            .into_iter()
            .map(str::to_owned)
            .collect();
        (!rows.is_empty(), rows)
    });
    let values = form_values();
    let editing = values.get(EDIT).map(|id| Editing {
        id: id.to_owned(),
        revision: values.get(EDIT_REVISION).map(str::to_owned),
    });
    // `?edit=` names a scenario's share id.
    #[cfg(feature = "ssr")]
    if editing.is_some() {
        crate::security::keep_private();
    }
    let name = values.get(NAME).unwrap_or_default().to_owned();
    let form_query = move || query.with(|q| q.to_query_string().trim_start_matches('?').to_owned());
    let evaluation = Resource::<_, JsonBesidePage>::new_with_options(form_query, evaluate, false);
    // A new answer changes what the fields draw: they hydrate first, against
    // the server's markup (`Deferred`), before it can arrive.
    Effect::watch(
        form_query,
        |_, _, _| crate::components::deferred::hydrate_now(),
        false,
    );
    let errors = FieldErrors(Signal::derive(move || {
        evaluation
            .get()
            .and_then(Result::ok)
            .map(|e| e.errors)
            .unwrap_or_default()
    }));
    let figures = PoolLines(Signal::derive(move || {
        evaluation
            .get()
            .and_then(Result::ok)
            .map(|e| e.pools)
            .unwrap_or_default()
    }));
    let sizing = values.get(SIZING).unwrap_or("workload").to_owned();

    view! {
        <Title text="Planner · Clusterplan" />
        <h1>"EKS or self-hosted Kubernetes?"</h1>
        <p class="lede">
            "Every input has a default with its reason beside it. Change what you know; "
            "the answer follows as you type. "
            <a href="/methodology" rel="external">"How it is calculated"</a>"."
        </p>
        <Presets />
        <div class="planner">
            <Transition fallback=|| view! { <p>"Calculating…"</p> }>
                {
                    let (editing, name) = (editing.clone(), name.clone());
                    move || {
                        let fleet = fleet.with(|(fleet, _)| *fleet);
                        view! { <PlannerForm values=form_values() editing=editing.clone() name=name.clone() sizing=sizing.clone() fleet errors figures /> }
                    }
                }
                // Not a live region itself: a screen reader read the whole report
                // again at every pause in the typing. Its one sentence is.
                <section class="results" id="results" aria-label="Results">
                    <p class="sr-only" aria-live="polite" data-testid="announce">
                        {move || evaluation.get().map(|outcome| match outcome {
                            Ok(evaluation) => evaluation.announce,
                            Err(error) => error.to_string(),
                        })}
                    </p>
                    {move || evaluation.get().map(|outcome| match outcome {
                        Ok(evaluation) => {
                            let fleet = fleet.with_untracked(|(fleet, _)| *fleet);
                            view! { <Results evaluation fleet /> }.into_any()
                        }
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    })}
                    <SaveForm editing=editing.clone() name=name.clone() form_query=Signal::derive(form_query) />
                </section>
            </Transition>
        </div>
    }
}

/// Named starting points: links that fill the form (they work without JavaScript).
/// `rel="external"` makes each a full page load: the form reads the URL once.
#[component]
fn Presets() -> impl IntoView {
    // Markup from the server: nothing in it to hydrate, and no preset in the bundle.
    let presets =
        Resource::<_, JsonBesidePage>::new_with_options(|| (), |_| planner_presets(), false);
    let items = move || {
        presets
            .get()
            .and_then(Result::ok)
            .map(|html| html.0)
            .unwrap_or_default()
    };
    view! {
        <nav class="presets" aria-label="Starting points">
            <h2>"Start from"</h2>
            <Suspense fallback=|| ()>
                <ul inner_html=items></ul>
            </Suspense>
            // A plain page the router has no route for: a full page load.
            <p><a href="/import" rel="external" data-testid="import-link">"Start from your cluster"</a>" "
                <span class="hint">"kubectl's nodes and pods, read into a fleet"</span></p>
        </nav>
    }
}

/// The inputs, grouped, in a GET form that resubmits itself while the user types.
#[component]
fn PlannerForm(
    values: FormValues,
    editing: Option<Editing>,
    name: String,
    sizing: String,
    fleet: bool,
    errors: FieldErrors,
    figures: PoolLines,
) -> impl IntoView {
    let general = move || errors.general().join("; ");
    // With a fleet its editor replaces `clusters` and `workers`; without one, a
    // button writes them as a fleet (a submit, so it works without JavaScript).
    let to_fleet = view! {
        <button type="submit" name=TO_FLEET value="1" formnovalidate class="secondary" data-testid="to-fleet">
            "Describe several cluster groups and node pools instead"
        </button>
    };
    // Where removing a fleet's last group lands, and where this lands.
    #[cfg(feature = "ssr")]
    let to_fleet = {
        use crate::components::{field_id, landing};
        use leptos::tachys::view::add_attr::AddAnyAttr;
        let id = leptos::attr::id(landing::TO_FLEET_ID);
        to_fleet.add_any_attr((id, landing::formaction(&field_id("fleet[0].name"))))
    };
    let plain_sizing = (!fleet).then(|| view! {
        <fieldset class="sizing">
            <legend>"Size workers from"</legend>
            <label><input type="radio" name=SIZING value="workload" checked=sizing != "nodes" />" pod requests (workload)"</label>
            <label><input type="radio" name=SIZING value="nodes" checked=sizing == "nodes" />" an explicit node count"</label>
            {to_fleet}
        </fieldset>
    });
    let fleet_editor = fleet.then(|| {
        let values = values.clone();
        view! { <Deferred class="fleet-part"><FleetEditor values errors figures /></Deferred> }
            .into_any()
    });
    // Drawn again after an action on the fleet's rows: the boxes show the new
    // rows' values, and the focus goes where a Remove noted.
    Effect::new(row_focus::after_row_action);
    let form = view! {
        <Form method="GET" action="/" noscroll=true replace=true>
            <div class="planner-form" on:input=submit_when_idle on:click=row_focus::remember_row_action>
                // The form's default button, first in the form: Enter in a field
                // submits with it, not with the first "Unsure? Give … a range"
                // button (those submit too, without JavaScript).
                // `formaction`: a page load (without JavaScript) opens at the
                // results, which follow the whole form (13,000 px down on a
                // phone). The router reads the form's `action`, not this.
                <button type="submit" class="default-submit" tabindex="-1" aria-hidden="true" formaction="/#results">"Calculate"</button>
                {editing.map(|Editing { id, revision }| view! {
                    <input type="hidden" name=EDIT value=id />
                    {revision.map(|r| view! { <input type="hidden" name=EDIT_REVISION value=r /> })}
                })}
                <input type="hidden" name=NAME value=name />
                <p class="error" role="alert">{general}</p>
                {plain_sizing}
                {fleet_editor}
                // Each group's fields hydrate after the page's first pass, a
                // few at a time (`Deferred`: the phone's blocking time).
                {groups().into_iter().map(|(title, prefixes)| {
                    let values = values.clone();
                    view! {
                        <fieldset class="group">
                            <legend>{title}</legend>
                            <Deferred class="group-fields">
                                {group_fields(&prefixes)
                                    .into_iter()
                                    .filter(|spec| !(fleet && replaced_by_fleet(&spec.path)))
                                    .map(|spec| view! { <Field spec values=values.clone() errors /> }.into_any())
                                    .collect_view()}
                            </Deferred>
                        </fieldset>
                    }
                    .into_any()
                }).collect_view()}
                <Deferred class="line-items-part">
                    {view! { <LineItems values=values.clone() errors /> }.into_any()}
                </Deferred>
                <button type="submit" formaction="/#results">"Calculate"</button>
            </div>
        </Form>
    };
    // The id names the form for the save without JavaScript, whose controls
    // are outside it (`components::save`): only a server-rendered page needs
    // it. Hydration leaves an attribute as the server wrote it, and `attr:id`
    // would add 1.5 KB (brotli) to the bundle. `novalidate`: the server checks
    // every value and says why beside its box. The browser's own check, run
    // by each submit as typing pauses, moved the focus to the first box it
    // disliked (a 2.5 in a whole-number box), and the next keystrokes landed there.
    #[cfg(feature = "ssr")]
    let form = {
        use leptos::tachys::view::add_attr::AddAnyAttr;
        form.add_any_attr((leptos::attr::id("planner"), leptos::attr::novalidate(true)))
    };
    form
}
