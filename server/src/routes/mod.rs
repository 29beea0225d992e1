//! The router: health probes, the Leptos pages and server functions, the plain
//! pages (catalog, methodology, import), static files.

pub(crate) mod assets;
mod catalog;
mod charts;
mod health;
mod import;
mod not_found;
mod plain;

use app::{App, shell};
use axum::extract::DefaultBodyLimit;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use axum::{Router, routing::get};
use leptos::prelude::provide_context;
use std::sync::LazyLock;

use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};

use crate::AppState;

/// The app's page routes, collected once per process. Leptos collects them by
/// rendering the app with resource loading switched off, and that switch is one
/// flag for the whole process (`SuppressResourceLoad`): collecting them again in
/// a second `build()` (tests, replicas in one process) made any page whose
/// resource was created meanwhile wait forever. Nothing renders before the
/// first `router()` call has collected them. Test: `tests/api/route_list.rs`.
static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

/// Builds the complete router over `state`.
pub fn router(state: AppState) -> Router {
    let routes = ROUTES.clone();
    // Server functions reach the service through this context: the same
    // `Service` (and pool) the API handlers get from `State`.
    let context = {
        let service = state.service.clone();
        move || provide_context(service.clone())
    };
    let options = state.leptos_options.clone();
    let limiter = state.write_limiter.clone();
    let trusted = state.trusted_origins.clone();
    let render_slots = state.render_slots.clone();
    let page_cache = state.page_cache.clone();
    let request_timeout = state.request_timeout;

    // Every route that renders (pages, server functions, charts) sheds load;
    // probes, the JSON API, static files and the import page (in turn with
    // the other imports, `crate::import_turns`) do not wait for a rendering slot.
    let rendering = Router::new()
        .route("/s/{id}/charts/{file}", get(charts::chart))
        .route("/catalog", get(catalog::page))
        .route("/methodology", get(plain::methodology))
        .route("/catalog/options", get(catalog::options))
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .route_layer(axum::middleware::from_fn_with_state(
            render_slots,
            crate::shed::shed_load,
        ))
        // Outside the render slots: a kept shared page is no render.
        .route_layer(axum::middleware::from_fn_with_state(
            page_cache,
            crate::page_cache::serve,
        ))
        .route_layer(axum::middleware::from_fn(private_server_fns));
    let router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .nest("/api/v1", crate::api::router())
        // The nest takes `/api/v1` and what lies below it, not `/api/v1/`
        // itself, which would otherwise fall through to the pages' 404.
        .route("/api/v1/", axum::routing::any(crate::api::not_found))
        // kubectl's JSON of a large cluster, as the API's import takes it. No
        // rendering slot: the page is written whole before it is sent, so a
        // client slow to read it holds nothing.
        .route(
            crate::limits::IMPORT_PAGE_PATH,
            get(import::form)
                .post(import::upload)
                .layer(DefaultBodyLimit::max(crate::limits::IMPORT_MAX_BODY_BYTES)),
        )
        .nest_service(
            "/pkg",
            assets::router(
                std::path::Path::new(state.leptos_options.site_root.as_ref()),
                state.leptos_options.hash_files,
            ),
        )
        .merge(rendering)
        .fallback(not_found::handler(context))
        .with_state(state)
        // Inside the middleware stack, so refused writes are logged and tagged too.
        .layer(axum::middleware::from_fn_with_state(
            limiter,
            crate::ratelimit::limit_writes,
        ))
        // Outside the write limit: a refused cross-site write costs the user nothing.
        .layer(axum::middleware::from_fn_with_state(
            trusted,
            crate::cross_site::refuse_cross_site,
        ));
    crate::middleware::apply_with_timeout(router, request_timeout)
}

/// Server functions (`/api/{name}`; the JSON API's `/api/v1` is not in the
/// rendering router) answer with scenarios, share links and edit keys: private
/// and unindexed, as the API's answers. The pages set their own (`app`'s
/// `keep_private`). They read no content coding: a compressed body is a 415
/// saying so, not Leptos's "invalid utf-8 sequence".
async fn private_server_fns(request: Request, next: Next) -> Response {
    let server_fn = request.uri().path().starts_with("/api/");
    if server_fn
        && let Err(refused) = crate::api::extract::refuse_coding(request.headers(), &[], "identity")
    {
        return crate::api::keep_private(axum::response::IntoResponse::into_response(refused))
            .await;
    }
    let response = next.run(request).await;
    match server_fn {
        true => crate::api::keep_private(response).await,
        false => response,
    }
}
