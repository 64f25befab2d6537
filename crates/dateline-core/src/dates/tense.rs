//! The tense of the clause around an expression, read from the language's
//! cue words (`tense.toml`): the nearest cue before the expression (as a
//! parser would take the governing verb), else the nearest after it.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use super::grammar::lexicon::Class;
use super::grammar::{Grammar, cue};
use super::scan::WordIds;
use crate::tokenize::Token;

/// The tense of the clause an expression is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tense {
    /// A past-tense verb (`said`, `met`).
    Past,
    /// Only a weak past cue: a regular `-ed` form, often a participle.
    PastWeak,
    /// A future cue (`will`, `plans to`, `next`).
    Future,
    /// A present-tense verb (`is`, `says`): neither past nor future.
    Present,
    /// No cue in the sentence.
    Unknown,
}

impl Tense {
    /// `past`, `past (weak)`, `future`, `present` or `unknown`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Past => "past",
            Self::PastWeak => "past (weak)",
            Self::Future => "future",
            Self::Present => "present",
            Self::Unknown => "unknown",
        }
    }

    /// Whether the clause is in the past, strongly or weakly.
    pub(crate) fn is_past(self) -> bool {
        matches!(self, Self::Past | Self::PastWeak)
    }
}

/// A tense and the token that gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    pub tense: Tense,
    pub at: Option<usize>,
}

/// How far back a relative clause's opening comma may lie.
const CLAUSE_TOKENS: usize = 12;

/// How far before an expression a word of `past_before` (`since`) governs it.
pub(crate) const PAST_BEFORE_TOKENS: usize = 8;

/// The words of a document as the tense reader sees them.
pub(crate) struct Words<'a> {
    pub g: &'a Grammar,
    /// Each token's vocabulary id.
    pub ids: &'a WordIds<'a>,
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// The cue of each token of a stretch once read ([`Words::cue_of`]): the
    /// first token's index, then 0 not read yet, else [`Words::code`].
    /// Empty until the first is read.
    memo: RefCell<(usize, Vec<u8>)>,
}

/// Tokens whose cues [`Words`] remembers at once: all of a shorter document
/// (a byte a token of a whole long document, zeroed again for each group of
/// expressions resolved, took most of its resolving time).
const CUES_KEPT: usize = 1 << 16;

impl<'a> Words<'a> {
    pub(crate) fn new(g: &'a Grammar, ids: &'a WordIds<'a>, text: &'a str, tokens: &'a [Token]) -> Self {
        Self { g, ids, text, tokens, memo: RefCell::new((0, Vec::new())) }
    }

    /// A cue as a nonzero byte.
    fn code(t: Option<Tense>) -> u8 {
        match t {
            None => 1,
            Some(Tense::Past) => 2,
            Some(Tense::PastWeak) => 3,
            Some(Tense::Future) => 4,
            Some(Tense::Present) => 5,
            Some(Tense::Unknown) => 6,
        }
    }

    fn decode(c: u8) -> Option<Tense> {
        match c {
            2 => Some(Tense::Past),
            3 => Some(Tense::PastWeak),
            4 => Some(Tense::Future),
            5 => Some(Tense::Present),
            6 => Some(Tense::Unknown),
            _ => None,
        }
    }

    /// [`Words::cue`] of token `k` (below `ids.len()`), read once: every
    /// expression of a sentence looks back over the same words, and each
    /// is asked its tense more than once.
    pub(crate) fn cue_of(&self, k: usize) -> Option<Tense> {
        let n = self.ids.len();
        if k >= n {
            return self.cue(k);
        }
        let mut memo = self.memo.borrow_mut();
        let (base, cues) = &mut *memo;
        if cues.is_empty() || k < *base || k >= *base + cues.len() {
            // A stretch from a little before `k` (cues are read backwards
            // over a sentence, then forwards).
            let len = n.min(CUES_KEPT);
            *base = k.saturating_sub(len / 4).min(n - len);
            cues.clear();
            cues.resize(len, 0);
        }
        let slot = &mut cues[k - *base];
        if *slot == 0 {
            let t = self.cue(k);
            *slot = Self::code(t);
            t
        } else {
            Self::decode(*slot)
        }
    }

    fn id(&self, k: usize) -> u32 {
        self.ids.get(k)
    }

    /// The text of token `k`, empty past the last token.
    fn word(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| &self.text[t.start()..t.end()])
    }

    /// The cue bits of token `k`: none for a cue word written as a month's
    /// or weekday's name (capitalised, `April and May` is no `may rise`).
    fn cues(&self, k: usize) -> u32 {
        const NAMES: u32 = 1 << Class::Month.index() | 1 << Class::Weekday.index();
        let Some(w) = self.g.words.get(self.id(k) as usize) else { return 0 };
        if w.cues != 0 && w.classes & NAMES != 0 && self.word(k).starts_with(char::is_uppercase) {
            return 0;
        }
        w.cues
    }

    fn before(&self, k: usize, d: usize) -> u32 {
        k.checked_sub(d).map_or(0, |j| self.cues(j))
    }

    /// Whether the clause whose cue is token `k` is in the past perfect: a
    /// past auxiliary (`had`) at `k` or just before it, followed within two
    /// tokens by a past form or participle (`had been dominated`, `had
    /// already taken`; not `had fewer than 2,000 inhabitants`).
    pub(crate) fn past_perfect(&self, k: usize) -> bool {
        self.past_auxiliary_at(k).is_some_and(|a| self.participle_after(a))
    }

    /// A past auxiliary (`had`) at token `k` or up to two tokens before it.
    fn past_auxiliary_at(&self, k: usize) -> Option<usize> {
        (0..=2).filter_map(|d| k.checked_sub(d)).find(|&j| self.cues(j) & cue::PAST_AUXILIARY != 0)
    }

    /// Whether token `j` is a word of the word list `list`.
    fn in_list(&self, j: usize, list: Option<usize>) -> bool {
        list.is_some_and(|l| self.g.words.get(self.id(j) as usize).is_some_and(|w| w.lists & (1 << l) != 0))
    }

    /// Whether the clause whose cue is token `k` is a past perfect reported
    /// after a past verb and `that` (`testified that she had seen`,
    /// `claimed that the clerk had left`): a look back from the report.
    pub(crate) fn reported_perfect(&self, k: usize) -> bool {
        let that = |j: usize| self.in_list(j, self.g.lists_used.relative_pronoun);
        self.past_auxiliary_at(k).is_some_and(|a| {
            self.participle_after(a)
                && (2..=3)
                    .filter_map(|d| a.checked_sub(d))
                    .any(|t| t >= 1 && that(t) && (self.cues(t - 1) & cue::PAST != 0 || self.regular_past(t - 1)))
        })
    }

    /// Whether a past form or participle comes within two tokens after `a`
    /// (`had been dominated`, `might have left`).
    fn participle_after(&self, a: usize) -> bool {
        (a + 1..=a + 2).filter(|&j| j < self.ids.len()).any(|j| {
            self.cues(j) & cue::PAST != 0 || self.regular_past(j) || self.in_list(j, self.g.lists_used.past_participle)
        })
    }

    /// Whether the perfect auxiliary at `k` follows a modal of the past
    /// (`might have been`, `must have left`, `may have triggered`): a modal
    /// up to two tokens back that is no future cue before `have`, and a
    /// participle after it. `will have finished` stays ahead.
    fn modal_perfect(&self, k: usize) -> bool {
        let would = |j: usize| self.in_list(j, self.g.lists_used.past_modal);
        self.cues(k) & cue::PERFECT != 0
            && (1..=2).filter_map(|d| k.checked_sub(d)).any(|j| {
                self.cues(j) & cue::MODAL != 0
                    && (self.cues(j) & cue::FUTURE == 0 || self.blocked_by_next(j) || would(j))
            })
            && self.participle_after(k)
    }

    /// Whether the clause whose cue is token `k` is in the past perfect, or
    /// is a relative clause opened just before `k` that hangs on one earlier
    /// in its sentence from `sent_start` (`had been preceded by tremors that
    /// began in late September`).
    pub(crate) fn past_perfect_clause(&self, k: usize, sent_start: usize) -> bool {
        let relative = |j: usize| self.in_list(j, self.g.lists_used.relative_pronoun);
        self.past_perfect(k)
            || k.checked_sub(1).filter(|&r| r > sent_start && relative(r)).is_some_and(|r| {
                (sent_start..r).any(|j| self.cues(j) & cue::PAST_AUXILIARY != 0 && self.past_perfect(j))
            })
    }

    /// The tense cue of token `k`, if it is one.
    fn cue(&self, k: usize) -> Option<Tense> {
        let c = self.cues(k);
        // `had been scheduled for Wednesday`, `had been set for Tuesday`,
        // `had originally been scheduled for late October`: a plan seen
        // from the past.
        let had = || self.had_before(k);
        if c & cue::FUTURE != 0 && !self.blocked_by_next(k) {
            // `a familiar face Thursday`: a noun.
            if c & cue::FUTURE_NOUN != 0 && self.noun_phrase_end(k) {
                return None;
            }
            return Some(if had() { Tense::Past } else { Tense::Future });
        }
        // `Leaders meet Monday`: a scheduled event, unless an infinitive
        // (`agreed to meet`) or after a past form or auxiliary up to four
        // tokens back (`did not meet`, `saw the gunmen arrive`).
        if c & cue::FUTURE_BASE != 0 {
            let after_past = (1..=4).any(|d| self.before(k, d) & (cue::PAST | cue::PAST_AUXILIARY | cue::PAST_DO) != 0);
            if self.after_to(k) || self.blocked_by_next(k) || after_past {
                return None;
            }
            return Some(Tense::Future);
        }
        if c & cue::PHRASE_START != 0 {
            if self.future_phrase_at(k) {
                return Some(if had() { Tense::Past } else { Tense::Future });
            }
            // `expects $5 billion, up from $4 billion in April`.
            if self.past_phrase_at(k) {
                return Some(Tense::Past);
            }
        }
        // `planned to leave on Thursday`: the event is ahead, unless seen from
        // the past (`had been due to expire Friday`).
        if self.id(k) == self.g.tense.to && self.before(k, 1) & cue::FUTURE_BEFORE_TO != 0 {
            let in_past = (2..=3).any(|d| self.before(k, d) & cue::PAST_AUXILIARY != 0);
            return Some(if in_past { Tense::Past } else { Tense::Future });
        }
        // `told jurors to return on Monday`: what is asked for lies ahead.
        // Not in the passive (`were ordered to evacuate on Thursday`: the
        // order and what it asked for are reported).
        if self.id(k) == self.g.tense.to
            && (1..=3).any(|d| self.before(k, d) & cue::DIRECTIVE != 0 && !Self::passive_be(self.before(k, d + 1)))
        {
            return Some(Tense::Future);
        }
        // A word that is no cue is one only as a regular past or future form.
        if c & (cue::PAST | cue::PRESENT) == 0 && !self.regular_past(k) {
            return self.regular_future(k).then_some(Tense::Future);
        }
        if self.near_before(k, cue::AUXILIARY) {
            // `they have gathered evidence`: the present perfect reports the
            // past; `will be held`, `has been signed` say nothing of it.
            let perfect = self.before(k, 1) & cue::PERFECT != 0 && (c & cue::PAST != 0 || self.regular_past(k));
            // `expected to have filled all orders by June`: a perfect seen
            // from ahead (not `is believed to have died on Friday`).
            let ahead = perfect
                && k.checked_sub(2).is_some_and(|j| self.id(j) == self.g.tense.to)
                && self.before(k, 3) & cue::FUTURE_BEFORE_TO != 0;
            if ahead {
                return Some(Tense::Future);
            }
            return perfect.then_some(Tense::Past);
        }
        if c & cue::PAST != 0 {
            // `no earlier than Friday`: a word its next one makes no cue.
            if self.blocked_by_next(k) {
                return None;
            }
            // `a rate cut in September`: a noun; not with an object after it
            // (`spending hit a record`, `the rate hit 5%`).
            if c & cue::PAST_NOUN != 0 && self.before(k, 1) & cue::NOUN_BEFORE != 0 && !self.object_after(k) {
                return None;
            }
            // `will cut`, `would not set`: a base form that is also a past one.
            if self.near_before(k, cue::MODAL) {
                return Some(Tense::Future);
            }
            // `expect the Fed to cut rates`: an infinitive, no tense.
            if self.after_to(k) {
                return None;
            }
            return Some(Tense::Past);
        }
        if c & cue::PRESENT != 0 {
            if self.modal_perfect(k) {
                return Some(Tense::Past);
            }
            // `will have`, `would be`: the modal decides; `is meeting on
            // Monday` is an arrangement ahead.
            if self.near_before(k, cue::FUTURE) || self.progressive(k + 1) {
                return Some(Tense::Future);
            }
            return Some(Tense::Present);
        }
        // `to present related work`, `the jailed activist`: an adjective.
        let adjective = || {
            self.before(k, 1) & cue::NOUN_BEFORE != 0
                || (k >= 2 && self.id(k - 2) == self.g.tense.to && self.verb_after_to(k - 2))
        };
        (self.regular_past(k) && !adjective()).then_some(Tense::PastWeak)
    }

    /// The comma that opens a relative clause reaching token `k`: the
    /// nearest comma before `k`, at most [`CLAUSE_TOKENS`] back in the
    /// sentence from `sent_start`, if a relative word follows it.
    fn relative_opening(&self, k: usize, sent_start: usize) -> Option<usize> {
        let comma = self.g.tense.comma;
        (k.saturating_sub(CLAUSE_TOKENS).max(sent_start)..k)
            .rev()
            .find(|&j| self.id(j) == comma)
            .filter(|&c0| self.cues(c0 + 1) & cue::RELATIVE != 0)
    }

    /// Whether tokens `start..end` lie in a relative clause between commas
    /// (`passes, which sold out in 1995, went on sale April 15`): a comma
    /// right after them, and a relative clause opened before them.
    pub(crate) fn in_relative_clause(&self, start: usize, end: usize, sent_start: usize) -> bool {
        end < self.ids.len() && self.id(end) == self.g.tense.comma && self.relative_opening(start, sent_start).is_some()
    }

    /// The tense of tokens `start..end` in the sentence `sent_start..sent_end`:
    /// the nearest cue before the expression, else the nearest after it.
    pub(crate) fn tense(&self, start: usize, end: usize, sent_start: usize, sent_end: usize) -> Cue {
        let n = self.ids.len();
        let comma = self.g.tense.comma;
        let mut k = start.min(n);
        // The nearest `to` before a lower-case word passed on the way back.
        let mut infinitive = None;
        // A deadline word just before the expression (`before`), and the
        // cue it makes of a present clause or one with no verb: ahead.
        let mut deadline = None;
        let by_deadline = |deadline: Option<usize>, t: Tense| {
            deadline
                .filter(|_| matches!(t, Tense::Present | Tense::Unknown))
                .map(|d| Cue { tense: Tense::Future, at: Some(d) })
        };
        while k > sent_start {
            k -= 1;
            // `results for the quarter, which ended Dec. 31, in early
            // February`: the relative clause's verb is not the tense of what
            // follows it. Only a comma that closes the clause just before the
            // expression or its preposition (`who retired as treasurer,
            // secretary and general counsel in March` keeps its verb).
            if self.id(k) == comma
                && start - k <= 2
                && let Some(c0) = self.relative_opening(k, sent_start)
            {
                k = c0;
                continue;
            }
            // `since shortly after the Oct. 23 attack`, `since cancelling a
            // concert in February`: near enough to govern it, with no cue
            // between.
            if start - k <= PAST_BEFORE_TOKENS && self.cues(k) & cue::PAST_BEFORE != 0 {
                return Cue { tense: Tense::Past, at: Some(k) };
            }
            // `a pact effective June 1`: ahead, whatever the verb.
            if start - k <= 2 && self.cues(k) & cue::FUTURE_BEFORE != 0 {
                return Cue { tense: Tense::Future, at: Some(k) };
            }
            // `any chance of a deal before the weekend?`: a deadline, ahead
            // in a present clause or one with no verb.
            if deadline.is_none() && start - k <= 2 && self.cues(k) & cue::DEADLINE_BEFORE != 0 {
                deadline = Some(k);
            }
            if let Some(t) = self.cue_of(k) {
                if let Some(c) = by_deadline(deadline, t) {
                    return c;
                }
                // A progressive names an arrangement ahead only for a time
                // right after its verb (`is meeting on Monday`, not `is
                // continuing to try ... under a June agreement`).
                // A phrase of plans reaches further (`a vigil is planned
                // outside city hall on Friday`).
                let far_progressive = t == Tense::Future
                    && start > k + 4
                    && self.cues(k) & cue::PRESENT != 0
                    && !self.near_before(k, cue::FUTURE)
                    && !self.future_phrase_at(k);
                let t = if far_progressive { Tense::Present } else { t };
                // `premiered in May`: a regular past form before a
                // preposition and the expression is a verb in the past.
                let firm = t == Tense::PastWeak
                    && ((start == k + 2 && self.cues(k + 1) & cue::FIRM_PAST_AFTER != 0)
                        || self.near_before(k, cue::PAST | cue::PAST_AUXILIARY)
                        || self.before(k, 1) & cue::RELATIVE != 0);
                let t = if firm { Tense::Past } else { t };
                // `analysts forecast a loss for the fourth quarter`,
                // `predicted more storms tonight and Thursday`: what a
                // forecast is for lies ahead (not `it forecast in April`,
                // `predicted Thursday that`: when it was made).
                let target = t.is_past()
                    && self.cues(k) & cue::FORECAST != 0
                    && start > k + 1
                    && (start > k + 2 || self.cues(start - 1) & cue::TARGET_BEFORE != 0);
                let t = if target { Tense::Future } else { t };
                return Cue { tense: t, at: Some(k) };
            }
            if k == sent_start
                && let Some(t) = self.initial_form(k)
            {
                return Cue { tense: t, at: Some(k) };
            }
            if infinitive.is_none() && self.id(k) == self.g.tense.to && self.verb_after_to(k) {
                infinitive = Some(k);
            }
        }
        for k in end..sent_end.min(n) {
            // `"... to pause on Tuesday," said the strategist`, `the match on
            // Saturday: "The coach stays"`: past a quote mark that ends or
            // opens a clause, a verb tells of another clause (not a quote
            // within one: `On Friday the minister "will sign the deal"`).
            if self.clause_quote(k) {
                break;
            }
            if let Some(t) = self.cue_of(k) {
                if let Some(c) = by_deadline(deadline, t) {
                    return c;
                }
                return Cue { tense: t, at: Some(k) };
            }
        }
        // `a warm-up by Friday`: a deadline with no verb is ahead.
        if let Some(c) = by_deadline(deadline, Tense::Unknown) {
            return c;
        }
        // `Rail workers to strike on Friday`: an infinitive in a sentence
        // with no verb (a headline's) points ahead.
        if let Some(k) = infinitive {
            return Cue { tense: Tense::Future, at: Some(k) };
        }
        Cue { tense: Tense::Unknown, at: None }
    }
}

mod forms;
#[cfg(test)]
mod tests;
