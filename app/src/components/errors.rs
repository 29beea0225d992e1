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

    /// `message` and `aria-invalid` of the control at `path`, as reactive closures
    /// for a view.
    pub fn for_control(
        self,
        path: &str,
    ) -> (
        // `use<>`: the closures own their copy of `path`, not a borrow of it.
        impl Fn() -> Option<String> + Clone + Send + Sync + 'static + use<>,
        impl Fn() -> Option<&'static str> + Clone + Send + Sync + 'static + use<>,
    ) {
        let path = path.to_owned();
        let message = move || self.message(&path);
        let invalid = {
            let message = message.clone();
            move || message().is_some().then_some("true")
        };
        (message, invalid)
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
