//! Imports in turn. A kubectl upload is up to 32 MiB, held whole while it is
//! read, then parsed and sized for a second or two of CPU. Two limits keep
//! imports from taking the server's memory or cores, and neither can be held
//! by a client that sends slowly:
//! - **bytes received**: every import's body takes its bytes from one shared
//!   budget (half a largest body) as they arrive, so a client trickling its
//!   upload holds only what it has sent, not a turn. When the budget is spent,
//!   one import may go on past it (the import **ahead**): imports that each
//!   hold part of the budget would otherwise wait for each other until they
//!   all gave up. So bodies hold at most one and a half largest bodies;
//! - **reading**: one import at a time is parsed and sized, once its body is
//!   whole.
//!
//! An import that waits longer than `wait` for either is answered 503 with
//! `Retry-After`. Everything it held is freed when its handler answers.
//! (Before, one slot was taken before the body was read: one client sending a
//! byte a second kept every import out for minutes.)

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::limits::IMPORT_MAX_BODY_BYTES;

/// The two limits, shared by the API's import and the import page.
#[derive(Clone, Debug)]
pub struct ImportTurns {
    bytes: Arc<Semaphore>,
    ahead: Arc<Semaphore>,
    reading: Arc<Semaphore>,
    wait: Duration,
}

/// What an import could not get in time, for its 503.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy(pub &'static str);

/// What one import holds: the bytes of its body received so far (or the place
/// ahead), and later its reading turn. Dropped when the import is answered,
/// freeing them.
#[derive(Debug, Default)]
pub struct Held {
    bytes: Option<OwnedSemaphorePermit>,
    ahead: Option<OwnedSemaphorePermit>,
    turn: Option<OwnedSemaphorePermit>,
}

impl ImportTurns {
    /// A shared budget of half a largest body, one import ahead and one reading
    /// turn; each waited for up to `wait`.
    pub fn new(wait: Duration) -> Self {
        Self::with_budget(IMPORT_MAX_BODY_BYTES / 2, wait)
    }

    pub(crate) fn with_budget(bytes: usize, wait: Duration) -> Self {
        Self {
            bytes: Arc::new(Semaphore::new(bytes)),
            ahead: Arc::new(Semaphore::new(1)),
            reading: Arc::new(Semaphore::new(1)),
            wait,
        }
    }

    /// Takes `count` more bytes of the budget for an arriving chunk of `held`'s
    /// body; with the budget spent, goes ahead if no other import is, else
    /// waits. The body limit bounds what the import ahead receives.
    pub async fn receive(&self, held: &mut Held, count: usize) -> Result<(), Busy> {
        let busy = Busy("receiving other imports");
        if held.ahead.is_some() {
            return Ok(());
        }
        let count = u32::try_from(count).map_err(|_| busy)?;
        if let Ok(more) = Arc::clone(&self.bytes).try_acquire_many_owned(count) {
            held.take(more);
            return Ok(());
        }
        if let Ok(ahead) = Arc::clone(&self.ahead).try_acquire_owned() {
            held.ahead = Some(ahead);
            return Ok(());
        }
        let more = Arc::clone(&self.bytes).acquire_many_owned(count);
        let more = tokio::time::timeout(self.wait, more)
            .await
            .map_err(|_| busy)?
            .map_err(|_| busy)?;
        held.take(more);
        Ok(())
    }

    /// Waits for the one reading turn, once `held`'s body is whole.
    pub async fn read(&self, held: &mut Held) -> Result<(), Busy> {
        let busy = Busy("reading another cluster's import");
        let turn = Arc::clone(&self.reading).acquire_owned();
        let turn = tokio::time::timeout(self.wait, turn)
            .await
            .map_err(|_| busy)?
            .map_err(|_| busy)?;
        held.turn = Some(turn);
        Ok(())
    }
}

impl Held {
    fn take(&mut self, more: OwnedSemaphorePermit) {
        match &mut self.bytes {
            Some(bytes) => bytes.merge(more),
            None => self.bytes = Some(more),
        }
    }
}

impl From<Busy> for crate::api::ApiError {
    fn from(Busy(with): Busy) -> Self {
        Self::ServiceUnavailable {
            message: format!("the server is busy {with}; try again shortly"),
            retry_after_secs: crate::shed::RETRY_AFTER_SECS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WAIT: Duration = Duration::from_millis(50);

    #[tokio::test]
    async fn a_slow_body_holds_only_its_bytes_and_no_turn() {
        let turns = ImportTurns::with_budget(100, WAIT);
        let mut slow = Held::default();
        turns.receive(&mut slow, 1).await.expect("a byte");
        // Another import receives the rest of the budget, goes on past it
        // (ahead), and reads meanwhile.
        let mut other = Held::default();
        turns.receive(&mut other, 99).await.expect("the rest");
        turns.receive(&mut other, 500).await.expect("ahead");
        turns.read(&mut other).await.expect("the turn");
        // The budget is spent and another is ahead until `other` is answered.
        let receiving = Err(Busy("receiving other imports"));
        assert_eq!(turns.receive(&mut slow, 1).await, receiving);
        let mut third = Held::default();
        let reading = Err(Busy("reading another cluster's import"));
        assert_eq!(turns.read(&mut third).await, reading);
        drop(other);
        turns.receive(&mut slow, 99).await.expect("freed bytes");
        turns.read(&mut slow).await.expect("a freed turn");
    }

    #[tokio::test]
    async fn imports_that_each_hold_part_of_the_budget_do_not_wait_for_each_other() {
        let turns = ImportTurns::with_budget(100, WAIT);
        let (mut a, mut b) = (Held::default(), Held::default());
        turns.receive(&mut a, 50).await.expect("half");
        turns.receive(&mut b, 50).await.expect("the other half");
        // Both need more: one goes ahead and finishes; the other waits for it.
        turns.receive(&mut a, 30).await.expect("a goes ahead");
        turns.read(&mut a).await.expect("a reads");
        drop(a);
        turns.receive(&mut b, 30).await.expect("b after a");
        turns.read(&mut b).await.expect("b reads");
    }
}
