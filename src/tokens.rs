//! `Token` and `doc.tokens`, a lazy sequence: a `Doc` keeps its tokens in
//! Rust (with their str indices, computed where the document was analysed)
//! and makes a `Token` object only when one is asked for.

use dateline_core::Lang;
use dateline_core::tokenize::{attrs, syntactic_words};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyList, PyString};

use crate::results::{DocData, PyDoc, span_hash};
use crate::views::{Seq, get_item};

/// A token: `start`, `end` (str indices), `text`, its position `i`, the
/// index of its `sentence`, whether whitespace follows it (`space_after`),
/// its syntactic `words` (`del` → `de` `el`), and lexical attributes: `norm` (lower case, ASCII quotes and dashes),
/// `shape` (`Xxxxx`, `dd.dd`), `is_alpha`, `is_digit`, `is_punct`, `is_space`,
/// `like_num`, `like_url`, `like_email`.
#[pyclass(frozen, name = "Token", module = "dateline._core", eq)]
pub struct PyToken {
    // The attributes read most are Python objects made with the token, so
    // that reading one is a slot read (pyo3 serves `get` on a `Py` field of
    // a frozen class from a member descriptor), not a call that converts.
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    start: Py<PyInt>,
    #[pyo3(get)]
    end: Py<PyInt>,
    #[pyo3(get)]
    space_after: Py<PyBool>,
    /// The same values for Rust (equality, hashing, `repr`, `to_dict`): str
    /// indices, position and sentence (texts are under 2 GiB), and whether
    /// whitespace follows.
    at: [u32; 4],
    space: bool,
    /// The document's language, for `words`.
    lang: Lang,
}

/// A value kept in a token's 32 bits (texts are under 2 GiB).
#[allow(clippy::cast_possible_truncation)]
fn small(v: usize) -> u32 {
    v as u32
}

impl PyToken {
    /// The token's text as UTF-8 (the str's own bytes for ASCII text).
    pub(crate) fn text_str<'a>(&'a self, py: Python<'a>) -> &'a str {
        self.text.bind(py).to_str().unwrap_or("")
    }

    pub(crate) fn start(&self) -> usize {
        self.at[0] as usize
    }

    pub(crate) fn end(&self) -> usize {
        self.at[1] as usize
    }

    pub(crate) fn space_after(&self) -> bool {
        self.space
    }
}

impl PartialEq for PyToken {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at && self.space == other.space && Python::attach(|py| self.text_str(py) == other.text_str(py))
    }
}

#[pymethods]
impl PyToken {
    /// Its position in the document (read less often: made when read).
    #[getter]
    fn i(&self) -> usize {
        self.at[2] as usize
    }
    /// The index of its sentence.
    #[getter]
    fn sentence(&self) -> usize {
        self.at[3] as usize
    }
    /// Its syntactic words: the table's words of a contraction in the
    /// document's language (`del` → `de` `el`), else the token alone.
    #[getter]
    fn words(&self, py: Python<'_>) -> Vec<String> {
        let text = self.text_str(py);
        syntactic_words(self.lang, text).unwrap_or_else(|| vec![text.to_owned()])
    }
    #[getter]
    fn norm(&self, py: Python<'_>) -> String {
        attrs::norm(self.text_str(py))
    }
    #[getter]
    fn shape(&self, py: Python<'_>) -> String {
        attrs::shape(self.text_str(py))
    }
    #[getter]
    fn is_alpha(&self, py: Python<'_>) -> bool {
        attrs::is_alpha(self.text_str(py))
    }
    #[getter]
    fn is_digit(&self, py: Python<'_>) -> bool {
        attrs::is_digit(self.text_str(py))
    }
    #[getter]
    fn is_punct(&self, py: Python<'_>) -> bool {
        attrs::is_punct(self.text_str(py))
    }
    /// Always False: tokens never contain whitespace (kept for spaCy users).
    #[getter]
    fn is_space(&self) -> bool {
        false
    }
    #[getter]
    fn like_num(&self, py: Python<'_>) -> bool {
        attrs::like_num(self.text_str(py))
    }
    #[getter]
    fn like_url(&self, py: Python<'_>) -> bool {
        attrs::like_url(self.text_str(py))
    }
    #[getter]
    fn like_email(&self, py: Python<'_>) -> bool {
        attrs::like_email(self.text_str(py))
    }

    fn __hash__(&self, py: Python<'_>) -> u64 {
        span_hash(self.start(), self.end(), self.text_str(py), "")
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Token({:?}, start={}, end={})", self.text_str(py), self.start(), self.end())
    }
}

impl DocData {
    /// The tokens `range` (in range), in order, with their sentences.
    pub(crate) fn token_range(&self, py: Python<'_>, range: std::ops::Range<usize>) -> PyResult<Vec<PyToken>> {
        let sentences = &self.doc.sentences;
        let last = sentences.len().saturating_sub(1);
        let tokens = &self.doc.tokens[range.clone()];
        let mut out = Vec::with_capacity(tokens.len());
        for (i, t) in range.zip(tokens) {
            let sentence = if i < sentences.token_count() { sentences.of_token(i) } else { last };
            let (start, end) = self.token_chars(i);
            let int = |v: usize| -> PyResult<Py<PyInt>> { Ok(v.into_pyobject(py)?.cast_into::<PyInt>()?.unbind()) };
            out.push(PyToken {
                text: PyString::new(py, &self.text[t.start()..t.end()]).unbind(),
                start: int(start)?,
                end: int(end)?,
                space_after: PyBool::new(py, t.space_after()).to_owned().unbind(),
                at: [small(start), small(end), small(i), small(sentence)],
                space: t.space_after(),
                lang: self.doc.lang,
            });
        }
        Ok(out)
    }

    /// Every token, in order.
    pub(crate) fn tokens(&self, py: Python<'_>) -> PyResult<Vec<PyToken>> {
        self.token_range(py, 0..self.doc.tokens.len())
    }

    /// The token at position `i` (in range), built alone.
    pub(crate) fn token_at(&self, py: Python<'_>, i: usize) -> PyResult<PyToken> {
        self.token_range(py, i..i + 1)?
            .pop()
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err(format!("token {i}")))
    }

    /// `doc[key]` or `doc.tokens[key]`: a token (negative indices count from
    /// the end) or, for a slice, a list of tokens.
    pub(crate) fn token_item<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        get_item(&TokenSeq(self), py, key)
    }
}

/// A document's tokens as a [`Seq`].
struct TokenSeq<'a>(&'a DocData);

impl Seq for TokenSeq<'_> {
    fn noun(&self) -> (&'static str, &'static str) {
        ("token", "tokens")
    }

    fn len(&self) -> usize {
        self.0.doc.tokens.len()
    }

    fn item<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        Ok(Bound::new(py, self.0.token_at(py, i)?)?.into_any())
    }

    fn list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.0.tokens(py)?)
    }

    fn range<'py>(&self, py: Python<'py>, range: std::ops::Range<usize>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.0.token_range(py, range)?)
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
    fn seq(&self) -> TokenSeq<'_> {
        TokenSeq(&self.doc.get().data)
    }
}

impl crate::views::ListOf for PyTokens {
    fn items<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.seq().list(py)
    }
}

crate::views::list_like!(PyTokens);
