//! The command line of the `clusterplan` binary (docs/MODEL.md §8.2).

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
    /// Read `kubectl get nodes,pods -A -o json` on stdin, print the scenario it
    /// makes and the report of what was read (`{input, report}`) on stdout.
    /// Invalid input prints the API's problem document on stderr and exits 2.
    Import(crate::import::ImportArgs),
    /// Write a consistent copy of a (possibly live) database to a new file.
    Backup(BackupArgs),
}

/// Arguments of `clusterplan backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The database to copy.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://clusterplan.db")]
    pub database_url: String,
    /// The new file to write; it must not exist.
    #[arg(long)]
    pub to: std::path::PathBuf,
}

/// Parses the arguments, runs the subcommand and turns its outcome into an exit code.
pub async fn run() -> ExitCode {
    match Cli::parse().command {
        Command::Serve(config) => serve(config).await,
        Command::Calculate => calculate::run(std::io::stdin().lock(), std::io::stdout().lock()),
        Command::Import(args) => {
            crate::import::run(&args, std::io::stdin().lock(), std::io::stdout().lock())
        }
        Command::Backup(args) => backup(args).await,
    }
}

async fn backup(args: BackupArgs) -> ExitCode {
    match clusterplan_service::Database::backup(&args.database_url, &args.to).await {
        Ok(()) => {
            println!("backed up {} to {}", args.database_url, args.to.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("clusterplan: backup failed: {error}");
            ExitCode::FAILURE
        }
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
    app.run_until(shutdown::signal()).await;
    ExitCode::SUCCESS
}
