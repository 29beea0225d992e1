//! The planner as most visitors first see it: `GET /` with no query renders the
//! default scenario's form and results, the same bytes for everyone, so it is
//! rendered once per process and kept (the app build, the model and the catalog
//! it shows do not change while the process runs).
//!
//! Kept only when nothing in the request or the answer can make it anyone's
//! own: no query, no edit-key or show-once cookie, status 200 HTML without a
//! cookie set, and the page says it rendered the default plan's results
//! ([`app::RENDERED_DEFAULT_PLANNER`]; a page that could not calculate does
//! not). Each answer carries a nonce of its own ([`super::template`]).

use std::sync::{Arc, OnceLock};

use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use super::template::Template;

/// The default planner page, once rendered.
pub(super) type Slot = Arc<OnceLock<Template>>;

/// Whether `request` asks for the default planner, with nothing of its own.
pub(super) fn is_default_planner(request: &Request) -> bool {
    request.method() == Method::GET
        && request.uri().path() == "/"
        && request.uri().query().is_none()
        && !app::carries_edit_state(request.headers())
}

/// Answers the default planner from `slot`, or renders it and keeps it there.
pub(super) async fn serve(slot: &Slot, request: Request, next: Next) -> Response {
    let gzip = crate::accept_encoding::accepts_gzip(request.headers());
    if let Some(page) = slot.get() {
        return page.answer(&clusterplan_service::secrets::new_id(), gzip);
    }
    let mut response = next.run(request).await;
    let marked = response
        .headers_mut()
        .remove(app::RENDERED_DEFAULT_PLANNER)
        .is_some();
    if !marked || !super::same_for_everyone(&response) {
        return super::unmarked(response);
    }
    let Some(page) = super::buffered(response).await else {
        return super::too_large();
    };
    // Two first visits at once may both render; the first one stored is kept.
    let page = slot.get_or_init(|| page);
    page.answer(&clusterplan_service::secrets::new_id(), gzip)
}
