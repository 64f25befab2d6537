//! The one place that releases the GIL around core work.

use pyo3::prelude::*;

/// Runs `f` with the GIL released, mapping core errors to Python exceptions.
pub(crate) fn run_detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> Result<T, dateline_core::Error> + Send,
{
    py.detach(f).map_err(|e| crate::errors::to_py(py, e))
}
