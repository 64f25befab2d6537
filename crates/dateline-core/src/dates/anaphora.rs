//! Anaphoric expressions resolved against the last concrete date of the
//! text (HeidelTime's narrative mode): `that year`, `the same day`,
//! `earlier that day`, `the following month`, `the previous week`,
//! `the next morning`. Without a suitable earlier date they fall back to the
//! reference date.

use super::lexicon::Unit;
use super::matchers::{Ctx, Found, Kind, date_found};
use super::resolve::shift;
use crate::civil::Date;

/// Units the phrases name, with a part of day where the word is one.
const UNIT_WORDS: &[(&str, Unit, Option<&str>)] = &[
    ("day", Unit::Day, None),
    ("week", Unit::Week, None),
    ("month", Unit::Month, None),
    ("quarter", Unit::Quarter, None),
    ("year", Unit::Year, None),
    ("morning", Unit::Day, Some("MO")),
    ("afternoon", Unit::Day, Some("AF")),
    ("evening", Unit::Day, Some("EV")),
    ("night", Unit::Day, Some("NI")),
];

/// How fine a value is, finest first.
fn rank(u: Unit) -> u8 {
    match u {
        Unit::Day => 0,
        Unit::Week => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        _ => 4,
    }
}

/// A concrete value as (a day inside it, its granularity).
fn parse_anchor(v: &str) -> Option<(Date, Unit)> {
    let b = v.as_bytes();
    let num =
        |r: std::ops::Range<usize>| v.get(r).filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok();
    let year = i32::try_from(num(0..4)?).ok()?;
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        return Some((Date::new(year, num(5..7)?, num(8..10)?).ok()?, Unit::Day));
    }
    if b.len() == 7 && b[4] == b'-' && b[5] == b'Q' {
        let q = num(6..7)?;
        return Some((Date::new(year, q.checked_sub(1)? * 3 + 1, 1).ok()?, Unit::Quarter));
    }
    if b.len() == 7 && b[4] == b'-' {
        return Some((Date::new(year, num(5..7)?, 1).ok()?, Unit::Month));
    }
    if b.len() == 4 {
        return Some((Date::new(year, 1, 1).ok()?, Unit::Year));
    }
    None
}

/// Records a concrete value found at token `at` as an anchor of its granularity.
pub(super) fn remember(ctx: &mut Ctx<'_>, at: usize, value: &str) {
    if let Some((_, g)) = parse_anchor(value) {
        ctx.anchors[rank(g) as usize] = Some((at, value.to_owned()));
    }
}

impl Ctx<'_> {
    /// The anaphoric phrase starting at token `i`.
    pub(super) fn anaphor(&self, i: usize) -> Option<Found> {
        let mut j = i;
        if matches!(self.l(j), "earlier" | "later") && self.l(j + 1) == "that" {
            j += 1;
        }
        let (n, unit_at): (i64, usize) = match (self.l(j), self.l(j + 1)) {
            ("that", "same") | ("the", "same") => (0, j + 2),
            ("that", _) => (0, j + 1),
            ("the", "following" | "next" | "subsequent") => (1, j + 2),
            ("the", "previous" | "preceding" | "prior") => (-1, j + 2),
            _ => return None,
        };
        let word = self.l(unit_at);
        let &(_, unit, part) = UNIT_WORDS.iter().find(|(w, _, _)| *w == word)?;
        // `the next week/month/year` is deictic (`next year`); only days and
        // parts of day are read from the narrative after `next`.
        if self.l(j + 1) == "next" && unit != Unit::Day {
            return None;
        }
        // `that day` but not `that day's`-less constructions like `that year-old`.
        if self.l(unit_at + 1) == "-" {
            return None;
        }
        // The latest earlier value at least as fine as the unit.
        let from_anchor = self.anchors[..=rank(unit) as usize]
            .iter()
            .flatten()
            .filter(|(at, _)| *at < i)
            .max_by_key(|(at, _)| *at)
            .and_then(|(_, v)| parse_anchor(v));
        let base = match from_anchor {
            Some((d, _)) => d,
            None => self.reference?,
        };
        let mut value = shift(base, unit, n)?;
        if let Some(p) = part {
            value.push('T');
            value.push_str(p);
        }
        let mut f = date_found(i, unit_at + 1, value);
        if part.is_some() {
            f.timex_type = crate::TimexType::Time;
        }
        // A shifted day moves the narrative on; `that year` only looks back.
        f.kind = if n == 0 { Kind::Ago } else { Kind::Point };
        Some(f)
    }
}
