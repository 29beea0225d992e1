//! Runtime configuration of `clusterplan serve`, from flags or environment.

use std::net::SocketAddr;

use clusterplan_service::Durability;

use crate::client_ip::{ForwardedHeader, TrustedProxies};

/// Everything the server needs to start. Built by the CLI, or by tests directly.
#[derive(Clone, Debug, clap::Args)]
pub struct Config {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "CLUSTERPLAN_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// `sqlite://file` (created if missing) or `postgres://…`; migrated on start.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://clusterplan.db")]
    pub database_url: String,

    /// Public base URL of this deployment (e.g. `https://plan.example.com`); it
    /// prefixes the share links the API returns. Empty: root-relative links.
    #[arg(long, env = "CLUSTERPLAN_PUBLIC_URL", default_value = "", value_parser = parse_public_url)]
    pub public_url: String,

    /// SQLite durability: `full` (an acknowledged save survives power loss) or
    /// `normal` (survives a crash of the process; faster).
    #[arg(long, env = "CLUSTERPLAN_SQLITE_SYNCHRONOUS", default_value = "full", value_parser = parse_durability)]
    pub sqlite_synchronous: Durability,

    /// Largest the database may grow, in MiB; past it saves answer 507 and
    /// reads go on.
    #[arg(long, env = "CLUSTERPLAN_MAX_DATABASE_MB", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_database_mb: u64,

    /// Revisions one scenario keeps; a save past it is refused (fork to go on).
    #[arg(long, env = "CLUSTERPLAN_MAX_REVISIONS", default_value_t = clusterplan_service::MAX_REVISIONS_PER_SCENARIO, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_revisions_per_scenario: u32,

    /// Seconds between SIGTERM and closing the listener: `/readyz` answers 503 at
    /// once so the load balancer stops sending, while requests still arrive.
    #[arg(long, env = "CLUSTERPLAN_DRAIN_DELAY_SECS", default_value_t = 5, value_parser = clap::value_parser!(u64).range(..=MAX_TIMEOUT_SECS))]
    pub drain_delay_secs: u64,

    /// Seconds in-flight requests get after the listener closes; then the process
    /// stops regardless.
    #[arg(long, env = "CLUSTERPLAN_SHUTDOWN_TIMEOUT_SECS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(..=MAX_TIMEOUT_SECS))]
    pub shutdown_timeout_secs: u64,

    /// Writes (POST, PUT, DELETE) each client address may make per minute, in
    /// bursts of up to as many; more get 429 with Retry-After.
    #[arg(long, env = "CLUSTERPLAN_WRITE_LIMIT_PER_MINUTE", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..))]
    pub write_limit_per_minute: u32,

    /// Monte Carlo simulations run at once (0: one per core).
    #[arg(long, env = "CLUSTERPLAN_SIMULATION_SLOTS", default_value_t = 0)]
    pub simulation_slots: usize,

    /// Milliseconds a simulation waits for a slot before the request is
    /// answered 503 with Retry-After (a save then stores nothing).
    #[arg(long, env = "CLUSTERPLAN_SIMULATION_WAIT_MS", default_value_t = clusterplan_service::SIMULATION_WAIT_MS, value_parser = clap::value_parser!(u64).range(..=MAX_TIMEOUT_SECS * 1000))]
    pub simulation_wait_ms: u64,

    /// Seconds a request may take before it is answered 503 with Retry-After.
    #[arg(long, env = "CLUSTERPLAN_REQUEST_TIMEOUT_SECS", default_value_t = crate::middleware::REQUEST_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub request_timeout_secs: u64,

    /// Seconds a client may take to send a request's headers; an idle
    /// keep-alive connection is closed after as long.
    #[arg(
        long,
        env = "CLUSTERPLAN_HEADER_READ_TIMEOUT_SECS",
        default_value_t = 10,
        value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS)
    )]
    pub header_read_timeout_secs: u64,

    /// Seconds a connection may make no progress writing an answer (a client
    /// that stopped reading); then it is closed, and what its answer held
    /// (memory, a rendering slot) is freed.
    #[arg(long, env = "CLUSTERPLAN_STALL_TIMEOUT_SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub stall_timeout_secs: u64,

    /// Most client connections served at once; more wait to be accepted.
    #[arg(long, env = "CLUSTERPLAN_MAX_CONNECTIONS", default_value_t = 512, value_parser = at_least_one)]
    pub max_connections: usize,

    /// Pages, server functions and charts rendered at once (0: four per core).
    #[arg(long, env = "CLUSTERPLAN_RENDER_SLOTS", default_value_t = 0)]
    pub render_slots: usize,

    /// Milliseconds a rendering request waits for a slot before it is answered
    /// 503 with Retry-After.
    #[arg(long, env = "CLUSTERPLAN_RENDER_WAIT_MS", default_value_t = 2000, value_parser = clap::value_parser!(u64).range(..=MAX_TIMEOUT_SECS * 1000))]
    pub render_wait_ms: u64,

    /// Proxies (addresses or CIDR blocks, comma-separated) whose `Forwarded` /
    /// `X-Forwarded-For` name the client for the write limit. Empty: none.
    #[arg(long, env = "CLUSTERPLAN_TRUSTED_PROXIES", default_value = "", value_parser = TrustedProxies::parse)]
    pub trusted_proxies: TrustedProxies,

    /// The one header the trusted proxies write the client's address into:
    /// `x-forwarded-for` or `forwarded`. The other is ignored, since proxies
    /// pass it through as the client wrote it.
    #[arg(
        long,
        env = "CLUSTERPLAN_FORWARDED_HEADER",
        value_enum,
        default_value = "x-forwarded-for"
    )]
    pub forwarded_header: ForwardedHeader,

    /// Directory holding the built site (`pkg/` with the wasm bundle, CSS, assets).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,
}

impl Config {
    /// A configuration for tests: a free port on loopback and the given database.
    pub fn for_tests(database_url: impl Into<String>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: database_url.into(),
            public_url: String::new(),
            sqlite_synchronous: Durability::Full,
            max_database_mb: 1024,
            max_revisions_per_scenario: clusterplan_service::MAX_REVISIONS_PER_SCENARIO,
            simulation_slots: 0,
            simulation_wait_ms: clusterplan_service::SIMULATION_WAIT_MS,
            drain_delay_secs: 0,
            // Tests save hundreds of scenarios from one address; the limit has
            // its own test.
            write_limit_per_minute: 1_000_000,
            shutdown_timeout_secs: 5,
            // Debug builds on a busy CI machine render slowly; the timeout has
            // its own test with its own setting.
            request_timeout_secs: 60,
            header_read_timeout_secs: 10,
            stall_timeout_secs: 30,
            max_connections: 512,
            render_slots: 0,
            // Tests render many pages at once on a busy CI machine; shedding
            // has its own tests with their own settings.
            render_wait_ms: 30_000,
            trusted_proxies: TrustedProxies::default(),
            forwarded_header: ForwardedHeader::default(),
            site_root: "target/site".into(),
        }
    }
}

fn parse_durability(value: &str) -> Result<Durability, String> {
    match value.to_ascii_lowercase().as_str() {
        "full" => Ok(Durability::Full),
        "normal" => Ok(Durability::Normal),
        other => Err(format!("{other:?} is not full or normal")),
    }
}

/// Empty, or an `http://` or `https://` URL with a host (a name, IPv4 or
/// IPv6) and a valid port, and no user, query or fragment: share links are
/// written after it, and its scheme and host are where same-site writes may
/// come from (`cross_site`). Scheme and host are written in lower case, as
/// browsers send them in `Origin`.
fn parse_public_url(value: &str) -> Result<String, String> {
    if value.is_empty() {
        return Ok(String::new());
    }
    let refused = |why: &str| format!("{value:?} is not a public base URL: {why}");
    let odd = |c: char| c.is_whitespace() || c.is_control() || "\\<>\"'`{}|^;".contains(c);
    if value.chars().any(odd) {
        return Err(refused("it has a character a URL must not"));
    }
    let url = url::Url::parse(value).map_err(|error| refused(&error.to_string()))?;
    let name_ok = match url.host() {
        Some(url::Host::Domain(name)) => name.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        }),
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => true,
        None => false,
    };
    if !matches!(url.scheme(), "http" | "https") || !name_ok {
        return Err(refused(
            "it needs http:// or https:// and a host name or address",
        ));
    }
    if !url.username().is_empty()
        || url.password().is_some()
        || url.query().is_some()
        || url.fragment().is_some()
    {
        return Err(refused("it must not have a user, a query or a fragment"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// The longest timeout, wait or delay a flag may set: a day. Longer ones would
/// overflow the clock's arithmetic (a server that panics on every connection)
/// or never stop after SIGTERM.
const MAX_TIMEOUT_SECS: u64 = 86_400;

/// A count that must be at least 1 (`--max-connections 0` would serve no one).
fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(error) => Err(error.to_string()),
    }
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
