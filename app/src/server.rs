//! Server-side bodies of the server functions: an adapter between Leptos (request
//! context, cookies, redirects) and `clusterplan_service`, which does every use
//! case. It builds the DTOs of [`crate::types`]; [`crate::api`] calls in here,
//! never the other way round.

use clusterplan_service::charts::Rendered;
use clusterplan_service::{Service, compare::ids_from_links, form};
use http::{HeaderValue, header};
use leptos::prelude::*;

use crate::error::AppError;
use crate::types::{Chart, ComparedScenario, Comparison, Evaluation, Preset, SharedScenario};

/// Edit tokens live in one HttpOnly cookie per scenario, so they never appear in a
/// URL, survive without JavaScript, and are unreadable to scripts.
const TOKEN_COOKIE_PREFIX: &str = "cp_edit_";
/// Half a year: long enough to come back to a plan after the next review.
const TOKEN_MAX_AGE_SECS: u32 = 180 * 24 * 3600;

/// See [`crate::api::evaluate`].
pub async fn evaluate(query: &str) -> Result<Evaluation, AppError> {
    Ok(match service()?.evaluate_form(query).await? {
        Ok(result) => Evaluation {
            charts: charts(&result),
            result: Some(result),
            errors: Vec::new(),
        },
        Err(errors) => Evaluation {
            result: None,
            errors,
            charts: Vec::new(),
        },
    })
}

/// See [`crate::api::planner_presets`].
pub fn presets() -> Vec<Preset> {
    clusterplan_service::presets::presets()
        .iter()
        .map(|p| Preset {
            name: p.name.clone(),
            summary: p.summary.clone(),
            query: p.query.clone(),
        })
        .collect()
}

/// See [`crate::api::save_scenario`].
pub async fn save(name: String, query: &str) -> Result<(), AppError> {
    let created = service()?.create_from_form(name, query).await?;
    remember_token(&created.id, &created.edit_token);
    leptos_axum::redirect(&format!("/s/{}", created.id));
    Ok(())
}

/// See [`crate::api::update_scenario`].
pub async fn update(id: String, name: String, query: &str) -> Result<(), AppError> {
    let token = token_for(&id);
    service()?
        .update_from_form(&id, token.as_deref(), name, query)
        .await?;
    leptos_axum::redirect(&format!("/s/{id}"));
    Ok(())
}

/// See [`crate::api::fork_scenario`].
pub async fn fork(id: String) -> Result<(), AppError> {
    let created = service()?.fork(&id).await?;
    remember_token(&created.id, &created.edit_token);
    leptos_axum::redirect(&format!("/s/{}", created.id));
    Ok(())
}

/// See [`crate::api::load_scenario`].
pub async fn load(id: String) -> Result<SharedScenario, AppError> {
    let doc = service()?.get(&id).await?;
    let edit_query = token_for(&id).map(|_| form::edit_query(&doc.input, &doc.id, &doc.name));
    Ok(SharedScenario {
        edit_query,
        planner_query: form::query_from_input(&doc.input),
        charts: charts(&doc.result),
        id: doc.id,
        name: doc.name,
        revision: doc.revision,
        created_at: doc.created_at,
        updated_at: doc.updated_at,
        result: doc.result,
    })
}

/// See [`crate::api::compare_scenarios`].
pub async fn compare(text: &str) -> Result<Comparison, AppError> {
    let service = service()?;
    let own = service.names(&own_scenarios()).await?;
    let ids = ids_from_links(text);
    // No ids is not an error here (unlike the JSON API): the page then just
    // offers this browser's own scenarios to pick from.
    if ids.is_empty() {
        return Ok(Comparison {
            scenarios: Vec::new(),
            charts: Vec::new(),
            own,
        });
    }
    let scenarios: Vec<ComparedScenario> = service
        .compare_ids(&ids)
        .await?
        .into_iter()
        .map(|d| ComparedScenario {
            id: d.id,
            name: d.name,
            result: d.result,
        })
        .collect();
    let named: Vec<_> = scenarios
        .iter()
        .map(|s| (s.name.as_str(), &s.result))
        .collect();
    let charts = clusterplan_service::charts::render_comparison(&named)
        .into_iter()
        .map(chart)
        .collect();
    Ok(Comparison {
        scenarios,
        charts,
        own,
    })
}

fn charts(result: &clusterplan_model::CalculationResult) -> Vec<Chart> {
    clusterplan_service::charts::render_all(result)
        .into_iter()
        .map(chart)
        .collect()
}

fn chart(rendered: Rendered) -> Chart {
    Chart {
        name: rendered.name.to_owned(),
        title: rendered.title.to_owned(),
        svg: rendered.svg,
    }
}

fn service() -> Result<Service, AppError> {
    use_context::<Service>().ok_or_else(|| {
        tracing::error!("the service is missing from the server function context");
        AppError::Internal
    })
}

fn remember_token(id: &str, token: &str) {
    let (Some(response), Ok(service)) = (use_context::<leptos_axum::ResponseOptions>(), service())
    else {
        return;
    };
    // Secure when the deployment says it is served over https.
    let secure = if service.is_https() { "; Secure" } else { "" };
    let cookie = format!(
        "{TOKEN_COOKIE_PREFIX}{id}={token}; Path=/; Max-Age={TOKEN_MAX_AGE_SECS}; HttpOnly; SameSite=Strict{secure}"
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// The edit token this browser holds for `id`, if any.
fn token_for(id: &str) -> Option<String> {
    edit_cookies()
        .into_iter()
        .find(|(cookie_id, _)| cookie_id == id)
        .map(|(_, token)| token)
}

/// Ids of the scenarios this browser holds edit tokens for (its own scenarios).
fn own_scenarios() -> Vec<String> {
    edit_cookies().into_iter().map(|(id, _)| id).collect()
}

/// `(scenario id, edit token)` of every edit-token cookie the request carries.
fn edit_cookies() -> Vec<(String, String)> {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Vec::new();
    };
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .filter_map(|(name, value)| {
            Some((
                name.strip_prefix(TOKEN_COOKIE_PREFIX)?.to_owned(),
                value.to_owned(),
            ))
        })
        .collect()
}
