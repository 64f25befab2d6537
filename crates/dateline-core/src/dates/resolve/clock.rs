//! The day of a time alone in news (`at 2:30 p.m.`, `shortly after
//! midnight`): the day written just after it (a day counted from the story
//! keeps the value it has before the time), else a day named in its
//! sentence or the few before, else the reference date; and how a night, a
//! midnight or an afternoon named before moves it.

use super::Resolver;
use super::build::with_time;
use crate::civil::Date;
use crate::dates::Anchor;
use crate::dates::anchor;
use crate::dates::cal::{Cal, Gran};
use crate::dates::fields::{AmPm, Fields, Part};
use crate::dates::scan::Node;
use crate::dates::tense::Cue;
use crate::dates::value::{NodeId, Value};

/// How far from the reference date a day named sentences before a time
/// alone may be and still be its day.
const NEAR_DAYS: i64 = 10;

/// What [`Resolver::news_time`] found: the whole value, or only the day
/// (none: no day is known).
pub(super) enum NewsTime {
    Done(Option<Cal>, Anchor),
    Day(Option<Date>),
}

/// Whether the time of `f` is hours earlier in the day than the time of
/// `c`, the day it would fall on (`noon` after `the evening of 11 June`,
/// `3 a.m.` after `11:52 p.m.`): then the next day is meant. Minutes before
/// it (`shot at 10:57` after `11 a.m.`) are the same day's.
pub(super) fn hours_before(f: &Fields, c: &Cal) -> bool {
    let at = |h: Option<u8>, p: Option<Part>| h.or(p.map(Part::begins));
    matches!((at(f.hour24(), f.part), at(c.hour, c.part)), (Some(new), Some(old)) if new + 4 <= old)
}

/// `Monday afternoon ... at 3 o'clock`, `Friday evening ... by 9`: a bare
/// hour that lies in the part of the day named is in the afternoon.
fn in_part(f: &Fields, c: &Cal) -> Option<Fields> {
    let bare = f.ampm.is_none() && f.part.is_none() && c.hour.is_none();
    let h = f.hour?;
    let fits = match c.part {
        Some(Part::Afternoon) => (1..=6).contains(&h),
        Some(Part::Evening) => (5..=11).contains(&h),
        _ => false,
    };
    (bare && fits).then_some(Fields { ampm: Some(AmPm::Pm), ..*f })
}

impl Resolver<'_> {
    /// The day counted from the story written just after time alone `node`
    /// (`at 11 a.m. the following day`), as it reads before the time.
    pub(super) fn shift_ahead(&self, node: &Node) -> Option<(NodeId, (Option<Cal>, Anchor))> {
        let (t, _) = (self.d.day_after)(node)?;
        let n = self.node(t);
        match &n.value {
            Value::Shift { base, unit, n: k, f } => Some((t, self.shift(*base, *unit, *k, f, n))),
            _ => None,
        }
    }

    /// The day of a time alone in a news document (see the module).
    pub(super) fn news_time(&self, f: &Fields, node: &Node, cue: Cue, anchor: Anchor) -> NewsTime {
        // (A day written just after it is read before this.) A day named in
        // the sentence or the few before it (`plays tomorrow at the arena
        // (6:45 p.m.)`; `A truck overturned yesterday
        // at six. ... Traffic was cut until 11:45.`). Not one on the other
        // side of the reference date from the tense (`will visit on Friday,
        // said a statement issued at 14:30`), and one far from the reporting
        // day (`getting ready for Jan. 1`) only in its own sentence (`a
        // trial that opened Oct. 21. ... The verdict was read at 10:12
        // a.m.`: the reporting day).
        let against_tense = |d: Date| self.d.reference.is_some_and(|r| !anchor::on_side(d, r, cue.tense));
        let gap = |i: usize| self.sentence(node).saturating_sub(self.sentence_at(self.start_of(i)));
        let near =
            |d: Date| self.d.reference.is_none_or(|r| (d.to_epoch_days() - r.to_epoch_days()).abs() <= NEAR_DAYS);
        // A report's day sentences before (`the director said yesterday`)
        // is when it was said, not when the events were.
        let report = |i: usize| gap(i) > 0 && self.carry.report_day.is_some_and(|(j, _)| j == i);
        let named = self.carry.anchors[0]
            .and_then(|(i, c)| Some((c.date()?, i, c)))
            .filter(|(_, i, _)| !report(*i))
            .filter(|(d, i, _)| gap(*i) == 0 || (gap(*i) <= 5 && near(*d)))
            .filter(|(d, ..)| !against_tense(*d));
        // An earlier day named sentences before is background; the story's
        // own day is its lead's (`said on Tuesday ... closing price on
        // Monday ... a conference call at 8:30 a.m.`: Tuesday). A later one
        // moves the story on (`the election held yesterday ... counted early
        // this morning ... spoke at 1 a.m.`: today).
        let lead =
            self.carry.lead.and_then(|(i, c)| Some((c.date()?, i, c))).filter(|(d, ..)| near(*d) && !against_tense(*d));
        // A time of an earlier day goes on from that day's own times
        // (`called at about 2:15 a.m. Saturday ... pronounced dead at 3:05
        // a.m.`, in a story led by `charged Sunday`).
        // An evening told after the small hours or the morning of the day
        // after the lead's is the lead's (`Voters on Tuesday elected ...
        // results posted at 1:15 a.m. Wednesday ... polls closed at 7:30
        // p.m.`: Tuesday).
        let small_hours = |i: usize, c: &Cal| {
            c.hour.is_some_and(|h| h < 6) || c.part == Some(Part::Morning) || self.carry.early_day == Some(i)
        };
        let evening = f.hour24().is_some_and(|h| (17..24).contains(&h));
        let named = match (named, lead) {
            (Some((d, i, c)), Some(l)) if gap(i) > 1 && d < l.0 && c.hour.is_none() => Some(l),
            (Some((d, i, c)), Some(l)) if evening && l.0.checked_add_days(1) == Some(d) && small_hours(i, &c) => {
                Some(l)
            }
            (None, l) => l,
            (n, _) => n,
        };
        // `rolled off the road late Friday, authorities said Saturday. ...
        // left the road at about 11:20 p.m.`: the events' day, not the
        // report's, when both are near.
        // (A day is a report's when it is the latest day but not the latest
        // event day.)
        let named = match (named, self.carry.event_day) {
            (Some((d, i, _)), Some((j, e))) if j < i && gap(j) <= 1 => match e.date().filter(|ed| *ed <= d) {
                Some(ed) => Some((ed, j, e)),
                None => named,
            },
            _ => named,
        };
        if let Some((d, i, c)) = named {
            // A midnight named before (24:00 of a day) is the start of the
            // next: `after midnight ... by 6 a.m.`.
            let midnight = c.hour == Some(24);
            let d = if midnight { d.checked_add_days(1).unwrap_or(d) } else { d };
            // `struck at 11:52 p.m. ... an aftershock shortly after 3 a.m.`:
            // past midnight, the next day. News lists times out of order
            // (`doors open at 6 p.m.; the market at 9 a.m.`), so only a night
            // hour followed by a small hour counts, or any morning hour after
            // a night named without an hour (`approved the deal Sunday night
            // ... a news conference that opened at 9:30 a.m.`: Monday).
            let after_night = c.part == Some(Part::Night) && c.hour.is_none();
            let small = f.hour24().is_some_and(|h| h < 6 || (after_night && h < 12));
            // The end of a day is its night too (`late Friday ... from
            // about 1:50 a.m.`: Saturday).
            let late = c.gran == Gran::Day && self.carry.late_day == Some(i);
            // An evening hour counts before the smallest hours (`the meeting
            // began at 6 p.m. ... the vote came shortly before 1 a.m.`).
            let smallest = f.hour24().is_some_and(|h| h < 4);
            let night = c.hour.map_or(c.part == Some(Part::Night) || late, |h| {
                (21..24).contains(&h) || (smallest && (18..21).contains(&h))
            });
            let next = (small && night && (late || hours_before(f, &c)))
                .then(|| d.checked_add_days(1))
                .flatten()
                .filter(|d| !against_tense(*d));
            // `broke down shortly after midnight` on the reporting day: the
            // midnight that began it (24:00 the day before).
            let began = (f.hour == Some(24) && cue.tense.is_past() && self.d.reference == Some(d))
                .then(|| d.checked_add_days(-1))
                .flatten();
            let d = began.or(next).unwrap_or(d);
            let later = in_part(f, &c);
            let f = later.as_ref().unwrap_or(f);
            return NewsTime::Done(Some(with_time(Cal::day(d), f)), self.expr_anchor(i));
        }
        // `came shortly after midnight`: the midnight that began the day, the
        // end (24:00) of the day before.
        if f.hour == Some(24) && cue.tense.is_past() {
            return match self.d.reference.and_then(|r| r.checked_add_days(-1)) {
                Some(d) => NewsTime::Done(Some(with_time(Cal::day(d), f)), anchor),
                None => NewsTime::Done(None, Anchor::None),
            };
        }
        NewsTime::Day(self.d.reference)
    }
}
