//! Logging set-up: tracing to stderr, filtered by `RUST_LOG`; one JSON object per
//! line when `CLUSTERPLAN_LOG_FORMAT=json` (for log shippers), text otherwise.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

/// Installs the global tracing subscriber; a second call (as in tests) is a no-op.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours for a person at a terminal only: a log file, a pipe or a
        // collector gets plain text, not escape codes.
        .with_ansi(std::io::stderr().is_terminal());
    let _ = if std::env::var("CLUSTERPLAN_LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
