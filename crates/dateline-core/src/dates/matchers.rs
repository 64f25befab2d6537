//! The matchers of the temporal tagger: each looks at one token position and
//! returns the expression that starts there, if any. Modifiers before an
//! expression (`last`, `early`, `nearly`, `the past`) are handled in
//! `extend.rs`.

use super::lexicon::{self, LEXICON, Unit};
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
}

fn found(start_tok: usize, end_tok: usize, timex_type: TimexType, kind: Kind, value: String) -> Option<Found> {
    Some(Found { start_tok, end_tok, timex_type, value, modifier: None, kind })
}

pub(super) struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: Vec<String>,
    sentence_of: Vec<(usize, usize)>,
    pub(super) reference: Option<Date>,
    order: DateOrder,
    /// The value of the last fully specified DATE found so far (for `a year earlier`).
    pub(super) anchor: Option<String>,
}

pub(super) fn parse_u32(s: &str) -> Option<u32> {
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
    parse_u32(w).and_then(|y| i32::try_from(y).ok()).filter(|y| (1000..=2099).contains(y))
}

fn is_capitalized(w: &str) -> bool {
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
            lower: tokens.iter().map(|t| text[t.start..t.end].to_lowercase()).collect(),
            sentence_of,
            reference,
            order,
            anchor: None,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.tokens.len()
    }

    pub(super) fn w(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub(super) fn l(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    /// Whether tokens `i` and `i + 1` are written together (no space between).
    fn joined(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    pub(super) fn tense(&self, start: usize, end: usize) -> Tense {
        let (s, e) = self.sentence_of.get(start).copied().unwrap_or((0, self.len()));
        resolve::tense(&self.lower, start, end, s, e)
    }

    fn month_at(&self, i: usize) -> Option<u32> {
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
    fn direction(&self, dir: Option<Tense>, start: usize, end: usize) -> Tense {
        dir.unwrap_or_else(|| self.tense(start, end))
    }

    /// All matchers, in priority order, at token `i`.
    pub(super) fn core(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
        self.explicit(i)
            .or_else(|| self.clock(i))
            .or_else(|| self.weekday(i, dir))
            .or_else(|| self.month_first(i, dir))
            .or_else(|| self.day_first(i))
            .or_else(|| self.season(i, dir))
            .or_else(|| self.quarter(i, dir))
            .or_else(|| self.deictic(i))
            .or_else(|| self.set(i))
            .or_else(|| self.quantity(i))
            .or_else(|| self.bare_unit(i))
            .or_else(|| self.year(i))
            .or_else(|| self.reference_word(i))
    }

    fn explicit(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if w.len() >= 10 && w.as_bytes()[4] == b'-' && w.is_char_boundary(10) {
            if let Ok(d) = Date::parse_iso(&w[..10]) {
                if w.len() == 10 {
                    return found(i, i + 1, TimexType::Date, Kind::Point, d.to_string());
                }
                let rest = w[10..].strip_prefix(['T', 't'])?;
                let hm: Vec<&str> = rest.split(':').collect();
                if hm.len() >= 2
                    && let (Some(h), Some(m)) = (parse_u32(hm[0]), hm[1].get(..2).and_then(parse_u32))
                    && h < 24
                    && m < 60
                {
                    return found(i, i + 1, TimexType::Time, Kind::Point, format!("{d}T{h:02}:{m:02}"));
                }
            }
        }
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
            return found(i, i + 1, TimexType::Date, Kind::Point, date.to_string());
        }
        None
    }

    /// A date for `month`/`day` without a year.
    fn month_day_value(&self, month: u32, day: u32, tense: Tense) -> String {
        match self.reference {
            Some(r) => {
                let y = resolve::month_day_year(r, month, Some(day), tense);
                Date::checked(y, month, day).map_or_else(|| format!("XXXX-{month:02}-{day:02}"), |d| d.to_string())
            }
            None => format!("XXXX-{month:02}-{day:02}"),
        }
    }

    /// A year after a date: `2026`, `'26` is not taken; `of 2026`; `this year`.
    fn trailing_year(&self, k: usize) -> Option<(i32, usize)> {
        let mut k = k;
        if self.w(k) == "," || self.l(k) == "of" {
            k += 1;
        }
        if let Some(y) = year_number(self.w(k)) {
            return Some((y, k + 1));
        }
        if let Some((y, used)) = self.spelled_year(k) {
            return Some((y, k + used));
        }
        let r = self.reference?;
        let n = match (self.l(k), self.l(k + 1)) {
            ("this", "year") => 0,
            ("last", "year") => -1,
            ("next", "year") => 1,
            _ => return None,
        };
        Some((r.year() + n, k + 2))
    }

    /// `March 5, 2026`, `March 5`, `March 2026`, `March`, `March of last year`.
    fn month_first(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
        let month = self.month_at(i)?;
        let j = i + 1;
        if let Some(day) = day_number(self.w(j)) {
            if let Some((y, end)) = self.trailing_year(j + 1) {
                let d = Date::checked(y, month, day)?;
                return found(i, end, TimexType::Date, Kind::Point, d.to_string());
            }
            let t = self.direction(dir, i, j + 1);
            return found(i, j + 1, TimexType::Date, Kind::Point, self.month_day_value(month, day, t));
        }
        if let Some((y, end)) = self.trailing_year(j) {
            return found(i, end, TimexType::Date, Kind::Point, format!("{y:04}-{month:02}"));
        }
        // A month alone. `May` and `March` are also ordinary words.
        let prev = if i > 0 { self.l(i - 1) } else { "" };
        let ok = match self.l(i) {
            "may" | "march" => {
                dir.is_some()
                    || matches!(
                        prev,
                        "in" | "since"
                            | "until"
                            | "by"
                            | "early"
                            | "late"
                            | "mid"
                            | "of"
                            | "from"
                            | "through"
                            | "till"
                            | "before"
                            | "after"
                            | "during"
                            | "last"
                            | "next"
                            | "this"
                    )
            }
            // Abbreviations without a period (`Jan`) are also names.
            w if w.len() <= 4 && !w.ends_with('.') && !matches!(w, "june" | "july") => false,
            w => !w.ends_with('.') || self.w(i).len() > 4 || matches!(prev, "in" | "since" | "until" | "by"),
        };
        if !ok {
            return None;
        }
        let value = match self.reference {
            Some(r) => format!("{:04}-{month:02}", resolve::month_year(r, month, self.direction(dir, i, j))),
            None => format!("XXXX-{month:02}"),
        };
        found(i, j, TimexType::Date, Kind::Month, value)
    }

    /// `5 March 2026`, `5th of March`.
    fn day_first(&self, i: usize) -> Option<Found> {
        let day = day_number(self.w(i))?;
        let mut j = i + 1;
        if self.l(j) == "of" {
            j += 1;
        }
        let month = self.month_at(j)?;
        j += 1;
        if let Some((y, end)) = self.trailing_year(j) {
            return found(i, end, TimexType::Date, Kind::Point, Date::checked(y, month, day)?.to_string());
        }
        let t = self.tense(i, j);
        found(i, j, TimexType::Date, Kind::Point, self.month_day_value(month, day, t))
    }

    /// Weekdays, with a part of day (`Thursday evening`) or a full date
    /// (`Thursday, March 5, 2026`); plural weekdays are sets.
    fn weekday(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
        if !is_capitalized(self.w(i)) {
            return None;
        }
        let l = self.l(i);
        let (wd, plural) = match LEXICON.weekdays.get(l) {
            Some(&wd) => (wd, false),
            None => (*LEXICON.weekdays.get(l.strip_suffix('s')?)?, true),
        };
        if plural {
            let (part, end) = match LEXICON.day_parts.get(self.l(i + 1).trim_end_matches('s')) {
                Some(p) => (format!("T{p}"), i + 2),
                None => (String::new(), i + 1),
            };
            return found(i, end, TimexType::Set, Kind::Set, format!("XXXX-WXX-{wd}{part}"));
        }
        let mut j = i + 1;
        if self.w(j) == "," {
            j += 1;
        }
        if let Some(mut f) = self.month_first(j, None).or_else(|| self.day_first(j))
            && f.kind == Kind::Point
        {
            f.start_tok = i;
            return Some(f);
        }
        let t = self.direction(dir, i, i + 1);
        let date = self.reference.map(|r| resolve::weekday(r, wd, t).to_string());
        if let Some(&part) = LEXICON.day_parts.get(self.l(i + 1)) {
            let v = date.map_or_else(|| format!("XXXX-WXX-{wd}T{part}"), |d| format!("{d}T{part}"));
            return found(i, i + 2, TimexType::Time, Kind::Point, v);
        }
        let v = date.unwrap_or_else(|| format!("XXXX-WXX-{wd}"));
        found(i, i + 1, TimexType::Date, Kind::Weekday, v)
    }

    /// Clock times: `9:30 a.m.`, `10 p.m.`, `noon`, `midnight`, optionally
    /// followed by a day (`10 p.m. Wednesday`, `noon today`).
    fn clock(&self, i: usize) -> Option<Found> {
        let w = self.l(i);
        let (mut h, m, mut j) = match w {
            "noon" | "midday" => (12, 0, i + 1),
            "midnight" => (24, 0, i + 1),
            _ => {
                let (hh, mm) = match w.split_once(':') {
                    Some((a, b)) if b.len() == 2 => (parse_u32(a)?, parse_u32(b)?),
                    None => (parse_u32(w).filter(|_| w.len() <= 2)?, 0),
                    _ => return None,
                };
                let ampm = self.l(i + 1);
                let is_ampm = matches!(ampm, "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m");
                if !w.contains(':') && !is_ampm {
                    return None;
                }
                if hh > 24 || mm > 59 {
                    return None;
                }
                let hh = match ampm {
                    "p.m." | "pm" | "p.m" if hh < 12 => hh + 12,
                    "a.m." | "am" | "a.m" if hh == 12 => 0,
                    _ => hh,
                };
                (hh, mm, if is_ampm { i + 2 } else { i + 1 })
            }
        };
        if !w.contains(':') && !matches!(w, "noon" | "midday" | "midnight") && j == i + 1 {
            return None;
        }
        // Time zones written after the time (`EST`, `GMT`) belong to it.
        if matches!(self.l(j), "est" | "edt" | "gmt" | "utc" | "pst" | "pdt" | "cst" | "cdt" | "et") {
            j += 1;
        }
        let mut day = self.reference;
        let mut end = j;
        let mut k = j;
        if matches!(self.l(k), "on" | ",") && LEXICON.weekdays.contains_key(self.l(k + 1)) {
            k += 1;
        }
        if let Some(&wd) = LEXICON.weekdays.get(self.l(k)).filter(|_| is_capitalized(self.w(k))) {
            day = self.reference.map(|r| resolve::weekday(r, wd, self.tense(i, k + 1)));
            end = k + 1;
        } else {
            match self.l(j) {
                "today" | "tonight" => end = j + 1,
                "yesterday" => {
                    day = self.reference.map(|r| r.add_days(-1));
                    end = j + 1;
                }
                "tomorrow" => {
                    day = self.reference.map(|r| r.add_days(1));
                    end = j + 1;
                }
                _ => {}
            }
        }
        if h == 24 {
            h = 24;
        }
        let hm = if m == 0 && h == 24 { "T24".to_owned() } else { format!("T{h:02}:{m:02}") };
        let v = day.map_or_else(|| format!("XXXX-XX-XX{hm}"), |d| format!("{d}{hm}"));
        found(i, end, TimexType::Time, Kind::Point, v)
    }

    /// `summer`, `the summer of 1994`, `summer 2026`.
    fn season(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
        let code = *LEXICON.seasons.get(self.l(i))?;
        if self.l(i) == "fall"
            && dir.is_none()
            && !matches!(self.l(i.wrapping_sub(1)), "the" | "this" | "last" | "next" | "in" | "early" | "late")
        {
            return None;
        }
        if let Some((y, end)) = self.trailing_year(i + 1) {
            return found(i, end, TimexType::Date, Kind::Point, format!("{y:04}-{code}"));
        }
        let value = match self.reference {
            Some(r) => {
                let season_month = match code {
                    "SP" => 4,
                    "SU" => 7,
                    "FA" => 10,
                    _ => 1,
                };
                let y = match self.direction(dir, i, i + 1) {
                    Tense::Past if season_month > r.month() + 1 => r.year() - 1,
                    Tense::Future if season_month + 1 < r.month() => r.year() + 1,
                    _ => r.year(),
                };
                format!("{y:04}-{code}")
            }
            None => format!("XXXX-{code}"),
        };
        found(i, i + 1, TimexType::Date, Kind::Season, value)
    }

    /// `third quarter`, `third-quarter`, `fiscal first quarter`, `first half`,
    /// `the quarter`, `the year-earlier quarter`.
    fn quarter(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
        let mut j = i;
        if self.l(j) == "fiscal" {
            j += 1;
        }
        let (ord, unit_at) = match LEXICON.ordinals.get(self.l(j)) {
            Some(&n) if (1..=4).contains(&n) => {
                let k = if self.l(j + 1) == "-" && self.joined(j) { j + 2 } else { j + 1 };
                (Some(n), k)
            }
            _ => (None, j),
        };
        let unit = self.l(unit_at);
        let half = unit == "half";
        if unit != "quarter" && !half {
            return None;
        }
        if half && !matches!(ord, Some(1 | 2)) {
            return None;
        }
        let r = self.reference;
        let end = unit_at + 1;
        // A year after it: `third quarter of 1990`, `1990's`.
        if let Some((y, e)) = self.trailing_year(end) {
            let v = match (ord, half) {
                (Some(n), false) => format!("{y:04}-Q{n}"),
                (Some(n), true) => format!("{y:04}-H{n}"),
                (None, _) => format!("{y:04}-QX"),
            };
            return found(i, e, TimexType::Date, Kind::Point, v);
        }
        let Some(r) = r else {
            let v = match (ord, half) {
                (Some(n), false) => format!("XXXX-Q{n}"),
                (Some(n), true) => format!("XXXX-H{n}"),
                (None, _) => "XXXX-QX".to_owned(),
            };
            return found(i, end, TimexType::Date, Kind::Quarter, v);
        };
        let current_q = (r.month() - 1) / 3 + 1;
        let v = match (ord, half) {
            (Some(n), false) => {
                let y = match dir {
                    Some(Tense::Future) if n <= current_q => r.year() + 1,
                    Some(Tense::Past) if n >= current_q => r.year() - 1,
                    _ if n > current_q => r.year() - 1,
                    _ => r.year(),
                };
                format!("{y:04}-Q{n}")
            }
            (Some(n), true) => format!("{:04}-H{n}", r.year()),
            // `the quarter`: the quarter a news report is about, the last complete one.
            (None, _) => {
                if i == 0
                    || !matches!(
                        self.l(i - 1),
                        "the"
                            | "latest"
                            | "current"
                            | "year-earlier"
                            | "year-ago"
                            | "same"
                            | "recent"
                            | "previous"
                            | "last"
                            | "this"
                            | "next"
                    )
                {
                    return None;
                }
                resolve::shift(r, Unit::Quarter, -1)?
            }
        };
        found(i, end, TimexType::Date, Kind::Quarter, v)
    }

    fn deictic(&self, i: usize) -> Option<Found> {
        let r = self.reference;
        let day = |n: i64| r.map(|d| d.add_days(n));
        let (date, vague) = match self.l(i) {
            "today" => (day(0), "PRESENT_REF"),
            "yesterday" => (day(-1), "PAST_REF"),
            "tomorrow" => (day(1), "FUTURE_REF"),
            "tonight" => {
                return found(
                    i,
                    i + 1,
                    TimexType::Time,
                    Kind::Point,
                    r.map_or_else(|| "PRESENT_REF".into(), |d| format!("{d}TNI")),
                );
            }
            "this" | "last" | "next" | "past" | "coming" => return self.relative(i),
            _ => return None,
        };
        if let Some(&part) = LEXICON.day_parts.get(self.l(i + 1)) {
            let v = date.map_or_else(|| vague.to_owned(), |d| format!("{d}T{part}"));
            return found(i, i + 2, TimexType::Time, Kind::Point, v);
        }
        found(i, i + 1, TimexType::Date, Kind::Point, date.map_or_else(|| vague.to_owned(), |d| d.to_string()))
    }

    /// `last year`, `next month`, `this week`, `last weekend`, `this morning`.
    fn relative(&self, i: usize) -> Option<Found> {
        let r = self.reference;
        let n: i64 = match self.l(i) {
            "last" | "past" => -1,
            "next" | "coming" => 1,
            _ => 0,
        };
        let unit = self.l(i + 1);
        if unit == "weekend" {
            let v = r
                .and_then(|d| resolve::shift(d, Unit::Week, n))
                .map_or_else(|| "XXXX-WXX-WE".into(), |v| format!("{v}-WE"));
            return found(i, i + 2, TimexType::Date, Kind::Point, v);
        }
        if let Some(&part) = LEXICON.day_parts.get(unit)
            && n == 0
            && unit != "night"
        {
            let v = r.map_or_else(|| "PRESENT_REF".into(), |d| format!("{d}T{part}"));
            return found(i, i + 2, TimexType::Time, Kind::Point, v);
        }
        if unit == "night" && n <= 0 {
            let v = r.map_or_else(|| "PAST_REF".into(), |d| format!("{}TNI", d.add_days(n)));
            return found(i, i + 2, TimexType::Time, Kind::Point, v);
        }
        let u = *LEXICON.units.get(unit)?;
        if lexicon::is_plural_unit(unit) || matches!(u, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day) {
            return None;
        }
        let v = match r {
            Some(d) => resolve::shift(d, u, n)?,
            None if n < 0 => "PAST_REF".into(),
            None if n > 0 => "FUTURE_REF".into(),
            None => "PRESENT_REF".into(),
        };
        found(i, i + 2, TimexType::Date, Kind::Point, v)
    }

    /// Recurring times: `daily`, `each Thursday`, `every year`, `twice a week`.
    fn set(&self, i: usize) -> Option<Found> {
        if let Some(&v) = LEXICON.set_words.get(self.l(i)) {
            return found(i, i + 1, TimexType::Set, Kind::Set, v.to_owned());
        }
        if matches!(self.l(i), "each" | "every" | "per") {
            let j = i + 1;
            if let Some(&wd) = LEXICON.weekdays.get(self.l(j)) {
                return found(i, j + 1, TimexType::Set, Kind::Set, format!("XXXX-WXX-{wd}"));
            }
            if let Some(m) = self.month_at(j) {
                return found(i, j + 1, TimexType::Set, Kind::Set, format!("XXXX-{m:02}"));
            }
            let (n, k) = match self.number_at(j) {
                Some((n, used)) if !matches!(self.l(j), "a" | "an") => (n, j + used),
                _ => (1, j),
            };
            let u = *LEXICON.units.get(self.l(k))?;
            return found(i, k + 1, TimexType::Set, Kind::Set, duration_value(Some(n), u));
        }
        if matches!(self.l(i), "a" | "an")
            && i > 0
            && matches!(self.l(i - 1), "once" | "twice" | "times")
            && let Some(&u) = LEXICON.units.get(self.l(i + 1))
        {
            return found(i, i + 2, TimexType::Set, Kind::Set, duration_value(Some(1), u));
        }
        None
    }

    /// `two days`, `a year`, `24 hours`, `two-day`, `three years ago`,
    /// `a year earlier`, `a year and a half`.
    fn quantity(&self, i: usize) -> Option<Found> {
        if self.l(i) == "the" && matches!(self.l(i + 1), "coming" | "next" | "past" | "last" | "recent") {
            let mut j = i + 2;
            if matches!(self.l(j), "few" | "several") {
                j += 1;
            }
            let unit = self.l(j);
            if LEXICON.units.contains_key(unit) && lexicon::is_plural_unit(unit) {
                let future = matches!(self.l(i + 1), "coming" | "next");
                if j == i + 2 && matches!(self.l(i + 1), "coming" | "recent") {
                    let v = if future { "FUTURE_REF" } else { "PAST_REF" };
                    return found(i, j + 1, TimexType::Date, Kind::Ref, v.into());
                }
                return found(
                    i,
                    j + 1,
                    TimexType::Duration,
                    Kind::VagueDuration,
                    duration_value(None, *LEXICON.units.get(unit)?),
                );
            }
            return None;
        }
        if matches!(self.l(i), "recent" | "coming")
            && LEXICON.units.contains_key(self.l(i + 1))
            && lexicon::is_plural_unit(self.l(i + 1))
        {
            if self.l(i) == "coming" {
                return found(i, i + 2, TimexType::Date, Kind::Ref, "FUTURE_REF".into());
            }
            return found(
                i,
                i + 2,
                TimexType::Duration,
                Kind::VagueDuration,
                duration_value(None, *LEXICON.units.get(self.l(i + 1))?),
            );
        }
        let (n, used) = match self.number_at(i) {
            Some(x) => (Some(x.0), x.1),
            None if matches!(self.l(i), "few" | "several" | "many") => (None, 1),
            None => return None,
        };
        let mut j = i + used;
        if n.is_none() || matches!(self.l(i), "a" | "an") {
            // `a few years`, `several months`
            if matches!(self.l(j), "few" | "several") {
                j += 1;
            }
        }
        let vague = n.is_none() || matches!(self.l(j.wrapping_sub(1)), "few" | "several");
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
        let n = if vague { None } else { n };
        let mut end = j + 1;
        if hyphenated && self.w(end) == "-" && self.l(end + 1) == "old" {
            return None; // ages (`a 6-year-old`) are not time expressions
        }
        // `a year and a half`
        let mut value = duration_value(n, unit);
        if matches!((self.l(end), self.l(end + 1), self.l(end + 2)), ("and", "a", "half"))
            && let Some(n) = n
        {
            value = match unit {
                Unit::Year => format!("P{n}Y6M"),
                Unit::Hour => format!("PT{n}H30M"),
                Unit::Minute => format!("PT{n}M30S"),
                Unit::Day => format!("P{n}DT12H"),
                _ => value,
            };
            end += 3;
        }
        if hyphenated {
            return found(i, end, TimexType::Duration, Kind::Duration, value);
        }
        match self.l(end) {
            "ago" | "earlier" | "later" | "before" | "after" => {
                let word = self.l(end);
                if matches!(word, "before" | "after")
                    || (word != "ago" && matches!(unit, Unit::Second | Unit::Minute | Unit::Hour))
                {
                    return found(
                        i,
                        end,
                        TimexType::Duration,
                        if vague { Kind::VagueDuration } else { Kind::Duration },
                        value,
                    );
                }
                let sign: i64 = if word == "later" { 1 } else { -1 };
                let v = match (self.reference, n) {
                    (Some(_), Some(n)) if word == "ago" && unit == Unit::Year && self.anchor_quarter().is_some() => {
                        let a = self.anchor_quarter()?;
                        let y: i64 = a[..4].parse().ok()?;
                        format!("{:04}{}", y - i64::from(n), &a[4..])
                    }
                    (Some(r), Some(n)) if word == "ago" => resolve::shift(r, unit, sign * i64::from(n))?,
                    (Some(r), Some(n)) => self.shift_anchor(r, unit, sign * i64::from(n))?,
                    (_, None) if word == "ago" => "PAST_REF".into(),
                    _ => return found(i, end, TimexType::Duration, Kind::Duration, value),
                };
                return found(i, end + 1, TimexType::Date, Kind::Ago, v);
            }
            _ => {}
        }
        found(i, end, TimexType::Duration, if vague { Kind::VagueDuration } else { Kind::Duration }, value)
    }

    /// The anchor, if it is a quarter (`1989-Q3`).
    fn anchor_quarter(&self) -> Option<&str> {
        self.anchor.as_deref().filter(|a| a.len() == 7 && a.as_bytes()[5] == b'Q')
    }

    /// The last explicit date shifted by `n` units (`a year earlier`), at the
    /// anchor's granularity when it is a quarter; the reference date without one.
    fn shift_anchor(&self, reference: Date, unit: Unit, n: i64) -> Option<String> {
        if let Some(a) = self.anchor.as_deref() {
            if unit == Unit::Year && a.len() == 7 && a.as_bytes()[5] == b'Q' {
                let y: i64 = a[..4].parse().ok()?;
                return Some(format!("{:04}-{}", y + n, &a[5..]));
            }
            if let Ok(d) = Date::parse_iso(a) {
                return resolve::shift(d, unit, n);
            }
            if a.len() == 4
                && let Ok(y) = a.parse::<i32>()
            {
                return resolve::shift(Date::checked(y, 7, 1)?, unit, n);
            }
        }
        resolve::shift(reference, unit, n)
    }

    /// A bare plural unit (`for years`, `just months before`).
    fn bare_unit(&self, i: usize) -> Option<Found> {
        let w = self.l(i);
        let unit = *LEXICON.units.get(w)?;
        if !lexicon::is_plural_unit(w) || matches!(unit, Unit::Second | Unit::Minute | Unit::Quarter) {
            return None;
        }
        let prev = if i > 0 { self.l(i - 1) } else { "" };
        if !matches!(prev, "for" | "just" | "over" | "within" | "in" | "took" | "lasted" | "spent" | "after" | "the") {
            return None;
        }
        if prev == "the" && !matches!(self.l(i + 1), "ahead" | "since" | "before") {
            return None;
        }
        let mut end = i + 1;
        if self.l(i + 1) == "ahead" {
            end += 1;
        }
        found(i, end, TimexType::Duration, Kind::VagueDuration, duration_value(None, unit))
    }

    /// `nineteen ninety-six`, `two thousand`: (year, tokens used).
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let hundreds = *LEXICON.numbers.get(self.l(i))?;
        if self.l(i) == "two" && self.l(i + 1) == "thousand" {
            let mut used = 2;
            let mut y = 2000;
            if self.l(i + 2) == "and" {
                used += 1;
            }
            if let Some((n, u)) = self.number_at(i + used).filter(|(n, _)| *n < 100) {
                y += i32::try_from(n).ok()?;
                used += u;
            }
            return Some((y, used));
        }
        if !(10..=20).contains(&hundreds) || matches!(self.l(i), "dozen" | "a" | "an") {
            return None;
        }
        let (rest, used) = self.number_at(i + 1)?;
        if !(10..100).contains(&rest) || parse_u32(self.w(i + 1)).is_some() {
            return None;
        }
        Some((i32::try_from(hundreds * 100 + rest).ok()?, 1 + used))
    }

    /// A four-digit year, a spelled-out year, a decade (`1990s`, `'90s`,
    /// `the nineties`), a century (`20th century`), `mid-1996`.
    fn year(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if let Some(rest) = self.l(i).strip_prefix("mid-")
            && let Some(y) = year_number(rest)
        {
            let mut f = found(i, i + 1, TimexType::Date, Kind::Year, format!("{y:04}"))?;
            f.modifier = Some("MID");
            return Some(f);
        }
        if let Some(y) = year_number(w) {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let next = self.l(i + 1);
            let money_or_number = matches!(prev, "$" | "€" | "£" | "#" | "No." | "no.");
            let unit_after = matches!(next, "%" | "percent" | "per");
            let count_range =
                next == "to" && parse_u32(self.w(i + 2)).is_some() && year_number(self.w(i + 2)).is_none();
            if money_or_number || unit_after || count_range {
                return None;
            }
            if !(1800..=2099).contains(&y)
                && !matches!(self.l(i.wrapping_sub(1)), "in" | "since" | "of" | "from" | "until" | "by" | "year")
            {
                return None;
            }
            return found(i, i + 1, TimexType::Date, Kind::Year, format!("{y:04}"));
        }
        if let Some((y, used)) = self.spelled_year(i) {
            return found(i, i + used, TimexType::Date, Kind::Year, format!("{y:04}"));
        }
        // Centuries: `20th century`, `the nineteenth century`.
        if matches!(self.l(i + 1), "century" | "centuries") {
            let n = day_number(w).or_else(|| LEXICON.ordinals.get(self.l(i)).copied().filter(|n| *n > 0))?;
            return found(i, i + 2, TimexType::Date, Kind::Year, format!("{:02}", n - 1));
        }
        let decade_word = match self.l(i) {
            "twenties" => Some(192),
            "thirties" => Some(193),
            "forties" => Some(194),
            "fifties" => Some(195),
            "sixties" => Some(196),
            "seventies" => Some(197),
            "eighties" => Some(198),
            "nineties" => Some(199),
            _ => None,
        };
        if let Some(d) = decade_word
            && i > 0
            && self.l(i - 1) == "the"
        {
            return found(i - 1, i + 1, TimexType::Date, Kind::Year, format!("{d}"));
        }
        let decade = w.strip_suffix('s')?;
        if decade.len() == 4
            && decade.ends_with('0')
            && let Some(y) = year_number(decade)
        {
            return found(i, i + 1, TimexType::Date, Kind::Year, format!("{:03}", y / 10));
        }
        if let Some(d) = decade.strip_prefix('\'').or_else(|| decade.strip_prefix('’'))
            && d.len() == 2
            && d.ends_with('0')
            && let Some(n) = parse_u32(d)
        {
            let century = match self.reference {
                Some(r) if i64::from(n) + 1900 > i64::from(r.year()) => 190,
                _ if n <= 20 => 200,
                _ => 190,
            };
            return found(i, i + 1, TimexType::Date, Kind::Year, format!("{}", century + n / 10));
        }
        None
    }

    /// `now`, `currently`, `recently`, `the past`, `the future`, `these days`.
    fn reference_word(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        if let Some(&v) = LEXICON.ref_words.get(l) {
            // `current`/`recent` as adjectives of a time unit are handled elsewhere.
            if l == "now" && matches!(self.l(i + 1), "that" | "-") {
                return None;
            }
            return found(i, i + 1, TimexType::Date, Kind::Ref, v.to_owned());
        }
        let v = match (l, self.l(i + 1)) {
            ("the", "past") if !LEXICON.units.contains_key(self.l(i + 2)) && self.number_at(i + 2).is_none() => {
                "PAST_REF"
            }
            ("the", "future") => "FUTURE_REF",
            ("these", "days") => "PRESENT_REF",
            ("at", "present") => "PRESENT_REF",
            _ => return None,
        };
        let start = if l == "at" { i + 1 } else { i };
        found(start, i + 2, TimexType::Date, Kind::Ref, v.to_owned())
    }
}

/// A DATE found from token `start` to `end` with `value`.
pub(super) fn date_found(start: usize, end: usize, value: String) -> Found {
    Found { start_tok: start, end_tok: end, timex_type: TimexType::Date, value, modifier: None, kind: Kind::Point }
}
