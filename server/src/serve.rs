//! Serving connections: HTTP/1.1 through hyper with a timer, which
//! `axum::serve` does not give, so that
//!
//! - a client that dribbles its request headers is cut after the header-read
//!   timeout;
//! - an idle keep-alive connection is cut after the same time (hyper starts the
//!   header timer as soon as it waits for the next request, so idle and slow
//!   headers are one limit);
//! - a connection whose answer makes no progress for the stall timeout is
//!   closed: a client that stops reading its answer would otherwise hold the
//!   answer's memory and, for a page, a rendering slot for as long as it keeps
//!   the socket open (tokio-io-timeout; hyper has no write timeout). Reads are
//!   left to the request timeout: a handler at work leaves hyper's read
//!   pending too;
//! - at most `max_connections` sockets are served at once; further clients wait
//!   in the kernel's accept queue until a slot frees, instead of using up the
//!   process' file descriptors so that everyone is refused.
//!
//! HTTP/2 is not offered: TLS ends at the proxy, which speaks HTTP/1.1 to us,
//! and cleartext h2 would need its own slow-client limits.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// Unsent bytes below which a connection's socket counts as writable again
/// (`TCP_NOTSENT_LOWAT`): the stall timeout then measures a client's reading,
/// not the kernel's buffer size.
const NOT_SENT_LOW_WATER: u32 = 128 * 1024;

/// How long and how many connections the server keeps.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// Longest a client may take to send a request's headers, and longest an
    /// idle keep-alive connection stays open.
    pub header_read_timeout: Duration,
    /// Longest a write of an answer may stay pending.
    pub stall_timeout: Duration,
    /// Most connections served at once.
    pub max_connections: usize,
}

/// Serves `router` on `listener` until `stop` resolves, then stops accepting
/// and lets every open connection finish its current request. Resolves when
/// all connections have closed (the caller bounds that wait).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    stop: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    tokio::pin!(stop);
    loop {
        // Take a slot before accepting, so a full server leaves new clients in
        // the accept queue rather than accepting and dropping them.
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut stop => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    accept_failed(&error).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Responses are small and written whole; do not wait to fill a segment.
        let _ = stream.set_nodelay(true);
        // A client that reads a long answer (a forecast: tens of MB) slowly but
        // steadily must see each write progress within the stall timeout: with
        // the kernel's autotuned send buffer (MBs), a full socket turned
        // writable only once half of it had drained, over 30 s below about
        // 70 KB/s, and the answer was cut. Writable while little is unsent.
        let _ = socket2::SockRef::from(&stream).set_tcp_notsent_lowat(NOT_SENT_LOW_WATER);
        let service = TowerToHyperService::new(router.clone().map_request(
            move |mut request: axum::http::Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        ));
        let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
        stream.set_write_timeout(Some(limits.stall_timeout));
        let stream = TokioIo::new(Box::pin(stream));
        let connection = graceful.watch(http.serve_connection(stream, service));
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                // Timeouts and resets are the client's doing; not worth a warning.
                tracing::debug!(%error, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

/// Per-connection errors (the peer reset before we accepted) are retried at
/// once; others (out of file descriptors) after a pause, so the loop does not
/// spin while the condition lasts.
async fn accept_failed(error: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "cannot accept a connection; retrying in 1 s");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

#[cfg(test)]
mod tests {
    use axum::routing::get;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    #[tokio::test]
    async fn a_client_that_stops_reading_is_cut_off() {
        const ANSWER: usize = 64 << 20;
        let router = Router::new().route("/", get(|| async { vec![b'x'; ANSWER] }));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = listener.local_addr().expect("address");
        let limits = ConnectionLimits {
            header_read_timeout: Duration::from_secs(10),
            stall_timeout: Duration::from_secs(1),
            max_connections: 8,
        };
        tokio::spawn(serve(listener, router, limits, std::future::pending()));
        let socket = tokio::net::TcpSocket::new_v4().expect("socket");
        socket.set_recv_buffer_size(4096).expect("buffer");
        let mut stream = socket.connect(address).await.expect("connect");
        stream
            .write_all(b"GET / HTTP/1.1\r\nhost: test\r\n\r\n")
            .await
            .expect("ask");
        // Not reading: the server's writes stall past its 1 s.
        tokio::time::sleep(Duration::from_secs(3)).await;
        let (mut got, mut buffer) = (0, vec![0; 1 << 16]);
        loop {
            let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buffer));
            match read
                .await
                .expect("the connection was closed, not left open")
            {
                Ok(0) | Err(_) => break,
                Ok(read) => got += read,
            }
        }
        assert!(got < ANSWER, "the whole answer came after the stall");
    }
}
