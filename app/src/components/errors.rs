//! Field errors as the form reads them: by field path, reactively.

use clusterplan_model::FieldError;
use leptos::prelude::*;

/// The current field errors of a form; `message(path)` is reactive.
#[derive(Clone, Copy)]
pub struct FieldErrors(pub Signal<Vec<FieldError>>);

impl FieldErrors {
    /// The messages for `path`, joined, if any.
    pub fn message(&self, path: &str) -> Option<String> {
        let errors = self.0.get();
        let messages: Vec<&str> = errors
            .iter()
            .filter(|e| e.field == path)
            .map(|e| e.message.as_str())
            .collect();
        (!messages.is_empty()).then(|| messages.join("; "))
    }

    /// Errors that name no form field (shown above the form).
    pub fn general(&self) -> Vec<String> {
        self.0
            .get()
            .iter()
            .filter(|e| clusterplan_model::field_spec_at(&e.field).is_none())
            .map(ToString::to_string)
            .collect()
    }
}
