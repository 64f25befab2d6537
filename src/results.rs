//! `Doc` and its span views. The core's byte offsets are converted to
//! Python `str` indices where a document is analysed (on the worker
//! threads, see [`Analysed`]), so reading them walks no text.

use std::sync::Arc;

use dateline_core::span::{CharCursor, CharIndex};
use dateline_core::{Document, DocumentType, Gazetteer, Lang, ReferenceDate};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyIterator, PyList, PyTuple};

use crate::convert::py_date;

use crate::views::{Kind, PySpans};

/// A processed document plus what is needed to render its spans.
pub(crate) struct DocData {
    pub text: PyBackedStr,
    pub doc: Document,
    /// Turns byte offsets into str indices (identity for ASCII text).
    chars: CharIndex,
    pub gazetteer: Arc<Gazetteer>,
    /// How it was made, so that it can be pickled (and made again on the
    /// other side).
    pub origin: Origin,
}

/// The pipeline and per-document options that made a document: analysing
/// its text again with them gives the same document.
pub(crate) struct Origin {
    pub pipeline: Py<crate::pipeline::PyPipeline>,
    pub reference: ReferenceDate,
    pub document_type: Option<DocumentType>,
    /// None: identified from the text.
    pub lang: Option<Lang>,
}

impl DocData {
    pub(crate) fn new(text: PyBackedStr, analysed: Analysed, gazetteer: Arc<Gazetteer>, origin: Origin) -> Self {
        Self { text, doc: analysed.doc, chars: analysed.chars, gazetteer, origin }
    }
}

/// A document's analysis with what turns its byte offsets into str
/// indices: made on the thread that analysed it, so that the part holding
/// the GIL only wraps it.
pub(crate) struct Analysed {
    doc: Document,
    chars: CharIndex,
}

impl Analysed {
    /// `doc`, the analysis of `text`, with the index of `text`'s characters
    /// (a sixteenth of its size; nothing for ASCII text).
    pub(crate) fn new(text: &str, doc: Document) -> Self {
        Self { doc, chars: CharIndex::new(text) }
    }
}

/// The hash of a span, from what every kind of span has (equal spans have
/// equal hashes; `extra` is the label or value).
pub(crate) fn span_hash(start: usize, end: usize, text: &str, extra: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (start, end, text, extra).hash(&mut h);
    h.finish()
}

/// A document analysed by a `Pipeline`: its text, reference date and
/// document type, tokens, sentences, entities, time expressions and ranges. Span offsets are `str` indices:
/// `doc.text[span.start:span.end] == span.text`.
#[pyclass(frozen, name = "Doc", module = "dateline._core")]
pub struct PyDoc {
    pub(crate) data: DocData,
}

/// A sentence: `start`, `end` (str indices) and `text`.
#[pyclass(frozen, name = "Sentence", module = "dateline._core", eq)]
#[derive(PartialEq)]
pub struct PySentence {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: String,
}

/// A gazetteer entity: `start`, `end`, `text`, `label` and `id` (of the first
/// entry added with this name), `candidates`: every entry with this name
/// as `(label, id)` pairs, the reported one first (`Washington`: city, person),
/// and `attributes`: the reported entry's extra data (a dict).
#[pyclass(frozen, name = "Entity", module = "dateline._core", eq)]
pub struct PyEntity {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: String,
    /// Label, id, candidates and attributes are read from the gazetteer when
    /// asked for, not copied into every entity.
    gazetteer: Arc<Gazetteer>,
    entry: u32,
    /// The id of a person found by a name rule.
    name: Option<Box<str>>,
    alternatives: Vec<u32>,
    rule: dateline_core::Rule,
    /// The index of the sentence holding it.
    #[pyo3(get)]
    sentence: usize,
}

impl PyEntity {
    fn label_str(&self) -> &str {
        self.gazetteer.label(self.entry)
    }

    fn id_str(&self) -> &str {
        self.gazetteer.match_id(self.entry, self.name.as_deref())
    }

    fn attrs(&self) -> &std::collections::BTreeMap<String, serde_json::Value> {
        self.gazetteer.match_attributes(self.entry, self.name.as_deref())
    }

    fn candidate_pairs(&self) -> Vec<(&str, &str)> {
        std::iter::once((self.label_str(), self.id_str()))
            .chain(self.alternatives.iter().map(|&k| {
                let c = self.gazetteer.entry(k);
                (c.label, c.id)
            }))
            .collect()
    }
}

impl PartialEq for PyEntity {
    fn eq(&self, other: &Self) -> bool {
        (self.start, self.end, &self.text, self.rule) == (other.start, other.end, &other.text, other.rule)
            && self.candidate_pairs() == other.candidate_pairs()
            && self.attrs() == other.attrs()
    }
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(n).collect();
        format!("{cut}…")
    }
}

#[pymethods]
impl PySentence {
    fn __hash__(&self) -> u64 {
        span_hash(self.start, self.end, &self.text, "")
    }

    fn __repr__(&self) -> String {
        format!("Sentence({:?}, start={}, end={})", shorten(&self.text, 40), self.start, self.end)
    }
}

#[pymethods]
impl PyEntity {
    /// The label of the entry reported.
    #[getter]
    fn label(&self) -> &str {
        self.label_str()
    }

    /// The id of the entry reported (a person found by a name rule: its own text).
    #[getter]
    fn id(&self) -> &str {
        self.id_str()
    }

    /// Every entry with this name as `(label, id)`, the reported one first.
    #[getter]
    fn candidates(&self) -> Vec<(&str, &str)> {
        self.candidate_pairs()
    }

    /// How it was found: `"name"` (a listed name), `"person"` or `"repeat"` (name rules).
    #[getter]
    fn rule(&self) -> &'static str {
        self.rule.as_str()
    }

    /// The entry's attributes (empty when it has none).
    #[getter]
    fn attributes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        crate::convert::attributes_dict(py, self.attrs())
    }

    fn __hash__(&self) -> u64 {
        span_hash(self.start, self.end, &self.text, self.id_str())
    }

    fn __repr__(&self) -> String {
        format!(
            "Entity({:?}, label={:?}, id={:?}, start={}, end={})",
            self.text,
            self.label_str(),
            self.id_str(),
            self.start,
            self.end
        )
    }
}

impl DocData {
    pub(crate) fn slice(&self, s: usize, e: usize) -> String {
        self.text[s..e].to_owned()
    }

    /// The str indices of the bytes `start..end`.
    fn chars(&self, (start, end): (usize, usize)) -> (usize, usize) {
        (self.chars.at(&self.text, start), self.chars.at(&self.text, end))
    }

    /// The str indices of token `i`.
    pub(crate) fn token_chars(&self, i: usize) -> (usize, usize) {
        let t = &self.doc.tokens[i];
        self.chars((t.start(), t.end()))
    }

    /// The str indices of time expression `i`.
    pub(crate) fn timex_chars(&self, i: usize) -> (usize, usize) {
        let t = &self.doc.timexes[i];
        self.chars((t.start, t.end))
    }

    /// The str indices of range `i`.
    pub(crate) fn range_chars(&self, i: usize) -> (usize, usize) {
        let r = &self.doc.ranges[i];
        self.chars((r.start, r.end))
    }

    pub(crate) fn sentences(&self) -> Vec<PySentence> {
        self.doc.sentences().map(|s| self.py_sentence(s)).collect()
    }

    /// Sentence `i` (in range).
    pub(crate) fn sentence_at(&self, i: usize) -> PySentence {
        self.py_sentence(self.doc.sentence(i))
    }

    fn py_sentence(&self, s: dateline_core::Sentence) -> PySentence {
        let (start, end) = self.chars((s.start(), s.end()));
        PySentence { start, end, text: self.slice(s.start(), s.end()) }
    }

    pub(crate) fn entities(&self) -> Vec<PyEntity> {
        (0..self.doc.entities.len()).map(|i| self.entity_at(i)).collect()
    }

    /// Entity `i` (in range).
    pub(crate) fn entity_at(&self, i: usize) -> PyEntity {
        let m = &self.doc.entities[i];
        let (start, end) = self.chars((m.start, m.end));
        PyEntity {
            start,
            end,
            text: self.slice(m.start, m.end),
            gazetteer: Arc::clone(&self.gazetteer),
            entry: m.entry,
            name: m.name.clone(),
            alternatives: m.alternatives.clone(),
            rule: m.rule,
            sentence: self.doc.sentence_of(m.start),
        }
    }

    /// `(start, end)` str indices of every token (`sentences`: of every sentence).
    fn pairs(&self, sentences: bool) -> Vec<(usize, usize)> {
        // In text order: a cursor walks the text once.
        let mut cur = CharCursor::new(&self.text);
        let mut pair = |(a, b): (usize, usize)| (cur.at(a), cur.at(b));
        if sentences {
            self.doc.sentences().map(|s| pair((s.start(), s.end()))).collect()
        } else {
            self.doc.tokens.iter().map(|t| pair((t.start(), t.end()))).collect()
        }
    }

    /// The same as one `(n, 2)` int64 array.
    fn pairs_array<'py>(&self, py: Python<'py>, sentences: bool) -> PyResult<Bound<'py, numpy::PyArray2<i64>>> {
        let n = if sentences { self.doc.sentences.len() } else { self.doc.tokens.len() };
        let mut flat = Vec::with_capacity(2 * n);
        for (a, b) in self.pairs(sentences) {
            flat.extend_from_slice(&[a as i64, b as i64]);
        }
        pairs_array(py, flat)
    }
}

/// Flat `(start, end)` pairs as one `(n, 2)` array object (not a reshaped view).
pub(crate) fn pairs_array(py: Python<'_>, flat: Vec<i64>) -> PyResult<Bound<'_, numpy::PyArray2<i64>>> {
    use numpy::IntoPyArray;
    let n = flat.len() / 2;
    let array = numpy::ndarray::Array2::from_shape_vec((n, 2), flat)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("offsets array: {e}")))?;
    Ok(array.into_pyarray(py))
}

#[pymethods]
impl PyDoc {
    /// The document text (the very `str` object that was analysed).
    #[getter]
    fn text<'py>(&self, py: Python<'py>) -> Bound<'py, pyo3::types::PyString> {
        (&self.data.text).into_pyobject(py).unwrap_or_else(|e| match e {})
    }

    /// The reference date relative expressions were resolved against, or None.
    #[getter]
    fn reference_date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.data.doc.reference_date.map(|d| py_date(py, d)).transpose()
    }

    /// The tokens, in order: a sequence that makes each `Token` when it is
    /// read (`list(doc.tokens)` gives a list).
    #[getter]
    fn tokens(slf: &Bound<'_, Self>) -> crate::tokens::PyTokens {
        crate::tokens::PyTokens { doc: slf.clone().unbind() }
    }

    /// The sentences, in order: a sequence that makes each `Sentence` when it is read.
    #[getter]
    fn sentences(slf: &Bound<'_, Self>) -> PySpans {
        PySpans::new(slf.clone().unbind(), Kind::Sentences)
    }

    /// The gazetteer entities, in order: a sequence that makes each `Entity` when it is read.
    #[getter]
    fn entities(slf: &Bound<'_, Self>) -> PySpans {
        PySpans::new(slf.clone().unbind(), Kind::Entities)
    }

    /// The time expressions, in order: a sequence that makes each `Timex` when it is read.
    #[getter]
    fn timexes(slf: &Bound<'_, Self>) -> PySpans {
        PySpans::new(slf.clone().unbind(), Kind::Timexes)
    }

    /// The ranges of time written as one phrase (`from March 2 to March 6`),
    /// in order; their ends are also in `timexes`. A sequence that makes each
    /// `Range` when it is read.
    #[getter]
    fn ranges(slf: &Bound<'_, Self>) -> PySpans {
        PySpans::new(slf.clone().unbind(), Kind::Ranges)
    }

    /// The document type its time expressions were anchored as: `"news"`,
    /// `"narrative"` or `"colloquial"` (what `"auto"` chose, or the one given).
    #[getter]
    fn document_type(&self) -> &'static str {
        self.data.doc.document_type.as_str()
    }

    /// The language the document was analysed in (`"en"`, `"es"`, …): the
    /// one given, or the one identified from its text.
    #[getter]
    fn lang(&self) -> &'static str {
        self.data.doc.lang.code()
    }

    /// Token offsets as a list of `(start, end)` str-index pairs, without
    /// building `Token` objects (the fast path for large corpora).
    fn token_spans(&self) -> Vec<(usize, usize)> {
        self.data.pairs(false)
    }

    /// Sentence offsets as a list of `(start, end)` str-index pairs.
    fn sentence_spans(&self) -> Vec<(usize, usize)> {
        self.data.pairs(true)
    }

    /// The document as a self-contained HTML snippet (entities and time
    /// expressions highlighted, with label/id and normalised value shown);
    /// notebooks call it to display a `Doc`.
    fn _repr_html_(&self) -> String {
        dateline_core::render::html(&self.data.text, &self.data.doc, &self.data.gazetteer)
    }

    /// Token offsets as a numpy int64 array of shape `(n, 2)` (start, end
    /// str indices), built in Rust and handed over without copying.
    fn token_offsets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, numpy::PyArray2<i64>>> {
        self.data.pairs_array(py, false)
    }

    /// Sentence offsets as a numpy int64 array of shape `(n, 2)`.
    fn sentence_offsets<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, numpy::PyArray2<i64>>> {
        self.data.pairs_array(py, true)
    }

    /// Number of tokens.
    fn __len__(&self) -> usize {
        self.data.doc.tokens.len()
    }

    /// The tokens, in order (`for token in doc`).
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyIterator>> {
        PyList::new(py, self.data.tokens(py)?)?.try_iter()
    }

    /// `doc[i]`: the token at position `i` (negative counts from the end);
    /// `doc[a:b]`: a list of those tokens.
    fn __getitem__<'py>(&self, py: Python<'py>, key: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.data.token_item(py, key)
    }

    /// A `Doc` pickles as its text, its pipeline (shared by the documents
    /// pickled together) and the options it was analysed with; unpickling
    /// analyses the text again, which gives the same document with the same
    /// dateline version.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let o = &self.data.origin;
        let reference = match o.reference {
            ReferenceDate::Detect => "detect".into_pyobject(py)?.into_any(),
            ReferenceDate::None => "none".into_pyobject(py)?.into_any(),
            ReferenceDate::Fixed(d) => py_date(py, d)?,
        };
        let document_type = o.document_type.map(DocumentType::as_str);
        let lang = o.lang.map_or("auto", Lang::code);
        let args = (o.pipeline.clone_ref(py), self.text(py), reference, document_type, lang).into_pyobject(py)?;
        Ok((py.import("dateline._core")?.getattr("_rebuild_doc")?, args))
    }

    /// The whole analysis as plain dicts, lists, strings and ints (JSON-ready):
    /// `text`, `reference_date` (ISO string or None), `document_type`,
    /// `tokens`, `sentences`, `entities`, `timexes` and `ranges`, each span
    /// with `start`, `end` and `text`. With `explain=True` each time
    /// expression also has an `explanation` (`Timex.explain()`, dates as ISO
    /// strings).
    #[pyo3(signature = (*, explain = false))]
    fn to_dict<'py>(&self, py: Python<'py>, explain: bool) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", self.text(py))?;
        d.set_item("reference_date", self.data.doc.reference_date.map(|x| x.to_string()))?;
        d.set_item("document_type", self.document_type())?;
        d.set_item("lang", self.lang())?;
        let span = |start: usize, end: usize, text: &str| -> PyResult<Bound<'py, PyDict>> {
            let s = PyDict::new(py);
            s.set_item("start", start)?;
            s.set_item("end", end)?;
            s.set_item("text", text)?;
            Ok(s)
        };
        let toks = PyList::empty(py);
        for t in self.data.tokens(py)? {
            let s = span(t.start(), t.end(), t.text_str(py))?;
            s.set_item("space_after", t.space_after())?;
            if let Some(words) = dateline_core::tokenize::syntactic_words(self.data.doc.lang, t.text_str(py)) {
                s.set_item("words", words)?;
            }
            toks.append(s)?;
        }
        d.set_item("tokens", toks)?;
        let sents = PyList::empty(py);
        for t in self.data.sentences() {
            sents.append(span(t.start, t.end, &t.text)?)?;
        }
        d.set_item("sentences", sents)?;
        let ents = PyList::empty(py);
        for e in self.data.entities() {
            let s = span(e.start, e.end, &e.text)?;
            s.set_item("sentence", e.sentence)?;
            s.set_item("label", e.label_str())?;
            s.set_item("id", e.id_str())?;
            if !e.alternatives.is_empty() {
                s.set_item("candidates", e.candidate_pairs())?;
            }
            if !e.attrs().is_empty() {
                s.set_item("attributes", crate::convert::attributes_dict(py, e.attrs())?)?;
            }
            if e.rule != dateline_core::Rule::Name {
                s.set_item("rule", e.rule.as_str())?;
            }
            ents.append(s)?;
        }
        d.set_item("entities", ents)?;
        let tx = PyList::empty(py);
        for t in self.data.timexes() {
            let s = span(t.start, t.end, &t.text)?;
            s.set_item("sentence", t.sentence)?;
            s.set_item("type", t.timex_type)?;
            s.set_item("value", &t.value)?;
            if let Some(m) = t.modifier {
                s.set_item("mod", m)?;
            }
            if let Some(f) = &t.freq {
                s.set_item("freq", f)?;
            }
            if let Some(q) = t.quant {
                s.set_item("quant", q)?;
            }
            if let Some((a, b)) = t.range {
                s.set_item("interval", (a.to_string(), b.to_string()))?;
            }
            if let Some(z) = &t.zone {
                s.set_item("zone", z)?;
            }
            if explain {
                s.set_item("explanation", t.why.to_dict(py, true)?)?;
            }
            tx.append(s)?;
        }
        d.set_item("timexes", tx)?;
        let ranges = PyList::empty(py);
        for r in self.data.ranges() {
            ranges.append(r.to_dict(py)?)?;
        }
        d.set_item("ranges", ranges)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let d = &self.data.doc;
        format!(
            "Doc({:?}, reference_date={}, {} tokens, {} sentences, {} entities, {} timexes, {} ranges)",
            shorten(&self.data.text, 50),
            d.reference_date.map_or_else(|| "None".to_owned(), |x| x.to_string()),
            d.tokens.len(),
            d.sentences.len(),
            d.entities.len(),
            d.timexes.len(),
            d.ranges.len()
        )
    }
}

/// Makes a pickled `Doc` again (see `Doc.__reduce__`).
#[pyfunction]
#[pyo3(signature = (pipeline, text, reference_date, document_type, lang))]
pub(crate) fn _rebuild_doc(
    py: Python<'_>,
    pipeline: &Bound<'_, crate::pipeline::PyPipeline>,
    text: &Bound<'_, PyAny>,
    reference_date: &Bound<'_, PyAny>,
    document_type: Option<&Bound<'_, PyAny>>,
    lang: &Bound<'_, PyAny>,
) -> PyResult<PyDoc> {
    crate::pipeline::PyPipeline::process(pipeline, py, text, Some(reference_date), document_type, Some(lang))
}
