//! Anchoring relative expressions: tense detection and calendar arithmetic.

use std::borrow::Cow;

use super::lexicon::{LEXICON, Unit};
use crate::civil::Date;

/// The tense of the clause around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    /// Past by a weak cue only (an `-ed` form, often a participle).
    PastWeak,
    Future,
    Unknown,
}

/// The tense cue of one token, if any: `(tense, is_future_or_auxiliary)`.
fn cue(lower: &[Cow<'_, str>], k: usize) -> Option<Tense> {
    let w = lower[k].as_ref();
    // `next to the embassy` is a place, not a time.
    if LEXICON.future.contains_key(w) && !(w == "next" && lower.get(k + 1).is_some_and(|n| n == "to")) {
        return Some(Tense::Future);
    }
    if w == "going" && lower.get(k + 1).is_some_and(|n| n == "to") {
        return Some(Tense::Future);
    }
    // `as soon as Tuesday`, `is to resume trading Tuesday`: the event is ahead.
    if (w == "as" && k >= 2 && lower[k - 1] == "soon" && lower[k - 2] == "as")
        || (w == "to" && k >= 1 && matches!(lower[k - 1].as_ref(), "is" | "are"))
    {
        return Some(Tense::Future);
    }
    // `planned to leave on Thursday`, `expected to vote Friday`: the event is ahead.
    if w == "to"
        && k > 0
        && matches!(
            lower[k - 1].as_ref(),
            "planned"
                | "planning"
                | "plan"
                | "plans"
                | "expected"
                | "scheduled"
                | "set"
                | "due"
                | "hoped"
                | "hopes"
                | "hoping"
                | "wants"
                | "wanted"
                | "intends"
                | "intended"
                | "aims"
                | "aimed"
                | "prepared"
                | "preparing"
                | "ready"
                | "agreed"
                | "promised"
                | "vowed"
                | "threatened"
                | "decided"
        )
    {
        // `had been due to expire Friday`: a future seen from the past.
        let in_past = (2..=3).any(|d| k >= d && matches!(lower[k - d].as_ref(), "had"));
        return Some(if in_past { Tense::Past } else { Tense::Future });
    }
    if after_auxiliary(lower, k) {
        // `they have gathered evidence`: the present perfect reports the past.
        let perfect = k >= 1
            && matches!(lower[k - 1].as_ref(), "have" | "has")
            && (LEXICON.past.contains_key(w) || (w.len() > 4 && w.ends_with("ed")));
        return perfect.then_some(Tense::Past);
    }
    if LEXICON.past.contains_key(w) {
        return Some(Tense::Past);
    }
    if LEXICON.present.contains_key(w) {
        return Some(Tense::Unknown);
    }
    // An `-ed` form written in lower case (`United`, `Fred` are names).
    if w.len() > 4
        && matches!(lower[k], Cow::Borrowed(_))
        && w.ends_with("ed")
        && w.chars().all(char::is_alphabetic)
        && !matches!(
            w,
            "need" | "indeed" | "speed" | "hundred" | "proceed" | "exceed" | "succeed" | "seed" | "feed" | "breed"
        )
    {
        return Some(Tense::PastWeak);
    }
    None
}

/// The tense of the clause of tokens `start..end` within the sentence
/// `sent_start..sent_end`: the nearest verb cue before the expression (as a
/// tagger would take the governing verb), else the nearest after it. Present
/// tense gives `Unknown`.
pub(crate) fn tense(lower: &[Cow<'_, str>], start: usize, end: usize, sent_start: usize, sent_end: usize) -> Tense {
    for k in (sent_start..start.min(lower.len())).rev() {
        if let Some(t) = cue(lower, k) {
            return t;
        }
    }
    for k in end..sent_end.min(lower.len()) {
        if let Some(t) = cue(lower, k) {
            return t;
        }
    }
    Tense::Unknown
}

/// Whether the participle at `k` follows `be`/`been`/`have`… (`will be held`,
/// `has been signed`), where it says nothing about past or future.
fn after_auxiliary(lower: &[Cow<'_, str>], k: usize) -> bool {
    (1..=2).any(|d| {
        k.checked_sub(d)
            .and_then(|j| lower.get(j))
            .is_some_and(|w| matches!(w.as_ref(), "be" | "been" | "being" | "have" | "has" | "get" | "is" | "are"))
    })
}

/// The weekday `wd` (1 = Monday) nearest the reference in the given direction:
/// on or before it for the past (and unknown), on or after it for the future.
pub(crate) fn weekday(reference: Date, wd: u32, tense: Tense) -> Date {
    let r = i64::from(reference.weekday());
    let w = i64::from(wd);
    match tense {
        // In news a weekday equal to the reference's is that very day.
        Tense::Future => reference.add_days((w - r).rem_euclid(7)),
        Tense::Past | Tense::PastWeak | Tense::Unknown => reference.add_days(-(r - w).rem_euclid(7)),
    }
}

/// The year of a month (and day) named without a year, seen from
/// `reference`. News rarely leaves out the year of a date more than a few
/// months away, so the nearest occurrence wins, except that a past-tense
/// clause takes the last occurrence (within a year for a past-tense verb,
/// within half a year when the only cue is an `-ed` form, often a
/// participle), and a future-tense clause (`will`, `plans`) the next one.
pub(crate) fn month_year(reference: Date, month: u32, tense: Tense) -> i32 {
    month_day_year(reference, month, None, tense)
}

/// As [`month_year`], for a month and an optional day.
pub(crate) fn month_day_year(reference: Date, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let y = reference.year();
    let r = reference.to_epoch_days();
    // Distance in days from the reference to the month (or day) in year `yy`;
    // a month counts as reaching the reference if it contains it.
    let dist = |yy: i32| -> Option<i64> {
        match day {
            Some(d) => {
                Date::checked(yy, month, d.min(crate::civil::days_in_month(yy, month))).map(|x| x.to_epoch_days() - r)
            }
            None => {
                let first = Date::checked(yy, month, 1)?.to_epoch_days();
                let last = first + i64::from(crate::civil::days_in_month(yy, month)) - 1;
                Some(if r < first {
                    first - r
                } else if r > last {
                    last - r
                } else {
                    0
                })
            }
        }
    };
    let candidates: Vec<(i32, i64)> =
        [y - 1, y, y + 1].into_iter().filter_map(|yy| dist(yy).map(|d| (yy, d))).collect();
    let nearest = candidates.iter().min_by_key(|(_, d)| d.abs()).map_or(y, |c| c.0);
    let pick = |past: bool, window: i64| {
        candidates
            .iter()
            .filter(|(_, d)| if past { *d <= 0 } else { *d >= 0 })
            .min_by_key(|(_, d)| d.abs())
            .filter(|(_, d)| d.abs() <= window)
            .map(|c| c.0)
    };
    // A day within about six weeks of the reference is meant, whatever the tense
    // (a month named alone follows the tense: `will vote in February`).
    if (day.is_some() || tense == Tense::Unknown) && candidates.iter().any(|&(yy, d)| yy == nearest && d.abs() <= 45) {
        return nearest;
    }
    match tense {
        Tense::Past => pick(true, 366).unwrap_or(nearest),
        Tense::PastWeak => pick(true, 183).unwrap_or(nearest),
        Tense::Future => pick(false, 366).unwrap_or(nearest),
        Tense::Unknown => nearest,
    }
}

/// Formats the period `n` units away from `reference` at that unit's
/// granularity (`2026-W09`, `2026-02`, `2025`).
pub(crate) fn shift(reference: Date, unit: Unit, n: i64) -> Option<String> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            let d = match unit {
                Unit::Day => reference.add_days(n),
                _ => reference,
            };
            d.to_string()
        }
        Unit::Week => {
            let (y, w) = reference.add_days(n.checked_mul(7)?).iso_week();
            format!("{y:04}-W{w:02}")
        }
        Unit::Month => {
            let (y, m) = add_months(reference.year(), reference.month(), n)?;
            format!("{y:04}-{m:02}")
        }
        Unit::Quarter => {
            let q0 = i64::from((reference.month() - 1) / 3);
            let total = i64::from(reference.year()) * 4 + q0 + n;
            format!("{:04}-Q{}", total.div_euclid(4), total.rem_euclid(4) + 1)
        }
        Unit::Year => format!("{:04}", i64::from(reference.year()) + n),
        Unit::Decade => format!("{:03}", (i64::from(reference.year()) / 10) + n),
        Unit::Century => format!("{:02}", (i64::from(reference.year()) / 100) + n),
    })
    .filter(|s| !s.starts_with('-'))
}

/// `year-month` plus `n` months.
pub(crate) fn add_months(year: i32, month: u32, n: i64) -> Option<(i32, u32)> {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + n;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = u32::try_from(total.rem_euclid(12) + 1).ok()?;
    (1..=9999).contains(&y).then_some((y, m))
}

/// The half-open interval of days a DATE value covers: `2026` → 2026-01-01 to
/// 2027-01-01, `2026-03` → 2026-03-01 to 2026-04-01, `2026-03-05` → one day,
/// `2026-W10` → Monday to Monday, `2026-Q1`, decades `202` and centuries `20`.
/// Underspecified and reference values give `None`.
#[must_use]
pub fn value_interval(value: &str) -> Option<(Date, Date)> {
    let v = value.split('T').next()?;
    let b = v.as_bytes();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let year = |s: &str| -> Option<i32> { if digits(s) { s.parse().ok() } else { None } };
    match b.len() {
        2 if digits(v) => {
            let c: i32 = v.parse().ok()?;
            let start = Date::checked(c * 100, 1, 1).or_else(|| Date::checked(1, 1, 1))?;
            Some((start, Date::checked(c * 100 + 100, 1, 1)?))
        }
        3 if digits(v) => {
            let d: i32 = v.parse().ok()?;
            Some((Date::checked((d * 10).max(1), 1, 1)?, Date::checked(d * 10 + 10, 1, 1)?))
        }
        4 => {
            let y = year(v)?;
            Some((Date::checked(y, 1, 1)?, Date::checked(y + 1, 1, 1)?))
        }
        7 if b[4] == b'-' && b[5] == b'Q' => {
            let y = year(&v[..4])?;
            let q: u32 = v[6..].parse().ok().filter(|q| (1..=4).contains(q))?;
            let (ey, em) = add_months(y, q * 3 - 2, 3)?;
            Some((Date::checked(y, q * 3 - 2, 1)?, Date::checked(ey, em, 1)?))
        }
        7 if b[4] == b'-' => {
            let y = year(&v[..4])?;
            let m: u32 = if digits(&v[5..]) {
                v[5..].parse().ok()?
            } else {
                return None;
            };
            let (ey, em) = add_months(y, m, 1)?;
            Some((Date::checked(y, m, 1)?, Date::checked(ey, em, 1)?))
        }
        8 if b[4] == b'-' && b[5] == b'W' => {
            let y = year(&v[..4])?;
            let w: i64 = if digits(&v[6..]) {
                v[6..].parse().ok()?
            } else {
                return None;
            };
            let jan4 = Date::checked(y, 1, 4)?;
            let monday = jan4.add_days(1 - i64::from(jan4.weekday()) + (w - 1) * 7);
            Some((monday, monday.add_days(7)))
        }
        10 => {
            let d = Date::parse_iso(v).ok()?;
            Some((d, d.add_days(1)))
        }
        _ => None,
    }
}
