//! `/compare?ids=…`: saved scenarios side by side, with comparison charts. A GET
//! form like the planner, so it works without JavaScript.

use leptos::prelude::*;

use crate::codec::Json;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::compare_scenarios;
use crate::types::Comparison;

/// The comparison page.
#[component]
pub fn ComparePage() -> impl IntoView {
    // The ids in the URL are share secrets, and the page lists this browser's own.
    #[cfg(feature = "ssr")]
    crate::security::keep_private();
    let query = use_query_map();
    // `add`: the id a "Yours" button adds without JavaScript (a submit button).
    // `ids` sent twice (a hand-made link) is read whole, not its last value.
    let ids = move || {
        let all =
            |q: &leptos_router::params::ParamsMap| q.get_all("ids").unwrap_or_default().join(", ");
        query.with(|q| match (all(q), q.get("add")) {
            (ids, Some(add)) if !ids.trim().is_empty() => format!("{ids}, {add}"),
            (_, Some(add)) => add,
            (ids, None) => ids,
        })
    };
    let comparison = Resource::<_, Json>::new_with_options(ids, compare_scenarios, false);
    view! {
        <Title text="Compare · Clusterplan" />
        <h1>"Compare saved scenarios"</h1>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || comparison.get().map(|loaded| match loaded {
                // The field holds the ids of this answer's query (read again: the
                // page stays when the query changes).
                Ok(comparison) => view! { <CompareView comparison initial=ids() /> }.into_any(),
                // The form stays, holding what was typed, to fix it there.
                Err(error) => {
                    let details: Vec<String> = error.field_errors().iter().map(|e| e.message.clone()).collect();
                    let text = match details.is_empty() {
                        true => error.to_string(),
                        false => format!("{error}: {}", details.join("; ")),
                    };
                    view! {
                        <p class="error" role="alert">{text}</p>
                        <PickForm initial=ids() own=Vec::new() />
                    }.into_any()
                }
            })}
        </Suspense>
    }
}

/// The pick form and, once scenarios are named, their key figures and charts.
#[component]
fn CompareView(comparison: Comparison, initial: String) -> impl IntoView {
    let Comparison { report, own } = comparison;
    let has_own = !own.is_empty();
    view! {
        <PickForm initial own />
        {match report {
            Some(report) => view! { <div class="report" inner_html=report.0></div> }.into_any(),
            None => view! {
                <p class="muted" data-testid="compare-empty">
                    "Paste the links (or ids) of up to ten saved scenarios above and press Compare: "
                    "their totals, verdicts and charts appear side by side. "
                    {match has_own {
                        true => "Or pick yours above; each button adds one.",
                        false => "This browser has saved none yet: save one from the planner with \"Save and get a link\", then come back.",
                    }}
                    " "<a href="/">"Open the planner"</a>
                </p>
            }.into_any(),
        }}
    }
}

/// The ids field (holding `initial`), this browser's own scenarios to add, Compare.
#[component]
fn PickForm(initial: String, own: Vec<(String, String)>) -> impl IntoView {
    view! {
        <Form method="GET" action="/compare">
            <div class="compare-pick">
                // The form's default button, first: Enter in the box compares
                // what was typed, not with the first "Yours" button (submits too).
                <button type="submit" class="default-submit" tabindex="-1" aria-hidden="true">"Compare"</button>
                <label for="compare-ids">"Scenario links or ids (up to ten, separated by commas or spaces)"</label>
                <input id="compare-ids" name="ids" value=initial size="60" />
                {(!own.is_empty()).then(|| view! {
                    <p class="muted">"Yours: "
                        {own.into_iter().map(|(id, name)| view! {
                            <button type="submit" name="add" value=id.clone() class="chip secondary"
                                data-id=id.clone() on:click=move |ev| add_id(ev, &id)>{name}</button>
                        }).collect_view()}
                    </p>
                })}
                <button type="submit">"Compare"</button>
            </div>
        </Form>
    }
}

/// Appends `id` to the ids field, without submitting (with JavaScript; without
/// it the button submits the form with `add=id`, which the page appends).
fn add_id(event: leptos::ev::MouseEvent, id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let input = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("compare-ids"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            let current = input.value();
            let next = if current.trim().is_empty() {
                id.to_owned()
            } else {
                format!("{current}, {id}")
            };
            input.set_value(&next);
            event.prevent_default();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
    let _ = event;
}
