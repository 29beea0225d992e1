//! Several replicas on one database (PostgreSQL in production; SQLite here too,
//! as two servers on one file): saves through either number their revisions
//! without gaps, and replicas that start together migrate once.

use std::collections::BTreeSet;

use clusterplan::{Config, build};
use futures::future::join_all;
use serde_json::{Value, json};

use crate::helpers::{fresh_database_url, spawn_app, spawn_replica};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn saves_through_two_replicas_are_numbered_without_gaps() {
    let a = spawn_app().await;
    let b = spawn_replica(&a).await;
    // Every update differs from the start (the default, 3 clusters, would make
    // `clusters: 3` an unchanged save if it landed first: no new revision).
    let created = a.create_scenario("Shared", json!({"clusters": 1000})).await;
    assert_eq!(
        b.scenario(&created.id).await.name,
        "Shared",
        "B reads A's save"
    );

    let updates = (1..=40).map(|i| {
        let (replica, created) = (if i % 2 == 0 { &a } else { &b }, &created);
        async move {
            let body = json!({"input": {"clusters": i}});
            let response = replica
                .update_scenario(&created.id, Some(&created.edit_token), &body)
                .await;
            assert_eq!(response.status(), 200, "update {i}");
            response.json::<Value>().await.unwrap()["revision"]
                .as_i64()
                .unwrap()
        }
    });
    let revisions: BTreeSet<i64> = join_all(updates).await.into_iter().collect();

    assert_eq!(
        revisions,
        (2..=41).collect(),
        "one revision each, no gaps, across replicas"
    );
    assert_eq!(a.scenario(&created.id).await.revision, 41);
    assert_eq!(b.scenario(&created.id).await.revision, 41);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replicas_that_start_together_migrate_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = fresh_database_url(&dir).await;

    let starts = (0..6).map(|_| build(Config::for_tests(url.clone())));
    let started = join_all(starts).await;

    for outcome in &started {
        assert!(
            outcome.is_ok(),
            "every replica starts: {:?}",
            outcome.as_ref().err()
        );
    }
}
