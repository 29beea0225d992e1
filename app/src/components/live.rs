//! Live results: a planner form resubmits itself shortly after the user stops
//! typing. Submitting goes through the router's `<Form>`, which navigates to the
//! new query without a page load; without JavaScript nothing here runs and the
//! form's own submit button does the same with a page load. The same pause
//! fills an instance-type box's suggestions (`crate::components::type_input`).

use leptos::ev::Event;

/// How long typing must pause before the results follow.
#[cfg(feature = "hydrate")]
const IDLE: std::time::Duration = std::time::Duration::from_millis(300);

/// `on:input` handler: (re)starts the idle timer that submits the event's form.
pub fn submit_when_idle(event: Event) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::prelude::set_timeout_with_handle;
        use leptos::wasm_bindgen::JsCast;
        use std::cell::Cell;

        thread_local! {
            static PENDING: Cell<Option<leptos::prelude::TimeoutHandle>> = const { Cell::new(None) };
        }
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
