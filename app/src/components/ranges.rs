//! The low/high controls beside a number input, closed until asked for, in a
//! native `<details>`, so they work without JavaScript. (The Monte Carlo's answer
//! is in `crate::report::uncertainty`.)

use clusterplan_model::{FieldSpec, lower_first_word, range_control};
use leptos::prelude::*;

use crate::components::errors::FieldErrors;
use crate::form_values::FormValues;

/// The low and high controls of a range over the number input `spec`.
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
    let open = !low.1.is_empty() || !high.1.is_empty();
    let control = move |(name, value): (String, String), word: &'static str| {
        let id = format!("f-{}", name.replace('.', "-"));
        let error_id = format!("{id}-error");
        let (message, invalid) = errors.for_control(&name);
        view! {
            <span class="bound">
                <label for=id.clone()>{word}</label>
                <input type="number" inputmode="decimal" step="any" id=id name=name value=value
                    aria-describedby=error_id.clone() aria-invalid=invalid />
                <span class="error" id=error_id role="alert">{message}</span>
            </span>
        }
    };
    view! {
        <details class="range" open=open>
            <summary>{format!("Unsure? Give {} a range", lower_first_word(&spec.label()))}</summary>
            {control(low, "Low")}
            {control(high, "High")}
        </details>
    }
}
