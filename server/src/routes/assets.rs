//! `/pkg/*`: the wasm bundle, its JS loader and the stylesheet.
//!
//! The release build names them by content hash (cargo-leptos' `hash-files`, as
//! `scripts/build-site.sh` does it; recorded in `hash.txt` beside the binary or in the site root),
//! so a name never changes meaning and browsers may keep them for a year
//! without asking again. `make build` also writes brotli and gzip copies beside
//! them (`scripts/precompress.sh`), served to browsers that accept them instead
//! of compressing 1.4 MB of wasm on every request. Without hashed names (debug
//! builds, tests) every response says `no-cache`, so a rebuilt bundle is never
//! mixed with an old one. A name that is not there (a 404) is never kept:
//! during a rolling update an old replica may be asked for a new replica's
//! file, and a browser or CDN that kept that 404 for a year would never load
//! the page again.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// For hashed names: a year, and no revalidation.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For names that a rebuild reuses.
const REVALIDATE: &str = "no-cache";
/// For a name that is not (or not yet) there.
const NOT_KEPT: &str = "no-store";

/// The release build's record of the hashed names, when the site has one:
/// `hash.txt` beside the server binary (where Leptos looks, and where the
/// container image puts it), else in `site_root` (`make build` writes both).
/// An operator who copies the binary and the site root elsewhere, as the
/// `--site-root` flag invites, got pages that linked unhashed names the site
/// does not hold: no style, no script, and no word at start.
pub fn hash_file(site_root: &Path) -> Option<PathBuf> {
    let beside_binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")));
    [beside_binary, Some(site_root.join("hash.txt"))]
        .into_iter()
        .flatten()
        .find(|file| file.is_file())
        // Absolute: `LeptosOptions::hash_file` is read beside the binary, and
        // an absolute path there replaces the binary's directory.
        .and_then(|file| std::fs::canonicalize(file).ok())
}

/// What is wrong with `hash_file` for the site at `site_root`, if anything:
/// a name it gives that `pkg/` does not hold (a stale `hash.txt` beside a
/// binary, with another build's site), or no name at all (not a hash file).
/// The pages would link files that are not there: no style, no script.
pub fn hash_file_problem(site_root: &Path, hash_file: &Path, output_name: &str) -> Option<String> {
    let text = std::fs::read_to_string(hash_file).unwrap_or_default();
    let mut named = 0;
    for kind in ["js", "wasm", "css"] {
        let Some(hash) = app::hashed_name(&text, kind) else {
            continue;
        };
        named += 1;
        let file = format!("{output_name}.{hash}.{kind}");
        if !site_root.join("pkg").join(&file).is_file() {
            return Some(format!(
                "it names pkg/{file}, which the site root does not hold"
            ));
        }
    }
    (named == 0).then(|| "it names no js, wasm or css file".to_owned())
}

/// The service for `/pkg` under `site_root`.
pub fn router(site_root: &Path, hashed: bool) -> Router {
    let dir: PathBuf = site_root.join("pkg");
    let found = if hashed { IMMUTABLE } else { REVALIDATE };
    Router::new()
        .fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
        // ServeDir serves `/pkg/app.wasm/` and `/pkg/app.wasm%2f` as the file.
        .layer(axum::middleware::from_fn(
            |request: Request, next: Next| async move {
                match names_a_directory(request.uri().path()) {
                    true => StatusCode::NOT_FOUND.into_response(),
                    false => next.run(request).await,
                }
            },
        ))
        .layer(axum::middleware::map_response(
            move |mut response: Response| async move {
                let ok = response.status().is_success()
                    || response.status() == axum::http::StatusCode::NOT_MODIFIED;
                let cache = HeaderValue::from_static(if ok { found } else { NOT_KEPT });
                response.headers_mut().insert(header::CACHE_CONTROL, cache);
                response
            },
        ))
        // The body depends on Accept-Encoding: caches must key on it.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
}

/// Whether `path` ends as a directory's does (`/`, `/.`, `/..`, escaped or
/// not): no file of the bundle is named so.
fn names_a_directory(path: &str) -> bool {
    let path = path
        .to_ascii_lowercase()
        .replace("%2f", "/")
        .replace("%2e", ".");
    path.ends_with('/') || path.ends_with("/.") || path.ends_with("/..")
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;

    use super::*;

    async fn cache_control(router: Router, path: &str) -> (u16, String) {
        let request = Request::get(path).body(Body::empty()).unwrap();
        let response = router.oneshot(request).await.unwrap();
        let cache = response.headers()[header::CACHE_CONTROL].to_str().unwrap();
        (response.status().as_u16(), cache.to_owned())
    }

    #[tokio::test]
    async fn a_hashed_file_is_kept_for_a_year_and_a_missing_one_never() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("pkg")).unwrap();
        std::fs::write(site.path().join("pkg/app.1a2b.wasm"), b"\0asm").unwrap();
        let hashed = router(site.path(), true);

        let found = cache_control(hashed.clone(), "/app.1a2b.wasm").await;
        let missing = cache_control(hashed, "/app.ffff.wasm").await;

        assert_eq!(found, (200, IMMUTABLE.to_owned()));
        assert_eq!(missing, (404, NOT_KEPT.to_owned()));
    }

    #[tokio::test]
    async fn a_file_is_not_served_at_a_directory_like_path() {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("pkg")).unwrap();
        std::fs::write(site.path().join("pkg/app.1a2b.wasm"), b"\0asm").unwrap();
        let hashed = router(site.path(), true);
        for path in [
            "/app.1a2b.wasm/",
            "/app.1a2b.wasm%2f",
            "/app.1a2b.wasm%2F",
            "/app.1a2b.wasm/.",
        ] {
            let answer = cache_control(hashed.clone(), path).await;
            assert_eq!(answer, (404, NOT_KEPT.to_owned()), "{path}");
        }
    }

    #[test]
    fn a_hash_file_that_does_not_describe_the_site_is_told() {
        let site = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(site.path().join("pkg")).expect("pkg");
        std::fs::write(site.path().join("pkg/app.abc.js"), "").expect("js");
        let file = site.path().join("hash.txt");
        let problem = |text: &str| {
            std::fs::write(&file, text).expect("hash.txt");
            hash_file_problem(site.path(), &file, "app")
        };
        assert_eq!(problem("js: abc\n"), None);
        let stale = problem("js: abc\ncss: old\n").expect("a stale name");
        assert!(stale.contains("pkg/app.old.css"), "{stale}");
        assert!(problem("garbage").is_some());
    }
}
