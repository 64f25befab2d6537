//! Calendar choices against an anchor date: which Friday, which March, which
//! summer a text means, given the tense of its clause or a direction word.

use super::fields::{Dir, Season};
use super::tense::Tense;
use crate::civil::{Date, days_in_month};

/// Which occurrence of a weekday, month or season to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lean {
    /// The nearest one on or before the anchor (past tense, or no cue in news).
    Back,
    /// The nearest one on or after the anchor (future tense).
    Ahead,
    /// Strictly before the anchor's own (`this past Friday`, `last March`).
    Last,
    /// Strictly after it (`this coming Friday`).
    Next,
    /// The previous week's (`last Wednesday`).
    WeekBefore,
    /// The next week's (`next Friday`).
    WeekAfter,
    /// The one in the anchor's week or year (`this Friday`).
    This,
}

impl Lean {
    pub(crate) fn of_dir(d: Dir) -> Self {
        match d {
            Dir::Past => Self::Last,
            Dir::Future => Self::Next,
            Dir::This => Self::This,
            Dir::Last | Dir::Previous => Self::WeekBefore,
            Dir::Next => Self::WeekAfter,
        }
    }
}

/// The weekday `wd` (1 = Monday) relative to `base`, if on the calendar.
pub(crate) fn weekday(base: Date, wd: u8, lean: Lean) -> Option<Date> {
    let r = i64::from(base.weekday());
    let w = i64::from(wd);
    let ahead = (w - r).rem_euclid(7);
    let back = (r - w).rem_euclid(7);
    match lean {
        Lean::Back => base.checked_add_days(-back),
        Lean::Ahead => base.checked_add_days(ahead),
        Lean::Last => base.checked_add_days(if back == 0 { -7 } else { -back }),
        Lean::Next => base.checked_add_days(if ahead == 0 { 7 } else { ahead }),
        // `last Wednesday` is the Wednesday of the week before; `next Friday`
        // that of the week after.
        Lean::WeekBefore => base.checked_add_days(w - r - 7),
        Lean::WeekAfter => base.checked_add_days(w - r + 7),
        Lean::This => base.checked_add_days(w - r),
    }
}

/// Whether `d` lies on the side of `base` that `tense` points to (either
/// side without a past or future cue).
pub(crate) fn on_side(d: Date, base: Date, tense: Tense) -> bool {
    match tense {
        Tense::Past | Tense::PastWeak => d <= base,
        Tense::Future => d >= base,
        _ => true,
    }
}

/// The date nearest `base` that is day `day` of its month and weekday `wd`.
pub(crate) fn weekday_and_day(base: Date, wd: u8, day: u8, tense: Tense) -> Option<Date> {
    let r = base.to_epoch_days();
    // The nearest such day on the side the tense points to, within two
    // months, else the nearest.
    let side = |d: Date| on_side(d, base, tense);
    let mut best: Option<Date> = None;
    let mut best_side: Option<Date> = None;
    for k in -14i64..=14 {
        let (y, m) = crate::dates::cal::add_months(base.year(), base.month(), k)?;
        if let Some(d) = Date::checked(y, m, u32::from(day))
            && d.weekday() == u32::from(wd)
        {
            let nearer =
                |b: Option<Date>| b.is_none_or(|b| (d.to_epoch_days() - r).abs() < (b.to_epoch_days() - r).abs());
            if nearer(best) {
                best = Some(d);
            }
            if side(d) && nearer(best_side) {
                best_side = Some(d);
            }
        }
    }
    // A side's day further than two months is less likely than the nearest.
    best_side.filter(|d| (d.to_epoch_days() - r).abs() <= 62).or(best)
}

/// The last year whose dates a text may write in the Julian calendar (Old
/// Style, as English histories do up to Britain's change of 1752).
pub(crate) const LAST_JULIAN_YEAR: i32 = 1752;

/// The ISO weekday (Monday = 1 … Sunday = 7) of `year`-`month`-`day` read in
/// the Julian calendar (`Sunday, 8 May 1429`), from its Julian day number.
pub(crate) fn julian_weekday(year: i32, month: u32, day: u32) -> u32 {
    let a = i64::from(14 - month.clamp(1, 12)) / 12;
    let y = i64::from(year) + 4800 - a;
    let m = i64::from(month.clamp(1, 12)) + 12 * a - 3;
    let jdn = i64::from(day) + (153 * m + 2) / 5 + 365 * y + y.div_euclid(4) - 32083;
    u32::try_from(jdn.rem_euclid(7) + 1).unwrap_or(1)
}

/// The year of `month` `day` written with weekday `wd`, `y` chosen without
/// it: `y` if the day is that weekday there (on the tense's side), else the
/// year before or after where it is (`Friday, Jan. 8` seen from March 2026
/// is 2027's).
pub(crate) fn weekday_year(base: Date, y: i32, month: u32, day: u32, wd: u8, tense: Tense) -> i32 {
    let fits = |yy: i32| {
        Date::checked(yy, month, day).is_some_and(|x| x.weekday() == u32::from(wd) && on_side(x, base, tense))
    };
    if fits(y) {
        return y;
    }
    let far = |yy: i32| (i64::from(yy) - i64::from(base.year())).abs();
    [y - 1, y + 1].into_iter().filter(|yy| fits(*yy)).min_by_key(|yy| far(*yy)).unwrap_or(y)
}

/// The year of a month (and day) named without a year, seen from `base`.
/// News rarely leaves out the year of a date more than a few months away, so
/// the nearest occurrence wins, except that a past-tense clause takes the last
/// occurrence (within a year for a past-tense verb, within half a year when
/// the only cue is an `-ed` form), and a future-tense clause the next one.
pub(crate) fn month_day_year(base: Date, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let y = base.year();
    let r = base.to_epoch_days();
    let dist = |yy: i32| -> Option<i64> {
        match day {
            Some(d) => Date::checked(yy, month, d.min(days_in_month(yy, month))).map(|x| x.to_epoch_days() - r),
            None => {
                let first = Date::checked(yy, month, 1)?.to_epoch_days();
                let last = first + i64::from(days_in_month(yy, month)) - 1;
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
    // About equally far either way (`Sep 5` seen from March 5): the anchor's year.
    let least = candidates.iter().map(|(_, d)| d.abs()).min().unwrap_or(0);
    let nearest = candidates
        .iter()
        .filter(|(_, d)| d.abs() <= least + 10)
        .min_by_key(|(yy, d)| (*yy != y, d.abs()))
        .map_or(y, |c| c.0);
    let pick = |past: bool, window: i64| {
        candidates
            .iter()
            .filter(|(_, d)| if past { *d <= 0 } else { *d >= 0 })
            .min_by_key(|(_, d)| d.abs())
            .filter(|(_, d)| d.abs() <= window)
            .map(|c| c.0)
    };
    let unknown = matches!(tense, Tense::Unknown | Tense::Present);
    // A day within about six weeks of the anchor is meant, whatever the tense
    // (a month named alone follows the tense: `will vote in February`).
    if (day.is_some() || unknown) && candidates.iter().any(|&(yy, d)| yy == nearest && d.abs() <= 45) {
        return nearest;
    }
    match tense {
        Tense::Past => pick(true, 366).unwrap_or(nearest),
        Tense::PastWeak => pick(true, 183).unwrap_or(nearest),
        Tense::Future => pick(false, 366).unwrap_or(nearest),
        Tense::Present | Tense::Unknown => nearest,
    }
}

/// A story moves forward: a month (and day) named without a year is the
/// occurrence nearest the story's date, the next one unless the one before
/// is nearer by more than three months (`In May` just after `June 10` is the May
/// before; `December 7` after `June 1941` the December after).
pub(crate) fn story_year(story: Date, month: u32, day: Option<u32>) -> i32 {
    /// How much nearer the occurrence before must be to win.
    const MARGIN_DAYS: i64 = 90;
    let y = story.year();
    let s = story.to_epoch_days();
    // The distance from the story's date to the month (or day) in year `yy`,
    // and whether it lies before it.
    let dist = |yy: i32| -> Option<(i64, bool)> {
        let first = Date::checked(yy, month, day.unwrap_or(1).min(days_in_month(yy, month)))?.to_epoch_days();
        let last = match day {
            Some(_) => first,
            None => first + i64::from(days_in_month(yy, month)) - 1,
        };
        Some(if s < first {
            (first - s, false)
        } else if s > last {
            (s - last, true)
        } else {
            (0, false)
        })
    };
    let here = dist(y);
    if here.is_some_and(|(d, before)| d == 0 || !before) {
        // On or after the story's date this year; the year before only if much nearer.
        let ahead = here.map_or(i64::MAX, |x| x.0);
        return match dist(y - 1) {
            Some((back, true)) if back + MARGIN_DAYS < ahead => y - 1,
            _ => y,
        };
    }
    let back = here.map_or(i64::MAX, |x| x.0);
    match dist(y + 1) {
        Some((ahead, false)) if back + MARGIN_DAYS >= ahead => y + 1,
        _ => y,
    }
}

/// The year of a month with a direction word: `last March` is the latest
/// March before the anchor's month, `next March` the first after it.
pub(crate) fn month_year_dir(base: Date, month: u32, lean: Lean) -> i32 {
    let (y, m) = (base.year(), base.month());
    match lean {
        Lean::Last | Lean::WeekBefore => {
            if month < m {
                y
            } else {
                y - 1
            }
        }
        Lean::Next | Lean::WeekAfter => {
            if month > m {
                y
            } else {
                y + 1
            }
        }
        Lean::Ahead => {
            if month >= m {
                y
            } else {
                y + 1
            }
        }
        Lean::Back => {
            if month <= m {
                y
            } else {
                y - 1
            }
        }
        Lean::This => y,
    }
}

/// The year of a season named without one. A winter is written with the
/// year of its January (`1778-WI` runs from December 1777), so from
/// July on `this winter` (and a story's `over the winter` after `December
/// 1777`, or `In winter` after `late July 1819`) is the next year's: the
/// last one ended months before.
pub(crate) fn season_year(base: Date, season: Season, tense: Tense, dir: Option<Dir>) -> i32 {
    let dir = dir.map(Dir::plain);
    let (y, m) = (base.year(), base.month());
    let sm = season.middle_month();
    // Months from the base's month to the middle of the season of year `yy`.
    let off = |yy: i32| (i64::from(yy) - i64::from(y)) * 12 + i64::from(sm) - i64::from(m);
    let winter = season == Season::Winter;
    // The calendar year's own season, or for a winter from July on the
    // one ahead (its December is this year's).
    let own = if winter && m >= 7 { y + 1 } else { y };
    match (dir, tense) {
        (Some(Dir::This), _) => own,
        // `last summer` said in the summer is the year before's, `next
        // summer` the year after's: not the one under way.
        (Some(Dir::Past), _) => [y + 1, y, y - 1].into_iter().find(|yy| off(*yy) < -1).unwrap_or(y - 1),
        (Some(Dir::Future), _) => {
            // The first not yet begun: a season begins between the weather's
            // calendar (the first of the month before its middle one) and
            // the solstice or equinox (about the 21st), so about the 11th.
            // `next summer` said on June 17 is the year after's; `next
            // spring` said on March 5 the one about to begin.
            let starts = |yy: i32| {
                let (sy, smonth) = if winter { (yy - 1, 12) } else { (yy, sm - 1) };
                Date::checked(sy, smonth, 11)
            };
            [y - 1, y, y + 1, y + 2].into_iter().find(|yy| starts(*yy).is_some_and(|d| d > base)).unwrap_or(y + 1)
        }
        (None, Tense::Past | Tense::PastWeak) => {
            // The latest one begun by the base's month.
            [y + 1, y, y - 1].into_iter().find(|yy| off(*yy) <= 1).unwrap_or(y - 1)
        }
        (None, Tense::Future) => {
            // The first one not yet over.
            [y - 1, y, y + 1].into_iter().find(|yy| off(*yy) >= -1).unwrap_or(y + 1)
        }
        _ => own,
    }
}

/// The year of quarter `q` named without one (`the third quarter`).
/// News names quarters that have ended (earnings reports) or the current
/// one; a future clause the one just ended or one ahead (`expects to report
/// third-quarter results` in November, `will rise in the fourth quarter` in
/// March, `in the first quarter` in December: next year's).
pub(crate) fn quarter_year(base: Date, q: u8, dir: Option<Dir>, tense: Tense) -> i32 {
    period_year(base, q, 4, dir, tense)
}

/// The year of the half `h` (1 or 2) named without one: this year's, or
/// last year's for a half not yet begun in a past clause (`profit fell in
/// the second half`, written in March).
pub(crate) fn half_year(base: Date, h: u8, dir: Option<Dir>, tense: Tense) -> i32 {
    if dir.is_none() && !tense.is_past() && tense != Tense::Future {
        return base.year();
    }
    let tense = if tense.is_past() { tense } else { Tense::Future };
    period_year(base, h, 2, dir, tense)
}

/// The year of period `n` of `per_year` (quarters, halves): with a direction
/// word, the one before or after the base's own; in a future clause the
/// next one not yet over, or the one just ended early in the next, when its
/// results are still to come (`will report fourth-quarter results` in
/// January); otherwise the latest begun (`the third quarter` in May is last
/// year's).
fn period_year(base: Date, n: u8, per_year: u32, dir: Option<Dir>, tense: Tense) -> i32 {
    let dir = dir.map(Dir::plain);
    let months = 12 / per_year;
    let current = u8::try_from((base.month() - 1) / months + 1).unwrap_or(1);
    let y = base.year();
    let previous = if current == 1 { u8::try_from(per_year).unwrap_or(4) } else { current - 1 };
    // Whole months since the current period began.
    let into = (base.month() - 1) % months;
    match dir {
        Some(Dir::Future) if n <= current => y + 1,
        Some(Dir::Past) if n >= current => y - 1,
        Some(Dir::This) => y,
        // The fourth quarter early in a year: last year's, its results to
        // come; in March it is this year's ahead.
        None if tense == Tense::Future && n == previous && current == 1 => y - i32::from(into < 2),
        // The period just ended, in the period after (`will report
        // first-half results` in September).
        None if tense == Tense::Future && n == previous && into < 3 => y,
        None if tense == Tense::Future && n < current => y + 1,
        None if tense == Tense::Future => y,
        _ if n > current => y - 1,
        _ => y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn julian_weekdays_match_the_old_style_calendar() {
        // 8 May 1429 (Orléans) was a Sunday, 25 December 1066 a Monday, both
        // Old Style; 4 October 1582, the last Julian day in Rome, a Thursday.
        assert_eq!(julian_weekday(1429, 5, 8), 7);
        assert_eq!(julian_weekday(1066, 12, 25), 1);
        assert_eq!(julian_weekday(1582, 10, 4), 4);
        // The Gregorian calendar gives other weekdays for those dates.
        assert_ne!(d(1429, 5, 8).weekday(), 7);
        assert_eq!(d(1582, 10, 15).weekday(), 5);
    }

    #[test]
    fn weekdays() {
        let thu = d(2026, 3, 5);
        assert_eq!(weekday(thu, 5, Lean::Back), Some(d(2026, 2, 27)));
        assert_eq!(weekday(thu, 5, Lean::Ahead), Some(d(2026, 3, 6)));
        assert_eq!(weekday(thu, 4, Lean::Back), Some(thu));
        assert_eq!(weekday(thu, 4, Lean::Last), Some(d(2026, 2, 26)));
        assert_eq!(weekday(thu, 4, Lean::Next), Some(d(2026, 3, 12)));
        assert_eq!(weekday(thu, 3, Lean::Last), Some(d(2026, 3, 4)));
        assert_eq!(weekday(thu, 3, Lean::WeekBefore), Some(d(2026, 2, 25)));
        assert_eq!(weekday(thu, 5, Lean::WeekAfter), Some(d(2026, 3, 13)));
        assert_eq!(weekday(thu, 5, Lean::Next), Some(d(2026, 3, 6)));
        assert_eq!(weekday(thu, 1, Lean::This), Some(d(2026, 3, 2)));
        assert_eq!(weekday(thu, 7, Lean::This), Some(d(2026, 3, 8)));
    }

    #[test]
    fn a_weekday_picks_the_year_of_its_day() {
        let r = d(2026, 3, 5);
        // 2026-01-08 is a Thursday, 2027-01-08 a Friday.
        assert_eq!(weekday_year(r, 2026, 1, 8, 5, Tense::Present), 2027);
        assert_eq!(weekday_year(r, 2026, 1, 8, 4, Tense::Present), 2026);
        // A past clause keeps its year when no year before fits.
        assert_eq!(weekday_year(r, 2025, 9, 14, 1, Tense::Past), 2025);
        assert_eq!(weekday_year(r, 2025, 9, 14, 1, Tense::Unknown), 2026);
    }

    #[test]
    fn months() {
        let r = d(2026, 3, 5);
        assert_eq!(month_day_year(r, 12, Some(20), Tense::Past), 2025);
        assert_eq!(month_day_year(r, 12, Some(20), Tense::Future), 2026);
        assert_eq!(month_day_year(r, 3, Some(20), Tense::Past), 2026);
        assert_eq!(month_day_year(r, 9, None, Tense::Unknown), 2025);
        assert_eq!(month_year_dir(r, 5, Lean::Last), 2025);
        assert_eq!(month_year_dir(r, 5, Lean::Next), 2026);
        assert_eq!(month_year_dir(r, 2, Lean::Next), 2027);
        assert_eq!(season_year(r, Season::Summer, Tense::Past, None), 2025);
        // `last summer` in July, and in September; `next summer` before and
        // after the June solstice; `next winter` before and after December's.
        assert_eq!(season_year(d(2025, 7, 27), Season::Summer, Tense::Past, Some(Dir::Last)), 2024);
        assert_eq!(season_year(d(2025, 9, 10), Season::Summer, Tense::Past, Some(Dir::Last)), 2025);
        assert_eq!(season_year(d(2025, 6, 10), Season::Summer, Tense::Future, Some(Dir::Next)), 2025);
        assert_eq!(season_year(d(2025, 7, 10), Season::Summer, Tense::Future, Some(Dir::Next)), 2026);
        assert_eq!(season_year(d(2025, 12, 10), Season::Winter, Tense::Future, Some(Dir::Next)), 2026);
        assert_eq!(season_year(d(2025, 12, 28), Season::Winter, Tense::Future, Some(Dir::Next)), 2027);
        assert_eq!(season_year(d(2025, 4, 10), Season::Summer, Tense::Future, Some(Dir::Next)), 2025);
        let sep = d(1999, 9, 2);
        assert_eq!(season_year(sep, Season::Winter, Tense::Unknown, Some(Dir::This)), 2000);
        assert_eq!(season_year(sep, Season::Winter, Tense::Past, None), 1999);
        assert_eq!(season_year(d(2026, 1, 20), Season::Winter, Tense::Past, None), 2026);
        assert_eq!(season_year(d(2026, 1, 20), Season::Winter, Tense::Unknown, Some(Dir::This)), 2026);
        assert_eq!(season_year(d(1777, 12, 1), Season::Winter, Tense::Unknown, None), 1778);
        // After a July the coming winter, not the one ended in February.
        assert_eq!(season_year(d(1819, 7, 31), Season::Winter, Tense::Unknown, None), 1820);
        assert_eq!(season_year(d(1819, 6, 30), Season::Winter, Tense::Unknown, None), 1819);
        assert_eq!(season_year(d(1942, 4, 25), Season::Summer, Tense::Unknown, None), 1942);
        assert_eq!(quarter_year(d(2026, 11, 2), 3, None, Tense::Unknown), 2026);
        assert_eq!(quarter_year(r, 3, None, Tense::Past), 2025);
        // `will rise in the fourth quarter` (March): this year's.
        assert_eq!(quarter_year(r, 4, None, Tense::Future), 2026);
        assert_eq!(half_year(r, 2, None, Tense::Past), 2025);
        assert_eq!(half_year(r, 2, None, Tense::Future), 2026);
        assert_eq!(half_year(r, 2, None, Tense::Unknown), 2026);
        // `will report fourth-quarter results` early in January: the one just
        // ended; `will review it in the first quarter` late in December: next
        // year's.
        assert_eq!(quarter_year(d(2026, 1, 5), 4, None, Tense::Future), 2025);
        assert_eq!(quarter_year(d(2026, 11, 2), 3, None, Tense::Future), 2026);
        assert_eq!(quarter_year(d(1999, 12, 30), 1, None, Tense::Future), 2000);
        assert_eq!(half_year(d(2026, 12, 1), 1, None, Tense::Future), 2027);
        assert_eq!(half_year(d(2026, 12, 1), 1, None, Tense::Unknown), 2026);
        assert_eq!(half_year(d(2026, 9, 10), 1, None, Tense::Future), 2026);
        assert_eq!(quarter_year(d(2026, 6, 10), 1, None, Tense::Future), 2026);
    }
}
