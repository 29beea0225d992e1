//! The one thread imports are parsed on. glibc's malloc gives each thread an
//! arena of its own and keeps what an arena freed for that arena's next use:
//! when imports ran on whichever blocking-pool thread was free, each left its
//! tens of megabytes in another arena, and four in a row took a server with
//! full caches from 93 to 169 MB (docs/DEPLOY.md, Memory). On one thread each
//! import reuses what the one before it freed. Imports run one at a time
//! anyway (the server's import slot), so the thread costs no waiting.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::LazyLock;
use std::sync::mpsc::{Sender, channel};

type Job = Box<dyn FnOnce() + Send>;

/// The thread's queue, started on first use; it runs for the process's life.
static IMPORTS: LazyLock<Sender<Job>> = LazyLock::new(|| {
    let (jobs, queue) = channel::<Job>();
    std::thread::Builder::new()
        .name("import".to_owned())
        .spawn(move || queue.into_iter().for_each(|job| job()))
        .expect("the import thread starts");
    jobs
});

/// Runs `work` on the import thread and returns what it returns. A panic in
/// it is caught there (the thread lives on) and resumed here, as if the work
/// had run on the caller's own task.
pub(crate) async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, outcome) = tokio::sync::oneshot::channel::<Result<T, Box<dyn Any + Send>>>();
    let job: Job = Box::new(move || {
        // The caller may have gone (its request timed out): nobody to tell.
        let _ = done.send(catch_unwind(AssertUnwindSafe(work)));
    });
    IMPORTS
        .send(job)
        .expect("the import thread runs for the process's life");
    match outcome.await.expect("the import thread answers every job") {
        Ok(value) => value,
        Err(panic) => resume_unwind(panic),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_import_runs_on_the_same_thread_and_a_panic_comes_back() {
        let first = run(|| std::thread::current().id()).await;
        let second = run(|| std::thread::current().id()).await;
        assert_eq!(first, second);
        assert_ne!(first, std::thread::current().id());
        let caught = tokio::spawn(run(|| panic!("boom"))).await;
        assert!(caught.expect_err("the panic comes back").is_panic());
        assert_eq!(run(|| 7).await, 7, "the thread lives on after a panic");
    }
}
