//! Counting from a story before the common era: years, decades and centuries
//! BC (there is no year 0), and days, weeks and months counted on the same
//! date whole 400-year cycles later.

use crate::civil::Date;
use crate::dates::cal::{Cal, Gran, shift_date};
use crate::dates::fields::Unit;

/// `n` units from a story's year before the common era (`c.year` < 0, the
/// year BC): a year for `Year`, the decade or century BC for those (stored
/// negative, `BC046` the 460s BC), an AD value when the count crosses into
/// the era; `None` for finer units, which a year alone does not place.
pub(super) fn bc_shift(c: Cal, unit: Unit, n: i64) -> Option<Cal> {
    let years = match unit {
        Unit::Year => n,
        Unit::Decade => n.checked_mul(10)?,
        Unit::Century => n.checked_mul(100)?,
        Unit::Month | Unit::Week | Unit::Day => return bc_shift_days(c, unit, n),
        _ => return None,
    };
    let y = i64::from(c.year?);
    // There is no year 0: 1 BC is followed by AD 1.
    let mut y2 = y.checked_add(years)?;
    if y2 >= 0 {
        y2 += 1;
    }
    let y2 = i32::try_from(y2).ok().filter(|y| (-9999..=9999).contains(y))?;
    let bc = -y2;
    Some(match unit {
        // The 460s BC are 469 to 460 BC; years 9 to 1 BC have no decade code.
        Unit::Decade if bc >= 10 => Cal { decade: Some(-(bc / 10)), ..Cal::new(Gran::Decade) },
        // The 4th century BC (400 to 301 BC) is -4, `BC03`; the first -1, `BC00`.
        Unit::Century if bc >= 1 => Cal { century: Some(-((bc - 1) / 100) - 1), ..Cal::new(Gran::Century) },
        Unit::Decade | Unit::Century if y2 > 0 => Cal::containing(Date::checked(y2, 1, 1)?, Gran::of_unit(unit)),
        _ => Cal { year: Some(y2), ..Cal::new(Gran::Year) },
    })
}

/// Years a date before the common era is moved by to be counted on the
/// calendar: whole 400-year cycles of the proleptic Gregorian calendar, so
/// that months, leap days, weekdays and ISO weeks fall as in the year itself.
const BC_CYCLES: i32 = 2000;

/// `four days later`, `two months later` from a story's month, week or day
/// before the common era (`28 September 48 BC`): counted on the same
/// date [`BC_CYCLES`] years later, then moved back; a month alone counts in
/// months (`later that month` after `August 30 BC`, or after a week).
fn bc_shift_days(c: Cal, unit: Unit, n: i64) -> Option<Cal> {
    if c.gran < Gran::Month {
        return None;
    }
    // Year -48 is 48 BC; astronomically -47 (there is no year 0).
    let y = c.year?;
    let astro = if y < 0 { y + 1 } else { y };
    let d = Cal { year: Some(astro.checked_add(BC_CYCLES)?), ..c }.first_day()?;
    let gran = if c.gran > Gran::Month { Gran::of_unit(unit).max(Gran::Month) } else { Gran::Month };
    let mut out = Cal::containing(shift_date(d, unit, n)?, gran);
    let astro = out.year? - BC_CYCLES;
    out.year = Some(if astro <= 0 { astro - 1 } else { astro });
    Some(out)
}
