//! Security headers, request ids and compression on every kind of response.

use serde_json::json;

use crate::helpers::spawn_app;

#[tokio::test]
async fn pages_carry_a_csp_whose_nonce_is_the_scripts_nonce() {
    let app = spawn_app().await;

    let response = app.get("/").await;

    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let html = response.text().await.unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "scripts carry the policy's nonce"
    );
    for directive in [
        "'wasm-unsafe-eval'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "default-src 'self'",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline"));
    let other = app.get("/").await.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_ne!(csp, other, "a fresh nonce per response");
}

#[tokio::test]
async fn every_response_has_the_common_headers_and_a_request_id() {
    let app = spawn_app().await;

    for path in [
        "/",
        "/healthz",
        "/api/v1/catalog",
        "/api/v1/nope",
        "/pkg/none.js",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(
            headers["x-request-id"].to_str().unwrap().len(),
            22,
            "{path}"
        );
    }
}

#[tokio::test]
async fn shared_pages_are_kept_out_of_indexes_and_shared_caches() {
    let app = spawn_app().await;
    let created = app.create_scenario("Private", json!({})).await;

    let response = app.get(&format!("/s/{}", created.id)).await;

    assert_eq!(response.headers()["x-robots-tag"], "noindex, nofollow");
    assert_eq!(response.headers()["cache-control"], "private, no-store");
}

#[tokio::test]
async fn responses_are_compressed_when_the_client_accepts_gzip() {
    let app = spawn_app().await;

    let response = app
        .client
        .get(app.url("/"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();

    assert_eq!(response.headers()["content-encoding"], "gzip");
}

#[tokio::test]
async fn writes_over_the_limit_get_429_with_retry_after_and_reads_go_on() {
    let (app, _stop, _server) =
        crate::helpers::spawn_app_with(|c| c.write_limit_per_minute = 3).await;
    for i in 0..3 {
        app.create_scenario(&format!("S{i}"), json!({})).await;
    }

    let refused = app
        .post_json("/api/v1/scenarios", &json!({"name": "one too many"}))
        .await;

    let retry_after: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=20).contains(&retry_after), "{retry_after}");
    let problem = crate::helpers::assert_problem(refused, 429).await;
    assert!(problem["detail"].as_str().unwrap().contains("too many"));
    assert_eq!(
        app.get("/api/v1/catalog").await.status(),
        200,
        "reads are not limited"
    );
    let calculate = app.calculate(&json!({})).await;
    assert_eq!(
        calculate.status(),
        200,
        "calculating stores nothing, so it is not limited"
    );
    let page_save = app
        .client
        .post(app.url("/api/save_scenario"))
        .form(&[("name", "from the page"), ("query", "clusters=2")])
        .send()
        .await
        .unwrap();
    assert_eq!(page_save.status(), 429, "the page's save counts too");
}

#[tokio::test]
async fn an_oversized_body_to_any_route_is_a_413_problem() {
    let app = spawn_app().await;
    let huge = vec![b'a'; 400 * 1024];

    let response = app
        .client
        .post(app.url("/api/save_scenario"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(huge.clone())
        .send()
        .await
        .unwrap();

    crate::helpers::assert_problem(response, 413).await;
    assert_eq!(app.get("/healthz").await.status(), 200);

    // Operations that read no body too, as the OpenAPI document lists for each.
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            if operation.get("requestBody").is_some() {
                continue;
            }
            let url = path.replace("{id}", &"a".repeat(22)).replace("{n}", "1");
            let response = app
                .client
                .request(method.to_uppercase().parse().unwrap(), app.url(&url))
                .body(huge.clone())
                .send()
                .await
                .unwrap();
            crate::helpers::assert_problem(response, 413).await;
        }
    }
    // A URI past hyper's limit (raw: reqwest refuses to send one).
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(address.as_str())
        .await
        .unwrap();
    let line = format!(
        "GET /api/v1/catalog?q={} HTTP/1.1\r\nHost: x\r\n\r\n",
        "a".repeat(70_000)
    );
    stream.write_all(line.as_bytes()).await.unwrap();
    let mut answer = vec![0; 64];
    let read = stream.read(&mut answer).await.unwrap();
    let status = String::from_utf8_lossy(&answer[..read]).into_owned();
    assert!(status.starts_with("HTTP/1.1 414"), "{status}");
    // More header fields than hyper reads (100).
    let mut stream = tokio::net::TcpStream::connect(address.as_str())
        .await
        .unwrap();
    let fields: String = (0..120).map(|i| format!("x-{i}: y\r\n")).collect();
    let head = format!("GET /healthz HTTP/1.1\r\nHost: x\r\n{fields}\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    let read = stream.read(&mut answer).await.unwrap();
    let status = String::from_utf8_lossy(&answer[..read]).into_owned();
    assert!(status.starts_with("HTTP/1.1 431"), "{status}");
    // RFC 9112 §3.2: no Host in HTTP/1.1, or two, is a 400 (hyper answered
    // both); HTTP/1.0 may leave it out.
    for (head, expected) in [
        ("GET /healthz HTTP/1.1\r\n", "HTTP/1.1 400"),
        (
            "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n",
            "HTTP/1.1 400",
        ),
        ("GET /healthz HTTP/1.0\r\n", "HTTP/1.0 200"),
        ("GET /healthz HTTP/1.1\r\nHost: a\r\n", "HTTP/1.1 200"),
        (
            "GET /healthz HTTP/1.1\r\nHost: [::1]:80\r\n",
            "HTTP/1.1 200",
        ),
        ("GET /healthz HTTP/1.1\r\nHost:\r\n", "HTTP/1.1 200"),
        ("GET /healthz HTTP/1.1\r\nHost: a b/c@d\r\n", "HTTP/1.1 400"),
        ("GET /healthz HTTP/1.1\r\nHost: user@a\r\n", "HTTP/1.1 400"),
        ("GET /healthz HTTP/1.1\r\nHost: a, b\r\n", "HTTP/1.1 400"),
        (
            "GET /healthz HTTP/1.1\r\nHost: host:abc\r\n",
            "HTTP/1.1 400",
        ),
        (
            "GET /healthz HTTP/1.1\r\nHost: ex%41mple.com\r\n",
            "HTTP/1.1 200",
        ),
    ] {
        let mut stream = tokio::net::TcpStream::connect(address.as_str())
            .await
            .unwrap();
        let request = format!("{head}Connection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut whole = Vec::new();
        stream.read_to_end(&mut whole).await.unwrap();
        let answer = String::from_utf8_lossy(&whole);
        assert!(answer.starts_with(expected), "{head:?}: {answer}");
        if expected.ends_with("400") {
            assert!(answer.contains("exactly one Host header"), "{answer}");
            assert!(
                answer.contains("x-content-type-options: nosniff"),
                "{answer}"
            );
        }
    }
}

#[tokio::test]
async fn logs_never_contain_share_ids_or_edit_tokens() {
    let (mut server, mut lines, _dir) =
        crate::helpers::serve_logging(&[("RUST_LOG", "debug"), ("CLUSTERPLAN_LOG_FORMAT", "json")]);
    let addr = loop {
        let line = lines.next().expect("the server logs its address").unwrap();
        if let Some(rest) = line.split("\"addr\":\"").nth(1) {
            break rest.split('"').next().unwrap().to_owned();
        }
    };
    let base = format!("http://{addr}");
    let client = reqwest::Client::new();
    let created: serde_json::Value = client
        .post(format!("{base}/api/v1/scenarios"))
        .json(&json!({"name": "Secret plan"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let (id, token) = (
        created["id"].as_str().unwrap(),
        created["edit_token"].as_str().unwrap(),
    );
    for path in [
        format!("/s/{id}"),
        format!("/api/v1/scenarios/{id}"),
        format!("/s/{id}/charts/cumulative.svg"),
    ] {
        client.get(format!("{base}{path}")).send().await.unwrap();
    }
    client
        .put(format!("{base}/api/v1/scenarios/{id}"))
        .bearer_auth(token)
        .json(&json!({"name": "Renamed"}))
        .send()
        .await
        .unwrap();

    server.kill().unwrap();
    server.wait().unwrap();
    let logged: Vec<String> = lines.map_while(Result::ok).collect();
    let logged = logged.join("\n");
    assert!(
        logged.contains("/api/v1/scenarios/{id}"),
        "requests are logged by route:\n{logged}"
    );
    assert!(!logged.contains(id), "the share id leaked into the logs");
    assert!(
        !logged.contains(token),
        "the edit token leaked into the logs"
    );
}
