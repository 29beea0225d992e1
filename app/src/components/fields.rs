//! The planner's inputs, rendered from the model's field table so every default,
//! unit, range and rationale shown is the one the model uses.

use clusterplan_model::{FieldKind, FieldSpec, OptionName, field_specs};
use leptos::prelude::*;

use crate::components::deferred::Deferred;
use crate::components::errors::FieldErrors;
use crate::components::field_id;
use crate::components::ranges::RangeControls;
use crate::components::type_input::type_input;
use crate::form_values::FormValues;

/// The form's sections in order: a title and the path prefixes whose fields it
/// holds (a prefix ending in `.` takes a whole section of the input).
pub fn groups() -> Vec<(&'static str, Vec<String>)> {
    let group = |title, paths: &[&str]| (title, paths.iter().map(|p| (*p).to_owned()).collect());
    let mut groups = vec![
        group(
            "Clusters and workload",
            &[
                "horizon_months",
                "clusters",
                "growth.workload_pct_per_year",
                "workers.nodes_per_cluster",
                "workers.workload.",
                "workers.headroom_pct",
                "workers.min_nodes_per_cluster",
                "workers.system_pods_per_node",
            ],
        ),
        group(
            "Node pricing",
            &[
                "workers.instance_type",
                "workers.custom.",
                "workers.volume_gib_per_node",
                "workers.compute_discount_pct",
                "prices.",
            ],
        ),
    ];
    // Each option's settings sit in the input section named by the option's key
    // (`eks`, `self_hosted`), so the option names both the section and its title.
    groups
        .extend(OptionName::ALL.map(|option| (option.label(), vec![format!("{}.", option.key())])));
    groups.push(group("Team and on-call", &["team."]));
    groups.push(group("Upgrade cadence", &["upgrades."]));
    groups.push(group("Display currency", &["display."]));
    groups.push(group(
        "Uncertainty (used once an input has a range)",
        &["uncertainty.samples", "uncertainty.seed"],
    ));
    groups
}

/// The fields of one group, in the table's order.
pub fn group_fields(prefixes: &[String]) -> Vec<&'static FieldSpec> {
    field_specs()
        .iter()
        // Objects are their members; lists have an editor of their own.
        .filter(|s| !matches!(s.kind, FieldKind::Object | FieldKind::Array))
        .filter(|s| !s.path.contains("[]"))
        .filter(|s| {
            prefixes.iter().any(|p| {
                if p.ends_with('.') {
                    s.path.starts_with(p.as_str())
                } else {
                    s.path == *p
                }
            })
        })
        .collect()
}

/// The value to show: the one in the form's query, else the default.
fn shown(spec: &FieldSpec, values: &FormValues) -> String {
    values
        .get(&spec.path)
        .map(str::to_owned)
        .unwrap_or_else(|| match &spec.default {
            serde_json::Value::Null => String::new(),
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
}

/// One labelled input with its unit, default, rationale and errors, hydrated
/// after the page's first pass (`Deferred`).
#[component]
pub fn Field(spec: &'static FieldSpec, values: FormValues, errors: FieldErrors) -> impl IntoView {
    view! { <Deferred class="field">{field_parts(spec, values, errors)}</Deferred> }
}

/// What a field's `<div class="field">` holds.
fn field_parts(spec: &'static FieldSpec, values: FormValues, errors: FieldErrors) -> AnyView {
    let id = field_id(&spec.path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let value = shown(spec, &values);
    let path = spec.path.clone();
    let (message, invalid) = errors.for_control(&path);
    let control = control(spec, &id, value, format!("{hint_id} {error_id}"), invalid);
    let unit = spec.unit.clone().unwrap_or_default();
    let default = match &spec.default {
        serde_json::Value::Null => "No default value.".to_owned(),
        serde_json::Value::String(s) => format!("Default {s}."),
        other => format!("Default {other} {unit}.").replace(" .", "."),
    };
    // One text node, not five: each node is a step when the page hydrates.
    // A checkbox has no range to state ("Range: ." read as a slip).
    let range = match spec.range.as_str() {
        "" => String::new(),
        range => format!(" Range: {range}."),
    };
    let hint = format!("{default} {}{range}", spec.rationale);
    // Any number input can be ranged for the Monte Carlo, except its own settings.
    let rangeable = clusterplan_model::is_rangeable(&spec.path);
    // Erased, so the form's view type stays within the compiler's depth limit.
    let range =
        rangeable.then(|| view! { <RangeControls spec values=values.clone() errors /> }.into_any());
    view! {
        <label for=id.clone()>{spec.label()}</label>
        <div class="control">{control}<span class="unit">{unit.clone()}</span></div>
        {range}
        <p class="hint" id=hint_id>{hint}</p>
        <p class="error" id=error_id role="alert">{message}</p>
    }
    .into_any()
}

fn control(
    spec: &'static FieldSpec,
    id: &str,
    value: String,
    described_by: String,
    invalid: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
) -> AnyView {
    let name = spec.path.clone();
    match spec.kind {
        FieldKind::Boolean => view! {
            <input type="checkbox" id=id.to_owned() name=name value="true"
                checked=value == "true" aria-describedby=described_by />
        }
        .into_any(),
        // A free string (the display currency's code): a short text box.
        FieldKind::String if spec.choices().is_empty() => view! {
            <input type="text" id=id.to_owned() name=name value=value maxlength="3" size="4"
                autocapitalize="characters" autocomplete="off" spellcheck="false"
                aria-describedby=described_by aria-invalid=invalid />
        }
        .into_any(),
        FieldKind::String if spec.is_instance_type() => {
            type_input(spec, name, id, value, None, described_by, invalid)
        }
        FieldKind::String => view! {
            <select id=id.to_owned() name=name aria-describedby=described_by aria-invalid=invalid>
                {spec.choices().into_iter().map(|o| {
                    let selected = o == value;
                    view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
        // A text box with a number keyboard, read by the server: a number box
        // sends "" for what it cannot read ("e", and "1,5" in some browsers
        // became 15), so the server could not say what was wrong with it.
        _ => view! {
            <input inputmode="decimal" autocomplete="off" id=id.to_owned() name=name value=value
                placeholder=spec.nullable.then_some("default") aria-describedby=described_by
                aria-invalid=invalid />
        }
        .into_any(),
    }
}
