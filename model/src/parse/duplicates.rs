//! Members given twice, found in the text: read into a `serde_json::Value`, a
//! body keeps the last of them without a word, so a refusal that re-reads the
//! body (`super::parse_with`) looks for them here first.

use serde::Deserializer;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;

use crate::MAX_FIELD_ERRORS;

/// The paths of the members `json` gives more than once, as field errors name
/// them (`team.engineers`, `fleet[0].name`), at most [`MAX_FIELD_ERRORS`];
/// none when it is not JSON.
pub(super) fn duplicate_members(json: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut path = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(json);
    let walk = Walk {
        path: &mut path,
        found: &mut found,
    };
    match walk.deserialize(&mut de) {
        Ok(()) => found,
        Err(_) => Vec::new(),
    }
}

/// One step of a path: a member's name or an item's index.
enum Step {
    Member(String),
    Item(usize),
}

/// `path` as a field error names it. Written only for a member found twice:
/// a path written for every value would copy a long name once per value below
/// it (gigabytes, from a quarter-megabyte body).
fn written(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Member(name) if out.is_empty() => out.push_str(name),
            Step::Member(name) => {
                out.push('.');
                out.push_str(name);
            }
            Step::Item(index) => out.push_str(&format!("[{index}]")),
        }
    }
    out
}

/// One value, below `path`; its duplicate members written to `found`.
struct Walk<'a> {
    path: &'a mut Vec<Step>,
    found: &'a mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let twice = !seen.insert(key.clone());
            self.path.push(Step::Member(key));
            if twice && self.found.len() < MAX_FIELD_ERRORS {
                self.found.push(written(self.path));
            }
            let (path, found) = (&mut *self.path, &mut *self.found);
            map.next_value_seed(Walk { path, found })?;
            self.path.pop();
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        for index in 0.. {
            self.path.push(Step::Item(index));
            let (path, found) = (&mut *self.path, &mut *self.found);
            let more = seq.next_element_seed(Walk { path, found })?.is_some();
            self.path.pop();
            if !more {
                break;
            }
        }
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::duplicate_members;

    #[test]
    fn members_given_twice_are_found_at_any_depth() {
        let json = br#"{"clusters": 2, "team": {"engineers": 1, "engineers": 2},
            "fleet": [{"name": "a"}, {"name": "b", "name": "c"}], "clusters": 0}"#;
        assert_eq!(
            duplicate_members(json),
            ["team.engineers", "fleet[1].name", "clusters"]
        );
        assert!(duplicate_members(br#"{"a": [1, {"b": 2}]}"#).is_empty());
        assert!(duplicate_members(b"{").is_empty());
        // A long name above many values is not copied into each one's path.
        let long = "k".repeat(100_000);
        let many = vec![r#""a": 0"#; 20_000].join(",");
        let found = duplicate_members(format!(r#"{{"{long}": {{{many}}}}}"#).as_bytes());
        assert_eq!(found.len(), 100, "at most as many as an answer lists");
        assert_eq!(found[0], format!("{long}.a"));
    }
}
