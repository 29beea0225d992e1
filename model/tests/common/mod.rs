//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod case;
pub mod documents;

use clusterplan_model::{CalculationResult, FieldError, InputError, calculate_json};

/// Calculates from a JSON literal, panicking with the errors if it is invalid.
pub fn calc(json: &str) -> CalculationResult {
    match calculate_json(json.as_bytes()) {
        Ok(result) => result,
        Err(e) => panic!("{json} should be valid: {e}"),
    }
}

/// The field errors of an input that must be invalid.
pub fn field_errors(json: &str) -> Vec<FieldError> {
    match calculate_json(json.as_bytes()) {
        Err(InputError::Invalid(errors)) => errors,
        Err(e) => panic!("{json}: expected field errors, got {e}"),
        Ok(_) => panic!("{json}: expected field errors, got a result"),
    }
}

/// Asserts `actual` rounds to `expected` given to `decimals` places (the spec's tables
/// print rounded figures).
#[track_caller]
pub fn assert_rounded(actual: f64, expected: f64, decimals: i32, what: &str) {
    let half_unit = 0.5 * 10f64.powi(-decimals);
    assert!(
        (actual - expected).abs() <= half_unit + 1e-9,
        "{what}: got {actual}, expected {expected} to {decimals} decimals"
    );
}

/// Asserts two computed figures are equal up to float noise.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, what: &str) {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: got {actual}, expected {expected}"
    );
}
