//! `spawn_app()` and typed helpers shared by the integration tests.

use std::net::SocketAddr;

use clusterplan::{Config, build};
use tempfile::TempDir;

/// A running server and the temp directory that holds its database.
pub struct TestApp {
    /// Base URL, e.g. `http://127.0.0.1:41234`.
    pub address: String,
    /// HTTP client without redirects or cookies of its own.
    pub client: reqwest::Client,
    /// The database file's directory; removed when the test ends.
    _dir: TempDir,
}

/// Starts the server on port 0 with a fresh temp database and waits until it listens.
pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("create temp dir");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let app = build(Config::for_tests(url)).await.expect("server builds");
    let addr: SocketAddr = app.local_addr();
    tokio::spawn(app.run_until(std::future::pending()));
    TestApp {
        address: format!("http://{addr}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        _dir: dir,
    }
}

impl TestApp {
    /// `GET` a path relative to the server.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request sent")
    }
}
