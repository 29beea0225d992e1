//! Reading the body: JSON streamed into the shapes of `documents`, with the
//! mistakes people make said plainly (a cut-off paste here; YAML, UTF-16 and
//! kubectl's warnings in `head`).

use std::io::BufRead;

use serde_json::error::Category;

use super::documents::Upload;
use super::head;
use crate::error::{InputError, field_error_from_json};

/// Reads a body: a kubectl `List`, an API `NodeList`/`PodList`, or
/// `{"nodes": …, "pods": …}`. Syntax errors and truncation are
/// [`InputError::Malformed`] with the byte position; YAML, UTF-16 and
/// kubectl's warnings are told what to send (`head`); data of the wrong shape
/// (a bad quantity) is a field error.
pub fn parse(bytes: &[u8]) -> Result<Upload, InputError> {
    let skip = head::check(&bytes[..bytes.len().min(HEAD_BYTES)])?;
    let json = &bytes[skip..];
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    // Positions count from the body's first byte, byte-order mark included.
    let upload = read(&mut deserializer, |error| malformed(json, skip, error))?;
    deserializer
        .end()
        .map_err(|error| malformed(json, skip, &error))?;
    Ok(upload)
}

/// [`parse`] for a body that streams in (a decompressed upload, which is never
/// held whole): the same checks and answers, except that a syntax error is
/// placed by line and column only. A read error (the stream broke, or the
/// reader's own limit) is [`InputError::Malformed`] with the reader's message.
pub fn parse_reader(mut reader: impl BufRead) -> Result<Upload, InputError> {
    let head = reader.fill_buf().map_err(unreadable)?;
    let skip = head::check(&head[..head.len().min(HEAD_BYTES)])?;
    reader.consume(skip);
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let upload = read(&mut deserializer, placed)?;
    deserializer.end().map_err(|error| placed(&error))?;
    Ok(upload)
}

/// How much of the start `head` looks at.
const HEAD_BYTES: usize = 4096;

/// The upload, with wrong data said at its field and anything else by `other`.
fn read<'de, R: serde_json::de::Read<'de>>(
    deserializer: &mut serde_json::Deserializer<R>,
    other: impl Fn(&serde_json::Error) -> InputError,
) -> Result<Upload, InputError> {
    super::documents::count_from_zero();
    serde_path_to_error::deserialize(deserializer).map_err(|error| match error.inner().classify() {
        Category::Data => InputError::Invalid(vec![field_error_from_json(&error, "")]),
        Category::Io => unreadable(error.into_inner()),
        _ => other(error.inner()),
    })
}

fn unreadable(error: impl std::fmt::Display) -> InputError {
    InputError::Malformed {
        message: error.to_string(),
    }
}

/// A syntax error or truncation of a streamed body, by line and column.
fn placed(error: &serde_json::Error) -> InputError {
    match error.classify() {
        Category::Io => unreadable(error),
        Category::Eof => unreadable("the JSON ends early (was the output cut off?)"),
        _ => unreadable(format!(
            "{} (line {}, column {})",
            without_position(error),
            error.line(),
            error.column()
        )),
    }
}

/// serde_json's message without its " at line L column C".
fn without_position(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}

/// A syntax error or truncation of `bytes` (the body after `skipped` bytes of
/// byte-order mark), with the byte it happened at: people look for
/// a cut-off paste, and editors jump to a byte offset more readily than to a
/// column of a 30 MB line.
fn malformed(bytes: &[u8], skipped: usize, error: &serde_json::Error) -> InputError {
    let (offset, what) = match error.classify() {
        // serde_json points at the last byte it read; the body ends after it.
        Category::Eof => (
            bytes.len(),
            "the JSON ends early (was the output cut off?)".to_owned(),
        ),
        _ => (
            byte_offset(bytes, error.line(), error.column()),
            without_position(error),
        ),
    };
    InputError::Malformed {
        message: format!(
            "{what} at byte {} (line {}, column {})",
            offset + skipped,
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
