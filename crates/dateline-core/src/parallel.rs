//! Parallel map over documents with rayon, in input order.
//!
//! `None` threads uses rayon's global pool (which honours `RAYON_NUM_THREADS`),
//! and so does an explicit count equal to its size (by default the CPU
//! count): its threads live on from call to call, with their per-thread
//! buffers (the tokenizer's, the date scan's memo). Any other count runs on
//! a pool of that size started for the call and joined before it returns,
//! so the number of live threads cannot grow with the number of distinct
//! counts used; counts are bounded by [`max_threads`]. After a `fork()` the binding calls
//! [`set_parallelism`]`(false)` in the child, so no rayon pool is touched
//! there (their threads do not survive a fork).

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::error::Error;

static PARALLEL: AtomicBool = AtomicBool::new(true);

/// Switches parallel execution on or off for the whole process.
pub fn set_parallelism(enabled: bool) {
    PARALLEL.store(enabled, Ordering::SeqCst);
}

/// Whether parallel execution is on.
#[must_use]
pub fn parallelism() -> bool {
    PARALLEL.load(Ordering::SeqCst)
}

/// The largest `n_threads` accepted: 4 × the CPUs this process may use.
#[must_use]
pub fn max_threads() -> usize {
    4 * std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// The error for an `n_threads` outside `1..=max_threads()`, above it if
/// `too_large`; `shown` is the value as the caller wrote it (it may not fit
/// a `usize`).
#[must_use]
pub fn threads_error(shown: &str, too_large: bool) -> Error {
    Error::Config(if too_large {
        format!("n_threads must be at most {} (4 × the CPU count), not {shown}", max_threads())
    } else {
        format!("n_threads must be a positive integer or None, not {shown}")
    })
}

/// Checks an `n_threads` value: `None` or `1..=max_threads()`.
///
/// # Errors
/// [`Error::Config`] naming the limit otherwise.
pub fn check_threads(n_threads: Option<usize>) -> Result<(), Error> {
    match n_threads {
        Some(n) if n == 0 || n > max_threads() => Err(threads_error(&n.to_string(), n > 0)),
        _ => Ok(()),
    }
}

/// Maps `f` over `items` in parallel, results in input order. `n_threads`:
/// `None` for rayon's global pool, `Some(1)` for the calling thread only,
/// `Some(n)` for `n` threads (at most one per item) joined before returning.
///
/// # Errors
/// [`Error::Config`] if `n_threads` is outside `1..=max_threads()` or the
/// threads cannot start.
pub fn map_ordered<T, R, F>(items: &[T], n_threads: Option<usize>, f: F) -> Result<Vec<R>, Error>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    check_threads(n_threads)?;
    if items.len() < 2 || n_threads == Some(1) || !parallelism() {
        return Ok(items.iter().map(f).collect());
    }
    in_pool(items.len(), n_threads, || items.par_iter().map(f).collect())
}

/// As [`map_ordered`], taking the items by value (each may hold a mutable
/// borrow, such as its own part of an output buffer).
///
/// # Errors
/// As [`map_ordered`].
pub fn map_owned<T, R, F>(items: Vec<T>, n_threads: Option<usize>, f: F) -> Result<Vec<R>, Error>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync + Send,
{
    check_threads(n_threads)?;
    if items.len() < 2 || n_threads == Some(1) || !parallelism() {
        return Ok(items.into_iter().map(f).collect());
    }
    in_pool(items.len(), n_threads, || items.into_par_iter().map(f).collect())
}

/// Runs `op` in rayon's global pool (`None`, or a count equal to its size)
/// or in a pool of `n` threads (at most one per item) joined before returning.
fn in_pool<R: Send>(n_items: usize, n_threads: Option<usize>, op: impl FnOnce() -> R + Send) -> Result<R, Error> {
    match n_threads {
        None => Ok(op()),
        // The threads `None` uses, started once and kept warm (outside any
        // pool's worker, `current_num_threads` is the global pool's size).
        Some(n) if rayon::current_thread_index().is_none() && n == rayon::current_num_threads() => Ok(op()),
        Some(n) => {
            let n = n.min(n_items);
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .thread_name(|i| format!("dateline-{i}"))
                .build_scoped(rayon::ThreadBuilder::run, |pool| pool.install(op))
                .map_err(|e| Error::Config(format!("cannot start {n} threads: {e}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_outside_the_limit_are_config_errors() {
        let items = [1, 2, 3];
        for bad in [0, max_threads() + 1, usize::MAX] {
            let err = map_ordered(&items, Some(bad), |&x| x).unwrap_err();
            let msg = err.to_string();
            assert!(msg.ends_with(&format!(", not {bad}")), "{msg}");
            if bad > 0 {
                assert!(msg.contains(&format!("at most {} (4 × the CPU count)", max_threads())), "{msg}");
            }
        }
        assert_eq!(map_ordered(&items, Some(max_threads()), |&x| x * 2).unwrap(), vec![2, 4, 6]);
        assert!(map_owned(vec![1, 2], Some(0), |x| x).is_err());
    }

    #[test]
    fn the_global_pool_serves_its_own_size_and_other_counts_get_their_own_threads() {
        let g = rayon::current_num_threads();
        let items: Vec<usize> = (0..64).collect();
        let names = |n: usize| -> Vec<String> {
            map_ordered(&items, Some(n), |_| std::thread::current().name().unwrap_or("").to_owned()).unwrap()
        };
        if g >= 2 {
            assert!(names(g).iter().all(|n| !n.starts_with("dateline-")), "the global pool's threads");
        }
        assert!(names(g + 1).iter().all(|n| n.starts_with("dateline-")), "a pool of its own");
    }

    #[test]
    fn owned_items_fill_their_own_parts_of_a_buffer() {
        let mut out = vec![0u32; 10];
        for threads in [None, Some(1), Some(3)] {
            out.fill(0);
            let parts: Vec<(usize, &mut [u32])> = out.chunks_mut(3).enumerate().collect();
            let sums = map_owned(parts, threads, |(k, part)| {
                part.fill(k as u32 + 1);
                part.len()
            })
            .unwrap();
            assert_eq!(sums, vec![3, 3, 3, 1]);
            assert_eq!(out, vec![1, 1, 1, 2, 2, 2, 3, 3, 3, 4]);
        }
    }
}
