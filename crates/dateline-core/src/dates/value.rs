//! Unresolved values: what a rule makes of the fields it matched, before any
//! anchor is known. A rule's `make` names the kind; the resolver turns each
//! into calendar values against the reference date or the story's own time.

use super::fields::{AmPm, Dir, Fields, RefKind, Unit};
use super::grammar::{Base, Make, Rule};
use crate::civil::days_in_month;

/// An index into a scan's nodes.
pub(crate) type NodeId = u32;

/// The sub-expressions a node was built from, in text order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Subs {
    ids: [NodeId; 3],
    len: u8,
}

impl Subs {
    pub(crate) fn push(&mut self, id: NodeId) -> bool {
        if usize::from(self.len) == self.ids.len() {
            return false;
        }
        self.ids[usize::from(self.len)] = id;
        self.len += 1;
        true
    }
    pub(crate) fn as_slice(&self) -> &[NodeId] {
        &self.ids[..usize::from(self.len)]
    }
    /// Renames every node with `f`.
    pub(crate) fn remap(&mut self, f: impl Fn(NodeId) -> NodeId) {
        for id in &mut self.ids[..usize::from(self.len)] {
            *id = f(*id);
        }
    }
}

/// A value before anchoring.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// A match that is not a time expression (`$2000`, a phone number).
    None,
    /// Calendar fields, possibly without a year (`March 5`, `Thursday`, `9:30 p.m.`).
    Point(Fields),
    /// `n` units from an anchor (`yesterday`, `last year`, `three days later`),
    /// with finer fields added after the shift (`tomorrow at 5pm`).
    Shift { base: Base, unit: Unit, n: i64, f: Fields },
    /// A length of time (`n`/`unit`, `n2`/`unit2`, `n3`/`unit3`, `vague`, `mod`).
    Duration(Fields),
    /// A recurring time.
    Set(Fields),
    /// PAST_REF, PRESENT_REF or FUTURE_REF.
    Ref(Fields),
    /// Two expressions bounding a range (`from 4 to 22 this month`).
    /// `on`: a day both ends fall on (`next Monday 1-3 pm`).
    Range { begin: NodeId, end: NodeId, on: Option<NodeId> },
    /// A length of time from a point (`2 weeks starting May 20th`).
    For { point: NodeId, duration: NodeId },
    /// Three days of one list, each an expression (`March 3, 4 and 5`): the
    /// bare ones take the month of the first or the last.
    List3 { items: [NodeId; 3] },
    /// From a point until the reference time (`since March`).
    Since(NodeId),
    /// From the reference time until a point (`until Friday`).
    Until(NodeId),
    /// `n` units before or after a point (`3 weeks after Christmas`).
    Offset { base: NodeId, unit: Unit, n: i64, f: Fields },
    /// A length of time up to now (`the past five years`), from now (`the next
    /// five days`) or from today (`within 18 months`, `This`); the length is a
    /// piece, or the span's own fields.
    Span { duration: Option<NodeId>, dir: Dir, f: Fields },
}

impl Value {
    /// The fields of a value that has them.
    pub(crate) fn fields(&self) -> Option<&Fields> {
        match self {
            Self::Point(f)
            | Self::Duration(f)
            | Self::Set(f)
            | Self::Ref(f)
            | Self::Shift { f, .. }
            | Self::Offset { f, .. } => Some(f),
            _ => None,
        }
    }
}

/// Whether a point's fields name a day that can exist.
fn valid_point(f: &Fields) -> bool {
    if let (Some(m), Some(d)) = (f.month, f.day) {
        let y = f.year.unwrap_or(2000); // 2000 is a leap year: `Feb 29` without a year is fine
        if u32::from(d) > days_in_month(y, u32::from(m)) {
            return false;
        }
    }
    f.has_calendar()
}

/// The fields of a day of a list (`April 24`, `25`), not a time of one.
fn list_day(v: &Value) -> Option<Fields> {
    v.fields().filter(|f| f.day.is_some() && f.hour.is_none() && f.part.is_none()).copied()
}

/// A day of a list with nothing but its number (`25` of `April 24 and 25`).
fn bare_day(f: &Fields) -> bool {
    f.month.is_none() && f.year.is_none() && f.weekday.is_none() && f.dir.is_none()
}

/// A day with its year and no month (`7, 2003` ending a list).
fn year_day(f: &Fields) -> bool {
    f.month.is_none() && f.year.is_some() && f.weekday.is_none() && f.dir.is_none()
}

/// Whether the bare days of a list exist in the month another day names
/// (`30` of `February 29 and 30` does not).
fn days_fit(fs: &[Fields]) -> bool {
    let Some(named) = fs.iter().find(|f| f.month.is_some()) else { return true };
    let year = fs.iter().find_map(|f| f.year);
    fs.iter()
        .filter(|f| f.month.is_none())
        .all(|f| valid_point(&Fields { month: named.month, year: f.year.or(named.year).or(year), ..*f }))
}

/// A count in whole units: fractions of a year or day become months or hours.
fn whole(n: f64, unit: Unit) -> Option<(i64, Unit)> {
    let (n, unit) = if n.fract() == 0.0 {
        (n, unit)
    } else {
        let fine = match unit {
            Unit::Year => Unit::Month,
            Unit::Day => Unit::Hour,
            Unit::Hour => Unit::Minute,
            _ => return None,
        };
        (n * unit.per(fine)?, fine)
    };
    #[allow(clippy::cast_possible_truncation)]
    (n.fract() == 0.0 && n.abs() < 1e7).then_some((n as i64, unit))
}

impl Value {
    /// The nodes the value names.
    pub(crate) fn node_ids(&self) -> [Option<NodeId>; 3] {
        match *self {
            Value::Range { begin, end, on } => [Some(begin), Some(end), on],
            Value::For { point, duration } => [Some(point), Some(duration), None],
            Value::List3 { items: [a, b, c] } => [Some(a), Some(b), Some(c)],
            Value::Since(x) | Value::Until(x) | Value::Offset { base: x, .. } => [Some(x), None, None],
            Value::Span { duration, .. } => [duration, None, None],
            Value::None
            | Value::Point(_)
            | Value::Shift { .. }
            | Value::Duration(_)
            | Value::Set(_)
            | Value::Ref(_) => [None; 3],
        }
    }

    /// Renames the nodes the value names with `f`.
    pub(crate) fn remap_nodes(&mut self, f: impl Fn(NodeId) -> NodeId) {
        match self {
            Value::Range { begin, end, on } => {
                *begin = f(*begin);
                *end = f(*end);
                if let Some(o) = on {
                    *o = f(*o);
                }
            }
            Value::For { point, duration } => {
                *point = f(*point);
                *duration = f(*duration);
            }
            Value::List3 { items } => {
                for x in items {
                    *x = f(*x);
                }
            }
            Value::Since(x) | Value::Until(x) | Value::Offset { base: x, .. } => *x = f(*x),
            Value::Span { duration: Some(d), .. } => *d = f(*d),
            Value::Span { duration: None, .. }
            | Value::None
            | Value::Point(_)
            | Value::Shift { .. }
            | Value::Duration(_)
            | Value::Set(_)
            | Value::Ref(_) => {}
        }
    }
}

/// The value `rule` makes of `f` (its matched fields and constants) and the
/// sub-expressions `subs`, whose values `value_of` gives.
pub(crate) fn make(rule: &Rule, f: Fields, subs: &[NodeId], value_of: &dyn Fn(NodeId) -> Value) -> Option<Value> {
    match rule.make {
        Make::None => Some(Value::None),
        Make::Point => {
            let mut f = f;
            // Years before the common era are kept negative (`480 BC` is -480),
            // and so are their decades (`the 270s BC` is -27) and centuries,
            // counted from -1 (`the 4th century BC` is -4, written BC03; the
            // first, BC00, is -1).
            if f.bc {
                f.year = f.year.map(|y| -y);
                f.century = f.century.map(|c| -c - 1);
                f.decade = f.decade.map(|d| -d);
                f.bc = false;
            }
            // `the April-June quarter`: the months (in the counts) of one quarter.
            if f.unit == Some(Unit::Quarter)
                && f.quarter.is_none()
                && let (Some(a), Some(b)) = (f.n, f.n2)
            {
                if b != a + 2.0 || !(1.0..=10.0).contains(&a) || (a - 1.0) % 3.0 != 0.0 {
                    return None;
                }
                f.quarter = u8::try_from((a as i64 - 1) / 3 + 1).ok();
                (f.n, f.n2, f.unit) = (None, None, None);
            }
            // `quarter to eight`, `ten to one`: the minutes before the hour
            // (7:45, 12:50).
            if f.to_hour {
                let (h, m) = (f.hour?, f.minute?);
                if !(1..60).contains(&m) || !(1..=24).contains(&h) {
                    return None;
                }
                f.hour = Some(if h == 1 { 12 } else { h - 1 });
                // `a quarter to 12 p.m.` is 11:45 a.m.: the hour before
                // noon or midnight is on the other side of it.
                if h == 12 {
                    f.ampm = f.ampm.map(|a| if a == AmPm::Pm { AmPm::Am } else { AmPm::Pm });
                }
                f.minute = Some(60 - m);
                f.to_hour = false;
            }
            valid_point(&f).then_some(Value::Point(f))
        }
        Make::Shift => shift(rule, f),
        Make::Duration => {
            let mut f = f;
            if let Some(x) = f.frac.take() {
                f.n = Some(f.n.unwrap_or(0.0) + x);
            }
            // Two lengths of one duration go from the coarser to the finer
            // (`2 hours and 15 minutes`, not `10 days, 5 days`).
            if let (Some(u), Some(u2)) = (f.unit, f.unit2)
                && (u2 >= u || f.unit3.is_some_and(|u3| u3 >= u2))
            {
                return None;
            }
            (f.unit.is_some() || f.unit2.is_some()).then_some(Value::Duration(f))
        }
        Make::Span => {
            // The length is a piece (`the past <five years>`) or the rule's own
            // count and unit (`5 upcoming years`).
            let d = subs.first().copied();
            let ok = d.map_or(f.unit.is_some(), |d| matches!(value_of(d), Value::Duration(_)));
            ok.then_some(Value::Span { duration: d, dir: f.dir.unwrap_or(Dir::Past), f })
        }
        Make::Set => {
            // A time of day from a piece (`Tuesdays <at 9am>`).
            let mut f = f;
            for &s in subs {
                match value_of(s) {
                    Value::Point(g) if g.hour.is_some() => f.fill_from(&g),
                    _ => return None,
                }
            }
            Some(Value::Set(f))
        }
        Make::Ref => f.reference.map(|_| Value::Ref(f)),
        Make::Merge => {
            let mut f = f;
            let mut shifted: Option<(Base, Unit, i64)> = None;
            for &s in subs {
                match value_of(s) {
                    Value::Point(g) => f.fill_from(&g),
                    Value::Shift { base, unit, n, f: g } => {
                        if shifted.is_some() {
                            return None;
                        }
                        shifted = Some((base, unit, n));
                        f.fill_from(&g);
                    }
                    _ => return None,
                }
            }
            match shifted {
                Some((base, unit, n)) => Some(Value::Shift { base, unit, n, f }),
                None => valid_point(&f).then_some(Value::Point(f)),
            }
        }
        Make::Modify => {
            let mut v = value_of(*subs.first()?);
            let apply = |g: &mut Fields| {
                let mut mine = f;
                mine.fill_from(g);
                *g = mine;
            };
            match &mut v {
                Value::Point(g) | Value::Duration(g) | Value::Set(g) | Value::Ref(g) | Value::Offset { f: g, .. } => {
                    apply(g);
                }
                Value::Shift { f: g, n, .. } => {
                    // `the past week`: a direction word on a shift of the current unit.
                    if *n == 0
                        && let Some(d) = f.dir
                    {
                        *n = d.sign();
                    }
                    apply(g);
                }
                _ => return None,
            }
            Some(v)
        }
        Make::Range => {
            // A month, a week or longer, without a day or a time of day in it.
            let coarse = |v: &Value| match v {
                Value::Shift { unit, f, .. } => {
                    *unit > Unit::Day && f.hour.is_none() && f.part.is_none() && f.day.is_none() && f.weekday.is_none()
                }
                Value::Point(f) => {
                    f.hour.is_none()
                        && f.part.is_none()
                        && f.day.is_none()
                        && f.weekday.is_none()
                        && f.holiday.is_none()
                }
                _ => false,
            };
            // Three pieces: the one without a time of day is the day the others fall on.
            if let [a, b, c] = *subs {
                let dayish = |id| value_of(id).fields().is_some_and(|f| f.hour.is_none() && f.part.is_none());
                // A clock time: a.m./p.m., minutes or a part of the day (`6-7
                // January` is a range of days, `3 and 8am next Monday` of hours).
                let clock = |id| {
                    value_of(id).fields().is_some_and(|f| f.ampm.is_some() || f.minute.is_some() || f.part.is_some())
                };
                // A day named exactly, with or without a part of it (`on
                // 1/1/2015`, `yesterday`, `last night`): bare numbers before it
                // are hours, where before a month alone they are days.
                let definite = |id| match value_of(id) {
                    Value::Shift { unit: Unit::Day, f, .. } => f.hour.is_none(),
                    Value::Point(f) => f.hour.is_none() && (f.day.is_some() || f.weekday.is_some()),
                    _ => false,
                };
                let (begin, end, on) = if dayish(a) && !dayish(b) && (clock(b) || clock(c) || definite(a)) {
                    (b, c, a)
                } else if (dayish(c) || definite(c)) && !dayish(b) && (clock(a) || clock(b) || definite(c)) {
                    (a, b, c)
                } else {
                    return None;
                };
                // Hours on a month or a year (`next month between 2 and 3pm`)
                // are not one range: the day they fall on is not said.
                if coarse(&value_of(on)) {
                    return None;
                }
                // Bare hours that run backwards (`Friday 7-6`), or stand still
                // past noon or with a dash (scores, `16-16 on Nov. 14`, `0–0 on
                // November 4`; `from 8 to 8` is a range), are not a range of hours.
                let hours = |id| {
                    value_of(id).fields().and_then(|f| (f.ampm.is_none() && f.minute.is_none()).then_some(f.hour?))
                };
                let wraps = |x: u8, y: u8| f.wrap && x <= 12 && y < x;
                if let (Some(x), Some(y)) = (hours(begin), hours(end))
                    && ((x > y && !wraps(x, y)) || (x == y && (x > 12 || !f.wrap)))
                    && x != 12
                {
                    return None;
                }
                return Some(Value::Range { begin, end, on: Some(on) });
            }
            let (begin, end) = (subs[0], *subs.get(1)?);
            // A time of day and a week or longer (`3pm - this week`) are two
            // expressions, not a range.
            let time_only = |v: &Value| {
                matches!(v, Value::Point(f) if f.hour.is_some() && f.day.is_none() && f.weekday.is_none()
                    && f.month.is_none() && f.year.is_none())
            };
            let (vb, ve) = (value_of(begin), value_of(end));
            if (time_only(&vb) && coarse(&ve)) || (coarse(&vb) && time_only(&ve)) {
                return None;
            }
            // Two bare days that run backwards from one that could be an
            // hour (`from 9 to 5`) are hours, not days of two months.
            let day_alone =
                |v: &Value| v.fields().filter(|f| bare_day(f) && !f.has_time() && f.part.is_none()).and_then(|f| f.day);
            if let (Some(x), Some(y)) = (day_alone(&vb), day_alone(&ve))
                && y < x
                && x <= 12
            {
                return None;
            }
            // A year and two digits (`2007-08`, `1915-17`) are a range of years
            // only when the digits come a few years after it (`2015-12` is a month).
            if let (Some(y), Some(yy)) = (
                value_of(begin).fields().and_then(|f| f.year),
                value_of(end).fields().and_then(|f| f.yy.filter(|_| f.year.is_none())),
            ) && !(1..=30).contains(&(i32::from(yy) - y.rem_euclid(100)).rem_euclid(100))
            {
                return None;
            }
            Some(Value::Range { begin, end, on: None })
        }
        Make::List if subs.len() == 3 => {
            // Three days: one names the month, first or last, the others are
            // bare; or each names its own (`11/20, 11/22 or 11/25`).
            // The last may carry the year of all (`May 5, 6 and 7, 2003`).
            let fs = [list_day(&value_of(subs[0]))?, list_day(&value_of(subs[1]))?, list_day(&value_of(subs[2]))?];
            let named = fs.iter().filter(|f| !bare_day(f)).count();
            let year_last = named == 2 && fs[0].month.is_some() && fs[0].year.is_none() && year_day(&fs[2]);
            ((((named == 1 || year_last) && bare_day(&fs[1])) || named == 3) && days_fit(&fs))
                .then_some(Value::List3 { items: [subs[0], subs[1], subs[2]] })
        }
        Make::List => {
            let (a, b) = (subs[0], *subs.get(1)?);
            // A count before a length (`two to three weeks`): its unit comes
            // from the length when resolved.
            if let (Value::Duration(_), Value::Duration(fb)) = (value_of(a), value_of(b)) {
                return (fb.n2.is_none() && fb.unit2.is_none() && fb.unit3.is_none()).then_some(Value::Range {
                    begin: a,
                    end: b,
                    on: None,
                });
            }
            // Two recurring weekdays (`every Tuesday and Thursday`): each its own.
            if let (Value::Set(x), Value::Set(y)) = (value_of(a), value_of(b)) {
                return (x.weekday.is_some() && y.weekday.is_some()).then_some(Value::Range {
                    begin: a,
                    end: b,
                    on: None,
                });
            }
            // A weekday and a day of a week the text names (`Monday and
            // Tuesday last week`): both of that week.
            if let (Value::Point(x), Value::Shift { unit: Unit::Week, f: y, .. }) = (value_of(a), value_of(b)) {
                return (x.weekday_alone() && x.dir.is_none() && y.weekday.is_some()).then_some(Value::Range {
                    begin: a,
                    end: b,
                    on: None,
                });
            }
            // Two weekdays (`Wednesday or Thursday`): of one week, the
            // second after the first (resolved as a range's ends).
            if let (Value::Point(x), Value::Point(y)) = (value_of(a), value_of(b))
                && x.weekday_alone()
                && y.weekday_alone()
            {
                return (x.dir.is_none() && y.dir.is_none() && !x.has_time() && !y.has_time())
                    .then_some(Value::Range { begin: a, end: b, on: None });
            }
            // Two months, the first taking the second's year (`June and July
            // 1950`), or both with none (`into April and May`: read as a
            // range's ends, the second after the first).
            let month = |v: &Value| {
                v.fields()
                    .filter(|f| f.month.is_some() && f.day.is_none() && !f.has_time() && f.weekday.is_none())
                    .copied()
            };
            if let (Some(x), Some(y)) = (month(&value_of(a)), month(&value_of(b))) {
                let bare = y.year.is_none() && y.dir.is_none() && y.season.is_none();
                return (x.year.is_none() && x.dir.is_none() && (y.year.is_some() || bare)).then_some(Value::Range {
                    begin: a,
                    end: b,
                    on: None,
                });
            }
            // Two days, one bare, taking the other's month (`April 24 and 25`,
            // `24 and 25 April`, both of this month in `on the 3rd and 4th`),
            // or each with its own (`on 11/20 or 11/22`).
            let fs = [list_day(&value_of(a))?, list_day(&value_of(b))?];
            days_fit(&fs).then_some(Value::Range { begin: a, end: b, on: None })
        }
        Make::For => {
            let (a, b) = (subs[0], *subs.get(1)?);
            // A length, or one counted back from the reference date (`the
            // last four months`, read here as a length: `... of 2021`).
            let is_dur = |id| {
                matches!(
                    value_of(id),
                    Value::Duration(_) | Value::Span { dir: Dir::Past | Dir::Last | Dir::Previous, .. }
                )
            };
            match (is_dur(a), is_dur(b)) {
                (true, false) => Some(Value::For { point: b, duration: a }),
                (false, true) => Some(Value::For { point: a, duration: b }),
                _ => None,
            }
        }
        Make::Since => Some(Value::Since(subs[0])),
        Make::Until => Some(Value::Until(subs[0])),
        Make::Offset => {
            let base = *subs.first()?;
            let (n, unit) = whole(f.n.unwrap_or(1.0), f.unit?)?;
            let n = n.checked_mul(rule.sign.unwrap_or(1))?;
            Some(Value::Offset { base, unit, n, f })
        }
    }
}

/// `shift`: the unit and count of the fields, signed by the rule or by a
/// direction word; a vague count (`a few years ago`) is a reference word.
fn shift(rule: &Rule, f: Fields) -> Option<Value> {
    let unit = f.unit?;
    let sign = rule.sign.unwrap_or(f.dir.map_or(1, Dir::sign));
    if f.vague {
        let r = match sign {
            s if s < 0 => RefKind::Past,
            0 => RefKind::Present,
            _ => RefKind::Future,
        };
        return Some(Value::Ref(Fields { reference: Some(r), ..f }));
    }
    // `3 years and 2 months ago`: counted in the finer unit where the ratio
    // is fixed; `a month and 3 days ago` moves by the finer unit after the
    // shift (the resolver reads `n2`/`unit2`).
    if f.unit3.is_some() {
        return None;
    }
    let (n, unit, f) = match (f.n2, f.unit2) {
        (Some(n2), Some(u2)) => match unit.per(u2) {
            Some(k) => (f.n.unwrap_or(1.0) * k + n2, u2, Fields { n2: None, unit2: None, ..f }),
            None if u2 < unit && n2.fract() == 0.0 => (f.n.unwrap_or(1.0), unit, f),
            None => return None,
        },
        _ => (f.n.unwrap_or(1.0), unit, f),
    };
    let (n, unit) = whole(n, unit)?;
    Some(Value::Shift { base: rule.base, unit, n: n.checked_mul(sign)?, f })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_become_finer_units() {
        assert_eq!(whole(1.5, Unit::Year), Some((18, Unit::Month)));
        assert_eq!(whole(0.5, Unit::Day), Some((12, Unit::Hour)));
        assert_eq!(whole(2.0, Unit::Week), Some((2, Unit::Week)));
        assert_eq!(whole(0.5, Unit::Week), None);
    }

    #[test]
    fn two_units_of_a_shift_count_in_the_finer() {
        let rule = |sign| Rule {
            name: String::new(),
            cat: 0,
            top: true,
            priority: 0,
            elems: Vec::new(),
            make: Make::Shift,
            timex_type: None,
            base: Base::Speech,
            sign: Some(sign),
            consts: Vec::new(),
            examples: Vec::new(),
        };
        let f = |n, u, n2, u2| Fields { n: Some(n), unit: Some(u), n2: Some(n2), unit2: Some(u2), ..Fields::default() };
        let shift_of = |v: Option<Value>| match v {
            Some(Value::Shift { unit, n, .. }) => Some((unit, n)),
            _ => None,
        };
        assert_eq!(shift_of(shift(&rule(-1), f(3.0, Unit::Year, 2.0, Unit::Month))), Some((Unit::Month, -38)));
        assert_eq!(shift_of(shift(&rule(-1), f(2.0, Unit::Week, 2.0, Unit::Day))), Some((Unit::Day, -16)));
        assert_eq!(shift_of(shift(&rule(1), f(1.0, Unit::Hour, 30.0, Unit::Minute))), Some((Unit::Minute, 90)));
        // A month has no fixed number of days: its days move after the shift.
        assert_eq!(shift_of(shift(&rule(-1), f(1.0, Unit::Month, 3.0, Unit::Day))), Some((Unit::Month, -1)));
        assert_eq!(shift_of(shift(&rule(-1), f(3.0, Unit::Day, 1.0, Unit::Month))), None);
    }

    #[test]
    fn points_must_exist() {
        let p = |m, d, y| Fields { month: Some(m), day: Some(d), year: y, ..Fields::default() };
        assert!(valid_point(&p(2, 29, None)));
        assert!(!valid_point(&p(2, 29, Some(2026))));
        assert!(!valid_point(&p(4, 31, None)));
        assert!(!valid_point(&Fields::default()));
    }
}
