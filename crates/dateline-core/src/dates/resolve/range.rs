//! Range ends: each end of `from 10:30 to 3`, `March 5-7`, `1915-17` completed
//! from the other.

use crate::civil::Date;
use crate::dates::cal::{Cal, Gran, add_months_to, shift_date};
use crate::dates::fields::{Dir, Fields, Unit};
use crate::dates::value::Value;

/// The days of a span of length `df` seen from the reference date `r`
/// (`the past five years`, `the next five days`, `within 18 months`), end
/// excluded. Quarters, halves, decades and centuries are whole calendar
/// units before or after the reference's own (`the past two quarters`); a
/// vague length leaves its far end open.
pub(super) fn span_days(r: Date, df: &Fields, dir: Dir) -> (Option<Date>, Option<Date>) {
    let len = |from: Date, sign: i64| shift_date(from, df.unit?, df.whole_n()?.checked_mul(sign)?);
    let whole = df.unit.filter(|u| matches!(u, Unit::Quarter | Unit::Half | Unit::Decade | Unit::Century));
    if let Some(u) = whole.filter(|_| !df.vague) {
        let this = Cal::containing(r, Gran::of_unit(u)).interval();
        match (dir, this) {
            (Dir::Past | Dir::Last | Dir::Previous, Some((start, _))) => return (len(start, -1), Some(start)),
            (Dir::Future | Dir::Next, Some((_, end))) => return (Some(end), len(end, 1)),
            _ => {}
        }
    }
    match dir {
        Dir::Past | Dir::Last | Dir::Previous => (if df.vague { None } else { len(r, -1) }, r.checked_add_days(1)),
        Dir::Future | Dir::Next => match r.checked_add_days(1) {
            Some(next) => (Some(next), if df.vague { None } else { len(next, 1) }),
            None => (None, None),
        },
        Dir::This => (Some(r), if df.vague { None } else { len(r, 1) }),
    }
}

/// The day after the last day of a length of `n` units that begins at
/// `begin` (at `minute` of the day for lengths of hours, minutes or
/// seconds: `from 2pm for 2 hours` ends on its day, `from 11pm for 3 hours`
/// on the next). Such a length from a whole day (`3 minutes from today`)
/// is no range: its end is its begin.
pub(super) fn length_end(begin: Date, minute: Option<i64>, n: i64, unit: Unit) -> Option<Date> {
    let Some(minute) = minute else { return shift_date(begin, unit, n) };
    let minutes = match unit {
        Unit::Hour => n.checked_mul(60)?,
        Unit::Minute => n,
        Unit::Second => n.checked_add(59)? / 60,
        _ => return shift_date(begin, unit, n),
    };
    let last = minute.checked_add(minutes)?.checked_sub(1)?.max(0);
    begin.checked_add_days(1 + last / 1440)
}

/// Whether `f` is a month alone whose next start is at most 45 days after
/// `r` (`until mid-November` written on October 30).
pub(super) fn month_begins_soon(f: &Fields, r: Date) -> bool {
    let month_only = f.month.is_some() && f.day.is_none() && f.year.is_none() && f.dir.is_none();
    let next_start = f
        .month
        .and_then(|m| Date::checked(r.year(), u32::from(m), 1))
        .and_then(|first| if first < r { add_months_to(first, 12) } else { Some(first) });
    month_only && next_start.is_some_and(|d| d.to_epoch_days() - r.to_epoch_days() <= 45)
}

/// The ends of a range where one is a time of day and the other a bare number
/// (`from 10:30 to 3`): the number is an hour, not a day of the month.
pub(super) fn hours_of_bare_days(b: Value, e: Value) -> (Value, Value) {
    let bare = |f: &Fields| {
        f.hour.is_none()
            && f.month.is_none()
            && f.weekday.is_none()
            && f.year.is_none()
            && f.week.is_none()
            && f.part.is_none()
            && f.day.is_some_and(|d| d <= 24)
    };
    let fix = |v: Value, other: &Value| match (v, other) {
        (Value::Point(mut f), Value::Point(o)) if bare(&f) && o.hour.is_some() => {
            f.hour = f.day.take();
            Value::Point(f)
        }
        (v, _) => v,
    };
    let b2 = fix(b.clone(), &e);
    let e2 = fix(e, &b);
    (b2, e2)
}

/// One end of a range completed from the other (`other`, resolved as
/// `other_cal`): the coarser fields it leaves out, a bare number read as an
/// hour when the other end is a time, and the half of the day when that keeps
/// the range in order.
pub(super) fn complete(mut b: Fields, other: &Fields, other_cal: Option<Cal>) -> Fields {
    let other_has_time = other.hour.is_some();
    let has_date = b.month.is_some() || b.weekday.is_some() || b.year.is_some() || b.week.is_some();
    if other_has_time && b.hour.is_none() && !has_date && b.part.is_none() && b.day.is_some_and(|d| d <= 24) {
        b.hour = b.day.take();
    }
    // `1-3 pm`: the afternoon of the other end, also where the day the
    // range falls on is already filled in (`next Monday 1-3 pm`).
    if b.ampm.is_none()
        && b.part.is_none()
        && let (Some(bh), Some(eh)) = (b.hour, other.hour24())
        && eh >= 12
        && bh < 12
        && bh + 12 <= eh
    {
        b.hour = Some(bh + 12);
    }
    if b.hour.is_some() && !has_date && b.day.is_none() {
        if let Some(c) = other_cal.filter(|c| c.gran >= Gran::Day) {
            b.year = c.year;
            b.month = c.month;
            b.day = c.day;
        } else {
            b.weekday = b.weekday.or(other.weekday);
        }
        b.zone = b.zone.or(other.zone);
        return b;
    }
    // `1915-17`: a year written with two digits after a full one.
    if let (Some(yy), Some(oy)) = (b.yy, other.year.filter(|y| *y > 0)) {
        let mut y = oy.div_euclid(100) * 100 + i32::from(yy);
        if y < oy {
            y += 100;
        }
        b.year = Some(y);
        b.yy = None;
    }
    // `499–449 BC`: the first end is before the common era too.
    if let (Some(y), Some(oy)) = (b.year, other.year)
        && oy < 0
        && y > 0
        && y >= -oy
        && b.month.is_none()
    {
        b.year = Some(-y);
    }
    let coarse = |c: &Cal| c.gran >= Gran::Month;
    if b.day.is_some() && b.month.is_none() && b.weekday.is_none() {
        b.month = other.month.or_else(|| other_cal.filter(coarse).and_then(|c| c.month));
    }
    // `this May to Oct 2020`: a direction word anchors its end on its own.
    if b.year.is_none()
        && b.yy.is_none()
        && b.decade.is_none()
        && b.century.is_none()
        && b.dir.is_none()
        && (b.month.is_some() || b.season.is_some() || b.quarter.is_some())
    {
        b.year = other.year;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_of_hours_ends_on_its_day_or_a_later_one() {
        let d = |m, day| Date::checked(2026, m, day).unwrap();
        // 14:00 for 2 hours: the 5th only; 23:00 for 3 hours runs into the 6th.
        assert_eq!(length_end(d(3, 5), Some(14 * 60), 2, Unit::Hour), Some(d(3, 6)));
        assert_eq!(length_end(d(3, 5), Some(23 * 60), 3, Unit::Hour), Some(d(3, 7)));
        assert_eq!(length_end(d(3, 5), Some(23 * 60), 60, Unit::Minute), Some(d(3, 6)));
        assert_eq!(length_end(d(3, 5), Some(0), 2, Unit::Day), Some(d(3, 7)));
        // From a whole day, a length of minutes is no range (its end is its begin).
        assert_eq!(length_end(d(3, 5), None, 3, Unit::Minute), Some(d(3, 5)));
    }

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::checked(y, m, day)
    }

    #[test]
    fn spans_of_whole_quarters_and_of_days() {
        let r = Date::checked(2026, 3, 5).unwrap();
        let len = |n: f64, u| Fields { n: Some(n), unit: Some(u), ..Fields::default() };
        assert_eq!(span_days(r, &len(2.0, Unit::Quarter), Dir::Past), (d(2025, 7, 1), d(2026, 1, 1)));
        assert_eq!(span_days(r, &len(2.0, Unit::Decade), Dir::Future), (d(2030, 1, 1), d(2050, 1, 1)));
        assert_eq!(span_days(r, &len(5.0, Unit::Day), Dir::Future), (d(2026, 3, 6), d(2026, 3, 11)));
        assert_eq!(span_days(r, &len(2.0, Unit::Week), Dir::Past), (d(2026, 2, 19), d(2026, 3, 6)));
        let vague = Fields { vague: true, ..len(1.0, Unit::Quarter) };
        assert_eq!(span_days(r, &vague, Dir::Past), (None, d(2026, 3, 6)));
    }

    #[test]
    fn months_that_begin_soon() {
        let r = Date::checked(1989, 10, 30).unwrap();
        let month = |m| Fields { month: Some(m), ..Fields::default() };
        assert!(month_begins_soon(&month(11), r));
        assert!(!month_begins_soon(&month(10), r));
        assert!(!month_begins_soon(&month(1), r));
        assert!(!month_begins_soon(&Fields { day: Some(15), ..month(11) }, r));
    }
}
