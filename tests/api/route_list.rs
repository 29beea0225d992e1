//! Building a server never stalls another server's page renders.
//!
//! Leptos collects the route list by rendering the app with resource loading
//! suppressed, and that switch is one flag for the whole process
//! (`leptos::server::SuppressResourceLoad`). A page whose resource was created
//! while another `build()` collected routes never loaded it, and its request
//! hung until the request timeout: about one full parallel test run in four,
//! always a planner page, on SQLite and PostgreSQL alike. The routes are now
//! collected once per process, before any page can render.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use clusterplan::{Config, build};

use crate::helpers::spawn_app_with;

/// Page renders that overlap the builds (each stalled one takes the timeout).
const RENDERS: usize = 150;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pages_render_while_other_servers_are_built() {
    // A short timeout: a stalled render fails the test in seconds.
    let (app, _stop, _server) = spawn_app_with(|config| config.request_timeout_secs = 5).await;
    let app = Arc::new(app);
    let building = Arc::new(AtomicBool::new(true));
    let rendered = Arc::new(AtomicUsize::new(0));
    // Renderers that go on while servers are built beside them.
    let renderers: Vec<_> = (0..6)
        .map(|renderer| {
            let (app, building, rendered) = (
                Arc::clone(&app),
                Arc::clone(&building),
                Arc::clone(&rendered),
            );
            tokio::spawn(async move {
                let (mut renders, mut failures) = (0, Vec::new());
                while building.load(Ordering::Relaxed) {
                    let path = format!("/?clusters={}", renderer + 1);
                    match app.client.get(app.url(&path)).send().await {
                        Ok(response) if response.status() == 200 => {}
                        outcome => {
                            failures.push(format!("{path}: {:?}", outcome.map(|r| r.status())))
                        }
                    }
                    renders += 1;
                    rendered.fetch_add(1, Ordering::Relaxed);
                }
                (renders, failures)
            })
        })
        .collect();
    // Servers on the same database (no new database each), built one after the
    // other until enough renders have overlapped them.
    while rendered.load(Ordering::Relaxed) < RENDERS {
        let config = Config::for_tests(app.database_url.clone());
        let server = build(config).await.expect("a server builds");
        // Builds its router, then shuts down at once.
        server.run_until(async {}).await;
    }
    building.store(false, Ordering::Relaxed);

    let (mut renders, mut failures) = (0, Vec::new());
    for renderer in renderers {
        let (count, failed) = renderer.await.expect("the renderer runs");
        renders += count;
        failures.extend(failed);
    }
    assert!(
        failures.is_empty(),
        "{} of {renders} renders failed: {failures:?}",
        failures.len()
    );
    // Quiet again: a render still answers in well under the timeout.
    let response = tokio::time::timeout(Duration::from_secs(5), app.get("/")).await;
    assert_eq!(response.expect("answers").status(), 200);
}
