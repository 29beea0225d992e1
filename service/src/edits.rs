//! What the pages need around editing a saved scenario: the changes a planner
//! form would make to it (shown beside the save button, so a prefilled `?edit=`
//! link cannot overwrite a scenario unseen), and checking an edit key a person
//! pastes to edit from another browser.

use clusterplan_model::{control_title, field_spec_at};

use crate::scenarios::stored_scenario;
use clusterplan_model::form;

use crate::{Service, ServiceError, secrets, store};

/// One value an edit changes, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// What the field is called on the page (`Workers: headroom`).
    pub label: String,
    /// The saved value; empty when it had none.
    pub from: String,
    /// The form's value; empty when it has none.
    pub to: String,
}

/// See [`Service::changes_from_form`].
pub(crate) async fn changes_from_form(
    service: &Service,
    id: &str,
    name: &str,
    query: &str,
) -> Result<Vec<FieldChange>, ServiceError> {
    let stored = match secrets::looks_like_id(id) {
        true => store::latest(&service.db, id).await?,
        false => None,
    }
    .ok_or_else(|| ServiceError::NotFound("scenario".into()))?;
    // A form opened from an older revision (Back after a save, another tab's
    // save) lists nothing: its save would be refused, whatever it lists.
    let pairs = form::pairs_from_query(query).unwrap_or_default();
    let opened = pairs.iter().rev().find(|(k, _)| k == form::EDIT_REVISION);
    let opened = opened.map(|(_, v)| v.as_str());
    if matches!(crate::planner::revision_number(opened), Ok(Some(r)) if r != stored.revision) {
        return Err(ServiceError::RevisionMoved);
    }
    let Ok(edited) = form::scenario_from_query(query) else {
        return Ok(Vec::new());
    };
    let saved = stored_scenario(&stored.id, &stored.input_json)?;
    let before = form::pairs_from_input(saved.input());
    let after = form::pairs_from_input(edited.input());
    let value = |pairs: &[(String, String)], key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let mut changes = Vec::new();
    let name = clusterplan_model::trim_name(name);
    if name != stored.name {
        changes.push(FieldChange {
            label: "Name".into(),
            from: stored.name.clone(),
            to: name.to_owned(),
        });
    }
    let keys = after.iter().chain(&before).map(|(k, _)| k.as_str());
    let mut seen = std::collections::HashSet::new();
    for key in keys.filter(|k| seen.insert(*k)) {
        let (from, to) = (value(&before, key), value(&after, key));
        if from != to {
            let label = field_spec_at(key).map_or_else(|| key.to_owned(), |_| control_title(key));
            changes.push(FieldChange { label, from, to });
        }
    }
    Ok(changes)
}

/// See [`Service::check_edit_key`].
pub(crate) async fn check_edit_key(
    service: &Service,
    id: &str,
    token: &str,
) -> Result<(), ServiceError> {
    if !secrets::looks_like_id(id) {
        return Err(ServiceError::NotFound("scenario".into()));
    }
    store::check_token(&service.db, id, token).await
}
