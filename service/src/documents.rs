//! The request and response bodies of the scenario use cases (JSON shapes of §6).

use crate::names::ScenarioName;
use clusterplan_model::{
    CalculationResult, Catalog, Checked, FieldError, FieldSpec, ResolvedInput, ScenarioInput,
    prefixed,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Body of `POST /api/v1/scenarios`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct NewScenario {
    /// A name for people (the limits: `names.rs`).
    #[schema(schema_with = crate::names::required_schema)]
    pub name: String,
    /// The scenario; omitted fields take their defaults.
    #[serde(default)]
    pub input: ScenarioInput,
}

/// Body of `PUT /api/v1/scenarios/{id}`: a new revision. An omitted `name` keeps the
/// current name; an omitted `input` keeps the current input (a rename); `{}` writes
/// a revision equal to the last.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct ScenarioUpdate {
    /// The new name; absent keeps the current one.
    #[schema(schema_with = crate::names::optional_schema)]
    pub name: Option<String>,
    /// The new input; it replaces the old one whole (omitted fields take defaults).
    pub input: Option<ScenarioInput>,
}

// Objects only, as the document says (serde's derive also reads an array).
clusterplan_model::deserialize_objects_only!(NewScenario, ScenarioUpdate);

impl Checked for NewScenario {
    fn violations(&self) -> Vec<FieldError> {
        let mut errors = name_violations(&self.name);
        errors.extend(prefixed("input", self.input.violations()));
        errors
    }
}

impl Checked for ScenarioUpdate {
    fn violations(&self) -> Vec<FieldError> {
        let mut errors = self
            .name
            .as_deref()
            .map(name_violations)
            .unwrap_or_default();
        let input = self.input.as_ref().map(Checked::violations);
        errors.extend(prefixed("input", input.unwrap_or_default()));
        errors
    }
}

/// What [`ScenarioName`] refuses in `name`.
fn name_violations(name: &str) -> Vec<FieldError> {
    match ScenarioName::try_from(name.to_owned()) {
        Ok(_) => Vec::new(),
        Err(error) => error.into_field_errors(),
    }
}

/// Answer to a create: the only time the edit token is ever shown.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedScenario {
    /// The read-only share id (22 base62 characters, 128 random bits).
    pub id: String,
    /// The secret that allows changes; store it, it cannot be shown again.
    pub edit_token: String,
    /// The shared page's address.
    pub url: String,
    /// Always 1 for a new scenario.
    pub revision: i64,
    /// The calculation for the stored input.
    pub result: CalculationResult,
}

/// A stored scenario at one revision, with its result recomputed from its input.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ScenarioDocument {
    /// The share id.
    pub id: String,
    /// The name at this revision.
    pub name: String,
    /// The input at this revision, every default filled in.
    pub input: ResolvedInput,
    /// This revision's number; revisions count 1, 2, 3… without gaps.
    pub revision: i64,
    /// When the scenario was created (RFC 3339, UTC).
    pub created_at: String,
    /// When this revision was written (RFC 3339, UTC).
    pub updated_at: String,
    /// The calculation, recomputed from `input` with the current model.
    pub result: CalculationResult,
}

/// Answer to `GET /api/v1/compare`: the scenarios in the order asked for.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ComparisonDocument {
    /// One document per requested id.
    pub scenarios: Vec<ScenarioDocument>,
}

/// Answer to `GET /api/v1/catalog`: one page of instance types with the date
/// their prices were taken, and every default with its reason.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CatalogDocument {
    /// The built-in catalog's metadata (price date, region, sources), its
    /// control-plane tiers, and in `instance_types` this page of the types that
    /// match the filters, sorted by name.
    pub catalog: Catalog,
    /// The instance types that match the filters, over all pages.
    pub matched: usize,
    /// The `cursor` of the next page; `null` on the last.
    pub next_cursor: Option<String>,
    /// Every input field: default, unit, range and rationale.
    pub defaults: Vec<FieldSpec>,
}
