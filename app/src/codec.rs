//! How resources travel from the server's page to the browser: JSON, decoded
//! by the same `serde_json` entry point the server functions' answers use
//! (`from_slice`). Leptos' default codec decodes with `from_str`, and each entry
//! point is a second copy of every result type's decoder in the wasm bundle.

use leptos::server::codee::{Decoder, Encoder};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// JSON in, JSON out, one decoder per type.
pub struct Json;

impl<T: Serialize> Encoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(value)
    }
}

impl<T: DeserializeOwned> Decoder<T> for Json {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, Self::Error> {
        serde_json::from_slice(encoded.as_bytes())
    }
}
