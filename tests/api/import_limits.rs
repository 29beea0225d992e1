//! The import's limits under real-world and hostile uploads (issue 23's
//! review): gzip bodies past 32 MiB of JSON, one import at a time, time for a
//! slow upload, the query read before the body, a chunked page upload past the
//! limit, a fleet too large for a link, and answers that never repeat the
//! upload's strings.

use std::io::Write;
use std::time::Duration;

use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, assert_problem, error_fields, spawn_app, spawn_app_with};

const PATH: &str = "/api/v1/import/kubernetes";
const EKS_LIST: &[u8] = include_bytes!("../fixtures/kubectl/eks-list.json");

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

async fn import(app: &TestApp, query: &str, body: Vec<u8>) -> reqwest::Response {
    app.post_raw(&format!("{PATH}{query}"), "application/json", body)
        .await
}

/// Sends a request's head (and `body`, if any) on a raw connection, which the
/// caller may keep writing to.
async fn raw(app: &TestApp, head: &str, body: &[u8]) -> TcpStream {
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    stream
}

/// The status line of the answer on `stream`, read within `within`.
async fn status_line(stream: &mut TcpStream, within: Duration) -> String {
    let mut answer = vec![0; 4096];
    let read = tokio::time::timeout(within, stream.read(&mut answer))
        .await
        .expect("an answer in time")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]).into_owned();
    answer.lines().next().unwrap_or_default().to_owned()
}

fn json_head(path: &str, length: usize) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n"
    )
}

#[tokio::test]
async fn a_gzip_body_may_hold_more_json_than_32_mib() {
    let app = spawn_app().await;
    // kubectl's list padded to 40 MiB, as a large cluster's output runs past 32:
    // with white space of four kinds, which compresses about as much as JSON
    // does (spaces alone grow past the 100 times a gzip body may grow).
    let mut json = EKS_LIST.to_vec();
    let mut state = 1u32;
    while json.len() < 40 * 1024 * 1024 {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        json.push(b" \n\t\r"[(state >> 30) as usize]);
    }
    assert_problem(import(&app, "", json.clone()).await, 413).await;
    let packed = gzip(&json);
    let answer = app
        .client
        .post(app.url(PATH))
        .header("content-type", "application/json")
        .header("content-encoding", "gzip")
        .body(packed.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let read: Value = answer.json().await.unwrap();
    assert_eq!(read["report"]["nodes"], 7);
    // A coding the import does not read is refused as one, naming it.
    let brotli = app
        .client
        .post(app.url(PATH))
        .header("content-type", "application/json");
    let brotli = brotli.header("content-encoding", "br").body(packed.clone());
    let refused = brotli.send().await.unwrap();
    assert_eq!(refused.headers()["accept-encoding"], "gzip, identity");
    let problem = assert_problem(refused, 415).await;
    assert!(
        problem["detail"].as_str().unwrap().contains("br"),
        "{problem}"
    );
    // The page reads a .gz file the same way.
    let file = Part::bytes(packed).file_name("cluster.json.gz");
    let form = Form::new().text("kubectl", "").part("file", file);
    let page = app.client.post(app.url("/import")).multipart(form).send();
    let page = page.await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("data-testid=\"open-planner\"")
    );
}

#[tokio::test]
async fn an_upload_trickling_in_keeps_no_other_import_out() {
    let app = spawn_app().await;
    // The first import's body arrives slowly (a client on a bad link, or one
    // keeping imports out on purpose): it holds only the bytes it sent.
    let head = json_head(PATH, EKS_LIST.len());
    let mut slow = raw(&app, &head, &EKS_LIST[..100]).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(import(&app, "", EKS_LIST.to_vec()).await.status(), 200);
    let form = Form::new().text("kubectl", String::from_utf8_lossy(EKS_LIST).into_owned());
    let page = app.client.post(app.url("/import")).multipart(form).send();
    assert_eq!(page.await.unwrap().status(), 200, "the page's import too");
    // Other routes do not wait for it.
    assert_eq!(app.get("/api/v1/catalog?limit=1").await.status(), 200);
    slow.write_all(&EKS_LIST[100..]).await.unwrap();
    assert_eq!(
        status_line(&mut slow, Duration::from_secs(30)).await,
        "HTTP/1.1 200 OK"
    );
    assert_eq!(import(&app, "", EKS_LIST.to_vec()).await.status(), 200);
}

#[tokio::test]
async fn a_slow_upload_gets_time_for_its_length_and_other_requests_do_not() {
    let (app, _stop, _server) = spawn_app_with(|c| c.request_timeout_secs = 1).await;
    // 1 MiB in 2.5 s: past the 1 s timeout, within 1 s + 1 MiB at 256 KiB/s.
    let mut body = EKS_LIST.to_vec();
    body.resize(1024 * 1024, b' ');
    let mut stream = raw(&app, &json_head(PATH, body.len()), &[]).await;
    for chunk in body.chunks(body.len() / 5) {
        stream.write_all(chunk).await.unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(
        status_line(&mut stream, Duration::from_secs(10)).await,
        "HTTP/1.1 200 OK"
    );
    // A calculation's slow body still has the ordinary second.
    let mut stream = raw(&app, &json_head("/api/v1/calculate", 2), b"{").await;
    let line = status_line(&mut stream, Duration::from_secs(10)).await;
    assert_eq!(line, "HTTP/1.1 503 Service Unavailable");
}

#[tokio::test]
async fn the_query_is_checked_before_the_body_and_a_typo_is_named() {
    let app = spawn_app().await;
    let head = json_head(&format!("{PATH}?sizng=requests"), 1024 * 1024);
    let mut stream = raw(&app, &head, &[]).await;
    // Answered without a byte of the body.
    let line = status_line(&mut stream, Duration::from_secs(10)).await;
    assert_eq!(line, "HTTP/1.1 400 Bad Request");
    let problem = assert_problem(
        import(&app, "?sizng=requests", EKS_LIST.to_vec()).await,
        400,
    )
    .await;
    assert!(
        problem["detail"].as_str().unwrap().contains("sizng"),
        "{problem}"
    );
}

#[tokio::test]
async fn a_chunked_page_upload_past_the_limit_is_a_413_page() {
    let app = spawn_app().await;
    let boundary = "xclusterplanx";
    let head = format!(
        "POST /import HTTP/1.1\r\nhost: test\r\ntransfer-encoding: chunked\r\n\
         content-type: multipart/form-data; boundary={boundary}\r\n\r\n"
    );
    let mut stream = raw(&app, &head, &[]).await;
    let start = format!("--{boundary}\r\ncontent-disposition: form-data; name=\"kubectl\"\r\n\r\n");
    let chunk = |data: &[u8]| [format!("{:x}\r\n", data.len()).as_bytes(), data, b"\r\n"].concat();
    stream.write_all(&chunk(start.as_bytes())).await.unwrap();
    let mebibyte = vec![b' '; 1024 * 1024];
    for _ in 0..34 {
        // The server may answer and stop reading before all is sent.
        if stream.write_all(&chunk(&mebibyte)).await.is_err() {
            break;
        }
    }
    let line = status_line(&mut stream, Duration::from_secs(30)).await;
    assert_eq!(line, "HTTP/1.1 413 Payload Too Large");
}

#[tokio::test]
async fn a_fleet_too_large_for_a_link_is_given_as_json() {
    let app = spawn_app().await;
    // 100 types not in the catalog, each on demand and Spot: 200 pools.
    let node = |i: usize, capacity: &str| {
        json!({"kind": "Node", "metadata": {"labels": {
            "node.kubernetes.io/instance-type": format!("x{i}.large"),
            "karpenter.sh/capacity-type": capacity,
        }}, "status": {"capacity": {"cpu": "2", "memory": "8Gi", "pods": "29"}}})
    };
    let items: Vec<Value> = (0..100)
        .flat_map(|i| [node(i, "on-demand"), node(i, "spot")])
        .collect();
    let body = serde_json::to_vec(&json!({"kind": "List", "items": items})).unwrap();
    let form = Form::new().text("kubectl", String::from_utf8(body).unwrap());
    let page = app.client.post(app.url("/import")).multipart(form).send();
    let html = page.await.unwrap().text().await.unwrap();
    assert!(
        !html.contains("data-testid=\"open-planner\""),
        "no link past the limit"
    );
    assert!(html.contains("data-testid=\"too-large-for-a-link\""));
    assert!(html.contains("These 200 pools are too many"));
    assert!(html.contains("&quot;fleet&quot;") || html.contains("\"fleet\""));
}

#[tokio::test]
async fn answers_never_repeat_the_uploads_strings() {
    let app = spawn_app().await;
    let secret = "secret-pod-name-xyz";
    let cases = [
        json!({"kind": "List", "items": [{"kind": "Pod", "metadata": secret}]}),
        json!({"kind": "List", "items": [{"kind": "Pod", "spec": {"containers": [
            {"resources": {"requests": {"cpu": secret}}}]}}]}),
    ];
    for body in cases {
        let answer = import(&app, "", serde_json::to_vec(&body).unwrap()).await;
        let problem = assert_problem(answer, 422).await;
        assert!(!problem.to_string().contains(secret), "{problem}");
        assert_eq!(error_fields(&problem).len(), 1, "{problem}");
    }
    // A quantity past what Kubernetes holds is refused at its field, never a null.
    let huge = json!({"kind": "List", "items": [{"kind": "Pod", "spec": {"containers": [
        {"resources": {"requests": {"cpu": "1e306"}}}]}}]});
    let problem = assert_problem(
        import(&app, "?sizing=requests", serde_json::to_vec(&huge).unwrap()).await,
        422,
    )
    .await;
    let field = &error_fields(&problem)[0];
    assert!(field.ends_with("requests.cpu"), "{problem}");
}
