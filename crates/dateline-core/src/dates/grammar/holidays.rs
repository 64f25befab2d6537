//! Holiday rules as written in `words.toml`: `12-25` (a fixed day),
//! `11 thu 4` (the fourth Thursday of November), `05 mon last`,
//! `easter -2` (two days before Easter Sunday), with an optional day offset
//! after any of them (`11 thu 4 +4` is the Monday after Thanksgiving).

use crate::civil::{Date, days_in_month};

/// How a holiday's date is computed in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    /// A fixed month and day, plus an offset in days.
    Fixed(u32, u32, i64),
    /// The `n`th `weekday` (1 = Monday) of `month` (`n = 0`: the last), plus an offset.
    NthWeekday(u32, u32, u32, i64),
    /// Easter Sunday (Gregorian) plus an offset.
    Easter(i64),
}

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn offset(s: Option<&str>) -> Option<i64> {
    match s {
        None => Some(0),
        Some(s) if s.starts_with(['+', '-']) => s.parse().ok(),
        Some(_) => None,
    }
}

impl HolidayRule {
    pub(crate) fn parse(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s.split_whitespace().collect();
        match parts.as_slice() {
            ["easter", rest @ ..] if rest.len() <= 1 => Some(Self::Easter(offset(rest.first().copied())?)),
            [md, rest @ ..] if md.contains('-') && rest.len() <= 1 => {
                let (m, d) = md.split_once('-')?;
                let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
                (Date::checked(2000, m, d).is_some()).then_some(())?;
                Some(Self::Fixed(m, d, offset(rest.first().copied())?))
            }
            [m, wd, n, rest @ ..] if rest.len() <= 1 => {
                let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
                let wd = u32::try_from(WEEKDAYS.iter().position(|w| w == wd)? + 1).ok()?;
                let n = if *n == "last" { 0 } else { n.parse().ok().filter(|n| (1..=5).contains(n))? };
                Some(Self::NthWeekday(m, wd, n, offset(rest.first().copied())?))
            }
            _ => None,
        }
    }

    /// The holiday's date in `year`.
    pub(crate) fn date(self, year: i32) -> Option<Date> {
        match self {
            Self::Fixed(m, d, off) => Date::checked(year, m, d).map(|x| x.add_days(off)),
            Self::NthWeekday(m, wd, n, off) => {
                let d = if n == 0 {
                    let last = Date::checked(year, m, days_in_month(year, m))?;
                    last.add_days(-(i64::from(last.weekday()) - i64::from(wd)).rem_euclid(7))
                } else {
                    let first = Date::checked(year, m, 1)?;
                    let ahead = (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
                    let d = first.add_days(ahead + 7 * (i64::from(n) - 1));
                    if d.month() != m {
                        return None;
                    }
                    d
                };
                Some(d.add_days(off))
            }
            Self::Easter(off) => easter(year).map(|d| d.add_days(off)),
        }
    }

    /// The month and day of a holiday on a fixed date.
    pub(crate) fn fixed_day(self) -> Option<(u32, u32)> {
        match self {
            Self::Fixed(m, d, 0) => Some((m, d)),
            _ => None,
        }
    }

    /// An approximate month and day, to choose the year from an anchor.
    pub(crate) fn approx(self) -> (u32, u32) {
        match self {
            Self::Fixed(m, d, off) => Date::checked(2001, m, d).map_or((m, d), |x| {
                let x = x.add_days(off);
                (x.month(), x.day())
            }),
            Self::NthWeekday(m, _, _, _) => (m, 15),
            Self::Easter(_) => (4, 5),
        }
    }
}

/// The last year Easter is reckoned by the Julian computus: the Gregorian
/// calendar began in October 1582, and histories write earlier dates in the
/// Julian calendar (Easter 1521 fell on 31 March).
const LAST_JULIAN_EASTER: i32 = 1582;

/// Easter Sunday of `year`: the Julian computus up to 1582, as dated then,
/// the Gregorian after. The Julian date is kept as written (1521-03-31), in
/// the proleptic Gregorian [`Date`]: its weekday there is not the Sunday it
/// was, and a count of days from it across a Julian-only leap day (1500,
/// 1300) is one off.
pub(crate) fn easter(year: i32) -> Option<Date> {
    if year <= LAST_JULIAN_EASTER {
        let (a, b, c) = (year.rem_euclid(4), year.rem_euclid(7), year.rem_euclid(19));
        let d = (19 * c + 15) % 30;
        let e = (2 * a + 4 * b - d + 34).rem_euclid(7);
        let month = (d + e + 114) / 31;
        let day = (d + e + 114) % 31 + 1;
        return Date::checked(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?);
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::checked(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(rule: &str, year: i32) -> String {
        HolidayRule::parse(rule).unwrap().date(year).unwrap().to_string()
    }

    #[test]
    fn rules() {
        assert_eq!(easter(2026).unwrap().to_string(), "2026-04-05");
        assert_eq!(easter(2000).unwrap().to_string(), "2000-04-23");
        // Julian Easter before the Gregorian calendar.
        assert_eq!(easter(1521).unwrap().to_string(), "1521-03-31");
        assert_eq!(easter(1066).unwrap().to_string(), "1066-04-16");
        assert_eq!(easter(1583).unwrap().to_string(), "1583-04-10");
        assert_eq!(on("11 thu 4", 1999), "1999-11-25");
        assert_eq!(on("11 thu 4 +4", 2026), "2026-11-30");
        assert_eq!(on("05 mon last", 2026), "2026-05-25");
        assert_eq!(on("09 mon 1", 2026), "2026-09-07");
        assert_eq!(on("12-25", 2026), "2026-12-25");
        assert_eq!(on("easter -2", 2026), "2026-04-03");
        for bad in ["13-01", "02-30", "11 xyz 4", "11 thu 6", "easter x", ""] {
            assert_eq!(HolidayRule::parse(bad), None, "{bad}");
        }
    }
}
