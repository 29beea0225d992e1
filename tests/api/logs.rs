//! The server's text log, as a file or a pipe gets it: plain text, no terminal
//! colour codes (those are for a person at a terminal).

use crate::helpers::serve_logging;

#[test]
fn a_piped_text_log_has_no_escape_codes() {
    let (mut server, mut lines, _dir) = serve_logging(&[("RUST_LOG", "info")]);
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
