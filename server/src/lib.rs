//! The Clusterplan server: configuration, start-up, the axum router and the CLI.
//!
//! `build(config)` opens the database and binds the listener; `router(state)`
//! assembles every route. Tests call both with a temp database on port 0.

pub mod accept_encoding;
pub mod api;
pub mod calculate;
pub mod cli;
pub mod client_ip;
pub mod config;
pub mod cross_site;
pub mod host;
pub mod import;
pub mod import_turns;
pub mod limits;
pub mod middleware;
pub mod page_cache;
pub mod printed;
pub mod ratelimit;
pub mod refusal_page;
pub mod routes;
pub mod serve;
pub mod shed;
pub mod shutdown;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod timeout;

pub use config::Config;
pub use routes::router;
pub use startup::{Application, StartupError, build};
pub use state::AppState;
