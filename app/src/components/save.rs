//! The planner's "Save and share": save as a new shared scenario, or (in edit
//! mode) list what saving would change and save the next revision.

use leptos::prelude::*;

use crate::api::{SaveScenario, UpdateScenario, edit_changes};
use crate::codec::Json;
use crate::components::live::save_what_is_shown;
use crate::error::AppError;
use crate::types::FieldChange;
use clusterplan_model::control_title;

/// The planner's edit mode: the scenario the form saves a revision of, and the
/// revision it was opened from (a save after another's is refused).
#[derive(Clone, Debug)]
pub struct Editing {
    /// The scenario's share id.
    pub id: String,
    /// The revision the form was opened from, as the page's address gives it.
    pub revision: Option<String>,
}

/// Save as a new shared scenario, or (in edit mode) as the next revision.
#[component]
pub fn SaveForm(
    editing: Option<Editing>,
    name: String,
    form_query: Signal<String>,
) -> impl IntoView {
    let save = ServerAction::<SaveScenario>::new();
    let update = ServerAction::<UpdateScenario>::new();
    let failed = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .or_else(|| update.value().get().and_then(Result::err))
    };
    let error = move || failed().as_ref().map(described);
    let saved_name = name.clone();
    // Server-rendered only: a page with JavaScript never reads a `<noscript>`.
    #[cfg(feature = "ssr")]
    let no_script = no_script_save(&name, editing.is_some(), untrack(failed).as_ref());
    #[cfg(not(feature = "ssr"))]
    let no_script = String::new();
    let fields = move || {
        view! {
            <label for="scenario-name">"Scenario name"</label>
            // The save's error line describes the box: a refused name (empty,
            // only marks) was announced apart from it.
            <input id="scenario-name" name="name" required maxlength="120" value=name.clone()
                aria-describedby="save-error" />
            <input type="hidden" name="query" value=form_query />
        }
    };
    let new_save = {
        let fields = fields.clone();
        move |label: &'static str| {
            let fields = fields.clone();
            view! {
                <ActionForm action=save>
                    {fields()}
                    <button type="submit" on:click=save_what_is_shown>{label}</button>
                </ActionForm>
            }
        }
    };
    view! {
        <section class="save" aria-label="Save and share">
            <h2>"Save and share"</h2>
            {match editing {
                Some(Editing { id, revision }) => {
                    let key = id.clone();
                    let changes = Resource::<_, Json>::new_with_options(
                        move || (key.clone(), saved_name.clone(), form_query.get()),
                        |(id, name, query)| edit_changes(id, name, query),
                        false,
                    );
                    // A link that edits a scenario not saved (any more) offers
                    // a new save, not a revision bound to fail: one of the two
                    // forms is hidden (`hidden`, also without JavaScript).
                    let missing = move || matches!(changes.get(), Some(Err(AppError::NotFound)));
                    view! {
                        <EditChanges changes />
                        <div hidden=missing>
                            <ActionForm action=update>
                                <input type="hidden" name="id" value=id />
                                {revision.map(|r| view! { <input type="hidden" name="revision" value=r /> })}
                                {fields()}
                                <button type="submit" on:click=save_what_is_shown>
                                    "Save these changes as a new revision"
                                </button>
                            </ActionForm>
                        </div>
                        <div hidden=move || !missing()>{new_save("Save as a new scenario")}</div>
                    }.into_any()
                }
                None => new_save("Save and get a link").into_any(),
            }}
            <noscript inner_html=no_script></noscript>
            <p class="error" id="save-error" role="alert">{error}</p>
        </section>
    }
}

/// The save without JavaScript: a name box and a button of the planner form
/// (`form="planner"`), which post the form as its fields stand to
/// [`crate::api::save_plan`]. The forms above post the plan of the last
/// calculation (their `query` follows the page's address, which only a
/// submit changes without JavaScript): the stylesheet hides them then, and
/// their error line, which a refused save's `error` is here instead: beside
/// the box, which takes the focus (and so comes into view).
/// In edit mode the label fits both outcomes: a link whose scenario is gone
/// saves a new one.
#[cfg(feature = "ssr")]
fn no_script_save(name: &str, editing: bool, error: Option<&AppError>) -> String {
    use clusterplan_model::NAME;
    use leptos::server_fn::ServerFn;
    let label = match editing {
        true => "Save these changes",
        false => "Save and get a link",
    };
    // Invalid only when the name is what was refused (not another field).
    let name_refused = error.is_some_and(|e| e.field_errors().iter().any(|f| f.field == NAME));
    view! {
        <div>
            <label for="plan-name">"Scenario name"</label>
            <input id="plan-name" form="planner" name=NAME maxlength="120" value=name.to_owned()
                autofocus=error.is_some() aria-invalid=name_refused.then_some("true")
                aria-describedby=error.is_some().then_some("plan-save-error") />
            <button type="submit" form="planner" formaction=crate::api::SavePlan::PATH formmethod="post">
                {label}
            </button>
            {error.map(|e| view! { <p class="error" id="plan-save-error">{described(e)}</p> })}
        </div>
    }
    .to_html()
}

/// A refused save in words: why, then each field as the form names it.
fn described(error: &AppError) -> String {
    let fields: Vec<String> = error
        .field_errors()
        .iter()
        .map(|f| match f.field.as_str() {
            "" => f.message.clone(),
            path => format!("{}: {}", control_title(path), f.message),
        })
        .collect();
    match fields.is_empty() {
        true => error.to_string(),
        false => format!("{error}: {}", fields.join("; ")),
    }
}

/// What saving would change in the saved scenario, listed before the save
/// button: a prefilled `?edit=` link cannot overwrite a scenario unseen.
#[component]
fn EditChanges(changes: Resource<Result<Vec<FieldChange>, AppError>, Json>) -> impl IntoView {
    let listed = move || {
        changes.get().map(|outcome| match outcome {
            Ok(changes) if changes.is_empty() => view! {
                <p>"Nothing differs from the saved revision yet; saving now writes nothing."</p>
            }
            .into_any(),
            Ok(changes) => view! {
                <p>{match changes.len() {
                    1 => "Saving changes 1 value of the saved scenario:".to_owned(),
                    n => format!("Saving changes {n} values of the saved scenario:"),
                }}</p>
                <ul>
                    {changes.into_iter().map(|c| view! {
                        <li><strong>{c.label}</strong>{format!(": {} → {}", shown(c.from), shown(c.to))}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any(),
            Err(AppError::NotFound) => view! {
                <p class="error">"No saved scenario has this edit link: saving makes a new one."</p>
            }
            .into_any(),
            Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
        })
    };
    view! { <div class="edit-changes" data-testid="edit-changes">{listed}</div> }
}

fn shown(value: String) -> String {
    if value.is_empty() {
        "(none)".to_owned()
    } else {
        value
    }
}
