//! The planner page's use cases: a form's URL query in, a result (or the form's
//! field errors) out; and the same query saved as a new scenario or a revision.
//! Every error names a form field (`clusters`), as the form does.

use clusterplan_model::form::{self, scenario_from_query};
use clusterplan_model::{CalculationResult, FieldError};

use crate::compute::compute;
use crate::{
    CreatedScenario, NewScenario, ScenarioDocument, ScenarioUpdate, Service, ServiceError,
    revisions, scenarios,
};

/// Calculates the scenario a planner form query describes, on this thread.
pub fn evaluate_query(query: &str) -> Result<CalculationResult, Vec<FieldError>> {
    scenario_from_query(query).map(|scenario| clusterplan_model::calculate(&scenario))
}

/// See [`Service::evaluate_form`].
pub(crate) async fn evaluate_form(
    service: &Service,
    query: &str,
) -> Result<Result<CalculationResult, Vec<FieldError>>, ServiceError> {
    match scenario_from_query(query) {
        Ok(scenario) => compute(service, scenario).await.map(Ok),
        Err(errors) => Ok(Err(errors)),
    }
}

/// See [`Service::create_from_form`].
pub(crate) async fn create_from_form(
    service: &Service,
    name: String,
    query: &str,
) -> Result<CreatedScenario, ServiceError> {
    let input = form::input_from_query(query).map_err(ServiceError::Invalid)?;
    scenarios::create(service, NewScenario { name, input })
        .await
        .map_err(|e| form_paths(e, query))
}

/// See [`Service::update_from_form`].
pub(crate) async fn update_from_form(
    service: &Service,
    id: &str,
    token: Option<&str>,
    name: String,
    query: &str,
    based_on: Option<&str>,
) -> Result<ScenarioDocument, ServiceError> {
    // A stranger is refused before the form is read (as `revisions::update`).
    let token = revisions::authorize(service, id, token).await?;
    let based_on = revision_number(based_on)?;
    let input = form::input_from_query(query).map_err(ServiceError::Invalid)?;
    let update = ScenarioUpdate {
        name: Some(name),
        input: Some(input),
    };
    revisions::update_authorized(service, id, token, update, based_on.as_slice())
        .await
        .map_err(|e| form_paths(e, query))
}

/// The form's `revision`: empty or absent (a hand-made edit address) is no
/// condition; anything else must be a revision number.
pub(crate) fn revision_number(text: Option<&str>) -> Result<Option<i64>, ServiceError> {
    let Some(text) = text.map(str::trim).filter(|text| !text.is_empty()) else {
        return Ok(None);
    };
    match text.parse::<i64>() {
        Ok(revision) if revision >= 1 => Ok(Some(revision)),
        _ => Err(ServiceError::invalid(
            "revision",
            "must be a revision number (1, 2, …)",
        )),
    }
}

/// The stored-scenario use cases name fields as in the JSON body (`input.clusters`);
/// the form's answer names its controls (`clusters`).
fn form_paths(error: ServiceError, query: &str) -> ServiceError {
    match error {
        ServiceError::Invalid(errors) => {
            ServiceError::Invalid(form::stored_errors_at_controls(query, errors))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_and_range_errors_are_reported_together() {
        let errors = evaluate_query("clusters=0&workers.headroom_pct=abc").expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["workers.headroom_pct", "clusters"]);
    }

    #[test]
    fn an_empty_query_is_the_worked_example() {
        let result = evaluate_query("").expect("valid");
        assert_eq!(result.options.eks.common.nodes_per_cluster, 8);
    }

    #[test]
    fn stored_field_paths_become_form_paths() {
        let error = ServiceError::Invalid(vec![
            FieldError::new("input.clusters", "must be at least 1"),
            FieldError::new("name", "must not be empty"),
            FieldError::new("input.line_items[0].name", "is required"),
        ]);
        // The first item is the form's third row (rows 0 and 1 are blank).
        let query = "line_items[0].name=&line_items[2].monthly_usd=5";
        let ServiceError::Invalid(errors) = form_paths(error, query) else {
            panic!("still invalid");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["clusters", "name", "line_items[2].name"]);
    }

    #[test]
    fn a_line_item_row_is_validated_at_its_form_path() {
        let errors = evaluate_query(
            "line_items%5B1%5D.name=&line_items%5B3%5D.name=%07bell&line_items%5B3%5D.per=week",
        )
        .expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["line_items[3].name", "line_items[3].per"]);
        let result =
            evaluate_query("line_items%5B5%5D.name=Licence&line_items%5B5%5D.monthly_usd=250")
                .expect("valid");
        assert_eq!(result.inputs.line_items[0].monthly_usd, 250.0);
        assert_eq!(result.options.eks.common.monthly.line_items, 250.0);
    }
}
