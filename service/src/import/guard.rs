//! The reader a gzip import is parsed through. Decompression can turn half a
//! megabyte into gigabytes, so the JSON coming out is bounded as it streams:
//!
//! - at most `MAX_JSON_BYTES` in all (413);
//! - no string (value or key) longer than [`MAX_STRING_BYTES`]: the parser
//!   buffers a string it keeps before it can look at it, so one 500 MB name
//!   would be 500 MB in memory; Kubernetes writes none longer than an
//!   annotation block (256 KiB, six times that escaped);
//! - past a floor, no more than a ratio of the compressed bytes read so far
//!   ([`Ratio`]), counted as the decoder takes them ([`Counted`]): bytes after
//!   the gzip data, whatever they are, do not raise the bound;
//! - and it stops as soon as the request is given up (its timeout answered
//!   503, or the client left): the work is on the import thread, which a
//!   dropped request does not stop, and the one import slot is free again.

use std::cell::Cell;
use std::io::{BufRead, Read};
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
    /// Past the [`Ratio`].
    Ratio,
    /// A string past [`MAX_STRING_BYTES`].
    LongString,
    /// The request was given up.
    GivenUp,
}

/// Past `floor` bytes out, at most `times` the compressed bytes read so far.
#[derive(Clone, Copy, Debug)]
pub struct Ratio<'a> {
    /// The compressed bytes read so far ([`Counted`]).
    pub consumed: &'a Cell<usize>,
    /// How many times that the JSON may be.
    pub times: usize,
    /// JSON any body may grow to, whatever its ratio.
    pub floor: usize,
}

/// A compressed body as its decoder reads it, counting what it takes.
pub struct Counted<'a> {
    /// What the decoder has not taken (after the gzip data: what follows it).
    pub rest: &'a [u8],
    consumed: &'a Cell<usize>,
}

impl<'a> Counted<'a> {
    /// `body`, counted into `consumed`.
    pub fn new(body: &'a [u8], consumed: &'a Cell<usize>) -> Self {
        Self {
            rest: body,
            consumed,
        }
    }
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let read = self.rest.read(buf)?;
        self.consumed.set(self.consumed.get() + read);
        Ok(read)
    }
}

impl BufRead for Counted<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        Ok(self.rest)
    }

    fn consume(&mut self, amount: usize) {
        self.rest = &self.rest[amount..];
        self.consumed.set(self.consumed.get() + amount);
    }
}

/// A reader of decompressed JSON that stops at the bounds above and says in
/// `stopped` which one stopped it.
pub struct Guarded<'a, R> {
    inner: R,
    left: usize,
    out: usize,
    ratio: Option<Ratio<'a>>,
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
            out: 0,
            ratio: None,
            given_up,
            stopped,
            in_string: false,
            escaped: false,
            string_bytes: 0,
        }
    }

    /// Held to `ratio` too.
    pub fn within(self, ratio: Ratio<'a>) -> Self {
        Self {
            ratio: Some(ratio),
            ..self
        }
    }

    fn stop(&self, why: Stop) -> std::io::Error {
        self.stopped.set(Some(why));
        std::io::Error::other(match why {
            Stop::TooLarge => "past the import's size limit",
            Stop::Ratio => "grows too many times its own size",
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
        self.out += read;
        if let Some(ratio) = self.ratio {
            let bound = ratio.consumed.get().saturating_mul(ratio.times);
            if self.out > ratio.floor && self.out > bound {
                return Err(self.stop(Stop::Ratio));
            }
        }
        if !self.strings_fit(&buf[..read]) {
            return Err(self.stop(Stop::LongString));
        }
        self.left -= read;
        Ok(read)
    }
}
