//! The write limit behind proxies: forwarding headers name the client only
//! when the peer is a trusted proxy; otherwise a client cannot dodge its
//! budget by inventing `X-Forwarded-For`.

use serde_json::json;

use crate::helpers::{TestApp, spawn_app_with};

async fn save_as(app: &TestApp, forwarded_for: &str) -> u16 {
    app.client
        .post(app.url("/api/v1/scenarios"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({"name": "Plan"}))
        .send()
        .await
        .expect("answered")
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_trusted_proxy_gives_each_forwarded_client_its_own_budget() {
    let (app, _stop, _server) = spawn_app_with(|c| {
        c.write_limit_per_minute = 2;
        c.trusted_proxies = clusterplan::client_ip::TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await;

    let first: Vec<u16> = [
        save_as(&app, "203.0.113.5").await,
        save_as(&app, "203.0.113.5").await,
        save_as(&app, "203.0.113.5").await,
    ]
    .to_vec();
    let other = save_as(&app, "203.0.113.6").await;

    assert_eq!(first, [201, 201, 429], "one client's budget");
    assert_eq!(
        other, 201,
        "another client behind the same proxy has its own"
    );
}

#[tokio::test]
async fn without_trusted_proxies_forwarding_headers_change_nothing() {
    let (app, _stop, _server) = spawn_app_with(|c| c.write_limit_per_minute = 2).await;

    let statuses = [
        save_as(&app, "203.0.113.5").await,
        save_as(&app, "203.0.113.6").await,
        save_as(&app, "203.0.113.7").await,
    ];

    assert_eq!(
        statuses,
        [201, 201, 429],
        "the peer's budget, whatever it claims"
    );
}

#[tokio::test]
async fn a_client_behind_the_proxy_cannot_pick_its_bucket_with_the_other_header() {
    let (app, _stop, _server) = spawn_app_with(|c| {
        c.write_limit_per_minute = 5;
        c.trusted_proxies = clusterplan::client_ip::TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await;

    // The proxy writes X-Forwarded-For; the client rotates its own `Forwarded`.
    let mut statuses = Vec::new();
    for n in 1..=12 {
        let status = app
            .client
            .post(app.url("/api/v1/scenarios"))
            .header("x-forwarded-for", "203.0.113.5")
            .header("forwarded", format!("for=198.51.100.{n}"))
            .json(&json!({"name": "Plan"}))
            .send()
            .await
            .expect("answered")
            .status()
            .as_u16();
        statuses.push(status);
    }

    let created = statuses.iter().filter(|s| **s == 201).count();
    assert_eq!(created, 5, "{statuses:?}");
    assert!(statuses[5..].iter().all(|s| *s == 429), "{statuses:?}");
}

#[tokio::test]
async fn edit_key_claims_count_against_the_write_limit() {
    let (app, _stop, _server) = spawn_app_with(|c| c.write_limit_per_minute = 3).await;
    let id = "3xQ1uTnV7Z0pYqJm2LkH9a";

    let mut statuses = Vec::new();
    for _ in 0..6 {
        let response = app
            .client
            .post(app.url("/api/claim_scenario"))
            .form(&[("id", id), ("key", "Guess123")])
            .send()
            .await
            .expect("answered");
        statuses.push(response.status().as_u16());
    }

    assert_eq!(statuses[..3], [404, 404, 404], "{statuses:?}");
    assert_eq!(statuses[3..], [429, 429, 429], "{statuses:?}");
}
