//! `Pipeline`: one document at a time or batches in parallel, GIL released.

use std::collections::BTreeMap;
use std::sync::Arc;

use dateline_core::export::{Parts, doc_json};
use dateline_core::{DocumentType, Lang, NameRules, Pipeline, PipelineOptions, ReferenceDate, parallel};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyTuple};

use crate::batch::{BatchJob, Job, Pending, PyPendingBatch, run_detached};
use crate::columns::PyAnnotations;
use crate::convert::{
    Threads, date_order_name, extract_text, parse_date_order, parse_document_type, parse_document_type_item,
    parse_lang, parse_lang_item, parse_reference, parse_reference_item, parse_threads, py_date,
};
use crate::gazetteer::PyGazetteer;
use crate::results::{Analysed, DocData, Origin, PyDoc, pairs_array};

/// The compiled pipeline (tokenizer, gazetteer, temporal tagger). Use the
/// `dateline.Pipeline` façade, which adds keyword defaults and `pipe()`.
#[pyclass(frozen, name = "Pipeline", module = "dateline._core")]
pub struct PyPipeline {
    inner: Arc<Pipeline>,
    builtin: bool,
}

impl PyPipeline {
    fn make_doc(&self, text: PyBackedStr, doc: Analysed, origin: Origin) -> PyDoc {
        PyDoc { data: DocData::new(text, doc, Arc::clone(self.inner.gazetteer()), origin) }
    }
}

/// The per-document options of a batch, to give each of its documents its
/// [`Origin`].
pub(crate) struct Origins {
    pub(crate) pipeline: Py<PyPipeline>,
    /// One per text, or empty for the pipeline's default (as in [`Batch`]).
    references: Vec<ReferenceDate>,
    document_types: Vec<DocumentType>,
    langs: Vec<Option<Lang>>,
}

impl Origins {
    pub(crate) fn get(&self, py: Python<'_>, i: usize) -> Origin {
        let opts = self.pipeline.get().inner.options();
        Origin {
            pipeline: self.pipeline.clone_ref(py),
            reference: self.references.get(i).copied().unwrap_or(opts.reference_date),
            document_type: self.document_types.get(i).copied(),
            lang: if self.langs.is_empty() { opts.lang } else { self.langs[i] },
        }
    }
}

/// A batch's arguments, checked and converted.
struct Batch {
    texts: Vec<PyBackedStr>,
    /// One per text, or empty for the pipeline's default.
    references: Vec<ReferenceDate>,
    /// One per text, or empty for the pipeline's default.
    document_types: Vec<DocumentType>,
    /// One per text (None: identified), or empty for the pipeline's default.
    langs: Vec<Option<Lang>>,
    threads: Option<usize>,
}

impl Batch {
    fn strs(&self) -> Vec<&str> {
        self.texts.iter().map(|s| s.as_str()).collect()
    }

    /// The per-document options, moved out of the batch.
    fn origins(&mut self, pipeline: &Bound<'_, PyPipeline>) -> Origins {
        Origins {
            pipeline: pipeline.clone().unbind(),
            references: std::mem::take(&mut self.references),
            document_types: std::mem::take(&mut self.document_types),
            langs: std::mem::take(&mut self.langs),
        }
    }
}

impl PyPipeline {
    /// Checks and converts a batch's arguments. `index_offset` shifts the
    /// indices named in error messages.
    #[allow(clippy::too_many_arguments)] // one argument per Python list
    fn prepare<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        reference_dates: Option<&Bound<'py, PyList>>,
        document_types: Option<&Bound<'py, PyList>>,
        langs: Option<&Bound<'py, PyList>>,
        n_threads: Option<Threads>,
        index_offset: usize,
    ) -> PyResult<Batch> {
        let mut owned: Vec<PyBackedStr> = Vec::with_capacity(texts.len());
        for (i, t) in texts.iter().enumerate() {
            owned.push(extract_text(&t, &|| format!("texts[{}]", i + index_offset))?);
        }
        let same_length = |name: &str, items: &Bound<'py, PyList>| {
            if items.len() == texts.len() {
                Ok(())
            } else {
                Err(crate::errors::config_error(
                    py,
                    format!("{name} has {} items for {} texts", items.len(), texts.len()),
                ))
            }
        };
        let mut refs: Vec<ReferenceDate> = Vec::new();
        if let Some(r) = reference_dates {
            same_length("reference_dates", r)?;
            let default = &self.inner.options().reference_date;
            for (i, v) in r.iter().enumerate() {
                refs.push(parse_reference_item(&v, default, &format!("reference_dates[{}]", i + index_offset))?);
            }
        }
        let mut types: Vec<DocumentType> = Vec::new();
        if let Some(d) = document_types {
            same_length("document_types", d)?;
            let default = self.inner.options().document_type;
            for (i, v) in d.iter().enumerate() {
                let what = || format!("document_types[{}]", i + index_offset);
                types.push(parse_document_type_item(&v, &what)?.unwrap_or(default));
            }
        }
        let mut codes: Vec<Option<Lang>> = Vec::new();
        if let Some(l) = langs {
            same_length("langs", l)?;
            let default = self.inner.options().lang;
            for (i, v) in l.iter().enumerate() {
                codes.push(parse_lang_item(&v, default, &|| format!("langs[{}]", i + index_offset))?);
            }
        }
        let threads = match n_threads {
            None => self.inner.options().n_threads,
            n => parse_threads(py, n)?,
        };
        Ok(Batch { texts: owned, references: refs, document_types: types, langs: codes, threads })
    }
}

#[pymethods]
impl PyPipeline {
    #[new]
    #[pyo3(signature = (*, gazetteer, reference_date, n_threads, split_on_newlines, date_order, abbreviations = Vec::new(), special_cases = BTreeMap::new(), disable = Vec::new(), overlaps = "longest", name_rules = None, document_type = "auto", lang = "auto"))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn new(
        py: Python<'_>,
        gazetteer: Option<&Bound<'_, PyGazetteer>>,
        reference_date: Option<&Bound<'_, PyAny>>,
        n_threads: Option<Threads>,
        split_on_newlines: bool,
        date_order: Option<&str>,
        abbreviations: Vec<String>,
        special_cases: BTreeMap<String, Vec<String>>,
        disable: Vec<String>,
        overlaps: &str,
        name_rules: Option<Vec<String>>,
        document_type: &str,
        lang: &str,
    ) -> PyResult<Self> {
        let name_rules = match name_rules {
            None => NameRules::default(),
            Some(rules) => NameRules::from_names(&rules).map_err(crate::errors::config)?,
        };
        let all_matches = match overlaps {
            "longest" => false,
            "all" => true,
            other => {
                return Err(crate::errors::config(format!("overlaps must be one of 'longest', 'all', not '{other}'")));
            }
        };
        for d in &disable {
            if !matches!(d.as_str(), "entities" | "timexes") {
                return Err(crate::errors::config(format!("disable may hold 'entities' and 'timexes', not '{d}'")));
            }
        }
        let options = PipelineOptions {
            split_on_newlines,
            date_order: parse_date_order(date_order)?,
            lang: parse_lang(lang)?,
            document_type: parse_document_type(document_type)?,
            reference_date: parse_reference(reference_date, "reference_date")?,
            n_threads: parse_threads(py, n_threads)?,
            abbreviations,
            special_cases,
            entities: !disable.iter().any(|d| d == "entities"),
            timexes: !disable.iter().any(|d| d == "timexes"),
            all_matches,
            name_rules,
        };
        let (gaz, builtin) = match gazetteer {
            Some(g) if !g.get().builtin => (Some(Arc::clone(&g.get().inner)), false),
            _ => (None, true),
        };
        let inner = Pipeline::try_with_gazetteer(options, gaz).map_err(|e| crate::errors::to_py(py, e))?;
        Ok(Self { inner: Arc::new(inner), builtin })
    }

    /// Analyses one text; `reference_date` as in the constructor,
    /// `document_type` a name or None for the pipeline's, `lang` a code,
    /// `"auto"` or None for the pipeline's.
    #[pyo3(signature = (text, reference_date, document_type = None, lang = None))]
    pub(crate) fn process(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        reference_date: Option<&Bound<'_, PyAny>>,
        document_type: Option<&Bound<'_, PyAny>>,
        lang: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyDoc> {
        let this = slf.get();
        let text = extract_text(text, &|| "text".to_owned())?;
        let reference = match reference_date {
            Some(r) => parse_reference_item(r, &this.inner.options().reference_date, "reference_date")?,
            None => this.inner.options().reference_date,
        };
        let doctype = match document_type {
            Some(d) => parse_document_type_item(d, &|| "document_type".to_owned())?,
            None => None,
        };
        let default = this.inner.options().lang;
        let lang = match lang {
            Some(l) => parse_lang_item(l, default, &|| "lang".to_owned())?,
            None => default,
        };
        let inner = Arc::clone(&this.inner);
        let t = text.clone_ref(py);
        let doc = run_detached(py, move || Ok(Analysed::new(&t, inner.process_as(&t, reference, doctype, lang))))?;
        let origin = Origin { pipeline: slf.clone().unbind(), reference, document_type: doctype, lang };
        Ok(this.make_doc(text, doc, origin))
    }

    /// Analyses a list of texts in parallel (input order kept). With
    /// `reference_dates` or `document_types` None, the pipeline's default
    /// applies to every text (so does a None entry of `document_types`).
    /// `index_offset` shifts the indices named in error messages.
    #[pyo3(signature = (texts, reference_dates, n_threads, index_offset = 0, document_types = None, langs = None))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn process_batch<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        reference_dates: Option<&Bound<'py, PyList>>,
        n_threads: Option<Threads>,
        index_offset: usize,
        document_types: Option<&Bound<'py, PyList>>,
        langs: Option<&Bound<'py, PyList>>,
    ) -> PyResult<Vec<PyDoc>> {
        // The same as reading ahead, waited for at once.
        Self::start_batch(slf, py, texts, reference_dates, n_threads, index_offset, document_types, langs)?.wait(py)
    }

    /// Analyses a list of texts in parallel and keeps the results in Rust,
    /// to be read as columns (`Annotations.table`).
    #[pyo3(signature = (texts, reference_dates, n_threads, document_types = None, langs = None))]
    fn annotate<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        reference_dates: Option<&Bound<'py, PyList>>,
        n_threads: Option<Threads>,
        document_types: Option<&Bound<'py, PyList>>,
        langs: Option<&Bound<'py, PyList>>,
    ) -> PyResult<PyAnnotations> {
        let this = slf.get();
        let mut b = this.prepare(py, texts, reference_dates, document_types, langs, n_threads, 0)?;
        let inner = Arc::clone(&this.inner);
        let strs = b.strs();
        let docs = run_detached(py, || {
            // Kept in bulk: the tokens (most of a document's memory) are made
            // again when the tokens table or a Doc asks for them.
            inner.map_batch(&strs, &b.references, &b.document_types, &b.langs, b.threads, |_, mut doc| {
                doc.drop_tokens();
                doc
            })
        })?;
        drop(strs);
        let origins = b.origins(slf);
        let threads = b.threads;
        Ok(PyAnnotations {
            texts: b.texts,
            docs,
            pipeline: Arc::clone(&this.inner),
            gazetteer: Arc::clone(this.inner.gazetteer()),
            threads,
            origins,
        })
    }

    /// Tokens and sentences of a batch as flat arrays, with no object per
    /// document: token `(start, end)` rows (str indices within each text),
    /// the row where each text's tokens start (one more entry than texts),
    /// `space_after` per token, then the same two arrays for sentences.
    /// Tokenizing and the index conversion run in parallel, GIL released.
    #[pyo3(signature = (texts, n_threads))]
    #[allow(clippy::type_complexity)] // a tuple of arrays for Python
    fn offsets<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        n_threads: Option<Threads>,
    ) -> PyResult<(
        Bound<'py, numpy::PyArray2<i64>>,
        Bound<'py, numpy::PyArray1<i64>>,
        Bound<'py, numpy::PyArray1<bool>>,
        Bound<'py, numpy::PyArray2<i64>>,
        Bound<'py, numpy::PyArray1<i64>>,
    )> {
        use numpy::IntoPyArray;
        let b = self.prepare(py, texts, None, None, None, n_threads, 0)?;
        let (strs, threads) = (b.strs(), b.threads);
        let inner = Arc::clone(&self.inner);
        let flat =
            run_detached(py, || dateline_core::columns::offsets::flat_offsets(inner.tokenizer(), &strs, threads))?;
        Ok((
            pairs_array(py, flat.tokens)?,
            flat.token_bounds.into_pyarray(py),
            flat.space_after.into_pyarray(py),
            pairs_array(py, flat.sentences)?,
            flat.sentence_bounds.into_pyarray(py),
        ))
    }

    /// Starts analysing a batch (arguments as in `process_batch`) and
    /// returns at once: the analysis runs on a thread of its own, on
    /// `n_threads` threads, while Python goes on; `PendingBatch.wait()`
    /// gives the documents. With one thread, or in a forked child, the
    /// batch is analysed here (GIL released) before returning.
    #[pyo3(signature = (texts, reference_dates, n_threads, index_offset = 0, document_types = None, langs = None))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn start_batch<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        reference_dates: Option<&Bound<'py, PyList>>,
        n_threads: Option<Threads>,
        index_offset: usize,
        document_types: Option<&Bound<'py, PyList>>,
        langs: Option<&Bound<'py, PyList>>,
    ) -> PyResult<PyPendingBatch> {
        let this = slf.get();
        let mut b = this.prepare(py, texts, reference_dates, document_types, langs, n_threads, index_offset)?;
        let origins_of = Origins {
            pipeline: slf.clone().unbind(),
            references: b.references.clone(),
            document_types: b.document_types.clone(),
            langs: b.langs.clone(),
        };
        let job = Arc::new(BatchJob {
            pipeline: Arc::clone(&this.inner),
            texts: std::mem::take(&mut b.texts),
            references: std::mem::take(&mut b.references),
            document_types: std::mem::take(&mut b.document_types),
            langs: std::mem::take(&mut b.langs),
            threads: b.threads,
        });
        let state = Job::start(py, &job)?;
        Ok(PyPendingBatch::new(Pending { job, origins: origins_of, state }))
    }

    /// Analyses a batch and returns it as JSON lines in UTF-8 bytes (one record per text,
    /// each ending in a newline): `doc` (from `names`), `text`,
    /// `reference_date`, `document_type`, `lang` and the `parts` asked for (`tokens`,
    /// `sentences`, `entities`, `timexes`, `ranges`; `explain` adds an
    /// explanation to each time expression). Analysis and serialisation run in
    /// parallel with the GIL released.
    #[pyo3(signature = (texts, reference_dates, names, n_threads, parts, index_offset = 0, document_types = None, langs = None))]
    #[allow(clippy::too_many_arguments)] // Python arguments
    fn annotate_jsonl<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyList>,
        reference_dates: Option<&Bound<'py, PyList>>,
        names: Vec<String>,
        n_threads: Option<Threads>,
        parts: Vec<String>,
        index_offset: usize,
        document_types: Option<&Bound<'py, PyList>>,
        langs: Option<&Bound<'py, PyList>>,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        if names.len() != texts.len() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "names has {} items for {} texts",
                names.len(),
                texts.len()
            )));
        }
        let mut p = Parts::NONE;
        for part in &parts {
            if !p.set(part) {
                let names: Vec<String> = Parts::NAMES.iter().map(|n| format!("'{n}'")).collect();
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "unknown part '{part}'; expected some of {}",
                    names.join(", ")
                )));
            }
        }
        let b = self.prepare(py, texts, reference_dates, document_types, langs, n_threads, index_offset)?;
        let inner = Arc::clone(&self.inner);
        let out = run_detached(py, move || {
            let strs = b.strs();
            // Each line ends with its newline where it is made, on the worker threads.
            let lines = inner.map_batch(&strs, &b.references, &b.document_types, &b.langs, b.threads, |i, doc| {
                let mut line = doc_json(&names[i], strs[i], &doc, inner.gazetteer(), p);
                line.push('\n');
                line
            })?;
            Ok(lines.concat())
        })?;
        // UTF-8 bytes, ready to write: no str made and encoded again.
        Ok(pyo3::types::PyBytes::new(py, out.as_bytes()))
    }

    /// The gazetteer in use.
    #[getter]
    fn gazetteer(&self) -> PyGazetteer {
        PyGazetteer { inner: Arc::clone(self.inner.gazetteer()), builtin: self.builtin }
    }

    /// The default reference date: a `datetime.date`, `"detect"` or None.
    #[getter]
    fn reference_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.options().reference_date {
            ReferenceDate::Detect => Ok(pyo3::types::PyString::new(py, "detect").into_any()),
            ReferenceDate::Fixed(d) => py_date(py, d),
            ReferenceDate::None => Ok(py.None().into_bound(py)),
        }
    }

    /// The default thread count (None: all cores).
    #[getter]
    fn n_threads(&self) -> Option<usize> {
        self.inner.options().n_threads
    }

    /// Whether every line break ends a sentence.
    #[getter]
    fn split_on_newlines(&self) -> bool {
        self.inner.options().split_on_newlines
    }

    /// The default document type: `"auto"`, `"news"`, `"narrative"` or `"colloquial"`.
    #[getter]
    fn document_type(&self) -> &'static str {
        self.inner.options().document_type.as_str()
    }

    /// The default language: a code, or `"auto"` (identified per document).
    #[getter]
    fn lang(&self) -> &'static str {
        self.inner.options().lang.map_or("auto", Lang::code)
    }

    /// How ambiguous numeric dates are read: `"mdy"`, `"dmy"`, or None for
    /// each language's order.
    #[getter]
    fn date_order(&self) -> Option<&'static str> {
        date_order_name(self.inner.options().date_order)
    }

    /// How entity matches may overlap: `"longest"` or `"all"`.
    #[getter]
    fn overlaps(&self) -> &'static str {
        if self.inner.options().all_matches { "all" } else { "longest" }
    }

    /// The name rules that run after matching (`persons`, `longer_names`, `repeats`).
    #[getter]
    fn name_rules(&self) -> Vec<&'static str> {
        self.inner.options().name_rules.names()
    }

    /// The components switched off (`entities`, `timexes`).
    #[getter]
    fn disabled(&self) -> Vec<&'static str> {
        let o = self.inner.options();
        let mut v = Vec::new();
        if !o.entities {
            v.push("entities");
        }
        if !o.timexes {
            v.push("timexes");
        }
        v
    }

    /// The tokenizer's extra abbreviations (lower case).
    #[getter]
    fn abbreviations(&self) -> Vec<String> {
        self.inner.tokenizer().abbreviations()
    }

    /// The tokenizer's special cases.
    #[getter]
    fn special_cases(&self) -> BTreeMap<String, Vec<String>> {
        self.inner.tokenizer().special_cases().clone()
    }

    /// Serializes the pipeline, gazetteer included, as JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let inner = Arc::clone(&self.inner);
        run_detached(py, move || inner.to_json())
    }

    /// Writes the pipeline (options and gazetteer) to `path`, versioned JSON.
    fn save(&self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<()> {
        let inner = Arc::clone(&self.inner);
        run_detached(py, move || {
            let json = inner.to_json()?;
            crate::gazetteer::write_atomically(&path, json.as_bytes())
        })
    }

    /// Rebuilds a pipeline from `to_json()` output.
    #[staticmethod]
    fn from_json(py: Python<'_>, data: String) -> PyResult<Self> {
        let p = run_detached(py, move || Pipeline::from_json(&data))?;
        let builtin = Arc::ptr_eq(p.gazetteer(), &dateline_core::world());
        Ok(Self { inner: Arc::new(p), builtin })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let json = slf.get().to_json(py)?;
        Ok((slf.get_type().getattr("from_json")?, PyTuple::new(py, [json])?))
    }

    /// Whether batches run on several threads in this process.
    #[staticmethod]
    fn parallel() -> bool {
        parallel::parallelism()
    }
}
