//! Saved scenarios' charts, drawn once: a revision never changes, so its
//! charts are keyed by (scenario, revision, model version, display currency,
//! chart) and kept in a bounded in-memory cache weighted by SVG bytes.
//! Unsaved results (the planner's live view) are drawn each time.

use std::sync::Arc;

use clusterplan_charts::ChartKind;
use clusterplan_model::MODEL_VERSION;
use quick_cache::Weighter;

use crate::byte_cache::ByteCache;

/// What a cached chart depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ChartKey {
    id: String,
    revision: i64,
    model_version: &'static str,
    currency: String,
    per_usd_bits: u64,
    kind: ChartKind,
}

impl ChartKey {
    pub(crate) fn new(
        id: &str,
        revision: i64,
        display: &clusterplan_model::resolved::Display,
        kind: ChartKind,
    ) -> Self {
        Self {
            id: id.to_owned(),
            revision,
            model_version: MODEL_VERSION,
            currency: display.currency.clone(),
            per_usd_bits: display.per_usd.to_bits(),
            kind,
        }
    }
}

/// Weighs an entry by its SVG's bytes (at least 1, so nothing is free).
#[derive(Clone, Copy, Debug)]
struct SvgBytes;

impl Weighter<ChartKey, Arc<str>> for SvgBytes {
    fn weight(&self, key: &ChartKey, svg: &Arc<str>) -> u64 {
        (svg.len() + key.id.len()).max(1) as u64
    }
}

/// How many bytes of SVG the cache holds at most: at ~4 KB a chart, about
/// 2,000 charts, the last few hundred shared scenarios. The deploy manifests'
/// memory limit covers it full (`scripts/load.sh` fills every cache).
pub(crate) const CHART_CACHE_BYTES: u64 = 8 * 1024 * 1024;

/// The cache. Cheap to clone: clones share it.
#[derive(Clone, Debug)]
pub(crate) struct ChartCache(ByteCache<ChartKey, Arc<str>, SvgBytes>);

impl ChartCache {
    /// A cache of at most `bytes` of SVG.
    pub(crate) fn with_capacity(bytes: u64) -> Self {
        Self(ByteCache::new(bytes, 20_000, SvgBytes))
    }

    /// The chart at `key`, drawn by `draw` only when not cached.
    pub(crate) fn get_or_draw(&self, key: ChartKey, draw: impl FnOnce() -> String) -> Arc<str> {
        if let Some(svg) = self.0.get(&key) {
            return svg;
        }
        let svg: Arc<str> = draw().into();
        self.0.insert(key, Arc::clone(&svg));
        svg
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_stays_within_its_bytes_and_draws_once() {
        let cache = ChartCache::with_capacity(100_000);
        let display = clusterplan_model::resolved::Display::usd();
        let mut draws = 0;
        for revision in 0..1_000 {
            let key = ChartKey::new("abc", revision, &display, ChartKind::Cumulative);
            cache.get_or_draw(key, || {
                draws += 1;
                "x".repeat(1_000)
            });
            assert!(
                cache.0.bytes() <= 100_000,
                "{} bytes after {revision}",
                cache.0.bytes()
            );
        }
        assert_eq!(draws, 1_000);
        let key = ChartKey::new("abc", 999, &display, ChartKind::Cumulative);
        cache.get_or_draw(key, || unreachable!("the newest is still cached"));
        let other = ChartKey::new("abc", 999, &display, ChartKind::Breakdown);
        let drawn = cache.get_or_draw(other, || "y".into());
        assert_eq!(
            &*drawn, "y",
            "another chart of the revision is its own entry"
        );
    }
}
