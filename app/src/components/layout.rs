//! The page frame: site header with navigation and the hydration status.

use leptos::prelude::*;

use super::hydration::HydrationStatus;

/// The site header shown on every page.
#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="/">"Clusterplan"</a>
            <nav aria-label="Main">
                <a href="/">"Planner"</a>
                <a href="/compare">"Compare"</a>
                <a href="/methodology">"Methodology"</a>
            </nav>
            <HydrationStatus />
        </header>
    }
}
