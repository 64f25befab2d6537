//! Holidays with fixed and movable dates (`Christmas`, `Thanksgiving`,
//! `Easter`), resolved to the occurrence nearest the reference date in the
//! direction of the clause's tense.

use super::TimexType;
use super::matchers::{Ctx, Found, Kind, found};
use super::resolve::{self, Tense};
use crate::civil::{Date, days_in_month};

/// How a holiday's date is computed in a given year.
#[derive(Clone, Copy)]
enum Rule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The `n`th `weekday` (1 = Monday) of `month`; `n = 0` is the last one.
    NthWeekday(u32, u32, u32),
    /// Easter Sunday plus `offset` days.
    Easter(i64),
}

/// Holidays as token sequences (lower case) and their rules.
#[rustfmt::skip]
const HOLIDAYS: &[(&[&str], Rule)] = &[
    (&["christmas", "eve"], Rule::Fixed(12, 24)),
    (&["christmas", "day"], Rule::Fixed(12, 25)),
    (&["christmas"], Rule::Fixed(12, 25)),
    (&["new", "year", "'s", "eve"], Rule::Fixed(12, 31)),
    (&["new", "year", "’s", "eve"], Rule::Fixed(12, 31)),
    (&["new", "year", "'s", "day"], Rule::Fixed(1, 1)),
    (&["new", "year", "’s", "day"], Rule::Fixed(1, 1)),
    (&["independence", "day"], Rule::Fixed(7, 4)),
    (&["halloween"], Rule::Fixed(10, 31)),
    (&["valentine", "'s", "day"], Rule::Fixed(2, 14)),
    (&["valentine", "’s", "day"], Rule::Fixed(2, 14)),
    (&["veterans", "day"], Rule::Fixed(11, 11)),
    (&["thanksgiving", "day"], Rule::NthWeekday(11, 4, 4)),
    (&["thanksgiving"], Rule::NthWeekday(11, 4, 4)),
    (&["labor", "day"], Rule::NthWeekday(9, 1, 1)),
    (&["memorial", "day"], Rule::NthWeekday(5, 1, 0)),
    (&["martin", "luther", "king", "day"], Rule::NthWeekday(1, 1, 3)),
    (&["easter", "sunday"], Rule::Easter(0)),
    (&["easter", "monday"], Rule::Easter(1)),
    (&["good", "friday"], Rule::Easter(-2)),
    (&["easter"], Rule::Easter(0)),
];

/// Easter Sunday of `year` (Gregorian computus).
fn easter(year: i32) -> Option<Date> {
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

impl Rule {
    fn date(self, year: i32) -> Option<Date> {
        match self {
            Self::Fixed(m, d) => Date::checked(year, m, d),
            Self::NthWeekday(m, wd, n) => {
                if n == 0 {
                    let last = Date::checked(year, m, days_in_month(year, m))?;
                    let back = (i64::from(last.weekday()) - i64::from(wd)).rem_euclid(7);
                    Some(last.add_days(-back))
                } else {
                    let first = Date::checked(year, m, 1)?;
                    let ahead = (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
                    Some(first.add_days(ahead + 7 * (i64::from(n) - 1)))
                }
            }
            Self::Easter(offset) => easter(year).map(|d| d.add_days(offset)),
        }
    }

    /// An approximate month and day, to choose the year.
    fn approx(self) -> (u32, u32) {
        match self {
            Self::Fixed(m, d) => (m, d),
            Self::NthWeekday(m, _, _) => (m, 15),
            Self::Easter(_) => (4, 5),
        }
    }
}

impl Ctx<'_> {
    /// A holiday name, optionally followed by a year (`Christmas 2025`).
    pub(super) fn holiday(&self, i: usize, dir: Option<Tense>) -> Option<Found> {
        if !self.w(i).chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let (words, rule) =
            HOLIDAYS.iter().find(|(words, _)| words.iter().enumerate().all(|(k, w)| self.l(i + k) == *w))?;
        let end = i + words.len();
        if let Some((y, e)) = self.trailing_year(end) {
            return found(i, e, TimexType::Date, Kind::Point, rule.date(y)?.to_string());
        }
        let value = match self.reference {
            Some(r) => {
                let (m, d) = rule.approx();
                let tense = dir.unwrap_or_else(|| self.tense(i, end));
                let y = resolve::month_day_year(r, m, Some(d), tense);
                rule.date(y)?.to_string()
            }
            None => match rule {
                Rule::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
                _ => return None,
            },
        };
        found(i, end, TimexType::Date, Kind::Month, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movable_feasts() {
        assert_eq!(easter(2026).unwrap().to_string(), "2026-04-05");
        assert_eq!(easter(2000).unwrap().to_string(), "2000-04-23");
        assert_eq!(Rule::NthWeekday(11, 4, 4).date(1999).unwrap().to_string(), "1999-11-25");
        assert_eq!(Rule::NthWeekday(5, 1, 0).date(2026).unwrap().to_string(), "2026-05-25");
        assert_eq!(Rule::NthWeekday(9, 1, 1).date(2026).unwrap().to_string(), "2026-09-07");
    }
}
