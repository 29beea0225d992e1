//! The page frame: site header with navigation and the hydration status.

use leptos::prelude::*;

use super::hydration::HydrationStatus;

/// The site header shown on every page. The methodology is a plain page
/// (`crate::plain_pages`), so its link leaves the router.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="/">"Clusterplan"</a>
            <nav aria-label="Main">
                <a href="/">"Planner"</a>
                <a href="/compare">"Compare"</a>
                <a href="/methodology" rel="external">"Methodology"</a>
            </nav>
            <HydrationStatus />
        </header>
    }
}

/// Links for people who script against the planner: the API reference and
/// its machine-readable document, and the methodology. `rel="external"`:
/// served by the API or as plain pages, not by the router.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site">
            <a href="/api/v1/docs" rel="external">"API reference"</a>
            <a href="/api/v1/openapi.json" rel="external">"OpenAPI document"</a>
            <a href="/methodology" rel="external">"How it is calculated"</a>
        </footer>
    }
}
