//! The command line of the `clusterplan` binary (PLANNER.md §7).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::{Config, build, calculate, shutdown, telemetry};

/// Clusterplan: should we run Kubernetes on EKS or host it ourselves?
#[derive(Debug, Parser)]
#[command(name = "clusterplan", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the planner and the JSON API.
    Serve(Config),
    /// Read a ScenarioInput JSON on stdin, print the CalculationResult JSON on
    /// stdout. Invalid input prints the API's problem document on stderr and
    /// exits with status 2.
    Calculate,
}

/// Parses the arguments, runs the subcommand and turns its outcome into an exit code.
pub async fn run() -> ExitCode {
    match Cli::parse().command {
        Command::Serve(config) => serve(config).await,
        Command::Calculate => calculate::run(std::io::stdin().lock(), std::io::stdout().lock()),
    }
}

async fn serve(config: Config) -> ExitCode {
    telemetry::init();
    let app = match build(config).await {
        Ok(app) => app,
        Err(error) => {
            eprintln!("clusterplan: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!(addr = %app.local_addr(), "listening");
    match app.run_until(shutdown::signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("clusterplan: server error: {error}");
            ExitCode::FAILURE
        }
    }
}
