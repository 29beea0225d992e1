//! How large a request body may be, and how long its request may take, per
//! kind of route: one table, read by the tower stack (`middleware`, `timeout`)
//! and the API router, so neither imports the other.
//!
//! Axum's `DefaultBodyLimit` (per route) only lowers what the server-wide
//! `RequestBodyLimitLayer` allows: a route's limit above [`SERVER_MAX_BODY_BYTES`]
//! must lift the server-wide layer for that route too.

use std::time::Duration;

/// Largest body any route but the imports accepts: a scenario, a batch of
/// them, a form. The largest input the API echoes back as a result's `inputs`
/// (20 groups of 10 pools and 20 line items, every member set, every name 60
/// four-byte characters) is about 172 KiB as the API writes it, 285 KiB with
/// every such character escaped (`\ud83d\ude00`, as Python's `json.dumps`
/// writes it), and "send it back" must be taken: a 64 KiB limit refused the
/// echo of 18 groups of default pools. A flood is still refused before it is
/// read. Test: `tests/api/largest_echo.rs`.
pub const SERVER_MAX_BODY_BYTES: usize = 320 * 1024;

/// Largest body of `POST /api/v1/import/kubernetes`: kubectl's JSON of a large
/// cluster (5,000 nodes and 20,000 pods) runs to tens of MB. No other route
/// takes more than [`SERVER_MAX_BODY_BYTES`].
pub const IMPORT_MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// The path of the API's import, allowed [`IMPORT_MAX_BODY_BYTES`].
pub const IMPORT_PATH: &str = "/api/v1/import/kubernetes";

/// The import page, whose form uploads the same JSON: the same limit.
pub const IMPORT_PAGE_PATH: &str = "/import";

/// The slowest upload an import is given time for: 32 MiB in a little over two
/// minutes, about 2 Mbit/s. (The request timeout alone
/// cut off a 32 MiB upload on any link below about 18 Mbit/s.)
pub const SLOWEST_IMPORT_BYTES_PER_SEC: u64 = 256 * 1024;

/// How long a request may take: `base`, plus for an import the time its body
/// takes at [`SLOWEST_IMPORT_BYTES_PER_SEC`] (its declared length, or the
/// largest body when it declares none).
pub fn time_limit<B>(request: &axum::http::Request<B>, base: Duration) -> Duration {
    if body_limit(request.uri().path()) != IMPORT_MAX_BODY_BYTES {
        return base;
    }
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let bytes = declared.map_or(IMPORT_MAX_BODY_BYTES as u64, |length| {
        length.min(IMPORT_MAX_BODY_BYTES as u64)
    });
    base + Duration::from_secs(bytes.div_ceil(SLOWEST_IMPORT_BYTES_PER_SEC))
}

/// The server-wide limit for a request to `path`.
pub fn body_limit(path: &str) -> usize {
    match [IMPORT_PATH, IMPORT_PAGE_PATH].contains(&path.trim_end_matches('/')) {
        true => IMPORT_MAX_BODY_BYTES,
        false => SERVER_MAX_BODY_BYTES,
    }
}

/// Whether a declared length over the limit is refused before routing, as a
/// problem document. The import page refuses it itself, unread, as a page a
/// person can read.
pub fn refused_before_routing(path: &str) -> bool {
    path.trim_end_matches('/') != IMPORT_PAGE_PATH
}
