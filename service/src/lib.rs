//! Clusterplan's service layer: the one place that owns storage and use cases.
//!
//! Both the Leptos server functions (`app`) and the `/api/v1` handlers (`server`)
//! call [`Service`], so a rule is written once. It knows nothing of HTTP or views.

mod answer_cache;
pub mod batch;
mod byte_cache;
pub mod calculation;
pub mod catalog;
mod chart_cache;
pub mod charts;
pub mod commit;
pub mod compare;
mod compute;
pub mod csv;
pub mod db;
pub mod documents;
pub mod edit_keys;
pub mod edits;
pub mod error;
pub mod forecast;
pub mod import;
mod json_out;
pub mod names;
pub mod planner;
pub mod presets;
mod result_cache;
mod revisions;
pub mod scenarios;
pub mod secrets;
mod store;
mod use_cases;

use std::sync::Arc;

pub use calculation::calculate;
pub use commit::CommitWatch;
pub use compute::SIMULATION_WAIT_MS;
pub use db::{Database, DbError, DbSettings, Durability};
pub use documents::{
    CatalogDocument, ComparisonDocument, CreatedScenario, NewScenario, ScenarioDocument,
    ScenarioUpdate,
};
pub use error::{Refusal, ServiceError};
pub use import::import_kubernetes;

/// The use cases over one database (every one listed in `use_cases.rs`).
/// Cheap to clone; clones share the pool.
#[derive(Clone, Debug)]
pub struct Service {
    db: Database,
    public_url: Arc<str>,
    simulations: compute::Simulations,
    max_revisions: i64,
    charts: chart_cache::ChartCache,
    results: result_cache::ResultCache,
    answers: answer_cache::AnswerCache,
    imports: import::thread::ImportThread,
}

/// How many revisions one scenario keeps unless configured otherwise; a save
/// past it is refused (fork to go on), so one scenario cannot grow for ever.
pub const MAX_REVISIONS_PER_SCENARIO: u32 = 1_000;

impl Service {
    /// A service over `db`. `public_url` (e.g. `https://plan.example.com`, no
    /// trailing slash; may be empty) prefixes the share links it hands out.
    pub fn new(db: Database, public_url: &str) -> Self {
        Self {
            db,
            public_url: public_url.trim_end_matches('/').into(),
            simulations: compute::Simulations::per_core(),
            max_revisions: MAX_REVISIONS_PER_SCENARIO.into(),
            charts: chart_cache::ChartCache::with_capacity(chart_cache::CHART_CACHE_BYTES),
            results: result_cache::ResultCache::with_capacity(result_cache::RESULT_CACHE_ENTRIES),
            answers: answer_cache::AnswerCache::with_capacity(answer_cache::ANSWER_CACHE_BYTES),
            imports: import::thread::ImportThread::start(),
        }
    }

    /// The same service with another cap on revisions per scenario (at least 1).
    pub fn with_max_revisions(mut self, max: u32) -> Self {
        self.max_revisions = i64::from(max.max(1));
        self
    }

    /// The database, for readiness checks and shutdown.
    pub fn database(&self) -> &Database {
        &self.db
    }

    /// Whether the public URL is https (so cookies must be `Secure`).
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// The shared page's address for scenario `id`.
    pub fn share_url(&self, id: &str) -> String {
        format!("{}/s/{id}", self.public_url)
    }
}

#[cfg(test)]
impl Service {
    /// A service over a new SQLite file in `dir`, for unit tests.
    pub(crate) async fn for_tests(dir: &tempfile::TempDir) -> Self {
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        Self::new(Database::connect(&url).await.expect("a test database"), "")
    }
}
