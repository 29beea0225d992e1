//! Refuses writes that a browser sends on another site's behalf. The pages' server
//! functions (save, update, fork) act with the edit-token cookie, so a hostile page
//! could post a form to them; browsers say where a request comes from, and a write
//! from elsewhere is answered 403 before any handler runs.
//!
//! A write is accepted from a browser only when it says it comes from this very
//! origin: `Sec-Fetch-Site: same-origin` (or `none`, a user's own action such as
//! a bookmark), or, from a browser that sends no `Sec-Fetch-Site`, an `Origin` whose
//! authority is this request's own host or the configured public URL's, and
//! whose scheme is the public URL's (so `http://` cannot stand in for an https
//! site's own pages).
//! `same-site` is refused like `cross-site`: a sibling subdomain is another site's
//! code, and could otherwise fork, claim or update with the visitor's edit keys.
//! `Sec-Fetch-Site` wins when present: a browser's plain form post from a page
//! under `Referrer-Policy: no-referrer` (ours until the no-JavaScript forms
//! needed their `Referer`) carries `Origin: null`.
//! Clients that send neither header (curl, finance scripts) are not browsers acting
//! for someone else, and the JSON API's writes need a bearer token anyway.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{Method, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::ApiError;

/// Where a same-site write may come from, besides the request's own `Host`:
/// the public URL's authority (`host:port`), and its scheme, which an `Origin`
/// must then carry.
#[derive(Clone, Debug, Default)]
pub struct TrustedOrigins {
    authorities: Arc<[String]>,
    scheme: Option<Arc<str>>,
}

impl TrustedOrigins {
    /// From the public URL: `https://plan.example.com` → `plan.example.com`,
    /// scheme `https`. Empty: only the request's own host, any scheme.
    pub fn from_public_url(public_url: &str) -> Self {
        let authority = authority(public_url).filter(|a| !a.is_empty());
        let scheme = public_url
            .split_once("://")
            .map(|(scheme, _)| scheme.to_ascii_lowercase().into());
        Self {
            authorities: authority.map(str::to_owned).into_iter().collect(),
            scheme,
        }
    }
}

/// `https://host:port/path` → `host:port`.
fn authority(origin: &str) -> Option<&str> {
    let rest = origin.split_once("://").map_or(origin, |(_, rest)| rest);
    rest.split('/').next()
}

/// Whether `url` (an `Origin`, or the page a `Referer` names) is this site:
/// http or https, the public URL's scheme when one is configured, and this
/// request's `Host` or the public URL's authority.
fn is_this_site(url: &str, host: Option<&str>, trusted: &TrustedOrigins) -> bool {
    let Some((scheme, rest)) = url.split_once("://") else {
        return false;
    };
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    let own_scheme = trusted
        .scheme
        .as_deref()
        .is_none_or(|own| own.eq_ignore_ascii_case(scheme));
    // Host names are case-insensitive (RFC 3986 §3.2.2): browsers send them in
    // lower case, a `Host` header or a configured URL may not be.
    let from = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let same = |authority: &str| authority.eq_ignore_ascii_case(from);
    web && own_scheme && (host.is_some_and(same) || trusted.authorities.iter().any(|t| same(t)))
}

/// A header's text, if it has one.
fn text(request: &Request<Body>, name: header::HeaderName) -> Option<&str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

fn is_cross_site(request: &Request<Body>, trusted: &TrustedOrigins) -> bool {
    if let Some(site) = text(request, header::HeaderName::from_static("sec-fetch-site")) {
        return !matches!(site, "same-origin" | "none");
    }
    // `Origin: null` (sandboxed frames, some redirects) names no site, nor does
    // one that is not text: refuse both.
    request.headers().get(header::ORIGIN).is_some_and(|origin| {
        !origin
            .to_str()
            .is_ok_and(|origin| is_this_site(origin, text(request, header::HOST), trusted))
    })
}

/// Middleware: a write (anything but GET, HEAD and OPTIONS) from another site is a
/// 403 problem document. A write's `Referer` that is not a page of this site is
/// dropped: Leptos sends a plain form post back to its `Referer` (with none, to
/// `/`), and a forged one would make that an open redirect carrying the error.
/// A page's address carrying such an error not reached from this site is sent
/// on without it ([`without_forged_error`]).
pub async fn refuse_cross_site(
    State(trusted): State<TrustedOrigins>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(&request, &trusted) {
        return ApiError::CrossSite.into_response();
    }
    if safe && let Some(clean) = without_forged_error(&request, &trusted) {
        let headers = [
            (header::LOCATION, clean),
            (header::CACHE_CONTROL, "no-store".into()),
        ];
        return (StatusCode::SEE_OTHER, headers).into_response();
    }
    let host = text(&request, header::HOST);
    let own_referer = request.headers().get(header::REFERER).is_none_or(|value| {
        value
            .to_str()
            .is_ok_and(|page| is_this_site(page, host, &trusted))
    });
    if !safe && !own_referer {
        request.headers_mut().remove(header::REFERER);
    }
    next.run(request).await
}

/// The members Leptos adds to a page's address when a form post without
/// JavaScript failed: which server function, and its error, which the page
/// shows in that action's error box.
const ERROR_MEMBERS: [&str; 2] = ["__path", "__err"];

/// The page's address without [`ERROR_MEMBERS`] (its query, relative to the
/// page), when it has them and the
/// request was not sent from this site: any link could carry made-up text
/// ("Your plan expired: call …") into the error box. Leptos's own redirect
/// after a failed post comes from this site (`Sec-Fetch-Site: same-origin`,
/// or the page's `Referer`, which `Referrer-Policy: same-origin` sends).
fn without_forged_error(request: &Request<Body>, trusted: &TrustedOrigins) -> Option<String> {
    let uri = request.uri();
    let query = uri.query()?;
    let is_error_member = |pair: &&str| {
        let key = pair.split('=').next().unwrap_or_default();
        let key = url::form_urlencoded::parse(key.as_bytes())
            .next()
            .map(|(k, _)| k);
        key.is_some_and(|k| ERROR_MEMBERS.contains(&k.as_ref()))
    };
    if uri.path().starts_with("/api/") || !query.split('&').any(|p| is_error_member(&p)) {
        return None;
    }
    let from_here = match text(request, header::HeaderName::from_static("sec-fetch-site")) {
        Some(site) => site == "same-origin",
        None => text(request, header::REFERER)
            .is_some_and(|page| is_this_site(page, text(request, header::HOST), trusted)),
    };
    if from_here {
        return None;
    }
    // Only the query, relative to the page's own address: a path written into
    // the answer (`//elsewhere.example/`, `/\elsewhere.example/`) would send
    // the browser to another site.
    let kept: Vec<&str> = query.split('&').filter(|p| !is_error_member(p)).collect();
    Some(format!("?{}", kept.join("&")))
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

    #[test]
    fn an_origin_must_carry_the_public_urls_scheme() {
        use axum::body::Body;
        use axum::http::Request;
        let https = super::TrustedOrigins::from_public_url("https://plan.example.com");
        let post = |origin: &str| {
            Request::post("/api/fork_scenario")
                .header("host", "plan.example.com")
                .header("origin", origin)
                .body(Body::empty())
                .unwrap()
        };
        assert!(!super::is_cross_site(
            &post("https://plan.example.com"),
            &https
        ));
        for foreign in ["http://plan.example.com", "ws://plan.example.com", "null"] {
            assert!(super::is_cross_site(&post(foreign), &https), "{foreign}");
        }
        let any = super::TrustedOrigins::from_public_url("");
        assert!(!super::is_cross_site(
            &post("http://plan.example.com"),
            &any
        ));
        // Host names in any case: a browser's lower-case Origin matches a
        // `Host` or public URL written otherwise.
        let unreadable = Request::post("/api/fork_scenario")
            .header("host", "plan.example.com")
            .header(
                "origin",
                axum::http::HeaderValue::from_bytes(b"https://\xffplan").unwrap(),
            )
            .body(Body::empty())
            .unwrap();
        assert!(
            super::is_cross_site(&unreadable, &any),
            "an Origin that is not text"
        );
        let upper = super::TrustedOrigins::from_public_url("https://Plan.Example.com");
        assert!(!super::is_cross_site(
            &post("https://PLAN.example.com"),
            &upper
        ));
        assert!(super::is_this_site(
            "https://plan.example.com/s/x",
            None,
            &upper
        ));
    }
}
