//! The planner page's use case: a form's URL query in, a result (or the form's
//! field errors) out.

use clusterplan_model::{CalculationResult, FieldError};

use crate::{ServiceError, calculate, form};

/// Calculates the scenario a planner form query describes. Errors name form fields.
pub fn evaluate_query(query: &str) -> Result<CalculationResult, Vec<FieldError>> {
    let pairs = form::pairs_from_query(query);
    let (input, mut errors) = form::parse_pairs(&pairs);
    let outcome = input.map_err(ServiceError::Invalid).and_then(calculate);
    match outcome {
        Ok(result) if errors.is_empty() => return Ok(result),
        Ok(_) => {}
        Err(ServiceError::Invalid(more)) => errors.extend(more),
        // Calculation touches no storage; any other error is a bug worth seeing.
        Err(other) => errors.push(FieldError::new("", other.to_string())),
    }
    Err(errors)
}

#[cfg(test)]
mod tests {
    use super::evaluate_query;

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
}
