//! Word shapes and neighbours the tense reader asks about: regular past
//! and future forms, initial capitals, infinitives, noun phrases, objects.

use super::{Tense, Words};
use crate::dates::grammar::{EndPairs, cue};

impl Words<'_> {
    /// Whether token `k` is a quotation mark that ends or opens a clause:
    /// after punctuation (`Tuesday," said`, `Saturday: "The`) or before a
    /// capital (`" The`); not one quoting words within a clause (`the
    /// minister "will sign"`).
    pub(super) fn clause_quote(&self, k: usize) -> bool {
        let quote =
            matches!(self.word(k), "\"" | "\u{201c}" | "\u{201d}" | "''" | "``" | "\u{ab}" | "\u{bb}" | "\u{201e}");
        let after_stop = k > 0 && matches!(self.word(k - 1), "," | "." | ":" | ";" | "!" | "?");
        quote && (after_stop || self.word(k + 1).starts_with(char::is_uppercase))
    }

    /// A regular past form written in lower case (`announced`; `United` and
    /// `Fred` are names).
    pub(super) fn regular_past(&self, k: usize) -> bool {
        let t = &self.g.tense;
        self.regular_form(k, &t.past_endings, &t.past_pairs, cue::NOT_PAST)
    }

    /// A regular future form written in lower case (`llegará`).
    pub(super) fn regular_future(&self, k: usize) -> bool {
        let t = &self.g.tense;
        self.regular_form(k, &t.future_endings, &t.future_pairs, cue::NOT_FUTURE)
    }

    /// The tense of a regular form that opens its sentence, where only its
    /// first letter is a capital (`Nació en abril`, `Founded in 1990`,
    /// `Llegará el lunes`); elsewhere a capitalised word is a name.
    pub(super) fn initial_form(&self, k: usize) -> Option<Tense> {
        let t = &self.g.tense;
        let past = self.form_with(k, &t.past_endings, &t.past_pairs, cue::NOT_PAST, true);
        if !past && self.form_with(k, &t.future_endings, &t.future_pairs, cue::NOT_FUTURE, true) {
            return Some(Tense::Future);
        }
        past.then_some(Tense::PastWeak)
    }

    /// Whether a past auxiliary (`had`) comes before token `k`, past at most
    /// two auxiliaries or adverbs in `-ly` (`had been`, `had originally
    /// been`).
    pub(super) fn had_before(&self, k: usize) -> bool {
        for d in 1..=3 {
            let x = self.before(k, d);
            if x & cue::PAST_AUXILIARY != 0 {
                return true;
            }
            let Some(j) = k.checked_sub(d).filter(|&j| j < self.tokens.len()) else { return false };
            let adverb = self.word(j).ends_with("ly");
            if x & cue::AUXILIARY == 0 && !adverb {
                return false;
            }
        }
        false
    }

    /// Whether one of the two tokens before `k` has cue bit `bit`.
    pub(super) fn near_before(&self, k: usize, bit: u32) -> bool {
        (1..=2).any(|d| self.before(k, d) & bit != 0)
    }

    /// Whether token `k` is a cue word that the next token unmakes
    /// (`next to`, `goes back`).
    pub(super) fn blocked_by_next(&self, k: usize) -> bool {
        self.g.words.get(self.id(k) as usize).is_some_and(|w| w.not_before.contains(&self.id(k + 1)))
    }

    /// Whether the token after `to` at `k` may be a verb: a lower-case word
    /// of letters that starts no noun phrase (not `to the`, `to its`).
    pub(super) fn verb_after_to(&self, k: usize) -> bool {
        let w = self.word(k + 1);
        !w.is_empty()
            && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            && self.cues(k + 1) & cue::NOUN_BEFORE == 0
    }

    /// Whether token `k` ends a noun phrase: right after a determiner
    /// (`the host`), or after an indefinite article and one lower-case word
    /// that is no cue (`a familiar face`).
    pub(super) fn noun_phrase_end(&self, k: usize) -> bool {
        let plain =
            |j: usize| self.cues(j) == 0 && j < self.tokens.len() && self.word(j).chars().all(char::is_lowercase);
        self.before(k, 1) & cue::NOUN_BEFORE != 0 || (self.before(k, 2) & cue::INDEFINITE != 0 && plain(k - 1))
    }

    /// Whether token `k` comes right after `to` (an infinitive).
    pub(super) fn after_to(&self, k: usize) -> bool {
        k > 0 && self.id(k - 1) == self.g.tense.to
    }

    /// Whether the token after `k` starts an object (a number, a sum, a
    /// determiner): `k` is then a verb (`hit a record`, `hit $130`).
    pub(super) fn object_after(&self, k: usize) -> bool {
        let next = self.word(k + 1);
        next.starts_with(|ch: char| ch.is_ascii_digit() || "$€£".contains(ch))
            || self.cues(k + 1) & cue::NOUN_BEFORE != 0
    }

    /// Whether a word with cues `x` makes the participle after it a
    /// reported passive (`were ordered to`; not `are urged to`, `have been
    /// told to`, which still ask for something ahead).
    pub(super) fn passive_be(x: u32) -> bool {
        x & cue::PAST != 0
    }

    /// Whether a future phrase starts at token `k` (`set for`).
    pub(super) fn future_phrase_at(&self, k: usize) -> bool {
        // `sales were better than expected in December`: a comparison.
        self.before(k, 1) & cue::COMPARISON == 0 && Self::phrase_at(&self.g.tense.future_phrases, |d| self.id(k + d))
    }

    /// Whether a phrase of the past starts at token `k` (`down from`).
    pub(crate) fn past_phrase_at(&self, k: usize) -> bool {
        Self::phrase_at(&self.g.tense.past_phrases, |d| self.id(k + d))
    }

    /// Whether one of `phrases` starts where `id(d)` is the id of its word `d`.
    pub(super) fn phrase_at(phrases: &[Box<[u32]>], id: impl Fn(usize) -> u32) -> bool {
        phrases.iter().any(|p| p.iter().enumerate().all(|(d, x)| *x == id(d)))
    }

    /// A progressive form after a present cue (`is meeting`).
    pub(super) fn progressive(&self, k: usize) -> bool {
        let t = &self.g.tense;
        self.regular_form(k, &t.progressive_endings, &t.progressive_pairs, 0)
    }

    /// Token `k` is a lower-case word of more than four bytes with one of
    /// `endings` (whose last two bytes are `pairs`), and not one of the
    /// words flagged `except`.
    pub(super) fn regular_form(&self, k: usize, endings: &[Box<str>], pairs: &EndPairs, except: u32) -> bool {
        self.form_with(k, endings, pairs, except, false)
    }

    /// [`Self::regular_form`], where `capital` lets the first letter be a
    /// capital.
    pub(super) fn form_with(
        &self,
        k: usize,
        endings: &[Box<str>],
        pairs: &EndPairs,
        except: u32,
        capital: bool,
    ) -> bool {
        // An empty word (past the last token) is too short for any ending.
        let w = self.word(k);
        let mut cs = w.chars();
        // The ending first: it turns away most words at once, and its last
        // two bytes most of those.
        w.len() > 4
            && pairs.may_end(w.as_bytes())
            && endings.iter().any(|e| w.ends_with(e.as_ref()))
            && (!capital || cs.next().is_some_and(char::is_uppercase))
            && cs.all(|c| c.is_alphabetic() && !c.is_uppercase())
            && self.cues(k) & except == 0
    }
}
