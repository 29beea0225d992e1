//! Where a page load opens after a row or range button without JavaScript.
//!
//! Each such button submits the whole GET form, and the new page opened at its
//! top, thousands of pixels above the row just added or removed (an outside
//! review). The button's `formaction` now carries a fragment naming a box: the
//! new row's name, or the row before a removed one. ("Unsure? Give … a range"
//! needs none: its new low box is `autofocus`, which scrolls it into view.)
//!
//! Added on the server only, like the planner form's `id` (`pages::planner`):
//! with JavaScript these buttons never load a page (the router reads the form's
//! own `action`, and a Remove's focus is `row_focus`'s), and a hydrated
//! attribute would cost bundle bytes.

use leptos::tachys::view::RenderHtml;
use leptos::tachys::view::add_attr::AddAnyAttr;

use super::field_id;

/// `button`, opening the next page at the box of field `path`.
pub fn at<V: AddAnyAttr>(button: V, path: &str) -> impl RenderHtml + use<V> {
    button.add_any_attr(leptos::attr::formaction(format!("/#{}", field_id(path))))
}
