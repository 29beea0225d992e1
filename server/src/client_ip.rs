//! Who a request comes from, for the write limit. The TCP peer's address,
//! unless the peer is a trusted proxy (opt-in: `CLUSTERPLAN_TRUSTED_PROXIES`);
//! then the right-most address that is not itself a trusted proxy in the one
//! header the operator says the proxy writes (`CLUSTERPLAN_FORWARDED_HEADER`:
//! `x-forwarded-for` by default, or `forwarded`). Addresses left of it were
//! written by the client and prove nothing, and the other header is ignored
//! whole: proxies such as ingress-nginx and HAProxy append to one header and pass
//! the other through as the client wrote it. IPv6 clients are keyed by their
//! /64, since one host is usually given a whole /64 and could rotate through it.

use std::net::{IpAddr, Ipv6Addr};
use std::sync::Arc;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The header a trusted proxy writes the client's address into.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1` (ingress-nginx, HAProxy, most balancers).
    #[default]
    #[value(name = "x-forwarded-for")]
    XForwardedFor,
    /// RFC 7239 `Forwarded: for=client, for=proxy1`.
    #[value(name = "forwarded")]
    Forwarded,
}

/// The proxies whose forwarding header is believed, and which header that is.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Arc<[IpNet]>, ForwardedHeader);

impl TrustedProxies {
    /// Reads a comma-separated list of addresses or CIDR blocks
    /// (`10.0.0.0/8, 127.0.0.1, fd00::/8`); empty trusts no one.
    pub fn parse(list: &str) -> Result<Self, String> {
        let nets = list
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                item.parse::<IpNet>()
                    .or_else(|_| item.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{item:?} is not an IP address or CIDR block"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self(nets.into(), ForwardedHeader::default()))
    }

    /// These proxies, writing the client into `header`.
    pub fn writing(self, header: ForwardedHeader) -> Self {
        Self(self.0, header)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }
}

/// The key the write limit counts `peer`'s request under (see the module docs).
pub fn client_key(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> IpAddr {
    let peer = canonical(peer);
    if !trusted.trusts(peer) {
        return key(peer);
    }
    let chain = forwarded_chain(headers, trusted.1);
    let client = chain
        .iter()
        .rev()
        .copied()
        .map(canonical)
        .find(|ip| !trusted.trusts(*ip))
        .or_else(|| chain.first().copied().map(canonical))
        .unwrap_or(peer);
    key(client)
}

/// The addresses a request passed through, client first, as `header` lists
/// them. Unparseable entries (`unknown`, obfuscated names) are skipped.
fn forwarded_chain(headers: &HeaderMap, header: ForwardedHeader) -> Vec<IpAddr> {
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|part| part.trim().to_owned())
            .collect()
    };
    if header == ForwardedHeader::Forwarded {
        return values("forwarded")
            .iter()
            .filter_map(|element| {
                element
                    .split(';')
                    .filter_map(|pair| pair.trim().split_once('='))
                    .find(|(name, _)| name.eq_ignore_ascii_case("for"))
                    .and_then(|(_, value)| node_address(value))
            })
            .collect();
    }
    values("x-forwarded-for")
        .iter()
        .filter_map(|value| node_address(value))
        .collect()
}

/// `192.0.2.60`, `"192.0.2.60:4711"`, `"[2001:db8::17]:4711"` → the address.
fn node_address(value: &str) -> Option<IpAddr> {
    let value = value.trim().trim_matches('"');
    if let Some(rest) = value.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    value.parse().ok().or_else(|| {
        // An IPv4 address with a port: exactly one colon.
        let (host, _port) = value.split_once(':')?;
        host.parse().ok()
    })
}

/// IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`) are the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// IPv4 as is; IPv6 cut to its /64.
fn key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & (u128::MAX << 64);
            IpAddr::V6(Ipv6Addr::from(bits))
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn headers_are_believed_only_from_trusted_peers() {
        let trusted = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1").unwrap();
        let forged = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(
            client_key(ip("198.51.100.7"), &forged, &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_key(ip("127.0.0.1"), &forged, &trusted),
            ip("203.0.113.9")
        );
        let none = TrustedProxies::default();
        assert_eq!(client_key(ip("127.0.0.1"), &forged, &none), ip("127.0.0.1"));
    }

    #[test]
    fn the_rightmost_untrusted_address_is_the_client() {
        let trusted = TrustedProxies::parse("10.0.0.0/8").unwrap();
        // The client claims 1.1.1.1; the first trusted proxy saw 203.0.113.9.
        let chain = headers(&[("x-forwarded-for", "1.1.1.1, 203.0.113.9, 10.0.0.2")]);
        assert_eq!(
            client_key(ip("10.0.0.1"), &chain, &trusted),
            ip("203.0.113.9")
        );
        let rfc = trusted.clone().writing(ForwardedHeader::Forwarded);
        let forwarded = headers(&[(
            "forwarded",
            r#"for=1.1.1.1, for="[2001:db8:cafe::17]:4711";proto=https, for=10.0.0.2"#,
        )]);
        assert_eq!(
            client_key(ip("10.0.0.1"), &forwarded, &rfc),
            ip("2001:db8:cafe::"),
            "IPv6 is keyed by its /64"
        );
        let v4_port = headers(&[("forwarded", r#"for="192.0.2.43:47011""#)]);
        assert_eq!(client_key(ip("10.0.0.1"), &v4_port, &rfc), ip("192.0.2.43"));
    }

    #[test]
    fn only_the_header_the_proxy_writes_is_read() {
        // The proxy appends to X-Forwarded-For and passes the client's own
        // `Forwarded` through: rotating it must not give the client new buckets.
        let trusted = TrustedProxies::parse("127.0.0.1").unwrap();
        let keys: Vec<IpAddr> = (1..=12)
            .map(|n| {
                let sent = headers(&[
                    ("x-forwarded-for", "203.0.113.9"),
                    ("forwarded", &format!("for=198.51.100.{n}")),
                ]);
                client_key(ip("127.0.0.1"), &sent, &trusted)
            })
            .collect();
        assert!(keys.iter().all(|k| *k == ip("203.0.113.9")), "{keys:?}");
        // And the other way round when the proxy writes `Forwarded`.
        let rfc = trusted.writing(ForwardedHeader::Forwarded);
        let sent = headers(&[
            ("x-forwarded-for", "198.51.100.1"),
            ("forwarded", "for=203.0.113.9"),
        ]);
        assert_eq!(client_key(ip("127.0.0.1"), &sent, &rfc), ip("203.0.113.9"));
    }

    #[test]
    fn ipv6_clients_share_their_64_and_mapped_ipv4_is_ipv4() {
        let none = TrustedProxies::default();
        let empty = HeaderMap::new();
        assert_eq!(
            client_key(ip("2001:db8:1:2:aaaa::1"), &empty, &none),
            client_key(ip("2001:db8:1:2:bbbb::9"), &empty, &none)
        );
        assert_ne!(
            client_key(ip("2001:db8:1:2::1"), &empty, &none),
            client_key(ip("2001:db8:1:3::1"), &empty, &none)
        );
        assert_eq!(
            client_key(ip("::ffff:192.0.2.1"), &empty, &none),
            ip("192.0.2.1")
        );
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("").unwrap().0.is_empty());
    }
}
