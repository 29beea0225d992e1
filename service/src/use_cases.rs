//! Every use case of the service, each a documented one-line call into the
//! module that holds its rule. With `Service::new` and its accessors (in the
//! crate root) this is every method of [`Service`], so its surface reads in one
//! place; the modules hold the rules as free functions and never call back here.

use std::time::Duration;

use bytes::Bytes;
use clusterplan_model::{CalculationResult, FieldError, Scenario};

use crate::batch::{self, BatchRequest};
use crate::catalog::{self, CatalogFilter};
use crate::charts::{self, Rendered};
use crate::edits::{self, FieldChange};
use crate::forecast::{self, Forecast, ForecastParams};
use crate::{
    CatalogDocument, CreatedScenario, NewScenario, ScenarioDocument, ScenarioUpdate, Service,
    ServiceError, calculation, compare, compute, import, planner, revisions, scenarios,
};

impl Service {
    // Saved scenarios (`scenarios`, `revisions`).

    /// Validates, calculates and stores a new scenario; returns its id and its
    /// edit token.
    pub async fn create(&self, new: NewScenario) -> Result<CreatedScenario, ServiceError> {
        scenarios::create(self, new).await
    }

    /// The latest revision of scenario `id`.
    pub async fn get(&self, id: &str) -> Result<ScenarioDocument, ServiceError> {
        scenarios::get(self, id).await
    }

    /// The revision number a read of `id` would answer (the latest, or `n` when
    /// it exists), without reading its input: what an ETag is made of, so a
    /// `304 Not Modified` costs one indexed lookup.
    pub async fn revision_number(&self, id: &str, n: Option<i64>) -> Result<i64, ServiceError> {
        scenarios::revision_number(self, id, n).await
    }

    /// Revision `n` of scenario `id`, read-only.
    pub async fn revision(&self, id: &str, n: i64) -> Result<ScenarioDocument, ServiceError> {
        scenarios::revision(self, id, n).await
    }

    /// A copy of the latest revision of `id` as a new scenario named
    /// "{name} (fork)" (cut to the longest name allowed), with its own edit token.
    pub async fn fork(&self, id: &str) -> Result<CreatedScenario, ServiceError> {
        scenarios::fork(self, id).await
    }

    /// Deletes `id` and every revision of it, given its edit token, while its
    /// latest revision is one of `expected` (HTTP `If-Match`; any when empty):
    /// else `RevisionMoved`, nothing deleted.
    pub async fn delete(
        &self,
        id: &str,
        token: Option<&str>,
        expected: &[i64],
    ) -> Result<(), ServiceError> {
        scenarios::delete(self, id, token, expected).await
    }

    /// Writes a new revision of `id`, given its edit token. With `expected`
    /// (HTTP `If-Match`), the change is based on those revisions and written
    /// only while one of them is the latest: else `RevisionMoved` and nothing
    /// is written. With none, an input replaces whatever is latest, and a
    /// rename keeps the latest input, reading it again while other saves land
    /// first.
    pub async fn update(
        &self,
        id: &str,
        token: Option<&str>,
        update: ScenarioUpdate,
        expected: &[i64],
    ) -> Result<ScenarioDocument, ServiceError> {
        revisions::update(self, id, token, update, expected).await
    }

    // Calculation (`calculation`, `batch`, `compute`).

    /// Calculates the scenario a JSON document describes (omitted fields take
    /// their defaults) and answers the result as JSON. The same bytes sent again
    /// are answered from memory (`answer_cache`: a calculation is a pure
    /// function of its document). A malformed document is `Malformed`, data of
    /// the wrong shape or out of range `Invalid`, naming the fields.
    pub async fn calculate_document(&self, document: &[u8]) -> Result<Bytes, ServiceError> {
        calculation::calculate_document(self, document).await
    }

    /// Calculates every scenario of `batch`, in order: a result, or why that
    /// scenario is invalid (its field paths are relative to it). The whole batch
    /// is refused when it has no scenario, more than
    /// [`batch::MAX_BATCH_SCENARIOS`], or more than [`batch::MAX_BATCH_SAMPLES`]
    /// samples; a busy server refuses it whole.
    pub async fn calculate_batch(
        &self,
        batch: BatchRequest,
    ) -> Result<Vec<Result<CalculationResult, ServiceError>>, ServiceError> {
        batch::calculate_batch(self, batch).await
    }

    /// Calculates `scenario`: inline when it is cheap (no Monte Carlo), else on the
    /// blocking pool in one of the simulation slots.
    pub async fn compute(&self, scenario: Scenario) -> Result<CalculationResult, ServiceError> {
        compute::compute(self, scenario).await
    }

    /// At most `slots` simulations at once, each waiting up to `wait` for a slot.
    pub fn with_simulation_limit(self, slots: usize, wait: Duration) -> Self {
        compute::with_simulation_limit(self, slots, wait)
    }

    // The planner form (`planner`, `edits`).

    /// Calculates the scenario a planner form query describes (a Monte Carlo off
    /// the async runtime): the result, or the form's field errors.
    pub async fn evaluate_form(
        &self,
        query: &str,
    ) -> Result<Result<CalculationResult, Vec<FieldError>>, ServiceError> {
        planner::evaluate_form(self, query).await
    }

    /// Saves the scenario the form `query` describes under `name`.
    pub async fn create_from_form(
        &self,
        name: String,
        query: &str,
    ) -> Result<CreatedScenario, ServiceError> {
        planner::create_from_form(self, name, query).await
    }

    /// Writes the scenario the form `query` describes, named `name`, as the next
    /// revision of `id`, given its edit token; with `based_on` (the revision the
    /// form was opened from, as the form sent it; empty or absent: no
    /// condition), only while that is the latest, else `RevisionMoved` and
    /// nothing written. The token is checked before anything the form holds.
    pub async fn update_from_form(
        &self,
        id: &str,
        token: Option<&str>,
        name: String,
        query: &str,
        based_on: Option<&str>,
    ) -> Result<ScenarioDocument, ServiceError> {
        planner::update_from_form(self, id, token, name, query, based_on).await
    }

    /// The changes that saving the planner form `query` under `name` would make
    /// to the latest revision of `id`, in form order. Empty when the form is
    /// invalid (saving it is refused anyway) or equal to what is saved.
    pub async fn changes_from_form(
        &self,
        id: &str,
        name: &str,
        query: &str,
    ) -> Result<Vec<FieldChange>, ServiceError> {
        edits::changes_from_form(self, id, name, query).await
    }

    /// Whether `token` is the edit key of scenario `id`.
    pub async fn check_edit_key(&self, id: &str, token: &str) -> Result<(), ServiceError> {
        edits::check_edit_key(self, id, token).await
    }

    // Comparing (`compare`).

    /// The latest revisions of the scenarios named in `text` (ids or share links,
    /// see [`compare::ids_from_links`]), in the order given: one to
    /// [`compare::MAX_COMPARE`].
    pub async fn compare(&self, text: &str) -> Result<Vec<ScenarioDocument>, ServiceError> {
        compare::compare(self, text).await
    }

    /// The latest revisions of `ids` found, in the order given, and the ids not
    /// found: one to [`compare::MAX_COMPARE`] ids.
    pub async fn compare_ids(&self, ids: &[String]) -> Result<compare::Found, ServiceError> {
        compare::compare_ids(self, ids).await
    }

    /// `(id, name)` of the latest revision of each of `ids` (the first
    /// [`compare::MAX_NAMES`] that look like ids), in the order given, each once;
    /// unknown ids are skipped. One query, and no input is read, so nothing is
    /// recalculated.
    pub async fn names(&self, ids: &[String]) -> Result<Vec<(String, String)>, ServiceError> {
        compare::names(self, ids).await
    }

    // What a saved scenario is shown as (`charts`, `forecast`), and the catalog.

    /// Every chart of a saved revision, each drawn once per revision (see
    /// `chart_cache`).
    pub fn saved_charts(&self, doc: &ScenarioDocument) -> Vec<Rendered> {
        charts::saved_charts(self, doc)
    }

    /// Chart `name` (`cumulative`, `breakdown`, `breakeven`, `sensitivity`) of
    /// saved scenario `id`'s latest revision: that revision's number and the SVG.
    pub async fn chart(&self, id: &str, name: &str) -> Result<(i64, String), ServiceError> {
        charts::chart(self, id, name).await
    }

    /// The forecast of the latest revision of `id`.
    pub async fn forecast(
        &self,
        id: &str,
        params: &ForecastParams,
    ) -> Result<Forecast, ServiceError> {
        forecast::forecast(self, id, params).await
    }

    /// The page of the instance catalog that `filter` asks for (see
    /// [`catalog::catalog_page`]).
    pub fn catalog(&self, filter: &CatalogFilter) -> CatalogDocument {
        catalog::catalog_page(filter)
    }

    // Import (`import`).

    /// A running cluster's nodes and pods (kubectl's JSON, plain or gzip) as a
    /// fleet group and a report of what was read; nothing is stored. Runs on
    /// the import thread (`import::thread`): the largest body takes a second
    /// or two of CPU.
    pub async fn import_kubernetes<B: AsRef<[u8]> + Send + 'static>(
        &self,
        body: B,
        sizing: import::Sizing,
    ) -> Result<import::Imported, ServiceError> {
        // Dropping this call (the request's timeout answered 503, or the
        // client left) tells the work on the import thread to stop reading.
        let given_up = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _give_up_on_drop = GiveUpOnDrop(std::sync::Arc::clone(&given_up));
        let work = move || import::import_until(body.as_ref(), sizing, &given_up);
        // A panic is the caller's to catch (the server answers it 500).
        self.imports.run(work).await
    }
}

/// Sets its flag when dropped: the import's work stops with its request.
struct GiveUpOnDrop(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Drop for GiveUpOnDrop {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}
