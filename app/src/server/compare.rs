//! The compare page's scenarios: the ids pasted, each once, compared as found.

use clusterplan_service::charts;
use clusterplan_service::compare::ids_from_links;
use leptos::prelude::*;

use super::service;
use crate::edit_cookie::edit_keys;
use crate::error::AppError;
use crate::report;
use crate::types::Comparison;

/// See [`crate::api::compare_scenarios`].
pub async fn compare(text: &str) -> Result<Comparison, AppError> {
    let service = service()?;
    let own = service.names(&edit_keys(service.is_https()).ids()).await?;
    // Each scenario once: a link pasted twice drew two identical columns.
    let mut ids = ids_from_links(text);
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    // No ids is not an error here (unlike the JSON API): the page then just
    // offers this browser's own scenarios to pick from.
    if ids.is_empty() {
        return Ok(Comparison { report: None, own });
    }
    // Too many ids is refused with the form kept to fix it; ids that answer to
    // no scenario are named above the others, compared as found.
    // Too many ids: the box's own problem, named as the page names the box
    // ("some fields need fixing" spoke of fields the page does not have).
    let found = service
        .compare_ids(&ids)
        .await
        .map_err(|error| match AppError::from(error) {
            AppError::Invalid(errors) => {
                let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
                AppError::Refused(format!("Scenario links or ids: {}", messages.join("; ")))
            }
            other => other,
        })?;
    // None found: still the page, with its form, but a 404 to link checkers.
    if found.documents.is_empty()
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let named: Vec<_> = found
        .documents
        .iter()
        .map(|s| (s.name.as_str(), &s.result))
        .collect();
    let charts = charts::render_comparison(&named);
    Ok(Comparison {
        report: Some(report::comparison(found, charts)),
        own,
    })
}
