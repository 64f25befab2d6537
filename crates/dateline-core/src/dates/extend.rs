//! Modifiers written before an expression: direction words (`last May`,
//! `this coming Sunday`), boundaries (`early 2026`, `the end of March`),
//! quantity modifiers (`nearly two years`, `more than a week`) and articles
//! (`the third quarter`, `the past five years`). Each widens the span and may
//! change the value or set the TIMEX3 `mod`.

use super::lexicon::{LEXICON, Unit};
use super::matchers::{Ctx, Found, Kind, date_found, found, year_number};
use super::resolve::{self, Tense};
use crate::civil::Date;

/// Multi-word quantity modifiers and their `mod` ("" for none).
const PHRASE_MODS: &[(&[&str], &str)] = &[
    (&["more", "than"], "MORE_THAN"),
    (&["less", "than"], "LESS_THAN"),
    (&["fewer", "than"], "LESS_THAN"),
    (&["up", "to"], "EQUAL_OR_LESS"),
    (&["at", "least"], "EQUAL_OR_MORE"),
    (&["at", "most"], "EQUAL_OR_LESS"),
    (&["no", "more", "than"], "EQUAL_OR_LESS"),
    (&["no", "less", "than"], "EQUAL_OR_MORE"),
    (&["as", "many", "as"], "EQUAL_OR_LESS"),
    (&["as", "much", "as"], "EQUAL_OR_LESS"),
    (&["a", "little", "over"], "MORE_THAN"),
    (&["a", "little", "more", "than"], "MORE_THAN"),
    (&["just", "over"], "MORE_THAN"),
    (&["well", "over"], "MORE_THAN"),
    (&["just", "under"], "LESS_THAN"),
    (&["the", "better", "part", "of"], "APPROX"),
];

/// Boundary phrases before a period and their `mod`.
const BOUNDARY_MODS: &[(&[&str], &str)] = &[
    (&["the", "end", "of"], "END"),
    (&["the", "beginning", "of"], "START"),
    (&["the", "start", "of"], "START"),
    (&["the", "middle", "of"], "MID"),
    (&["the", "turn", "of", "the"], "START"),
    (&["end", "of"], "END"),
    (&["beginning", "of"], "START"),
    (&["the", "early"], "START"),
    (&["the", "late"], "END"),
    (&["the", "mid"], "MID"),
    (&["early"], "START"),
    (&["late"], "END"),
    (&["mid"], "MID"),
];

impl Ctx<'_> {
    fn phrase_at(&self, i: usize, words: &[&str]) -> bool {
        words.iter().enumerate().all(|(k, w)| self.l(i + k) == *w)
    }

    /// The expression starting at token `i`, modifiers included.
    pub(super) fn at(&self, i: usize) -> Option<Found> {
        let l = self.l(i);
        if matches!(l, "that" | "the" | "earlier" | "later")
            && let Some(f) = self.anaphor(i)
        {
            return Some(f);
        }
        if !super::lexicon::may_start(l) {
            return None;
        }
        // Articles are frequent: they start an expression only before another trigger.
        if matches!(l, "the" | "a" | "an") && !super::lexicon::may_start(self.l(i + 1)) {
            return None;
        }
        self.with_direction(i)
            .or_else(|| self.with_boundary(i))
            .or_else(|| self.with_quantity_mod(i))
            .or_else(|| self.with_article(i))
            .or_else(|| self.year_earlier(i))
            .or_else(|| self.with_earlier(i))
            .or_else(|| self.core(i, None))
    }

    /// `last May`, `next Friday`, `this summer`, `this coming Sunday`.
    fn with_direction(&self, i: usize) -> Option<Found> {
        if self.l(i) == "the" && matches!(self.l(i + 1), "previous" | "following" | "next" | "last" | "coming") {
            let mut f = self.with_direction(i + 1)?;
            if matches!(self.l(i + 1), "previous" | "following") {
                f.start_tok = i;
            }
            return Some(f);
        }
        let (dir, len) = match (self.l(i), self.l(i + 1)) {
            ("this", "past") => (Tense::Past, 2),
            ("this", "coming") => (Tense::Future, 2),
            ("last" | "past" | "previous", _) => (Tense::Past, 1),
            ("next" | "coming" | "following", _) => (Tense::Future, 1),
            ("this", _) => (Tense::Unknown, 1),
            _ => return None,
        };
        let mut f = self.core(i + len, Some(dir))?;
        if !matches!(f.kind, Kind::Month | Kind::Weekday | Kind::Season | Kind::Quarter) || f.start_tok != i + len {
            return None;
        }
        if let Some(r) = self.reference {
            f.value = match (f.kind, self.l(i)) {
                (Kind::Month, "this") => format!("{:04}{}", r.year(), &f.value[4..]),
                (Kind::Season, "this") => format!("{:04}{}", r.year(), &f.value[4..]),
                (Kind::Month, "last") => {
                    let m: u32 = f.value.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
                    let y = if m < r.month() { r.year() } else { r.year() - 1 };
                    format!("{y:04}{}", &f.value[4..])
                }
                (Kind::Month, "next") => {
                    let m: u32 = f.value.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(13);
                    let y = if m > r.month() { r.year() } else { r.year() + 1 };
                    format!("{y:04}{}", &f.value[4..])
                }
                (Kind::Weekday, "last" | "previous") if f.value == r.to_string() => r.add_days(-7).to_string(),
                (Kind::Weekday, "this") => this_week_day(r, &f.value),
                _ => f.value,
            };
        }
        f.start_tok = i;
        f.kind = Kind::Point;
        Some(f)
    }

    /// `early 2026`, `late March`, `the end of the year`, `the late 1970s`.
    fn with_boundary(&self, i: usize) -> Option<Found> {
        for (words, m) in BOUNDARY_MODS {
            if !self.phrase_at(i, words) {
                continue;
            }
            let mut j = i + words.len();
            if self.l(j) == "-" {
                j += 1; // `mid - March` written `mid-March` is one token; `early-1990s` is not
            }
            // `the end of the year/month/week`: the reference's period.
            if self.l(j) == "the"
                && let Some(&u) = LEXICON.units.get(self.l(j + 1))
                && let Some(r) = self.reference
                && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter)
            {
                let mut f = date_found(i, j + 2, resolve::shift(r, u, 0)?);
                f.modifier = Some(m);
                return Some(f);
            }
            let mut f = self.with_direction(j).or_else(|| self.core(j, None))?;
            if f.start_tok != j
                || !matches!(
                    f.kind,
                    Kind::Month | Kind::Year | Kind::Season | Kind::Quarter | Kind::Point | Kind::Weekday
                )
            {
                continue;
            }
            if f.timex_type != super::TimexType::Date {
                continue;
            }
            f.start_tok = i;
            f.modifier = Some(m);
            return Some(f);
        }
        // `the mid-1990s`, `the late-1970s`: the article belongs to the decade.
        if self.l(i) == "the"
            && one_token_boundary(self.l(i + 1)).is_some()
            && let Some(mut f) = self.year(i + 1)
        {
            f.start_tok = i;
            return Some(f);
        }
        // `mid-March`, `mid-1990s`: one token.
        if let Some((rest, m)) = one_token_boundary(self.l(i)) {
            let month = LEXICON.months.get(rest).copied();
            if let Some(month) = month {
                let v = match self.reference {
                    Some(r) => format!("{:04}-{month:02}", resolve::month_year(r, month, self.tense(i, i + 1))),
                    None => format!("XXXX-{month:02}"),
                };
                let mut f = date_found(i, i + 1, v);
                f.modifier = Some(m);
                return Some(f);
            }
        }
        None
    }

    /// `nearly two years`, `more than a week`, `about three years ago`.
    fn with_quantity_mod(&self, i: usize) -> Option<Found> {
        let mut best: Option<(usize, &'static str)> = None;
        for (words, m) in PHRASE_MODS {
            if self.phrase_at(i, words) && best.is_none_or(|b| words.len() > b.0) {
                best = Some((words.len(), m));
            }
        }
        if best.is_none()
            && let Some(&m) = LEXICON.quantity_mods.get(self.l(i))
            && !matches!(self.l(i), "up" | "least" | "most" | "more" | "less" | "fewer")
        {
            best = Some((1, m));
        }
        let (len, m) = best?;
        if self.l(i + len) == "the" && len < 4 {
            return None; // `over the past 20 years`: the modifier is not part of it
        }
        let mut f = self.with_article(i + len).or_else(|| self.core(i + len, None))?;
        if f.start_tok != i + len || !matches!(f.kind, Kind::Duration | Kind::Ago | Kind::VagueDuration) {
            return None;
        }
        if matches!(f.kind, Kind::VagueDuration) && matches!(self.l(i), "over" | "just" | "only") {
            return None;
        }
        f.start_tok = i;
        if !m.is_empty() {
            f.modifier = Some(m);
        }
        Some(f)
    }

    /// `the third quarter`, `the past five years`, `the first nine months`,
    /// `the latest quarter`, `the weekend`, `the summer`.
    fn with_article(&self, i: usize) -> Option<Found> {
        if self.l(i) != "the" {
            return None;
        }
        let mut j = i + 1;
        let span_word = matches!(
            self.l(j),
            "first"
                | "last"
                | "past"
                | "next"
                | "previous"
                | "following"
                | "final"
                | "coming"
                | "latest"
                | "current"
                | "same"
                | "recent"
                | "initial"
        );
        // `the first half`, `the first quarter`: `first` belongs to the quarter.
        let quarter_follows = (self.l(j) == "first"
            && (matches!(self.l(j + 1), "quarter" | "half") || self.l(j + 2) == "quarter"))
            || (matches!(self.l(j), "last" | "latter") && self.l(j + 1) == "half");
        if span_word && !quarter_follows {
            j += 1;
        }
        // `the year`, `the full year`, `the current fiscal year`: the reference's year.
        {
            let mut k = i + 1;
            while matches!(self.l(k), "full" | "fiscal" | "current" | "calendar") {
                k += 1;
            }
            if self.l(k) == "year"
                && !matches!(self.l(k + 1), "-" | "'s" | "’s" | "before" | "after" | "earlier" | "ago" | "later")
                && year_number(self.w(k + 1)).is_none()
                && self.spelled_year(k + 1).is_none()
                && !self.l(k + 1).as_bytes().first().is_some_and(u8::is_ascii_digit)
                && let Some(r) = self.reference
            {
                // `the year ended March 31`: a fiscal year, a length of time.
                if matches!(self.l(k + 1), "ended" | "ending") {
                    return found(i, k + 1, super::TimexType::Duration, Kind::Duration, "P1Y".to_owned());
                }
                return Some(date_found(i, k + 1, format!("{:04}", r.year())));
            }
        }
        // `the year 2000`, `the year two thousand`
        if self.l(j) == "year"
            && !span_word
            && let Some(mut f) = self.year(j + 1)
            && f.start_tok == j + 1
            && f.value.len() == 4
        {
            f.start_tok = i;
            return Some(f);
        }
        if self.l(j) == "weekend" && !span_word {
            let r = self.reference;
            let v = r.map_or_else(
                || "XXXX-WXX-WE".to_owned(),
                |d| {
                    let back =
                        i64::from(matches!(self.tense(i, j + 1), Tense::Past | Tense::PastWeak) && d.weekday() < 6);
                    format!("{}-WE", resolve::shift(d, Unit::Week, -back).unwrap_or_default())
                },
            );
            return Some(date_found(i, j + 1, v));
        }
        let mut f = self.core(j, None)?;
        if f.start_tok != j {
            return None;
        }
        let quarter_or_season = f.value.len() == 7
            && f.value.as_bytes()[4] == b'-'
            && matches!(&f.value[5..6], "Q" | "H" | "S" | "F" | "W");
        match f.kind {
            Kind::Point if quarter_or_season => {}
            Kind::Duration if span_word || self.number_at(j).is_some_and(|(n, _)| n > 1) => {}
            Kind::Quarter | Kind::Season => {}
            _ => return None,
        }
        f.start_tok = i;
        Some(f)
    }

    /// `earlier this year`, `later this month`.
    fn with_earlier(&self, i: usize) -> Option<Found> {
        let next = self.l(i + 1);
        if !matches!(self.l(i), "earlier" | "later")
            || !(matches!(next, "this" | "last" | "next") || LEXICON.weekdays.contains_key(next))
        {
            return None;
        }
        let mut f = self.core(i + 1, None)?;
        if f.start_tok != i + 1 || !matches!(f.timex_type, super::TimexType::Date | super::TimexType::Time) {
            return None;
        }
        f.start_tok = i;
        Some(f)
    }

    /// `the year-earlier quarter`, `year-ago period`, `year-earlier`.
    fn year_earlier(&self, i: usize) -> Option<Found> {
        let mut j = i;
        if self.l(j) == "the" {
            j += 1;
            if matches!(self.l(j), "comparable" | "corresponding" | "same") {
                j += 1;
            }
        }
        if !(self.l(j) == "year" && self.l(j + 1) == "-" && matches!(self.l(j + 2), "earlier" | "ago")) {
            return None;
        }
        let r = self.reference?;
        let k = j + 3;
        // `the year-ago third quarter`
        if let Some(f) = self.quarter(k, None)
            && f.start_tok == k
            && f.value.len() == 7
        {
            let mut f = date_found(i, f.end_tok, shift_year(&f.value, -1));
            f.kind = Kind::Ago;
            return Some(f);
        }
        let (end, quarterly) = match self.l(k) {
            "quarter" | "period" => (k + 1, true),
            _ if j == i => (k, false),
            _ => return None,
        };
        let v = if quarterly {
            let base = match self.anchor.as_deref() {
                Some(a) if a.len() == 7 && a.as_bytes()[5] == b'Q' => a.to_owned(),
                _ => resolve::shift(r, Unit::Quarter, -1)?,
            };
            shift_year(&base, -1)
        } else {
            match self.anchor.as_deref() {
                Some(a) if a.len() == 7 && a.as_bytes()[5] == b'Q' => shift_year(a, -1),
                _ => format!("{:04}", r.year() - 1),
            }
        };
        let mut f = date_found(i, end, v);
        f.kind = Kind::Ago; // anaphoric: not an anchor for the next one
        Some(f)
    }
}

/// A boundary written as one token with what it bounds (`mid-March`,
/// `early-1980s`): the rest of the token and the `mod`.
pub(super) fn one_token_boundary(l: &str) -> Option<(&str, &'static str)> {
    [("mid-", "MID"), ("early-", "START"), ("late-", "END")]
        .into_iter()
        .find_map(|(prefix, m)| l.strip_prefix(prefix).map(|rest| (rest, m)))
}

/// `2026-05` → `2025-05` for `n = -1` (any value starting with a year).
fn shift_year(value: &str, n: i32) -> String {
    match value.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        Some(y) => format!("{:04}{}", y + n, &value[4..]),
        None => value.to_owned(),
    }
}

/// The day of the reference's ISO week that has the weekday of `value`.
fn this_week_day(reference: Date, value: &str) -> String {
    match Date::parse_iso(value) {
        Ok(d) => reference.add_days(i64::from(d.weekday()) - i64::from(reference.weekday())).to_string(),
        Err(_) => value.to_owned(),
    }
}
