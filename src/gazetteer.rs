//! `Gazetteer`: building from records, files and serialized form.

use std::path::PathBuf;
use std::sync::Arc;

use dateline_core::gazetteer::{Columns, FileFormat};
use dateline_core::{Entry, Folding, Gazetteer, world};
use pyo3::exceptions::{PyTypeError, PyValueError};
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
            Ok(s) => Ok(Some(s.to_str()?.to_owned())),
            Err(_) => Err(PyTypeError::new_err(format!("records[{i}][{key:?}] must be str, not {}", type_name(&v)))),
        },
    }
}

/// Writes `data` to a temporary file beside `path`, then renames it over `path`.
pub(crate) fn write_atomically(path: &std::path::Path, data: &[u8]) -> Result<(), dateline_core::Error> {
    let io = |source| dateline_core::Error::Io { path: path.display().to_string(), source };
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, data).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
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
    /// `label`, and optionally `id` (defaults to the name) and `aliases` (a
    /// list of strings).
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
            let mut aliases = Vec::new();
            if let Some(a) = rec.get_item("aliases")?.filter(|a| !a.is_none()) {
                if a.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err(format!(
                        "records[{i}][\"aliases\"] must be a list of str, not a str"
                    )));
                }
                for (k, alias) in a.try_iter()?.enumerate() {
                    let alias = alias?;
                    let s = alias.cast::<PyString>().map_err(|_| {
                        PyTypeError::new_err(format!(
                            "records[{i}][\"aliases\"][{k}] must be str, not {}",
                            type_name(&alias)
                        ))
                    })?;
                    aliases.push(s.to_str()?.to_owned());
                }
            }
            let mut attributes = std::collections::BTreeMap::new();
            if let Some(a) = rec.get_item("attributes")?.filter(|a| !a.is_none()) {
                let d = a.cast::<PyDict>().map_err(|_| {
                    PyTypeError::new_err(format!("records[{i}][\"attributes\"] must be a dict, not {}", type_name(&a)))
                })?;
                for (k, v) in d.iter() {
                    let key = k
                        .cast::<PyString>()
                        .map_err(|_| {
                            PyTypeError::new_err(format!(
                                "records[{i}][\"attributes\"] keys must be str, not {}",
                                type_name(&k)
                            ))
                        })?
                        .to_str()?
                        .to_owned();
                    let value = crate::convert::py_to_json(&v, &format!("records[{i}][\"attributes\"][{key:?}]"))?;
                    if !value.is_null() {
                        attributes.insert(key, value);
                    }
                }
            }
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
    /// row, columns named by `name`, `label`, `id` (optional), `aliases` (a
    /// list or a `|`-separated str per row; optional) and `attributes` (the
    /// columns kept as entry attributes; None: every other column).
    #[staticmethod]
    #[pyo3(signature = (frame, *, name = "name", label = "label", id = "id", aliases = "aliases", attributes = None, common_word_guard = true, case_sensitive = true, fold_accents = false))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn from_dataframe(
        py: Python<'_>,
        frame: &Bound<'_, PyAny>,
        name: &str,
        label: &str,
        id: Option<&str>,
        aliases: Option<&str>,
        attributes: Option<Vec<String>>,
        common_word_guard: bool,
        case_sensitive: bool,
        fold_accents: bool,
    ) -> PyResult<Self> {
        let records = py
            .import("dateline._gazframe")?
            .getattr("records")?
            .call1((frame, name, label, id, aliases, attributes))?;
        Self::from_records(py, &records, common_word_guard, case_sensitive, fold_accents)
    }

    /// Reads a gazetteer file: TSV or CSV with a header row, or JSONL (one
    /// object per line). The format comes from the extension (`.tsv`, `.csv`,
    /// `.jsonl`) unless `format` is given. Columns are named by the `*_column`
    /// arguments; `aliases` are `|`-separated in tabular files. `path` may be
    /// a list of files, compiled together in order (cheaper than `+`: the
    /// files are read one entry at a time, with no intermediate gazetteers).
    #[staticmethod]
    #[pyo3(signature = (path, *, format = None, name_column = "name", label_column = "label", id_column = "id", aliases_column = "aliases", attribute_columns = None, common_word_guard = true, case_sensitive = true, fold_accents = false))]
    #[allow(clippy::too_many_arguments)] // Python keyword arguments
    fn from_file(
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        format: Option<&str>,
        name_column: &str,
        label_column: &str,
        id_column: &str,
        aliases_column: &str,
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
            case: "case".to_owned(),
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

    /// Reads a gazetteer written by `save` (or the JSON of `to_json`).
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let g = run_detached(py, move || {
            let bytes = std::fs::read(&path)
                .map_err(|source| dateline_core::Error::Io { path: path.display().to_string(), source })?;
            if Gazetteer::is_compiled(&bytes) {
                return Gazetteer::from_bytes(&bytes);
            }
            let json = String::from_utf8(bytes).map_err(|_| {
                dateline_core::Error::Serialization(format!(
                    "{}: neither a compiled gazetteer nor UTF-8 JSON",
                    path.display()
                ))
            })?;
            Gazetteer::from_json(&json)
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
