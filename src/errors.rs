//! Core errors to Python exceptions. The exception classes are defined in
//! `dateline/exceptions.py` (so they can be both a `DatelineError` and a
//! `ValueError`) and looked up once.

use dateline_core::Error;
use pyo3::exceptions::{PyFileNotFoundError, PyOSError, PyPermissionError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

static GAZETTEER_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CONFIG_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SERIALIZATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn exception(py: Python<'_>, cell: &'static PyOnceLock<Py<PyType>>, name: &str, msg: String) -> PyErr {
    let ty = cell.get_or_try_init(py, || -> PyResult<Py<PyType>> {
        let module = py.import("dateline.exceptions")?;
        Ok(module.getattr(name)?.cast_into::<PyType>()?.unbind())
    });
    match ty {
        Ok(t) => PyErr::from_type(t.bind(py).clone(), msg),
        Err(_) => PyValueError::new_err(msg),
    }
}

/// A `ConfigError` (a `ValueError`) with this message.
pub(crate) fn config_error(py: Python<'_>, msg: impl Into<String>) -> PyErr {
    exception(py, &CONFIG_ERROR, "ConfigError", msg.into())
}

/// A `ConfigError` for a bad option value, made where no `Python` token is
/// at hand (the parsers of `convert.rs` run with the GIL held).
pub(crate) fn config(msg: impl Into<String>) -> PyErr {
    Python::attach(|py| config_error(py, msg))
}

/// Maps a core error to its Python exception. The core enum is
/// `#[non_exhaustive]`, so a new variant falls to `ValueError` until mapped here.
pub(crate) fn to_py(py: Python<'_>, err: Error) -> PyErr {
    let msg = err.to_string();
    match err {
        Error::InvalidDate { .. } => PyValueError::new_err(msg),
        Error::Gazetteer { .. } => exception(py, &GAZETTEER_ERROR, "GazetteerError", msg),
        Error::Config(_) => config_error(py, msg),
        Error::Serialization(_) => exception(py, &SERIALIZATION_ERROR, "SerializationError", msg),
        Error::Io { source, .. } => match source.kind() {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(msg),
            std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(msg),
            _ => PyOSError::new_err(msg),
        },
        _ => PyValueError::new_err(msg),
    }
}
