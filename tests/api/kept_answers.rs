//! `POST /api/v1/calculate` keeps its answers by body: the same body again gets
//! the same bytes without a calculation (so without a simulation slot), and a
//! refused body is read again.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app_with};

fn monte_carlo(seed: u64, samples: u32) -> Value {
    json!({"uncertainty": {"samples": samples, "seed": seed, "ranges": [
        {"field": "team.annual_cost_usd", "low": 150_000, "high": 250_000}]}})
}

#[tokio::test]
async fn a_kept_answer_needs_no_simulation_slot() {
    // One simulation slot that no one waits for: a calculation that finds it
    // taken is answered 503.
    let (app, _stop, _server) = spawn_app_with(|c| {
        c.simulation_slots = 1;
        c.simulation_wait_ms = 0;
    })
    .await;
    let kept = monte_carlo(7, 2_000);
    let first = app.calculate(&kept).await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["content-type"], "application/json");
    let first = first.text().await.expect("a body");

    // The slot held by a long simulation; a new body beside the kept one proves
    // it was held (503) when the kept one was answered. Tried again until then.
    for round in 0..20 {
        let (long, new) = (
            monte_carlo(1_000 + round, 20_000),
            monte_carlo(2_000 + round, 2_000),
        );
        let blocker = app.calculate(&long);
        let probe = async {
            tokio::time::sleep(std::time::Duration::from_millis(30)).await;
            tokio::join!(app.calculate(&kept), app.calculate(&new))
        };
        let (held, (again, new)) = tokio::join!(blocker, probe);
        assert_eq!(held.status(), 200);
        if new.status() != 503 {
            continue;
        }
        assert_eq!(again.status(), 200, "a kept answer waits for no slot");
        assert_eq!(again.text().await.expect("a body"), first, "the same bytes");
        return;
    }
    panic!("the slot was never seen held, so this proves nothing");
}

#[tokio::test]
async fn a_refused_body_is_refused_again_and_an_answer_is_not_a_refusal() {
    let (app, _stop, _server) = spawn_app_with(|_| {}).await;
    let bad = json!({"clusters": 0, "horizon_months": 0});
    for _ in 0..2 {
        let problem = assert_problem(app.calculate(&bad).await, 422).await;
        let fields = error_fields(&problem);
        assert!(fields.contains(&"clusters".to_owned()), "{fields:?}");
        assert!(fields.contains(&"horizon_months".to_owned()), "{fields:?}");
    }
    for _ in 0..2 {
        let cut = app
            .post_raw(
                "/api/v1/calculate",
                "application/json",
                b"{\"clusters\": 2".to_vec(),
            )
            .await;
        let problem = assert_problem(cut, 400).await;
        assert!(
            problem["detail"]
                .as_str()
                .unwrap()
                .starts_with("malformed JSON"),
            "{problem}"
        );
    }
    // The same body as another content type is still refused as one.
    let text = app
        .post_raw("/api/v1/calculate", "text/plain", b"{}".to_vec())
        .await;
    assert_eq!(text.status(), 415);
    let fine = app.calculate(&json!({"clusters": 2})).await;
    assert_eq!(fine.status(), 200);
}
