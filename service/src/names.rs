//! Scenario names: parsed once into a type that is known to be acceptable.

use crate::error::ServiceError;

/// Longest accepted name, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// A trimmed, non-empty name of at most [`MAX_NAME_CHARS`] characters with no
/// control characters (they break CSV rows, headers and log lines), no
/// text-direction characters ([`clusterplan_model::unfit_for_names`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioName(String);

impl ScenarioName {
    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ScenarioName {
    type Error = ServiceError;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        let name = raw.trim();
        let chars = name.chars().count();
        if chars == 0 {
            return Err(ServiceError::invalid("name", "must not be empty"));
        }
        if chars > MAX_NAME_CHARS {
            return Err(ServiceError::invalid(
                "name",
                format!("must be at most {MAX_NAME_CHARS} characters, not {chars}"),
            ));
        }
        if name.chars().any(clusterplan_model::unfit_for_names) {
            return Err(ServiceError::invalid(
                "name",
                clusterplan_model::UNFIT_FOR_NAMES,
            ));
        }
        Ok(Self(name.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_checked() {
        let cases: &[(&str, Option<&str>)] = &[
            ("  Prod plan ", Some("Prod plan")),
            (
                "<script>alert(1)</script>",
                Some("<script>alert(1)</script>"),
            ),
            ("", None),
            ("   ", None),
            ("tab\there", None),
            ("evil\u{202E}txt.exe", None),
            ("a\u{2067}b", None),
            ("Ünïcödé ☸", Some("Ünïcödé ☸")),
            (&"x".repeat(121), None),
        ];
        for (raw, expected) in cases {
            let parsed = ScenarioName::try_from((*raw).to_owned()).ok();
            assert_eq!(
                parsed.as_ref().map(ScenarioName::as_str),
                *expected,
                "{raw:?}"
            );
        }
        assert!(ScenarioName::try_from("é".repeat(120)).is_ok());
    }
}
