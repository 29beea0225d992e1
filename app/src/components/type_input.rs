//! Instance-type fields (the workers', the self-hosted control plane's, each
//! pool's): a text box that takes any of the catalog's 1,345 types, with a
//! `<datalist>` of its own and a link to the `/catalog` page.
//!
//! Without JavaScript the datalist offers the eleven classic types (and
//! `custom` where the field takes it), the link browses the rest, and a typo
//! comes back with the nearest names beside the box. Once hydrated, typing is
//! type-ahead: when the form's idle timer fires (`crate::components::live`),
//! [`offer_types`] asks the server for the types whose names contain what was
//! typed and puts them in the box's datalist. The list is never in the page or
//! the bundle: the 1,345 names are 4 KB gzip per box, and the planner's first
//! visit had 0.7 KB to spare (docs/DECISIONS.md, "Catalog").

use clusterplan_model::{Catalog, FieldSpec};
use leptos::prelude::*;

/// The link to the catalog page shown under every instance-type box. A full
/// page load (`rel="external"`): the page is the server's, not the router's.
const BROWSE: &str = "/catalog";
/// Where the type-ahead asks for `<option>`s (`?q=` what was typed).
#[cfg(feature = "hydrate")]
const OPTIONS: &str = "/catalog/options";

/// The box, its datalist and the browse link. `invalid` is the field's
/// `aria-invalid`; `placeholder` shows the default of an empty box.
pub fn type_input(
    spec: &'static FieldSpec,
    name: String,
    id: &str,
    value: String,
    placeholder: Option<String>,
    described_by: String,
    invalid: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
) -> AnyView {
    let list = format!("{id}-types");
    view! {
        <input id=id.to_owned() name=name value=value list=list.clone() placeholder=placeholder
            autocomplete="off" autocapitalize="none" spellcheck="false"
            aria-describedby=described_by aria-invalid=invalid />
        // Markup, not a view per option: less code in the bundle.
        <datalist id=list inner_html=offered(spec.accepts_custom())></datalist>
        <a href=BROWSE rel="external">"Browse all "{Catalog::BUILT_IN_TYPES_TEXT}" types"</a>
    }
    .into_any()
}

/// The classic types (and `custom`) as `<option>`s. Catalog names are letters,
/// digits, dots and dashes: nothing to escape.
fn offered(custom: bool) -> String {
    let mut options = String::new();
    let classic = Catalog::classic_types().iter().map(|t| t.name.as_str());
    for name in classic.chain(custom.then_some("custom")) {
        options.push_str("<option value=\"");
        options.push_str(name);
        options.push_str("\"></option>");
    }
    options
}

/// Fills `input`'s datalist with the catalog types whose names contain its
/// value (at least two characters; the server sends up to 20, each with its
/// size and price, as `<option>`s). An answer that comes after the box has
/// changed again is dropped, and one with no types leaves the list as it was
/// (so `custom` is still offered while typing it). A plain `fetch` of HTML, not
/// a server function: no encoder or decoder in the bundle.
#[cfg(feature = "hydrate")]
pub fn offer_types(input: web_sys::HtmlInputElement) {
    use leptos::wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let typed = input.value();
    let (Some(window), Ok(query)) = (web_sys::window(), web_sys::UrlSearchParams::new()) else {
        return;
    };
    if typed.trim().len() < 2 {
        return;
    }
    query.append("q", &typed);
    let url = format!("{OPTIONS}?{}", String::from(query.to_string()));
    leptos::task::spawn_local(async move {
        let Ok(response) = JsFuture::from(window.fetch_with_str(&url)).await else {
            return;
        };
        let response: web_sys::Response = response.unchecked_into();
        let Ok(text) = response.text() else {
            return;
        };
        let options = JsFuture::from(text).await.ok().and_then(|t| t.as_string());
        if let Some(options) = options.filter(|o| response.ok() && !o.is_empty())
            && input.value() == typed
            && let Some(list) = input.list()
        {
            list.set_inner_html(&options);
        }
    });
}
