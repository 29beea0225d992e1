//! How resources travel from the server's page to the browser: JSON, decoded
//! by the same `serde_json` entry point the server functions' answers use
//! (`from_slice`). Leptos' default codec decodes with `from_str`, and each entry
//! point is a second copy of every result type's decoder in the wasm bundle.
//! And how a server function reads a whole posted form ([`WholeForm`]).

use leptos::server::codee::{Decoder, Encoder};
use leptos::server_fn::ContentType;
use leptos::server_fn::codec::{Encoding, FromReq, IntoReq};
use leptos::server_fn::error::FromServerFnError;
use leptos::server_fn::request::{ClientReq, Req};
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

/// A server function's argument that is a whole HTML form as it was posted
/// (`application/x-www-form-urlencoded`), taken as its text: the planner's
/// save without JavaScript posts the planner form, whose control names
/// (`fleet[0].pools[1].type`) the URL codec would read as nested arguments.
pub struct WholeForm;

impl ContentType for WholeForm {
    const CONTENT_TYPE: &'static str = "application/x-www-form-urlencoded";
}

impl Encoding for WholeForm {
    const METHOD: http::Method = http::Method::POST;
}

impl<E: FromServerFnError, R: Req<E> + Send + 'static> FromReq<WholeForm, R, E>
    for crate::api::SavePlan
{
    async fn from_req(req: R) -> Result<Self, E> {
        Ok(Self {
            form: req.try_into_string().await?,
        })
    }
}

impl<E, R: ClientReq<E>> IntoReq<WholeForm, R, E> for crate::api::SavePlan {
    fn into_req(self, path: &str, accepts: &str) -> Result<R, E> {
        R::try_new_post(path, WholeForm::CONTENT_TYPE, accepts, self.form)
    }
}
