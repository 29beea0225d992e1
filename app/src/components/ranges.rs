//! The low/high controls of a number input's range, rendered only once asked
//! for. Until then the field has one button, "Unsure? Give … a range": hydrated,
//! it shows the controls in place; without JavaScript it is a submit button that
//! reloads the planner with [`SHOW_RANGE`] naming the field, and the server
//! renders them. (The Monte Carlo's answer is in `crate::report::uncertainty`.)
//!
//! Why not a closed `<details>` around the controls, as before: its 86 inputs
//! were half the form's controls, and Chromium forced a style and layout pass
//! for each closed `<details>` when the page finished parsing. Together they
//! cost more of the planner's time to hydrate than any other part of the page
//! (docs/PERFORMANCE.md, "Time to hydrate").

use clusterplan_model::{FieldSpec, lower_first_word, range_control};
use leptos::html;
use leptos::prelude::*;

use crate::components::errors::FieldErrors;
use crate::components::field_id;
use crate::form_values::FormValues;

/// The planner query parameter that asks for one field's range controls
/// (`show_range=workers.headroom_pct`). The form parser ignores it.
pub const SHOW_RANGE: &str = "show_range";

/// The range of the number input `spec`: its low and high controls when they
/// have values or were asked for, else the button that asks for them.
#[component]
pub fn RangeControls(
    spec: &'static FieldSpec,
    values: FormValues,
    errors: FieldErrors,
) -> impl IntoView {
    let bound = |bound: &'static str| {
        let name = range_control(bound, &spec.path);
        let value = values.get(&name).unwrap_or_default().to_owned();
        (name, value)
    };
    let (low, high) = (bound("low"), bound("high"));
    // Asked for by the button, without JavaScript: the low control takes focus.
    let asked_in_url = values.get(SHOW_RANGE) == Some(spec.path.as_str());
    let shown = RwSignal::new(asked_in_url || !low.1.is_empty() || !high.1.is_empty());
    let low_input = NodeRef::<html::Input>::new();
    let subject = lower_first_word(&spec.label());
    // `formnovalidate`: without JavaScript, asking for a range is not held up
    // by the browser's checks of other fields (the server reports those).
    let ask = {
        let subject = subject.clone();
        move || {
            view! {
                <button type="submit" class="range-ask" name=SHOW_RANGE value=spec.path.clone()
                    formnovalidate=true
                    on:click=move |event| {
                        // Hydrated, the controls appear in place; the form is not sent.
                        event.prevent_default();
                        shown.set(true);
                        // The view updates before the next frame; then the low
                        // control takes focus.
                        request_animation_frame(move || {
                            if let Some(input) = low_input.get_untracked() {
                                let _ = input.focus();
                            }
                        });
                    }>
                    {format!("Unsure? Give {subject} a range")}
                </button>
            }
        }
    };
    // `focus`: the low control's reference, and `autofocus` when asked for in the URL.
    let control = move |(name, value): (String, String), word: &'static str, focus: bool| {
        let id = field_id(&name);
        let error_id = format!("{id}-error");
        let (message, invalid) = errors.for_control(&name);
        view! {
            <span class="bound">
                <label for=id.clone()>{word}</label>
                <input inputmode="decimal" autocomplete="off" id=id name=name value=value
                    autofocus=focus && asked_in_url
                    node_ref=if focus { low_input } else { NodeRef::new() }
                    aria-describedby=error_id.clone() aria-invalid=invalid />
                <span class="error" id=error_id role="alert">{message}</span>
            </span>
        }
    };
    view! {
        <Show when=move || shown.get() fallback=ask>
            <fieldset class="range">
                <legend>{format!("Range of {subject}")}</legend>
                {control(low.clone(), "Low", true)}
                {control(high.clone(), "High", false)}
            </fieldset>
        </Show>
    }
}
