//! Hydrating the planner's fields a few at a time, after the page's first pass.
//!
//! Hydration is one synchronous task. On a phone (Lighthouse's mobile preset:
//! a 4× slower CPU) the planner's eighty fields made it a 300 ms task in which
//! the page took no input (total blocking time, issue 24). A [`Deferred`] part
//! hydrates only its wrapper element during that pass. Its children, already on
//! screen from the server and working as plain HTML, are hydrated afterwards in
//! tasks of about [`SLICE_MS`] each, between which the browser paints and
//! handles input. Drawn anywhere else (on the server, or by the client drawing
//! the form again) the children are drawn at once.
//!
//! The hydration marker (`crate::components::hydration`) waits for the queue,
//! through [`when_settled`]: "interactive" still means every control is.

use leptos::prelude::*;

/// A `<div class=class>` whose children hydrate after the page's first pass.
#[component]
pub fn Deferred(class: &'static str, children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    if hydrating() {
        let wrapper = NodeRef::<leptos::html::Div>::new();
        queue::push(wrapper, Owner::current(), children);
        // No children in the view: hydration claims the element and leaves the
        // server's children alone for the queue.
        return view! { <div class=class node_ref=wrapper></div> }.into_any();
    }
    view! { <div class=class>{children()}</div> }.into_any()
}

/// Runs `f` once every deferred part has hydrated (at once when none waits).
pub fn when_settled(f: impl FnOnce() + 'static) {
    #[cfg(feature = "hydrate")]
    queue::when_settled(Box::new(f));
    #[cfg(not(feature = "hydrate"))]
    f();
}

/// Whether the page is in its first hydration pass, or hydrating a deferred
/// part (whose own deferred parts wait in turn: a group, then its fields).
#[cfg(feature = "hydrate")]
fn hydrating() -> bool {
    queue::DEFERRING.get()
        || Owner::current_shared_context().is_some_and(|context| context.during_hydration())
}

/// How long one task of deferred hydration may run before it yields, in ms
/// (Lighthouse counts a task's time past 50 ms as blocking, on a CPU it slows 4×).
#[cfg(feature = "hydrate")]
pub const SLICE_MS: f64 = 4.0;

#[cfg(feature = "hydrate")]
mod queue {
    use std::cell::{Cell, RefCell};
    use std::collections::VecDeque;
    use std::time::Duration;

    use leptos::prelude::*;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{PositionState, RenderHtml};
    use leptos::wasm_bindgen::JsCast;

    struct Part {
        wrapper: NodeRef<leptos::html::Div>,
        owner: Option<Owner>,
        children: Children,
    }

    #[derive(Default)]
    struct Queue {
        parts: VecDeque<Part>,
        scheduled: bool,
        settled: Vec<Box<dyn FnOnce()>>,
    }

    thread_local! {
        static QUEUE: RefCell<Queue> = RefCell::default();
        /// Set while a deferred part hydrates.
        pub static DEFERRING: Cell<bool> = const { Cell::new(false) };
    }

    pub fn push(wrapper: NodeRef<leptos::html::Div>, owner: Option<Owner>, children: Children) {
        let schedule = QUEUE.with_borrow_mut(|queue| {
            queue.parts.push_back(Part {
                wrapper,
                owner,
                children,
            });
            !std::mem::replace(&mut queue.scheduled, true)
        });
        if schedule {
            // A timeout, not a microtask: the first task ends (and the browser
            // may paint and take input) before the first slice.
            set_timeout(run, Duration::ZERO);
        }
    }

    pub fn when_settled(f: Box<dyn FnOnce()>) {
        let waiting = QUEUE.with_borrow_mut(|queue| {
            let waiting = queue.scheduled;
            if waiting {
                queue.settled.push(f);
                None
            } else {
                Some(f)
            }
        });
        if let Some(f) = waiting {
            f();
        }
    }

    fn now() -> f64 {
        window().performance().map_or(0.0, |p| p.now())
    }

    /// One slice: hydrates parts until the slice's time is up, then yields.
    fn run() {
        let start = now();
        loop {
            let Some(part) = QUEUE.with_borrow_mut(|queue| queue.parts.pop_front()) else {
                break;
            };
            hydrate(part);
            if now() - start >= super::SLICE_MS {
                set_timeout(run, Duration::ZERO);
                return;
            }
        }
        let settled = QUEUE.with_borrow_mut(|queue| {
            queue.scheduled = false;
            std::mem::take(&mut queue.settled)
        });
        for f in settled {
            f();
        }
    }

    /// Hydrates one part's children inside its wrapper, under the owner it was
    /// created in: its effects are cleaned up with the rest of its view. A part
    /// whose wrapper is gone (the view was drawn again) is dropped.
    fn hydrate(part: Part) {
        let Some(wrapper) = part.wrapper.try_get_untracked().flatten() else {
            return;
        };
        let children = part.children;
        let hydrate = move || {
            DEFERRING.set(true);
            let state = children().hydrate::<true>(
                &Cursor::new(wrapper.unchecked_into()),
                &PositionState::default(),
            );
            DEFERRING.set(false);
            // The view's state lives as long as the owner (its effects do anyway).
            StoredValue::new_local(state);
        };
        match part.owner {
            Some(owner) => owner.with(hydrate),
            None => hydrate(),
        }
    }
}
