//! Shared pages rendered once per revision. `GET /s/{id}` is what managers open,
//! usually many times and never with an edit key; each revision is immutable,
//! so its page is rendered once, kept (with a gzip copy) in a bounded in-memory
//! cache keyed by (scenario, revision, model version), and served from there
//! after one indexed lookup of the latest revision number.
//!
//! Only pages that are the same for everyone and show the scenario are kept: no
//! query string, no edit-key or show-once cookie in the request (the owner's page
//! has an edit link and may show the key), no cookie set by the answer, status
//! 200, and the page says it rendered this very revision ([`app::RENDERED_REVISION`];
//! a 200 page that says the server is busy does not). A kept page reflects
//! nothing from the request, and each answer carries a script nonce of its own
//! ([`template`]).
//!
//! The default planner (`GET /`, no query) is kept too, once per process
//! ([`planner`]).

mod planner;
mod template;

use std::sync::Arc;

use template::Template;

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use clusterplan_model::MODEL_VERSION;
use clusterplan_service::Service;
use quick_cache::Weighter;
use quick_cache::sync::Cache;

/// How many bytes of pages (plain and gzip) the cache holds at most: at ~75 KB
/// a page, about 100 shared pages. The deploy manifests' memory limit covers it
/// full (`scripts/load.sh` fills every cache).
const PAGE_CACHE_BYTES: u64 = 8 * 1024 * 1024;
/// Largest page kept; a larger one is served but not kept.
const MAX_PAGE_BYTES: usize = 1024 * 1024;

/// What a kept page depends on besides the app build (one per process).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PageKey {
    id: String,
    revision: i64,
    model_version: &'static str,
}

#[derive(Clone, Copy, Debug)]
struct PageBytes;

impl Weighter<PageKey, Arc<Template>> for PageBytes {
    fn weight(&self, _key: &PageKey, page: &Arc<Template>) -> u64 {
        page.weight().max(1) as u64
    }
}

/// The cache and the service it asks for revision numbers. Cheap to clone.
#[derive(Clone)]
pub struct PageCache {
    pages: Arc<Cache<PageKey, Arc<Template>, PageBytes>>,
    planner: planner::Slot,
    service: Service,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageCache")
            .field("pages", &self.pages.len())
            .field("bytes", &self.pages.weight())
            .finish()
    }
}

impl PageCache {
    /// An empty cache over `service`'s scenarios.
    pub fn new(service: Service) -> Self {
        Self::with_capacity(service, PAGE_CACHE_BYTES)
    }

    fn with_capacity(service: Service, bytes: u64) -> Self {
        let estimated_items = usize::try_from(bytes / 100_000).unwrap_or(16).max(16);
        Self {
            pages: Arc::new(Cache::with_weighter(estimated_items, bytes, PageBytes)),
            planner: planner::Slot::default(),
            service,
        }
    }
}

/// Middleware for the rendering routes: answers a shared page or the default
/// planner from the cache, or renders it and keeps it when it is the same for
/// everyone.
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    if planner::is_default_planner(&request) {
        return planner::serve(&cache.planner, request, next).await;
    }
    let Some(id) = shared_page_id(&request) else {
        return unmarked(next.run(request).await);
    };
    // Unknown ids and database trouble: the page itself answers those.
    let Ok(revision) = cache.service.revision_number(&id, None).await else {
        return unmarked(next.run(request).await);
    };
    let key = PageKey {
        id,
        revision,
        model_version: MODEL_VERSION,
    };
    let gzip = crate::accept_encoding::accepts_gzip(request.headers());
    if let Some(page) = cache.pages.get(&key) {
        return page.answer(&clusterplan_service::secrets::new_id(), gzip);
    }
    let mut response = next.run(request).await;
    let rendered = response.headers_mut().remove(app::RENDERED_REVISION);
    let shows_revision = rendered.is_some_and(|r| r.to_str().ok() == Some(&revision.to_string()));
    if !shows_revision || !same_for_everyone(&response) {
        return response;
    }
    let Some(page) = buffered(response).await else {
        return too_large();
    };
    let page = Arc::new(page);
    cache.pages.insert(key, Arc::clone(&page));
    page.answer(&clusterplan_service::secrets::new_id(), gzip)
}

/// The page of `response`, read whole, or `None` past [`MAX_PAGE_BYTES`] (or
/// when the render failed half-way).
async fn buffered(response: Response) -> Option<Template> {
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(plain) => Some(Template::new(parts.headers, &plain)),
        Err(error) => {
            tracing::error!(%error, "a page to keep could not be buffered");
            None
        }
    }
}

/// The answer when [`buffered`] failed: the page is gone, say so plainly.
fn too_large() -> Response {
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// `response` without the rendered-page markers, which are for this cache only.
fn unmarked(mut response: Response) -> Response {
    response.headers_mut().remove(app::RENDERED_REVISION);
    response.headers_mut().remove(app::RENDERED_DEFAULT_PLANNER);
    response
}

/// The id of a request for a shared page that may come from the cache.
fn shared_page_id(request: &Request) -> Option<String> {
    let id = request.uri().path().strip_prefix("/s/")?;
    let cacheable = request.method() == Method::GET
        && request.uri().query().is_none()
        && clusterplan_service::secrets::looks_like_id(id)
        && !app::carries_edit_state(request.headers());
    cacheable.then(|| id.to_owned())
}

/// Whether `response` may be shown to anyone who asks for the same revision.
fn same_for_everyone(response: &Response) -> bool {
    let headers = response.headers();
    response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && !headers.contains_key(header::CONTENT_ENCODING)
        && headers
            .get(header::CONTENT_TYPE)
            .is_some_and(|t| t.as_bytes().starts_with(b"text/html"))
}

#[cfg(test)]
mod tests;
