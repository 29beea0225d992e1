//! Shutdown and backup: readiness turns off first, requests are still served
//! during the drain delay, the WAL is checkpointed, and backups are complete.

use std::process::Command;
use std::time::Duration;

use serde_json::json;

use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn shutdown_turns_readiness_off_at_once_then_drains_and_checkpoints() {
    if crate::helpers::on_postgres() {
        return; // SQLite's own mechanics
    }
    // Arrange: a server with a 1 s drain delay, and a saved scenario in its WAL.
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
    let wal = app.dir.path().join("test.db-wal");
    let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal_len, 0, "every committed page is in the main file");
}

#[tokio::test]
async fn backup_copies_a_live_database_and_never_overwrites() {
    if crate::helpers::on_postgres() {
        return; // SQLite's own mechanics
    }
    let app = spawn_app().await;
    let created = app
        .create_scenario("Backed up", json!({"clusters": 7}))
        .await;
    let live = format!("sqlite://{}", app.dir.path().join("test.db").display());
    let copy = app.dir.path().join("backup.db");
    let backup = |to: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_clusterplan"))
            .args(["backup", "--database-url", &live, "--to"])
            .arg(to)
            .output()
            .expect("binary runs")
    };

    let first = backup(&copy);
    let second = backup(&copy);

    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(!second.status.success(), "refuses to overwrite");
    let restored = clusterplan_service::Database::connect(&format!("sqlite://{}", copy.display()))
        .await
        .expect("the backup opens");
    let service = clusterplan_service::Service::new(restored, "");
    let doc = service
        .get(&created.id)
        .await
        .expect("the scenario is in the backup");
    assert_eq!((doc.name.as_str(), doc.input.clusters), ("Backed up", 7));
}
