//! What the first bytes of an upload say before any JSON is read: the ways a
//! real `kubectl` capture goes wrong, each answered with what to do instead of
//! a parser's "expected value at byte 0".
//!
//! - a UTF-8 byte-order mark (Notepad, PowerShell 7's `Out-File`) is skipped;
//! - UTF-16 (Windows PowerShell 5.1's `>`) is refused, saying how to save UTF-8;
//! - kubectl's own messages before the JSON (`Warning: …`, or a klog line such
//!   as `E1203 10:15:02.123 …`, captured with `2>&1`) are refused, saying to
//!   send standard output alone;
//! - YAML and kubectl's table (the command without `-o json`) are told to use
//!   `-o json`; a JSON array is not what kubectl prints.

use crate::error::{FieldError, InputError};

/// UTF-8's byte-order mark.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// How many bytes of a UTF-8 byte-order mark start `head` (0 or 3): the JSON
/// starts after them. Refuses what cannot be kubectl's JSON (see above).
pub(super) fn check(head: &[u8]) -> Result<usize, InputError> {
    let skip = if head.starts_with(UTF8_BOM) { 3 } else { 0 };
    let head = &head[skip..];
    if is_utf16(head) {
        return malformed(
            "this file is UTF-16 or UTF-32 (Windows PowerShell's > writes UTF-16); save it as \
             UTF-8: kubectl get nodes,pods -A -o json | Out-File -Encoding utf8 cluster.json",
        );
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        return malformed("this is gzip inside gzip: compress the JSON once");
    }
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(rest) = start.map(|i| &head[i..]) else {
        return Ok(skip);
    };
    if is_kubectl_message(rest) {
        return malformed(
            "the JSON is preceded by kubectl's messages (such as \"Warning: …\"): send only \
             kubectl's standard output, without 2>&1",
        );
    }
    if is_kubectl_table(rest) {
        return malformed(
            "this is kubectl's table, not its JSON: add -o json (kubectl get nodes,pods -A -o json)",
        );
    }
    if looks_like_yaml(rest) {
        return malformed("this looks like YAML; send JSON: kubectl get nodes,pods -A -o json");
    }
    // serde reads a struct from an array too (by position), and `null` as
    // "omit the field": only an object is what kubectl prints.
    let scalar = [&b"null"[..], b"true", b"false"]
        .iter()
        .any(|w| rest.starts_with(w))
        || rest.first().is_some_and(|b| b"[\"-0123456789".contains(b));
    if scalar {
        return Err(InputError::Invalid(vec![FieldError::new(
            "",
            "must be a JSON object: the output of kubectl get nodes,pods -A -o json",
        )]));
    }
    Ok(skip)
}

fn malformed(message: &str) -> Result<usize, InputError> {
    Err(InputError::Malformed {
        message: message.to_owned(),
    })
}

/// kubectl's table output (the command without `-o json`): its header line.
fn is_kubectl_table(rest: &[u8]) -> bool {
    ["NAME", "NAMESPACE"].iter().any(|header| {
        rest.strip_prefix(header.as_bytes())
            .is_some_and(|r| r.starts_with(b" ") || r.starts_with(b"\t"))
    })
}

/// A UTF-16 byte-order mark, or ASCII text with every other byte zero.
fn is_utf16(head: &[u8]) -> bool {
    let bom = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    let zero_padded = head.len() >= 2 && (head[0] == 0 || head[1] == 0);
    bom || zero_padded
}

/// `Warning: …` (kubectl's deprecation and policy warnings), or a klog line:
/// a severity letter, the date as four digits, a space and a time.
fn is_kubectl_message(rest: &[u8]) -> bool {
    let klog = rest.len() > 8
        && matches!(rest[0], b'I' | b'W' | b'E' | b'F')
        && rest[1..5].iter().all(u8::is_ascii_digit)
        && rest[5] == b' '
        && rest[6..8].iter().all(u8::is_ascii_digit);
    rest.starts_with(b"Warning:") || klog
}

/// YAML (`-o yaml`, or a manifest) starts with a key, a comment or `---`; JSON
/// with `{` or `[`.
fn looks_like_yaml(rest: &[u8]) -> bool {
    if rest.starts_with(b"{") || rest.starts_with(b"[") {
        return false;
    }
    let head = &rest[..rest.len().min(200)];
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or(head);
    rest.starts_with(b"---")
        || rest.starts_with(b"#")
        || (first_line.first().is_some_and(u8::is_ascii_alphabetic)
            && first_line.windows(2).any(|w| w == b": " || w == b":\r")
            || first_line.ends_with(b":"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(head: &[u8]) -> String {
        match check(head) {
            Err(InputError::Malformed { message }) => message,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_utf8_byte_order_mark_is_skipped() {
        assert_eq!(check(b"\xEF\xBB\xBF{\"kind\": \"List\"}").ok(), Some(3));
        assert_eq!(check(b"  {\"kind\": \"List\"}").ok(), Some(0));
    }

    #[test]
    fn real_world_captures_are_told_what_to_do() {
        let utf16: Vec<u8> = "\u{feff}{\"kind\""
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(message(&utf16).contains("UTF-16"));
        let no_bom: Vec<u8> = "{\"kind\""
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(message(&no_bom).contains("UTF-16"));
        let warned = b"Warning: v1 ComponentStatus is deprecated in v1.19+\n{\"kind\": \"List\"}";
        assert!(message(warned).contains("2>&1"));
        let klog = b"E1203 10:15:02.123456   123 memcache.go:265] couldn't get resource list\n{}";
        assert!(message(klog).contains("2>&1"));
        assert!(message(b"apiVersion: v1\nkind: List\n").contains("-o json"));
        assert!(message(b"---\n").contains("-o json"));
    }
}
