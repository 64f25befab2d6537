//! Calendar values from fields: a point with a known year, a day with its time,
//! a holiday or its weekend, and what a shift lands on.

use crate::civil::{Date, days_in_month};
use crate::dates::cal::{Cal, Gran, iso_week_monday};
use crate::dates::fields::{Fields, Unit};
use crate::dates::grammar::Grammar;

/// A point with a known year, at the finest granularity its fields give.
pub(super) fn full(g: &Grammar, y: i32, f: &Fields) -> Option<Cal> {
    let mut c = Cal { year: Some(y), zone: f.zone, ..Cal::new(Gran::Year) };
    if y <= 0 {
        // Before the common era the calendar has no days here: the fields as written.
        c.month = f.month;
        c.day = f.day.filter(|_| f.month.is_some());
        c.season = f.season;
        c.gran = if c.day.is_some() {
            Gran::Day
        } else if c.month.is_some() {
            Gran::Month
        } else if c.season.is_some() {
            Gran::Season
        } else {
            Gran::Year
        };
        return Some(c);
    }
    if let Some(h) = f.holiday {
        let d = g.lex.holidays.get(usize::from(h))?.1.date(y)?;
        return Some(holiday_cal(d, f));
    }
    if let (Some(n), Some(wd), Some(m), None) = (f.ordinal, f.weekday, f.month, f.day) {
        // `the first Monday of September`, `the last Friday in May`.
        return nth_weekday(y, u32::from(m), wd, n).map(|d| with_time(Cal::day(d), f));
    }
    if let (Some(w), Some(m)) = (f.week, f.month) {
        // The n-th week of a month (0: the last): weeks from Monday, each in
        // the month its Thursday falls in, as ISO weeks are in years; the
        // n-th weekend, the one whose Saturday is in it.
        let n = if w == 0 { -1 } else { i32::from(w) };
        if f.weekend {
            let sat = nth_weekday(y, u32::from(m), 6, n)?;
            return Some(Cal { weekend: true, ..Cal::containing(sat, Gran::Week) });
        }
        let thu = nth_weekday(y, u32::from(m), 4, n)?;
        return Some(Cal::containing(thu.add_days(-3), Gran::Week));
    }
    if let Some(w) = f.week {
        // Week 0: the last ISO week of the year.
        let w = if w == 0 { u8::try_from(Date::checked(y, 12, 28)?.iso_week().1).ok()? } else { w };
        c.week = Some(w);
        c.gran = Gran::Week;
        c.weekend = f.weekend;
        if let Some(wd) = f.weekday {
            let d = iso_week_monday(y, u32::from(w))?.checked_add_days(i64::from(wd) - 1)?;
            return Some(with_time(Cal::day(d), f));
        }
        return Some(c);
    }
    if let Some(m) = f.month {
        c.month = Some(m);
        c.gran = Gran::Month;
        if let Some(d) = f.day {
            let d = if d == 0 { days_in_month(y, u32::from(m)) } else { u32::from(d) };
            let date = Date::checked(y, u32::from(m), d)?;
            if f.week_of {
                return Some(Cal { weekend: f.weekend, ..Cal::containing(date, Gran::Week) });
            }
            return Some(with_time(Cal { zone: f.zone, ..Cal::day(date) }, f));
        }
        return Some(c);
    }
    if let Some(q) = f.quarter {
        c.quarter = Some(q);
        c.gran = Gran::Quarter;
    } else if let Some(h) = f.half {
        c.half = Some(h);
        c.gran = Gran::Half;
    } else if let Some(s) = f.season {
        c.season = Some(s);
        c.gran = Gran::Season;
    } else if f.quarter.is_none() && f.fiscal && f.unit == Some(Unit::Quarter) {
        c.gran = Gran::Quarter;
    }
    Some(c)
}

/// A holiday's day, the week holding it (`Easter week`, `the week of
/// Thanksgiving`), or the weekend nearest it (`Labor Day weekend`: the
/// Saturday and Sunday before a Monday holiday; `Halloween weekend`).
pub(super) fn holiday_cal(d: Date, f: &Fields) -> Cal {
    if f.week_of && !f.weekend {
        return Cal::containing(d, Gran::Week);
    }
    if !f.weekend {
        return with_time(Cal::day(d), f);
    }
    let monday = d.add_days(1 - i64::from(d.weekday()));
    let (sat, prev_sun) = (monday.add_days(5), monday.add_days(-1));
    let ahead = (sat.to_epoch_days() - d.to_epoch_days()).max(0);
    let back = d.to_epoch_days() - prev_sun.to_epoch_days();
    let week = if back < ahead { prev_sun } else { monday };
    Cal { weekend: true, ..Cal::containing(week, Gran::Week) }
}

/// A day with the time of day or part of day of `f`.
pub(super) fn with_time(mut c: Cal, f: &Fields) -> Cal {
    c.zone = f.zone.or(c.zone);
    if let Some(h) = f.hour24() {
        c.hour = Some(h);
        c.minute = f.minute;
        c.second = f.second;
        c.gran = if f.second.is_some_and(|s| s > 0) { Gran::Second } else { Gran::Minute };
        c.part = None;
    } else if let Some(p) = f.part {
        c.part = Some(p);
        c.gran = Gran::Part;
    }
    c
}

/// The value of a shift landing on `d`: the period of the unit containing
/// it, with the finer fields the text added (`the 5th of next month`,
/// `Wednesday next week`, `tomorrow at 5pm`, `last weekend`); `None` off
/// the calendar.
pub(super) fn attach(g: &Grammar, d: Date, unit: Unit, f: &Fields) -> Option<Cal> {
    let gran = Gran::of_unit(unit);
    Some(match unit {
        Unit::Year | Unit::Decade | Unit::Century
            if f.month.is_some()
                || f.quarter.is_some()
                || f.half.is_some()
                || f.season.is_some()
                || f.holiday.is_some()
                || f.week.is_some() =>
        {
            full(g, d.year(), f).unwrap_or_else(|| Cal::containing(d, gran))
        }
        Unit::Month if f.day.is_some() => {
            let last = days_in_month(d.year(), d.month());
            let day = match f.day.unwrap_or(1) {
                0 => last,
                x => u32::from(x).min(last),
            };
            Date::checked(d.year(), d.month(), day)
                .map_or_else(|| Cal::containing(d, gran), |x| with_time(Cal::day(x), f))
        }
        Unit::Month if f.week.is_some() && f.weekday.is_none() => {
            // `the last week of this month`, `the first weekend of next month`
            let m = u8::try_from(d.month()).ok()?;
            full(g, d.year(), &Fields { month: Some(m), ..*f })?
        }
        Unit::Month if f.weekday.is_some() && f.ordinal.is_some() => {
            // `the first Sunday of next month`
            let (wd, n) = (f.weekday.unwrap_or(1), f.ordinal.unwrap_or(1));
            with_time(Cal::day(nth_weekday(d.year(), d.month(), wd, n)?), f)
        }
        Unit::Week if f.weekday.is_some() => {
            let monday = d.checked_add_days(1 - i64::from(d.weekday()))?;
            with_time(Cal::day(monday.checked_add_days(i64::from(f.weekday.unwrap_or(1)) - 1)?), f)
        }
        Unit::Week if f.weekend => Cal { weekend: true, ..Cal::containing(d, gran) },
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => with_time(Cal::day(d), f),
        _ => Cal::containing(d, gran),
    })
}

/// The `n`-th `wd` (1 Monday … 7 Sunday) of a month, `n` = -1 the last;
/// `None` if the month has no such day (`the fifth Monday`).
fn nth_weekday(y: i32, m: u32, wd: u8, n: i32) -> Option<Date> {
    let wd = i64::from(wd);
    if n == -1 {
        let last = Date::checked(y, m, days_in_month(y, m))?;
        return Some(last.add_days(-((i64::from(last.weekday()) - wd).rem_euclid(7))));
    }
    let first = Date::checked(y, m, 1)?;
    let d = first.add_days((wd - i64::from(first.weekday())).rem_euclid(7) + 7 * (i64::from(n) - 1));
    (n >= 1 && d.month() == m).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::nth_weekday;
    use crate::civil::Date;

    #[test]
    fn nth_weekdays_of_months() {
        let d = |y, m, day| Date::checked(y, m, day);
        // September 2026 begins on a Tuesday; November 2026 on a Sunday.
        assert_eq!(nth_weekday(2026, 9, 1, 1), d(2026, 9, 7));
        assert_eq!(nth_weekday(2026, 9, 2, 1), d(2026, 9, 1));
        assert_eq!(nth_weekday(2026, 11, 4, 4), d(2026, 11, 26));
        assert_eq!(nth_weekday(2025, 5, 5, -1), d(2025, 5, 30));
        assert_eq!(nth_weekday(2025, 5, 6, -1), d(2025, 5, 31));
        // No fifth Monday in February 2026, and no zeroth.
        assert_eq!(nth_weekday(2026, 2, 1, 5), None);
        assert_eq!(nth_weekday(2026, 2, 1, 0), None);
    }
}
