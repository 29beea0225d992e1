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
//! A part hydrates against the server's markup, so nothing may change what it
//! would draw before it has hydrated: the user's first interaction (a
//! `pointerdown` before its `click`, a `focusin` before typing) and a new answer
//! on the way ([`hydrate_now`], from the planner) hydrate every waiting part at
//! once. The hydration marker (`crate::components::hydration`) waits for the
//! queue, through [`when_settled`]: "interactive" still means every control is.

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

/// Hydrates every part still waiting, at once: before anything the server did
/// not render reaches the page (a new answer), since a part hydrates against
/// the server's markup. The user's first interaction does the same.
pub fn hydrate_now() {
    #[cfg(feature = "hydrate")]
    queue::hydrate_now();
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
    use leptos::wasm_bindgen::closure::Closure;

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
        listening: Option<Closure<dyn Fn()>>,
    }

    thread_local! {
        static QUEUE: RefCell<Queue> = RefCell::default();
        /// Set while a deferred part hydrates.
        pub static DEFERRING: Cell<bool> = const { Cell::new(false) };
    }

    /// What the user does that hydrates every part still waiting, at once. The
    /// listener is the window's, in the capture phase: it runs before the event
    /// reaches its target, which is hydrated (with its handlers) by then. A
    /// `click` with no `pointerdown` before it (assistive technology) included.
    const INTERACTIONS: [&str; 7] = [
        "pointerdown",
        "click",
        "keydown",
        "focusin",
        "input",
        "change",
        "popstate",
    ];

    pub fn push(wrapper: NodeRef<leptos::html::Div>, owner: Option<Owner>, children: Children) {
        let first = QUEUE.with_borrow_mut(|queue| {
            queue.parts.push_back(Part {
                wrapper,
                owner,
                children,
            });
            !std::mem::replace(&mut queue.scheduled, true)
        });
        if first {
            // A timeout, not a microtask: the first task ends (and the browser
            // may paint and take input) before the first slice.
            set_timeout(run, Duration::ZERO);
            let listener = Closure::<dyn Fn()>::new(hydrate_now);
            for name in INTERACTIONS {
                let _ = window().add_event_listener_with_callback_and_bool(
                    name,
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
            QUEUE.with_borrow_mut(|queue| queue.listening = Some(listener));
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

    fn next() -> Option<Part> {
        QUEUE.with_borrow_mut(|queue| queue.parts.pop_front())
    }

    /// One slice: hydrates parts until the slice's time is up, then yields.
    fn run() {
        let start = now();
        while let Some(part) = next() {
            hydrate(part);
            if now() - start >= super::SLICE_MS {
                set_timeout(run, Duration::ZERO);
                return;
            }
        }
        settle();
    }

    /// Hydrates every part still waiting (their own parts included), now.
    pub fn hydrate_now() {
        while let Some(part) = next() {
            hydrate(part);
        }
        settle();
    }

    /// The queue is empty: stops listening and tells who waited.
    fn settle() {
        let (settled, listening) = QUEUE.with_borrow_mut(|queue| {
            queue.scheduled = false;
            (std::mem::take(&mut queue.settled), queue.listening.take())
        });
        if let Some(listener) = listening {
            for name in INTERACTIONS {
                let _ = window().remove_event_listener_with_callback_and_bool(
                    name,
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
            // Dropping a closure JavaScript may still be running (this one, when
            // an interaction settled the queue) would free it under its feet.
            listener.forget();
        }
        for f in settled {
            f();
        }
    }

    /// Clears [`DEFERRING`] however the hydration it covers ends.
    struct Deferring;

    impl Drop for Deferring {
        fn drop(&mut self) {
            DEFERRING.set(false);
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
            let _deferring = Deferring;
            let state = children().hydrate::<true>(
                &Cursor::new(wrapper.unchecked_into()),
                &PositionState::default(),
            );
            // The view's state lives as long as the owner (its effects do anyway).
            StoredValue::new_local(state);
        };
        match part.owner {
            Some(owner) => owner.with(hydrate),
            None => hydrate(),
        }
    }
}
