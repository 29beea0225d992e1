//! The server's text log, as a file or a pipe gets it: plain text, no terminal
//! colour codes (those are for a person at a terminal).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn a_piped_text_log_has_no_escape_codes() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_clusterplan"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url"])
        .arg(format!("sqlite://{}", dir.path().join("logs.db").display()))
        .env_remove("CLUSTERPLAN_LOG_FORMAT")
        .env("RUST_LOG", "info")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stderr.take().unwrap()).lines();
    let line = loop {
        let line = lines.next().expect("the server logs its address").unwrap();
        if line.contains("listening") {
            break line;
        }
    };
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(!line.contains('\u{1b}'), "{line:?}");
    assert!(line.contains("addr=127.0.0.1:"), "{line:?}");
}
