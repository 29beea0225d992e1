//! Runtime configuration of `clusterplan serve`, from flags or environment.

use std::net::SocketAddr;

/// Everything the server needs to start. Built by the CLI, or by tests directly.
#[derive(Clone, Debug, clap::Args)]
pub struct Config {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "CLUSTERPLAN_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// SQLite database URL; the file is created and migrated on start.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://clusterplan.db")]
    pub database_url: String,

    /// Public base URL of this deployment (e.g. `https://plan.example.com`); it
    /// prefixes the share links the API returns. Empty: root-relative links.
    #[arg(long, env = "CLUSTERPLAN_PUBLIC_URL", default_value = "")]
    pub public_url: String,

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
            site_root: "target/site".into(),
        }
    }
}
