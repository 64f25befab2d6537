//! `dateline.parse`: the time expression of one short string, with no
//! pipeline. The tokenizer and the taggers are built once per process and
//! shared; a call allocates only its own tokens and result.

use std::sync::LazyLock;

use dateline_core::export::explanation_record;
use dateline_core::span::CharCursor;
use dateline_core::{Granularity, ReferenceDate, TagOptions, TemporalTagger, Timex, TimexAttr, Tokenizer};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyDict;

use crate::batch::run_detached;
use crate::convert::{
    extract_text, parse_date_order, parse_document_type, parse_lang, parse_prefer, parse_reference, py_date,
    py_datetime,
};
use crate::dates::Why;

/// The default tokenizer (line breaks end sentences).
static TOKENIZER: LazyLock<Tokenizer> = LazyLock::new(Tokenizer::default);

/// Texts longer than this (bytes) are parsed with the GIL released.
const DETACH_ABOVE: usize = 4096;

/// The time expression `dateline.parse` found in a string: `text`, `start`
/// and `end` (str indices into the string parsed), TIMEX3 `type`, `value`,
/// `mod`, `freq` and `quant`, `granularity` (`"day"`, `"month"`, …),
/// `zone` (`"+01:00"`) and the calendar: `interval` (half-open days), `date`
/// and `datetime`; `explain()` says why it has its value.
#[pyclass(frozen, name = "ParsedTime", module = "dateline._core", eq)]
pub struct PyParsedTime {
    source: PyBackedStr,
    timex: Timex,
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
}

impl PartialEq for PyParsedTime {
    fn eq(&self, other: &Self) -> bool {
        *self.source == *other.source && self.timex == other.timex
    }
}

#[pymethods]
impl PyParsedTime {
    /// The words of the expression.
    #[getter]
    fn text(&self) -> &str {
        &self.source[self.timex.start..self.timex.end]
    }

    /// DATE, TIME, DURATION or SET.
    #[getter(r#type)]
    fn timex_type(&self) -> &'static str {
        self.timex.timex_type.as_str()
    }

    /// The TIMEX3 value (`2026-03-04`, `P3W`, `XXXX-WXX-4`).
    #[getter]
    fn value(&self) -> &str {
        &self.timex.value
    }

    /// The TIMEX3 `mod` (`START`, `APPROX`, …) or None.
    #[getter(r#mod)]
    fn modifier(&self) -> Option<&'static str> {
        self.timex.modifier.map(TimexAttr::as_str)
    }

    /// The TIMEX3 `freq` of a SET (`2X`), or None.
    #[getter]
    fn freq(&self) -> Option<&str> {
        self.timex.freq.as_deref()
    }

    /// The TIMEX3 `quant` of a SET (`EVERY`), or None.
    #[getter]
    fn quant(&self) -> Option<&'static str> {
        self.timex.quant.map(TimexAttr::as_str)
    }

    /// How fine the value is: `century`, `decade`, `year`, `half`,
    /// `quarter`, `season`, `month`, `week`, `day`, `part_of_day`, `hour`,
    /// `minute`, `second`, or None (durations, sets, unknown values).
    #[getter]
    fn granularity(&self) -> Option<&'static str> {
        self.timex.granularity.map(Granularity::as_str)
    }

    /// The UTC offset written with a time (`"+01:00"`), or None.
    #[getter]
    fn zone(&self) -> Option<String> {
        self.timex.zone_offset()
    }

    /// The half-open range of days `(first, after_last)` the value covers,
    /// or None when it names no concrete period.
    #[getter]
    fn interval<'py>(&self, py: Python<'py>) -> PyResult<Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
        self.timex.interval().map(|(a, b)| Ok((py_date(py, a)?, py_date(py, b)?))).transpose()
    }

    /// The day: the value's own for a day or a time of day, else the first
    /// day of its interval (`2026-03` → 1 March); None when it names no
    /// concrete period.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.timex.interval().map(|(a, _)| py_date(py, a)).transpose()
    }

    /// A `datetime.datetime`: for a TIME value with a clock time, that time
    /// (aware, with a fixed offset, when the text named a zone); for a day,
    /// its midnight (naive); else None.
    #[getter]
    fn datetime<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        crate::dates::moment(&self.timex).map(|(day, clock, zone)| py_datetime(py, day, clock, zone)).transpose()
    }

    /// Why the expression has its value (as `Timex.explain()`).
    fn explain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let all = std::slice::from_ref(&self.timex);
        Why::new(explanation_record(&self.source, all, &self.timex)).to_dict(py, false)
    }

    fn __repr__(&self) -> String {
        format!(
            "ParsedTime({:?}, type={:?}, value={:?}, start={}, end={})",
            self.text(),
            self.timex_type(),
            self.timex.value,
            self.start,
            self.end
        )
    }
}

/// The time expression of `text` (the one covering most of it), or None.
/// See `dateline.parse`.
#[pyfunction]
#[pyo3(signature = (text, reference_date, document_type, prefer, date_order, lang = "auto"))]
pub(crate) fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    reference_date: Option<&Bound<'_, PyAny>>,
    document_type: &str,
    prefer: Option<&str>,
    date_order: Option<&str>,
    lang: &str,
) -> PyResult<Option<PyParsedTime>> {
    let source = extract_text(text, &|| "text".to_owned())?;
    let reference = match parse_reference(reference_date, "reference_date")? {
        ReferenceDate::Fixed(d) => Some(d),
        ReferenceDate::None => None,
        ReferenceDate::Detect => {
            return Err(crate::errors::config(
                "reference_date must be a datetime.date, an ISO date string or None; \
                 'detect' needs a document (use a Pipeline)",
            ));
        }
    };
    let lang = parse_lang(lang)?;
    let opts = TagOptions {
        reference,
        document_type: parse_document_type(document_type)?,
        prefer: parse_prefer(prefer)?,
        lang: Some(lang.unwrap_or_else(|| dateline_core::lang::detect(&source))),
    };
    let tagger = &TemporalTagger::with_lang(parse_date_order(date_order)?, dateline_core::DocumentType::Auto, lang)
        .map_err(|e| crate::errors::to_py(py, e))?;
    let found = if source.len() > DETACH_ABOVE {
        let s: &str = &source;
        run_detached(py, || Ok(dateline_core::parse_time(s, &TOKENIZER, tagger, &opts)))?
    } else {
        dateline_core::parse_time(&source, &TOKENIZER, tagger, &opts)
    };
    Ok(found.map(|timex| {
        let mut cur = CharCursor::new(&source);
        let (start, end) = (cur.at(timex.start), cur.at(timex.end));
        PyParsedTime { source, timex, start, end }
    }))
}
