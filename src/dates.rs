//! Time expressions and ranges of a `Doc` (`Timex`, `Range`) and what
//! `explain()` reports about them.

use dateline_core::export::{ExplanationRecord, explanation_record};
use dateline_core::{Date, TimeRange, Timex, TimexAttr};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::py_date;
use crate::results::DocData;

/// Why an expression has its value: the core's explanation record, owned.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Why {
    rule: &'static str,
    via: Vec<&'static str>,
    anchor: &'static str,
    anchor_date: Option<Date>,
    anchor_index: Option<usize>,
    anchor_text: Option<String>,
    anchor_value: Option<String>,
    tense: &'static str,
    cue: Option<String>,
    document_type: &'static str,
    text: String,
}

impl Why {
    pub(crate) fn new(r: ExplanationRecord<'_>) -> Self {
        Self {
            rule: r.rule,
            via: r.via.to_vec(),
            anchor: r.anchor,
            anchor_date: r.anchor_date,
            anchor_index: r.anchor_index,
            anchor_text: r.anchor_text.map(str::to_owned),
            anchor_value: r.anchor_value.map(str::to_owned),
            tense: r.tense,
            cue: r.cue.map(str::to_owned),
            document_type: r.document_type,
            text: r.text,
        }
    }

    /// The explanation as a dict; `anchor_date` a `datetime.date`, or with
    /// `iso` its ISO string (JSON-ready, as in `Doc.to_dict`).
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>, iso: bool) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rule", self.rule)?;
        d.set_item("via", &self.via)?;
        d.set_item("anchor", self.anchor)?;
        match self.anchor_date {
            Some(x) if iso => d.set_item("anchor_date", x.to_string())?,
            Some(x) => d.set_item("anchor_date", py_date(py, x)?)?,
            None => d.set_item("anchor_date", py.None())?,
        }
        d.set_item("anchor_index", self.anchor_index)?;
        d.set_item("anchor_text", self.anchor_text.as_deref())?;
        d.set_item("anchor_value", self.anchor_value.as_deref())?;
        d.set_item("tense", self.tense)?;
        d.set_item("cue", self.cue.as_deref())?;
        d.set_item("document_type", self.document_type)?;
        d.set_item("text", &self.text)?;
        Ok(d)
    }
}

/// A time expression: `start`, `end` (str indices), `text`, TIMEX3 `type`
/// (DATE, TIME, DURATION, SET), `value`, `mod`, `freq` and `quant` (sets),
/// `interval`: the half-open range of days `(first, after_last)` as
/// `datetime.date` values, or None when the value names no concrete period,
/// `granularity` (`"day"`, `"month"`, …, or None) and `zone`, the UTC offset
/// written with a time (`"+01:00"`, or None); `explain()` says why it has
/// its value.
#[pyclass(frozen, name = "Timex", module = "dateline._core", eq)]
#[derive(PartialEq)]
pub struct PyTimex {
    #[pyo3(get)]
    pub(crate) start: usize,
    #[pyo3(get)]
    pub(crate) end: usize,
    #[pyo3(get)]
    pub(crate) text: String,
    #[pyo3(get, name = "type")]
    pub(crate) timex_type: &'static str,
    #[pyo3(get)]
    pub(crate) value: String,
    #[pyo3(get, name = "mod")]
    pub(crate) modifier: Option<&'static str>,
    #[pyo3(get)]
    pub(crate) freq: Option<String>,
    #[pyo3(get)]
    pub(crate) quant: Option<&'static str>,
    #[pyo3(get)]
    pub(crate) granularity: Option<&'static str>,
    #[pyo3(get)]
    pub(crate) zone: Option<String>,
    /// The index of the sentence holding it (0 for `dateline.parse`).
    #[pyo3(get)]
    pub(crate) sentence: usize,
    pub(crate) range: Option<(Date, Date)>,
    /// The day, clock time and zone of `datetime`.
    pub(crate) moment: Option<Moment>,
    pub(crate) why: Why,
}

/// A day, a time of day and the UTC offset in minutes, if written.
pub(crate) type Moment = (Date, (u8, u8, u8), Option<i16>);

/// The day, time of day and zone a time expression's `datetime` is made
/// of: a TIME value's clock time (with the zone the text named), or a day's
/// midnight; None for other values.
pub(crate) fn moment(t: &Timex) -> Option<Moment> {
    let (day, _) = t.interval()?;
    match (t.timex_type, t.clock, t.granularity) {
        (dateline_core::TimexType::Time, Some(clock), _) => Some((day, clock, t.zone)),
        (dateline_core::TimexType::Date, _, Some(dateline_core::Granularity::Day)) => Some((day, (0, 0, 0), None)),
        _ => None,
    }
}

#[pymethods]
impl PyTimex {
    #[getter]
    fn interval<'py>(&self, py: Python<'py>) -> PyResult<Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
        self.range.map(|(a, b)| Ok((py_date(py, a)?, py_date(py, b)?))).transpose()
    }

    /// A `datetime.datetime`: for a TIME value with a clock time, that time
    /// (timezone-aware, with a fixed offset, when the text named a zone); for
    /// a day, its midnight (naive); else None.
    #[getter]
    fn datetime<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.moment.map(|(day, clock, zone)| crate::convert::py_datetime(py, day, clock, zone)).transpose()
    }

    /// Why the expression has its value: `rule` (the rule that matched, with
    /// `via`, the rules of its pieces), `anchor` (`"reference"`, `"expression"`
    /// or `"none"`, with `anchor_date`, or `anchor_index`, `anchor_text` and
    /// `anchor_value` of the earlier expression), `tense` and its `cue` word,
    /// `document_type`, and `text`, all of it as one sentence.
    fn explain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.why.to_dict(py, false)
    }

    fn __hash__(&self) -> u64 {
        crate::results::span_hash(self.start, self.end, &self.text, &self.value)
    }

    fn __repr__(&self) -> String {
        format!(
            "Timex({:?}, type={:?}, value={:?}, start={}, end={})",
            self.text, self.timex_type, self.value, self.start, self.end
        )
    }
}

/// A range of time written as one phrase (`from March 2 to March 6`, `since
/// March 2`, `until March 20`): `start`, `end` (str indices), `text`,
/// `begin_index` and `end_index` (the positions in `doc.timexes` of the
/// expressions at its ends, or None where the text names none), `interval`
/// (`(first_day, after_last_day)`, half-open, as `datetime.date` values, None
/// for an open end), `value` (an ISO 8601 interval of days, both ends
/// included, `..` for an open end: `2026-03-02/2026-03-06`; an end that names
/// a time of day has it: `2026-03-06T14:00/2026-03-06T16:00`) and `rule`.
#[pyclass(frozen, name = "Range", module = "dateline._core", eq)]
#[derive(PartialEq)]
pub struct PyRange {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    begin_index: Option<usize>,
    #[pyo3(get)]
    end_index: Option<usize>,
    #[pyo3(get)]
    value: String,
    #[pyo3(get)]
    rule: &'static str,
    /// The index of the sentence holding its start.
    #[pyo3(get)]
    sentence: usize,
    days: (Option<Date>, Option<Date>),
}

/// A `datetime.date` or None.
type MaybeDate<'py> = Option<Bound<'py, PyAny>>;

#[pymethods]
impl PyRange {
    #[getter]
    fn interval<'py>(&self, py: Python<'py>) -> PyResult<(MaybeDate<'py>, MaybeDate<'py>)> {
        let date = |d: Option<Date>| d.map(|d| py_date(py, d)).transpose();
        Ok((date(self.days.0)?, date(self.days.1)?))
    }

    fn __hash__(&self) -> u64 {
        crate::results::span_hash(self.start, self.end, &self.text, &self.value)
    }

    fn __repr__(&self) -> String {
        format!("Range({:?}, value={:?}, start={}, end={})", self.text, self.value, self.start, self.end)
    }
}

impl PyRange {
    /// The range as a JSON-ready dict (the JSON lines' shape).
    pub(crate) fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("sentence", self.sentence)?;
        d.set_item("value", &self.value)?;
        d.set_item("begin_index", self.begin_index)?;
        d.set_item("end_index", self.end_index)?;
        d.set_item("interval", (self.days.0.map(|x| x.to_string()), self.days.1.map(|x| x.to_string())))?;
        d.set_item("rule", self.rule)?;
        Ok(d)
    }
}

/// A Python `Timex` of `t`, one of `all` (the document's time expressions)
/// in `text`, at str indices `start..end`.
pub(crate) fn py_timex(text: &str, all: &[Timex], t: &Timex, start: usize, end: usize, sentence: usize) -> PyTimex {
    PyTimex {
        sentence,
        why: Why::new(explanation_record(text, all, t)),
        start,
        end,
        text: text[t.start..t.end].to_owned(),
        timex_type: t.timex_type.as_str(),
        value: t.value.to_string(),
        modifier: t.modifier.map(TimexAttr::as_str),
        freq: t.freq.as_deref().map(str::to_owned),
        quant: t.quant.map(TimexAttr::as_str),
        granularity: t.granularity.map(|g| g.as_str()),
        zone: t.zone_offset(),
        range: t.interval(),
        moment: moment(t),
    }
}

impl DocData {
    pub(crate) fn timexes(&self) -> Vec<PyTimex> {
        (0..self.doc.timexes.len()).map(|i| self.timex_at(i)).collect()
    }

    /// Time expression `i` (in range).
    pub(crate) fn timex_at(&self, i: usize) -> PyTimex {
        let all = &self.doc.timexes;
        let t = &all[i];
        let (start, end) = self.timex_chars(i);
        py_timex(&self.text, all, t, start, end, self.doc.sentence_of(t.start))
    }

    pub(crate) fn ranges(&self) -> Vec<PyRange> {
        (0..self.doc.ranges.len()).map(|i| self.range_at(i)).collect()
    }

    /// Range `i` (in range).
    pub(crate) fn range_at(&self, i: usize) -> PyRange {
        let r: &TimeRange = &self.doc.ranges[i];
        let (start, end) = self.range_chars(i);
        PyRange {
            start,
            end,
            text: self.slice(r.start, r.end),
            begin_index: r.begin_timex,
            end_index: r.end_timex,
            value: r.value(),
            rule: r.rule,
            sentence: self.doc.sentence_of(r.start),
            days: (r.begin, r.end_day),
        }
    }
}
