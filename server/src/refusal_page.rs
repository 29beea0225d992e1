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
    // The error's own message, escaped all the same: a refusal may one day
    // name what the request sent.
    let detail = error
        .to_string()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
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

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_gets_a_page_that_escapes_the_message_and_a_script_a_problem() {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_static("text/html"));
        let error = || ApiError::NotFound("<script>".into());
        let page = refuse(&headers, "Gone", error());
        assert_eq!(page.status(), 404);
        assert_eq!(page.headers()[header::VARY], "accept");
        let problem = refuse(&HeaderMap::new(), "Gone", error());
        assert_eq!(
            problem.headers()[header::CONTENT_TYPE],
            "application/problem+json"
        );
        let body =
            futures_util::FutureExt::now_or_never(axum::body::to_bytes(page.into_body(), 4096));
        let body = String::from_utf8(body.expect("ready").expect("read").to_vec()).expect("utf-8");
        assert!(
            body.contains("&lt;script&gt; not found") && !body.contains("<script>"),
            "{body}"
        );
    }
}
