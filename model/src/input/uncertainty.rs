//! The Monte Carlo request (`uncertainty`): samples, seed and the ranged inputs.

use crate::strict::{absent, object_only, present, present_integer};
use serde::{Deserialize, Serialize};

/// A Monte Carlo run over ranges of the inputs (`uncertainty`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct UncertaintyInput {
    /// Simulated futures drawn, 100 to 20,000.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub samples: Option<i64>,
    /// Seed of the random draws.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub seed: Option<i64>,
    /// The ranged inputs, at most 20.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub ranges: Option<Vec<RangeInput>>,
}

/// One ranged input (`uncertainty.ranges[n]`); every member is required.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct RangeInput {
    /// The dotted path of a number input.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub field: Option<String>,
    /// Lowest value: at most the field's value.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub low: Option<f64>,
    /// Highest value: at least the field's value.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub high: Option<f64>,
}

object_only!(UncertaintyInput, RangeInput);
