//! The thread a service's imports are parsed on. glibc's malloc gives each
//! thread an arena of its own and keeps what an arena freed for that arena's
//! next use: on the blocking pool, each import left its tens of megabytes in
//! whichever thread's arena it ran on, and four in a row climbed from 115 to
//! 120 MB even with the image's malloc setting (docs/DEPLOY.md, Memory). On one
//! thread each import reuses what the one before it freed. A server runs one
//! import at a time anyway (its import slot), so the thread costs no waiting.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc::{Sender, channel};

type Job = Box<dyn FnOnce() + Send>;

/// The thread's queue. One per [`crate::Service`] (its clones share it), so
/// that servers in one process (the tests') do not wait for each other; the
/// thread ends when the last clone is dropped.
#[derive(Clone, Debug)]
pub(crate) struct ImportThread(Sender<Job>);

impl ImportThread {
    /// Starts the thread.
    pub(crate) fn start() -> Self {
        let (jobs, queue) = channel::<Job>();
        std::thread::Builder::new()
            .name("import".to_owned())
            .spawn(move || queue.into_iter().for_each(|job| job()))
            .expect("the import thread starts");
        Self(jobs)
    }

    /// Runs `work` on the import thread and returns what it returns. A panic
    /// in it is caught there (the thread lives on) and resumed here, as if the
    /// work had run on the caller's own task.
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> T {
        let (done, outcome) = tokio::sync::oneshot::channel::<Result<T, Box<dyn Any + Send>>>();
        let job: Job = Box::new(move || {
            // The caller may have gone (its request timed out): nobody to tell.
            let _ = done.send(catch_unwind(AssertUnwindSafe(work)));
        });
        self.0
            .send(job)
            .expect("the import thread runs while its service lives");
        match outcome.await.expect("the import thread answers every job") {
            Ok(value) => value,
            Err(panic) => resume_unwind(panic),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_import_runs_on_the_same_thread_and_a_panic_comes_back() {
        let imports = ImportThread::start();
        let first = imports.run(|| std::thread::current().id()).await;
        let second = imports.run(|| std::thread::current().id()).await;
        assert_eq!(first, second);
        assert_ne!(first, std::thread::current().id());
        let other = ImportThread::start();
        let elsewhere = other.run(|| std::thread::current().id()).await;
        assert_ne!(elsewhere, first, "another service has its own thread");
        let panicking = imports.clone();
        let caught = tokio::spawn(async move { panicking.run(|| panic!("boom")).await }).await;
        assert!(caught.expect_err("the panic comes back").is_panic());
        assert_eq!(
            imports.run(|| 7).await,
            7,
            "the thread lives on after a panic"
        );
    }
}
