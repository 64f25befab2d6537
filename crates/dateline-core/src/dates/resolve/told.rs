//! The time a news story tells of when it is not the reference date's:
//! a year written in the sentence (`In 2012, sales rose; in July ...`), two
//! dates of one time long past (`... 14 January 2011 ... on 25 January`),
//! and the year after a year alone (`In 1935 ... the following spring`);
//! and the date a point without a year is read against (`base`: the story's
//! time in a narrative, else such a told time or the reference date); and
//! which values become what later ones anchor on (`remember`).

use super::{Resolved, Resolver, rank};
use crate::civil::Date;
use crate::dates::anchor;
use crate::dates::cal::{Cal, Gran};
use crate::dates::fields::{Dir, Fields, Season, Unit};
use crate::dates::grammar::{Base, Make};
use crate::dates::scan::Node;
use crate::dates::tense::Tense;
use crate::dates::{Anchor, DocumentType};

impl Resolver<'_> {
    /// The year a news story is telling of at `node`, a past-tense clause:
    /// one written out in its sentence (`In 2012, sales rose; in July ...`),
    /// or in the sentence before with nothing dated since (`In 2012 the firm
    /// was founded. In July it hired ...`), when it is a year before the
    /// reference date's. With the expression that wrote it. A year anywhere in
    /// the sentence before counts when this sentence goes on from it (`Bob
    /// struck in 1991. It came ashore in August`) and `loose` (a month
    /// alone, not a day of one: `founded in 2013. It launched a satellite on
    /// January 7` is this January's); not after a change of subject
    /// (`moved in 2012. Government spending hit a record in May`).
    pub(super) fn told_year(&self, node: &Node, loose: bool) -> Option<(i32, usize)> {
        let (s, y, i) = self.carry.sentence_year?;
        let here = self.sentence(node);
        let goes_on = loose && (self.d.continues)(node);
        let near = s == here
            || (s + 1 == here
                && (goes_on || self.opens_sentence_at(self.start_of(i)))
                && self.carry.last.is_some_and(|(_, c)| c.year == Some(y)));
        // A year after the reference date's is no past story's (`fiscal
        // 1991, which began July 1`, written in August 1990).
        (near && (self.d.cues)(node).tense.is_past() && self.d.reference.is_some_and(|r| r.year() > y))
            .then_some((y, i))
    }

    /// The year of `month` `day` written with weekday `wd`: `y` if the day
    /// is that weekday there, else the year written in the text nearest to
    /// `y` where it is (`launched on 18 April 1899 ... on the afternoon of
    /// Thursday 7 November`, in a history of a wreck of 1907: 1907). Up to
    /// 1752 the day may be written in the Julian calendar (`Sunday, 8 May
    /// 1429`).
    pub(super) fn written_weekday_year(&self, y: i32, month: u32, day: u32, wd: u8) -> i32 {
        let is_wd = |yy: i32| {
            Date::checked(yy, month, day).is_some_and(|x| {
                x.weekday() == u32::from(wd)
                    || (yy <= anchor::LAST_JULIAN_YEAR && anchor::julian_weekday(yy, month, day) == u32::from(wd))
            })
        };
        if is_wd(y) {
            return y;
        }
        let near = |yy: &i32| (i64::from(*yy) - i64::from(y)).abs();
        self.carry.written_years.iter().copied().filter(|yy| is_wd(*yy)).min_by_key(near).unwrap_or(y)
    }

    /// The year of a day named without one in a past clause of a news story
    /// that has told of two dates of one time more than a year before the
    /// reference date, the latest a day (`Protests began on 17 December
    /// 2010. Ben Ali fled on 14 January 2011. ... Marches started on 25
    /// January`): the story's, when the day follows it within weeks. One
    /// date long past is not a story (`born on 3 December 1950, died on 15
    /// January`). With the expression that wrote the latest.
    pub(super) fn told_date(&self, node: &Node, m: u8, day: u8) -> Option<(i32, usize)> {
        /// Sentences back the written day may lie.
        const NEAR_SENTENCES: u32 = 2;
        /// How far after the written day the named one may fall.
        const AFTER_DAYS: i64 = 90;
        /// How long before the reference date the story's dates lie, and
        /// how far apart they may be.
        const PAST_DAYS: i64 = 366;
        let r = self.d.reference?.to_epoch_days();
        let (i, c) = self.carry.last?;
        let d = c.date().filter(|_| c.gran == Gran::Day)?;
        let before = self.carry.before_last.and_then(|(_, b)| b.first_day())?.to_epoch_days();
        let story = r - d.to_epoch_days() > PAST_DAYS
            && r - before > PAST_DAYS
            && (d.to_epoch_days() - before).abs() <= PAST_DAYS;
        let near = self.sentence(node).saturating_sub(self.sentence_at(self.start_of(i))) <= NEAR_SENTENCES;
        if !story || !near || !(self.d.cues)(node).tense.is_past() {
            return None;
        }
        let y = anchor::story_year(d, u32::from(m), Some(u32::from(day)));
        let gap = Date::checked(y, u32::from(m), u32::from(day))?.to_epoch_days() - d.to_epoch_days();
        (0..=AFTER_DAYS).contains(&gap).then_some((y, i))
    }
}

/// The last day of a story's year, when an expression leaning ahead names a
/// month or season after a year alone (`In 1935 ... the following spring`:
/// 1936's, not the spring of 1935 the year began with). For a winter, the
/// last day before the year's own winter begins: `In 1888 ... the following
/// winter` is the one from December 1888 (1889-WI, named by its January).
/// So too, with no direction word, for a winter or a month of the first
/// quarter after a year written out with its end (`ended`: `by the end of
/// 1703 ... during the winter`: 1704-WI; `in late 1994 ... on 26 January`).
pub(super) fn after_year(c: Cal, f: &Fields, ended: bool) -> Option<Date> {
    let winter = f.season == Some(Season::Winter);
    let (m, d) = if winter { (11, 30) } else { (12, 31) };
    let turn =
        ended && c.gran == Gran::Year && c.year.is_some_and(|y| y > 0) && (winter || f.month.is_some_and(|m| m <= 3));
    (ahead_of_year(c, f) || turn).then(|| Date::checked(c.year?, m, d)).flatten()
}

/// Whether `f` leans ahead and names a month or season after a story's year
/// alone `c` (see [`after_year`]).
pub(super) fn ahead_of_year(c: Cal, f: &Fields) -> bool {
    let ahead = f.dir.is_some_and(|d| d.plain() == Dir::Future);
    let named = f.month.is_some() || f.season.is_some();
    ahead && named && c.gran == Gran::Year
}

/// Whether `f` leans ahead and names a month or season that comes no later
/// in the year than the story's month or season `c` (`the following spring`
/// after an autumn); months and seasons compared by their first month, a
/// winter's its January's (the year a winter is written with).
fn ahead_in_year(c: Cal, f: &Fields) -> bool {
    let first = |month: Option<u8>, season: Option<Season>| {
        month.map(u32::from).or_else(|| season.map(|s| if s == Season::Winter { 1 } else { s.first_month() }))
    };
    f.dir.is_some_and(|d| d.plain() == Dir::Future)
        && matches!((first(f.month, f.season), first(c.month, c.season)), (Some(a), Some(b)) if a <= b)
}

/// A news story's lead: its first sentences (a headline and one or two more).
const LEAD_SENTENCES: u32 = 3;

impl Resolver<'_> {
    /// Whether a narrative's expression stays outside its story and anchors
    /// nothing after it: a value read off the reference date; a time a plan
    /// or a figure is for (`Talks on the budget for 1968 broke down in late
    /// September`: September of the story's year; `called a strike for the
    /// following Monday. At 3 a.m. on Friday`: the Friday before that
    /// Monday); a look back in the past perfect before the story's time
    /// (`announced on 3 December 2015 that he would not run. His term had
    /// been dominated by the closure in 2013. ... in January`: January 2016).
    pub(super) fn outside_story(&self, r: &Resolved, node: &Node) -> bool {
        if self.d.doctype != DocumentType::Narrative {
            return false;
        }
        let looks_back = |c: Cal| {
            self.carry.last.and_then(|(_, s)| s.first_day()).zip(c.first_day()).is_some_and(|(s, x)| x < s)
                && r.cue.at.is_some_and(|k| (self.d.past_perfect)(k))
        };
        matches!(r.anchor, Anchor::Reference(_)) || (self.d.after_purpose)(node) || r.cal.is_some_and(looks_back)
    }

    /// Makes the value of `r` (expression `node`) what later ones anchor on:
    /// the latest of its granularity and of all, a decade apart; in news
    /// also the lead's day, the latest day of events (not `said Saturday`)
    /// and whether the latest day was written as its end (`late Friday`).
    pub(super) fn remember(&mut self, r: &Resolved, node: &Node) {
        let idx = self.next_index();
        let Some(c) = r.cal else { return };
        let c = self.winter_ahead(c).unwrap_or(c);
        if c.gran == Gran::Decade {
            self.carry.decade = Some((idx, c));
            return;
        }
        if c.year.is_none() || c.gran < Gran::Year {
            return;
        }
        if self.carry.lead.is_none()
            && c.date().is_some()
            && self.sentence(node) < LEAD_SENTENCES
            && !self.whole_sentence(node)
        {
            self.carry.lead = Some((idx, c));
        }
        if rank(c.gran) == 0 {
            if c.date().is_some() {
                let day = Some((idx, c));
                if (self.d.after_report)(node) {
                    self.carry.report_day = day;
                } else {
                    self.carry.event_day = day;
                }
                // `the draw is made this evening`: a part of the day ahead
                // is the writer's day too.
                let ahead_today = || c.gran == Gran::Part && (self.d.cues)(node).tense == Tense::Future;
                if (c.gran == Gran::Day || ahead_today()) && self.d.reference == c.date() && !(self.d.quoted)(node) {
                    self.carry.today = Some(idx);
                }
            }
            self.carry.late_day = (r.modifier == Some("END")).then_some(idx);
            self.carry.early_day = (r.modifier == Some("START")).then_some(idx);
        }
        // `at about 2.40am on Saturday`: the day keeps the time just
        // written with it as its latest value (a time read later goes on
        // from that night, not from a day named as background).
        let timed = rank(c.gran) == 0
            && c.hour.is_none()
            && self.carry.anchors[0].is_some_and(|(j, p)| j + 1 == idx && p.hour.is_some() && p.date() == c.date());
        // `down from 2.5 percent in the April-June period`: a quarter
        // compared with is not the one a report is about.
        let compared = matches!(c.gran, Gran::Quarter | Gran::Half) && (self.d.compared)(node);
        // `the highest since the first case was confirmed on Oct. 3, and up
        // from 17 cases the previous week`: in news, a time something runs
        // from is not the story's time.
        let since = self.d.doctype == DocumentType::News && (self.d.since)(node);
        if !timed && !compared && !since && !self.heading {
            self.carry.anchors[rank(c.gran)] = Some((idx, c));
        }
        self.carry.before_last = self.carry.last;
        self.carry.last = Some((idx, c));
        self.carry.last_is_heading = self.heading;
        if !self.heading {
            self.carry.narrated = Some((idx, c));
        }
        // A year written out with its end (`by the end of 1703`; not `the
        // end of the year`, which may close a digression).
        let written = matches!(r.anchor, Anchor::None);
        if let Some(y) = c.year.filter(|y| written && !self.carry.written_years.contains(y)) {
            self.carry.written_years.push(y);
        }
        self.carry.late_year = (c.gran == Gran::Year && written && r.modifier == Some("END")).then_some(idx);
    }

    /// A narrative's winter named with the year its story has reached, past
    /// that year's first months: the winter from its December (`through
    /// October 1346. The winter of 1346 was hard. In January ...`: January
    /// 1347). Its value stays as written; what follows is read after it.
    fn winter_ahead(&self, c: Cal) -> Option<Cal> {
        let winter = c.season == Some(Season::Winter) && c.month.is_none() && c.gran == Gran::Season;
        if self.d.doctype != DocumentType::Narrative || !winter {
            return None;
        }
        let y = c.year.filter(|y| *y > 0)?;
        let (_, last) = self.carry.last?;
        let d = last.first_day()?;
        (last.season != Some(Season::Winter) && d.year() == y && d.month() >= 3)
            .then_some(Cal { year: Some(y + 1), ..c })
    }

    /// Whether an expression of a narrative plans ahead from the writer's
    /// day: a direction word in a present or future clause (`an exhibition
    /// is planned for next year`, `a memorial will be unveiled next May`).
    pub(super) fn writers_plan(&self, f: &Fields, node: &Node) -> bool {
        let cue = (self.d.cues)(node);
        f.dir.is_some()
            && matches!(cue.tense, Tense::Future | Tense::Present)
            && !cue.at.is_some_and(|k| (self.d.past_modal)(k))
    }

    /// Whether a narrative's `last year`, `next month` counts from the
    /// writer's day whatever its tense: outside quotation marks a history
    /// says `the previous year` of its own time (`a new museum opened last
    /// year`, closing a history of a war of 1868). Quoted speech keeps the
    /// story's.
    pub(super) fn writers_word(&self, f: &Fields, unit: Unit, node: &Node) -> bool {
        f.writers && matches!(unit, Unit::Week | Unit::Month | Unit::Year) && !(self.d.quoted)(node)
    }

    /// Whether a node's rule counts from the story (`base = "story"`), or
    /// modifies a piece that does (`the end of that summer`).
    fn story_based(&self, node: &Node) -> bool {
        let rule = &self.d.g.rules[node.rule as usize];
        rule.base == Base::Story
            || (rule.make == Make::Modify
                && node.subs.as_slice().first().is_some_and(|&s| self.story_based(&self.d.nodes[s as usize])))
    }

    /// The date a point without a year is read against, and what it is.
    pub(super) fn base(&self, f: &Fields, node: &Node) -> Option<(Date, Anchor, Option<i32>)> {
        let calendar_only =
            f.month.is_some() || f.season.is_some() || f.quarter.is_some() || f.holiday.is_some() || f.half.is_some();
        match self.d.doctype {
            DocumentType::Narrative => {
                if self.writers_plan(f, node)
                    && let Some(r) = self.d.reference
                {
                    return Some((r, Anchor::Reference(r), None));
                }
                // `1994` as a heading, then `The following winter`: the one
                // after the time the text last told of.
                let story = if f.dir.is_some() { self.story_told() } else { self.story() };
                if let Some((i, c)) = story {
                    if let Some(y) = c.year.filter(|y| *y <= 0) {
                        // A story before the common era keeps its year; `the
                        // following summer` after a year alone is the next
                        // one's (431 BC, then 430 BC; 1 BC, then AD 1).
                        // So is `the following spring` after `the autumn`
                        // of 215 BC: a month or season ahead at or before the
                        // story's own in the year is the next year's.
                        let next = ahead_of_year(c, f) || ahead_in_year(c, f);
                        let y = match y {
                            -1 if next => 1,
                            _ if next => y + 1,
                            _ => y,
                        };
                        return Some((Date::checked(2000, 7, 1)?, self.expr_anchor(i), Some(y)));
                    }
                    // A day of a month just after a day written out a sentence or
                    // two before stays in its year, whatever bare year came
                    // between (`On 10 March 1975 ... a campaign planned for 1976.
                    // ... on 11 March`), unless that year opens its sentence
                    // (`In 1976, ...`).
                    if c.gran == Gran::Year
                        && !self.opens_sentence_at(self.start_of(i))
                        && let (Some(m), Some(day)) = (f.month, f.day)
                        && let Some((j, dc)) = self.carry.anchors[0]
                        && let Some(dd) = dc.first_day()
                        && j < i
                        && self.sentence(node).saturating_sub(self.sentence_at(self.start_of(j))) <= 3
                    {
                        let y = anchor::story_year(dd, u32::from(m), Some(u32::from(day)));
                        if let Some(x) = Date::checked(y, u32::from(m), u32::from(day))
                            && (0..=45).contains(&(x.to_epoch_days() - dd.to_epoch_days()))
                        {
                            return Some((dd, self.expr_anchor(j), None));
                        }
                    }
                    // `In 1935 ... the following spring`, `by the end of 1703 ...
                    // during the winter`: after the whole year.
                    if let Some(d) = after_year(c, f, self.carry.late_year == Some(i)) {
                        return Some((d, self.expr_anchor(i), None));
                    }
                    let fixed_year = (c.gran == Gran::Year).then_some(c.year).flatten();
                    return Some((c.first_day()?, self.expr_anchor(i), fixed_year));
                }
                self.d.reference.map(|r| (r, Anchor::Reference(r), None))
            }
            _ => {
                if calendar_only
                    && f.weekday.is_none()
                    && f.dir.is_none()
                    && let Some((y, i)) = self.told_year(node, f.day.is_none())
                {
                    let d = Date::checked(y, 7, 1)?;
                    return Some((d, self.expr_anchor(i), Some(y)));
                }
                if f.weekday.is_none()
                    && f.dir.is_none()
                    && let (Some(m), Some(day)) = (f.month, f.day)
                    && let Some((y, i)) = self.told_date(node, m, day)
                {
                    return Some((Date::checked(y, 7, 1)?, self.expr_anchor(i), Some(y)));
                }
                // `the following Friday` counts from the latest day the text
                // gave; `the following May` from the latest date of any kind.
                if self.story_based(node) {
                    let from = if f.weekday.is_some() { self.carry.anchors[0] } else { self.carry.last };
                    if let Some((i, c)) = from
                        && let Some(d) = after_year(c, f, false).or_else(|| c.first_day())
                    {
                        // `In 1974 ... by the end of that summer`: the season
                        // of that time's year (a winter from July on, the next).
                        let fixed = match (f.season, f.dir) {
                            (Some(s), None) => Some(anchor::season_year(d, s, Tense::Unknown, Some(Dir::This))),
                            _ => None,
                        };
                        return Some((d, self.expr_anchor(i), fixed));
                    }
                }
                self.d.reference.map(|r| (r, Anchor::Reference(r), None))
            }
        }
    }
}
