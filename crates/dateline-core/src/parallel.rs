//! Parallel map over documents with rayon, in input order.
//!
//! `None` threads uses rayon's global pool (which honours `RAYON_NUM_THREADS`);
//! an explicit count uses a cached pool of that size. After a `fork()` the
//! binding calls [`set_parallelism`]`(false)` in the child, so no rayon pool
//! is touched there (their threads do not survive a fork).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use rayon::prelude::*;

use crate::error::Error;

static PARALLEL: AtomicBool = AtomicBool::new(true);
static POOLS: LazyLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Switches parallel execution on or off for the whole process.
pub fn set_parallelism(enabled: bool) {
    PARALLEL.store(enabled, Ordering::SeqCst);
}

/// Whether parallel execution is on.
#[must_use]
pub fn parallelism() -> bool {
    PARALLEL.load(Ordering::SeqCst)
}

fn pool(n: usize) -> Result<Arc<rayon::ThreadPool>, Error> {
    let mut pools = POOLS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(p) = pools.get(&n) {
        return Ok(Arc::clone(p));
    }
    let p = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("dateline-{i}"))
        .build()
        .map_err(|e| Error::Config(format!("cannot start {n} threads: {e}")))?;
    let p = Arc::new(p);
    pools.insert(n, Arc::clone(&p));
    Ok(p)
}

/// Maps `f` over `items` in parallel, results in input order. `n_threads`:
/// `None` for rayon's global pool, `Some(1)` for the calling thread only.
///
/// # Errors
/// [`Error::Config`] if `n_threads` is `Some(0)` or the pool cannot start.
pub fn map_ordered<T, R, F>(items: &[T], n_threads: Option<usize>, f: F) -> Result<Vec<R>, Error>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    if n_threads == Some(0) {
        return Err(Error::Config("n_threads must be at least 1".into()));
    }
    if items.len() < 2 || n_threads == Some(1) || !parallelism() {
        return Ok(items.iter().map(f).collect());
    }
    match n_threads {
        None => Ok(items.par_iter().map(f).collect()),
        Some(n) => Ok(pool(n)?.install(|| items.par_iter().map(f).collect())),
    }
}
