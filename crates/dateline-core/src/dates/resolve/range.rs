//! Range ends: each end of `from 10:30 to 3`, `March 5-7`, `1915-17` completed
//! from the other.

use crate::dates::cal::{Cal, Gran};
use crate::dates::fields::Fields;
use crate::dates::value::Value;

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
