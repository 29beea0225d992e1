//! Members given twice, found in the text: read into a `serde_json::Value`, a
//! body keeps the last of them without a word, so a refusal that re-reads the
//! body (`super::parse_with`) looks for them here first.

use serde::Deserializer;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;

/// The paths of the members `json` gives more than once, as field errors name
/// them (`team.engineers`, `fleet[0].name`); none when it is not JSON.
pub(super) fn duplicate_members(json: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(json);
    let walk = Walk {
        path: String::new(),
        found: &mut found,
    };
    match walk.deserialize(&mut de) {
        Ok(()) => found,
        Err(_) => Vec::new(),
    }
}

/// One value at `path`, its duplicate members written to `found`.
struct Walk<'a> {
    path: String,
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
            let path = match self.path.is_empty() {
                true => key.clone(),
                false => format!("{}.{key}", self.path),
            };
            if !seen.insert(key) {
                self.found.push(path.clone());
            }
            let found = &mut *self.found;
            map.next_value_seed(Walk { path, found })?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            let path = format!("{}[{index}]", self.path);
            let found = &mut *self.found;
            if seq.next_element_seed(Walk { path, found })?.is_none() {
                return Ok(());
            }
            index += 1;
        }
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
    }
}
