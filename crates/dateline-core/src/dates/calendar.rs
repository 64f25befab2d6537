//! Calendar matchers: explicit and numeric dates, months, weekdays, clock
//! times, seasons, quarters, years, decades and centuries.

use super::lexicon::{LEXICON, Unit};
use super::matchers::{Ctx, Found, Kind, day_number, found, is_capitalized, parse_u32, year_number};
use super::resolve::{self, Tense};
use super::{DateOrder, TimexType};
use crate::civil::Date;

impl Ctx<'_> {
    pub(super) fn explicit(&self, i: usize) -> Option<Found> {
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
    pub(super) fn month_day_value(&self, month: u32, day: u32, tense: Tense) -> String {
        match self.reference {
            Some(r) => {
                let y = resolve::month_day_year(r, month, Some(day), tense);
                Date::checked(y, month, day).map_or_else(|| format!("XXXX-{month:02}-{day:02}"), |d| d.to_string())
            }
            None => format!("XXXX-{month:02}-{day:02}"),
        }
    }

    /// A year after a date: `2026`, `'26` is not taken; `of 2026`; `this year`.
    pub(super) fn trailing_year(&self, k: usize) -> Option<(i32, usize)> {
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
    pub(super) fn month_first(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
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
    pub(super) fn day_first(&self, i: usize) -> Option<Found> {
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
    pub(super) fn weekday(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
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
        // `Wednesday's ruling`: a possessive weekday names a day already past.
        let possessive = matches!(self.l(i + 1), "'s" | "’s");
        let t = if possessive && dir.is_none() { Tense::Past } else { self.direction(dir, i, i + 1) };
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
    pub(super) fn clock(&self, i: usize) -> Option<Found> {
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
                    // `between 1 and 3 p.m.`, `from 9 to 11 a.m.`: the start of a range
                    // takes the day and half of the day of its end.
                    if matches!(self.l(i + 1), "to" | "and" | "-" | "–")
                        && hh <= 12
                        && let Some(end) = self.clock(i + 2)
                        && end.start_tok == i + 2
                        && let Some((day, time)) = end.value.split_once('T')
                        && let Some(end_h) = time.get(..2).and_then(parse_u32)
                    {
                        let h = if end_h >= 12 && hh < 12 && hh + 12 <= end_h { hh + 12 } else { hh };
                        return found(i, i + 1, TimexType::Time, Kind::Point, format!("{day}T{h:02}:{mm:02}"));
                    }
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
        // `5 p.m. EST, Nov. 9`: the date written after the time.
        let date_at = if self.w(j) == "," { j + 1 } else { j };
        if let Some(f) = self.month_first(date_at, None).or_else(|| self.day_first(date_at))
            && f.kind == Kind::Point
            && f.value.len() == 10
        {
            let hm = if m == 0 && h == 24 { "T24".to_owned() } else { format!("T{h:02}:{m:02}") };
            return found(i, f.end_tok, TimexType::Time, Kind::Point, format!("{}{hm}", f.value));
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

    /// `week 10`, `week 10 of 2026`, `the week of March 2`: an ISO week.
    pub(super) fn week(&self, i: usize) -> Option<Found> {
        if self.l(i) != "week" {
            return None;
        }
        if let Some(n) = parse_u32(self.w(i + 1)).filter(|n| (1..=53).contains(n)) {
            let (y, end) = match self.trailing_year(i + 2) {
                Some((y, e)) => (Some(y), e),
                None => (self.reference.map(Date::year), i + 2),
            };
            let v = y.map_or_else(|| format!("XXXX-W{n:02}"), |y| format!("{y:04}-W{n:02}"));
            return found(i, end, TimexType::Date, Kind::Point, v);
        }
        if self.l(i + 1) == "of"
            && let Some(f) = self.month_first(i + 2, None).or_else(|| self.day_first(i + 2))
            && f.value.len() == 10
            && let Ok(d) = Date::parse_iso(&f.value)
        {
            let (y, w) = d.iso_week();
            let start = if i > 0 && self.l(i - 1) == "the" { i - 1 } else { i };
            return found(start, f.end_tok, TimexType::Date, Kind::Point, format!("{y:04}-W{w:02}"));
        }
        None
    }

    /// `summer`, `the summer of 1994`, `summer 2026`.
    pub(super) fn season(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
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
                    Tense::Past | Tense::PastWeak if season_month > r.month() + 1 => r.year() - 1,
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
    pub(super) fn quarter(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
        // `the 1988 second quarter`, `the 1988 quarter`, `the 1989 period`.
        if let Some(y) = year_number(self.w(i)) {
            let j = i + 1;
            if let Some(&n) = LEXICON.ordinals.get(self.l(j)).filter(|n| (1..=4).contains(*n))
                && self.l(j + 1) == "quarter"
            {
                return found(i, j + 2, TimexType::Date, Kind::Point, format!("{y:04}-Q{n}"));
            }
            if matches!(self.l(j), "quarter" | "period") && i > 0 && self.l(i - 1) == "the" {
                let q = self
                    .anchor
                    .as_deref()
                    .filter(|a| a.len() == 7 && a.as_bytes()[5] == b'Q')
                    .map(|a| a[5..].to_owned())
                    .or_else(|| {
                        self.reference.and_then(|r| resolve::shift(r, Unit::Quarter, -1)).map(|v| v[5..].to_owned())
                    })?;
                return found(i, j + 1, TimexType::Date, Kind::Point, format!("{y:04}-{q}"));
            }
        }
        let mut j = i;
        if self.l(j) == "fiscal" {
            j += 1;
        }
        let ordinal = match self.l(j) {
            // `the last half of 1989`, `the latter half of the year`
            "last" | "latter" if self.l(j + 1) == "half" => Some(&2),
            l => LEXICON.ordinals.get(l),
        };
        let (ord, unit_at) = match ordinal {
            Some(&n) if (1..=4).contains(&n) => {
                let k = if self.l(j + 1) == "-" && self.joined(j) { j + 2 } else { j + 1 };
                (Some(n), k)
            }
            _ => (None, j),
        };
        let mut unit = self.l(unit_at);
        // `the latest period` of an earnings report: its quarter.
        if unit == "period" && ord.is_none() && i > 0 && self.l(i - 1) == "latest" {
            unit = "quarter";
        }
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
                match self.anchor.as_deref().filter(|a| a.len() == 7 && a.as_bytes()[5] == b'Q') {
                    Some(a) if matches!(self.l(i - 1), "the" | "same") => a.to_owned(),
                    _ => resolve::shift(r, Unit::Quarter, -1)?,
                }
            }
        };
        found(i, end, TimexType::Date, Kind::Quarter, v)
    }

    /// `nineteen ninety-six`, `two thousand`: (year, tokens used).
    pub(super) fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
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
    pub(super) fn year(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        // `fiscal 1989`
        if self.l(i) == "fiscal"
            && let Some(y) = year_number(self.w(i + 1))
        {
            return found(i, i + 2, TimexType::Date, Kind::Year, format!("{y:04}"));
        }
        // `year-end`, `year's end`
        if self.l(i) == "year"
            && matches!((self.l(i + 1), self.l(i + 2)), ("-", "end") | ("'s", "end") | ("’s", "end"))
            && let Some(r) = self.reference
        {
            return found(i, i + 3, TimexType::Date, Kind::Point, format!("{:04}-12-31", r.year()));
        }
        // `mid-1996`, `mid-1990s`, `early-1980s`, `late-1970s` written as one token.
        if let Some((rest, m)) = super::extend::one_token_boundary(self.l(i)) {
            let v = match year_number(rest) {
                Some(y) => format!("{y:04}"),
                None => {
                    let d = rest.strip_suffix('s').filter(|d| d.len() == 4 && d.ends_with('0'));
                    format!("{:03}", d.and_then(year_number)? / 10)
                }
            };
            let mut f = found(i, i + 1, TimexType::Date, Kind::Year, v)?;
            f.modifier = Some(m);
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
}
