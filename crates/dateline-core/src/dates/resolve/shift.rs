//! Resolving shifts: `n` units from a base (the reference date, the
//! story's time, a report's period, the day of quoted speech).

use super::anchoring::on_calendar;
use super::bc::bc_shift;
use super::build::{attach, full};
use super::{Resolver, rank};
use crate::civil::Date;
use crate::dates::cal::{Cal, Gran, shift_date};
use crate::dates::fields::{Dir, Fields, Unit};
use crate::dates::grammar::Base;
use crate::dates::scan::Node;
use crate::dates::tense::Tense;
use crate::dates::{Anchor, DocumentType};

/// How many sentences after a quarter `a year earlier` still compares with it.
const QUARTER_SENTENCES: u32 = 2;

/// How many days before the reference date a report's or a lead's day may be
/// and still be the day of the speech a story quotes.
const SPEECH_DAYS: i64 = 6;

impl Resolver<'_> {
    /// `the same period a year earlier` (a rule's `precision = "y"`, a count
    /// back) after a period of one of the kinds `grans`: that period a year
    /// before.
    fn year_before_last(&self, f: &Fields, n: i64, grans: &[Gran]) -> Option<(Option<Cal>, Anchor)> {
        if f.precision != Some(Unit::Year) || n >= 0 {
            return None;
        }
        let (i, c) = self.carry.last.filter(|(_, c)| grans.contains(&c.gran))?;
        Some((c.year.map(|y| Cal { year: Some(y - 1), ..c }), self.expr_anchor(i)))
    }

    /// The day of a news story's latest report (`said Saturday`), else of
    /// its lead, when it is a few days before the reference date: the day
    /// its quoted speech was spoken. None once the story has told of the
    /// reference date itself since (`finished the tournament today.
    /// "Yesterday was ...`).
    fn speech_day(&self) -> Option<(Date, Anchor)> {
        let r = self.d.reference?;
        let (i, c) = self.carry.report_day.or(self.carry.lead)?;
        if self.carry.today.is_some_and(|t| t > i) {
            return None;
        }
        let d = c.date()?;
        let days = r.to_epoch_days() - d.to_epoch_days();
        (1..=SPEECH_DAYS).contains(&days).then(|| (d, self.expr_anchor(i)))
    }

    /// `n` units from the base, with finer fields applied after the shift.
    /// `None` when that falls off the calendar (`tomorrow` on 9999-12-31):
    /// the caller writes `FUTURE_REF` or `PAST_REF`.
    pub(super) fn shift(&self, base: Base, unit: Unit, n: i64, f: &Fields, node: &Node) -> (Option<Cal>, Anchor) {
        let afternoon = if f.hour.is_some() { self.chat_hour(f, (self.d.cues)(node)) } else { None };
        let f = afternoon.as_ref().unwrap_or(f);
        on_calendar(self.any_shift(base, unit, n, f, node))
    }

    fn any_shift(&self, base: Base, unit: Unit, n: i64, f: &Fields, node: &Node) -> (Option<Cal>, Anchor) {
        // `a year ago` after a quarter: the same quarter a year before
        // (earnings news). `The previous year`, a story's unit with no
        // count written, is the year.
        // Also past a day or a year told since the quarter, in its sentence
        // or the next two (`for the quarter, which ended Dec. 28, up from $38
        // million a year earlier`; `posted a third-quarter loss on Thursday
        // ... for the second time this year. It lost $212 million, compared
        // with a profit a year earlier`), unless a year comes just before it
        // in its own sentence (`sales in fiscal 2001, which ended May 31, up
        // from a year earlier`).
        let year_here = || {
            self.carry.anchors[rank(Gran::Year)]
                .is_some_and(|(j, c)| c.gran == Gran::Year && self.sentence_at(self.start_of(j)) == self.sentence(node))
        };
        let quarter = self.carry.last.filter(|(_, c)| c.gran == Gran::Quarter).or_else(|| {
            self.carry.anchors[rank(Gran::Quarter)].filter(|(i, c)| {
                let gap = self.sentence(node).saturating_sub(self.sentence_at(self.start_of(*i)));
                c.gran == Gran::Quarter && (gap == 0 || (gap <= QUARTER_SENTENCES && !year_here()))
            })
        });
        // Counted from the writer's day, only one year back compares a
        // quarter (`four years ago` after `the first quarter of 2020` is 2015).
        if unit == Unit::Year
            && n != 0
            && f.aside
            && (f.n.is_some() || base != Base::Story)
            && (base == Base::Story || n.abs() == 1)
            && let Some((i, c)) = quarter
            && let Some(y) = c.year
        {
            let y2 = i64::from(y) + n;
            if let Ok(y2) = i32::try_from(y2) {
                return (Some(Cal { year: Some(y2), ..c }), self.expr_anchor(i));
            }
        }
        let narrative = self.d.doctype == DocumentType::Narrative;
        // `in 1957, 16 years after his defeat`, `formed in 1994, 35 years
        // later`: a count set beside the date just written restates it.
        if base == Base::Story
            && (self.d.after_comma)(node)
            && let Some((i, c)) = self.carry.last
            && i + 1 == self.next_index()
            && self.carry.last_end + 1 == node.start
        {
            return (Some(c), self.expr_anchor(i));
        }
        // `in the 1870s ... by the end of the decade`, `in the early 1950s
        // ... two decades later`: the decade the story last named, when no
        // year came after it, or decades from it (in news too: `two decades
        // later` is no time ahead of the writer's day, `until the 1970s ...
        // built in that decade` no decade of it).
        if (narrative || base == Base::Story)
            && unit == Unit::Decade
            && let Some((i, c)) = self.carry.decade
            && self.carry.last.is_none_or(|(j, _)| j < i)
            && let Some(d) = c.decade.and_then(|d| i32::try_from(i64::from(d) + n).ok())
            && (n == 0 || (d > 0 && c.decade.is_some_and(|x| x > 0)))
        {
            return (Some(Cal { decade: Some(d), ..c }), self.expr_anchor(i));
        }
        // A story before the common era: whole years count back and forth
        // (`the following year` after 492 BC); nothing finer is known.
        if narrative
            && matches!(base, Base::Speech | Base::Story)
            && let Some((i, c)) = self.story()
            && c.year.is_some_and(|y| y < 0)
        {
            // A year with the month or season written (`the spring of that year`).
            let c = bc_shift(c, unit, n).map(|c| match c.year.filter(|_| c.gran == Gran::Year && unit == Unit::Year) {
                Some(y) => full(self.d.g, y, f).unwrap_or(c),
                None => c,
            });
            return (c, if c.is_some() { self.expr_anchor(i) } else { Anchor::None });
        }
        // `the year-earlier period` just after `the first half`: that half a
        // year before, not the quarter the report is about.
        if base == Base::Report
            && let Some(x) = self.year_before_last(f, n, &[Gran::Half])
        {
            return x;
        }
        let from_reference = || self.d.reference.map(|r| (r, Anchor::Reference(r)));
        let told = if n != 0 { self.story_told() } else { self.story() };
        let from_story = || told.and_then(|(i, c)| Some((c.first_day()?, self.expr_anchor(i))));
        // The coarser of the unit and the story's own time, when a narrative
        // has no anchor fine enough (`three days later` after `in April`).
        let mut coarse: Option<Gran> = None;
        // `rejected on 29 July ... a fortnight later`: weeks counted from a
        // day the story names give a day.
        let mut from_day = false;
        let start = match base {
            // A narrative tells of its own time: `the end of the month`, `that
            // year` are the story's, not the writer's.
            // Unless it plans ahead from the writer's day.
            Base::Speech if narrative && n != 0 && (self.writers_plan(f, node) || self.writers_word(f, unit, node)) => {
                from_reference().or_else(from_story)
            }
            Base::Speech if narrative => from_story().or_else(from_reference),
            // `In 2012, sales rose; by the end of the year ...`: that year.
            Base::Speech if n == 0 && unit == Unit::Year && f.dir.is_none() && self.d.doctype == DocumentType::News => {
                match self.told_year(node, false) {
                    Some((y, i)) => Date::checked(y, 7, 1).map(|d| (d, self.expr_anchor(i))),
                    None => from_reference(),
                }
            }
            // `On Tuesday, ... "Tonight we have shown ...," the director told
            // reporters`: speech quoted in a story of a few days before the
            // reference date is of the story's day (its report's, else its lead's).
            Base::Speech if unit == Unit::Day && self.d.doctype == DocumentType::News && (self.d.quoted)(node) => {
                self.speech_day().or_else(from_reference)
            }
            Base::Speech => from_reference(),
            // `Last year ..., and the year before that`: from the expression
            // just before, a look back too (`up from 17 cases the previous
            // week and 12 the week before that`).
            Base::That
                if let Some((i, c)) = self.carry.previous
                    && c.gran >= Gran::Year
                    && rank(c.gran) <= rank(Gran::of_unit(unit)).min(4) =>
            {
                from_day = c.gran >= Gran::Day;
                c.first_day().map(|d| (d, self.expr_anchor(i)))
            }
            Base::Story | Base::That => {
                let r = rank(Gran::of_unit(unit)).min(4);
                // News: a count back in a past clause does not start from a
                // time after the writer's day (`price rises will take effect
                // next month ... margin narrowed from the previous quarter`).
                let past_news = !narrative && n < 0 && (self.d.cues)(node).tense.is_past();
                let ahead = |c: &Cal| past_news && self.d.reference.zip(c.first_day()).is_some_and(|(r, d)| d > r);
                let mut found =
                    self.carry.anchors[..=r].iter().flatten().filter(|(_, c)| !ahead(c)).max_by_key(|(i, _)| *i);
                // A history that has moved on (`On 15 August 1769 ... In
                // March 1796 ... two days later`): a finer date before the
                // story's latest time is no longer its time. A look back
                // (`found on 5 March 2022, where she sank in 1915`) leaves
                // it; `that day` still points back to the day last named. An
                // aside ahead (`which would be raised in 1942. Three days
                // later`) is taken for the story's time: histories rarely
                // write one just before such a count.
                // A time the same sentence names (`In March 1930 they met,
                // and two weeks later`) is the story's time even when it
                // looks back.
                if narrative
                    && n != 0
                    && !self.carry.last_is_heading
                    && let (Some((i, c)), Some((j, s))) = (found, self.story())
                    && j > *i
                    && let (Some(day), Some((from, to))) = (c.first_day(), s.interval())
                    && (day < from || (day >= to && self.sentence_at(self.start_of(j)) == self.sentence(node)))
                {
                    found = None;
                }
                from_day = found.is_some_and(|(_, c)| c.gran >= Gran::Day);
                match found {
                    Some((i, c)) => c.first_day().map(|d| (d, self.expr_anchor(*i))),
                    // The writer's date says nothing of a story's events.
                    None if narrative => told.and_then(|(i, c)| {
                        coarse = Some(c.gran);
                        Some((c.first_day()?, self.expr_anchor(i)))
                    }),
                    None => from_reference(),
                }
            }
            // In conversation `this quarter` is the present one, not a report's.
            Base::Report if self.d.doctype == DocumentType::Colloquial => from_reference(),
            // `Revenue this quarter will fall`: a forecast is of the quarter
            // under way (`expects revenue in the latest quarter to total`
            // still the one reported on).
            Base::Report if n == 0 && f.dir == Some(Dir::This) && (self.d.cues)(node).tense == Tense::Future => {
                from_reference()
            }
            Base::Report => {
                let g = Gran::of_unit(unit);
                // The period a report is about has ended by the day it is
                // written: a later one named (`a fourth-quarter charge`
                // ahead) is not it.
                let ended = |c: &Cal| match (self.d.reference, c.interval()) {
                    (Some(r), Some((_, end))) => r.checked_add_days(1).is_none_or(|next| end <= next),
                    _ => true,
                };
                if let Some((i, c)) = self.carry.anchors[rank(g)].filter(|(_, c)| c.gran == g && ended(c)) {
                    let d = c.first_day();
                    let mut c = d.and_then(|d| shift_date(d, unit, n)).map(|d| Cal::containing(d, g));
                    if let (Some(c), Some(y)) = (c.as_mut(), f.year) {
                        c.year = Some(y);
                    }
                    return (c, self.expr_anchor(i));
                }
                // `the same period a year earlier` (a rule's `precision = "y"`)
                // after a year, season or month: that period a year before
                // (`the first two months of 2026`: 2025); else a quarter, as
                // an earnings report's period is.
                if let Some(x) = self.year_before_last(f, n, &[Gran::Year, Gran::Season, Gran::Month]) {
                    return x;
                }
                let with_year = |mut c: Cal| {
                    if let Some(y) = f.year {
                        c.year = Some(y);
                    }
                    c
                };
                // With no period of a report in the text, `this quarter` in a
                // clause not in the past is the one under way (`sales for
                // this quarter`); `this quarter's loss was large` and `the
                // latest quarter` the one before.
                let now = n == 0 && f.dir == Some(Dir::This) && !(self.d.cues)(node).tense.is_past();
                let back = if now { 0 } else { 1 };
                return match self.d.reference {
                    Some(r) => {
                        (shift_date(r, unit, n - back).map(|d| with_year(Cal::containing(d, g))), Anchor::Reference(r))
                    }
                    None => (None, Anchor::None),
                };
            }
        };
        let Some((d, anchor)) = start else {
            return (None, Anchor::None);
        };
        let fine = f.precision.filter(|p| *p < unit).unwrap_or(unit);
        let counted = f.n.is_some() && f.weekday.is_none();
        let fine = if from_day && counted && fine == Unit::Week { Unit::Day } else { fine };
        // A week moves from its Monday: the same week as from any of its days,
        // but `next week` late in 9999 is then its last week, which the calendar
        // still holds (0001-01-01 is a Monday, so the Monday is always there).
        let d = if unit == Unit::Week && fine == Unit::Week {
            d.checked_add_days(1 - i64::from(d.weekday())).unwrap_or(d)
        } else {
            d
        };
        let Some(d2) = shift_date(d, unit, n) else {
            return (None, anchor);
        };
        // `a month and 3 days ago`: the finer unit moves after the coarser.
        let (d2, fine) = match (f.n2, f.unit2) {
            #[allow(clippy::cast_possible_truncation)]
            (Some(n2), Some(u2)) if u2 < unit && n2.fract() == 0.0 && n2.abs() < 1e7 => {
                match shift_date(d2, u2, (n2 as i64) * n.signum()) {
                    Some(x) => (x, fine.min(u2)),
                    None => return (None, anchor),
                }
            }
            _ => (d2, fine),
        };
        let unit = fine;
        let Some(mut c) = attach(self.d.g, d2, unit, f) else {
            return (None, anchor);
        };
        if let Some(g) = coarse.filter(|g| *g < c.gran)
            && let Some(day) = c.first_day()
        {
            c = Cal::containing(day, g);
        }
        // `the 1988 quarter`: the period of the report, in the year written.
        if let Some(y) = f.year.filter(|_| c.gran < Gran::Month) {
            c.year = Some(y);
        }
        (Some(c), anchor)
    }
}
