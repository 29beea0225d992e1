//! Strict serde helpers for the input types: no null where null means nothing, and
//! objects only (serde's derive would also accept a positional JSON array).

use serde::{Deserialize, Deserializer};

/// Deserializes a present field that has no meaning for `null`: `null` is an error
/// rather than a silent fall-back to the default. Absent fields are `None` through
/// the container's `#[serde(default)]`.
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Deserializes a nullable field: `null` is `None` (use the default).
pub(crate) fn nullable<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// Deserializes a present whole-number field (see [`WholeNumber`]); `null` is an error.
pub(crate) fn present_integer<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    WholeNumber::deserialize(deserializer).map(|n| Some(n.0))
}

/// Deserializes a nullable whole-number field: `null` is `None` (use the default).
pub(crate) fn nullable_integer<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<i64>, D::Error> {
    Option::<WholeNumber>::deserialize(deserializer).map(|n| n.map(|n| n.0))
}

/// A whole number: a JSON integer, or a number with no fractional part such as
/// `3.0`. JSON Schema counts both as integers, and spreadsheets and JavaScript
/// tools often send the latter; `2.5` is still refused.
struct WholeNumber(i64);

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = WholeNumber;
            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("an integer")
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<WholeNumber, E> {
                Ok(WholeNumber(value))
            }
            // A whole number past i64 saturates: every integer field has a
            // range within ±2^53 (a test holds the table to it), so validation
            // then names the field's bounds, where "must be an integer, not
            // floating point `1.8446744073709552e19`" answered 2^64 as sent.
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<WholeNumber, E> {
                Ok(WholeNumber(i64::try_from(value).unwrap_or(i64::MAX)))
            }
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<WholeNumber, E> {
                if value.fract() == 0.0 {
                    // `as` saturates at i64's ends.
                    Ok(WholeNumber(value as i64))
                } else {
                    Err(E::invalid_type(serde::de::Unexpected::Float(value), &self))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Omits `None` on output, so serialized input parses back to the same value.
pub(crate) fn absent<T>(value: &Option<T>) -> bool {
    value.is_none()
}

/// Implements `Deserialize` for a struct whose derive was generated with
/// `#[serde(remote = "Self")]`, delegating to it for JSON objects only: serde's
/// derive also reads a positional array (`["name", {}]` was a scenario).
/// Exported: the service's request bodies are read the same way.
#[macro_export]
macro_rules! deserialize_objects_only {
    ($($ty:ty),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;
                impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $ty;
                    fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        formatter.write_str("an object")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<$ty, A::Error> {
                        <$ty>::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    )+};
}

/// [`deserialize_objects_only`], and `Serialize` delegating to the remote derive.
macro_rules! object_only {
    ($($ty:ty),+ $(,)?) => {$(
        $crate::deserialize_objects_only!($ty);
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                <$ty>::serialize(self, serializer)
            }
        }
    )+};
}

pub(crate) use object_only;
