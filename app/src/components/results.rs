//! The planner's results: the verdict's report as the server rendered it, or,
//! for a form that cannot be calculated, a summary of what to fix whose lines
//! link to their boxes.

use clusterplan_model::{FieldKind, control_title, replaced_by_fleet};
use leptos::prelude::*;

use crate::components::field_id;
use crate::types::Evaluation;

/// One line of the summary of what to fix: a field's error names the field as
/// the form shows it and, when the form draws a box for it (not a list or an
/// object, not a field a fleet replaces), links to it: a plain fragment link
/// (`rel="external"`: the router would scroll but leave the focus on the
/// link). One that names no field reads as it is.
fn summary_item(error: clusterplan_model::FieldError, fleet: bool) -> impl IntoView {
    let drawn = clusterplan_model::field_spec_at(&error.field).map(|spec| {
        let boxless = matches!(spec.kind, FieldKind::Array | FieldKind::Object);
        !(boxless || fleet && replaced_by_fleet(&spec.path))
    });
    match drawn {
        Some(true) => view! {
            <li><a href=format!("#{}", field_id(&error.field)) rel="external">{control_title(&error.field)}</a>
                {format!(": {}", error.message)}</li>
        }
        .into_any(),
        named => {
            let text = match named {
                Some(_) => format!("{}: {}", control_title(&error.field), error.message),
                None => error.to_string(),
            };
            view! { <li>{text}</li> }.into_any()
        }
    }
}

/// The results of a valid form, or a summary of what to fix.
#[component]
pub fn Results(evaluation: Evaluation, fleet: bool) -> impl IntoView {
    let Some(report) = evaluation.report else {
        return view! {
            <div class="fix-first" data-testid="fix-first">
                <h2>"Fix the highlighted fields"</h2>
                <p>{evaluation.announce}</p>
                <ul>{evaluation.errors.into_iter().map(|e| summary_item(e, fleet)).collect_view()}</ul>
            </div>
        }
        .into_any();
    };
    view! {
        <h2>"Verdict"</h2>
        <div class="report" inner_html=report.0></div>
    }
    .into_any()
}
