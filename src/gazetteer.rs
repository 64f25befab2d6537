//! `Gazetteer`: building from records, files and serialized form.

use std::path::PathBuf;
use std::sync::Arc;

use dateline_core::gazetteer::{Columns, FileFormat, FileKind, MAX_ATTRIBUTE_DEPTH, split_aliases, too_deep_message};
use dateline_core::{Entry, Error, Folding, Gazetteer, world};
use pyo3::exceptions::{PyDeprecationWarning, PyTypeError, PyUnicodeEncodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::batch::run_detached;
use crate::convert::type_name;

/// A compiled, immutable dictionary of names: each entry has a `name`, a
/// `label`, an `id` and optional `aliases`. Matches are exact (case and
/// accents as written; text in capitals also matches) and start and end at
/// token boundaries; the longest match wins.
#[pyclass(frozen, name = "Gazetteer", module = "dateline._core")]
pub struct PyGazetteer {
    pub(crate) inner: Arc<Gazetteer>,
    pub(crate) builtin: bool,
}

/// A `GazetteerError` naming record `i` (0-based, as in `records[i]`).
fn record_error(py: Python<'_>, i: usize, message: String) -> PyErr {
    crate::errors::to_py(py, Error::Gazetteer { source_name: format!("records[{i}]"), line: 0, message })
}

/// The text of `s`; a lone surrogate (which no file can hold) is a
/// `GazetteerError` naming the record and the field.
fn text_of(s: &Bound<'_, PyString>, i: usize, what: &str) -> PyResult<String> {
    match s.to_str() {
        Ok(t) => Ok(t.to_owned()),
        Err(_) => {
            let shown = s.repr().map_or_else(|_| "?".to_owned(), |r| r.to_string());
            Err(record_error(
                s.py(),
                i,
                format!("{what} {shown} holds a lone surrogate, which is not valid Unicode text"),
            ))
        }
    }
}

fn record_str(rec: &Bound<'_, PyDict>, key: &str, i: usize, required: bool) -> PyResult<Option<String>> {
    match rec.get_item(key)? {
        None => {
            if required {
                Err(PyValueError::new_err(format!("records[{i}] has no {key:?} key")))
            } else {
                Ok(None)
            }
        }
        Some(v) if v.is_none() && !required => Ok(None),
        Some(v) => match v.cast::<PyString>() {
            Ok(s) => text_of(s, i, key).map(Some),
            Err(_) => Err(PyTypeError::new_err(format!("records[{i}][{key:?}] must be str, not {}", type_name(&v)))),
        },
    }
}

/// The aliases of record `i`: a list of str, or one `|`-separated str (as
/// in TSV and CSV files and DataFrame columns).
fn record_aliases(rec: &Bound<'_, PyDict>, i: usize) -> PyResult<Vec<String>> {
    let Some(a) = rec.get_item("aliases")?.filter(|a| !a.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(s) = a.cast::<PyString>() {
        return Ok(split_aliases(&text_of(s, i, "aliases")?));
    }
    let mut aliases = Vec::new();
    let items = a.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "records[{i}][\"aliases\"] must be a list of str or a '|'-separated str, not {}",
            type_name(&a)
        ))
    })?;
    for (k, alias) in items.enumerate() {
        let alias = alias?;
        let s = alias.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("records[{i}][\"aliases\"][{k}] must be str, not {}", type_name(&alias)))
        })?;
        aliases.push(text_of(s, i, &format!("aliases[{k}]"))?);
    }
    Ok(aliases)
}

/// How deep lists, tuples and dicts nest in `obj` (0 for a scalar), counted
/// no further than `limit + 1`: no recursion, so any depth (or a list that
/// holds itself) is safe.
fn nesting_depth(obj: &Bound<'_, PyAny>, limit: usize) -> PyResult<usize> {
    let mut deepest = 0;
    let mut stack = vec![(obj.clone(), 0usize)];
    while let Some((o, depth)) = stack.pop() {
        let children: Vec<Bound<'_, PyAny>> = if let Ok(d) = o.cast::<PyDict>() {
            d.values().iter().collect()
        } else if o.is_instance_of::<PyList>() || o.is_instance_of::<PyTuple>() {
            o.try_iter()?.collect::<PyResult<_>>()?
        } else {
            continue;
        };
        let depth = depth + 1;
        deepest = deepest.max(depth);
        if depth > limit {
            break;
        }
        stack.extend(children.into_iter().map(|c| (c, depth)));
    }
    Ok(deepest)
}

/// The attributes of record `i` (named `name` in errors), checked for depth
/// before they are converted.
fn record_attributes(
    rec: &Bound<'_, PyDict>,
    i: usize,
    name: &str,
) -> PyResult<std::collections::BTreeMap<String, serde_json::Value>> {
    let mut attributes = std::collections::BTreeMap::new();
    let Some(a) = rec.get_item("attributes")?.filter(|a| !a.is_none()) else {
        return Ok(attributes);
    };
    let d = a.cast::<PyDict>().map_err(|_| {
        PyTypeError::new_err(format!("records[{i}][\"attributes\"] must be a dict, not {}", type_name(&a)))
    })?;
    for (k, v) in d.iter() {
        let key = k.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("records[{i}][\"attributes\"] keys must be str, not {}", type_name(&k)))
        })?;
        let key = text_of(key, i, "attribute key")?;
        if nesting_depth(&v, MAX_ATTRIBUTE_DEPTH)? > MAX_ATTRIBUTE_DEPTH {
            return Err(record_error(v.py(), i, too_deep_message(name, &key)));
        }
        let what = format!("records[{i}][\"attributes\"][{key:?}]");
        let value = crate::convert::py_to_json(&v, &what).map_err(|e| {
            if e.is_instance_of::<PyUnicodeEncodeError>(v.py()) {
                record_error(
                    v.py(),
                    i,
                    format!("attribute {key:?} holds a lone surrogate, which is not valid Unicode text"),
                )
            } else {
                e
            }
        })?;
        if !value.is_null() {
            attributes.insert(key, value);
        }
    }
    Ok(attributes)
}

/// Writes `data` to `path` without ever leaving it half-written (shared
/// with `Pipeline.save`); see [`dateline_core::gazetteer::write_atomically`].
pub(crate) fn write_atomically(path: &std::path::Path, data: &[u8]) -> Result<(), Error> {
    dateline_core::gazetteer::write_atomically(path, data)
}

/// `err` with `path` named in it.
fn in_file(path: &std::path::Path, err: Error) -> Error {
    let shown = path.display();
    match err {
        Error::Serialization(m) => Error::Serialization(format!("{shown}: {m}")),
        Error::Gazetteer { line, message, .. } => Error::Gazetteer { source_name: shown.to_string(), line, message },
        other => other,
    }
}

/// What a file whose first bytes are `head` looks like: its kind (`compiled`,
/// `gazetteer-json`, `pipeline`, `jsonl`, `table`, `empty`, `binary`,
/// `text`) and a hint naming its loader (for `Pipeline.load`'s errors).
#[pyfunction]
pub(crate) fn _file_kind(head: &[u8]) -> (&'static str, &'static str) {
    let kind = FileKind::sniff(head);
    (kind.name(), kind.hint())
}

/// The column keywords `from_dataframe` took before they were named as in
/// `from_file`, and their names now.
const OLD_COLUMN_KEYWORDS: [(&str, &str); 5] = [
    ("name", "name_column"),
    ("label", "label_column"),
    ("id", "id_column"),
    ("aliases", "aliases_column"),
    ("attributes", "attribute_columns"),
];

/// The old keywords in `kwargs` and their values, each with a
/// `DeprecationWarning` naming the new keyword; any other keyword is a
/// `TypeError`.
fn renamed_keywords<'py>(
    py: Python<'py>,
    method: &str,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Vec<(&'static str, Bound<'py, PyAny>)>> {
    let mut out = Vec::new();
    for (k, v) in kwargs.map(|d| d.iter().collect::<Vec<_>>()).unwrap_or_default() {
        let key: String = k.extract()?;
        let Some(&(old, new)) = OLD_COLUMN_KEYWORDS.iter().find(|(old, _)| *old == key) else {
            return Err(PyTypeError::new_err(format!("{method}() got an unexpected keyword argument '{key}'")));
        };
        let message = format!("{method}({old}=...) is deprecated: use {new}=... (the name from_file uses)");
        let category = py.get_type::<PyDeprecationWarning>();
        PyErr::warn(py, &category, &std::ffi::CString::new(message)?, 1)?;
        out.push((old, v));
    }
    Ok(out)
}

fn parse_format(format: Option<&str>) -> PyResult<Option<FileFormat>> {
    match format {
        None => Ok(None),
        Some("tsv") => Ok(Some(FileFormat::Tsv)),
        Some("csv") => Ok(Some(FileFormat::Csv)),
        Some("jsonl") => Ok(Some(FileFormat::Jsonl)),
        Some(other) => {
            Err(PyValueError::new_err(format!("format must be one of 'tsv', 'csv', 'jsonl' or None, not '{other}'")))
        }
    }
}

#[pymethods]
impl PyGazetteer {
    /// Builds a gazetteer from an iterable of dicts with keys `name`,
    /// `label`, and optionally `id` (defaults to the name), `aliases` (a
    /// list of str, or one `|`-separated str; each alias is trimmed and empty
    /// ones are left out, as in every builder), `attributes` (a dict of
    /// JSON-like values nested at most 64 lists/dicts deep) and `case`.
    ///
    /// With `common_word_guard` (the default) names that are ordinary words
    /// or numbers (`The`, `at`, `one`, `3`) are not matched.
    #[staticmethod]
    ///
    /// `case_sensitive=False` matches names in any case; `fold_accents=True`
    /// matches regardless of accents and typographic quotes and dashes
    /// (`Nicolas` finds `Nicolás`). Offsets always refer to the original text.
    #[pyo3(signature = (records, *, common_word_guard = true, case_sensitive = true, fold_accents = false))]
    fn from_records(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        common_word_guard: bool,
        case_sensitive: bool,
        fold_accents: bool,
    ) -> PyResult<Self> {
        let mut entries = Vec::new();
        for (i, rec) in records.try_iter()?.enumerate() {
            let rec = rec?;
            let rec = rec
                .cast::<PyDict>()
                .map_err(|_| PyTypeError::new_err(format!("records[{i}] must be a dict, not {}", type_name(&rec))))?;
            let name = record_str(rec, "name", i, true)?.unwrap_or_default();
            let label = record_str(rec, "label", i, true)?.unwrap_or_default();
            let id = record_str(rec, "id", i, false)?.unwrap_or_else(|| name.clone());
            let aliases = record_aliases(rec, i)?;
            let attributes = record_attributes(rec, i, &name)?;
            let case = match record_str(rec, "case", i, false)? {
                None => dateline_core::CaseRule::Default,
                Some(c) => dateline_core::CaseRule::parse(&c)
                    .map_err(|m| PyValueError::new_err(format!("records[{i}][\"case\"]: {m}")))?,
            };
            entries.push(Entry { name, label, id, aliases, attributes, case });
        }
        let folding = Folding { case_insensitive: !case_sensitive, accents: fold_accents };
        let g = run_detached(py, || Gazetteer::from_entries_folded(entries, "records", common_word_guard, folding))?;
        Ok(Self { inner: Arc::new(g), builtin: false })
    }

    /// Builds a gazetteer from a pandas or polars DataFrame: one entry per
    /// row. The column keywords are those of `from_file`: `name_column`,
    /// `label_column`, `id_column` (optional; None: ids are the names),
    /// `aliases_column` (a list or a `|`-separated str per row; optional),
    /// `case_column` and `attribute_columns` (the columns kept as entry
    /// attributes; None: every other column). The old keywords `name`,
    /// `label`, `id`, `aliases` and `attributes` still work but are
    /// deprecated.
    #[staticmethod]
    #[pyo3(signature = (frame, *, name_column = "name", label_column = "label", id_column = "id", aliases_column = "aliases", case_column = "case", attribute_columns = None, common_word_guard = true, case_sensitive = true, fold_accents = false, **deprecated))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn from_dataframe<'py>(
        py: Python<'py>,
        frame: &Bound<'py, PyAny>,
        name_column: &str,
        label_column: &str,
        id_column: Option<&str>,
        aliases_column: Option<&str>,
        case_column: &str,
        attribute_columns: Option<Vec<String>>,
        common_word_guard: bool,
        case_sensitive: bool,
        fold_accents: bool,
        deprecated: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        let columns = PyDict::new(py);
        columns.set_item("name", name_column)?;
        columns.set_item("label", label_column)?;
        columns.set_item("id", id_column)?;
        columns.set_item("aliases", aliases_column)?;
        columns.set_item("case", case_column)?;
        columns.set_item("attributes", attribute_columns)?;
        // (The old keywords are the keys of `records`.)
        for (old, value) in renamed_keywords(py, "from_dataframe", deprecated)? {
            columns.set_item(old, value)?;
        }
        let records = py.import("dateline._gazframe")?.getattr("records")?.call((frame,), Some(&columns))?;
        Self::from_records(py, &records, common_word_guard, case_sensitive, fold_accents)
    }

    /// Reads a gazetteer file: TSV or CSV with a header row, or JSONL (one
    /// object per line). The format comes from the extension (`.tsv`, `.csv`,
    /// `.jsonl`) unless `format` is given. Columns are named by
    /// `name_column`, `label_column`, `id_column`, `aliases_column`,
    /// `case_column` and `attribute_columns` (as in `from_dataframe`);
    /// `aliases` are `|`-separated in tabular files. `path` may be a list of
    /// files, compiled together in order (cheaper than `+`: the files are
    /// read one entry at a time, with no intermediate gazetteers). A quoted
    /// CSV field that is never closed is an error naming its line.
    #[staticmethod]
    #[pyo3(signature = (path, *, format = None, name_column = "name", label_column = "label", id_column = "id", aliases_column = "aliases", case_column = "case", attribute_columns = None, common_word_guard = true, case_sensitive = true, fold_accents = false))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn from_file(
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        format: Option<&str>,
        name_column: &str,
        label_column: &str,
        id_column: &str,
        aliases_column: &str,
        case_column: &str,
        attribute_columns: Option<Vec<String>>,
        common_word_guard: bool,
        case_sensitive: bool,
        fold_accents: bool,
    ) -> PyResult<Self> {
        let folding = Folding { case_insensitive: !case_sensitive, accents: fold_accents };
        let format = parse_format(format)?;
        let columns = Columns {
            name: name_column.to_owned(),
            label: label_column.to_owned(),
            id: id_column.to_owned(),
            aliases: aliases_column.to_owned(),
            case: case_column.to_owned(),
            attributes: attribute_columns,
        };
        // One path, or a list of paths compiled together (read one entry at a time).
        let paths: Vec<PathBuf> = match path.extract::<PathBuf>() {
            Ok(p) => vec![p],
            Err(_) if !path.is_instance_of::<PyString>() => path.extract::<Vec<PathBuf>>().map_err(|_| {
                PyTypeError::new_err(format!("path must be a str, a path or a list of them, not {}", type_name(path)))
            })?,
            Err(e) => return Err(e),
        };
        if paths.is_empty() {
            return Err(PyValueError::new_err("path is an empty list: give at least one file"));
        }
        let g = run_detached(py, || {
            let refs: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
            Gazetteer::read_files(&refs, format, &columns, common_word_guard, folding)
        })?;
        Ok(Self { inner: Arc::new(g), builtin: false })
    }

    /// The built-in world gazetteer (countries, capitals, continents, world
    /// regions, US states, demonyms).
    #[staticmethod]
    fn world() -> Self {
        Self { inner: world(), builtin: true }
    }

    /// Serializes the entries as JSON (with a `format_version`).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let g = Arc::clone(&self.inner);
        run_detached(py, move || g.to_json())
    }

    /// Rebuilds a gazetteer from `to_json()` output.
    #[staticmethod]
    fn from_json(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let s: String = if let Ok(b) = data.cast::<PyBytes>() {
            String::from_utf8(b.as_bytes().to_vec())
                .map_err(|e| PyValueError::new_err(format!("data is not UTF-8: {e}")))?
        } else {
            data.extract()?
        };
        let g = run_detached(py, move || Gazetteer::from_json(&s))?;
        Ok(Self { inner: Arc::new(g), builtin: false })
    }

    /// The compiled gazetteer as bytes (versioned binary: entries and tries,
    /// so that loading needs no recompilation).
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let g = Arc::clone(&self.inner);
        let bytes = run_detached(py, move || g.to_bytes())?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Loads `to_bytes()` output.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        let data = data.to_vec();
        let g = run_detached(py, move || Gazetteer::from_bytes(&data))?;
        Ok(Self { inner: Arc::new(g), builtin: false })
    }

    /// Writes the compiled gazetteer to `path` (versioned binary; the file is
    /// replaced only once fully written).
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let g = Arc::clone(&self.inner);
        run_detached(py, move || {
            let bytes = g.to_bytes()?;
            write_atomically(&path, &bytes)
        })
    }

    /// Reads a gazetteer written by `save` (or the JSON of `to_json`). Any
    /// other file is a `SerializationError` naming it, what it looks like
    /// and the loader that reads it.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let g = run_detached(py, move || {
            let bytes =
                std::fs::read(&path).map_err(|source| Error::Io { path: path.display().to_string(), source })?;
            match FileKind::sniff(&bytes) {
                FileKind::Compiled => Gazetteer::from_bytes(&bytes),
                FileKind::GazetteerJson => match std::str::from_utf8(&bytes) {
                    Ok(json) => Gazetteer::from_json(json),
                    Err(e) => Err(Error::Serialization(format!("not valid UTF-8 (byte {})", e.valid_up_to()))),
                },
                other => Err(Error::Serialization(format!("not a saved gazetteer: it {}", other.hint()))),
            }
            .map_err(|e| in_file(&path, e))
        })?;
        Ok(Self { inner: Arc::new(g), builtin: false })
    }

    /// The entries as a list of dicts (`name`, `label`, `id`, `aliases`).
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for e in self.inner.iter_entries() {
            let d = PyDict::new(py);
            d.set_item("name", e.name)?;
            d.set_item("label", e.label)?;
            d.set_item("id", e.id)?;
            d.set_item("aliases", e.aliases)?;
            if e.case != dateline_core::CaseRule::Default {
                d.set_item("case", format!("{:?}", e.case).to_lowercase())?;
            }
            if !e.attributes.is_empty() {
                d.set_item("attributes", crate::convert::attributes_dict(py, e.attributes)?)?;
            }
            out.append(d)?;
        }
        Ok(out)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// `a + b`: a new gazetteer with `a`'s entries, then `b`'s. Where both
    /// list a name, `a`'s entry is reported and `b`'s are further
    /// `candidates` (`mine + world()` lets your ids win).
    fn __add__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Self> {
        let other = other.cast::<PyGazetteer>().map_err(|_| {
            PyTypeError::new_err(format!("can only add a Gazetteer to a Gazetteer, not {}", type_name(other)))
        })?;
        let (a, b) = (Arc::clone(&self.inner), Arc::clone(&other.get().inner));
        let g = run_detached(py, move || a.merge(&b))?;
        Ok(Self { inner: Arc::new(g), builtin: false })
    }

    /// Whether matching is case-sensitive.
    #[getter]
    fn case_sensitive(&self) -> bool {
        !self.inner.folding().case_insensitive
    }

    /// Whether accents and typography are folded for matching.
    #[getter]
    fn fold_accents(&self) -> bool {
        self.inner.folding().accents
    }

    /// Whether names that are ordinary words or numbers are skipped.
    #[getter]
    fn common_word_guard(&self) -> bool {
        self.inner.common_word_guard()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let me = slf.get();
        if me.builtin {
            return Ok((slf.get_type().getattr("world")?, PyTuple::empty(py)));
        }
        let bytes = me.to_bytes(py)?;
        Ok((slf.get_type().getattr("from_bytes")?, PyTuple::new(py, [bytes])?))
    }

    fn __repr__(&self) -> String {
        if self.builtin {
            format!("Gazetteer.world({} entries)", self.inner.len())
        } else {
            format!("Gazetteer({} entries)", self.inner.len())
        }
    }
}
