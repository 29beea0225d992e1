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

/// [`Json`] for a page's own data, less the server-rendered markup the page
/// already shows ([`ShownInPage`]). The planner's report (25 KB) travelled
/// twice, as HTML and again JSON-escaped in the hydration data, and the phone
/// parsed both; hydration never reads it (an `inner_html` written by the
/// server stays as it is), and a later answer comes from a server function,
/// whole.
pub struct JsonBesidePage;

/// Data whose markup a page shows as rendered: a copy without it.
pub trait ShownInPage {
    /// The same value with its shown markup left empty.
    fn without_shown_markup(&self) -> Self;
}

impl<T: ShownInPage, E: Clone> ShownInPage for Result<T, E> {
    fn without_shown_markup(&self) -> Self {
        self.as_ref().map(T::without_shown_markup).map_err(E::clone)
    }
}

impl<T: Serialize + ShownInPage> Encoder<T> for JsonBesidePage {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(value: &T) -> Result<String, Self::Error> {
        serde_json::to_string(&value.without_shown_markup())
    }
}

impl<T: DeserializeOwned> Decoder<T> for JsonBesidePage {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(encoded: &str) -> Result<T, Self::Error> {
        <Json as Decoder<T>>::decode(encoded)
    }
}
