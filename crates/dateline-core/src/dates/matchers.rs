//! The matchers of the temporal tagger: each looks at one token position and
//! returns the expression that starts there, if any. Modifiers before an
//! expression (`last`, `early`, `nearly`, `the past`) are handled in
//! `extend.rs`.

use std::borrow::Cow;

use super::lexicon::{LEXICON, Unit};
use super::resolve::{self, Tense};
use super::{DateOrder, TimexType};
use crate::civil::Date;
use crate::tokenize::{Sentence, Token};

/// What kind of expression a match is, so that modifiers know what they may
/// attach to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A calendar date, month-and-year, clock time or other fixed point.
    Point,
    /// A month named without a year.
    Month,
    /// A weekday named alone.
    Weekday,
    /// A season.
    Season,
    /// A quarter or half of a year.
    Quarter,
    /// A year or decade.
    Year,
    /// A duration with a count.
    Duration,
    /// A vague duration (`years`, `few months`).
    VagueDuration,
    /// `N units ago`.
    Ago,
    /// A reference word (`now`, `the past`).
    Ref,
    /// A recurring time.
    Set,
}

/// One recognised expression before it becomes a [`super::Timex`].
pub(super) struct Found {
    pub start_tok: usize,
    pub end_tok: usize,
    pub timex_type: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
    pub kind: Kind,
    /// TIMEX3 `freq` of a set (`2X` for `twice a week`).
    pub freq: Option<String>,
    /// TIMEX3 `quant` of a set (`EVERY`).
    pub quant: Option<&'static str>,
}

pub(super) fn found(
    start_tok: usize,
    end_tok: usize,
    timex_type: TimexType,
    kind: Kind,
    value: String,
) -> Option<Found> {
    Some(Found { start_tok, end_tok, timex_type, value, modifier: None, kind, freq: None, quant: None })
}

/// `w` in lower case, borrowed when it has no upper-case letter.
fn lowercase(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) { Cow::Owned(w.to_ascii_lowercase()) } else { Cow::Borrowed(w) }
    } else if w.chars().any(char::is_uppercase) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

pub(super) struct Ctx<'a> {
    text: &'a str,
    pub(super) tokens: &'a [Token],
    lower: Vec<Cow<'a, str>>,
    sentence_of: Vec<(usize, usize)>,
    pub(super) reference: Option<Date>,
    pub(super) order: DateOrder,
    /// The value of the last fully specified DATE found so far (for `a year earlier`).
    pub(super) anchor: Option<String>,
    /// The last concrete value of each granularity (day, week, month,
    /// quarter, year), with its position, for anaphora (`that day`).
    pub(super) anchors: [Option<(usize, String)>; 5],
}

pub(super) fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `5`, `05`, `5th`, `22nd`: a day of the month.
pub(super) fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    parse_u32(digits).filter(|d| (1..=31).contains(d))
}

pub(super) fn year_number(w: &str) -> Option<i32> {
    if w.len() != 4 {
        return None;
    }
    parse_u32(w).and_then(|y| i32::try_from(y).ok()).filter(|y| (1000..=2099).contains(y))
}

pub(super) fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The TIMEX3 duration value of `n` units (`None`: unknown count, `X`).
pub(super) fn duration_value(n: Option<u32>, unit: Unit) -> String {
    if unit == Unit::Decade
        && let Some(n) = n
    {
        return format!("P{}Y", n * 10);
    }
    let (code, time) = unit.duration_code();
    let t = if time { "T" } else { "" };
    match n {
        Some(n) => format!("P{t}{n}{code}"),
        None => format!("P{t}X{code}"),
    }
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &[Sentence],
        reference: Option<Date>,
        order: DateOrder,
    ) -> Self {
        let mut sentence_of = vec![(0, tokens.len()); tokens.len()];
        for s in sentences {
            for slot in sentence_of.iter_mut().take(s.token_end.min(tokens.len())).skip(s.token_start) {
                *slot = (s.token_start, s.token_end);
            }
        }
        Self {
            text,
            tokens,
            lower: tokens.iter().map(|t| lowercase(&text[t.start..t.end])).collect(),
            sentence_of,
            reference,
            order,
            anchor: None,
            anchors: Default::default(),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.tokens.len()
    }

    pub(super) fn w(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub(super) fn l(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", AsRef::as_ref)
    }

    /// Whether tokens `i` and `i + 1` are written together (no space between).
    pub(super) fn joined(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    pub(super) fn tense(&self, start: usize, end: usize) -> Tense {
        let (s, e) = self.sentence_of.get(start).copied().unwrap_or((0, self.len()));
        resolve::tense(&self.lower, start, end, s, e)
    }

    pub(super) fn month_at(&self, i: usize) -> Option<u32> {
        let w = self.w(i);
        if !is_capitalized(w) {
            return None;
        }
        LEXICON.months.get(self.l(i)).copied()
    }

    /// A count: digits or a number word, with `twenty - four` and `twenty four`
    /// compounds and `a couple of`. Returns (value, tokens used).
    pub(super) fn number_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = parse_u32(&self.w(i).replace(',', "")).filter(|n| *n < 100_000) {
            return Some((n, 1));
        }
        let n = *LEXICON.numbers.get(self.l(i))?;
        if n == 2 && self.l(i) == "couple" {
            return Some((2, if self.l(i + 1) == "of" { 2 } else { 1 }));
        }
        if (20..100).contains(&n) {
            let (k, skip) = if self.l(i + 1) == "-" { (i + 2, 3) } else { (i + 1, 2) };
            if let Some(&u) = LEXICON.numbers.get(self.l(k))
                && (1..10).contains(&u)
                && !matches!(self.l(k), "a" | "an")
            {
                return Some((n + u, skip));
            }
        }
        Some((n, 1))
    }

    /// The date of a weekday, month or season resolved in direction `dir`
    /// (from a modifier such as `last`) or by the clause's tense.
    pub(super) fn direction(&self, dir: Option<Tense>, start: usize, end: usize) -> Tense {
        dir.unwrap_or_else(|| self.tense(start, end))
    }

    /// All matchers, in priority order, at token `i`.
    pub(super) fn core(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
        self.explicit(i)
            .or_else(|| self.clock(i))
            .or_else(|| self.holiday(i, dir))
            .or_else(|| self.weekday(i, dir))
            .or_else(|| self.month_first(i, dir))
            .or_else(|| self.day_first(i))
            .or_else(|| self.season(i, dir))
            .or_else(|| self.week(i))
            .or_else(|| self.quarter(i, dir))
            .or_else(|| self.deictic(i))
            .or_else(|| self.set(i))
            .or_else(|| self.quantity(i))
            .or_else(|| self.bare_unit(i))
            .or_else(|| self.year(i))
            .or_else(|| self.reference_word(i))
    }
}

/// A DATE found from token `start` to `end` with `value`.
pub(super) fn date_found(start: usize, end: usize, value: String) -> Found {
    Found {
        start_tok: start,
        end_tok: end,
        timex_type: TimexType::Date,
        value,
        modifier: None,
        kind: Kind::Point,
        freq: None,
        quant: None,
    }
}
