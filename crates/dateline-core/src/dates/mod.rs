//! Temporal tagger: finds time expressions and normalises them to TIMEX3
//! values against a reference date.
//!
//! ```
//! use dateline_core::{Date, TemporalTagger, Tokenizer, TimexType};
//! let text = "The ministry said on Thursday that a two-day visit ended in January.";
//! let (tokens, sentences) = Tokenizer::default().tokenize_with_sentences(text);
//! let dct = Date::new(2026, 3, 5).unwrap();
//! let tx = TemporalTagger::default().tag(text, &tokens, &sentences, Some(dct));
//! let got: Vec<(&str, &str)> = tx.iter().map(|t| (&text[t.start..t.end], t.value.as_str())).collect();
//! assert_eq!(got, [("Thursday", "2026-03-05"), ("two-day", "P2D"), ("January", "2026-01")]);
//! assert_eq!(tx[1].timex_type, TimexType::Duration);
//! ```

mod lexicon;
mod refdate;
mod resolve;

use serde::{Deserialize, Serialize};

use crate::civil::Date;
use crate::tokenize::{Sentence, Token};
use lexicon::{LEXICON, Unit};
use resolve::Tense;

pub use refdate::detect_reference_date;
pub use resolve::value_interval;

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (`2026-03-05`, `2026-01`, `PAST_REF`).
    Date,
    /// A time of day (`2026-03-05T22:00`).
    Time,
    /// A length of time (`P2D`).
    Duration,
    /// A recurring time (`XXXX-WXX-4`).
    Set,
}

impl TimexType {
    /// The TimeML name: `DATE`, `TIME`, `DURATION` or `SET`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}

/// A time expression: a byte span, its type and TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The TIMEX3 value (`2026-03-05`, `P2D`, `XXXX-01`, `FUTURE_REF`).
    pub value: String,
    /// The TIMEX3 `mod` attribute, if any (`START`, `APPROX`, …).
    pub modifier: Option<&'static str>,
}

impl Timex {
    /// The half-open day interval this expression covers, for DATE and TIME
    /// values that name a concrete period.
    #[must_use]
    pub fn interval(&self) -> Option<(Date, Date)> {
        match self.timex_type {
            TimexType::Date | TimexType::Time => value_interval(&self.value),
            _ => None,
        }
    }
}

/// How to read ambiguous numeric dates such as `03/05/2026`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DateOrder {
    /// Month first (US usage, the default): `03/05/2026` is 5 March.
    #[default]
    Mdy,
    /// Day first: `03/05/2026` is 3 May.
    Dmy,
}

/// The temporal tagger. Stateless apart from options; tables compile once.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TemporalTagger {
    /// Order of ambiguous numeric dates.
    pub date_order: DateOrder,
}

/// One recognised expression before it becomes a [`Timex`].
struct Found {
    end_tok: usize,
    timex_type: TimexType,
    value: String,
    modifier: Option<&'static str>,
}

fn found(end_tok: usize, timex_type: TimexType, value: String) -> Option<Found> {
    Some(Found {
        end_tok,
        timex_type,
        value,
        modifier: None,
    })
}

struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: Vec<String>,
    sentence_of: Vec<(usize, usize)>,
    reference: Option<Date>,
    order: DateOrder,
}

fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `5`, `05`, `5th`, `22nd`: a day of the month.
fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    parse_u32(digits).filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    parse_u32(w)
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1000..=2099).contains(y))
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.start..t.end])
    }
    fn l(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }
    fn tense(&self, start: usize, end: usize) -> Tense {
        let (s, e) = self.sentence_of[start];
        resolve::tense(&self.lower, start, end, s, e)
    }

    fn month_at(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        if !is_capitalized(w) {
            return None;
        }
        LEXICON.months.get(self.l(i)).copied()
    }

    /// A count: digits or a number word, with `twenty - four` compounds.
    /// Returns (value, tokens used).
    fn number_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = parse_u32(self.w(i)).filter(|n| *n < 10_000) {
            return Some((n, 1));
        }
        let n = *LEXICON.numbers.get(self.l(i))?;
        if (20..100).contains(&n)
            && self.l(i + 1) == "-"
            && let Some(&u) = LEXICON.numbers.get(self.l(i + 2))
            && u < 10
            && u > 0
        {
            return Some((n + u, 3));
        }
        Some((n, 1))
    }

    fn explicit(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        // ISO date, optionally with a clock time.
        if w.len() >= 10 && w.as_bytes()[4] == b'-' && w.is_char_boundary(10) {
            if let Ok(d) = Date::parse_iso(&w[..10]) {
                if w.len() == 10 {
                    return found(i + 1, TimexType::Date, d.to_string());
                }
                let rest = w[10..].strip_prefix(['T', 't'])?;
                let hm: Vec<&str> = rest.split(':').collect();
                if hm.len() >= 2
                    && let (Some(h), Some(m)) =
                        (parse_u32(hm[0]), hm[1].get(..2).and_then(parse_u32))
                    && h < 24
                    && m < 60
                {
                    return found(i + 1, TimexType::Time, format!("{d}T{h:02}:{m:02}"));
                }
            }
        }
        // Numeric dates 03/05/2026 or 3/5/26.
        let parts: Vec<&str> = w.split('/').collect();
        if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.len() <= 4) {
            let (a, b, c) = (parse_u32(parts[0])?, parse_u32(parts[1])?, parts[2]);
            let y = match c.len() {
                4 => parse_u32(c)?,
                2 => {
                    let yy = parse_u32(c)?;
                    if yy < 50 { 2000 + yy } else { 1900 + yy }
                }
                _ => return None,
            };
            let (m, d) = match self.order {
                DateOrder::Mdy => (a, b),
                DateOrder::Dmy => (b, a),
            };
            let date = Date::checked(i32::try_from(y).ok()?, m, d)?;
            return found(i + 1, TimexType::Date, date.to_string());
        }
        None
    }

    /// `March 5, 2026`, `March 5`, `March 2026`, `March`.
    fn month_first(&self, i: usize) -> Option<Found> {
        let month = self.month_at(i)?;
        let mut j = i + 1;
        if let Some(day) = day_number(self.w(j)) {
            j += 1;
            let mut k = j;
            if self.w(k) == "," {
                k += 1;
            }
            if let Some(y) = year_number(self.w(k)) {
                let d = Date::checked(y, month, day)?;
                return found(k + 1, TimexType::Date, d.to_string());
            }
            let value = match self.reference {
                Some(r) => {
                    let y = resolve::month_year(r, month, self.tense(i, j));
                    Date::checked(y, month, day)
                        .map_or_else(|| format!("XXXX-{month:02}-{day:02}"), |d| d.to_string())
                }
                None => format!("XXXX-{month:02}-{day:02}"),
            };
            return found(j, TimexType::Date, value);
        }
        let mut k = j;
        if self.w(k) == "," || self.l(k) == "of" {
            k += 1;
        }
        if let Some(y) = year_number(self.w(k)) {
            return found(k + 1, TimexType::Date, format!("{y:04}-{month:02}"));
        }
        // A month alone. `May` and `March` are also ordinary words: require a
        // preposition before them.
        let prev = if i > 0 { self.l(i - 1) } else { "" };
        let lone_ok = match self.l(i) {
            "may" | "march" => matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "from"
                    | "through"
                    | "till"
                    | "before"
                    | "after"
                    | "during"
            ),
            w => !w.ends_with('.') || self.w(i).len() > 4,
        };
        if !lone_ok {
            return None;
        }
        let value = match self.reference {
            Some(r) => format!(
                "{:04}-{month:02}",
                resolve::month_year(r, month, self.tense(i, i + 1))
            ),
            None => format!("XXXX-{month:02}"),
        };
        found(i + 1, TimexType::Date, value)
    }

    /// `5 March 2026`, `5th of March`, `the 5th of March`.
    fn day_first(&self, i: usize) -> Option<Found> {
        let day = day_number(self.w(i))?;
        let mut j = i + 1;
        if self.l(j) == "of" {
            j += 1;
        }
        let month = self.month_at(j)?;
        j += 1;
        let mut k = j;
        if self.w(k) == "," {
            k += 1;
        }
        if let Some(y) = year_number(self.w(k)) {
            return found(
                k + 1,
                TimexType::Date,
                Date::checked(y, month, day)?.to_string(),
            );
        }
        let value = match self.reference {
            Some(r) => {
                let y = resolve::month_year(r, month, self.tense(i, j));
                Date::checked(y, month, day)
                    .map_or_else(|| format!("XXXX-{month:02}-{day:02}"), |d| d.to_string())
            }
            None => format!("XXXX-{month:02}-{day:02}"),
        };
        found(j, TimexType::Date, value)
    }

    fn weekday(&self, i: usize) -> Option<Found> {
        if !is_capitalized(self.w(i)) {
            return None;
        }
        let wd = *LEXICON.weekdays.get(self.l(i))?;
        // `Thursday, March 5, 2026`: one expression with the explicit date.
        let mut j = i + 1;
        if self.w(j) == "," {
            j += 1;
        }
        if let Some(f) = self.month_first(j).filter(|f| f.value.len() == 10) {
            return Some(f);
        }
        let value = match self.reference {
            Some(r) => resolve::weekday(r, wd, self.tense(i, i + 1)).to_string(),
            None => format!("XXXX-WXX-{wd}"),
        };
        found(i + 1, TimexType::Date, value)
    }

    fn deictic(&self, i: usize) -> Option<Found> {
        let r = self.reference;
        let day = |n: i64| {
            r.map_or_else(
                || {
                    if n < 0 {
                        "PAST_REF".into()
                    } else {
                        "FUTURE_REF".into()
                    }
                },
                |d| d.add_days(n).to_string(),
            )
        };
        match self.l(i) {
            "today" => found(
                i + 1,
                TimexType::Date,
                r.map_or_else(|| "PRESENT_REF".into(), |d| d.to_string()),
            ),
            "yesterday" => found(i + 1, TimexType::Date, day(-1)),
            "tomorrow" => found(i + 1, TimexType::Date, day(1)),
            "tonight" => found(
                i + 1,
                TimexType::Time,
                r.map_or_else(|| "PRESENT_REF".into(), |d| format!("{d}TNI")),
            ),
            "now" | "currently" | "nowadays" => found(i + 1, TimexType::Date, "PRESENT_REF".into()),
            "recently" => found(i + 1, TimexType::Date, "PAST_REF".into()),
            "last" | "next" | "this" | "past" | "coming" => {
                let unit = self.l(i + 1);
                let n: i64 = match self.l(i) {
                    "last" | "past" => -1,
                    "next" | "coming" => 1,
                    _ => 0,
                };
                if unit == "weekend" {
                    let v = r
                        .and_then(|d| resolve::shift(d, Unit::Week, n))
                        .map_or_else(|| "XXXX-WXX-WE".into(), |v| format!("{v}-WE"));
                    return found(i + 2, TimexType::Date, v);
                }
                let u = *LEXICON.units.get(unit)?;
                if lexicon::is_plural_unit(unit)
                    || matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day)
                {
                    return None;
                }
                let v = match r {
                    Some(d) => resolve::shift(d, u, n)?,
                    None => {
                        if n < 0 {
                            "PAST_REF".into()
                        } else if n > 0 {
                            "FUTURE_REF".into()
                        } else {
                            "PRESENT_REF".into()
                        }
                    }
                };
                found(i + 2, TimexType::Date, v)
            }
            _ => None,
        }
    }

    /// `two days`, `a year`, `24 hours`, `two-day`, `three years ago`, and bare
    /// plural units (`for years`).
    fn quantity(&self, i: usize) -> Option<Found> {
        // `the coming weeks`, `recent years`, `few months`.
        if matches!(self.l(i), "the")
            && matches!(
                self.l(i + 1),
                "coming" | "next" | "past" | "last" | "recent"
            )
        {
            let mut j = i + 2;
            if matches!(self.l(j), "few" | "several") {
                j += 1;
            }
            let unit = self.l(j);
            if LEXICON.units.contains_key(unit) && lexicon::is_plural_unit(unit) {
                let v = if matches!(self.l(i + 1), "coming" | "next") {
                    "FUTURE_REF"
                } else {
                    "PAST_REF"
                };
                let tt = if j > i + 2 || !matches!(self.l(i + 1), "coming" | "recent") {
                    TimexType::Duration
                } else {
                    TimexType::Date
                };
                let value = if tt == TimexType::Duration {
                    duration_value(None, *LEXICON.units.get(unit)?)
                } else {
                    v.into()
                };
                return found(j + 1, tt, value);
            }
            return None;
        }
        if self.l(i) == "recent"
            && let Some(u) = LEXICON.units.get(self.l(i + 1))
            && lexicon::is_plural_unit(self.l(i + 1))
        {
            let _ = u;
            return found(i + 2, TimexType::Date, "PAST_REF".into());
        }
        let (n, used) = match self.number_at(i) {
            Some(x) => (Some(x.0), x.1),
            None if matches!(self.l(i), "few" | "several" | "many") => (None, 1),
            None => return None,
        };
        let mut j = i + used;
        let hyphenated = self.w(j) == "-";
        if hyphenated {
            j += 1;
        }
        let unit_word = self.l(j);
        let unit = *LEXICON.units.get(unit_word)?;
        if hyphenated && lexicon::is_plural_unit(unit_word) {
            return None;
        }
        if n == Some(1) && lexicon::is_plural_unit(unit_word) && !matches!(self.l(i), "one" | "1") {
            return None;
        }
        if matches!(self.l(j + 1), "ago" | "earlier" | "before") && !hyphenated {
            let dir_past = self.l(j + 1) != "later";
            let value = match (self.reference, n) {
                (Some(r), Some(n)) if self.l(j + 1) == "ago" => {
                    resolve::shift(r, unit, -i64::from(n) * i64::from(dir_past))?
                }
                _ if self.l(j + 1) == "ago" => "PAST_REF".into(),
                _ => return found(j + 1, TimexType::Duration, duration_value(n, unit)),
            };
            return found(j + 2, TimexType::Date, value);
        }
        found(j + 1, TimexType::Duration, duration_value(n, unit))
    }

    /// A bare plural unit (`for years`, `just months before`).
    fn bare_unit(&self, i: usize) -> Option<Found> {
        let w = self.l(i);
        let unit = *LEXICON.units.get(w)?;
        if !lexicon::is_plural_unit(w)
            || matches!(unit, Unit::Second | Unit::Minute | Unit::Quarter)
        {
            return None;
        }
        let prev = if i > 0 { self.l(i - 1) } else { "" };
        if !matches!(
            prev,
            "for" | "just" | "over" | "within" | "in" | "took" | "lasted" | "spent" | "after"
        ) {
            return None;
        }
        found(i + 1, TimexType::Duration, duration_value(None, unit))
    }

    /// A four-digit year, or a decade `1990s` / `'90s`.
    fn year(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if let Some(y) = year_number(w) {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let next = self.l(i + 1);
            if matches!(prev, "$" | "€" | "£" | "#" | "No." | "no.")
                || matches!(next, "%" | "percent" | "per")
            {
                return None;
            }
            if !(1800..=2099).contains(&y)
                && !matches!(
                    self.l(i.wrapping_sub(1)),
                    "in" | "since" | "of" | "from" | "until" | "by" | "year"
                )
            {
                return None;
            }
            return found(i + 1, TimexType::Date, format!("{y:04}"));
        }
        let decade = w.strip_suffix('s')?;
        if decade.len() == 4
            && decade.ends_with('0')
            && let Some(y) = year_number(decade)
        {
            return found(i + 1, TimexType::Date, format!("{:03}", y / 10));
        }
        if let Some(d) = decade
            .strip_prefix('\'')
            .or_else(|| decade.strip_prefix('’'))
            && d.len() == 2
            && d.ends_with('0')
            && let Some(n) = parse_u32(d)
        {
            let century = match self.reference {
                Some(r) if i64::from(n) + 1900 > i64::from(r.year()) => 190,
                _ if n <= 20 => 200,
                _ => 190,
            };
            return found(i + 1, TimexType::Date, format!("{}", century + n / 10));
        }
        None
    }
}

fn duration_value(n: Option<u32>, unit: Unit) -> String {
    let (code, time) = unit.duration_code();
    let t = if time { "T" } else { "" };
    match n {
        Some(n) => format!("P{t}{n}{code}"),
        None => format!("P{t}X{code}"),
    }
}

impl TemporalTagger {
    /// Finds the time expressions of `text` (already tokenized), resolving
    /// relative ones against `reference`; without it they keep underspecified
    /// values (`XXXX-01`, `XXXX-WXX-4`, `PAST_REF`). Spans are byte offsets,
    /// sorted and non-overlapping.
    #[must_use]
    pub fn tag(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        reference: Option<Date>,
    ) -> Vec<Timex> {
        let mut sentence_of = vec![(0, tokens.len()); tokens.len()];
        for s in sentences {
            for slot in sentence_of
                .iter_mut()
                .take(s.token_end.min(tokens.len()))
                .skip(s.token_start)
            {
                *slot = (s.token_start, s.token_end);
            }
        }
        let ctx = Ctx {
            text,
            tokens,
            lower: tokens
                .iter()
                .map(|t| text[t.start..t.end].to_lowercase())
                .collect(),
            sentence_of,
            reference,
            order: self.date_order,
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let f = ctx
                .explicit(i)
                .or_else(|| ctx.weekday(i))
                .or_else(|| ctx.month_first(i))
                .or_else(|| ctx.day_first(i))
                .or_else(|| ctx.deictic(i))
                .or_else(|| ctx.quantity(i))
                .or_else(|| ctx.bare_unit(i))
                .or_else(|| ctx.year(i));
            match f {
                Some(f) if f.end_tok > i && f.end_tok <= tokens.len() => {
                    out.push(Timex {
                        start: tokens[i].start,
                        end: tokens[f.end_tok - 1].end,
                        timex_type: f.timex_type,
                        value: f.value,
                        modifier: f.modifier,
                    });
                    i = f.end_tok;
                }
                _ => i += 1,
            }
        }
        out
    }
}
