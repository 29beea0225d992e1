//! The reader a gzip import is parsed through. Decompression can turn half a
//! megabyte into gigabytes, so the JSON coming out is bounded as it streams:
//!
//! - at most `MAX_JSON_BYTES` in all (413);
//! - no string (value or key) longer than [`MAX_STRING_BYTES`]: the parser
//!   buffers a string it keeps before it can look at it, so one 500 MB name
//!   would be 500 MB in memory; Kubernetes writes none longer than an
//!   annotation block (256 KiB, six times that escaped);
//! - and it stops as soon as the request is given up (its timeout answered
//!   503, or the client left): the work is on the import thread, which a
//!   dropped request does not stop, and the one import slot is free again.

use std::cell::Cell;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};

/// Longest JSON string an import reads, as written (escapes count as sent):
/// Kubernetes' largest string, 256 KiB of annotations, is 1.5 MiB with every
/// character escaped (`\u003c`, as kubectl writes `<`).
pub const MAX_STRING_BYTES: usize = 2 * 1024 * 1024;

/// Why the reader stopped, for the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Past the JSON limit.
    TooLarge,
    /// A string past [`MAX_STRING_BYTES`].
    LongString,
    /// The request was given up.
    GivenUp,
}

/// A reader of decompressed JSON that stops at the bounds above and says in
/// `stopped` which one stopped it.
pub struct Guarded<'a, R> {
    inner: R,
    left: usize,
    given_up: &'a AtomicBool,
    stopped: &'a Cell<Option<Stop>>,
    in_string: bool,
    escaped: bool,
    string_bytes: usize,
}

impl<'a, R: Read> Guarded<'a, R> {
    /// `inner`, read up to `limit` bytes, until `given_up` is set.
    pub fn new(
        inner: R,
        limit: usize,
        given_up: &'a AtomicBool,
        stopped: &'a Cell<Option<Stop>>,
    ) -> Self {
        Self {
            inner,
            left: limit,
            given_up,
            stopped,
            in_string: false,
            escaped: false,
            string_bytes: 0,
        }
    }

    fn stop(&self, why: Stop) -> std::io::Error {
        self.stopped.set(Some(why));
        std::io::Error::other(match why {
            Stop::TooLarge => "past the import's size limit",
            Stop::LongString => "holds a string longer than 2 MiB; kubectl writes none so long",
            Stop::GivenUp => "the request was given up",
        })
    }

    /// Follows the JSON's strings through `bytes`; false past the string limit.
    fn strings_fit(&mut self, bytes: &[u8]) -> bool {
        for &b in bytes {
            // The bytes between the quotes are counted, escapes as sent.
            match (self.in_string, self.escaped, b) {
                (false, _, b'"') => (self.in_string, self.string_bytes) = (true, 0),
                (false, _, _) => {}
                (true, false, b'"') => self.in_string = false,
                (true, escaped, _) => {
                    self.escaped = !escaped && b == b'\\';
                    self.string_bytes += 1;
                    if self.string_bytes > MAX_STRING_BYTES {
                        return false;
                    }
                }
            }
        }
        true
    }
}

impl<R: Read> Read for Guarded<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.given_up.load(Ordering::Relaxed) {
            return Err(self.stop(Stop::GivenUp));
        }
        // One byte more than allowed, to tell "exactly at the limit" from "past it".
        let want = buf.len().min(self.left + 1);
        let read = self.inner.read(&mut buf[..want])?;
        if read > self.left {
            return Err(self.stop(Stop::TooLarge));
        }
        if !self.strings_fit(&buf[..read]) {
            return Err(self.stop(Stop::LongString));
        }
        self.left -= read;
        Ok(read)
    }
}
