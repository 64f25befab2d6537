//! Proleptic Gregorian calendar arithmetic on plain civil dates.
//!
//! The algorithms convert between `(year, month, day)` and a day count since
//! 1970-01-01 (the Unix epoch), so adding days, finding weekdays and comparing
//! dates are integer operations.

use std::fmt;
use std::num::NonZeroU8;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Smallest year a [`Date`] may hold.
pub const MIN_YEAR: i32 = 1;
/// Largest year a [`Date`] may hold.
pub const MAX_YEAR: i32 = 9999;

/// A calendar date (proleptic Gregorian), year 1 to 9999.
///
/// ```
/// use dateline_core::Date;
/// let d = Date::new(2026, 3, 5).unwrap();
/// assert_eq!(d.to_string(), "2026-03-05");
/// assert_eq!(d.weekday(), 4); // ISO weekday: Monday = 1 … Sunday = 7
/// assert_eq!(d.add_days(-4).to_string(), "2026-03-01");
/// assert!(Date::new(2026, 2, 30).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    /// Never 0: an `Option<Date>` (and a pair of them) takes no more room.
    month: NonZeroU8,
    day: u8,
}

/// A month number, 1 to 12.
const fn month(m: u8) -> NonZeroU8 {
    match NonZeroU8::new(m) {
        Some(m) => m,
        None => NonZeroU8::MIN,
    }
}

/// Number of days in `month` of `year`, or 0 for a month outside 1..=12.
#[must_use]
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Whether `year` is a Gregorian leap year.
#[must_use]
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Date {
    /// Builds a date, checking that it exists.
    ///
    /// # Errors
    /// [`Error::InvalidDate`] if the year is outside 1..=9999 or the day does not
    /// exist in that month (`2026-02-30`).
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, Error> {
        Self::checked(year, month, day).ok_or_else(|| Error::InvalidDate {
            value: format!("{year:04}-{month:02}-{day:02}"),
            reason: if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
                "year must be between 1 and 9999"
            } else if !(1..=12).contains(&month) {
                "month must be between 1 and 12"
            } else {
                "day does not exist in that month"
            },
        })
    }

    /// Builds a date if it exists, else `None`.
    #[must_use]
    pub fn checked(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month: NonZeroU8::new(u8::try_from(month).ok()?)?, day: u8::try_from(day).ok()? })
    }

    /// Parses a strict ISO 8601 calendar date, `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`Error::InvalidDate`] naming the string if it is not of that form or the
    /// date does not exist.
    pub fn parse_iso(s: &str) -> Result<Self, Error> {
        let bad = |reason| Error::InvalidDate { value: s.to_owned(), reason };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad("expected an ISO date YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
        };
        let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(bad("expected an ISO date YYYY-MM-DD"));
        };
        Self::new(i32::try_from(y).map_err(|_| bad("year out of range"))?, m, d)
    }

    /// Parses an ISO 8601 date, or the date part of an ISO 8601 timestamp
    /// (`2026-03-05T13:37`, `2026-03-05 13:37:00+01:00`); the time must be
    /// well-formed but is otherwise ignored.
    ///
    /// # Errors
    /// [`Error::InvalidDate`] as for [`Date::parse_iso`], or if the time part
    /// is malformed.
    pub fn parse_iso_datetime(s: &str) -> Result<Self, Error> {
        let Some(head) = s.get(..10) else {
            return Self::parse_iso(s);
        };
        let rest = &s[10..];
        if rest.is_empty() {
            return Self::parse_iso(s);
        }
        let time = rest.strip_prefix(['T', 't', ' ']).unwrap_or("");
        let b = time.as_bytes();
        let ok = b.len() >= 5
            && b[..2].iter().all(u8::is_ascii_digit)
            && b[2] == b':'
            && b[3..5].iter().all(u8::is_ascii_digit)
            && time[5..].bytes().all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'z' | b'+' | b'-'));
        if !ok {
            return Err(Error::InvalidDate {
                value: s.to_owned(),
                reason: "expected an ISO date YYYY-MM-DD or timestamp YYYY-MM-DDThh:mm",
            });
        }
        Self::parse_iso(head)
    }

    /// The year.
    #[must_use]
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1 to 12.
    #[must_use]
    pub fn month(self) -> u32 {
        u32::from(self.month.get())
    }
    /// The day of the month, 1 to 31.
    #[must_use]
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before it).
    #[must_use]
    pub fn to_epoch_days(self) -> i64 {
        // Howard Hinnant's days_from_civil, written for i64.
        let y = i64::from(self.year) - i64::from(self.month.get() <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month.get());
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if its year is within 1..=9999.
    #[must_use]
    pub fn from_epoch_days(days: i64) -> Option<Self> {
        // 0001-01-01 and 9999-12-31; outside them the arithmetic below could overflow.
        if !(-719_162..=2_932_896).contains(&days) {
            return None;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Self::checked(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    #[must_use]
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        let w = (self.to_epoch_days() + 3).rem_euclid(7) + 1;
        u32::try_from(w).unwrap_or(1)
    }

    /// The date `n` days later (earlier if negative), saturating at the
    /// calendar's ends.
    #[must_use]
    pub fn add_days(self, n: i64) -> Self {
        Self::from_epoch_days(self.to_epoch_days().saturating_add(n)).unwrap_or(if n < 0 {
            Self { year: MIN_YEAR, month: month(1), day: 1 }
        } else {
            Self { year: MAX_YEAR, month: month(12), day: 31 }
        })
    }

    /// The date `n` days later (earlier if negative), if it is on the
    /// calendar (years 1 to 9999).
    #[must_use]
    pub fn checked_add_days(self, n: i64) -> Option<Self> {
        Self::from_epoch_days(self.to_epoch_days().checked_add(n)?)
    }

    /// ISO 8601 week-numbering year and week (1..=53).
    #[must_use]
    pub fn iso_week(self) -> (i32, u32) {
        let wd = i64::from(self.weekday());
        let thursday = self.add_days(4 - wd);
        let jan1 = Self { year: thursday.year, month: month(1), day: 1 };
        let week = (thursday.to_epoch_days() - jan1.to_epoch_days()) / 7 + 1;
        (thursday.year, u32::try_from(week).unwrap_or(1))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = Error;
    fn try_from(s: String) -> Result<Self, Error> {
        Self::parse_iso(&s)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> Self {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_round_trip_over_many_years() {
        let mut d = Date::new(1890, 1, 1).unwrap();
        let start = d.to_epoch_days();
        for n in start..start + 80_000 {
            let next = d.add_days(1);
            assert_eq!(next.to_epoch_days(), n + 1);
            assert_eq!(Date::from_epoch_days(n + 1), Some(next));
            d = next;
        }
    }

    #[test]
    fn known_weekdays_and_weeks() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday(), 4);
        assert_eq!(Date::new(2026, 3, 1).unwrap().weekday(), 7);
        assert_eq!(Date::new(2026, 3, 5).unwrap().iso_week(), (2026, 10));
        assert_eq!(Date::new(2021, 1, 3).unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::new(2000, 2, 29).unwrap().to_string(), "2000-02-29");
        assert!(Date::new(1900, 2, 29).is_err());
    }

    #[test]
    fn parse_iso_rejects_bad_strings() {
        for s in ["2026-02-30", "2026-13-01", "2026-3-5", "20260305", "abcd-ef-gh", "0000-01-01", "２０２６-03-05"]
        {
            assert!(Date::parse_iso(s).is_err(), "{s}");
        }
        assert_eq!(Date::parse_iso("2026-03-05").unwrap(), Date::new(2026, 3, 5).unwrap());
    }

    #[test]
    fn add_days_saturates() {
        let d = Date::new(9999, 12, 31).unwrap();
        assert_eq!(d.add_days(10), d);
        assert_eq!(Date::new(1, 1, 1).unwrap().add_days(-5), Date::new(1, 1, 1).unwrap());
    }

    #[test]
    fn checked_add_days_stops_at_the_ends() {
        let (first, last) = (Date::new(1, 1, 1).unwrap(), Date::new(9999, 12, 31).unwrap());
        assert_eq!(last.checked_add_days(1), None);
        assert_eq!(first.checked_add_days(-1), None);
        assert_eq!(last.checked_add_days(-1), Date::new(9999, 12, 30).ok());
        assert_eq!(first.checked_add_days(i64::MAX), None);
        assert_eq!(last.checked_add_days(i64::MIN), None);
        assert_eq!(first.add_days(i64::MAX), last);
        assert_eq!(last.add_days(i64::MIN), first);
        assert_eq!(Date::from_epoch_days(first.to_epoch_days()), Some(first));
        assert_eq!(Date::from_epoch_days(last.to_epoch_days()), Some(last));
    }
}
