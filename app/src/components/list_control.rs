//! One control of a list row (a line item, a cluster group, a node pool), the
//! same for every list: label with the row named, the box or select the field
//! table's kind asks for (an instance type's box: `type_input`), and its error.

use clusterplan_model::{FieldKind, choice_label, field_spec_at};
use leptos::prelude::*;

use crate::components::errors::FieldErrors;
use crate::components::field_id;
use crate::components::type_input::type_input;

/// One labelled control of a list row, with its error; `context` names the row
/// in the label (`item 2`, `group 1, pool 2`). Empty boxes show the default as a
/// placeholder and send nothing, so the default applies.
#[component]
pub fn ListControl(
    path: String,
    value: Option<String>,
    errors: FieldErrors,
    context: String,
) -> impl IntoView {
    let spec = field_spec_at(&path).expect("list members are in the field table");
    let id = field_id(&path);
    let error_id = format!("{id}-error");
    // The unit where the words do not already say it (`Hourly, USD/hour`,
    // not `Pods, pods`): a row's boxes have no room for a unit beside them.
    let words = spec.label();
    let label = match spec.unit.as_deref() {
        Some(unit) if !words.to_lowercase().contains(&unit_word(unit)) => {
            format!("{words}, {unit} ({context})")
        }
        _ => format!("{words} ({context})"),
    };
    let (message, invalid) = errors.for_control(&path);
    let value = value.unwrap_or_default();
    let placeholder = match &spec.default {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(_) => String::new(),
        other => other.to_string(),
    };
    let member = path.rsplit('.').next().unwrap_or_default().to_owned();
    let choices = spec.choices();
    let control = match (spec.kind, choices.is_empty(), member.as_str()) {
        (FieldKind::String, false, _) => view! {
            <select id=id.clone() name=path aria-describedby=error_id.clone() aria-invalid=invalid>
                {choices.into_iter().map(|choice| {
                    let selected = choice == value;
                    view! { <option value=choice.clone() selected=selected>{choice_label(&choice)}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        (FieldKind::String, true, "instance_type") => {
            type_input(spec, path, &id, value, Some(placeholder), error_id.clone(), invalid)
        }
        (FieldKind::String, true, _) => view! {
            <input id=id.clone() name=path value=value maxlength="60" autocomplete="off"
                aria-describedby=error_id.clone() aria-invalid=invalid />
        }
        .into_any(),
        _ => view! {
            <input inputmode="decimal" autocomplete="off" id=id.clone() name=path
                value=value placeholder=placeholder aria-describedby=error_id.clone() aria-invalid=invalid />
        }
        .into_any(),
    };
    view! {
        <div class=format!("item-field item-{member}")>
            <label for=id>{label}</label>
            {control}
            <p class="error" id=error_id role="alert">{message}</p>
        </div>
    }
}

/// A unit's first word, lower-cased: `USD/node-hour` → `usd`.
fn unit_word(unit: &str) -> String {
    unit.split(['/', '-']).next().unwrap_or(unit).to_lowercase()
}
