//! A refusal given before any page is drawn (the server busy, too many
//! writes), as the one who asked can read it: a short page for a browser (a
//! page's plain form post or a page load), the API's problem document else.

use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};

use crate::api::ApiError;

/// `error` as a short page titled `heading` when the request (its `headers`)
/// accepts HTML, with the status and `Retry-After` the problem would carry.
pub fn refuse(headers: &HeaderMap, heading: &str, error: ApiError) -> Response {
    // Media types are case-insensitive; a browser's Accept names text/html.
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|accept| accept.to_str().ok())
        .is_some_and(|accept| accept.to_ascii_lowercase().contains("text/html"));
    let mut response = match wants_html {
        true => page(heading, error),
        false => error.into_response(),
    };
    // The answer depends on Accept: caches must key on it.
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept"));
    response
}

/// The short page: the error's status and headers, its message as the text.
fn page(heading: &str, error: ApiError) -> Response {
    // The text is ours (the error's own message), never the request's.
    let detail = error.to_string();
    let (mut parts, _) = error.into_response().into_parts();
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    let page = Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{heading} · Clusterplan</title><h1>{heading}</h1>\
         <p>{}.</p><p><a href=\"/\">Open the planner</a></p></html>",
        capitalised(&detail)
    ));
    (parts, page).into_response()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
