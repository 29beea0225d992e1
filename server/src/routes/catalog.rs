//! The instance catalog for people, rendered by the app (`app/src/catalog_page.rs`):
//! `GET /catalog`, the page (searched with a GET form, paged), and
//! `GET /catalog/options?q=…`, the `<option>`s an instance-type box asks for
//! as the user types.

use axum::extract::{RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use clusterplan_service::Service;
use clusterplan_service::catalog::CatalogQuery;
use leptos::config::LeptosOptions;

/// The page for the URL's query, with its status (422 for a bad filter value).
pub async fn page(
    State(options): State<LeptosOptions>,
    State(service): State<Service>,
    RawQuery(query): RawQuery,
) -> Response {
    let (status, html) = app::catalog_page(options, &service, query.as_deref().unwrap_or(""));
    super::plain::no_script(status, html)
}

/// Up to 20 `<option>`s for what was typed (`q`), an HTML fragment; empty for
/// nothing typed. Read like the page's query (an unknown parameter is a 400).
/// The catalog changes only with the build, so a browser may keep an answer
/// for an hour.
pub async fn options(State(service): State<Service>, RawQuery(query): RawQuery) -> Response {
    let typed = match CatalogQuery::from_form(query.as_deref().unwrap_or("")) {
        Ok(query) => query.q.unwrap_or_default(),
        Err(message) => return (StatusCode::BAD_REQUEST, message).into_response(),
    };
    match app::type_options(&service, &typed) {
        Ok(options) => (
            [(header::CACHE_CONTROL, "public, max-age=3600")],
            Html(options.0),
        )
            .into_response(),
        Err(error) => (StatusCode::UNPROCESSABLE_ENTITY, error.to_string()).into_response(),
    }
}
