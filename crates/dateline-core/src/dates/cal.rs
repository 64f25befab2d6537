//! Resolved calendar values: a typed value with its granularity, rendered to
//! a TIMEX3 string and to the half-open interval of days it covers.

use std::fmt::Write as _;

use super::fields::{Part, Season, Unit};
use crate::civil::{Date, days_in_month};

/// How fine a resolved value is, coarsest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gran {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Day,
    Part,
    Hour,
    Minute,
    Second,
}

impl Gran {
    pub(crate) fn of_unit(u: Unit) -> Self {
        match u {
            Unit::Second => Self::Second,
            Unit::Minute => Self::Minute,
            Unit::Hour => Self::Hour,
            Unit::Day => Self::Day,
            Unit::Week => Self::Week,
            Unit::Month => Self::Month,
            Unit::Quarter => Self::Quarter,
            Unit::Half => Self::Half,
            Unit::Year => Self::Year,
            Unit::Decade => Self::Decade,
            Unit::Century => Self::Century,
        }
    }

    /// The public granularity.
    pub(crate) fn public(self) -> super::Granularity {
        use super::Granularity as G;
        match self {
            Self::Century => G::Century,
            Self::Decade => G::Decade,
            Self::Year => G::Year,
            Self::Half => G::Half,
            Self::Quarter => G::Quarter,
            Self::Season => G::Season,
            Self::Month => G::Month,
            Self::Week => G::Week,
            Self::Day => G::Day,
            Self::Part => G::PartOfDay,
            Self::Hour => G::Hour,
            Self::Minute => G::Minute,
            Self::Second => G::Second,
        }
    }
}

/// A calendar value after anchoring. A missing year renders as `XXXX`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cal {
    pub gran: Gran,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub week: Option<u8>,
    pub weekday: Option<u8>,
    pub weekend: bool,
    pub quarter: Option<u8>,
    pub half: Option<u8>,
    pub season: Option<Season>,
    /// A decade as its first three digits; before the common era minus its
    /// code (the 460s BC, `BC046`, are -46).
    pub decade: Option<i32>,
    /// A century as its first two digits; before the common era counted from
    /// -1 (the first century BC, `BC00`, is -1; the 4th, `BC03`, is -4).
    pub century: Option<i32>,
    pub part: Option<Part>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    pub second: Option<u8>,
    pub zone: Option<i16>,
    /// A time of day on no known day, written as precisely as the text
    /// (`T15`, `T15:30`, `TMO`).
    pub time_only: bool,
}

impl Cal {
    pub(crate) fn new(gran: Gran) -> Self {
        Self {
            gran,
            year: None,
            month: None,
            day: None,
            week: None,
            weekday: None,
            weekend: false,
            quarter: None,
            half: None,
            season: None,
            decade: None,
            century: None,
            part: None,
            hour: None,
            minute: None,
            second: None,
            zone: None,
            time_only: false,
        }
    }

    /// A day.
    pub(crate) fn day(d: Date) -> Self {
        Self {
            year: Some(d.year()),
            month: u8::try_from(d.month()).ok(),
            day: u8::try_from(d.day()).ok(),
            ..Self::new(Gran::Day)
        }
    }

    /// The period of granularity `gran` containing `d`.
    pub(crate) fn containing(d: Date, gran: Gran) -> Self {
        let y = d.year();
        let m = u8::try_from(d.month()).ok();
        match gran {
            Gran::Century => Self { century: Some(y.div_euclid(100)), ..Self::new(gran) },
            Gran::Decade => Self { decade: Some(y.div_euclid(10)), ..Self::new(gran) },
            Gran::Year => Self { year: Some(y), ..Self::new(gran) },
            Gran::Half => Self { year: Some(y), half: Some(if d.month() <= 6 { 1 } else { 2 }), ..Self::new(gran) },
            Gran::Quarter => {
                Self { year: Some(y), quarter: u8::try_from((d.month() - 1) / 3 + 1).ok(), ..Self::new(gran) }
            }
            Gran::Season | Gran::Month => Self { year: Some(y), month: m, ..Self::new(Gran::Month) },
            Gran::Week => {
                let (wy, w) = d.iso_week();
                Self { year: Some(wy), week: u8::try_from(w).ok(), ..Self::new(gran) }
            }
            _ => Self::day(d),
        }
    }

    /// The date this value names, if it names one day.
    pub(crate) fn date(&self) -> Option<Date> {
        if self.gran < Gran::Day {
            return None;
        }
        Date::checked(self.year?, u32::from(self.month?), u32::from(self.day?))
    }

    /// A day inside the value (its first), if its year is known.
    pub(crate) fn first_day(&self) -> Option<Date> {
        self.interval().map(|(a, _)| a)
    }

    /// The TIMEX3 value.
    pub(crate) fn render(&self) -> String {
        let mut s = String::with_capacity(16);
        if self.time_only {
            s.push('T');
            match (self.part, self.hour) {
                (_, Some(h)) => {
                    let _ = write!(s, "{h:02}");
                    if let Some(m) = self.minute {
                        let _ = write!(s, ":{m:02}");
                        if let Some(sec) = self.second.filter(|x| *x > 0) {
                            let _ = write!(s, ":{sec:02}");
                        }
                    }
                }
                (Some(p), None) => s.push_str(p.code()),
                (None, None) => s.push_str("XX"),
            }
            return s;
        }
        let year = |s: &mut String| match self.year {
            Some(y) if y < 0 => {
                let _ = write!(s, "BC{:04}", -y);
            }
            Some(y) => {
                let _ = write!(s, "{y:04}");
            }
            None => s.push_str("XXXX"),
        };
        match self.gran {
            Gran::Century => match self.century {
                // Centuries before the common era count from -1 (BC00).
                Some(c) if c < 0 => {
                    let _ = write!(s, "BC{:02}", -c - 1);
                }
                Some(c) => {
                    let _ = write!(s, "{c:02}");
                }
                None => s.push_str("XX"),
            },
            Gran::Decade => match self.decade {
                Some(d) if d < 0 => {
                    let _ = write!(s, "BC{:03}", -d);
                }
                Some(d) => {
                    let _ = write!(s, "{d:03}");
                }
                None => s.push_str("XXX"),
            },
            Gran::Year => year(&mut s),
            Gran::Half => {
                year(&mut s);
                let _ = write!(s, "-H{}", self.half.unwrap_or(1));
            }
            Gran::Quarter => {
                year(&mut s);
                match self.quarter {
                    Some(q) => {
                        let _ = write!(s, "-Q{q}");
                    }
                    None => s.push_str("-QX"),
                }
            }
            Gran::Season => {
                year(&mut s);
                s.push('-');
                s.push_str(self.season.map_or("XX", Season::code));
            }
            Gran::Month => {
                year(&mut s);
                match self.month {
                    Some(m) => {
                        let _ = write!(s, "-{m:02}");
                    }
                    None => s.push_str("-XX"),
                }
            }
            Gran::Week => {
                year(&mut s);
                match self.week {
                    Some(w) => {
                        let _ = write!(s, "-W{w:02}");
                    }
                    None => s.push_str("-WXX"),
                }
                if self.weekend {
                    s.push_str("-WE");
                }
            }
            Gran::Day | Gran::Part | Gran::Hour | Gran::Minute | Gran::Second => {
                self.render_day(&mut s);
                self.render_time(&mut s);
            }
        }
        s
    }

    fn render_day(&self, s: &mut String) {
        match (self.month, self.day, self.weekday) {
            (Some(m), Some(d), _) => {
                match self.year {
                    Some(y) if y < 0 => {
                        let _ = write!(s, "BC{:04}", -y);
                    }
                    Some(y) => {
                        let _ = write!(s, "{y:04}");
                    }
                    None => s.push_str("XXXX"),
                }
                let _ = write!(s, "-{m:02}-{d:02}");
            }
            (None, None, Some(wd)) => {
                match (self.year, self.week) {
                    (Some(y), Some(w)) => {
                        let _ = write!(s, "{y:04}-W{w:02}");
                    }
                    _ => s.push_str("XXXX-WXX"),
                }
                let _ = write!(s, "-{wd}");
            }
            _ => {
                match self.year {
                    Some(y) => {
                        let _ = write!(s, "{y:04}");
                    }
                    None => s.push_str("XXXX"),
                }
                match self.month {
                    Some(m) => {
                        let _ = write!(s, "-{m:02}-XX");
                    }
                    None => s.push_str("-XX-XX"),
                }
            }
        }
    }

    fn render_time(&self, s: &mut String) {
        match self.gran {
            Gran::Part => {
                if let Some(p) = self.part {
                    s.push('T');
                    s.push_str(p.code());
                }
            }
            Gran::Hour | Gran::Minute | Gran::Second => {
                let h = self.hour.unwrap_or(0);
                let m = self.minute.unwrap_or(0);
                let _ = write!(s, "T{h:02}:{m:02}");
                // Whole minutes are written without seconds (`T22:15`).
                if self.gran == Gran::Second && self.second.is_some_and(|x| x > 0) {
                    let _ = write!(s, ":{:02}", self.second.unwrap_or(0));
                }
            }
            _ => {}
        }
    }

    /// Whether the value lies on the calendar: no year 0 or after 9999, no
    /// decade or century outside them (years before the common era, written
    /// as such, are kept). A value computed off it (`next year` in 9999) is
    /// left unresolved by its caller.
    pub(crate) fn on_calendar(&self) -> bool {
        self.year.is_none_or(|y| y != 0 && y <= crate::civil::MAX_YEAR)
            && self.decade.is_none_or(|d| (-crate::civil::MAX_YEAR / 10..=crate::civil::MAX_YEAR / 10).contains(&d))
            && self
                .century
                .is_none_or(|c| (-crate::civil::MAX_YEAR / 100 - 1..=crate::civil::MAX_YEAR / 100).contains(&c))
    }

    /// The half-open interval of days the value covers, when its year is
    /// known and the interval is on the calendar: none for one ending after
    /// 9999-12-31 (its end, 10000-01-01, is not a [`Date`]; clamping it
    /// would drop the last day, leaving `9999-12-31` empty).
    pub(crate) fn interval(&self) -> Option<(Date, Date)> {
        let y = self.year;
        let span_months = |y: i32, m: u32, n: u32| -> Option<(Date, Date)> {
            let (ey, em) = add_months(y, m, i64::from(n))?;
            Some((Date::checked(y, m, 1)?, Date::checked(ey, em, 1)?))
        };
        match self.gran {
            Gran::Century => {
                let c = self.century?;
                Some((Date::checked((c * 100).max(1), 1, 1)?, Date::checked(c * 100 + 100, 1, 1)?))
            }
            Gran::Decade => {
                let d = self.decade?;
                Some((Date::checked((d * 10).max(1), 1, 1)?, Date::checked(d * 10 + 10, 1, 1)?))
            }
            Gran::Year => Some((Date::checked(y?, 1, 1)?, Date::checked(y? + 1, 1, 1)?)),
            Gran::Half => span_months(y?, u32::from(self.half?) * 6 - 5, 6),
            Gran::Quarter => span_months(y?, u32::from(self.quarter?) * 3 - 2, 3),
            Gran::Season => {
                let s = self.season?;
                // A winter is its January's year's: from the December before.
                if s == Season::Winter {
                    span_months(y? - 1, s.first_month(), 3)
                } else {
                    span_months(y?, s.first_month(), 3)
                }
            }
            Gran::Month => span_months(y?, u32::from(self.month?), 1),
            Gran::Week => {
                let monday = iso_week_monday(y?, u32::from(self.week?))?;
                let first = if self.weekend { monday.checked_add_days(5)? } else { monday };
                Some((first, monday.checked_add_days(7)?))
            }
            _ => {
                let d = match (self.month, self.day) {
                    (Some(m), Some(d)) => Date::checked(y?, u32::from(m), u32::from(d))?,
                    _ => {
                        let monday = iso_week_monday(y?, u32::from(self.week?))?;
                        monday.checked_add_days(i64::from(self.weekday?) - 1)?
                    }
                };
                Some((d, d.checked_add_days(1)?))
            }
        }
    }
}

/// The Monday of ISO week `w` of `year`.
pub(crate) fn iso_week_monday(year: i32, w: u32) -> Option<Date> {
    let jan4 = Date::checked(year, 1, 4)?;
    jan4.checked_add_days(1 - i64::from(jan4.weekday()) + (i64::from(w) - 1) * 7)
}

/// `year-month` plus `n` months.
pub(crate) fn add_months(year: i32, month: u32, n: i64) -> Option<(i32, u32)> {
    let total = i64::from(year) * 12 + i64::from(month) - 1 + n;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = u32::try_from(total.rem_euclid(12) + 1).ok()?;
    (1..=9999).contains(&y).then_some((y, m))
}

/// The part of a day interval a modifier names: its first, middle or last
/// third (`early 2027`: January to April; `mid-November`: the 11th to the
/// 20th; `the late 1990s`: 1997 to 1999). Whole months are cut in months, a
/// decade or longer in years, a month at its 11th and 21st, anything else in
/// days; a single day, and any other modifier, stay whole.
pub(crate) fn narrowed(days: (Date, Date), modifier: Option<&str>) -> (Date, Date) {
    let k = match modifier {
        Some("START") => 0,
        Some("MID") => 1,
        Some("END") => 2,
        _ => return days,
    };
    let (a, b) = days;
    // The three cuts of `n` units: [0, n/3, n - n/3, n], rounded.
    let cut = |n: i64| {
        let t = [0, (n + 1) / 3, n - (n + 1) / 3, n];
        (t[k], t[k + 1])
    };
    let months = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month()) - 1;
    let part = if a.day() == 1 && b.day() == 1 {
        let m = months(b) - months(a);
        let at = |n: i64| add_months(a.year(), a.month(), n).and_then(|(y, mm)| Date::checked(y, mm, 1));
        match m {
            1 => {
                let day = |d: u32| Date::checked(a.year(), a.month(), d);
                let (x, y) = [(day(1), day(11)), (day(11), day(21)), (day(21), Some(b))][k];
                x.zip(y)
            }
            m if m >= 120 && m % 12 == 0 => {
                let (x, y) = cut(m / 12);
                at(x * 12).zip(at(y * 12))
            }
            m => {
                let (x, y) = cut(m);
                at(x).zip(at(y))
            }
        }
    } else {
        let (x, y) = cut(b.to_epoch_days() - a.to_epoch_days());
        a.checked_add_days(x).zip(a.checked_add_days(y))
    };
    part.filter(|(x, y)| x < y).unwrap_or(days)
}

/// `d` plus `n` months, the day clamped to the month's length.
pub(crate) fn add_months_to(d: Date, n: i64) -> Option<Date> {
    let (y, m) = add_months(d.year(), d.month(), n)?;
    Date::checked(y, m, d.day().min(days_in_month(y, m)))
}

/// Whether the US keeps daylight saving time on day `d` (the rules of
/// 1967, 1987 and 2007; the day it begins counts as summer, the day it
/// ends as winter). Before 1967 the states kept no common rule: never.
pub(crate) fn us_daylight(d: Date) -> bool {
    let y = d.year();
    // The `n`-th Sunday of month `m` (`n` = -1: the last).
    let sunday = |m: u32, n: i64| -> Option<Date> {
        if n < 0 {
            let last = Date::checked(y, m, crate::civil::days_in_month(y, m))?;
            return Some(last.add_days(-(i64::from(last.weekday()) % 7)));
        }
        let first = Date::checked(y, m, 1)?;
        Some(first.add_days((7 - i64::from(first.weekday())) % 7 + 7 * (n - 1)))
    };
    let (begin, end) = match y {
        2007.. => (sunday(3, 2), sunday(11, 1)),
        1987..=2006 => (sunday(4, 1), sunday(10, -1)),
        1967..=1986 => (sunday(4, -1), sunday(10, -1)),
        _ => return false,
    };
    matches!((begin, end), (Some(b), Some(e)) if b <= d && d < e)
}

/// `d` moved by `n` units (years, quarters, months, weeks, days; finer
/// units leave the day); `None` off the calendar.
pub(crate) fn shift_date(d: Date, unit: Unit, n: i64) -> Option<Date> {
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => d,
        Unit::Day => d.checked_add_days(n)?,
        Unit::Week => d.checked_add_days(n.checked_mul(7)?)?,
        Unit::Month => add_months_to(d, n)?,
        Unit::Quarter => add_months_to(d, n.checked_mul(3)?)?,
        Unit::Half => add_months_to(d, n.checked_mul(6)?)?,
        Unit::Year => add_months_to(d, n.checked_mul(12)?)?,
        Unit::Decade => add_months_to(d, n.checked_mul(120)?)?,
        Unit::Century => add_months_to(d, n.checked_mul(1200)?)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn a_modifier_narrows_the_interval_to_a_third() {
        let n = |a: Date, b: Date, m: &str| narrowed((a, b), Some(m));
        let year = (d(2027, 1, 1), d(2028, 1, 1));
        assert_eq!(n(year.0, year.1, "START"), (d(2027, 1, 1), d(2027, 5, 1)));
        assert_eq!(n(year.0, year.1, "MID"), (d(2027, 5, 1), d(2027, 9, 1)));
        assert_eq!(n(year.0, year.1, "END"), (d(2027, 9, 1), d(2028, 1, 1)));
        assert_eq!(narrowed(year, Some("APPROX")), year);
        assert_eq!(narrowed(year, None), year);
        assert_eq!(n(d(2026, 11, 1), d(2026, 12, 1), "MID"), (d(2026, 11, 11), d(2026, 11, 21)));
        assert_eq!(n(d(2026, 2, 1), d(2026, 3, 1), "END"), (d(2026, 2, 21), d(2026, 3, 1)));
        assert_eq!(n(d(1990, 1, 1), d(2000, 1, 1), "END"), (d(1997, 1, 1), d(2000, 1, 1)));
        assert_eq!(n(d(1900, 1, 1), d(2000, 1, 1), "START"), (d(1900, 1, 1), d(1933, 1, 1)));
        assert_eq!(n(d(2026, 4, 1), d(2026, 7, 1), "MID"), (d(2026, 5, 1), d(2026, 6, 1)));
        // A week in days; a single day stays whole.
        assert_eq!(n(d(2026, 3, 2), d(2026, 3, 9), "END"), (d(2026, 3, 7), d(2026, 3, 9)));
        assert_eq!(n(d(2026, 3, 2), d(2026, 3, 3), "START"), (d(2026, 3, 2), d(2026, 3, 3)));
    }

    #[test]
    fn renders_and_intervals() {
        let c = Cal::containing(d(2026, 3, 5), Gran::Week);
        assert_eq!(c.render(), "2026-W10");
        assert_eq!(c.interval(), Some((d(2026, 3, 2), d(2026, 3, 9))));
        let q = Cal::containing(d(2026, 11, 2), Gran::Quarter);
        assert_eq!((q.render().as_str(), q.interval()), ("2026-Q4", Some((d(2026, 10, 1), d(2027, 1, 1)))));
        let mut t = Cal::day(d(2026, 3, 5));
        t.gran = Gran::Minute;
        t.hour = Some(17);
        assert_eq!(t.render(), "2026-03-05T17:00");
        let mut we = Cal::containing(d(2026, 3, 5), Gran::Week);
        we.weekend = true;
        assert_eq!((we.render().as_str(), we.interval().unwrap().0), ("2026-W10-WE", d(2026, 3, 7)));
        let mut u = Cal::new(Gran::Day);
        u.weekday = Some(4);
        assert_eq!((u.render().as_str(), u.interval()), ("XXXX-WXX-4", None));
        let dec = Cal::containing(d(1994, 5, 1), Gran::Decade);
        assert_eq!((dec.render().as_str(), dec.interval().unwrap().0), ("199", d(1990, 1, 1)));
    }

    #[test]
    fn us_daylight_saving_time() {
        let d = |y, m, day| Date::checked(y, m, day).unwrap();
        // 2026: from Sunday March 8 to Sunday November 1.
        assert!(!us_daylight(d(2026, 3, 7)));
        assert!(us_daylight(d(2026, 3, 8)));
        assert!(us_daylight(d(2026, 10, 31)));
        assert!(!us_daylight(d(2026, 11, 1)));
        // 1998: from the first Sunday of April (5th) to the last of October (25th).
        assert!(!us_daylight(d(1998, 4, 4)));
        assert!(us_daylight(d(1998, 4, 5)));
        assert!(!us_daylight(d(1998, 10, 25)));
        // 1980: from the last Sunday of April (27th).
        assert!(!us_daylight(d(1980, 4, 26)));
        assert!(us_daylight(d(1980, 4, 27)));
        assert!(!us_daylight(d(1950, 7, 1)));
    }

    #[test]
    fn shifting() {
        assert_eq!(shift_date(d(2026, 3, 31), Unit::Month, -1), Some(d(2026, 2, 28)));
        assert_eq!(shift_date(d(2026, 3, 5), Unit::Week, 2), Some(d(2026, 3, 19)));
        assert_eq!(add_months(2026, 1, -1), Some((2025, 12)));
    }
}
