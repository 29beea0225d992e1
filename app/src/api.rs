//! The server functions: each a public endpoint under `/api/`, callable from the
//! pages on both sides, whose body (server only) is one call into `crate::server`.
//! What they carry is defined in [`crate::types`]. Every one names its endpoint:
//! a default endpoint ends in a hash of the checkout's path, so the bundle's
//! bytes (and their brotli size, 475 B apart between two checkouts of the same
//! commit) depended on where it was built.

use leptos::prelude::*;

use crate::error::AppError;
use crate::types::{Comparison, Evaluation, FieldChange, Html, SharedScenario};

/// Calculates the planner form's scenario from its URL query (`clusters=3&…`).
/// Invalid input is not an error of the call: it comes back as `errors`.
#[server(endpoint = "evaluate")]
pub async fn evaluate(query: String) -> Result<Evaluation, AppError> {
    crate::server::evaluate(&query).await
}

/// The planner's named starting points (a startup, a scale-up, an enterprise):
/// the list's items, as markup (links that fill the form).
#[server(endpoint = "planner_presets")]
pub async fn planner_presets() -> Result<Html, AppError> {
    Ok(crate::server::presets())
}

/// Saves the planner form's scenario under `name`, keeps its edit token in this
/// browser's edit-key cookie, and redirects to the shared page.
#[server(endpoint = "save_scenario")]
pub async fn save_scenario(name: String, query: String) -> Result<(), AppError> {
    crate::server::save(name, &query).await
}

/// Writes the planner form's scenario as a new revision of `id`, with the edit
/// token this browser holds (403 without it), and redirects to the shared page.
/// With `revision` (the one the form was opened from), only while that is still
/// the latest: else 412 and nothing written. Text, read by the server: a page's
/// form posts what its address said, and a number that is not one is a 422
/// naming `revision`, not the server functions' own words.
#[server(endpoint = "update_scenario")]
pub async fn update_scenario(
    id: String,
    name: String,
    query: String,
    revision: Option<String>,
) -> Result<(), AppError> {
    crate::server::update(id, name, &query, revision).await
}

/// Saves the planner form as its fields stand, as a new scenario or (with the
/// form's `edit`) the next revision: the save button without JavaScript posts
/// the planner form itself here, whole (`name` is one of its fields). A refused
/// save comes back to the planner as posted, with the error of the save or
/// update it was, where the save box shows it.
#[server(endpoint = "save_plan", input = crate::codec::WholeForm)]
pub async fn save_plan(form: String) -> Result<(), AppError> {
    use leptos::server_fn::ServerFn;
    crate::server::save_plan(&form, SaveScenario::PATH, UpdateScenario::PATH).await
}

/// Copies scenario `id` into a new scenario this browser can edit, and opens it.
#[server(endpoint = "fork_scenario")]
pub async fn fork_scenario(id: String) -> Result<(), AppError> {
    crate::server::fork(id).await
}

/// Lets this browser edit scenario `id` given its edit key (kept from the page
/// shown after saving), and opens it.
#[server(endpoint = "claim_scenario")]
pub async fn claim_scenario(id: String, key: String) -> Result<(), AppError> {
    crate::server::claim(id, key).await
}

/// What saving the planner form `query` under `name` as the next revision of
/// `id` would change, shown before the save.
#[server(endpoint = "edit_changes")]
pub async fn edit_changes(
    id: String,
    name: String,
    query: String,
) -> Result<Vec<FieldChange>, AppError> {
    crate::server::changes(id, name, &query).await
}

/// The saved scenario `id` with its result, charts and whether this browser may edit it.
#[server(endpoint = "load_scenario")]
pub async fn load_scenario(id: String) -> Result<SharedScenario, AppError> {
    crate::server::load(id).await
}

/// Compares the saved scenarios named in `ids` (ids or share links, separated by
/// commas or spaces; up to ten). No ids gives just this browser's own scenarios.
#[server(endpoint = "compare_scenarios")]
pub async fn compare_scenarios(ids: String) -> Result<Comparison, AppError> {
    crate::server::compare(&ids).await
}
