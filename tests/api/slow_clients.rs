//! Slow and idle connections: a client that dribbles its headers, or opens a
//! socket and says nothing, is cut after the header-read timeout; the server
//! serves a bounded number of connections at once; a normal client is still
//! served while slow ones hold sockets.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{TestApp, spawn_app_with};

/// Longer than any cut the tests expect; a socket still open then has not been cut.
const PATIENCE: Duration = Duration::from_secs(8);

/// What a client does after its opening bytes.
#[derive(Clone, Copy, Debug)]
enum Then {
    /// One more header byte every 200 ms (the slow-headers attack).
    Dribble,
    /// Nothing at all: the socket stays open and silent.
    Nothing,
}

/// Connects, sends `opening`, then does `then` until the server closes the
/// socket (a complete request is answered, then idles). Returns how long after
/// `start` the close came, or `None` if the socket was still open after
/// [`PATIENCE`].
async fn hold(app: &TestApp, opening: &[u8], then: Then, start: Instant) -> Option<Duration> {
    let addr = app.address.trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    let _ = stream.write_all(opening).await;
    let mut buf = [0_u8; 1024];
    while start.elapsed() < PATIENCE {
        tokio::select! {
            read = stream.read(&mut buf) => match read {
                Ok(0) | Err(_) => return Some(start.elapsed()),
                Ok(_) => {} // a response (the idle case); keep waiting for the close
            },
            () = tokio::time::sleep(Duration::from_millis(200)) => {
                if matches!(then, Then::Nothing) || opening.ends_with(b"\r\n\r\n") {
                    continue; // silent, or a complete request now idle
                }
                if stream.write_all(b"x").await.is_err() {
                    return Some(start.elapsed());
                }
            }
        }
    }
    None
}

/// A fresh client (its own connection), so it is not helped by a pooled one.
async fn normal_get(app: &TestApp) -> reqwest::StatusCode {
    reqwest::Client::new()
        .get(app.url("/healthz"))
        .timeout(PATIENCE)
        .send()
        .await
        .expect("a normal client is served")
        .status()
}

#[tokio::test]
async fn slow_headers_and_idle_keep_alive_are_cut_while_normal_clients_are_served() {
    // Arrange: a 1 s header-read timeout.
    let (app, _stop, _server) = spawn_app_with(|c| c.header_read_timeout_secs = 1).await;
    let start = Instant::now();

    // Act: 40 clients dribble header bytes, 10 send nothing, 10 make one
    // request and then idle on keep-alive; meanwhile a normal client asks.
    let slow = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    let idle = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    let mut clients = Vec::new();
    for (opening, then) in [(&slow[..], Then::Dribble); 40]
        .into_iter()
        .chain([(&b""[..], Then::Nothing); 10])
        .chain([(&idle[..], Then::Nothing); 10])
    {
        clients.push(hold(&app, opening, then, start));
    }
    let (cuts, status) = tokio::join!(futures::future::join_all(clients), normal_get(&app));

    // Assert
    assert_eq!(status, 200);
    let cuts: Vec<_> = cuts.into_iter().collect();
    assert!(
        cuts.iter()
            .all(|cut| cut.is_some_and(|at| at < Duration::from_secs(5))),
        "every slow or idle socket is closed soon after the 1 s timeout: {cuts:?}"
    );
}

#[tokio::test]
async fn connections_beyond_the_cap_wait_to_be_accepted() {
    // Arrange: at most 10 connections, a 1 s header-read timeout.
    let (app, _stop, _server) = spawn_app_with(|c| {
        c.header_read_timeout_secs = 1;
        c.max_connections = 10;
    })
    .await;
    let start = Instant::now();

    // Act: 20 silent sockets; the first 10 are served (and cut at ~1 s), the
    // other 10 are accepted only then, and cut a second later.
    let silent: Vec<_> = (0..20)
        .map(|_| hold(&app, b"", Then::Nothing, start))
        .collect();
    let (cuts, status) = tokio::join!(futures::future::join_all(silent), normal_get(&app));

    // Assert: a normal client still gets through once a slot frees.
    assert_eq!(status, 200);
    let cuts: Vec<Duration> = cuts.into_iter().map(|cut| cut.expect("cut")).collect();
    let late = cuts
        .iter()
        .filter(|at| **at >= Duration::from_millis(1_800))
        .count();
    assert!(
        late >= 10,
        "ten sockets waited for a slot before their timeout began: {cuts:?}"
    );
}

#[tokio::test]
async fn a_socket_that_falls_silent_is_closed_by_the_header_read_timeout() {
    // Arrange: a 1 s header-read timeout.
    let (app, _stop, _server) = spawn_app_with(|c| c.header_read_timeout_secs = 1).await;
    let start = Instant::now();

    // Act: sockets that send nothing at all after connecting, and sockets that
    // send part of a request's headers and then nothing; none sends a byte more.
    let partial = b"GET /healthz HTTP/1.1\r\nHost: x\r\n";
    let openings = [&b""[..], &b"GET /hea"[..], &partial[..]];
    let sockets = openings
        .iter()
        .flat_map(|opening| [*opening; 3])
        .map(|opening| hold(&app, opening, Then::Nothing, start));
    let cuts = futures::future::join_all(sockets).await;

    // Assert: each is closed by the server, and not before the timeout ran out.
    for (cut, opening) in cuts.iter().zip(openings.iter().flat_map(|o| [*o; 3])) {
        let opening = String::from_utf8_lossy(opening);
        let at = cut
            .unwrap_or_else(|| panic!("{opening:?} then silence: still open after {PATIENCE:?}"));
        assert!(
            (Duration::from_millis(900)..Duration::from_secs(5)).contains(&at),
            "{opening:?} then silence: closed at {at:?}, not by the 1 s header-read timeout"
        );
    }
}
