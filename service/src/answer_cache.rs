//! `POST /calculate`'s answers, kept by request body. A calculation is a pure
//! function of its JSON document (the Monte Carlo is seeded, the catalog and
//! the model are fixed for the process), so the same bytes sent again get the
//! same answer's bytes back without parsing, validating, calculating or
//! writing JSON again. Finance scripts and dashboards re-send the same
//! scenarios, and `{}` (every default) is sent by many. Refusals are not kept: a bad
//! document is read again each time. Bounded by bytes.

use bytes::Bytes;
use quick_cache::Weighter;

use crate::byte_cache::ByteCache;

/// What an entry costs beside its bytes (two allocations and the shard's slot),
/// so that many tiny documents cannot hold more than the bound says.
const ENTRY_OVERHEAD: u64 = 128;

/// Weighs an entry by its document's and its answer's bytes.
#[derive(Clone, Copy, Debug)]
struct DocumentAndAnswer;

impl Weighter<Box<[u8]>, Bytes> for DocumentAndAnswer {
    fn weight(&self, document: &Box<[u8]>, answer: &Bytes) -> u64 {
        (document.len() + answer.len()) as u64 + ENTRY_OVERHEAD
    }
}

/// How many bytes of documents and answers the cache holds at most: an answer
/// is about 7 KB for one group, 40 KB for a four-group fleet with a Monte
/// Carlo, so the last 50 to 250 documents. The deploy manifests' memory limit
/// covers it full (`scripts/load.sh` fills every cache).
pub(crate) const ANSWER_CACHE_BYTES: u64 = 2 * 1024 * 1024;

/// The cache. Cheap to clone: clones share it.
#[derive(Clone, Debug)]
pub(crate) struct AnswerCache(ByteCache<Box<[u8]>, Bytes, DocumentAndAnswer>);

impl AnswerCache {
    /// A cache of at most `bytes` of documents and answers.
    pub(crate) fn with_capacity(bytes: u64) -> Self {
        Self(ByteCache::new(bytes, 8_000, DocumentAndAnswer))
    }

    /// The answer kept for `document`, if any.
    pub(crate) fn get(&self, document: &[u8]) -> Option<Bytes> {
        self.0.get(document)
    }

    /// Keeps `answer` for `document`. The document is copied: the request's
    /// bytes may be a slice of a connection's whole read buffer, which a kept
    /// slice would hold on to.
    pub(crate) fn insert(&self, document: &[u8], answer: Bytes) {
        self.0.insert(Box::from(document), answer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_stays_within_its_bytes_tiny_documents_included() {
        let cache = AnswerCache::with_capacity(100_000);
        for n in 0..5_000 {
            let document = format!("{{\"clusters\": {n}}}");
            let answer = if n % 2 == 0 {
                vec![b'x'; 1_000]
            } else {
                vec![b'x'; 2]
            };
            cache.insert(document.as_bytes(), Bytes::from(answer));
            assert!(
                cache.0.bytes() <= 100_000,
                "{} bytes after {n}",
                cache.0.bytes()
            );
        }
        assert!(cache.0.len() < 1_000, "{} entries", cache.0.len());
    }

    #[test]
    fn a_kept_document_does_not_hold_the_buffer_it_came_in() {
        let buffer = Bytes::from(vec![b' '; 64 * 1024]);
        let document = buffer.slice(0..2);
        let cache = AnswerCache::with_capacity(100_000);
        cache.insert(&document, Bytes::from_static(b"{}"));
        drop(document);
        // The only other owner of the 64 KiB is `buffer`: the cache copied its key.
        assert!(buffer.is_unique());
        assert_eq!(cache.get(b"  ").as_deref(), Some(&b"{}"[..]));
    }
}
