//! Relative and quantity matchers: `today`, `last year`, durations, `ago`,
//! sets, vague durations and reference words.

use super::TimexType;
use super::lexicon::{self, LEXICON, Unit};
use super::matchers::{Ctx, Found, Kind, duration_value, found};
use super::resolve;
use crate::civil::Date;

impl Ctx<'_> {
    pub(super) fn deictic(&self, i: usize) -> Option<Found> {
        // `mid-afternoon yesterday`, `late morning today`
        if let Some(&part) = LEXICON.day_parts.get(self.l(i))
            && let Some(n) = match self.l(i + 1) {
                "yesterday" => Some(-1),
                "today" => Some(0),
                "tomorrow" => Some(1),
                _ => None,
            }
        {
            let v = self.reference.map_or_else(|| "PRESENT_REF".to_owned(), |d| format!("{}T{part}", d.add_days(n)));
            return found(i, i + 2, TimexType::Time, Kind::Point, v);
        }
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
    pub(super) fn relative(&self, i: usize) -> Option<Found> {
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
    pub(super) fn set(&self, i: usize) -> Option<Found> {
        if let Some(&v) = LEXICON.set_words.get(self.l(i)) {
            return found(i, i + 1, TimexType::Set, Kind::Set, v.to_owned());
        }
        if matches!(self.l(i), "each" | "every") {
            let j = i + 1;
            let mut f = if let Some(&wd) = LEXICON.weekdays.get(self.l(j)) {
                found(i, j + 1, TimexType::Set, Kind::Set, format!("XXXX-WXX-{wd}"))
            } else if let Some(m) = self.month_at(j) {
                found(i, j + 1, TimexType::Set, Kind::Set, format!("XXXX-{m:02}"))
            } else {
                let (n, k) = match self.number_at(j) {
                    Some((n, used)) if !matches!(self.l(j), "a" | "an") => (n, j + used),
                    _ => (1, j),
                };
                let u = *LEXICON.units.get(self.l(k))?;
                found(i, k + 1, TimexType::Set, Kind::Set, duration_value(Some(n), u))
            }?;
            f.quant = Some("EVERY");
            return Some(f);
        }
        // `twice a week`, `three times a year`, `once per month`: a set with a frequency.
        let (times, k) = match self.l(i) {
            "once" => (Some(1), i + 1),
            "twice" => (Some(2), i + 1),
            _ => match self.number_at(i) {
                Some((n, used)) if self.l(i + used) == "times" && !matches!(self.l(i), "a" | "an") => {
                    (Some(n), i + used + 1)
                }
                _ => (None, i),
            },
        };
        if let Some(n) = times
            && matches!(self.l(k), "a" | "an" | "per" | "each" | "every")
            && let Some(&u) = LEXICON.units.get(self.l(k + 1))
        {
            let mut f = found(i, k + 2, TimexType::Set, Kind::Set, duration_value(Some(1), u))?;
            f.freq = Some(format!("{n}X"));
            return Some(f);
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
    pub(super) fn quantity(&self, i: usize) -> Option<Found> {
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
        // `$1.76 a year`, `four flights a week`: a rate, not a time expression.
        if matches!(self.l(i), "a" | "an") && i > 0 {
            let p = self.l(i - 1);
            let count_before = p.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || (p.len() > 3
                    && p.ends_with('s')
                    && p.bytes().all(|b| b.is_ascii_lowercase())
                    && !matches!(
                        p,
                        "was" | "has" | "this" | "always" | "less" | "unless" | "across" | "thus" | "perhaps"
                    ));
            if count_before && LEXICON.units.contains_key(self.l(i + 1)) {
                return None;
            }
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
        // `2 1/2 years`
        let and_half = n.is_some() && !vague && self.w(j) == "1/2";
        if and_half {
            j += 1;
        }
        // `two more weeks`, `an additional year`, `eight trading days`
        if matches!(
            self.l(j),
            "more" | "additional" | "extra" | "consecutive" | "straight" | "trading" | "business" | "working"
        ) && LEXICON.units.contains_key(self.l(j + 1))
        {
            j += 1;
        }
        let hyphenated = self.w(j) == "-";
        if hyphenated {
            j += 1;
        }
        let unit_word = self.l(j);
        let unit = *LEXICON.units.get(unit_word)?;
        if unit == Unit::Quarter && matches!(self.l(j + 1), "of" | "point" | "percent" | "%") {
            return None; // `a quarter of the shares`: a fraction
        }
        if matches!(unit_word, "second" | "quarter") && n.is_some_and(|n| n >= 1000)
            || matches!(self.l(j + 1), "quarter" | "half")
        {
            return None; // `the 1988 second quarter`, `the 1988 quarter`
        }
        if hyphenated && lexicon::is_plural_unit(unit_word) {
            return None;
        }
        if n == Some(1) && !vague && lexicon::is_plural_unit(unit_word) && !matches!(self.l(i), "one" | "1") {
            return None;
        }
        let n = if vague { None } else { n };
        if !hyphenated && self.l(j + 1) == "old" {
            return None; // `52 years old`: an age
        }
        let mut end = j + 1;
        // `a year-earlier loss`: the adjective `year-earlier` is the expression.
        if !hyphenated && self.w(end) == "-" && matches!(self.l(end + 1), "earlier" | "ago") {
            return None;
        }
        if hyphenated && self.w(end) == "-" && self.l(end + 1) == "old" {
            return None; // ages (`a 6-year-old`) are not time expressions
        }
        // `a year and a half`
        let mut value = duration_value(n, unit);
        let spelled_half = matches!((self.l(end), self.l(end + 1), self.l(end + 2)), ("and", "a", "half"));
        if (spelled_half || and_half)
            && let Some(n) = n
        {
            value = match unit {
                Unit::Year => format!("P{n}Y6M"),
                Unit::Hour => format!("PT{n}H30M"),
                Unit::Minute => format!("PT{n}M30S"),
                Unit::Day => format!("P{n}DT12H"),
                _ => value,
            };
            if spelled_half {
                end += 3;
            }
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
                    (r, Some(n)) if r.is_some() || self.anchor.is_some() => {
                        self.shift_anchor(r, unit, sign * i64::from(n))?
                    }
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
    pub(super) fn anchor_quarter(&self) -> Option<&str> {
        self.anchor.as_deref().filter(|a| a.len() == 7 && a.as_bytes()[5] == b'Q')
    }

    /// The last explicit date shifted by `n` units (`a year earlier`), at the
    /// anchor's granularity when it is a quarter; the reference date without one.
    pub(super) fn shift_anchor(&self, reference: Option<Date>, unit: Unit, n: i64) -> Option<String> {
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
        resolve::shift(reference?, unit, n)
    }

    /// A bare plural unit (`for years`, `just months before`).
    pub(super) fn bare_unit(&self, i: usize) -> Option<Found> {
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

    /// `now`, `currently`, `recently`, `the past`, `the future`, `these days`.
    pub(super) fn reference_word(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        if let Some(&v) = LEXICON.ref_words.get(l) {
            // `current`/`recent` as adjectives of a time unit are handled elsewhere.
            if l == "now" && self.l(i + 1) == "-" {
                return None;
            }
            // `current` names the present, except before a time unit (`the current
            // quarter` is handled as a period) or in set phrases.
            if l == "current"
                && (LEXICON.units.contains_key(self.l(i + 1))
                    || matches!(
                        self.l(i + 1),
                        "account" | "accounts" | "affairs" | "events" | "-" | "fiscal" | "price" | "prices" | "dollars"
                    ))
            {
                return None;
            }
            // ... and it is an adjective: a word follows (`the current government`),
            // not punctuation or a verb (`Chavismo, a political current, has`).
            if l == "current" {
                let next = self.l(i + 1);
                let adjective = next.chars().next().is_some_and(char::is_alphabetic)
                    && !matches!(
                        next,
                        "and"
                            | "or"
                            | "of"
                            | "is"
                            | "was"
                            | "has"
                            | "had"
                            | "in"
                            | "to"
                            | "that"
                            | "which"
                            | "but"
                            | "from"
                            | "flows"
                            | "runs"
                            | "known"
                    );
                if !adjective {
                    return None;
                }
            }
            return found(i, i + 1, TimexType::Date, Kind::Ref, v.to_owned());
        }
        let v = match (l, self.l(i + 1)) {
            ("the", "past") if !LEXICON.units.contains_key(self.l(i + 2)) && self.number_at(i + 2).is_none() => {
                "PAST_REF"
            }
            ("the", "future") => "FUTURE_REF",
            ("the", "near") if matches!(self.l(i + 2), "future" | "term") => {
                return found(i, i + 3, TimexType::Date, Kind::Ref, "FUTURE_REF".to_owned());
            }
            ("these", "days") => "PRESENT_REF",
            ("at", "present") => "PRESENT_REF",
            _ => return None,
        };
        let start = if l == "at" { i + 1 } else { i };
        found(start, i + 2, TimexType::Date, Kind::Ref, v.to_owned())
    }
}
