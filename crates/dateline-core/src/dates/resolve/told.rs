//! The time a news story tells of when it is not the reference date's:
//! a year written in the sentence (`In 2012, sales rose; in July ...`), two
//! dates of one time long past (`... 14 January 2011 ... on 25 January`),
//! and the year after a year alone (`In 1935 ... the following spring`).

use super::Resolver;
use crate::civil::Date;
use crate::dates::anchor;
use crate::dates::cal::{Cal, Gran};
use crate::dates::fields::{Dir, Fields, Season};
use crate::dates::scan::Node;

impl Resolver<'_> {
    /// The year a news story is telling of at `node`, a past-tense clause:
    /// one written out in its sentence (`In 2012, sales rose; in July ...`),
    /// or opening the sentence before with nothing dated since outside it
    /// (`In 2012 the firm was founded. In July it hired ...`), when it is not the
    /// reference date's year. With the expression that wrote it.
    pub(super) fn told_year(&self, node: &Node) -> Option<(i32, usize)> {
        let (s, y, i) = self.carry.sentence_year?;
        let here = self.sentence(node);
        let near = s == here
            || (s + 1 == here
                && self.opens_sentence_at(self.start_of(i))
                && self.carry.last.is_some_and(|(_, c)| c.year == Some(y)));
        (near && (self.d.cues)(node).tense.is_past() && self.d.reference.is_some_and(|r| r.year() != y))
            .then_some((y, i))
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
pub(super) fn after_year(c: Cal, f: &Fields) -> Option<Date> {
    let (m, d) = if f.season == Some(Season::Winter) { (11, 30) } else { (12, 31) };
    ahead_of_year(c, f).then(|| Date::checked(c.year?, m, d)).flatten()
}

/// Whether `f` leans ahead and names a month or season after a story's year
/// alone `c` (see [`after_year`]).
pub(super) fn ahead_of_year(c: Cal, f: &Fields) -> bool {
    let ahead = f.dir.is_some_and(|d| d.plain() == Dir::Future);
    let named = f.month.is_some() || f.season.is_some();
    ahead && named && c.gran == Gran::Year
}
