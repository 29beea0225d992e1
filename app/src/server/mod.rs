//! Server-side bodies of the server functions: an adapter between Leptos (request
//! context, cookies, redirects) and `clusterplan_service`, which does every use
//! case. It builds the DTOs of [`crate::types`]; [`crate::api`] calls in here,
//! never the other way round.

mod compare;
mod edits;
mod plan_post;

pub use compare::compare;
pub use edits::{changes, update};
pub use plan_post::save_plan;

use clusterplan_model::form;
use clusterplan_service::{Service, ServiceError, charts};
use leptos::prelude::*;

use crate::edit_cookie::{edit_keys, remember, take_show_once};
use crate::error::AppError;
use crate::report;
use crate::types::{Evaluation, Html, SharedScenario};

/// See [`crate::api::evaluate`].
pub async fn evaluate(query: &str) -> Result<Evaluation, AppError> {
    Ok(match service()?.evaluate_form(query).await? {
        Ok(result) => {
            if query.is_empty() {
                mark(
                    RENDERED_DEFAULT_PLANNER,
                    http::HeaderValue::from_static("1"),
                );
            }
            Evaluation {
                announce: report::verdict(&result),
                pools: report::pool_figures(&result, &clusterplan_model::form::item_rows(query)),
                report: Some(report::calculation(
                    &result,
                    charts::render_all(&result),
                    None,
                )),
                errors: Vec::new(),
            }
        }
        Err(errors) => Evaluation {
            announce: match errors.len() {
                1 => "1 field needs a different value; it says why.".to_owned(),
                n => format!("{n} fields need a different value; each says why."),
            },
            report: None,
            errors,
            pools: Vec::new(),
        },
    })
}

/// See [`crate::api::planner_presets`].
pub fn presets() -> Html {
    let items = clusterplan_service::presets::presets()
        .iter()
        .map(|p| {
            view! {
                <li><a href=format!("/?{}", p.query) rel="external nofollow">{p.name.clone()}</a>" "
                    <span class="hint">{p.summary.clone()}</span></li>
            }
        })
        .collect_view();
    Html::rendered(items)
}

/// See [`crate::api::save_scenario`].
pub async fn save(name: String, query: &str) -> Result<(), AppError> {
    let service = service()?;
    let created = service.create_from_form(name, query).await?;
    remember(&created.id, &created.edit_token, service.is_https(), true);
    leptos_axum::redirect(&format!("/s/{}", created.id));
    Ok(())
}

/// See [`crate::api::fork_scenario`].
pub async fn fork(id: String) -> Result<(), AppError> {
    let service = service()?;
    let created = service.fork(&id).await?;
    remember(&created.id, &created.edit_token, service.is_https(), true);
    leptos_axum::redirect(&format!("/s/{}", created.id));
    Ok(())
}

/// See [`crate::api::claim_scenario`].
pub async fn claim(id: String, key: String) -> Result<(), AppError> {
    let service = service()?;
    let key = key.trim();
    // A wrong key is the form's field to fix (422 beside the key box), not a
    // refusal of the scenario.
    service
        .check_edit_key(&id, key)
        .await
        .map_err(|error| match error {
            ServiceError::WrongToken => {
                ServiceError::invalid("key", "does not match this scenario")
            }
            other => other,
        })?;
    remember(&id, key, service.is_https(), false);
    leptos_axum::redirect(&format!("/s/{id}"));
    Ok(())
}

/// The response header a page carries when it rendered a saved scenario: the
/// revision it shows. The server's page cache keeps only pages that carry it (a
/// page that says the server is busy is not the scenario) and removes it.
pub const RENDERED_REVISION: &str = "x-clusterplan-rendered-revision";

/// The response header a page carries when it rendered the default planner's
/// results (`GET /` with no query): the server keeps that page
/// (`server/src/page_cache/planner.rs`) and removes the header.
pub const RENDERED_DEFAULT_PLANNER: &str = "x-clusterplan-rendered-default-planner";

/// Sets a marker header for the server's page cache on this response.
fn mark(name: &'static str, value: http::HeaderValue) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(http::HeaderName::from_static(name), value);
    }
}

/// See [`crate::api::load_scenario`].
pub async fn load(id: String) -> Result<SharedScenario, AppError> {
    let service = service()?;
    let doc = service.get(&id).await?;
    mark(RENDERED_REVISION, http::HeaderValue::from(doc.revision));
    let keys = edit_keys(service.is_https());
    // Only a key that still opens the scenario offers editing: a wrong or stale
    // one in the cookie would offer an Edit whose save is refused.
    let token = match keys.token_for(&id) {
        Some(token) if service.check_edit_key(&id, token).await.is_ok() => Some(token),
        _ => None,
    };
    let edit_link = token.and_then(|_| {
        form::planner_link(&form::edit_query(
            &doc.input,
            &doc.id,
            doc.revision,
            &doc.name,
        ))
    });
    // Shown once, right after the save or fork that made it.
    let new_edit_key = token.filter(|_| take_show_once(&id)).map(str::to_owned);
    Ok(SharedScenario {
        new_edit_key,
        can_edit: token.is_some(),
        edit_link,
        planner_link: form::planner_link(&form::query_from_input(&doc.input)),
        share_url: service.share_url(&doc.id),
        report: report::calculation(
            &doc.result,
            service.saved_charts(&doc),
            Some(format!("/s/{}/charts", doc.id)),
        ),
        id: doc.id,
        name: doc.name,
        revision: doc.revision,
        created_at: doc.created_at,
        updated_at: doc.updated_at,
    })
}

fn service() -> Result<Service, AppError> {
    use_context::<Service>().ok_or_else(|| {
        tracing::error!("the service is missing from the server function context");
        AppError::Internal
    })
}
