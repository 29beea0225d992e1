//! `spawn_app()` and typed helpers shared by the integration tests.

use std::net::SocketAddr;

use clusterplan::{Config, build};
use clusterplan_service::{CreatedScenario, ScenarioDocument};
use serde_json::{Value, json};
use tempfile::TempDir;

pub use crate::databases::{fresh_database_url, on_postgres};

/// A running server and the temp directory that holds its database.
pub struct TestApp {
    /// Base URL, e.g. `http://127.0.0.1:41234`.
    pub address: String,
    /// HTTP client that does not follow redirects.
    pub client: reqwest::Client,
    /// The database file's directory (`test.db`); removed when the test ends.
    pub dir: TempDir,
    /// The database the server uses (a SQLite file in `dir`, or PostgreSQL).
    pub database_url: String,
}

/// Starts the server on port 0 with a fresh temp database and waits until it listens.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await.0
}

/// Like [`spawn_app`], with the configuration adjusted by `adjust`; also returns
/// the trigger that starts a graceful shutdown and the server task.
pub async fn spawn_app_with(
    adjust: impl FnOnce(&mut Config),
) -> (
    TestApp,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    // `CLUSTERPLAN_TEST_LOG=info` logs the servers' requests, for chasing a
    // slow or stalled one (see docs/RELIABILITY.md, PostgreSQL).
    if let Ok(filter) = std::env::var("CLUSTERPLAN_TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_thread_names(true)
            .try_init();
    }
    let dir = tempfile::tempdir().expect("create temp dir");
    let url = fresh_database_url(&dir).await;
    let mut config = Config::for_tests(url.clone());
    adjust(&mut config);
    let (app, stop, server) = start(config, dir, url).await;
    (app, stop, server)
}

/// A second server (a replica) on `app`'s database, running until the test ends.
pub async fn spawn_replica(app: &TestApp) -> TestApp {
    spawn_replica_with(app, |_| {}).await
}

/// Like [`spawn_replica`], with the configuration adjusted by `adjust`.
pub async fn spawn_replica_with(app: &TestApp, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().expect("create temp dir");
    let mut config = Config::for_tests(app.database_url.clone());
    adjust(&mut config);
    start(config, dir, app.database_url.clone()).await.0
}

async fn start(
    config: Config,
    dir: TempDir,
    database_url: String,
) -> (
    TestApp,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let app = build(config).await.expect("server builds");
    let addr: SocketAddr = app.local_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app.run_until(async move {
        // A dropped trigger (as in `spawn_app`) means "run until the test ends".
        if stopped.await.is_err() {
            std::future::pending::<()>().await;
        }
    }));
    let app = TestApp {
        address: format!("http://{addr}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        dir,
        database_url,
    };
    (app, stop, server)
}

impl TestApp {
    /// The absolute URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// `GET` a path relative to the server.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request sent")
    }

    /// The body of `GET path`, whatever its status.
    pub async fn text(&self, path: &str) -> String {
        self.get(path).await.text().await.expect("a text body")
    }

    /// `POST` a JSON value.
    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    /// `POST` raw bytes with the given content type.
    pub async fn post_raw(
        &self,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("request sent")
    }

    /// `POST /api/v1/calculate`.
    pub async fn calculate(&self, input: &Value) -> reqwest::Response {
        self.post_json("/api/v1/calculate", input).await
    }

    /// Creates a scenario and returns the 201 answer, panicking on anything else.
    pub async fn create_scenario(&self, name: &str, input: Value) -> CreatedScenario {
        let response = self
            .post_json(
                "/api/v1/scenarios",
                &json!({ "name": name, "input": input }),
            )
            .await;
        assert_eq!(response.status(), 201, "create failed");
        response.json().await.expect("created body")
    }

    /// `PUT /api/v1/scenarios/{id}` with an optional bearer token.
    pub async fn update_scenario(
        &self,
        id: &str,
        token: Option<&str>,
        body: &Value,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .put(self.url(&format!("/api/v1/scenarios/{id}")))
            .json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    /// `DELETE /api/v1/scenarios/{id}` with an optional bearer token.
    pub async fn delete_scenario(&self, id: &str, token: Option<&str>) -> reqwest::Response {
        let mut request = self
            .client
            .delete(self.url(&format!("/api/v1/scenarios/{id}")));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request sent")
    }

    /// The latest revision of a scenario, panicking unless it is a 200.
    pub async fn scenario(&self, id: &str) -> ScenarioDocument {
        let response = self.get(&format!("/api/v1/scenarios/{id}")).await;
        assert_eq!(response.status(), 200, "get {id}");
        response.json().await.expect("scenario body")
    }
}

/// Asserts an RFC 9457 problem answer with `status` and returns its body.
pub async fn assert_problem(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status(), status, "status");
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.expect("problem body");
    assert_eq!(body["status"], status);
    assert!(
        body["title"].is_string() && body["detail"].is_string(),
        "{body}"
    );
    assert!(body["errors"].is_array(), "{body}");
    body
}

/// The field paths of a 422 problem, in order.
pub fn error_fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"].as_str().expect("field").to_owned())
        .collect()
}

/// The server binary as an operator starts it (`serve` on a free port, a fresh
/// SQLite file), with `envs` and its log (stderr) piped back line by line. Keep
/// the directory alive as long as the server.
pub fn serve_logging(
    envs: &[(&str, &str)],
) -> (
    std::process::Child,
    std::io::Lines<std::io::BufReader<std::process::ChildStderr>>,
    TempDir,
) {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_clusterplan"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url"])
        .arg(format!("sqlite://{}", dir.path().join("logs.db").display()))
        .env_remove("CLUSTERPLAN_LOG_FORMAT")
        .envs(envs.iter().copied())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lines = std::io::BufReader::new(server.stderr.take().unwrap()).lines();
    (server, lines, dir)
}
