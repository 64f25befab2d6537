//! `Token` and `doc.tokens`, a lazy sequence: a `Doc` keeps its tokens in
//! Rust (with their str indices, computed where the document was analysed)
//! and makes a `Token` object only when one is asked for.

use dateline_core::tokenize::attrs;
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyIterator, PyList, PySlice};

use crate::results::{DocData, PyDoc, span_hash};

/// A token: `start`, `end` (str indices), `text`, its position `i`, the
/// index of its `sentence`, whether whitespace follows it (`space_after`),
/// and lexical attributes: `norm` (lower case, ASCII quotes and dashes),
/// `shape` (`Xxxxx`, `dd.dd`), `is_alpha`, `is_digit`, `is_punct`, `is_space`,
/// `like_num`, `like_url`, `like_email`.
#[pyclass(frozen, name = "Token", module = "dateline._core", eq)]
pub struct PyToken {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    i: usize,
    #[pyo3(get)]
    space_after: bool,
    #[pyo3(get)]
    sentence: usize,
    /// The document's text and the token's byte span in it: `text` is
    /// made when asked for.
    source: PyBackedStr,
    bytes: (usize, usize),
}

impl PyToken {
    pub(crate) fn text_str(&self) -> &str {
        &self.source[self.bytes.0..self.bytes.1]
    }

    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn space_after(&self) -> bool {
        self.space_after
    }
}

impl PartialEq for PyToken {
    fn eq(&self, other: &Self) -> bool {
        (self.start, self.end, self.i, self.space_after, self.sentence)
            == (other.start, other.end, other.i, other.space_after, other.sentence)
            && self.text_str() == other.text_str()
    }
}

#[pymethods]
impl PyToken {
    #[getter]
    fn text(&self) -> &str {
        self.text_str()
    }
    #[getter]
    fn norm(&self) -> String {
        attrs::norm(self.text_str())
    }
    #[getter]
    fn shape(&self) -> String {
        attrs::shape(self.text_str())
    }
    #[getter]
    fn is_alpha(&self) -> bool {
        attrs::is_alpha(self.text_str())
    }
    #[getter]
    fn is_digit(&self) -> bool {
        attrs::is_digit(self.text_str())
    }
    #[getter]
    fn is_punct(&self) -> bool {
        attrs::is_punct(self.text_str())
    }
    /// Always False: tokens never contain whitespace (kept for spaCy users).
    #[getter]
    fn is_space(&self) -> bool {
        false
    }
    #[getter]
    fn like_num(&self) -> bool {
        attrs::like_num(self.text_str())
    }
    #[getter]
    fn like_url(&self) -> bool {
        attrs::like_url(self.text_str())
    }
    #[getter]
    fn like_email(&self) -> bool {
        attrs::like_email(self.text_str())
    }

    fn __hash__(&self) -> u64 {
        span_hash(self.start, self.end, self.text_str(), "")
    }

    fn __repr__(&self) -> String {
        format!("Token({:?}, start={}, end={})", self.text_str(), self.start, self.end)
    }
}

impl DocData {
    /// The tokens `range` (in range), in order; sentences are found by
    /// walking along with them.
    pub(crate) fn token_range(&self, py: Python<'_>, range: std::ops::Range<usize>) -> Vec<PyToken> {
        let sentences = &self.doc.sentences;
        let last = sentences.len().saturating_sub(1);
        let mut sentence = sentences.partition_point(|s| s.token_end <= range.start).min(last);
        let tokens = &self.doc.tokens[range.clone()];
        let mut out = Vec::with_capacity(tokens.len());
        for (i, t) in range.zip(tokens) {
            while sentence < last && sentences[sentence].token_end <= i {
                sentence += 1;
            }
            let (start, end) = self.token_chars(i);
            out.push(PyToken {
                start,
                end,
                i,
                space_after: t.space_after,
                sentence,
                source: self.text.clone_ref(py),
                bytes: (t.start, t.end),
            });
        }
        out
    }

    /// Every token, in order.
    pub(crate) fn tokens(&self, py: Python<'_>) -> Vec<PyToken> {
        self.token_range(py, 0..self.doc.tokens.len())
    }

    /// The token at position `i` (in range), built alone.
    pub(crate) fn token_at(&self, py: Python<'_>, i: usize) -> PyToken {
        self.token_range(py, i..i + 1).pop().unwrap_or_else(|| unreachable!("token {i} is in range"))
    }

    /// `doc[key]` or `doc.tokens[key]`: a token (negative indices count from
    /// the end) or, for a slice, a list of tokens.
    pub(crate) fn token_item<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let n = self.doc.tokens.len();
        if let Ok(slice) = key.cast::<PySlice>() {
            let ind = slice.indices(isize::try_from(n).unwrap_or(isize::MAX))?;
            if ind.step == 1 {
                let (a, b) = (ind.start as usize, ind.start as usize + ind.slicelength);
                return Ok(PyList::new(py, self.token_range(py, a..b))?.into_any());
            }
            let mut out = Vec::with_capacity(ind.slicelength);
            let mut k = ind.start;
            for _ in 0..ind.slicelength {
                out.push(self.token_at(py, k as usize));
                k += ind.step;
            }
            return Ok(PyList::new(py, out)?.into_any());
        }
        let i: isize = key.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "token indices must be integers or slices, not {}",
                crate::convert::type_name(key)
            ))
        })?;
        let k = if i < 0 { i + n as isize } else { i };
        if k < 0 || k >= n as isize {
            return Err(PyIndexError::new_err(format!("token index {i} out of range for a Doc of {n} tokens")));
        }
        Ok(Bound::new(py, self.token_at(py, k as usize))?.into_any())
    }
}

/// A document's tokens (`doc.tokens`): a read-only sequence that makes each
/// `Token` when it is read. It compares equal to a list of the same tokens;
/// `len`, indexing, slicing (a list), iteration, `in`, `index`, `count` and
/// `+` (a list) work as on a list; `list(doc.tokens)` gives one.
#[pyclass(frozen, name = "Tokens", module = "dateline._core", sequence)]
pub struct PyTokens {
    pub(crate) doc: Py<PyDoc>,
}

impl PyTokens {
    fn list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.doc.get().data.tokens(py))
    }
}

#[pymethods]
impl PyTokens {
    fn __len__(&self) -> usize {
        self.doc.get().data.doc.tokens.len()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.doc.get().data.token_item(py, key)
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        self.list(py)?.try_iter()
    }

    fn __reversed__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        let list = self.list(py)?;
        list.reverse()?;
        list.try_iter()
    }

    fn __contains__(&self, py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.list(py)?.contains(item)
    }

    /// The position of the first token equal to `item` (ValueError if none).
    #[pyo3(signature = (item, /))]
    fn index(&self, py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<usize> {
        self.list(py)?.index(item)
    }

    /// How many tokens equal `item`.
    #[pyo3(signature = (item, /))]
    fn count(&self, py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<usize> {
        let mut n = 0;
        for t in self.list(py)?.iter() {
            if t.eq(item)? {
                n += 1;
            }
        }
        Ok(n)
    }

    fn __richcmp__<'py>(
        &self,
        py: Python<'py>,
        other: &Bound<'py, PyAny>,
        op: pyo3::basic::CompareOp,
    ) -> PyResult<Bound<'py, PyAny>> {
        use pyo3::basic::CompareOp;
        let other_list = if let Ok(t) = other.cast::<PyTokens>() {
            t.get().list(py)?
        } else if let Ok(l) = other.cast::<PyList>() {
            l.clone()
        } else {
            return Ok(py.NotImplemented().into_bound(py));
        };
        let mine = self.list(py)?;
        let same = match op {
            CompareOp::Eq => mine.eq(&other_list)?,
            CompareOp::Ne => !mine.eq(&other_list)?,
            _ => return Ok(py.NotImplemented().into_bound(py)),
        };
        Ok(pyo3::types::PyBool::new(py, same).to_owned().into_any())
    }

    /// `doc.tokens + other`: a list, as a list's `+` gives.
    fn __add__<'py>(&self, py: Python<'py>, other: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let mine = self.list(py)?.into_any();
        match other.cast::<PyTokens>() {
            Ok(t) => mine.add(t.get().list(py)?),
            Err(_) if other.is_instance_of::<PyList>() => mine.add(other),
            Err(_) => Ok(py.NotImplemented().into_bound(py)),
        }
    }

    /// `other + doc.tokens` for a list `other`: a list.
    fn __radd__<'py>(&self, py: Python<'py>, other: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        if other.is_instance_of::<PyList>() {
            other.add(self.list(py)?)
        } else {
            Ok(py.NotImplemented().into_bound(py))
        }
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(self.list(py)?.repr()?.to_string())
    }
}
