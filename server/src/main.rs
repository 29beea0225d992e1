//! The `clusterplan` binary: everything lives in the library so tests can start it.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    clusterplan::cli::run().await
}
