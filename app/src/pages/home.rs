//! The home page: what Clusterplan answers, and how to read the answer.

use leptos::prelude::*;

/// The landing page at `/`.
#[component]
pub fn HomePage() -> impl IntoView {
    let expanded = RwSignal::new(false);

    view! {
        <section class="intro">
            <h1>"EKS or self-hosted Kubernetes?"</h1>
            <p class="lede">
                "Clusterplan weighs control-plane fees, worker capacity, engineering hours, "
                "upgrade campaigns and on-call load, and tells you which way is cheaper "
                "and whether your team can carry it."
            </p>
            <button
                type="button"
                class="disclosure"
                aria-expanded=move || expanded.get().to_string()
                aria-controls="what-it-weighs"
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {move || if expanded.get() { "Hide what it weighs" } else { "Show what it weighs" }}
            </button>
            <ul id="what-it-weighs" hidden=move || !expanded.get()>
                <li>"EKS control-plane fees, including extended support a slow upgrade cadence triggers"</li>
                <li>"Worker nodes sized from your pods' requests, headroom and pod-density limits"</li>
                <li>"Engineering hours for upgrades, routine care and incidents, against your team's toil cap"</li>
                <li>"On-call load per person and incidents per shift"</li>
            </ul>
        </section>
    }
}
