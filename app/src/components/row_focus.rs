//! After a fleet row's Remove, or a fleet begun or ended: what the boxes
//! show, and where the focus goes. Without JavaScript each is a page load,
//! which draws every box afresh and starts at the top, as any page does.
//!
//! The form is drawn again over the same elements, box by box in order: a box
//! now holds the next row's field (its `value` attribute the new one), but a
//! box typed in shows what was typed, not its attribute. So a Remove left the
//! removed row's text in the row that took its place, and the next submit
//! saved it. The form is reset once drawn: each box shows its attribute, which
//! the action's own submit, carrying every typed value, has just written.
//!
//! A Remove also takes its button away, and the focus would fall back to the
//! top of the page (a keyboard user tabbed back through everything). It goes
//! to the button that adds to the list the row left instead ("Add a pool to
//! Group 1", "Add a cluster group"), or, when the last group went and the
//! fleet with it, to the button that describes one again.

use leptos::ev::MouseEvent;

#[cfg(feature = "hydrate")]
thread_local! {
    /// Once the form is drawn again: whether to reset it, and the selector of
    /// the button to focus (empty: none).
    static NEXT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// `on:click` of the planner form (delegated): a Remove, or a fleet begun,
/// notes the reset, and a Remove the list's Add button.
pub fn remember_row_action(event: MouseEvent) {
    #[cfg(feature = "hydrate")]
    {
        use clusterplan_model::{ADD_ROW, REMOVE_ROW, TO_FLEET};
        use leptos::wasm_bindgen::JsCast;

        let Some(button) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // An Add appends its row and shifts no box: only these two need the reset.
        let name = button.get_attribute("name");
        if !matches!(name.as_deref(), Some(REMOVE_ROW | TO_FLEET)) {
            return;
        }
        // A Remove's `fleet[0].pools[1]` leaves `fleet[0].pools`, `fleet[2]`
        // leaves `fleet`: whichever is drawn, the first of the two in the page.
        let row = button.get_attribute("value").unwrap_or_default();
        let selector = row
            .rsplit_once('[')
            .map(|(list, _)| {
                format!("button[name=\"{ADD_ROW}\"][value=\"{list}\"], button[name=\"{TO_FLEET}\"]")
            })
            .unwrap_or_default();
        NEXT.with(|next| next.replace(Some(selector)));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = event;
}

/// After the planner form is drawn (an effect of it: drawn again whenever the
/// fleet's rows change, the fleet gone included): after a row action, resets
/// the form and focuses the button a Remove noted, if any.
pub fn after_row_action() {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;

        let Some(selector) = NEXT.with(|next| next.take()) else {
            return;
        };
        let document = leptos::prelude::document();
        if let Some(form) = document
            .query_selector(".planner-form")
            .ok()
            .flatten()
            .and_then(|div| div.closest("form").ok().flatten())
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok())
        {
            form.reset();
        }
        let button = document
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(button) = button {
            let _ = button.focus();
        }
    }
}
