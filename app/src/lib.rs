//! Clusterplan's Leptos app: the HTML shell, the router and the pages.
//!
//! Compiled twice: with `ssr` into the server (which renders every page) and with
//! `hydrate` into the wasm bundle that makes the rendered page interactive.

pub mod api;
mod boot;
pub use boot::hashed_name;
#[cfg(feature = "ssr")]
mod catalog_page;
pub mod codec;
pub mod components;
#[cfg(feature = "ssr")]
mod edit_cookie;
pub mod error;
pub mod form_values;
pub mod format;
pub mod pages;
#[cfg(feature = "ssr")]
mod plain_pages;
#[cfg(feature = "ssr")]
mod report;
#[cfg(feature = "ssr")]
mod security;
#[cfg(feature = "ssr")]
mod server;
pub mod types;

#[cfg(feature = "ssr")]
pub use catalog_page::{catalog_page, type_options};
#[cfg(feature = "ssr")]
pub use edit_cookie::carries_edit_state;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};
#[cfg(feature = "ssr")]
pub use plain_pages::import::{
    FILE_FIELD as IMPORT_FILE_FIELD, ImportOutcome, SIZING_FIELD as IMPORT_SIZING_FIELD,
    TEXT_FIELD as IMPORT_TEXT_FIELD, page as import_page,
};
#[cfg(feature = "ssr")]
pub use plain_pages::methodology::page as methodology_page;
#[cfg(feature = "ssr")]
pub use security::PRIVATE_HEADERS;
#[cfg(feature = "ssr")]
pub use server::{RENDERED_DEFAULT_PLANNER, RENDERED_REVISION};

/// The name the release build gives the site's JS, wasm and CSS files (`/pkg/clusterplan.*`;
/// Cargo.toml's `output-name`, used by `scripts/build-site.sh`).
pub const OUTPUT_NAME: &str = "clusterplan";

/// The HTML document around the app; rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
                <HashedStylesheet options=options.clone() id="leptos" />
                <boot::BundleScript options />
                <MetaTags />
                // An element only where scripting is off (elsewhere a `<noscript>`
                // holds text): the stylesheet's `:has()` reads it to drop what
                // needs JavaScript without leaving its room (`.copy-link`).
                <noscript><meta name="scripting" content="off" /></noscript>
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The stylesheet's `<link>` (its name hashed in release builds), for pages the
/// server writes without Leptos (the API reference).
#[cfg(feature = "ssr")]
pub fn stylesheet_link(options: LeptosOptions) -> String {
    view! { <HashedStylesheet options id="leptos" /> }.to_html()
}

/// The root component: title and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    security::set_content_security_policy();

    view! {
        <Title text="Clusterplan: EKS or self-hosted Kubernetes?" />
        <Router>
            <components::layout::Header />
            <main id="main">
                <Routes fallback=pages::not_found::NotFound>
                    // Async: the whole page is rendered before it is sent, so it is
                    // complete without JavaScript (streamed chunks need a script).
                    <Route path=path!("/") view=pages::planner::PlannerPage ssr=SsrMode::Async />
                    <Route path=path!("/s/:id") view=pages::shared::SharedPage ssr=SsrMode::Async />
                    <Route path=path!("/compare") view=pages::compare::ComparePage ssr=SsrMode::Async />
                </Routes>
            </main>
            <components::layout::Footer />
        </Router>
    }
}

/// Entry point of the wasm bundle: attaches the app to the server-rendered HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
