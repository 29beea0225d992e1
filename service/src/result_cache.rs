//! Saved revisions' results, calculated once: a revision's input never changes,
//! so its result is keyed by (scenario, revision, model version) and kept in a
//! bounded in-memory cache. A shared page, its charts, the JSON document and
//! the exports of one revision then share one calculation (a Monte Carlo
//! included) instead of one each. Unsaved inputs are calculated each time.

use std::sync::Arc;

use clusterplan_model::{CalculationResult, MODEL_VERSION};
use quick_cache::sync::Cache;

/// What a cached result depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ResultKey {
    id: String,
    revision: i64,
    model_version: &'static str,
}

impl ResultKey {
    pub(crate) fn new(id: &str, revision: i64) -> Self {
        Self {
            id: id.to_owned(),
            revision,
            model_version: MODEL_VERSION,
        }
    }
}

/// How many results the cache holds at most. A result is tens of KB (a
/// Monte Carlo's histogram and percentiles included), so this is ten-odd MB at
/// worst: the revisions people are looking at now. The deploy manifests'
/// memory limit covers it full (`scripts/load.sh` fills every cache).
pub(crate) const RESULT_CACHE_ENTRIES: usize = 300;

/// The cache. Cheap to clone: clones share it.
#[derive(Clone)]
pub(crate) struct ResultCache(Arc<Cache<ResultKey, Arc<CalculationResult>>>);

impl std::fmt::Debug for ResultCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResultCache")
            .field("results", &self.0.len())
            .finish()
    }
}

impl ResultCache {
    /// A cache of at most `entries` results.
    pub(crate) fn with_capacity(entries: usize) -> Self {
        Self(Arc::new(Cache::new(entries.max(1))))
    }

    /// The result at `key`, if calculated before.
    pub(crate) fn get(&self, key: &ResultKey) -> Option<Arc<CalculationResult>> {
        self.0.get(key)
    }

    /// Keeps `result` for `key`.
    pub(crate) fn insert(&self, key: ResultKey, result: Arc<CalculationResult>) {
        self.0.insert(key, result);
    }

    /// Results held now.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::{NewScenario, Service, ServiceError};

    #[tokio::test]
    async fn a_saved_revision_is_simulated_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let service = Service::for_tests(&dir)
            .await
            .with_simulation_limit(1, Duration::from_millis(50));
        let input = serde_json::json!({"uncertainty": {"samples": 200, "ranges": [
            {"field": "team.annual_cost_usd", "low": 1e5, "high": 3e5}]}});
        let new = NewScenario {
            name: "Monte Carlo".into(),
            input: serde_json::from_value(input).expect("an input"),
        };
        let created = service.create(new).await.expect("created");
        let first = service.get(&created.id).await.expect("simulated");

        // With every simulation slot taken, a new simulation is refused...
        let _held = Arc::clone(&service.simulations.slots)
            .acquire_owned()
            .await
            .expect("slot");
        let other = clusterplan_model::Scenario::try_from(first.input.clone()).expect("valid");
        assert!(matches!(
            service.compute(other).await,
            Err(ServiceError::Busy { .. })
        ));
        // ...but the saved revision is read without one: it was simulated once.
        let again = service.get(&created.id).await.expect("from the cache");
        assert_eq!(again.result, first.result);
    }

    #[test]
    fn the_cache_keeps_at_most_its_entries() {
        let cache = ResultCache::with_capacity(50);
        let result = Arc::new(clusterplan_model::calculate(
            &clusterplan_model::Scenario::try_from(
                clusterplan_model::parse_input(b"{}").expect("parses"),
            )
            .expect("valid"),
        ));
        for revision in 0..1_000 {
            cache.insert(ResultKey::new("abc", revision), Arc::clone(&result));
            assert!(
                cache.len() <= 50,
                "{} results after {revision}",
                cache.len()
            );
        }
        assert!(
            cache.get(&ResultKey::new("abc", 999)).is_some(),
            "the newest stays"
        );
        assert!(
            cache.get(&ResultKey::new("abd", 999)).is_none(),
            "keyed by scenario"
        );
    }
}
