//! The `Host` header a request must carry (RFC 9112, section 3.2): exactly one,
//! HTTP/1.0 excepted, and holding `uri-host [":" port]` or nothing. hyper passes
//! on a request without one, with two, or with any bytes in it; the answer is a
//! 400 problem document (`crate::middleware` places it inside the layers that
//! add the common headers).

use axum::body::Body;
use axum::http::{Request, Version, header};
use axum::response::{IntoResponse, Response};

use crate::api::ApiError;

/// Passes `request` on, or answers 400 if its `Host` is missing (HTTP/1.1 and
/// later), given twice, or not a host with an optional port (empty is allowed).
pub async fn require_one_host(request: Request<Body>) -> Result<Request<Body>, Response> {
    let mut hosts = request.headers().get_all(header::HOST).iter();
    let required = request.version() >= Version::HTTP_11;
    let refused = match (hosts.next(), hosts.next()) {
        (None, _) => required,
        (Some(host), None) => !is_host(host.as_bytes()),
        (Some(_), Some(_)) => true,
    };
    match refused {
        true => Err(ApiError::BadRequest(
            "send exactly one Host header, holding a host and optional port (RFC 9112, section 3.2)"
                .to_owned(),
        )
        .into_response()),
        false => Ok(request),
    }
}

/// Whether `value` is empty or `uri-host [":" port]` (RFC 3986, sections
/// 3.2.2 and 3.2.3): an IP literal in brackets, or a name of unreserved,
/// sub-delimiter and percent-encoded characters; then a port of digits.
fn is_host(value: &[u8]) -> bool {
    let (host, port) = match value.strip_prefix(b"[") {
        // IPv6, IPvFuture, a zone (RFC 6874): checked for their characters only.
        Some(literal) => match literal.iter().position(|&b| b == b']') {
            Some(end) if end > 0 => {
                let inside = &literal[..end];
                let fits = inside
                    .iter()
                    .all(|&b| name_byte(b) || b == b':' || b == b'%');
                (fits, &literal[end + 1..])
            }
            _ => return false,
        },
        None => {
            let colon = value.iter().position(|&b| b == b':').unwrap_or(value.len());
            (reg_name(&value[..colon]), &value[colon..])
        }
    };
    let port_fits = match port.split_first() {
        None => true,
        Some((b':', digits)) => digits.iter().all(u8::is_ascii_digit),
        Some(_) => false,
    };
    host && port_fits
}

/// `*( unreserved / pct-encoded / sub-delims )`.
fn reg_name(name: &[u8]) -> bool {
    let mut rest = name;
    while let Some((&first, tail)) = rest.split_first() {
        rest = match first {
            b'%' => match tail {
                [a, b, more @ ..] if a.is_ascii_hexdigit() && b.is_ascii_hexdigit() => more,
                _ => return false,
            },
            b if name_byte(b) => tail,
            _ => return false,
        };
    }
    true
}

/// Unreserved or a sub-delimiter (RFC 3986, section 2).
fn name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::is_host;

    #[test]
    fn hosts_and_ports_as_rfc_3986_writes_them() {
        let fit = [
            "",
            "a",
            "a.example.",
            "xn--bcher-kva.example:8080",
            "ex%41mple",
            "[::1]",
            "[::1]:3000",
            "[fe80::1%25eth0]",
            "[v1.fe]",
            "localhost:0",
            "a,b",
            "a:",
        ];
        for host in fit {
            assert!(is_host(host.as_bytes()), "{host:?} is a host");
        }
        let unfit = [
            "a b",
            "a@b",
            "user@a",
            "a/b",
            "a?b",
            "a#b",
            "[::1",
            "[]",
            "a:b",
            "host:abc",
            "a:1:2",
            "ex%4",
            "ex%zz",
            "[::1]x",
            "caf\u{e9}",
        ];
        for host in unfit {
            assert!(!is_host(host.as_bytes()), "{host:?} is no host");
        }
    }
}
