//! Imports in turn. A kubectl upload is up to 32 MiB, held whole while it is
//! read, then parsed and sized for a second or two of CPU. Two limits keep
//! imports from taking the server's memory or cores, and neither can be held
//! by a client that sends slowly:
//! - **bytes received**: every import's body takes its bytes from one budget
//!   (one largest body) as they arrive, so a client trickling its upload holds
//!   only what it has sent, not a turn;
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
    reading: Arc<Semaphore>,
    wait: Duration,
}

/// What an import could not get in time, for its 503.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy(pub &'static str);

/// What one import holds: the bytes of its body received so far, and later its
/// reading turn. Dropped when the import is answered, freeing both.
#[derive(Debug, Default)]
pub struct Held {
    bytes: Option<OwnedSemaphorePermit>,
    turn: Option<OwnedSemaphorePermit>,
}

impl ImportTurns {
    /// A budget of one largest body and one reading turn; each waited for up
    /// to `wait`.
    pub fn new(wait: Duration) -> Self {
        Self::with_budget(IMPORT_MAX_BODY_BYTES, wait)
    }

    pub(crate) fn with_budget(bytes: usize, wait: Duration) -> Self {
        Self {
            bytes: Arc::new(Semaphore::new(bytes)),
            reading: Arc::new(Semaphore::new(1)),
            wait,
        }
    }

    /// Takes `count` more bytes of the budget for an arriving chunk of `held`'s
    /// body. A chunk larger than the budget is refused by the body limit first.
    pub async fn receive(&self, held: &mut Held, count: usize) -> Result<(), Busy> {
        let busy = Busy("receiving other imports");
        let count = u32::try_from(count).map_err(|_| busy)?;
        let more = Arc::clone(&self.bytes).acquire_many_owned(count);
        let more = tokio::time::timeout(self.wait, more)
            .await
            .map_err(|_| busy)?
            .map_err(|_| busy)?;
        match &mut held.bytes {
            Some(bytes) => bytes.merge(more),
            None => held.bytes = Some(more),
        }
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
        // Another import receives the rest of the budget and reads meanwhile.
        let mut other = Held::default();
        turns.receive(&mut other, 99).await.expect("the rest");
        turns.read(&mut other).await.expect("the turn");
        // The budget is spent until `other` is answered.
        assert_eq!(
            turns.receive(&mut slow, 1).await,
            Err(Busy("receiving other imports"))
        );
        let mut third = Held::default();
        assert_eq!(
            turns.read(&mut third).await,
            Err(Busy("reading another cluster's import"))
        );
        drop(other);
        turns.receive(&mut slow, 99).await.expect("freed bytes");
        turns.read(&mut slow).await.expect("a freed turn");
    }
}
