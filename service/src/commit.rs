//! A write's point of no return, for whoever answers on a deadline.
//!
//! Work abandoned before its `COMMIT` is sent writes nothing: the transaction
//! is dropped, and dropping it rolls back. Work abandoned after that may still
//! commit, so whoever cuts requests short (the server's request timeout) must
//! not answer "failed, nothing was written" then. Each store write marks the
//! [`CommitWatch`] of the work it runs in just before it sends `COMMIT`; the
//! timeout reads the mark and, once it is set, waits for the real answer.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

tokio::task_local! {
    static WATCH: CommitWatch;
}

/// Whether the work run under it has begun committing a write. Cheap to
/// clone: clones share one mark.
#[derive(Clone, Debug, Default)]
pub struct CommitWatch(Arc<AtomicBool>);

impl CommitWatch {
    /// Runs `work` under this watch: writes it commits mark it.
    pub async fn watch<F: Future>(&self, work: F) -> F::Output {
        WATCH.scope(self.clone(), work).await
    }

    /// Whether a write in the watched work has sent (or is about to send) its
    /// `COMMIT`: abandoning the work now could leave that write stored.
    pub fn has_begun_commit(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Marks the current work's watch, if it has one: called by every store write
/// right before `COMMIT`, on the task that polls the write (so the mark is set
/// before the commit can reach the database). Public for tests of watchers.
pub fn begin_commit() {
    let _ = WATCH.try_with(|watch| watch.0.store(true, Ordering::SeqCst));
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::{NewScenario, Service, ServiceError};

    #[tokio::test]
    async fn a_mark_reaches_only_the_watch_it_was_made_under() {
        let (marked, unmarked) = (CommitWatch::default(), CommitWatch::default());
        marked.watch(async { begin_commit() }).await;
        unmarked.watch(async {}).await;
        begin_commit(); // outside any watch: nothing to mark, no panic

        assert!(marked.has_begun_commit());
        assert!(!unmarked.has_begun_commit());
    }

    #[tokio::test]
    async fn a_save_refused_as_busy_never_reaches_its_commit() {
        let dir = tempfile::tempdir().expect("temp dir");
        let service = Service::for_tests(&dir)
            .await
            .with_simulation_limit(1, Duration::from_millis(20));
        let new: NewScenario = serde_json::from_value(serde_json::json!({
            "name": "Monte Carlo",
            "input": {"uncertainty": {"samples": 100, "ranges": [
                {"field": "team.annual_cost_usd", "low": 1e5, "high": 3e5}]}}
        }))
        .expect("a new scenario");
        let held = Arc::clone(&service.simulations.slots)
            .acquire_owned()
            .await
            .expect("slot");

        let refused = CommitWatch::default();
        let answer = refused.watch(service.create(new.clone())).await;
        drop(held);
        let stored = CommitWatch::default();
        let created = stored.watch(service.create(new)).await;

        assert!(
            matches!(answer, Err(ServiceError::Busy { .. })),
            "{answer:?}"
        );
        assert!(!refused.has_begun_commit(), "refused before any write");
        assert!(created.is_ok(), "{created:?}");
        assert!(stored.has_begun_commit(), "a stored save passed its commit");
    }
}
