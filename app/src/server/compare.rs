//! The compare page's scenarios: the ids pasted, each once, compared as found.

use clusterplan_service::compare::{each_once, ids_from_links};
use clusterplan_service::{ServiceError, charts};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

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
    each_once(&mut ids);
    // No ids is not an error here (unlike the JSON API): the page then just
    // offers this browser's own scenarios to pick from.
    if ids.is_empty() {
        return Ok(Comparison { report: None, own });
    }
    // Answered to the hydrated page's call of this server function, a status
    // that is not a 2xx makes its client read the answer as an error (and
    // show nothing: found by an end-to-end test); the page itself carries one.
    let called = use_context::<http::request::Parts>()
        .is_some_and(|parts| parts.uri.path() == <crate::api::CompareScenarios as ServerFn>::PATH);
    let status = |status: http::StatusCode| {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>().filter(|_| !called) {
            response.set_status(status);
        }
    };
    // Too many ids: named as the page names its box, above the form, whose
    // "Yours" buttons stay; ids that answer to no scenario are named above the
    // others, compared as found.
    let found = match service.compare_ids(&ids).await {
        Ok(found) => found,
        Err(ServiceError::Invalid(errors)) => {
            status(http::StatusCode::UNPROCESSABLE_ENTITY);
            let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
            let text = format!("Scenario links or ids: {}", messages.join("; "));
            return Ok(Comparison {
                report: Some(report::compare_refused(text)),
                own,
            });
        }
        Err(other) => return Err(other.into()),
    };
    // None found: still the page, with its form, but a 404 to link checkers.
    if found.documents.is_empty() {
        status(http::StatusCode::NOT_FOUND);
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
