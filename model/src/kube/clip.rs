//! The strings an import keeps (kinds, node names, the labels it reads, a pod's
//! node and phase), clipped: a name at most [`MAX_KEPT`] bytes, a label value,
//! kind or phase at most [`MAX_LABEL_KEPT`]. Kubernetes allows no longer name
//! (253) or label value (63), so a longer one is not from a real cluster, and
//! 25,000 items of 100 KB names would otherwise keep gigabytes (an outside
//! review kept 515 MB from a half-megabyte gzip upload; another kept 57 MB of
//! strings at 253 bytes each before the label values were clipped to 63).

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// Most bytes kept of a name: Kubernetes' longest (a DNS subdomain).
pub const MAX_KEPT: usize = 253;

/// Most bytes kept of a label value, and of a kind or a phase (words that
/// are far shorter): Kubernetes' longest label value.
pub const MAX_LABEL_KEPT: usize = 63;

/// Deserializes an optional name, keeping at most [`MAX_KEPT`] bytes of it
/// (cut at a character boundary).
pub fn option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Clipped<MAX_KEPT>>::deserialize(deserializer)?.map(|clipped| clipped.0))
}

/// Deserializes an optional label value, kind or phase, keeping at most
/// [`MAX_LABEL_KEPT`] bytes of it.
pub fn label<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Clipped<MAX_LABEL_KEPT>>::deserialize(deserializer)?.map(|clipped| clipped.0))
}

/// A string of at most `N` bytes.
struct Clipped<const N: usize>(String);

impl<'de, const N: usize> Deserialize<'de> for Clipped<N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ClipVisitor::<N>)
    }
}

struct ClipVisitor<const N: usize>;

impl<const N: usize> Visitor<'_> for ClipVisitor<N> {
    type Value = Clipped<N>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Clipped<N>, E> {
        let mut end = v.len().min(N);
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
        #[serde(default, deserialize_with = "label")]
        label: Option<String>,
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

    #[test]
    fn a_label_value_is_kept_up_to_the_longest_kubernetes_label_value() {
        let json = format!(r#"{{"label": "{}"}}"#, "é".repeat(200));
        let holder: Holder = serde_json::from_str(&json).expect("reads");
        let kept = holder.label.expect("kept");
        assert!(kept.len() <= MAX_LABEL_KEPT && kept.len() > MAX_LABEL_KEPT - 2);
        let json = r#"{"label": "m6i.xlarge"}"#;
        let holder: Holder = serde_json::from_str(json).expect("reads");
        assert_eq!(holder.label.as_deref(), Some("m6i.xlarge"));
    }
}
