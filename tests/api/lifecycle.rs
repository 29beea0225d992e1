//! Shutdown, on either backend: readiness turns off first, requests are still
//! served during the drain delay, then the listener closes. SQLite's WAL
//! checkpoint and file backups are in `sqlite_only`.

use std::time::Duration;

use serde_json::json;

use crate::helpers::spawn_app_with;

#[tokio::test]
async fn shutdown_turns_readiness_off_at_once_then_drains() {
    // Arrange: a server with a 1 s drain delay, and a saved scenario.
    let (app, stop, server) = spawn_app_with(|c| c.drain_delay_secs = 1).await;
    app.create_scenario("Before shutdown", json!({})).await;
    assert_eq!(app.get("/readyz").await.status(), 200);

    // Act
    stop.send(()).expect("server is running");
    tokio::time::sleep(Duration::from_millis(200)).await;

    // Assert: not ready, but still serving, until the delay is over.
    assert_eq!(app.get("/readyz").await.status(), 503);
    assert_eq!(app.get("/healthz").await.status(), 200);
    let outcome = tokio::time::timeout(Duration::from_secs(10), server).await;
    outcome.expect("stops within the bound").expect("task");
    assert!(
        app.client.get(app.url("/healthz")).send().await.is_err(),
        "listener closed"
    );
}
