//! The strings an import keeps (kinds, node names, the labels it reads, a pod's
//! node and phase), at most [`MAX_KEPT`] bytes each: Kubernetes allows no
//! longer name (253) or label value (63), so a longer one is not from a real
//! cluster, and 25,000 items of 100 KB names would otherwise keep gigabytes
//! (an outside review kept 515 MB from a half-megabyte gzip upload).

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// Most bytes kept of one string: Kubernetes' longest name.
pub const MAX_KEPT: usize = 253;

/// Deserializes an optional string, keeping at most [`MAX_KEPT`] bytes of it
/// (cut at a character boundary).
pub fn option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Clipped>::deserialize(deserializer)?.map(|clipped| clipped.0))
}

struct Clipped(String);

impl<'de> Deserialize<'de> for Clipped {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ClipVisitor)
    }
}

struct ClipVisitor;

impl Visitor<'_> for ClipVisitor {
    type Value = Clipped;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Clipped, E> {
        let mut end = v.len().min(MAX_KEPT);
        while !v.is_char_boundary(end) {
            end -= 1;
        }
        Ok(Clipped(v[..end].to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "option")]
        name: Option<String>,
    }

    fn read(json: &str) -> Option<String> {
        serde_json::from_str::<Holder>(json).expect("reads").name
    }

    #[test]
    fn a_string_is_kept_up_to_the_longest_kubernetes_name() {
        assert_eq!(
            read(r#"{"name": "ip-10-0-1-2"}"#).as_deref(),
            Some("ip-10-0-1-2")
        );
        assert_eq!(read("{}"), None);
        assert_eq!(read(r#"{"name": null}"#), None);
        let long = format!(r#"{{"name": "{}"}}"#, "é".repeat(200));
        let kept = read(&long).expect("kept");
        assert!(kept.len() <= MAX_KEPT && kept.chars().all(|c| c == 'é'));
        assert!(serde_json::from_str::<Holder>(r#"{"name": 5}"#).is_err());
    }
}
