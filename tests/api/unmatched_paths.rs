//! A path no route takes is the 404 page, whatever the app's own router would
//! make of it: never a page drawn outside the render slots and the page cache.

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{TestApp, spawn_app_with};

/// The whole answer to `GET path` sent as is (reqwest normalises `%2e%2e`).
async fn raw_get(app: &TestApp, path: &str) -> String {
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn paths_near_a_page_are_the_404_page_not_the_page() {
    let site = tempfile::tempdir().expect("temp dir");
    std::fs::write(site.path().join("favicon.svg"), "<svg/>").expect("favicon");
    let root = site.path().to_str().expect("utf-8 path").to_owned();
    let (app, _stop, _server) = spawn_app_with(|config| config.site_root = root).await;
    let created = app.create_scenario("Near", json!({"clusters": 4})).await;
    let id = &created.id;

    for path in [
        format!("/s/{id}/"),
        format!("/s/{id}/."),
        format!("/%2e/s/{id}"),
        format!("/x/%2e%2e/s/{id}"),
        "/x/%2e%2e/?clusters=4".to_owned(),
        "/planner/".to_owned(),
    ] {
        let answer = raw_get(&app, &path).await;
        let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
        assert!(head.starts_with("HTTP/1.1 404"), "{path}: {head}");
        assert!(
            body.contains("<title>Page not found · Clusterplan</title>"),
            "{path}"
        );
        assert!(
            !body.contains("Near") && !body.contains("edit key"),
            "{path}: the shared page"
        );
        assert!(!body.contains("cheaper"), "{path}: a calculated planner");
        assert!(
            !head.to_ascii_lowercase().contains("x-clusterplan-"),
            "{path}: {head}"
        );
    }
    // Files of the site's root are still served, as before.
    let favicon = app.get("/favicon.svg").await;
    assert_eq!(favicon.status(), 200);
    assert_eq!(favicon.text().await.unwrap(), "<svg/>");
}

#[tokio::test]
async fn a_file_of_the_site_root_is_read_only() {
    let site = tempfile::tempdir().expect("temp dir");
    std::fs::write(site.path().join("hash.txt"), "js: 1").expect("hash file");
    std::fs::create_dir(site.path().join("pkg")).expect("pkg");
    std::fs::write(site.path().join("pkg/app.css"), "js: 1").expect("a bundle file");
    let root = site.path().to_str().expect("utf-8 path").to_owned();
    let (app, _stop, _server) = spawn_app_with(|config| config.site_root = root).await;
    let client = reqwest::Client::new();
    let url = format!("{}/hash.txt", app.address);
    for method in [
        reqwest::Method::POST,
        reqwest::Method::PUT,
        reqwest::Method::DELETE,
    ] {
        let answer = client.request(method.clone(), &url).send().await.unwrap();
        assert_eq!(answer.status(), 405, "{method}");
        assert_eq!(answer.headers()["allow"], "GET, HEAD", "{method}");
        assert_eq!(answer.text().await.unwrap(), "", "{method}: not the file");
    }
    let head = client.head(&url).send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(app.get("/hash.txt").await.text().await.unwrap(), "js: 1");
    // A file's name as a directory's is no file, and the bundle's files are
    // served at `/pkg` only (with its caching headers), not by the fallback.
    for path in [
        "//pkg/app.css",
        "///pkg/app.css",
        "/./pkg/app.css",
        "/%2e/pkg/app.css",
        "/.%2fpkg/app.css",
        "/hash.txt/",
        "/hash.txt/.",
        "/hash.txt%2f",
        "/hash.txt%2F%2e",
    ] {
        let answer = raw_get(&app, path).await;
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
        assert!(!answer.contains("js: 1"), "{path}");
    }
    // A path that is no file stays the 404 page, whatever the method.
    let missing = client
        .post(format!("{}/nothing.txt", app.address))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}
