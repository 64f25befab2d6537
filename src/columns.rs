//! `Annotations`: the analyses of a batch kept in Rust, handed to Python as
//! columns (numpy arrays built from the core's vectors without copying).

use std::sync::Arc;

use dateline_core::columns::{self, Column, TableKind};
use dateline_core::{Document, Gazetteer, Pipeline};
use numpy::IntoPyArray;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyTuple};

/// The result of `Pipeline.annotate`: every document's analysis, kept in Rust
/// until a table is asked for. Use the `dateline.Annotations` façade.
#[pyclass(frozen, name = "Annotations", module = "dateline._core")]
pub struct PyAnnotations {
    pub(crate) texts: Vec<PyBackedStr>,
    /// The analyses, kept without their tokens (`Document::drop_tokens`):
    /// the tokens table and `doc(i)` make them again with `pipeline`.
    pub(crate) docs: Vec<Document>,
    pub(crate) pipeline: Arc<Pipeline>,
    pub(crate) gazetteer: Arc<Gazetteer>,
    pub(crate) threads: Option<usize>,
    /// How each document was made (for its `Doc` to pickle).
    pub(crate) origins: crate::pipeline::Origins,
}

fn column<'py>(py: Python<'py>, name: &str, col: Column) -> PyResult<Bound<'py, PyTuple>> {
    let none = || py.None().into_bound(py);
    let items: Vec<Bound<'py, PyAny>> = match col {
        Column::Int(v) => vec!["int".into_pyobject(py)?.into_any(), v.into_pyarray(py).into_any(), none()],
        Column::Date(v) => vec!["date".into_pyobject(py)?.into_any(), v.into_pyarray(py).into_any(), none()],
        Column::Time(v) => vec!["time".into_pyobject(py)?.into_any(), v.into_pyarray(py).into_any(), none()],
        Column::TimeUtc(v) => vec!["time_utc".into_pyobject(py)?.into_any(), v.into_pyarray(py).into_any(), none()],
        Column::Bool(v) => vec!["bool".into_pyobject(py)?.into_any(), v.into_pyarray(py).into_any(), none()],
        Column::OptInt(v, valid) => vec![
            "optint".into_pyobject(py)?.into_any(),
            v.into_pyarray(py).into_any(),
            valid.into_pyarray(py).into_any(),
        ],
        Column::Str(s) => {
            let valid = s.valid.map_or_else(none, |v| v.into_pyarray(py).into_any());
            let parts =
                PyTuple::new(py, [s.offsets.into_pyarray(py).into_any(), s.data.into_pyarray(py).into_any(), valid])?;
            vec!["str".into_pyobject(py)?.into_any(), parts.into_any(), none()]
        }
        Column::Cat(c) => {
            let cats = PyList::new(py, &c.categories)?;
            vec!["cat".into_pyobject(py)?.into_any(), c.codes.into_pyarray(py).into_any(), cats.into_any()]
        }
    };
    let mut all = vec![name.into_pyobject(py)?.into_any()];
    all.extend(items);
    PyTuple::new(py, all)
}

#[pymethods]
impl PyAnnotations {
    /// Number of documents.
    fn __len__(&self) -> usize {
        self.docs.len()
    }

    /// The table of `kind` (`entities`, `timexes`, `ranges`, `sentences`,
    /// `tokens`) as a list of `(name, kind, data, extra)` column tuples:
    /// `int`/`date`/`bool` columns carry a numpy array (`time` and
    /// `time_utc`: seconds since 1970, wall clock or UTC); `optint` columns the
    /// values and a bool array saying which are present; `str` columns
    /// `(offsets, bytes, valid)` in Arrow's large-utf8 layout; `cat` columns
    /// int32 codes and the categories.
    fn table<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Vec<Bound<'py, PyTuple>>> {
        let k = TableKind::parse(kind).ok_or_else(|| {
            let names: Vec<String> = TableKind::ALL.iter().map(|k| format!("'{}'", k.as_str())).collect();
            PyValueError::new_err(format!("unknown table '{kind}'; expected one of {}", names.join(", ")))
        })?;
        let table = crate::batch::run_detached(py, || {
            let texts: Vec<&str> = self.texts.iter().map(|t| t.as_str()).collect();
            columns::build_documents(k, &texts, &self.docs, &self.gazetteer, Some(&self.pipeline), self.threads)
        })?;
        table.columns.into_iter().map(|(name, col)| column(py, name, col)).collect()
    }

    /// The analysed `Doc` at position `i`.
    fn doc(&self, py: Python<'_>, i: usize) -> PyResult<crate::results::PyDoc> {
        let (Some(t), Some(d)) = (self.texts.get(i), self.docs.get(i)) else {
            return Err(pyo3::exceptions::PyIndexError::new_err(format!(
                "document {i} out of range for {} documents",
                self.docs.len()
            )));
        };
        let text = t.clone_ref(py);
        let origin = self.origins.get(py, i);
        let mut doc = d.clone();
        doc.tokens = d.tokens_again(&self.pipeline, &text).tokens;
        let analysed = crate::results::Analysed::new(&text, doc);
        Ok(crate::results::PyDoc {
            data: crate::results::DocData::new(text, analysed, Arc::clone(&self.gazetteer), origin),
        })
    }
}
