//! Start-up: open the database, bind the listener, and serve until told to stop,
//! then drain: readiness off, a delay while requests still come, a bounded wait
//! for in-flight requests, and the pool closed with the WAL checkpointed.

use std::net::SocketAddr;
use std::time::Duration;

use clusterplan_service::{Database, DbError, DbSettings, Service};
use leptos::config::LeptosOptions;
use tokio::net::TcpListener;

use crate::serve::{ConnectionLimits, serve};
use crate::state::Readiness;
use crate::{AppState, Config, router};

/// Why the server could not start. Each variant says what to fix.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    /// The database could not be opened or migrated.
    #[error(transparent)]
    Database(#[from] DbError),
    /// The address could not be bound (in use, or not ours).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// A server that has opened its database and bound its port, ready to run.
pub struct Application {
    listener: TcpListener,
    state: AppState,
    drain_delay: Duration,
    shutdown_timeout: Duration,
    limits: ConnectionLimits,
}

/// Opens and migrates the database, then binds `config.addr`.
pub async fn build(config: Config) -> Result<Application, StartupError> {
    let settings = DbSettings {
        durability: config.sqlite_synchronous,
        max_bytes: config.max_database_mb.saturating_mul(1 << 20),
    };
    let db = Database::connect_with(&config.database_url, settings).await?;
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| StartupError::Bind {
            addr: config.addr,
            source,
        })?;
    let site_root = std::path::Path::new(&config.site_root);
    let hash_file = crate::routes::assets::hash_file(site_root);
    let problem = hash_file.as_deref().and_then(|file| {
        crate::routes::assets::hash_file_problem(site_root, file, app::OUTPUT_NAME)
    });
    if let (Some(file), Some(problem)) = (&hash_file, problem) {
        tracing::warn!(
            hash_file = %file.display(),
            site_root = config.site_root,
            "the hash file does not describe the site: {problem}; pages will link files that are not there"
        );
    }
    if hash_file.is_none() && cfg!(not(debug_assertions)) {
        tracing::warn!(
            site_root = config.site_root,
            "no hash.txt beside the binary or in the site root: pages link the bundle's \
             unhashed names, which only a debug build's site holds"
        );
    }
    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(config.site_root.as_str())
        .hash_files(hash_file.is_some())
        .hash_file(hash_file.map_or("hash.txt".into(), |f| f.to_string_lossy().into()))
        .build();
    let service = Service::new(db, &config.public_url)
        .with_max_revisions(config.max_revisions_per_scenario)
        .with_simulation_limit(
            simulation_slot_count(config.simulation_slots),
            Duration::from_millis(config.simulation_wait_ms),
        );
    Ok(Application {
        listener,
        state: AppState {
            leptos_options,
            page_cache: crate::page_cache::PageCache::new(service.clone()),
            service,
            readiness: Readiness::ready(),
            write_limiter: crate::ratelimit::WriteLimiter::new(
                config.write_limit_per_minute,
                config
                    .trusted_proxies
                    .clone()
                    .writing(config.forwarded_header),
            ),
            trusted_origins: crate::cross_site::TrustedOrigins::from_public_url(&config.public_url),
            request_timeout: Duration::from_secs(config.request_timeout_secs),
            render_slots: crate::shed::Slots::rendering(
                render_slot_count(config.render_slots),
                Duration::from_millis(config.render_wait_ms),
            ),
            import_turns: crate::import_turns::ImportTurns::new(IMPORT_WAIT),
        },
        drain_delay: Duration::from_secs(config.drain_delay_secs),
        shutdown_timeout: Duration::from_secs(config.shutdown_timeout_secs),
        limits: ConnectionLimits {
            header_read_timeout: Duration::from_secs(config.header_read_timeout_secs),
            stall_timeout: Duration::from_secs(config.stall_timeout_secs),
            max_connections: config.max_connections,
        },
    })
}

/// How long an import waits for room to receive its body, then for its turn
/// to be read: reading takes a second or two, and a client is better told to
/// come back than held.
const IMPORT_WAIT: Duration = Duration::from_secs(5);

/// `configured`, or four per core when 0: rendering is CPU work with short
/// waits on the database, so a few per core keep every core busy.
fn render_slot_count(configured: usize) -> usize {
    match configured {
        0 => 4 * std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    }
}

/// `configured`, or one per core when 0: a simulation keeps a core busy.
fn simulation_slot_count(configured: usize) -> usize {
    match configured {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        n => n,
    }
}

impl Application {
    /// The address actually bound (the real port when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound TCP listener has a local address")
    }

    /// Serves until `shutdown` resolves, then drains (see the module docs).
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send + 'static) {
        let db = self.state.service.database().clone();
        let readiness = self.state.readiness.clone();
        let (drain_delay, timeout) = (self.drain_delay, self.shutdown_timeout);
        let (closing_tx, closing_rx) = tokio::sync::oneshot::channel::<()>();
        let signal = async move {
            shutdown.await;
            readiness.set_not_ready();
            tracing::info!(?drain_delay, "shutting down: not ready, still serving");
            tokio::time::sleep(drain_delay).await;
            tracing::info!("closing the listener; finishing in-flight requests");
            let _ = closing_tx.send(());
        };
        let server = serve(self.listener, router(self.state), self.limits, signal);
        let bound = async move {
            if closing_rx.await.is_ok() {
                tokio::time::sleep(timeout).await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        tokio::select! {
            () = server => {},
            () = bound => {
                tracing::warn!(?timeout, "in-flight requests did not finish in time; stopping");
            }
        }
        db.close().await;
        tracing::info!("stopped");
    }
}
