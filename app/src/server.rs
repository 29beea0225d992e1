//! Server-side bodies of the server functions: context, cookies, redirects. Each
//! hands the real work to `clusterplan_service`.

use clusterplan_model::FieldError;
use clusterplan_service::{NewScenario, ScenarioUpdate, Service, form, planner};
use http::{HeaderValue, header};
use leptos::prelude::*;

use crate::api::{Chart, ComparedScenario, Comparison, Evaluation, SharedScenario};
use crate::error::AppError;

/// Edit tokens live in one HttpOnly cookie per scenario, so they never appear in a
/// URL, survive without JavaScript, and are unreadable to scripts.
const TOKEN_COOKIE_PREFIX: &str = "cp_edit_";
/// Half a year: long enough to come back to a plan after the next review.
const TOKEN_MAX_AGE_SECS: u32 = 180 * 24 * 3600;

/// See [`crate::api::evaluate`].
pub fn evaluate(query: &str) -> Evaluation {
    match planner::evaluate_query(query) {
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
    }
}

/// See [`crate::api::save_scenario`].
pub async fn save(name: String, query: &str) -> Result<(), AppError> {
    let input =
        form::input_from_pairs(&form::pairs_from_query(query)).map_err(AppError::Invalid)?;
    let created = service()?
        .create(NewScenario { name, input })
        .await
        .map_err(form_paths)?;
    remember_token(&created.id, &created.edit_token);
    leptos_axum::redirect(&format!("/s/{}", created.id));
    Ok(())
}

/// See [`crate::api::update_scenario`].
pub async fn update(id: String, name: String, query: &str) -> Result<(), AppError> {
    let input =
        form::input_from_pairs(&form::pairs_from_query(query)).map_err(AppError::Invalid)?;
    let token = token_for(&id);
    let update = ScenarioUpdate {
        name: Some(name),
        input: Some(input),
    };
    service()?
        .update(&id, token.as_deref(), update)
        .await
        .map_err(form_paths)?;
    leptos_axum::redirect(&format!("/s/{id}"));
    Ok(())
}

/// See [`crate::api::fork_scenario`].
pub async fn fork(id: String) -> Result<(), AppError> {
    let service = service()?;
    let original = service.get(&id).await?;
    let name: String = format!("{} (fork)", original.name)
        .chars()
        .take(120)
        .collect();
    let input = serde_json::to_value(&original.input)
        .and_then(serde_json::from_value)
        .map_err(|_| AppError::Internal)?;
    let created = service.create(NewScenario { name, input }).await?;
    remember_token(&created.id, &created.edit_token);
    leptos_axum::redirect(&format!("/s/{}", created.id));
    Ok(())
}

/// See [`crate::api::load_scenario`].
pub async fn load(id: String) -> Result<SharedScenario, AppError> {
    let doc = service()?.get(&id).await?;
    Ok(SharedScenario {
        can_edit: token_for(&id).is_some(),
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
pub async fn compare(ids: &str) -> Result<Comparison, AppError> {
    let service = service()?;
    let mut own = Vec::new();
    // Bounded: a browser with hundreds of token cookies still gets a fast page.
    for id in own_scenarios().into_iter().take(50) {
        if let Ok(doc) = service.get(&id).await {
            own.push((doc.id, doc.name));
        }
    }
    let ids = ids_from_links(ids);
    if ids.is_empty() {
        return Ok(Comparison {
            scenarios: Vec::new(),
            charts: Vec::new(),
            own,
        });
    }
    let docs = service.compare(&ids.join(",")).await.map_err(|e| match e {
        clusterplan_service::ServiceError::Invalid(errors) => AppError::Invalid(errors),
        other => AppError::from(other),
    })?;
    let scenarios: Vec<ComparedScenario> = docs
        .into_iter()
        .map(|d| ComparedScenario {
            id: d.id,
            name: d.name,
            result: d.result,
        })
        .collect();
    let charts = clusterplan_service::charts::render_comparison(
        &scenarios
            .iter()
            .map(|s| (s.name.as_str(), &s.result))
            .collect::<Vec<_>>(),
    )
    .into_iter()
    .map(|c| Chart {
        name: c.name.to_owned(),
        title: c.title.to_owned(),
        svg: c.svg,
    })
    .collect();
    Ok(Comparison {
        scenarios,
        charts,
        own,
    })
}

/// Ids from what people paste: bare ids or share links (`https://…/s/{id}`),
/// separated by commas or white space.
fn ids_from_links(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .map(|part| {
            part.trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or(part)
        })
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}

fn charts(result: &clusterplan_model::CalculationResult) -> Vec<Chart> {
    clusterplan_service::charts::render_all(result)
        .into_iter()
        .map(|c| Chart {
            name: c.name.to_owned(),
            title: c.title.to_owned(),
            svg: c.svg,
        })
        .collect()
}

fn service() -> Result<Service, AppError> {
    use_context::<Service>().ok_or_else(|| {
        tracing::error!("the service is missing from the server function context");
        AppError::Internal
    })
}

/// The service reports a scenario's fields as `input.…`; the form names them bare.
fn form_paths(error: clusterplan_service::ServiceError) -> AppError {
    match AppError::from(error) {
        AppError::Invalid(errors) => AppError::Invalid(
            errors
                .into_iter()
                .map(|e| {
                    FieldError::new(
                        e.field.strip_prefix("input.").unwrap_or(&e.field),
                        e.message,
                    )
                })
                .collect(),
        ),
        other => other,
    }
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
