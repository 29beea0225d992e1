//! Editing a saved scenario from the planner: the next revision, what saving
//! would change, and an edit's refusal in the page's words.

use clusterplan_service::{Service, ServiceError};

use super::service;
use crate::edit_cookie::edit_keys;
use crate::error::AppError;
use crate::types::FieldChange;

/// See [`crate::api::update_scenario`].
pub async fn update(
    id: String,
    name: String,
    query: &str,
    revision: Option<String>,
) -> Result<(), AppError> {
    save_revision(&service()?, &id, name, query, revision.as_deref())
        .await
        .map_err(|error| in_page_words(error, &id))?;
    leptos_axum::redirect(&format!("/s/{id}"));
    Ok(())
}

/// Saves the planner form `query` as the next revision of scenario `id`, with
/// this browser's edit key, if `revision` is still the latest.
pub(crate) async fn save_revision(
    service: &Service,
    id: &str,
    name: String,
    query: &str,
    revision: Option<&str>,
) -> Result<(), ServiceError> {
    let keys = edit_keys(service.is_https());
    service
        .update_from_form(id, keys.token_for(id), name, query, revision)
        .await
        .map(drop)
}

/// An edit's refusal as the page says it. The API's words for a form opened
/// from an older revision ("read it again") mean nothing on a page, where the
/// usual cause is Back after one's own save (an outside review).
pub(crate) fn in_page_words(error: ServiceError, id: &str) -> AppError {
    let moved = matches!(error, ServiceError::RevisionMoved);
    // Converted first in every case: the conversion also gives the answer its
    // status (412 here) and logs the refusal; only the words are replaced.
    let refused = AppError::from(error);
    match moved {
        true => AppError::Refused(format!(
            "this page edits an older revision: the scenario was saved again after the page \
             opened it (by you before going Back, or in another tab), so a save from here is \
             refused. Its latest revision is at /s/{id}"
        )),
        false => refused,
    }
}

/// See [`crate::api::edit_changes`].
pub async fn changes(id: String, name: String, query: &str) -> Result<Vec<FieldChange>, AppError> {
    let changes = service()?
        .changes_from_form(&id, &name, query)
        .await
        .map_err(|error| in_page_words(error, &id))?;
    Ok(changes
        .into_iter()
        .map(|c| FieldChange {
            label: c.label,
            from: c.from,
            to: c.to,
        })
        .collect())
}
