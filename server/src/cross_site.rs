//! Refuses writes that a browser sends on another site's behalf. The pages' server
//! functions (save, update, fork) act with the edit-token cookie, so a hostile page
//! could post a form to them; browsers say where a request comes from, and a write
//! from elsewhere is answered 403 before any handler runs.
//!
//! A write is accepted from a browser only when it says it comes from this very
//! origin: `Sec-Fetch-Site: same-origin` (or `none`, a user's own action such as
//! a bookmark), or, from a browser that sends no `Sec-Fetch-Site`, an `Origin` whose
//! authority is this request's own host or the configured public URL's.
//! `same-site` is refused like `cross-site`: a sibling subdomain is another site's
//! code, and could otherwise fork, claim or update with the visitor's edit keys.
//! `Sec-Fetch-Site` wins when present, because our own pages send
//! `Referrer-Policy: no-referrer`, under which a browser's plain form post carries
//! `Origin: null`.
//! Clients that send neither header (curl, finance scripts) are not browsers acting
//! for someone else, and the JSON API's writes need a bearer token anyway.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{Method, Request, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::ApiError;

/// The authorities (`host:port`) a same-site write may come from, besides the
/// request's own `Host`.
#[derive(Clone, Debug, Default)]
pub struct TrustedOrigins(Arc<[String]>);

impl TrustedOrigins {
    /// The public URL's authority (`https://plan.example.com` → `plan.example.com`).
    pub fn from_public_url(public_url: &str) -> Self {
        let authority = authority(public_url).filter(|a| !a.is_empty());
        Self(authority.map(str::to_owned).into_iter().collect())
    }
}

/// `https://host:port/path` → `host:port`.
fn authority(origin: &str) -> Option<&str> {
    let rest = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    rest.split('/').next()
}

fn is_cross_site(request: &Request<Body>, trusted: &TrustedOrigins) -> bool {
    let headers = request.headers();
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &header::HeaderValue| v.to_str().ok())
    };
    if let Some(site) = text(header::HeaderName::from_static("sec-fetch-site")) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    // `Origin: null` (sandboxed frames, some redirects) names no site: refuse it.
    let Some(from) = origin.to_str().ok().and_then(authority) else {
        return true;
    };
    let own = text(header::HOST);
    own != Some(from) && !trusted.0.iter().any(|t| t == from)
}

/// Middleware: a write (anything but GET, HEAD and OPTIONS) from another site is a
/// 403 problem document.
pub async fn refuse_cross_site(
    State(trusted): State<TrustedOrigins>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(&request, &trusted) {
        return ApiError::CrossSite.into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::authority;

    #[test]
    fn authorities_come_from_origins_and_urls() {
        assert_eq!(authority("http://127.0.0.1:3000"), Some("127.0.0.1:3000"));
        assert_eq!(
            authority("https://plan.example.com/"),
            Some("plan.example.com")
        );
        assert_eq!(authority("null"), Some("null"));
    }
}
