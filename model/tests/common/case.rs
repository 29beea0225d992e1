//! The table-driven hand-worked case runner.

use super::{assert_close, calc};
use serde_json::Value;

/// An expected figure.
pub enum E {
    /// A number, compared up to float noise.
    N(f64),
    /// A boolean.
    B(bool),
    /// A string.
    S(&'static str),
    /// JSON null.
    Null,
}
use E::*;

/// One hand-worked scenario.
pub struct Case {
    pub name: &'static str,
    pub input: &'static str,
    /// JSON pointers into the result and their expected values.
    pub expect: &'static [(&'static str, E)],
    /// Every warning, as `option:code`, in output order.
    pub warnings: &'static [&'static str],
}

/// Runs every case, asserting each expected figure and the exact warning list.
pub fn run_cases(cases: &[Case]) {
    for case in cases {
        let result = calc(case.input);
        let json = serde_json::to_value(&result).expect("results serialize");
        for (pointer, expected) in case.expect {
            let actual = json.pointer(pointer);
            let what = format!("{}: {pointer}", case.name);
            match (expected, actual) {
                (N(n), Some(v)) => assert_close(v.as_f64().unwrap_or(f64::NAN), *n, &what),
                (B(b), Some(v)) => assert_eq!(v, &Value::Bool(*b), "{what}"),
                (S(s), Some(v)) => assert_eq!(v, &Value::from(*s), "{what}"),
                (Null, Some(v)) => assert!(v.is_null(), "{what}: got {v}"),
                (_, None) => panic!("{what}: no such figure"),
            }
        }
        let warnings: Vec<String> = json["warnings"]
            .as_array()
            .map(|ws| {
                ws.iter()
                    .map(|w| {
                        format!(
                            "{}:{}",
                            w["option"].as_str().unwrap_or(""),
                            w["code"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(warnings, case.warnings, "{}: warnings", case.name);
    }
}
