//! Concurrent writers: no acknowledged write is lost, revisions have no gaps.

use std::collections::BTreeSet;

use futures::future::join_all;
use serde_json::{Value, json};

use crate::helpers::spawn_app;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_creates_are_all_stored() {
    let app = spawn_app().await;

    let created = join_all((0..50).map(|i| {
        let app = &app;
        async move {
            app.create_scenario(&format!("S{i}"), json!({"clusters": i + 1}))
                .await
        }
    }))
    .await;

    let ids: BTreeSet<&str> = created.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 50, "ids are unique");
    for (i, c) in created.iter().enumerate() {
        let doc = app.scenario(&c.id).await;
        assert_eq!(
            (doc.name, doc.input.clusters),
            (format!("S{i}"), i as u32 + 1)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_parallel_updates_of_one_scenario_each_become_a_revision() {
    let app = spawn_app().await;
    // Every update differs from the start (the default, 3 clusters, would make
    // `clusters: 3` an unchanged save if it landed first: no new revision).
    let created = app
        .create_scenario("Shared", json!({"clusters": 1000}))
        .await;

    let responses = join_all((1..=50).map(|i| {
        let (app, created) = (&app, &created);
        async move {
            let body = json!({"input": {"clusters": i}});
            let response = app
                .update_scenario(&created.id, Some(&created.edit_token), &body)
                .await;
            assert_eq!(response.status(), 200, "update {i}");
            let doc: Value = response.json().await.unwrap();
            (i, doc["revision"].as_i64().unwrap())
        }
    }))
    .await;

    let revisions: BTreeSet<i64> = responses.iter().map(|&(_, r)| r).collect();
    assert_eq!(
        revisions,
        (2..=51).collect(),
        "every update got its own revision, no gaps"
    );
    for (clusters, revision) in responses {
        let path = format!("/api/v1/scenarios/{}/revisions/{revision}", created.id);
        let doc: Value = app.get(&path).await.json().await.unwrap();
        assert_eq!(doc["input"]["clusters"], clusters, "revision {revision}");
    }
    assert_eq!(app.scenario(&created.id).await.revision, 51);
}

/// A rename keeps the latest input, so it is based on the revision it read; it
/// reads again while other saves land first. Three rounds answered most of
/// forty renames 503 on an idle server (an outside review).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forty_parallel_renames_and_updates_each_become_a_revision() {
    let app = spawn_app().await;
    let created = app.create_scenario("Renamed", json!({"clusters": 7})).await;

    let answers = join_all((1..=40).map(|i| {
        let (app, created) = (&app, &created);
        async move {
            let body = match i % 4 {
                0 => json!({"input": {"clusters": 100 + i}}),
                _ => json!({"name": format!("Name {i}")}),
            };
            let response = app
                .update_scenario(&created.id, Some(&created.edit_token), &body)
                .await;
            assert_eq!(response.status(), 200, "save {i}");
            let doc: Value = response.json().await.unwrap();
            doc["revision"].as_i64().unwrap()
        }
    }))
    .await;

    let revisions: BTreeSet<i64> = answers.into_iter().collect();
    assert_eq!(revisions, (2..=41).collect(), "each save its own revision");
    // A rename keeps the input of the revision before it; each name landed.
    let (mut clusters, mut names) = (json!(7), BTreeSet::new());
    for revision in 2..=41 {
        let path = format!("/api/v1/scenarios/{}/revisions/{revision}", created.id);
        let doc: Value = app.get(&path).await.json().await.unwrap();
        let input = doc["input"]["clusters"].clone();
        let updated = input.as_i64().is_some_and(|c| c > 100);
        assert!(updated || input == clusters, "revision {revision}: {doc}");
        names.insert(doc["name"].as_str().unwrap().to_owned());
        clusters = input;
    }
    let renamed = (1..=40).filter(|i| i % 4 != 0);
    let missing: Vec<_> = renamed
        .filter(|i| !names.contains(&format!("Name {i}")))
        .collect();
    assert!(missing.is_empty(), "names never stored: {missing:?}");
}
