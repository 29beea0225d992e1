//! The edit-key cookie, server side: one HttpOnly cookie holding this browser's
//! edit keys ([`EditKeys`]: bounded, most recent last), named `__Host-cp_edit`
//! and `Secure` when the site is served over https (the prefix needs both), and
//! `cp_edit` over plain http (development), where browsers refuse the prefix.
//! `SameSite=Lax` is enough: no GET changes anything.
//!
//! Right after a save or fork, a short-lived `cp_new` cookie names the new
//! scenario, so its page shows the owner the key once, to keep.
//!
//! On https only the `__Host-` cookie grants anything: a cookie without the
//! prefix can be set by a sibling subdomain or a plain-http page (cookie
//! tossing), so honouring it would make the prefix protect nothing.
//!
//! Older versions set one `cp_edit_{id}` cookie per scenario; over plain http
//! those are still read, folded into the one cookie on the next write, and
//! expired.

use clusterplan_service::edit_keys::EditKeys;
use http::{HeaderValue, header};
use leptos::prelude::*;

/// Half a year: long enough to come back to a plan after the next review.
const MAX_AGE_SECS: u32 = 180 * 24 * 3600;
const SECURE_NAME: &str = "__Host-cp_edit";
const PLAIN_NAME: &str = "cp_edit";
const LEGACY_PREFIX: &str = "cp_edit_";
/// Names the scenario whose key the next page view shows once.
const NEW_NAME: &str = "cp_new";
/// Long enough to reach the page after the redirect.
const NEW_MAX_AGE_SECS: u32 = 600;

/// The request's cookies as `(name, value)` pairs.
fn request_cookies() -> Vec<(String, String)> {
    use_context::<http::request::Parts>().map_or_else(Vec::new, |parts| cookies(&parts.headers))
}

/// Whether a request with `headers` carries any edit-key cookie (or the
/// show-once one): its shared pages may differ from everyone else's.
pub fn carries_edit_state(headers: &http::HeaderMap) -> bool {
    cookies(headers).iter().any(|(name, _)| {
        name == SECURE_NAME
            || name == PLAIN_NAME
            || name == NEW_NAME
            || name.starts_with(LEGACY_PREFIX)
    })
}

/// The cookies in `headers` as `(name, value)` pairs.
fn cookies(headers: &http::HeaderMap) -> Vec<(String, String)> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect()
}

/// The keys this browser holds. On a site served over https (`secure`), only
/// the `__Host-` cookie's; over http, the legacy cookies first (older), then
/// the one cookie's.
pub fn edit_keys(secure: bool) -> EditKeys {
    let cookies = request_cookies();
    let mut keys = EditKeys::default();
    let granting = |name: &str| match secure {
        true => name == SECURE_NAME,
        false => name == PLAIN_NAME,
    };
    if !secure {
        for (name, value) in &cookies {
            if let Some(id) = name.strip_prefix(LEGACY_PREFIX) {
                keys.insert(id, value);
            }
        }
    }
    for (name, value) in &cookies {
        if granting(name) {
            for (id, token) in EditKeys::parse(value).iter() {
                keys.insert(id, token);
            }
        }
    }
    keys
}

/// Adds the key of `id` to this browser's cookie; with `show_once`, its page
/// shows the key on the next view.
pub fn remember(id: &str, token: &str, secure: bool, show_once: bool) {
    let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let mut keys = edit_keys(secure);
    keys.insert(id, token);
    let (name, flags) = match secure {
        true => (SECURE_NAME, "; Secure"),
        false => (PLAIN_NAME, ""),
    };
    let mut cookies = vec![format!(
        "{name}={}; Path=/; Max-Age={MAX_AGE_SECS}; HttpOnly; SameSite=Lax{flags}",
        keys.encode()
    )];
    for (legacy, _) in request_cookies() {
        if legacy.starts_with(LEGACY_PREFIX) {
            cookies.push(format!(
                "{legacy}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{flags}"
            ));
        }
    }
    if show_once {
        cookies.push(format!(
            "{NEW_NAME}={id}; Path=/; Max-Age={NEW_MAX_AGE_SECS}; HttpOnly; SameSite=Lax{flags}"
        ));
    }
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.append_header(header::SET_COOKIE, value);
        }
    }
}

/// Whether the key of `id` is to be shown now; if so, it will not be again.
pub fn take_show_once(id: &str) -> bool {
    let shown = request_cookies()
        .iter()
        .any(|(name, value)| name == NEW_NAME && value == id);
    if shown && let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        // With the attributes it was set with, as scanners expect of a cookie.
        let expired = format!("{NEW_NAME}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        if let Ok(value) = HeaderValue::from_str(&expired) {
            response.append_header(header::SET_COOKIE, value);
        }
    }
    shown
}
