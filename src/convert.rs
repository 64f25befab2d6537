//! Conversions at the boundary: input text, option strings, dates.

use dateline_core::{Date, DateOrder, DocumentType, Lang, ReferenceDate};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyFloat, PyString, PyType};

static DATE_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
/// `datetime.timezone` and `datetime.timedelta`.
static ZONE_TYPES: PyOnceLock<(Py<PyType>, Py<PyType>)> = PyOnceLock::new();

fn date_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE_TYPE
        .get_or_try_init(py, || -> PyResult<Py<PyType>> {
            Ok(py.import("datetime")?.getattr("date")?.cast_into::<PyType>()?.unbind())
        })
        .map(|t| t.bind(py))
}

/// The name of an object's type, for error messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "object".to_owned(), |n| n.to_string())
}

/// Extracts a document text, borrowing the str's UTF-8 data.
///
/// `what` names the argument in messages (`text`, `texts[3]`).
pub(crate) fn extract_text(obj: &Bound<'_, PyAny>, what: &dyn Fn() -> String) -> PyResult<PyBackedStr> {
    let s = obj
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{} must be str, not {}", what(), type_name(obj))))?;
    match PyBackedStr::try_from(s.clone()) {
        // The core keeps token offsets in 31 bits.
        Ok(b) if b.len() > dateline_core::MAX_TEXT_BYTES => Err(PyValueError::new_err(format!(
            "{} is {} bytes long; texts over 2 GiB are not supported, split the document",
            what(),
            b.len()
        ))),
        Ok(b) => Ok(b),
        Err(e) => {
            let py = obj.py();
            let index = e
                .value(py)
                .getattr("start")
                .and_then(|v| v.extract::<usize>())
                .map_or_else(|_| String::new(), |i| format!(" at index {i}"));
            Err(PyValueError::new_err(format!(
                "{} contains a lone surrogate{index}; it is not valid Unicode text and cannot be encoded as UTF-8",
                what()
            )))
        }
    }
}

/// Parses a `reference_date` argument: a `datetime.date`, an ISO string,
/// `"detect"`, or `None`.
pub(crate) fn parse_reference(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<ReferenceDate> {
    let Some(obj) = obj.filter(|o| !is_missing(o)) else {
        return Ok(ReferenceDate::None);
    };
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_str()?;
        if s == "detect" {
            return Ok(ReferenceDate::Detect);
        }
        if s == "none" {
            return Ok(ReferenceDate::None);
        }
        return Date::parse_iso_datetime(s.trim()).map(ReferenceDate::Fixed).map_err(|e| {
            crate::errors::config(format!(
                "{what}: {e}; expected a datetime.date, an ISO date or timestamp string, \"detect\", \"none\" or None"
            ))
        });
    }
    if obj.is_instance(date_type(obj.py())?)? {
        let y: i32 = obj.getattr("year")?.extract()?;
        let m: u32 = obj.getattr("month")?.extract()?;
        let d: u32 = obj.getattr("day")?.extract()?;
        return Date::new(y, m, d).map(ReferenceDate::Fixed).map_err(|e| crate::errors::config(format!("{what}: {e}")));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a datetime.date, an ISO date string, \"detect\", \"none\" or None, not {}",
        type_name(obj)
    )))
}

/// Parses one document's reference date: a missing value (None, NaN,
/// `pandas.NaT`, `pandas.NA`, `numpy.datetime64("NaT")`) means `default`, the
/// pipeline's; `"none"` means no reference date.
pub(crate) fn parse_reference_item(
    obj: &Bound<'_, PyAny>,
    default: &ReferenceDate,
    what: &str,
) -> PyResult<ReferenceDate> {
    if is_missing(obj) { Ok(*default) } else { parse_reference(Some(obj), what) }
}

/// Whether `obj` is a missing value: None, a float NaN, or pandas' and
/// numpy's not-a-time and not-available markers.
pub(crate) fn is_missing(obj: &Bound<'_, PyAny>) -> bool {
    if obj.is_none() {
        return true;
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return f.value().is_nan();
    }
    match type_name(obj).as_str() {
        "NaTType" | "NAType" => true,
        // numpy.datetime64("NaT") and numpy.float64("nan") compare unequal to themselves.
        "datetime64" | "timedelta64" | "float64" | "float32" | "float16" => obj.ne(obj).unwrap_or(false),
        _ => false,
    }
}

/// Parses `prefer`: `"past"`, `"future"` or None.
pub(crate) fn parse_prefer(s: Option<&str>) -> PyResult<Option<dateline_core::Prefer>> {
    match s {
        None => Ok(None),
        Some("past") => Ok(Some(dateline_core::Prefer::Past)),
        Some("future") => Ok(Some(dateline_core::Prefer::Future)),
        Some(other) => {
            Err(crate::errors::config(format!("prefer must be one of 'past', 'future', None, not '{other}'")))
        }
    }
}

/// Parses `date_order` (None: the language's).
pub(crate) fn parse_date_order(s: Option<&str>) -> PyResult<Option<DateOrder>> {
    match s {
        None => Ok(None),
        Some("mdy") => Ok(Some(DateOrder::Mdy)),
        Some("dmy") => Ok(Some(DateOrder::Dmy)),
        Some(other) => {
            Err(crate::errors::config(format!("date_order must be one of 'mdy', 'dmy', None, not '{other}'")))
        }
    }
}

/// Parses a language code; `"auto"` is `None` (identified per document).
pub(crate) fn parse_lang(s: &str) -> PyResult<Option<Lang>> {
    if s == "auto" {
        return Ok(None);
    }
    Lang::from_code(s)
        .map(Some)
        .map_err(|e| crate::errors::config(e.to_string().replace("invalid configuration: ", "")))
}

/// One entry of a `langs` argument: a code, `"auto"`, or None for `default`.
/// `what` names it in messages (`langs[3]`).
pub(crate) fn parse_lang_item(
    obj: &Bound<'_, PyAny>,
    default: Option<Lang>,
    what: &dyn Fn() -> String,
) -> PyResult<Option<Lang>> {
    Ok(parse_str_item(obj, what, parse_lang)?.unwrap_or(default))
}

/// One entry of a per-text argument: None, or a str that `parse` reads;
/// errors name the entry (`what`).
fn parse_str_item<T>(
    obj: &Bound<'_, PyAny>,
    what: &dyn Fn() -> String,
    parse: impl Fn(&str) -> PyResult<T>,
) -> PyResult<Option<T>> {
    if obj.is_none() {
        return Ok(None);
    }
    let s = obj
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{} must be a str or None, not {}", what(), type_name(obj))))?;
    parse(s.to_str()?).map(Some).map_err(|e| crate::errors::config(format!("{}: {}", what(), e.value(obj.py()))))
}

/// A document type from its name (`news`, `narrative`, `colloquial`, `auto`).
pub(crate) fn parse_document_type(s: &str) -> PyResult<DocumentType> {
    DocumentType::parse(s).map_err(|e| crate::errors::config(e.to_string().replace("invalid configuration: ", "")))
}

/// One entry of a `document_types` argument: a name, or None for the
/// pipeline's default. `what` names it in messages (`document_types[3]`).
pub(crate) fn parse_document_type_item(
    obj: &Bound<'_, PyAny>,
    what: &dyn Fn() -> String,
) -> PyResult<Option<DocumentType>> {
    parse_str_item(obj, what, parse_document_type)
}

/// The name of a date order (None: the language's).
pub(crate) fn date_order_name(o: Option<DateOrder>) -> Option<&'static str> {
    o.map(|o| match o {
        DateOrder::Dmy => "dmy",
        _ => "mdy",
    })
}

/// A Python `datetime.date`.
pub(crate) fn py_date<'py>(py: Python<'py>, d: Date) -> PyResult<Bound<'py, PyAny>> {
    date_type(py)?.call1((d.year(), d.month(), d.day()))
}

/// A Python `datetime.datetime` at `hour:minute:second` of `d` (hour 24 is
/// midnight of the next day), aware with a fixed UTC offset of `zone`
/// minutes when given, naive otherwise.
pub(crate) fn py_datetime<'py>(
    py: Python<'py>,
    d: Date,
    (hour, minute, second): (u8, u8, u8),
    zone: Option<i16>,
) -> PyResult<Bound<'py, PyAny>> {
    let (d, hour) = if hour >= 24 { (d.add_days(1), 0) } else { (d, hour) };
    let cls = DATETIME_TYPE
        .get_or_try_init(py, || -> PyResult<Py<PyType>> {
            Ok(py.import("datetime")?.getattr("datetime")?.cast_into::<PyType>()?.unbind())
        })?
        .bind(py);
    let naive = (d.year(), d.month(), d.day(), hour, minute, second);
    let Some(minutes) = zone else {
        return cls.call1(naive);
    };
    let (timezone, timedelta) = ZONE_TYPES.get_or_try_init(py, || -> PyResult<(Py<PyType>, Py<PyType>)> {
        let m = py.import("datetime")?;
        Ok((
            m.getattr("timezone")?.cast_into::<PyType>()?.unbind(),
            m.getattr("timedelta")?.cast_into::<PyType>()?.unbind(),
        ))
    })?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("minutes", minutes)?;
    let offset = timedelta.bind(py).call((), Some(&kwargs))?;
    let tz = timezone.bind(py).call1((offset,))?;
    cls.call1((naive.0, naive.1, naive.2, naive.3, naive.4, naive.5, 0, tz))
}

/// An `n_threads` argument: any Python int, checked by [`parse_threads`]
/// (so that one too large for an `i64` is a `ConfigError` too, not an
/// `OverflowError`). Other types are a `TypeError`.
pub(crate) struct Threads(Result<i64, String>);

impl FromPyObject<'_, '_> for Threads {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<pyo3::types::PyBool>() || !obj.is_instance_of::<pyo3::types::PyInt>() {
            return Err(PyTypeError::new_err(format!(
                "n_threads must be an int or None, not {}",
                type_name(&obj.to_owned())
            )));
        }
        Ok(Self(obj.extract::<i64>().map_err(|_| obj.to_string())))
    }
}

/// Validates `n_threads`: `None` or an int from 1 to
/// [`dateline_core::parallel::max_threads`]; otherwise a `ConfigError`.
pub(crate) fn parse_threads(py: Python<'_>, n: Option<Threads>) -> PyResult<Option<usize>> {
    let Some(Threads(n)) = n else {
        return Ok(None);
    };
    let err = match n {
        Ok(v) => match usize::try_from(v) {
            Ok(v) if dateline_core::parallel::check_threads(Some(v)).is_ok() => return Ok(Some(v)),
            _ => dateline_core::parallel::threads_error(&v.to_string(), v > 0),
        },
        // Too large for an i64, or negative beyond it.
        Err(big) => dateline_core::parallel::threads_error(&big, !big.starts_with('-')),
    };
    Err(crate::errors::to_py(py, err))
}

/// A Python value as JSON (entry attributes): None, bool, int, float, str,
/// and lists/tuples/dicts (str keys) of these. `what` names it in errors.
pub(crate) fn py_to_json(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<serde_json::Value> {
    use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyTuple};
    use serde_json::Value;
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(PyValueError::new_err(format!("{what}: integer too large")));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return serde_json::Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| PyValueError::new_err(format!("{what}: {} is not a finite number", f.value())));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_str()?.to_owned()));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut v = Vec::new();
        for (k, item) in obj.try_iter()?.enumerate() {
            v.push(py_to_json(&item?, &format!("{what}[{k}]"))?);
        }
        return Ok(Value::Array(v));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut m = serde_json::Map::new();
        for (k, v) in d.iter() {
            let key = k
                .cast::<PyString>()
                .map_err(|_| PyTypeError::new_err(format!("{what}: keys must be str, not {}", type_name(&k))))?
                .to_str()?
                .to_owned();
            let val = py_to_json(&v, &format!("{what}[{key:?}]"))?;
            m.insert(key, val);
        }
        return Ok(Value::Object(m));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be None, bool, int, float, str, or a list/dict of them, not {}",
        type_name(obj)
    )))
}

/// JSON as a Python value.
pub(crate) fn json_to_py<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::IntoPyObjectExt;
    use pyo3::types::{PyDict, PyList};
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_bound_py_any(py)?,
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)?
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)?
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?
            }
        }
        Value::String(s) => s.into_bound_py_any(py)?,
        Value::Array(items) => {
            let l = PyList::empty(py);
            for it in items {
                l.append(json_to_py(py, it)?)?;
            }
            l.into_any()
        }
        Value::Object(m) => {
            let d = PyDict::new(py);
            for (k, it) in m {
                d.set_item(k, json_to_py(py, it)?)?;
            }
            d.into_any()
        }
    })
}

/// Entry attributes as a Python dict.
pub(crate) fn attributes_dict<'py>(
    py: Python<'py>,
    attrs: &std::collections::BTreeMap<String, serde_json::Value>,
) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
    let d = pyo3::types::PyDict::new(py);
    for (k, v) in attrs {
        d.set_item(k, json_to_py(py, v)?)?;
    }
    Ok(d)
}
