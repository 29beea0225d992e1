//! A visible marker of whether the page has hydrated.
//!
//! The server renders "static"; an effect (which only runs in the browser) flips
//! it to "interactive". Tests and curious users can see which one they have.

use leptos::prelude::*;

/// Shows "static" until the wasm bundle has hydrated the page, then "interactive".
#[component]
pub fn HydrationStatus() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    // After the fields hydrated a few at a time (`deferred`), not before.
    Effect::new(move |_| super::deferred::when_settled(move || hydrated.set(true)));

    view! {
        <span
            class="hydration-status"
            data-testid="hydration-status"
            data-hydrated=move || if hydrated.get() { "true" } else { "false" }
            title="Whether the page's scripts are running"
        >
            {move || if hydrated.get() { "interactive" } else { "static" }}
        </span>
    }
}
