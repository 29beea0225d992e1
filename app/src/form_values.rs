//! The planner URL's values, read once and shared by every control: cloning
//! [`FormValues`] copies a pointer, not the query (a form of a thousand values
//! rendered by a hundred controls would otherwise be copied a hundred times).

use std::sync::Arc;

use clusterplan_model::MAX_FORM_PAIRS;
use leptos_router::params::ParamsMap;

/// `name=value` pairs of the planner form, in URL order, at most
/// [`MAX_FORM_PAIRS`] of them (the server refuses a longer query anyway).
#[derive(Clone, Debug, Default)]
pub struct FormValues(Arc<[(String, String)]>);

impl FormValues {
    /// The values of a page's query.
    pub fn from_query(query: ParamsMap) -> Self {
        Self::from_pairs(
            query
                .into_iter()
                .map(|(key, value)| (key.to_string(), value)),
        )
    }

    /// The first [`MAX_FORM_PAIRS`] of `pairs`.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        Self(pairs.into_iter().take(MAX_FORM_PAIRS).collect())
    }

    /// The value sent for `key` (the last, when it was sent twice).
    pub fn get(&self, key: &str) -> Option<&str> {
        // The last of a parameter given twice, as the model reads a form.
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value.as_str())
    }

    /// Every pair, in URL order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str()))
    }
}
