//! Start-up: open the database, bind the listener, and serve until told to stop.

use std::net::SocketAddr;

use clusterplan_service::{Database, DbError, Service};
use leptos::config::LeptosOptions;
use tokio::net::TcpListener;

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
}

/// Opens and migrates the database, then binds `config.addr`.
pub async fn build(config: Config) -> Result<Application, StartupError> {
    let db = Database::connect(&config.database_url).await?;
    let listener = TcpListener::bind(config.addr)
        .await
        .map_err(|source| StartupError::Bind {
            addr: config.addr,
            source,
        })?;
    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(config.site_root.as_str())
        .build();
    Ok(Application {
        listener,
        state: AppState {
            leptos_options,
            service: Service::new(db, &config.public_url),
        },
    })
}

impl Application {
    /// The address actually bound (the real port when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound TCP listener has a local address")
    }

    /// Serves until `shutdown` resolves, then drains in-flight requests and
    /// closes the pool.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let db = self.state.service.database().clone();
        let app = router(self.state);
        let served = axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .await;
        db.close().await;
        served
    }
}
