//! Ranges with one end written: a length from a point (`for two weeks from
//! May 20`, `the last four months of 2021`) and an open end (`since March`,
//! `until Friday`, `through August`).

use super::range::{length_end, month_begins_soon};
use super::{ResolvedRange, Resolver};
use crate::Date;
use crate::dates::DocumentType;
use crate::dates::cal::shift_date;
use crate::dates::fields::{Dir, Fields};
use crate::dates::tense::Tense;
use crate::dates::value::{NodeId, Value};

impl Resolver<'_> {
    /// `for <length> from <point>` (or the other way round), node `id`:
    /// point `p`, length `du`.
    pub(super) fn emit_for(&mut self, id: NodeId, p: NodeId, du: NodeId) {
        let node = self.node(id);
        // A span is written as its length.
        // (`les trois derniers mois`: a span with its own count and unit).
        let (inner, own) = match self.node(du).value {
            Value::Span { duration: Some(d), .. } => (Some(d), None),
            Value::Span { duration: None, f, .. } => (None, Some(f)),
            _ => (None, None),
        };
        let length_of = |r: &mut Self| match own {
            Some(f) => {
                r.one_duration(du, &f);
            }
            None => {
                r.one(du, None, inner);
            }
        };
        let pi = if self.node(p).start < self.node(du).start {
            let pi = self.one(p, None, None);
            length_of(self);
            pi
        } else {
            length_of(self);
            self.one(p, None, None)
        };
        let f = own.or_else(|| self.node(inner.unwrap_or(du)).value.fields().copied());
        let length = f.and_then(|f| Some((f.whole_n()?, f.unit?)));
        // `the last four months of 2021` ends where the point ends;
        // otherwise the length runs from its first day.
        let (days, end_clock) = if self.rule_lean(node) == Some(Dir::Past) {
            let end = self.days(pi).map(|x| x.1);
            ((end.zip(length).and_then(|(e, (n, unit))| shift_date(e, unit, -n)), end), None)
        } else {
            let begin = self.first_day(pi);
            let c = self.res(pi).cal;
            let minute = c.and_then(|c| Some(i64::from(c.hour?) * 60 + i64::from(c.minute.unwrap_or(0))));
            let end = begin.zip(length).and_then(|(b, (n, unit))| length_end(b, minute, n, unit));
            // A time on no known day (`from 2pm for 2 hours`): its end is a
            // time too, when it falls on the same day.
            let undated_end = || {
                let (minute, (n, unit)) = minute.zip(length)?;
                let day = Date::checked(2000, 1, 1)?;
                let (end, clock) = length_end(day, Some(minute), n, unit)?;
                clock.filter(|_| end == day.add_days(1))
            };
            let end_clock = if begin.is_some() { end.and_then(|e| e.1) } else { undated_end() };
            ((begin, end.map(|e| e.0)), end_clock)
        };
        self.ranges.push(ResolvedRange { node: id, begin: Some(pi), end: None, days, end_clock });
    }

    /// `since <x>` (`since` true) or `until <x>`, node `id`.
    pub(super) fn emit_since_until(&mut self, id: NodeId, x: NodeId, since: bool) {
        let node = self.node(id);
        // `since March` looks back, `until Friday` ahead (unless the rule
        // says otherwise, or the clause is in the past: `until Thursday,
        // they had not called him`).
        let tense = (self.d.cues)(self.node(x)).tense;
        // `sales rose through August` looks back, `will continue through
        // the weekend` ahead.
        let lean = match self.rule_lean(node) {
            Some(Dir::Past) if !since && matches!(tense, Tense::Future | Tense::Present) => Dir::Future,
            l => l.unwrap_or(if since { Dir::Past } else { Dir::Future }),
        };
        // A story is told in the past: its tense says nothing of an end
        // ahead of the story's time (`began on 21 February 1916 and
        // lasted until December`).
        let mut past_clause = tense.is_past() && self.d.doctype != DocumentType::Narrative;
        // `gave them until mid-November` (written on October 30): a
        // month that begins within weeks is still ahead.
        if let (Value::Point(f), Some(r)) = (&self.node(x).value, self.d.reference) {
            past_clause &= !(lean == Dir::Future && !since && month_begins_soon(f, r));
        }
        let fields = match &self.node(x).value {
            Value::Point(f) if f.dir.is_none() && f.lean.is_none() && !(past_clause && lean == Dir::Future) => {
                Some(Fields { lean: Some(lean), ..*f })
            }
            _ => None,
        };
        // `held by the family since 513 BC` looks back from the story;
        // its time stays where it was.
        let kept = (since && self.d.doctype == DocumentType::Narrative).then_some((
            self.carry.anchors,
            (self.carry.last, self.carry.before_last),
            self.carry.sentence_year,
        ));
        let now = self.text_now(!since);
        let i = self.one(x, fields, None);
        if let Some((anchors, last, sentence_year)) = kept {
            (self.carry.anchors, (self.carry.last, self.carry.before_last), self.carry.sentence_year) =
                (anchors, last, sentence_year);
        }
        // From the reference date when the end is ahead of it; open when not.
        let days = if since {
            (self.first_day(i), now.and_then(|r| r.checked_add_days(1)))
        } else {
            let end = self.days(i).map(|x| x.1);
            (now.filter(|r| end.is_none_or(|e| *r < e)), end)
        };
        let (begin, end) = if since { (Some(i), None) } else { (None, Some(i)) };
        self.ranges.push(ResolvedRange { node: id, begin, end, days, end_clock: None });
    }
}
