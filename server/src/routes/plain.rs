//! The pages the app writes whole, without the router or a script
//! (`app::plain_pages`): the methodology here, the catalog in [`super::catalog`].

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use leptos::config::LeptosOptions;

/// `GET /methodology`: written once per process, from the build's own tables.
pub async fn methodology(State(options): State<LeptosOptions>) -> Response {
    no_script(StatusCode::OK, app::methodology_page(options).to_owned())
}

/// A plain page's answer: it has no script, so its policy allows none.
pub fn no_script(status: StatusCode, html: String) -> Response {
    let mut response = (status, Html(html)).into_response();
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
             base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    response
}
