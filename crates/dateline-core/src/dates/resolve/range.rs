//! Ranges: each end of `from 10:30 to 3`, `March 5-7`, `1915-17` completed
//! from the other, and the days a span covers.

use super::{ResolvedRange, Resolver};
use crate::civil::Date;
use crate::dates::cal::{Cal, Gran, add_months_to, shift_date};
use crate::dates::fields::{Dir, Fields, Unit};
use crate::dates::grammar::Make;
use crate::dates::tense::Tense;
use crate::dates::value::{NodeId, Value};

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

/// A time of day: hour, minute, second.
pub(super) type Clock = (u8, u8, u8);

/// The end of a length of `n` units that begins at `begin`: the day after
/// its last day, and the time of day it ends at when it is a length of
/// hours, minutes or seconds from `minute` of the day (`from 2pm for 2
/// hours` ends at 16:00 on its day, `from 11pm for 3 hours` at 02:00 on the
/// next; one that ends at midnight ends with its last day and has no time).
/// Such a length from a whole day (`3 minutes from today`) is no range: its
/// end is its begin.
pub(super) fn length_end(begin: Date, minute: Option<i64>, n: i64, unit: Unit) -> Option<(Date, Option<Clock>)> {
    let whole = || shift_date(begin, unit, n).map(|d| (d, None));
    let Some(minute) = minute else { return whole() };
    let seconds = match unit {
        Unit::Hour => n.checked_mul(3600)?,
        Unit::Minute => n.checked_mul(60)?,
        Unit::Second => n,
        _ => return whole(),
    };
    let end = minute.checked_mul(60)?.checked_add(seconds)?;
    let day = begin.checked_add_days(1 + (end - 1).max(0) / 86_400)?;
    let s = end.rem_euclid(86_400);
    let clock = (end > 0 && s != 0).then(|| {
        let part = |x: i64| u8::try_from(x).unwrap_or(0);
        (part(s / 3600), part(s / 60 % 60), part(s % 60))
    });
    Some((day, clock))
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
fn hours_of_bare_days(b: Value, e: Value) -> (Value, Value) {
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
    // A month of its own (not one borrowed below for a bare day).
    let own_month = b.month.is_some() || b.season.is_some() || b.quarter.is_some();
    if b.day.is_some() && b.month.is_none() && b.weekday.is_none() {
        b.month = other.month.or_else(|| other_cal.filter(coarse).and_then(|c| c.month));
    }
    // `this May to Oct 2020`: a direction word anchors its end on its own.
    // Otherwise an end takes the other's year, written or resolved (`held
    // in 2011; it ran from March to October`: both in 2011, not October
    // read back from March).
    if b.year.is_none()
        && b.yy.is_none()
        && b.decade.is_none()
        && b.century.is_none()
        && b.dir.is_none()
        && (b.month.is_some() || b.season.is_some() || b.quarter.is_some())
    {
        // Only from a month or coarser: a bare day's year is still open
        // (`zwischen dem 3. und dem 12. September`).
        let told = other_cal.filter(|c| own_month && c.gran <= Gran::Month);
        b.year = other.year.or_else(|| told.and_then(|c| c.year));
    }
    b
}

impl Resolver<'_> {
    /// Two bare days of a range (`out from 4-23`, `war vom 4. bis zum
    /// 23.`, `from the 27th to the 3rd`) read in one tense, the begin's when
    /// it has one (it is the nearer to the verb): ahead, the begin is the
    /// first such day and the end the first such day after it; else the end
    /// is the one its tense gives and the begin the last such day before
    /// it. Both with their month and year; `None` off the calendar.
    fn two_bare_days(&self, b: NodeId, e: NodeId, bf: &Fields, ef: &Fields) -> Option<(Fields, Fields)> {
        let (bcue, ecue) = ((self.d.cues)(self.node(b)), (self.d.cues)(self.node(e)));
        let (bd, ed) = (u32::from(bf.day?), u32::from(ef.day?));
        let month_of = |d: Date, n: i64| add_months_to(Date::checked(d.year(), d.month(), 1)?, n);
        if bcue.tense == Tense::Future {
            let begin = self.point(bf, self.node(b), bcue).0?.date()?;
            let m = month_of(begin, i64::from(ed <= bd))?;
            let end = Date::checked(m.year(), m.month(), ed)?;
            Some((bf.on(begin), ef.on(end)))
        } else {
            let cue = if bcue.tense.is_past() { bcue } else { ecue };
            let end = self.point(ef, self.node(e), cue).0?.date()?;
            let m = month_of(end, -i64::from(bd >= ed))?;
            let begin = Date::checked(m.year(), m.month(), bd)?;
            Some((bf.on(begin), ef.on(end)))
        }
    }

    /// Records the ends of range `id` (`begin`, `end`, and `on` the day both
    /// fall on), each completed from the other, and the range itself unless
    /// it is a list.
    pub(super) fn emit_range(&mut self, id: NodeId, b: NodeId, e: NodeId, on: Option<NodeId>) {
        self.in_range = true;
        // The day both ends fall on is a time expression of its own, in
        // its place in the text (`on Saturday between 10 a.m. and 3 p.m.`,
        // `from 9 to 5 tomorrow`).
        let day_first = on.filter(|o| self.node(*o).start < self.node(b).start);
        if let Some(o) = day_first {
            self.one(o, None, None);
        }
        self.range_ends(id, b, e, on);
        if let Some(o) = on.filter(|_| day_first.is_none()) {
            self.one(o, None, None);
        }
        self.in_range = false;
    }

    fn range_ends(&mut self, id: NodeId, b: NodeId, e: NodeId, on: Option<NodeId>) {
        let node = self.node(id);
        let list = self.d.g.rules[node.rule as usize].make == Make::List;
        // A list of two lengths (`two to three weeks`, `ten or fifteen
        // years`): the bare count takes the other's unit.
        if list && let (Value::Duration(bf), Value::Duration(ef)) = (&self.node(b).value, &self.node(e).value) {
            let begin = Value::Duration(Fields { unit: ef.unit, ..*bf });
            self.one_value(b, begin);
            self.one(e, None, None);
            return;
        }
        // The day both ends fall on, when the text gives one.
        let on_day = on.and_then(|o| self.peek(o)).and_then(|c| c.date());
        // Each end takes what it leaves out from the other: `from 4 to 22
        // this month`, `between 1 and 3 p.m.`, `March 5-7`, `March-April 2021`.
        let lean = self.rule_lean(node);
        let leaned = |v: &Value| match (v, lean) {
            (Value::Point(f), Some(l)) if f.dir.is_none() && f.lean.is_none() => {
                Value::Point(Fields { lean: Some(l), ..*f })
            }
            _ => v.clone(),
        };
        // Hours take the part of that day (`between 7 and 9 last night`).
        let on_part = on.and_then(|o| self.node(o).value.fields()).and_then(|f| f.part);
        let on_day_of = |v: Value| match (v, on_day) {
            (Value::Point(f), Some(d)) if f.month.is_none() && f.weekday.is_none() && f.year.is_none() => {
                let bare_hour = f.hour.is_some() && f.ampm.is_none() && f.part.is_none();
                Value::Point(Fields { part: if bare_hour { on_part } else { f.part }, ..f.on(d) })
            }
            (v, _) => v,
        };
        let (bv, ev) =
            hours_of_bare_days(on_day_of(leaned(&self.node(b).value)), on_day_of(leaned(&self.node(e).value)));
        let (bv, ev) = (&bv, &ev);
        let two_days = match (bv, ev) {
            (Value::Point(bf), Value::Point(ef)) if bf.day_alone() && ef.day_alone() => {
                self.two_bare_days(b, e, bf, ef)
            }
            _ => None,
        };
        let end_cal = match (two_days, ev) {
            (Some((_, ef)), _) => self.point(&ef, self.node(e), (self.d.cues)(self.node(e))).0,
            (None, Value::Point(f)) => self.point(f, self.node(e), (self.d.cues)(self.node(e))).0,
            _ => self.peek(e),
        };
        let begin_fields = match (two_days, bv, ev.fields()) {
            (Some((bf, _)), ..) => Some(bf),
            (None, Value::Point(f), Some(ef)) => Some(complete(*f, ef, end_cal)),
            _ => None,
        };
        // `Monday to Wednesday last week`: a bare weekday before a day of a
        // week the text names is the latest such day up to that one.
        let begin_fields = match (begin_fields, ev, end_cal.and_then(|c| c.date())) {
            (Some(f), Value::Shift { unit: Unit::Week, f: ef, .. }, Some(ed))
                if ef.weekday.is_some() && f.weekday_alone() && f.dir.is_none() =>
            {
                let back = (i64::from(ed.weekday()) - i64::from(f.weekday.unwrap_or(1))).rem_euclid(7);
                ed.checked_add_days(-back).map(|d| f.on(d))
            }
            (f, ..) => f,
        };
        let begin_cal = match &begin_fields {
            Some(f) => self.point(f, self.node(b), (self.d.cues)(self.node(b))).0,
            None => self.peek(b),
        };
        let mut end_fields = match (ev, bv.fields()) {
            _ if let Some((_, ef)) = two_days => Some(ef),
            (Value::Point(f), Some(bf)) => Some(complete(*f, bf, begin_cal)),
            (Value::Point(f), None) => Some(*f),
            _ => None,
        };
        // `from 10:30 to 3`, `from 9 to 5 tomorrow`: an hour before the
        // begin's, on the same day, is in the afternoon.
        if let (Some(bf), Some(ef)) = (&begin_fields, &mut end_fields)
            && let (Some(bh), Some(eh)) = (bf.hour24(), ef.hour)
            && ef.ampm.is_none()
            && ef.part.is_none()
            && (ef.weekday.is_none() || ef.weekday == bf.weekday)
            && (ef.day.is_none() || (ef.day == bf.day && ef.month == bf.month && ef.year == bf.year))
            && eh != 12
            && eh < bh
            && eh + 12 > bh
            && eh + 12 <= 24
        {
            ef.hour = Some(eh + 12);
        }
        let begin_fields = begin_fields.or(match bv {
            Value::Point(f) => Some(*f),
            _ => None,
        });
        let bi = self.one(b, begin_fields, None);
        let ei = self.one(e, end_fields, None);
        // A range runs forward: an end whose year the text leaves out is
        // moved so that the begin comes first (`from November to February`).
        // A list may name the later of two close weekdays first
        // (`statements made Friday and Thursday`).
        let weekday = |v: &Value| v.fields().is_some_and(Fields::weekday_alone);
        let close =
            |x: Cal, y: Cal| x.date().zip(y.date()).is_some_and(|(x, y)| x.to_epoch_days() - y.to_epoch_days() < 4);
        // An end that holds the begin is no such case (`from June until
        // the end of the year`).
        if let (Some(bc), Some(ec)) = (self.res(bi).cal, self.res(ei).cal)
            && bc.first_day().zip(ec.interval()).is_some_and(|(x, (_, to))| x >= to)
            && !(list && weekday(bv) && weekday(ev) && close(bc, ec))
        {
            // Whether the text gives the end's year itself (`Nov-Feb 2017`:
            // the begin only borrowed it, and moves back).
            // A shift (`today`, `tonight`) is fixed by its anchor, as written.
            let written = |v: &Value| {
                matches!(v, Value::Shift { .. }) || v.fields().is_some_and(|f| f.year.is_some() || f.dir.is_some())
            };
            let fine = |c: Cal| c.gran >= Gran::Season;
            // `from Monday to Friday`: two weekdays of one week, the end the
            // first such day after the begin. A begin ahead of the reference
            // stays (`is open Monday to Friday`: the coming Monday, whatever
            // the tense read at Friday); else the end stays and the begin is
            // the last such day before it.
            let days = |c: Cal| c.gran >= Gran::Day && c.date().is_some();
            // A bare weekday moves a week, never a year: the begin back
            // unless the other end is fixed (`from today to Sunday`).
            let week_move = if weekday(bv)
                && weekday(ev)
                && let (Some(b), Some(e)) = (bc.date(), ec.date())
                && days(bc)
                && days(ec)
            {
                let gap = (e.to_epoch_days() - b.to_epoch_days()).rem_euclid(7);
                let gap = if gap == 0 { 7 } else { gap };
                let ahead = self.d.reference.is_some_and(|r| b > r);
                Some(if ahead {
                    (ei, ec, b.to_epoch_days() + gap - e.to_epoch_days())
                } else {
                    (bi, bc, e.to_epoch_days() - gap - b.to_epoch_days())
                })
            } else if weekday(ev) && days(ec) && written(bv) {
                Some((ei, ec, 7))
            } else if weekday(bv) && days(bc) {
                Some((bi, bc, -7))
            } else if weekday(ev) && days(ec) {
                Some((ei, ec, 7))
            } else {
                None
            };
            if let Some((i, c, by)) = week_move {
                if let Some(d) = c.date().and_then(|d| d.checked_add_days(by)) {
                    let moved = Cal {
                        year: Some(d.year()),
                        month: u8::try_from(d.month()).ok(),
                        day: u8::try_from(d.day()).ok(),
                        ..c
                    };
                    self.res_mut(i).value = moved.render();
                    self.res_mut(i).cal = Some(moved);
                }
            } else if written(ev) && !written(bv) && fine(bc) {
                self.set_year(bi, bc, -1);
            } else if written(bv) && !written(ev) && fine(ec) {
                self.set_year(ei, ec, 1);
            } else if !written(bv) && fine(bc) {
                self.set_year(bi, bc, -1);
            } else if !written(ev) && fine(ec) {
                self.set_year(ei, ec, 1);
            }
        }
        let days = (self.first_day(bi), self.days(ei).map(|x| x.1));
        if !list {
            self.ranges.push(ResolvedRange { node: id, begin: Some(bi), end: Some(ei), days, end_clock: None });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_of_hours_ends_on_its_day_or_a_later_one() {
        let d = |m, day| Date::checked(2026, m, day).unwrap();
        // 14:00 for 2 hours: the 5th only; 23:00 for 3 hours runs into the 6th.
        assert_eq!(length_end(d(3, 5), Some(14 * 60), 2, Unit::Hour), Some((d(3, 6), Some((16, 0, 0)))));
        assert_eq!(length_end(d(3, 5), Some(23 * 60), 3, Unit::Hour), Some((d(3, 7), Some((2, 0, 0)))));
        assert_eq!(length_end(d(3, 5), Some(23 * 60), 60, Unit::Minute), Some((d(3, 6), None)));
        assert_eq!(length_end(d(3, 5), Some(22 * 60 + 30), 90, Unit::Second), Some((d(3, 6), Some((22, 31, 30)))));
        assert_eq!(length_end(d(3, 5), Some(0), 2, Unit::Day), Some((d(3, 7), None)));
        // From a whole day, a length of minutes is no range (its end is its begin).
        assert_eq!(length_end(d(3, 5), None, 3, Unit::Minute), Some((d(3, 5), None)));
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
