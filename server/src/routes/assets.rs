//! `/pkg/*`: the wasm bundle, its JS loader and the stylesheet.
//!
//! The release build names them by content hash (cargo-leptos `hash-files`,
//! recorded in `hash.txt` beside the binary), so a name never changes meaning
//! and browsers may keep them for a year without asking again. `make build`
//! also writes brotli and gzip copies beside them (`scripts/precompress.sh`),
//! served to browsers that accept them instead of compressing 1.4 MB of wasm on
//! every request. Without hashed names (debug builds, tests) every response says
//! `no-cache`, so a rebuilt bundle is never mixed with an old one.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::http::{HeaderValue, header};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// For hashed names: a year, and no revalidation.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For names that a rebuild reuses.
const REVALIDATE: &str = "no-cache";

/// Whether the site's asset names carry content hashes: the release build
/// leaves `hash.txt` beside the server binary (where Leptos looks for it).
pub fn hashed_names() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|file| file.exists())
}

/// The service for `/pkg` under `site_root`.
pub fn router(site_root: &Path, hashed: bool) -> Router {
    let dir: PathBuf = site_root.join("pkg");
    let cache = HeaderValue::from_static(if hashed { IMMUTABLE } else { REVALIDATE });
    Router::new()
        .fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            cache,
        ))
        // The body depends on Accept-Encoding: caches must key on it.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
}
