//! Reading the body: JSON streamed into the shapes of `documents`, with the
//! mistakes people make said plainly (YAML, a cut-off paste).

use serde_json::error::Category;

use super::documents::Upload;
use crate::error::{InputError, field_error_from_json};

/// Reads a body: a kubectl `List`, an API `NodeList`/`PodList`, or
/// `{"nodes": …, "pods": …}`. Syntax errors and truncation are
/// [`InputError::Malformed`] with the byte position; YAML is told to use
/// `-o json`; data of the wrong shape (a bad quantity) is a field error.
pub fn parse(bytes: &[u8]) -> Result<Upload, InputError> {
    if looks_like_yaml(bytes) {
        return Err(InputError::Malformed {
            message: "this looks like YAML; send JSON: kubectl get nodes,pods -A -o json".into(),
        });
    }
    // serde reads a struct from an array too (by position): only an object is
    // what kubectl prints.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return Err(InputError::Invalid(vec![crate::error::FieldError::new(
            "",
            "must be a JSON object: the output of kubectl get nodes,pods -A -o json",
        )]));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let upload: Upload = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        match error.inner().classify() {
            Category::Data => InputError::Invalid(vec![field_error_from_json(&error, "")]),
            _ => malformed(bytes, error.inner()),
        }
    })?;
    deserializer
        .end()
        .map_err(|error| malformed(bytes, &error))?;
    Ok(upload)
}

/// YAML (`-o yaml`, or a manifest) starts with a key, a comment or `---`; JSON
/// with `{` or `[`.
fn looks_like_yaml(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    let Some(rest) = start.map(|i| &bytes[i..]) else {
        return false;
    };
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

/// A syntax error or truncation, with the byte it happened at: people look for
/// a cut-off paste, and editors jump to a byte offset more readily than to a
/// column of a 30 MB line.
fn malformed(bytes: &[u8], error: &serde_json::Error) -> InputError {
    let (offset, what) = match error.classify() {
        // serde_json points at the last byte it read; the body ends after it.
        Category::Eof => (
            bytes.len(),
            "the JSON ends early (was the output cut off?)".to_owned(),
        ),
        _ => {
            let full = error.to_string();
            let suffix = format!(" at line {} column {}", error.line(), error.column());
            let what = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
            (byte_offset(bytes, error.line(), error.column()), what)
        }
    };
    InputError::Malformed {
        message: format!(
            "{what} at byte {offset} (line {}, column {})",
            error.line(),
            error.column()
        ),
    }
}

/// The 0-based byte offset of serde_json's 1-based line and column.
fn byte_offset(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start = match line {
        0 | 1 => 0,
        _ => bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1),
    };
    (line_start + column.saturating_sub(1)).min(bytes.len())
}
