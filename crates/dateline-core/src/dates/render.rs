//! TIMEX3 strings of values that are not calendar points: durations
//! (`P2D`, `P1Y6M`, `PT0.5H`), sets (`XXXX-WXX-4`, `P1W`) and points left
//! without an anchor (`XXXX-03`, `XXXX-WXX-4T17:00`).

use std::fmt::Write as _;

use super::cal::{Cal, Gran};
use super::fields::{Fields, Unit};

fn num(n: f64) -> String {
    if n.fract() == 0.0 { format!("{n:.0}") } else { format!("{n}") }
}

/// One amount of a duration: (date part, time part).
/// How a length of centuries is written: in years (news, as TimeBank:
/// `more than a century` is P100Y), or in centuries where whole (a
/// narrative, as WikiWars: `two centuries` is P2CE; `half a century` is
/// still P50Y).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Centuries {
    Years,
    Whole,
}

fn amount(n: Option<f64>, unit: Unit, c: Centuries) -> (String, String) {
    // Less than one of a unit: the next finer unit (`half an hour` is PT30M).
    // The next finer unit a part of one is written in.
    let fine = match unit {
        Unit::Hour => Some(Unit::Minute),
        Unit::Minute => Some(Unit::Second),
        Unit::Day => Some(Unit::Hour),
        Unit::Year | Unit::Half => Some(Unit::Month),
        _ => None,
    };
    if let Some(v) = n.filter(|v| *v > 0.0 && *v < 1.0) {
        let finer = fine.and_then(|u| Some((v * unit.per(u)?, u)));
        if let Some((w, u)) = finer.filter(|(w, _)| w.fract() == 0.0) {
            return amount(Some(w), u, c);
        }
    }
    // A whole count and a quarter or three (`two and a quarter hours`:
    // PT2H15M; days and halves keep their decimals), when the part is a
    // whole count of the finer unit.
    if let Some(v) = n.filter(|v| *v > 1.0 && matches!(v.fract(), 0.25 | 0.75))
        && matches!(unit, Unit::Hour | Unit::Minute | Unit::Year)
        && let Some((w, u)) = fine.and_then(|u| Some((v.fract() * unit.per(u)?, u))).filter(|(w, _)| w.fract() == 0.0)
    {
        let (d1, t1) = amount(Some(v.trunc()), unit, c);
        let (d2, t2) = amount(Some(w), u, c);
        return (d1 + &d2, t1 + &t2);
    }
    let x = |n: Option<f64>, code: &str| n.map_or_else(|| format!("X{code}"), |n| format!("{}{code}", num(n)));
    match unit {
        Unit::Second => (String::new(), x(n, "S")),
        Unit::Minute => match n {
            Some(v) if v > 1.0 && v.fract() == 0.5 => (String::new(), format!("{}M30S", num(v.trunc()))),
            _ => (String::new(), x(n, "M")),
        },
        Unit::Hour => match n {
            Some(v) if v > 1.0 && v.fract() == 0.5 => (String::new(), format!("{}H30M", num(v.trunc()))),
            _ => (String::new(), x(n, "H")),
        },
        Unit::Day => match n {
            Some(v) if v > 1.0 && v.fract() == 0.5 => (format!("{}D", num(v.trunc())), "12H".to_owned()),
            _ => (x(n, "D"), String::new()),
        },
        Unit::Week => (x(n, "W"), String::new()),
        Unit::Month => (x(n, "M"), String::new()),
        Unit::Quarter => (x(n, "Q"), String::new()),
        Unit::Half => (x(n.map(|v| v * 6.0), "M"), String::new()),
        Unit::Year => match n {
            Some(v) if v >= 1.0 && v.fract() == 0.5 => (format!("{}Y6M", num(v.trunc())), String::new()),
            _ => (x(n, "Y"), String::new()),
        },
        Unit::Decade => match n {
            Some(v) => (format!("{}Y", num(v * 10.0)), String::new()),
            // `decades`: years, as a number of decades is (`two decades`, P20Y).
            None => ("XY".to_owned(), String::new()),
        },
        Unit::Century => match n {
            Some(v) if c == Centuries::Years || v.fract() != 0.0 => (format!("{}Y", num(v * 100.0)), String::new()),
            _ => (x(n, "CE"), String::new()),
        },
    }
}

/// The TIMEX3 value of a duration.
pub(crate) fn duration(f: &Fields, c: Centuries) -> String {
    let n = if f.vague { None } else { f.n.or(Some(1.0)) };
    let mut date = String::new();
    let mut time = String::new();
    if let Some(u) = f.unit {
        let (d, t) = amount(n, u, c);
        date.push_str(&d);
        time.push_str(&t);
    }
    for (n, u) in [(f.n2, f.unit2), (f.n3, f.unit3)] {
        if let Some(u) = u {
            let (d, t) = amount(n.or(Some(1.0)), u, c);
            date.push_str(&d);
            time.push_str(&t);
        }
    }
    let mut s = String::with_capacity(8);
    s.push('P');
    s.push_str(&date);
    if !time.is_empty() {
        s.push('T');
        s.push_str(&time);
    }
    s
}

/// The TIMEX3 value, `freq` and `quant` of a set.
pub(crate) fn set(f: &Fields, c: Centuries) -> (String, Option<String>, Option<&'static str>) {
    let quant = f.every.then_some("EVERY");
    let freq = f.freq.map(|n| format!("{n}X"));
    let mut v = String::new();
    if f.weekend {
        v.push_str("XXXX-WXX-WE");
    } else if let Some(wd) = f.weekday {
        let _ = write!(v, "XXXX-WXX-{wd}");
        if let Some(h) = f.hour24() {
            let _ = write!(v, "T{h:02}:{:02}", f.minute.unwrap_or(0));
        } else if let Some(p) = f.part {
            let _ = write!(v, "T{}", p.code());
        }
    } else if let Some(m) = f.month {
        let _ = write!(v, "XXXX-{m:02}");
        if let Some(d) = f.day {
            let _ = write!(v, "-{d:02}");
        }
    } else if let Some(s) = f.season {
        let _ = write!(v, "XXXX-{}", s.code());
    } else if let Some(u) = f.unit {
        v = duration(&Fields { n: Some(f.n.unwrap_or(1.0)), vague: false, ..*f }, c);
        let _ = u;
    } else if let Some(h) = f.hour24() {
        let _ = write!(v, "XXXX-XX-XXT{h:02}:{:02}", f.minute.unwrap_or(0));
    } else if let Some(p) = f.part {
        let _ = write!(v, "XXXX-XX-XXT{}", p.code());
    } else {
        v.push_str("P1D");
    }
    (v, freq, quant)
}

/// A point with no year and no anchor to give it one.
pub(crate) fn underspecified(f: &Fields, holiday_day: Option<(u32, u32)>) -> String {
    let mut c = Cal::new(Gran::Year);
    c.zone = f.zone;
    if let Some((m, d)) = holiday_day {
        c.month = u8::try_from(m).ok();
        c.day = u8::try_from(d).ok();
        c.gran = Gran::Day;
    } else if let Some(m) = f.month {
        c.month = Some(m);
        c.day = f.day;
        c.gran = if f.day.is_some() { Gran::Day } else { Gran::Month };
    } else if let Some(w) = f.week {
        c.week = Some(w);
        c.weekend = f.weekend;
        c.gran = Gran::Week;
    } else if let Some(wd) = f.weekday {
        c.weekday = Some(wd);
        c.gran = Gran::Day;
    } else if let Some(s) = f.season {
        c.season = Some(s);
        c.gran = Gran::Season;
    } else if f.quarter.is_some() || (f.unit == Some(Unit::Quarter) && f.half.is_none()) {
        c.quarter = f.quarter;
        c.gran = Gran::Quarter;
    } else if let Some(h) = f.half {
        c.half = Some(h);
        c.gran = Gran::Half;
    } else if f.weekend {
        c.weekend = true;
        c.gran = Gran::Week;
    } else if f.has_time() {
        c.gran = Gran::Day;
    }
    if c.gran >= Gran::Day {
        if let Some(h) = f.hour24() {
            c.hour = Some(h);
            c.minute = f.minute;
            c.second = f.second;
            c.gran = if f.second.is_some() { Gran::Second } else { Gran::Minute };
        } else if let Some(p) = f.part {
            c.part = Some(p);
            c.gran = Gran::Part;
        }
    }
    c.render()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::fields::Part;

    fn dur(n: Option<f64>, unit: Unit) -> String {
        duration(&Fields { n, unit: Some(unit), vague: n.is_none(), ..Fields::default() }, Centuries::Years)
    }

    #[test]
    fn centuries_in_years_or_whole() {
        let cent = |n: Option<f64>, c| {
            duration(&Fields { n, unit: Some(Unit::Century), vague: n.is_none(), ..Fields::default() }, c)
        };
        assert_eq!(cent(Some(2.0), Centuries::Years), "P200Y");
        assert_eq!(cent(Some(2.0), Centuries::Whole), "P2CE");
        assert_eq!(cent(Some(0.5), Centuries::Years), "P50Y");
        assert_eq!(cent(Some(0.5), Centuries::Whole), "P50Y");
        assert_eq!(cent(Some(1.5), Centuries::Whole), "P150Y");
        assert_eq!(cent(None, Centuries::Years), "PXCE");
        assert_eq!(cent(None, Centuries::Whole), "PXCE");
    }

    #[test]
    fn durations() {
        assert_eq!(dur(Some(2.0), Unit::Day), "P2D");
        assert_eq!(dur(Some(1.5), Unit::Year), "P1Y6M");
        assert_eq!(dur(Some(0.5), Unit::Hour), "PT30M");
        assert_eq!(dur(Some(24.0), Unit::Hour), "PT24H");
        assert_eq!(dur(None, Unit::Month), "PXM");
        assert_eq!(dur(Some(2.0), Unit::Decade), "P20Y");
        let two =
            Fields { n: Some(1.0), unit: Some(Unit::Day), n2: Some(6.0), unit2: Some(Unit::Hour), ..Fields::default() };
        assert_eq!(duration(&two, Centuries::Years), "P1DT6H");
    }

    #[test]
    fn sets_and_underspecified_points() {
        let f = Fields { weekday: Some(4), every: true, ..Fields::default() };
        assert_eq!(set(&f, Centuries::Years), ("XXXX-WXX-4".to_owned(), None, Some("EVERY")));
        let f = Fields { unit: Some(Unit::Week), freq: Some(2), ..Fields::default() };
        assert_eq!(set(&f, Centuries::Years).0, "P1W");
        assert_eq!(underspecified(&Fields { month: Some(3), ..Fields::default() }, None), "XXXX-03");
        let f =
            Fields { weekday: Some(4), hour: Some(5), ampm: Some(crate::dates::fields::AmPm::Pm), ..Fields::default() };
        assert_eq!(underspecified(&f, None), "XXXX-WXX-4T17:00");
        let f = Fields { part: Some(Part::Night), ..Fields::default() };
        assert_eq!(underspecified(&f, None), "XXXX-XX-XXTNI");
    }
}
