//! A bounded in-memory cache weighed in bytes: the shape of the kept answers
//! (`answer_cache`) and of the drawn charts (`chart_cache`). quick_cache does
//! the work (sharded, CLOCK-Pro eviction); this names the bound in bytes,
//! shares one cache between clones and shows what it holds in `Debug`.

use std::hash::Hash;
use std::sync::Arc;

use quick_cache::sync::Cache;
use quick_cache::{Equivalent, Weighter};

/// At most a given number of bytes of entries, as `W` weighs them. Cheap to
/// clone: clones share the cache.
pub(crate) struct ByteCache<K, V, W>(Arc<Cache<K, V, W>>);

impl<K, V, W> Clone for ByteCache<K, V, W> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<K, V, W> std::fmt::Debug for ByteCache<K, V, W>
where
    K: Eq + Hash + Clone,
    V: Clone,
    W: Weighter<K, V> + Clone,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ByteCache")
            .field("bytes", &self.0.weight())
            .field("entries", &self.0.len())
            .finish()
    }
}

impl<K, V, W> ByteCache<K, V, W>
where
    K: Eq + Hash + Clone,
    V: Clone,
    W: Weighter<K, V> + Clone,
{
    /// A cache of at most `bytes`, sized for entries of about `typical_entry`
    /// bytes (quick_cache's estimate of how many it will hold).
    pub(crate) fn new(bytes: u64, typical_entry: u64, weighter: W) -> Self {
        let estimated = usize::try_from(bytes / typical_entry.max(1)).unwrap_or(usize::MAX);
        Self(Arc::new(Cache::with_weighter(
            estimated.max(16),
            bytes,
            weighter,
        )))
    }

    /// The entry at `key`, if kept.
    pub(crate) fn get<Q: Hash + Equivalent<K> + ?Sized>(&self, key: &Q) -> Option<V> {
        self.0.get(key)
    }

    /// Keeps `value` at `key`, evicting others past the bound (or not keeping
    /// it at all when it alone weighs more).
    pub(crate) fn insert(&self, key: K, value: V) {
        self.0.insert(key, value);
    }

    /// Bytes held now, as weighed.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> u64 {
        self.0.weight()
    }

    /// Entries held now.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}
