//! Pages the server writes whole, without the router or a script: none of their
//! code or text is in the wasm bundle, and the links to them are
//! `rel="external"` (a full page load). The methodology and the import are
//! two; the catalog page (`crate::catalog_page`) is written the same way.

pub mod import;
pub mod methodology;

use leptos::prelude::*;

use crate::components::layout::{Footer, Header};

/// The document around `main`, with the site's header, footer and stylesheet;
/// `title` is our own text (written into the markup as is).
pub fn document(options: LeptosOptions, title: &'static str, main: impl IntoView) -> String {
    // The header's signals belong to an owner dropped with the render.
    // Nothing hydrates these pages: written without Leptos' markers.
    let body = Owner::new().with(|| {
        crate::types::Html::rendered(view! {
            <Header />
            <main id="main">{main}</main>
            <Footer />
        })
        .0
    });
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Clusterplan</title>\
         <link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">{}</head><body>{body}</body></html>",
        crate::stylesheet_link(options)
    )
}
