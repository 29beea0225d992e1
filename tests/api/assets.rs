//! `/pkg/*` sends the build's brotli or gzip copy to a browser that accepts it,
//! and says how long the file may be kept.

use crate::helpers::spawn_app_with;

#[tokio::test]
async fn static_assets_come_precompressed_as_the_browser_accepts() {
    let site = tempfile::tempdir().expect("temp dir");
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).expect("pkg dir");
    // Stand-ins for the build's files: each copy is told apart by its bytes.
    std::fs::write(pkg.join("app.js"), "plain").expect("js");
    std::fs::write(pkg.join("app.js.br"), "brotli copy").expect("br");
    std::fs::write(pkg.join("app.js.gz"), "gzip copy").expect("gz");
    let root = site.path().to_str().expect("utf-8 path").to_owned();
    let (app, _stop, _server) = spawn_app_with(|config| config.site_root = root).await;

    for (accepts, encoding, body) in [
        ("br, gzip", Some("br"), "brotli copy"),
        ("gzip", Some("gzip"), "gzip copy"),
        ("identity", None, "plain"),
    ] {
        let response = app
            .client
            .get(app.url("/pkg/app.js"))
            .header("accept-encoding", accepts)
            .send()
            .await
            .expect("request sent");
        assert_eq!(response.status(), 200, "{accepts}");
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .map(|v| v.to_str().expect("ascii").to_owned())
        };
        assert_eq!(header("content-encoding").as_deref(), encoding, "{accepts}");
        assert_eq!(
            header("vary").as_deref(),
            Some("accept-encoding"),
            "{accepts}"
        );
        // The test binary has no hash.txt beside it, so names are not hashed
        // and must be revalidated (the release build's are immutable; see
        // end2end/tests/assets.spec.ts).
        assert_eq!(
            header("cache-control").as_deref(),
            Some("no-cache"),
            "{accepts}"
        );
        assert_eq!(response.text().await.expect("body"), body, "{accepts}");
    }
    assert_eq!(app.get("/pkg/missing.js").await.status(), 404);
}

/// A site root that holds the release build's `hash.txt` has hashed names, so
/// its files are kept for a year, wherever the binary is (the test binary has
/// none beside it). Only beside the binary was looked at: a binary copied away
/// from its build linked names its site does not hold.
#[tokio::test]
async fn the_hash_file_in_the_site_root_is_found() {
    let site = tempfile::tempdir().expect("temp dir");
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).expect("pkg dir");
    std::fs::write(pkg.join("app.abc.js"), "hashed").expect("js");
    std::fs::write(site.path().join("hash.txt"), "js: abc\n").expect("hash.txt");
    let root = site.path().to_str().expect("utf-8 path").to_owned();
    let (app, _stop, _server) = spawn_app_with(|config| config.site_root = root).await;

    let response = app.get("/pkg/app.abc.js").await;

    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
}
