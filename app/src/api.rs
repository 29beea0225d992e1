//! Types the pages share with the server, and the server functions (each a public
//! endpoint under `/api/`, and each a thin call into `clusterplan_service`).

use clusterplan_model::{CalculationResult, FieldError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One chart as inline SVG, drawn on the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    /// Stable name, also the file name at `/s/{id}/charts/{name}.svg`.
    pub name: String,
    /// What it shows, for people.
    pub title: String,
    /// The SVG document (text escaped by the chart crate).
    pub svg: String,
}

/// The planner's answer to a form: a result and its charts, or the field errors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The calculation when the form is valid.
    pub result: Option<CalculationResult>,
    /// Every invalid field, with its path (the form control's `name`).
    pub errors: Vec<FieldError>,
    /// The charts of `result`.
    pub charts: Vec<Chart>,
}

/// A saved scenario as the shared page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedScenario {
    /// The share id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The latest revision's number.
    pub revision: i64,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When the latest revision was written (RFC 3339).
    pub updated_at: String,
    /// The calculation of the latest revision.
    pub result: CalculationResult,
    /// Its charts.
    pub charts: Vec<Chart>,
    /// Whether this browser holds the edit token.
    pub can_edit: bool,
    /// The planner URL query that reproduces the input (to edit or explore it).
    pub planner_query: String,
}

/// Calculates the planner form's scenario from its URL query (`clusters=3&…`).
/// Invalid input is not an error of the call: it comes back as `errors`.
#[server]
pub async fn evaluate(query: String) -> Result<Evaluation, AppError> {
    Ok(crate::server::evaluate(&query))
}

/// Saves the planner form's scenario under `name`, keeps its edit token in an
/// HttpOnly cookie of this browser, and redirects to the shared page.
#[server(endpoint = "save_scenario")]
pub async fn save_scenario(name: String, query: String) -> Result<(), AppError> {
    crate::server::save(name, &query).await
}

/// Writes the planner form's scenario as a new revision of `id`, with the edit
/// token this browser holds (403 without it), and redirects to the shared page.
#[server(endpoint = "update_scenario")]
pub async fn update_scenario(id: String, name: String, query: String) -> Result<(), AppError> {
    crate::server::update(id, name, &query).await
}

/// Copies scenario `id` into a new scenario this browser can edit, and opens it.
#[server(endpoint = "fork_scenario")]
pub async fn fork_scenario(id: String) -> Result<(), AppError> {
    crate::server::fork(id).await
}

/// The saved scenario `id` with its result, charts and whether this browser may edit it.
#[server]
pub async fn load_scenario(id: String) -> Result<SharedScenario, AppError> {
    crate::server::load(id).await
}

/// One saved scenario in a comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ComparedScenario {
    /// The share id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its latest revision's result.
    pub result: CalculationResult,
}

/// Saved scenarios side by side, with comparison charts and the scenarios this
/// browser created (to pick from).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The scenarios asked for, in order.
    pub scenarios: Vec<ComparedScenario>,
    /// Horizon totals and cumulative lines of all of them.
    pub charts: Vec<Chart>,
    /// `(id, name)` of the scenarios this browser holds edit tokens for.
    pub own: Vec<(String, String)>,
}

/// Compares the saved scenarios named in `ids` (ids or share links, separated by
/// commas or spaces; up to ten). No ids gives just this browser's own scenarios.
#[server]
pub async fn compare_scenarios(ids: String) -> Result<Comparison, AppError> {
    crate::server::compare(&ids).await
}
