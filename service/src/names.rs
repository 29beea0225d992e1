//! Scenario names: parsed once into a type that is known to be acceptable.

use clusterplan_model::trimmed_name_pattern;
use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

use crate::error::ServiceError;

/// Longest accepted name, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// A trimmed ([`clusterplan_model::trim_name`]), non-empty name of at most [`MAX_NAME_CHARS`] characters with no
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
        let name = clusterplan_model::trim_name(&raw);
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

/// The OpenAPI schema of a name in a request (`schema_with` in
/// `documents.rs`): the model's [`trimmed_name_pattern`] with the limit above,
/// so a client generated from the document refuses exactly what
/// [`ScenarioName`] refuses. No `maxLength`: it would count the white space
/// the trim removes; the pattern bounds the trimmed name instead.
fn schema(types: SchemaType, description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(types)
        .description(Some(format!(
            "{description}, 1 to {MAX_NAME_CHARS} characters once surrounding white space \
             and invisible characters are trimmed, without control or text-direction characters nor U+FFFD."
        )))
        .min_length(Some(1))
        .pattern(Some(trimmed_name_pattern(MAX_NAME_CHARS)))
}

/// A new scenario's name.
pub(crate) fn required_schema() -> Object {
    schema(SchemaType::Type(Type::String), "A name for people")
        .examples(["Three prod clusters, 2025 plan"])
        .build()
}

/// A revision's new name; null or absent keeps the current one.
pub(crate) fn optional_schema() -> Object {
    let types = SchemaType::from_iter([Type::String, Type::Null]);
    schema(types, "The new name (null or absent: unchanged)").build()
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
            ("\u{200B}", None),
            ("caf\u{FFFD}", None),
            ("\u{FEFF}\u{2060} \u{3164}", None),
            ("\u{200B}Prod\u{FEFF} ", Some("Prod")),
            ("Team \u{2764}\u{FE0F}", Some("Team \u{2764}\u{FE0F}")),
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

    /// The schema's pattern accepts a name exactly when [`ScenarioName`] does:
    /// every character of the Basic Multilingual Plane alone, inside a name,
    /// at either end and doubled, and names at the length limit with white
    /// space around them.
    #[test]
    fn the_documented_pattern_says_what_the_rule_says() {
        let pattern = trimmed_name_pattern(MAX_NAME_CHARS);
        let pattern = regex::Regex::new(&clusterplan_model::pattern_for_chars(&pattern));
        let pattern = pattern.expect("the pattern compiles");
        let agree = |name: String| {
            let accepted = ScenarioName::try_from(name.clone()).is_ok();
            assert_eq!(pattern.is_match(&name), accepted, "{name:?}");
        };
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            for name in [
                format!("{c}"),
                format!("a{c}b"),
                format!("{c}ab"),
                format!("ab{c}"),
            ] {
                agree(name);
            }
            agree(format!("{c}{c}"));
        }
        let longest = "x".repeat(MAX_NAME_CHARS);
        for name in [
            format!(" {longest} "),
            format!("\t{longest}\n"),
            format!("{longest}x"),
            format!("{longest} x"),
            "é".repeat(MAX_NAME_CHARS),
            "\u{1F600}".repeat(MAX_NAME_CHARS),
            "\u{1F600}".repeat(MAX_NAME_CHARS + 1),
            "abc\n".to_owned(),
        ] {
            agree(name);
        }
    }
}
