//! Live results: a planner form resubmits itself shortly after the user stops
//! typing. Submitting goes through the router's `<Form>`, which navigates to the
//! new query without a page load; without JavaScript nothing here runs and the
//! form's own submit button does the same with a page load. The same pause
//! fills an instance-type box's suggestions (`crate::components::type_input`).

use leptos::ev::Event;

/// How long typing must pause before the results follow.
#[cfg(feature = "hydrate")]
const IDLE: std::time::Duration = std::time::Duration::from_millis(300);

#[cfg(feature = "hydrate")]
thread_local! {
    /// The idle timer running, if any: the form has input the results lack.
    static PENDING: std::cell::Cell<Option<leptos::prelude::TimeoutHandle>> =
        const { std::cell::Cell::new(None) };
}

/// `on:input` handler: (re)starts the idle timer that submits the event's form.
pub fn submit_when_idle(event: Event) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::set_timeout_with_handle;
        use leptos::wasm_bindgen::JsCast;

        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(form) = target
            .closest("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        // An instance-type box also asks for the types it may mean, on the same timer.
        let type_box = target
            .dyn_into::<web_sys::HtmlInputElement>()
            .ok()
            .filter(|input| {
                clusterplan_model::field_spec_at(&input.name())
                    .is_some_and(|s| s.is_instance_type())
            });
        if let Some(input) = &type_box {
            show_machine_fields(input);
        }
        if let Some(handle) = PENDING.take() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                // requestSubmit (unlike submit) fires the submit event the router handles.
                let _ = form.request_submit();
                if let Some(input) = type_box {
                    crate::components::type_input::offer_types(input);
                }
            },
            IDLE,
        );
        PENDING.set(handle.ok());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = event;
}

/// Shows a fleet pool's machine fields (`.pool-custom`, disabled while hidden,
/// so not sent) while its instance type box says `custom`.
#[cfg(feature = "hydrate")]
fn show_machine_fields(input: &web_sys::HtmlInputElement) {
    let fields = input
        .closest(".fleet-pool")
        .ok()
        .flatten()
        .and_then(|pool| pool.query_selector(".pool-custom").ok().flatten());
    if let Some(fields) = fields {
        let other = input.value().trim() != "custom";
        let _ = fields.toggle_attribute_with_force("hidden", other);
        let _ = fields.toggle_attribute_with_force("disabled", other);
    }
}

/// `on:click` handler of a save button: the save stores what the planner form
/// shows now. Its `query` field follows the results, which follow the typing
/// 300 ms late, so a save clicked sooner stored the value before the last
/// keystroke. The field is set from the planner form itself, and the pending
/// resubmit is sent at once, so the results show what was saved. A second
/// submitting click within half a second is dropped: a double click saved two
/// scenarios.
pub fn save_what_is_shown(event: leptos::ev::MouseEvent) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;

        thread_local! {
            static LAST_CLICK: std::cell::Cell<f64> = const { std::cell::Cell::new(-1e9) };
        }
        // Only a click that submits counts (a required name left empty does not).
        let form = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|button| button.closest("form").ok().flatten())
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
        let Some(form) = form.filter(|form| form.check_validity()) else {
            return;
        };
        let now = event.time_stamp();
        if now - LAST_CLICK.replace(now) < 500.0 {
            event.prevent_default();
            return;
        }

        let planner = leptos::prelude::document()
            .query_selector(".planner-form")
            .ok()
            .flatten()
            .and_then(|part| part.closest("form").ok().flatten())
            .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok());
        let query_field = form
            .query_selector("input[name=query]")
            .ok()
            .flatten()
            .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok());
        let (Some(planner), Some(query_field)) = (planner, query_field) else {
            return;
        };
        let query = web_sys::FormData::new_with_form(&planner)
            .and_then(|data| web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data));
        if let Ok(query) = query {
            query_field.set_value(&String::from(query.to_string()));
        }
        if let Some(handle) = PENDING.take() {
            handle.clear();
            let _ = planner.request_submit();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = event;
}
