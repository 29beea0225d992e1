//! A save answers what it did: a 2xx means it is stored, anything else means
//! nothing was written, so a client can retry a refusal without making a
//! duplicate. Held under a Monte Carlo load (every simulation slot taken) and
//! when requests outlive the request timeout, for the API's saves and
//! revisions and the page's save alike.

use std::future::Future;

use futures::future::join_all;
use serde_json::{Value, json};

use crate::database;
use crate::helpers::{TestApp, spawn_app_with};

/// A Monte Carlo of 20,000 futures (the most one scenario may ask for): each
/// calculation holds its simulation slot a while.
fn monte_carlo(seed: usize) -> Value {
    json!({"uncertainty": {"samples": 20_000, "seed": seed, "ranges": [
        {"field": "team.annual_cost_usd", "low": 150_000, "high": 250_000}]}})
}

/// A server with one simulation slot that no one waits for.
async fn one_slot_no_wait() -> TestApp {
    let (app, _stop, _server) = spawn_app_with(|c| {
        c.simulation_slots = 1;
        c.simulation_wait_ms = 0;
    })
    .await;
    app
}

/// Sends `save(0)`, `save(1)`, … in waves at once, each twice the last (12 to
/// 384), until one is answered 503: the test then holds however fast (or busy)
/// this machine is. Every answer, with how many were `ok` and how many 503;
/// anything else fails the test.
async fn in_waves<F, Fut>(ok: u16, save: F) -> (Vec<reqwest::Response>, usize, usize)
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = reqwest::Response>,
{
    let (mut responses, mut wave) = (Vec::new(), 12);
    while wave <= 400
        && !responses
            .iter()
            .any(|r: &reqwest::Response| r.status() == 503)
    {
        let sent = responses.len();
        responses.extend(join_all((sent..sent + wave).map(&save)).await);
        wave *= 2;
    }
    let statuses: Vec<u16> = responses.iter().map(|r| r.status().as_u16()).collect();
    assert!(
        statuses.iter().all(|s| [ok, 503].contains(s)),
        "{statuses:?}"
    );
    let done = statuses.iter().filter(|s| **s == ok).count();
    let refused = statuses.len() - done;
    assert!(refused > 0, "never refused, so this proves nothing");
    (responses, done, refused)
}

/// `n` as a row count.
fn rows(n: usize) -> i64 {
    i64::try_from(n).expect("a count")
}

/// What is stored, counted in the database rather than through the API.
const SCENARIO_ROWS: &str = "SELECT count(*) FROM scenarios";
const REVISION_ROWS: &str = "SELECT count(*) FROM scenario_revisions";

#[tokio::test]
async fn saves_answered_busy_stored_nothing_and_every_201_is_stored() {
    let app = one_slot_no_wait().await;

    let (responses, created, busy) = in_waves(201, |i| {
        let body = json!({"name": format!("Load {i}"), "input": monte_carlo(i)});
        let app = &app;
        async move { app.post_json("/api/v1/scenarios", &body).await }
    })
    .await;

    assert_eq!(
        database::fetch_i64(&app, SCENARIO_ROWS, &[]).await,
        rows(created),
        "{busy} answered 503"
    );
    for response in responses.into_iter().filter(|r| r.status() == 201) {
        let id = response.json::<Value>().await.unwrap()["id"].clone();
        let id = id.as_str().expect("an id");
        let read = app.get(&format!("/api/v1/scenarios/{id}")).await;
        assert_eq!(read.status(), 200);
    }
}

#[tokio::test]
async fn revisions_answered_busy_wrote_nothing() {
    let app = one_slot_no_wait().await;
    let created = app.create_scenario("Plan", json!({"clusters": 3})).await;

    let (_, written, busy) = in_waves(200, |i| {
        let body = json!({"input": monte_carlo(i)});
        let (app, created) = (&app, &created);
        async move {
            let token = Some(created.edit_token.as_str());
            app.update_scenario(&created.id, token, &body).await
        }
    })
    .await;

    let revisions = database::fetch_i64(&app, REVISION_ROWS, &[]).await;
    assert_eq!(revisions, 1 + rows(written), "{busy} answered 503");
    let latest = app.get(&format!("/api/v1/scenarios/{}", created.id)).await;
    assert_eq!(latest.json::<Value>().await.unwrap()["revision"], revisions);
}

#[tokio::test]
async fn page_saves_answered_busy_stored_nothing() {
    let app = one_slot_no_wait().await;
    let query = "uncertainty.samples=20000\
        &uncertainty.low.team.annual_cost_usd=150000&uncertainty.high.team.annual_cost_usd=250000";

    // As the hydrated page calls the server function (no `text/html`): a
    // saved scenario is answered 200 with the address of its page.
    let (responses, saved, busy) = in_waves(200, |i| {
        let name = format!("Page {i}");
        let app = &app;
        async move {
            let form = [("name", name.as_str()), ("query", query)];
            let call = app.client.post(app.url("/api/save_scenario"));
            let call = call.header("accept", "application/json").form(&form);
            call.send().await.expect("answered")
        }
    })
    .await;

    for response in responses.iter().filter(|r| r.status() == 200) {
        let location = response.headers()["location"].to_str().unwrap();
        assert!(location.starts_with("/s/"), "{location}");
    }
    let stored = database::fetch_i64(&app, SCENARIO_ROWS, &[]).await;
    assert_eq!(stored, rows(saved), "{busy} answered 503");
}

#[tokio::test]
async fn saves_that_outlive_the_request_timeout_store_nothing() {
    // One slot, waited for as long as it takes; a one-second request timeout.
    let (app, _stop, _server) = spawn_app_with(|c| {
        c.simulation_slots = 1;
        c.simulation_wait_ms = 60_000;
        c.request_timeout_secs = 1;
    })
    .await;

    let (responses, created, timed_out) = in_waves(201, |i| {
        let body = json!({"name": format!("Slow {i}"), "input": monte_carlo(i)});
        let app = &app;
        async move { app.post_json("/api/v1/scenarios", &body).await }
    })
    .await;

    for response in responses.iter().filter(|r| r.status() == 503) {
        assert_eq!(response.headers()["retry-after"], "5", "the timeout's");
    }
    let stored = database::fetch_i64(&app, SCENARIO_ROWS, &[]).await;
    assert_eq!(stored, rows(created), "{timed_out} answered 503");
}
