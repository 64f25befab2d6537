//! The one place that releases the GIL around core work, and batches
//! analysed on a thread of their own while Python goes on.

use pyo3::prelude::*;

/// Runs `f` with the GIL released, mapping core errors to Python exceptions.
pub(crate) fn run_detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> Result<T, dateline_core::Error> + Send,
{
    py.detach(f).map_err(|e| crate::errors::to_py(py, e))
}

/// The documents of a batch with their str indices, or the core's error.
pub(crate) type Analyses = Result<Vec<crate::results::Analysed>, dateline_core::Error>;

/// Where a batch's analysis is: on a thread of its own, or done.
pub(crate) enum Job {
    Running(std::thread::JoinHandle<Analyses>),
    Done(Analyses),
}

/// What a pending batch needs to make its documents.
pub(crate) struct Pending {
    pub(crate) texts: std::sync::Arc<Vec<pyo3::pybacked::PyBackedStr>>,
    pub(crate) origins: crate::pipeline::Origins,
    pub(crate) gazetteer: std::sync::Arc<dateline_core::Gazetteer>,
    pub(crate) job: Job,
}

/// A batch being analysed while Python goes on (`Pipeline.start_batch`),
/// so that `pipe` reads one batch's documents while the next is analysed;
/// `wait()` gives its documents. A batch never waited for is joined when
/// it is dropped, so no thread outlives it.
#[pyclass(frozen, name = "PendingBatch", module = "dateline._core")]
pub struct PyPendingBatch {
    state: std::sync::Mutex<Option<Pending>>,
}

impl PyPendingBatch {
    pub(crate) fn new(pending: Pending) -> Self {
        Self { state: std::sync::Mutex::new(Some(pending)) }
    }
}

impl Drop for PyPendingBatch {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(Pending { job: Job::Running(handle), .. }) = state.take() {
            // The thread holds no Python object and never needs the GIL.
            let _ = handle.join();
        }
    }
}

#[pymethods]
impl PyPendingBatch {
    /// The batch's documents, in input order (waiting for them with the GIL
    /// released); a second call raises RuntimeError.
    fn wait(&self, py: Python<'_>) -> PyResult<Vec<crate::results::PyDoc>> {
        let taken = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        let Some(p) = taken else {
            return Err(pyo3::exceptions::PyRuntimeError::new_err("this batch was already read"));
        };
        let analyses = match p.job {
            Job::Done(r) => r,
            Job::Running(handle) => py
                .detach(|| handle.join())
                .map_err(|_| pyo3::exceptions::PyRuntimeError::new_err("a dateline worker thread failed"))?,
        };
        let analyses = analyses.map_err(|e| crate::errors::to_py(py, e))?;
        let texts = std::sync::Arc::try_unwrap(p.texts).unwrap_or_else(|t| t.iter().map(|s| s.clone_ref(py)).collect());
        Ok(texts
            .into_iter()
            .zip(analyses)
            .enumerate()
            .map(|(i, (text, a))| crate::results::PyDoc {
                data: crate::results::DocData::new(text, a, std::sync::Arc::clone(&p.gazetteer), p.origins.get(py, i)),
            })
            .collect())
    }
}
