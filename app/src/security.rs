//! Response headers that only the page renderer can set: the Content-Security-
//! Policy with this response's script nonce, and "keep out of indexes and shared
//! caches" on pages whose URL is a share secret.

use http::{HeaderName, HeaderValue, header};
use leptos::prelude::*;

/// Allows our own files, scripts that carry this response's nonce (Leptos puts it
/// on the hydration and resource scripts), compiling the wasm bundle, and nothing
/// else: no inline handlers, no third-party origins, no framing.
pub fn set_content_security_policy() {
    let (Some(response), Some(nonce)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        leptos::nonce::use_nonce(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// What keeps an answer at a share secret out of search indexes and shared
/// caches: the pages' ([`keep_private`]), the server functions' and the JSON
/// API's (the server's router sets them there).
pub const PRIVATE_HEADERS: [(HeaderName, HeaderValue); 2] = [
    (
        HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex, nofollow"),
    ),
    (
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    ),
];

/// For pages at a share link: not indexed, not stored by shared caches.
pub fn keep_private() {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        for (name, value) in PRIVATE_HEADERS {
            response.insert_header(name, value);
        }
    }
}
