//! What answers a path no route takes: a file of the site's root (the favicon)
//! when there is one, else the 404 page. A file asked for with a method other
//! than GET or HEAD is a 405.

use std::future::Future;
use std::pin::Pin;

use app::shell;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;

/// A path no page of the app's router matches: the 404 page is rendered there.
const NOT_FOUND_PATH: &str = "/.not-found";

/// Leptos's file-or-404 handler, with the page rendered at [`NOT_FOUND_PATH`]
/// whatever the request's path. Rendered at the request's own path, the app's
/// router matched pages the server's did not take (`/s/{id}/`, `/x/%2e%2e/`,
/// paths it normalises) and drew them whole under a 404: outside the render
/// slots that bound rendering and outside the page cache that removes the
/// pages' internal headers. The file lookup still reads the request's path.
pub(super) fn handler(
    context: impl Fn() + Clone + Send + 'static,
) -> impl Fn(Uri, State<AppState>, Request) -> Pin<Box<dyn Future<Output = Response> + Send>>
+ Clone
+ Send
+ 'static {
    let file_or_page =
        leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell);
    move |uri: Uri, state, mut request: Request| {
        let reads = matches!(*request.method(), Method::GET | Method::HEAD);
        *request.uri_mut() = Uri::from_static(NOT_FOUND_PATH);
        let lookup = match names_a_site_root_file(uri.path()) {
            true => uri,
            false => Uri::from_static(NOT_FOUND_PATH),
        };
        let answer = file_or_page(lookup, state, request);
        Box::pin(async move {
            let response = answer.await;
            // Leptos looks the file up with a GET whatever the request's method:
            // a POST or DELETE to `/hash.txt` got the file.
            match reads || response.status() != StatusCode::OK {
                true => response,
                false => (
                    StatusCode::METHOD_NOT_ALLOWED,
                    [(header::ALLOW, "GET, HEAD")],
                )
                    .into_response(),
            }
        })
    }
}

/// Whether `path` names a file of the site root itself (`/favicon.svg`): one
/// segment, no escapes, not hidden. The file lookup normalises what it is
/// given: `//pkg/x`, `/./pkg/x` and `/%2e/pkg/x` read `pkg/x` (the bundle,
/// served here without the caching headers `/pkg` gives it), and `/hash.txt/`
/// or `/hash.txt%2f` read the file at a directory's name.
fn names_a_site_root_file(path: &str) -> bool {
    path.strip_prefix('/').is_some_and(|name| {
        !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '%', '\\'])
    })
}
