//! Choosing a document type for `auto`: narrative when the dates the text
//! writes out lie far from its reference date (or it has none), colloquial
//! for conversational texts (short ones, mails with a word of conversation
//! a sentence, and texts that open with a greeting), news otherwise.

use super::DocumentType;
use super::grammar::{Grammar, cue};
use super::scan::{Node, WordIds};
use super::value::{NodeId, Value};
use crate::civil::Date;

/// Years more than this far from the reference date count as far.
const FAR_YEARS: i32 = 1;
/// How many years written out a narrative needs.
const MIN_YEARS: usize = 6;
/// Years more than this far from the reference date are history: a text
/// whose every year is, with no weekday, no `yesterday` and no word of
/// reported speech, tells a story however few years it writes.
const HISTORY_YEARS: i32 = 20;
/// The share of its years a history has long past: two in three (`a survey
/// of the ruins in 2011` may close a history that writes two of its own).
const HISTORY_SHARE: (usize, usize) = (2, 3);
/// How many years written out make a long history (see `choose`).
const LONG_HISTORY_YEARS: usize = 12;
/// A story may have one word of reported speech for this many sentences.
const REPORT_SENTENCES: usize = 8;
/// A long history citing its sources may have one word of reported speech
/// for this many sentences; news has one every two or three.
const CITING_SENTENCES: usize = 4;
/// Texts of at most this many sentences may be conversation.
const SHORT_SENTENCES: usize = 3;

/// Expressions that speak from the writer's day: a weekday alone,
/// `yesterday`, `three days ago`, and a unit with a direction word (`last
/// year`, `this month`, `next week`).
fn speech(nodes: &[Node], id: NodeId) -> bool {
    match &nodes[id as usize].value {
        Value::Point(f) => f.weekday.is_some() && f.month.is_none() && f.year.is_none(),
        Value::Shift { base: super::grammar::Base::Speech, unit, f, .. } => {
            *unit == super::fields::Unit::Day || f.dir.is_some()
        }
        _ => false,
    }
}

fn years(nodes: &[Node], id: NodeId, out: &mut Vec<i32>) {
    let n = &nodes[id as usize];
    if let Value::Point(f) = &n.value
        && let Some(y) = f.year
    {
        out.push(y);
        return;
    }
    for &s in n.subs.as_slice() {
        years(nodes, s, out);
    }
}

/// What `auto` reads of a document's expressions, gathered a piece of the
/// text at a time: the years written out, how many of them lie far from the
/// reference date, and how many expressions speak from the writer's day.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Evidence {
    years: usize,
    far: usize,
    history: usize,
    said: usize,
    /// A weekday written with its day and month (`Thursday, 12 March`)
    /// has come: weekdays alone after it may be a timeline's days.
    dated_weekday: bool,
}

impl Evidence {
    /// Adds the expressions `tops` (nodes of `nodes`).
    pub(crate) fn add(&mut self, nodes: &[Node], tops: &[NodeId], reference: Option<Date>) {
        let mut ys = Vec::new();
        for &t in tops {
            years(nodes, t, &mut ys);
        }
        self.years += ys.len();
        if let Some(r) = reference {
            self.far += ys.iter().filter(|y| (**y - r.year()).abs() > FAR_YEARS).count();
            self.history += ys.iter().filter(|y| (**y - r.year()).abs() > HISTORY_YEARS).count();
        }
        // A timeline told day by day (`Thursday, 12 March: ... Friday: ...`)
        // names weekdays alone after one written with its date; they count
        // from the story, not from the writer's day.
        for &t in tops {
            let point = match &nodes[t as usize].value {
                Value::Point(f) => Some(f),
                _ => None,
            };
            // Not the reference date itself (a dateline, `Thursday, June 17,
            // 2021`, atop an article written that day).
            let dateline = |f: &super::fields::Fields| {
                reference.is_some_and(|r| {
                    f.year.is_none_or(|y| y == r.year())
                        && f.month.map(u32::from) == Some(r.month())
                        && f.day.map(u32::from) == Some(r.day())
                })
            };
            self.dated_weekday |=
                point.is_some_and(|f| f.weekday.is_some() && f.day.is_some() && f.month.is_some() && !dateline(f));
            // `speech` takes a point only when it is a weekday alone.
            if speech(nodes, t) && !(self.dated_weekday && point.is_some()) {
                self.said += 1;
            }
        }
    }

    /// The document type `auto` resolves to, given the document's word ids
    /// and how many sentences it has of at least two words.
    pub(crate) fn choose(
        &self,
        g: &Grammar,
        ids: &WordIds<'_>,
        sentences: usize,
        reference: Option<Date>,
    ) -> DocumentType {
        // Each word's cues.
        let word_cues = || ids.iter().map(|id| g.words.get(id as usize).map_or(0, |w| w.cues));
        // The words' cues, how many are past and present or future forms,
        // and how many are words of conversation: read only when a rule
        // below needs them, at most once.
        let tally = || {
            let (mut cues, mut past, mut not_past, mut talk, mut reports) = (0u32, 0usize, 0usize, 0usize, 0usize);
            for c in word_cues() {
                cues |= c;
                past += usize::from(c & cue::PAST != 0);
                not_past += usize::from(c & (cue::PRESENT | cue::FUTURE) != 0);
                talk += usize::from(c & cue::COLLOQUIAL != 0);
                reports += usize::from(c & cue::REPORTING != 0);
            }
            (cues, past, not_past, talk, reports)
        };
        let mut tallied = None;
        if reference.is_none() && self.years > 0 {
            return DocumentType::Narrative;
        }
        // History: (nearly) every year long past (a closing `since 2004`),
        // told in the past tense, little said from the writer's day (a
        // closing `Today it is a museum`, `the next year` read as the
        // writer's, the weekdays of a crisis told day by day) and hardly a
        // word of reported speech (`engineers reported leaks` once in a
        // history; news says `said` every few sentences).
        if reference.is_some()
            && self.years > 0
            && self.history * HISTORY_SHARE.1 >= self.years * HISTORY_SHARE.0
            && self.said * 2 <= self.years
        {
            let (_, past, not_past, _, reports) = *tallied.insert(tally());
            if reports * REPORT_SENTENCES <= sentences && past > not_past {
                return DocumentType::Narrative;
            }
        }
        // Many dates written out, most of them far from the reference date,
        // and hardly a weekday or `yesterday`: the text tells a story.
        if reference.is_some() && self.years >= MIN_YEARS && self.far * 2 >= self.years && self.said * 10 <= self.years
        {
            return DocumentType::Narrative;
        }
        // A recent story told some years on (a campaign month by month, a
        // disaster and its recovery, a career): the same, with a few more
        // expressions of the writer's day (`currently`, `as of now`) where
        // reported speech is as rare as in a history and the past tense rules.
        if reference.is_some() && self.years >= MIN_YEARS && self.far * 2 >= self.years && self.said * 5 <= self.years {
            let (_, past, not_past, _, reports) = *tallied.get_or_insert_with(tally);
            if reports * REPORT_SENTENCES <= sentences && past > not_past {
                return DocumentType::Narrative;
            }
        }
        // A long history (Caesar's wars, a dynasty): many years written
        // out, nearly all of them far, and at most one expression of speech
        // from the writer's day for every three years (a closing `today`,
        // `in ten days` read as speech), even if it cites its sources
        // (`according to`), though less often than news quotes (a court
        // ruling on a factory closed in 1982, with its history).
        if reference.is_some()
            && self.years >= LONG_HISTORY_YEARS
            && self.far * 10 >= self.years * 9
            && self.said * 3 <= self.years
        {
            let (_, _, _, _, reports) = *tallied.get_or_insert_with(tally);
            if reports * CITING_SENTENCES <= sentences {
                return DocumentType::Narrative;
            }
        }
        // `Hi Sam,`, `Dear Ms. Ortiz,`: a mail or a letter, whatever it
        // reports.
        let comma = g.word_id(",");
        let mut opening = ids.iter().take(5);
        let greeting = |id: u32| g.words.get(id as usize).is_some_and(|w| w.cues & cue::GREETING != 0);
        if opening.next().is_some_and(greeting) && opening.any(|id| Some(id) == comma) {
            return DocumentType::Colloquial;
        }
        // Conversation: a short text with a word of it, or a longer one
        // (a mail) with one a sentence on average; never reported speech.
        let enough = |talk: usize| if sentences <= SHORT_SENTENCES { talk > 0 } else { talk >= sentences };
        let talking = match tallied {
            Some((_, _, _, talk, reports)) => reports == 0 && enough(talk),
            // One pass over the words, ended by the first of reported speech
            // (most news).
            None => {
                let mut talk = 0usize;
                for c in word_cues() {
                    if c & cue::REPORTING != 0 {
                        return DocumentType::News;
                    }
                    talk += usize::from(c & cue::COLLOQUIAL != 0);
                }
                enough(talk)
            }
        };
        if talking {
            return DocumentType::Colloquial;
        }
        DocumentType::News
    }
}
