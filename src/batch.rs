//! The one place that releases the GIL around core work, and batches
//! analysed on a thread of their own while Python goes on.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

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

/// A batch's texts and options, shared by the thread analysing it and the
/// `PendingBatch` waiting for it.
pub(crate) struct BatchJob {
    pub(crate) pipeline: Arc<dateline_core::Pipeline>,
    pub(crate) texts: Vec<PyBackedStr>,
    pub(crate) references: Vec<dateline_core::ReferenceDate>,
    pub(crate) document_types: Vec<dateline_core::DocumentType>,
    pub(crate) langs: Vec<Option<dateline_core::Lang>>,
    pub(crate) threads: Option<usize>,
}

impl BatchJob {
    /// Analyses the batch (each document's str indices included).
    pub(crate) fn run(&self) -> Analyses {
        let strs: Vec<&str> = self.texts.iter().map(|s| s.as_str()).collect();
        self.pipeline.map_batch(&strs, &self.references, &self.document_types, &self.langs, self.threads, |i, doc| {
            crate::results::Analysed::new(strs[i], doc)
        })
    }
}

/// Where a batch's analysis is: on a thread of its own (started by the
/// process `pid`), or done.
pub(crate) enum Job {
    Running { handle: std::thread::JoinHandle<Analyses>, pid: u32 },
    Done(Analyses),
}

impl Job {
    /// Runs `job` on a thread of its own, or here (GIL released) with one
    /// thread or in a forked child.
    pub(crate) fn start(py: Python<'_>, job: &Arc<BatchJob>) -> PyResult<Self> {
        if job.threads == Some(1) || !dateline_core::parallel::parallelism() {
            let job = Arc::clone(job);
            return Ok(Self::Done(py.detach(move || job.run())));
        }
        let mine = Arc::clone(job);
        let handle = std::thread::Builder::new()
            .name("dateline-batch".to_owned())
            .spawn(move || mine.run())
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(format!("cannot start a thread: {e}")))?;
        Ok(Self::Running { handle, pid: std::process::id() })
    }
}

/// What a pending batch needs to make its documents.
pub(crate) struct Pending {
    pub(crate) job: Arc<BatchJob>,
    pub(crate) origins: crate::pipeline::Origins,
    pub(crate) state: Job,
}

/// A batch being analysed while Python goes on (`Pipeline.start_batch`),
/// so that `pipe` reads one batch's documents while the next is analysed;
/// `wait()` gives its documents. A batch never waited for is joined when
/// it is dropped, so no thread outlives it. In a process forked while the
/// batch was analysed (its thread is not there) the batch is analysed again
/// on the calling thread.
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
        if let Some(Pending { state: Job::Running { handle, pid }, .. }) = state.take() {
            // The thread holds no Python object and never needs the GIL; in
            // a forked child it does not exist, and is not waited for.
            if pid == std::process::id() {
                let _ = handle.join();
            }
        }
    }
}

#[pymethods]
impl PyPendingBatch {
    /// The batch's documents, in input order (waiting for them with the GIL
    /// released); a second call raises RuntimeError.
    pub(crate) fn wait(&self, py: Python<'_>) -> PyResult<Vec<crate::results::PyDoc>> {
        let taken = self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        let Some(p) = taken else {
            return Err(pyo3::exceptions::PyRuntimeError::new_err("this batch was already read"));
        };
        let analyses = match p.state {
            Job::Done(r) => r,
            Job::Running { handle, pid } if pid == std::process::id() => py
                .detach(|| handle.join())
                .map_err(|_| pyo3::exceptions::PyRuntimeError::new_err("a dateline worker thread failed"))?,
            Job::Running { .. } => {
                let job = Arc::clone(&p.job);
                py.detach(move || job.run())
            }
        };
        let analyses = analyses.map_err(|e| crate::errors::to_py(py, e))?;
        let gazetteer = p.job.pipeline.gazetteer();
        Ok(p.job
            .texts
            .iter()
            .zip(analyses)
            .enumerate()
            .map(|(i, (text, a))| crate::results::PyDoc {
                data: crate::results::DocData::new(text.clone_ref(py), a, Arc::clone(gazetteer), p.origins.get(py, i)),
            })
            .collect())
    }
}
