//! Where the focus goes after a fleet row's Remove: the form is drawn again
//! without the row, its button with it, and the focus would fall back to the
//! top of the page (a keyboard user tabbed back through everything). It goes
//! to the button that adds to the list the row left instead ("Add a pool to
//! Group 1", "Add a cluster group"), or, when the last group went and the
//! fleet with it, to the button that describes one again. Without JavaScript
//! the Remove is a page load, which starts at the top as any page does.

use leptos::ev::MouseEvent;

#[cfg(feature = "hydrate")]
thread_local! {
    /// The selector of the button to focus once the form is drawn again.
    static NEXT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// `on:click` of the fleet (delegated): a Remove notes the list's Add button.
pub fn remember_after_remove(event: MouseEvent) {
    #[cfg(feature = "hydrate")]
    {
        use clusterplan_model::{ADD_ROW, REMOVE_ROW, TO_FLEET};
        use leptos::wasm_bindgen::JsCast;

        let Some(button) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|b| b.get_attribute("name").as_deref() == Some(REMOVE_ROW))
        else {
            return;
        };
        // `fleet[0].pools[1]` leaves `fleet[0].pools`, `fleet[2]` leaves `fleet`.
        let row = button.get_attribute("value").unwrap_or_default();
        if let Some((list, _)) = row.rsplit_once('[') {
            // Whichever is drawn: the first of the two in the page.
            let selector = format!(
                "button[name=\"{ADD_ROW}\"][value=\"{list}\"], button[name=\"{TO_FLEET}\"]"
            );
            NEXT.with(|next| next.replace(Some(selector)));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = event;
}

/// After the planner form is drawn (an effect of it: drawn again whenever the
/// fleet's rows change, the fleet gone included): focuses the button a Remove
/// noted, if any.
pub fn focus_after_remove() {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;

        let Some(selector) = NEXT.with(|next| next.take()) else {
            return;
        };
        let button = leptos::prelude::document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    }
}
