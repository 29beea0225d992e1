//! JSON written into a byte buffer with serde_json, through a writer that
//! stores the one-byte pieces (`,` `:` `"` `{` `}`) itself. serde_json writes a
//! calculation's 7 KB answer in about a thousand pieces, most of them one byte;
//! `Vec<u8>`'s own writer copies each with a call to libc's `memcpy`. Pushing
//! those bytes took 6.5 % of the answer's instructions away (callgrind over the
//! model's answers, docs/PERFORMANCE.md); the bytes written are the same.

use serde::Serialize;
use std::io;

/// Appends `value`'s compact JSON to `out`.
pub(crate) fn write_json<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    // Writing into memory cannot fail, and every type written here serializes
    // (no maps with non-string keys, no failing `Serialize` impls).
    serde_json::to_writer(Pieces(out), value).expect("the value serializes to JSON");
}

/// A `Vec<u8>` writer that pushes one-byte pieces instead of copying them.
struct Pieces<'a>(&'a mut Vec<u8>);

impl io::Write for Pieces<'_> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        match bytes {
            [byte] => self.0.push(*byte),
            _ => self.0.extend_from_slice(bytes),
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_serde_json_writes() {
        let result = crate::calculation::calculate(br#"{"clusters": 4, "team": {"engineers": 3}}"#)
            .expect("a valid scenario");
        let mut out = b"[".to_vec();
        write_json(&mut out, &result);
        assert_eq!(
            out[1..],
            serde_json::to_vec(&result).expect("serializes")[..]
        );
        assert_eq!(out[0], b'[', "appends to what the buffer held");
    }
}
