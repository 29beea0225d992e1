//! A write rate limit per client address: a token bucket that refills at
//! `per_minute / 60` tokens a second and holds at most `per_minute` tokens.
//! Only requests that store something, try a secret or import a cluster count
//! ([`is_write`]); calculations and page reads never do, so live planner
//! updates are never refused.
//!
//! The client is the TCP peer, or, behind proxies listed in
//! `CLUSTERPLAN_TRUSTED_PROXIES`, the address they forward (see
//! [`crate::client_ip`]); headers from anyone else are ignored, since any
//! client can send them. Budgets live in each replica's memory: with N
//! replicas behind a balancer a client gets up to N times the budget.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::api::ApiError;
use crate::client_ip::{TrustedProxies, client_key};

/// Addresses remembered at most. Past this, the least recently and least
/// often used bucket is forgotten (its address starts again with a full
/// bucket), in constant time: an IPv6 /48 is 65,536 /64 buckets, and a scan of
/// the map per write under its lock would let one client slow every write.
const MAX_TRACKED: usize = 10_000;

/// A bucket: tokens left and when they were counted.
type Bucket = (f64, Instant);

/// Token buckets per client address.
pub struct WriteLimiter {
    capacity: f64,
    per_second: f64,
    buckets: Mutex<quick_cache::unsync::Cache<IpAddr, Bucket>>,
    trusted: TrustedProxies,
}

impl std::fmt::Debug for WriteLimiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WriteLimiter")
            .field("capacity", &self.capacity)
            .finish_non_exhaustive()
    }
}

impl WriteLimiter {
    /// A limiter allowing `per_minute` writes a minute per address (in bursts of
    /// up to `per_minute`), believing forwarding headers from `trusted` only.
    pub fn new(per_minute: u32, trusted: TrustedProxies) -> Arc<Self> {
        let capacity = f64::from(per_minute.max(1));
        Arc::new(Self {
            capacity,
            per_second: capacity / 60.0,
            buckets: Mutex::new(quick_cache::unsync::Cache::new(MAX_TRACKED)),
            trusted,
        })
    }

    /// Takes one token for `ip` at `now`, or says how long until one is free.
    pub fn check(&self, ip: IpAddr, now: Instant) -> Result<(), Duration> {
        // A poisoned lock only means another request panicked mid-update; the
        // map is still a valid map.
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let (tokens, at) = buckets.get(&ip).copied().unwrap_or((self.capacity, now));
        let tokens =
            (tokens + self.per_second * now.duration_since(at).as_secs_f64()).min(self.capacity);
        let (left, answer) = if tokens >= 1.0 {
            (tokens - 1.0, Ok(()))
        } else {
            let wait = Duration::from_secs_f64((1.0 - tokens) / self.per_second);
            (tokens, Err(wait))
        };
        buckets.insert(ip, (left, now));
        answer
    }

    /// Buckets held now.
    #[cfg(test)]
    fn tracked(&self) -> usize {
        self.buckets.lock().map_or(0, |b| b.len())
    }
}

/// The requests the limit counts: PUT, PATCH and DELETE anywhere, and POST to
/// the API's create and the pages' save (with and without JavaScript), update
/// and fork server functions (they store), to the page's edit-key claim (each try guesses a secret), and to the
/// import, the API's and the page's (it stores nothing, but reading up to 32 MiB
/// is expensive).
pub fn is_write(method: &Method, path: &str) -> bool {
    use app::api::{ClaimScenario, ForkScenario, SavePlan, SaveScenario, UpdateScenario};
    use leptos::server_fn::ServerFn;
    const COUNTED_POSTS: [&str; 8] = [
        "/api/v1/scenarios",
        SaveScenario::PATH,
        SavePlan::PATH,
        UpdateScenario::PATH,
        ForkScenario::PATH,
        ClaimScenario::PATH,
        crate::limits::IMPORT_PATH,
        crate::limits::IMPORT_PAGE_PATH,
    ];
    match *method {
        Method::PUT | Method::PATCH | Method::DELETE => true,
        Method::POST => COUNTED_POSTS.contains(&path.trim_end_matches('/')),
        _ => false,
    }
}

/// Middleware: limits writes (see [`is_write`]).
pub async fn limit_writes(
    State(limiter): State<Arc<WriteLimiter>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: Request,
    next: Next,
) -> Response {
    if !is_write(request.method(), request.uri().path()) {
        return next.run(request).await;
    }
    let client = client_key(peer.ip(), request.headers(), &limiter.trusted);
    match limiter.check(client, Instant::now()) {
        Ok(()) => next.run(request).await,
        // A page's plain form post gets a page, as a busy server's does.
        Err(wait) => crate::refusal_page::refuse(
            request.headers(),
            "Too many changes",
            ApiError::TooManyRequests {
                retry_after_secs: retry_after_secs(wait),
            },
        ),
    }
}

/// `Retry-After` for a wait: whole seconds rounded up, so that a client that
/// waits as long as it is told finds a token (rounded down, a limit of 30 a
/// minute said 1 for a wait of 1.9 s, and the retry was refused again).
fn retry_after_secs(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_storing_requests_are_writes() {
        let cases = [
            (Method::POST, "/api/v1/scenarios", true),
            (Method::PUT, "/api/v1/scenarios/abc", true),
            (Method::DELETE, "/api/v1/scenarios/abc", true),
            (Method::POST, "/api/save_scenario", true),
            (Method::POST, "/api/save_plan", true),
            (Method::POST, "/api/fork_scenario", true),
            (Method::POST, "/api/claim_scenario", true),
            (Method::POST, "/api/v1/import/kubernetes", true),
            (Method::POST, "/import", true),
            (Method::GET, "/import", false),
            (Method::POST, "/api/v1/calculate", false),
            (Method::POST, "/api/evaluate1234", false),
            (Method::GET, "/api/v1/scenarios/abc", false),
        ];
        for (method, path, expected) in cases {
            assert_eq!(is_write(&method, path), expected, "{method} {path}");
        }
    }

    #[test]
    fn a_burst_is_allowed_then_writes_wait_for_refill() {
        let limiter = WriteLimiter::new(60, TrustedProxies::default());
        let ip: IpAddr = [10, 0, 0, 1].into();
        let other: IpAddr = [10, 0, 0, 2].into();
        let start = Instant::now();

        for _ in 0..60 {
            assert!(limiter.check(ip, start).is_ok());
        }
        let wait = limiter.check(ip, start).expect_err("over the limit");

        assert!(wait <= Duration::from_secs(1), "{wait:?}");
        assert!(
            limiter.check(other, start).is_ok(),
            "addresses have their own budgets"
        );
        assert!(
            limiter.check(ip, start + Duration::from_secs(1)).is_ok(),
            "one token a second"
        );
    }

    #[test]
    fn waiting_as_long_as_retry_after_says_finds_a_token() {
        for per_minute in [5, 7, 30, 59] {
            for refused_at in [1, 100, 250, 999] {
                let limiter = WriteLimiter::new(per_minute, TrustedProxies::default());
                let ip: IpAddr = [10, 0, 0, 1].into();
                let start = Instant::now();
                for _ in 0..per_minute {
                    assert!(limiter.check(ip, start).is_ok());
                }
                let at = start + Duration::from_millis(refused_at);
                let wait = limiter.check(ip, at).expect_err("over the limit");
                let told = Duration::from_secs(retry_after_secs(wait));
                assert!(
                    limiter.check(ip, at + told).is_ok(),
                    "{per_minute}/min, refused at {refused_at} ms, told {told:?}"
                );
            }
        }
    }

    #[test]
    fn buckets_stay_bounded_when_every_address_is_mid_burst() {
        let limiter = WriteLimiter::new(60, TrustedProxies::default());
        let start = Instant::now();
        // 20,000 /64s of one /48, each with a bucket that is not full.
        for n in 0..20_000u128 {
            let ip = IpAddr::V6(std::net::Ipv6Addr::from(
                (0x2001_0db8_0001_u128 << 80) | (n << 64),
            ));
            assert!(limiter.check(ip, start).is_ok());
        }
        assert!(limiter.tracked() <= MAX_TRACKED, "{}", limiter.tracked());
        // A busy client is remembered: its bucket is not reset to full.
        let busy: IpAddr = [10, 0, 0, 9].into();
        for _ in 0..60 {
            assert!(limiter.check(busy, start).is_ok());
        }
        assert!(limiter.check(busy, start).is_err(), "still over its limit");
    }
}
