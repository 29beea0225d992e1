//! The planner's save without JavaScript. The save button then submits the
//! planner form itself (`form="planner"`, see `components::save`), posted here
//! whole: what is saved is what the fields hold at the click, as with
//! JavaScript, not the plan last calculated.
//!
//! A refused save goes back to the planner with the fields as posted (not to
//! the `Referer`, which holds the values before the edit) and with its error
//! where the save box shows a refused save: as the error of `save_scenario`
//! (or `update_scenario`), whose action the box reads it from.

use clusterplan_model::FieldError;
use clusterplan_model::form::{self, EDIT, EDIT_REVISION, NAME};
use clusterplan_service::ServiceError;
use leptos::server_fn::error::ServerFnUrlError;

use crate::error::AppError;
use crate::form_values::FormValues;

/// See [`crate::api::save_plan`]; a refused save comes back as the error of
/// the server function at `save_path` (a new scenario) or `update_path`.
pub async fn save_plan(
    posted: &str,
    save_path: &'static str,
    update_path: &'static str,
) -> Result<(), AppError> {
    // The body is the planner form: its query, as `GET /` would carry it.
    let mut pairs = form::pairs_from_query(posted).unwrap_or_default();
    let values = FormValues::from_pairs(pairs.clone());
    let name = values.get(NAME).unwrap_or_default().to_owned();
    let outcome = match values.get(EDIT).map(str::to_owned) {
        Some(id) => {
            let service = super::service()?;
            let revision = values.get(EDIT_REVISION);
            match super::edits::save_revision(&service, &id, name.clone(), posted, revision).await {
                Ok(()) => {
                    leptos_axum::redirect(&format!("/s/{id}"));
                    Ok(())
                }
                // Opened from an older revision (Back after a save): back to
                // the form with its values, now editing the latest revision,
                // so the list of changes is what a second save writes.
                Err(ServiceError::RevisionMoved) => {
                    // Unread, the form keeps its revision: an empty one would
                    // save without a condition.
                    let latest = service.revision_number(&id, None).await.ok();
                    if let Some(n) = latest {
                        let edited = pairs.iter_mut().filter(|(k, _)| k == EDIT_REVISION);
                        edited.for_each(|(_, value)| *value = n.to_string());
                    }
                    Err((update_path, AppError::Refused(rebased(latest))))
                }
                Err(error) => match super::edits::in_page_words(error, &id) {
                    // A link whose scenario is gone offers a new save ("saving
                    // makes a new one"), as the page does; asked only once the
                    // revision is refused (a stranger is refused before a lookup).
                    AppError::NotFound | AppError::Forbidden if gone(&id).await => {
                        super::save(name, posted).await.map_err(|e| (save_path, e))
                    }
                    other => Err((update_path, other)),
                },
            }
        }
        None => super::save(name, posted).await.map_err(|e| (save_path, e)),
    };
    if let Err((path, error)) = outcome {
        // Written again from its pairs, not copied: a body is any bytes, and a
        // `Location` with a line break in it would not be a header at all.
        let back = format!("/?{}", form::query_from_pairs(&pairs));
        leptos_axum::redirect(&refused_link(&back, path, error));
    }
    Ok(())
}

/// What a save refused for an older revision says once the form is rebased.
fn rebased(latest: Option<i64>) -> String {
    let moved = "nothing was saved: the scenario was saved again after this page opened it (by \
                 you before going Back, or in another tab).";
    match latest {
        Some(n) => format!(
            "{moved} The form now edits its latest revision, {n}, with your values: the list \
             above shows what saving them changes; save again to write them"
        ),
        None => format!("{moved} Open it again from its link to edit its latest revision"),
    }
}

/// Whether no scenario has the share id `id` (any more).
async fn gone(id: &str) -> bool {
    match super::service() {
        Ok(service) => matches!(service.get(id).await, Err(ServiceError::NotFound(_))),
        Err(_) => false,
    }
}

/// The planner link a refused save comes back to: the fields as posted
/// (`back`) and the error as the server function at `path` would have sent it
/// (the page focuses the save box then; a `#fragment` would keep it from
/// taking the focus). Always a link the server reads: a form the page could
/// post may pass [`form::MAX_URI_BYTES`] with its error, whose field errors
/// are then only counted (each is beside its field, which the page checks
/// again); one that passes it alone comes back to the empty planner.
fn refused_link(back: &str, path: &str, error: AppError) -> String {
    let link = |back: &str, error: AppError| {
        let url = ServerFnUrlError::new(path, error).to_url(&format!("http://page{back}"));
        let query = url.map(|url| url.query().unwrap_or_default().to_owned());
        format!("/?{}", query.unwrap_or_default())
    };
    // The name's errors stay whole: the name box is the one place they show.
    let counted = match &error {
        AppError::Invalid(errors) => {
            let (mut kept, fields): (Vec<_>, Vec<_>) =
                errors.iter().cloned().partition(|e| e.field == NAME);
            let values = match fields.len() {
                1 => "1 value".to_owned(),
                n => format!("{n} values"),
            };
            kept.push(FieldError::new(
                "",
                format!("{values} in the form: each says why beside it"),
            ));
            AppError::Invalid(kept)
        }
        other => other.clone(),
    };
    [link(back, error.clone()), link(back, counted)]
        .into_iter()
        .find(|link| link.len() <= form::MAX_URI_BYTES)
        .unwrap_or_else(|| link("/", error))
}
