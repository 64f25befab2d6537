//! The grammar's vocabulary: an id for every word a rule, list, class or
//! cue names, what the grammar knows of each word ([`WordInfo`]), and the
//! lookup of a token's id ([`Grammar::token_id`]) with its fast paths for
//! ASCII tokens.

use rustc_hash::FxHashMap;

use super::lexicon::key;
use super::pattern::{Atom, Elem};
use super::short_ids::{ShortIds, ascii_lower_key};
use super::{Grammar, RuleSet, TenseCues};
use crate::error::Error;

/// What the grammar knows of one word (by its id in [`Grammar::vocab`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct WordInfo {
    /// Rules that can start at it and put no condition on the token after
    /// it (see `second.rs`).
    pub free: RuleSet,
    /// Rules that can start at it if the token after it can be their second.
    pub need: RuleSet,
    /// Whether `free` or `need` has a rule.
    pub starts: bool,
    /// Classes with an entry starting with it, one bit each.
    pub classes: u32,
    /// Lists holding it, one bit each.
    pub lists: u64,
    /// Lexicon entries starting with it (indices into `Lexicon::entries`).
    pub entries: Box<[u32]>,
    /// Rules whose second token it can be.
    pub second: RuleSet,
    /// For rules of `need` whose second token this word decides better
    /// than `second` does, the tests of the next token (`own_second.rs`).
    pub own: Option<Box<super::OwnSecond>>,
    /// Rules starting with a shape whose matches start with this word
    /// (`mid` of `mid-1990s`).
    pub lead: RuleSet,
    /// Tense and document cues, one bit each (`cue::PAST`, …).
    pub cues: u32,
    /// Words after which it is no cue (`next` before `to`).
    pub not_before: Box<[u32]>,
}

/// The cue bits of [`WordInfo::cues`].
pub(crate) mod cue {
    pub const PAST: u32 = 1;
    pub const FUTURE: u32 = 1 << 1;
    pub const PRESENT: u32 = 1 << 2;
    pub const FUTURE_BEFORE_TO: u32 = 1 << 3;
    pub const AUXILIARY: u32 = 1 << 4;
    pub const PERFECT: u32 = 1 << 5;
    pub const PAST_AUXILIARY: u32 = 1 << 6;
    pub const NOT_PAST: u32 = 1 << 7;
    pub const COLLOQUIAL: u32 = 1 << 8;
    pub const REPORTING: u32 = 1 << 9;
    pub const NOT_FUTURE: u32 = 1 << 10;
    pub const PAST_BEFORE: u32 = 1 << 11;
    pub const MODAL: u32 = 1 << 12;
    pub const FUTURE_BEFORE: u32 = 1 << 13;
    pub const SPORT: u32 = 1 << 14;
    pub const DIRECTIVE: u32 = 1 << 15;
    pub const FUTURE_BASE: u32 = 1 << 16;
    pub const NOUN_BEFORE: u32 = 1 << 17;
    pub const PAST_NOUN: u32 = 1 << 18;
    pub const PAST_DO: u32 = 1 << 19;
    /// The first word of a future phrase (`going` of `going to`).
    pub const PHRASE_START: u32 = 1 << 20;
    /// A word after which a regular past form is a plain past (`in` of
    /// `premiered in May`).
    pub const FIRM_PAST_AFTER: u32 = 1 << 21;
    /// A greeting that opens a mail or a letter (`Hi`, `Dear`).
    pub const GREETING: u32 = 1 << 22;
    /// A word of comparison after which a future phrase is none (`than` of
    /// `better than expected in December`).
    pub const COMPARISON: u32 = 1 << 23;
    /// A relative pronoun opening a clause between commas (`which` of `the
    /// quarter, which ended Dec. 31, in early February`): its verb is not
    /// the tense of what follows the clause.
    pub const RELATIVE: u32 = 1 << 24;
    /// A verb of forecasting (`forecast`, `predicted`): what it is for lies
    /// ahead, though the verb is past.
    pub const FORECAST: u32 = 1 << 25;
    /// A word that names what a forecast is for (`for`).
    pub const TARGET_BEFORE: u32 = 1 << 26;
    /// A future cue that is also a noun (`face`).
    pub const FUTURE_NOUN: u32 = 1 << 27;
    /// An indefinite article (`a`).
    pub const INDEFINITE: u32 = 1 << 28;
    /// A deadline word: what follows it is ahead unless its clause is past.
    pub const DEADLINE_BEFORE: u32 = 1 << 29;
}

/// A word of up to seven bytes (lower-cased if `lower`) and its length as
/// one number.
pub(super) fn short_key(b: &[u8], lower: bool) -> Option<u64> {
    if b.len() > 7 {
        return None;
    }
    let mut k = (b.len() as u64) << 56;
    for (i, &c) in b.iter().enumerate() {
        k |= u64::from(c | (u8::from(lower && c.is_ascii_uppercase()) << 5)) << (8 * i);
    }
    Some(k)
}

/// A set of (length, first byte, second byte) of lower-case words, one bit
/// each (the lengths from 15 on share a bit, and so do bytes equal modulo 32).
#[derive(Debug, Default)]
pub(super) struct ShapesOfWords(Vec<u64>);

impl ShapesOfWords {
    fn index(b: &[u8]) -> usize {
        let byte = |k: usize| usize::from(b.get(k).map_or(0, u8::to_ascii_lowercase) & 31);
        (b.len().min(15) << 10) | (byte(0) << 5) | byte(1)
    }

    fn new<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut bits = vec![0u64; (16 << 10) / 64];
        for w in words {
            let i = Self::index(w.as_bytes());
            bits[i / 64] |= 1 << (i % 64);
        }
        Self(bits)
    }

    /// Whether an ASCII token (in any case) may be one of the words.
    fn may_hold(&self, b: &[u8]) -> bool {
        let i = Self::index(b);
        self.0.get(i / 64).is_none_or(|w| w >> (i % 64) & 1 == 1)
    }

    /// [`Self::may_hold`] of the word of a [`short_key`] (a byte and its
    /// lower case are equal modulo 32: the key's case does not matter).
    #[inline]
    fn may_hold_key(&self, k: u64) -> bool {
        #[allow(clippy::cast_possible_truncation)]
        let i = ((k >> 56) as usize) << 10 | ((k & 31) as usize) << 5 | ((k >> 8) & 31) as usize;
        self.0.get(i / 64).is_none_or(|w| w >> (i % 64) & 1 == 1)
    }
}

impl Grammar {
    /// Gives every word an id, with what is known of it, and turns the
    /// literal words of patterns and the tokens of class phrases into ids.
    pub(super) fn vocabulary(
        &mut self,
        by_word: &FxHashMap<Box<str>, RuleSet>,
        free_words: &FxHashMap<Box<str>, RuleSet>,
        second_words: &FxHashMap<Box<str>, RuleSet>,
        lead_words: &FxHashMap<Box<str>, RuleSet>,
    ) -> Result<(), Error> {
        let mut vocab: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut words: Vec<WordInfo> = Vec::new();
        let mut id_of = |w: &str, words: &mut Vec<WordInfo>| -> u32 {
            if let Some(&id) = vocab.get(w) {
                return id;
            }
            let id = u32::try_from(words.len()).unwrap_or(u32::MAX);
            vocab.insert(w.into(), id);
            words.push(WordInfo::default());
            id
        };
        for (w, set) in by_word {
            let id = id_of(w, &mut words);
            let free = free_words.get(w).copied().unwrap_or(*set);
            let mut need = *set;
            need.remove_all(&free);
            words[id as usize].free = free;
            words[id as usize].need = need;
            words[id as usize].starts = !free.is_empty() || !need.is_empty();
        }
        for (w, set) in second_words {
            let id = id_of(w, &mut words);
            words[id as usize].second = *set;
        }
        for (w, set) in lead_words {
            let id = id_of(w, &mut words);
            words[id as usize].lead = *set;
        }
        if self.lists.len() > 64 {
            return Err(Error::Config("date words: more than 64 lists".into()));
        }
        for (l, list) in self.lists.iter().enumerate() {
            for w in list {
                let id = id_of(w, &mut words);
                words[id as usize].lists |= 1 << l;
            }
        }
        let t = &self.tense_file;
        let d = &self.document_file;
        let flagged: [(&[String], u32); 29] = [
            (&t.past, cue::PAST),
            (&t.modals, cue::MODAL),
            (&t.future, cue::FUTURE),
            (&t.present, cue::PRESENT),
            (&t.future_before_to, cue::FUTURE_BEFORE_TO),
            (&t.auxiliaries, cue::AUXILIARY),
            (&t.perfect, cue::PERFECT),
            (&t.past_auxiliaries, cue::PAST_AUXILIARY),
            (&t.past_before, cue::PAST_BEFORE),
            (&t.future_before, cue::FUTURE_BEFORE),
            (&t.deadline_before, cue::DEADLINE_BEFORE),
            (&t.not_past, cue::NOT_PAST),
            (&t.not_future, cue::NOT_FUTURE),
            (&d.colloquial, cue::COLLOQUIAL),
            (&d.reporting, cue::REPORTING),
            (&d.sport, cue::SPORT),
            (&d.greetings, cue::GREETING),
            (&t.directives, cue::DIRECTIVE),
            (&t.future_base, cue::FUTURE_BASE),
            (&t.noun_before, cue::NOUN_BEFORE),
            (&t.past_nouns, cue::PAST_NOUN),
            (&t.past_do, cue::PAST_DO),
            (&t.firm_past_after, cue::FIRM_PAST_AFTER),
            (&t.comparison, cue::COMPARISON),
            (&t.relative, cue::RELATIVE),
            (&t.forecast_verbs, cue::FORECAST),
            (&t.target_before, cue::TARGET_BEFORE),
            (&t.future_nouns, cue::FUTURE_NOUN),
            (&t.indefinite, cue::INDEFINITE),
        ];
        for (list, bit) in flagged {
            for w in list {
                let id = id_of(&key(w), &mut words);
                words[id as usize].cues |= bit;
            }
        }
        for (w, next) in &t.not_before {
            let ids: Box<[u32]> = next.iter().map(|n| id_of(&key(n), &mut words)).collect();
            let id = id_of(&key(w), &mut words);
            words[id as usize].not_before = ids;
        }
        let past_endings: Vec<Box<str>> = t.past_endings.iter().map(|w| key(w).into()).collect();
        let future_endings: Vec<Box<str>> = t.future_endings.iter().map(|w| key(w).into()).collect();
        let progressive_endings: Vec<Box<str>> = t.progressive_endings.iter().map(|w| key(w).into()).collect();
        self.tense = TenseCues {
            progressive_pairs: super::EndPairs::of(&progressive_endings),
            progressive_endings,
            past_pairs: super::EndPairs::of(&past_endings),
            future_pairs: super::EndPairs::of(&future_endings),
            past_endings,
            future_endings,
            future_phrases: phrases(&t.future_phrases, &mut words, &mut id_of),
            past_phrases: phrases(&t.past_phrases, &mut words, &mut id_of),
            to: id_of("to", &mut words),
            comma: id_of(",", &mut words),
        };
        for (k, e) in self.lex.entries.iter_mut().enumerate() {
            let id = id_of(&e.first, &mut words);
            let info = &mut words[id as usize];
            info.classes |= 1 << e.class.index();
            let mut list = info.entries.to_vec();
            list.push(u32::try_from(k).unwrap_or(u32::MAX));
            info.entries = list.into_boxed_slice();
            e.rest_ids = e.rest.iter().map(|w| id_of(w, &mut words)).collect();
        }
        for r in &mut self.rules {
            for e in &mut r.elems {
                let alts = match e {
                    Elem::Atoms { alts, .. } | Elem::Context { alts, .. } => alts,
                };
                for a in alts {
                    if let Atom::Word(w, id) = a {
                        *id = id_of(w, &mut words);
                    }
                }
            }
        }
        self.shapes_of_words = ShapesOfWords::new(vocab.keys().map(AsRef::as_ref));
        for (w, &id) in &vocab {
            if let (Some(&b), false) = (w.as_bytes().first(), words[id as usize].lead.is_empty()) {
                self.lead_first[usize::from(b.to_ascii_lowercase())] = true;
                self.lead_first[usize::from(b.to_ascii_uppercase())] = true;
                self.lead_max = self.lead_max.max(w.len());
            }
        }
        self.short_ids = ShortIds::new(vocab.iter().filter_map(|(w, &id)| Some((short_key(w.as_bytes(), false)?, id))));
        // Documents keep each token's id in 16 bits (`scan::WordIds`).
        if words.len() >= usize::from(u16::MAX) {
            return Err(Error::Config(format!("{} words in the grammar (at most {})", words.len(), u16::MAX - 1)));
        }
        self.vocab = vocab;
        self.words = words;
        Ok(())
    }

    /// The id of a lower-case word, if the grammar knows it.
    pub(crate) fn word_id(&self, lower: &str) -> Option<u32> {
        self.vocab.get(lower).copied()
    }

    /// The id of a token's lower-case form, if the grammar knows it.
    pub(crate) fn token_id(&self, w: &str) -> Option<u32> {
        let b = w.as_bytes();
        // Most tokens: up to seven bytes.
        if b.len() <= 7 {
            let mut x = [0u8; 8];
            x[..b.len()].copy_from_slice(b);
            return self.short_token_id(w, u64::from_le_bytes(x));
        }
        self.long_token_id(w)
    }

    /// [`Self::token_id`] of `text[start..end]`: a token of up to seven
    /// ASCII bytes with eight bytes of the text from its start (most
    /// tokens) is read as one number, not byte by byte, and looked up
    /// inline (this is asked of every token of a document).
    #[inline(always)]
    pub(crate) fn token_id_at(&self, text: &str, start: usize, end: usize) -> Option<u32> {
        let len = end.wrapping_sub(start);
        if len <= 7
            && let Some(eight) = text.as_bytes().get(start..start + 8)
        {
            let mut x = [0u8; 8];
            x.copy_from_slice(eight);
            if let Some(k) = ascii_lower_key(u64::from_le_bytes(x), len) {
                return self.short_id(k);
            }
        }
        self.token_id(&text[start..end])
    }

    /// [`Self::token_id`] of a word of up to seven bytes, `x` its bytes as
    /// a little-endian number (those past its end are ignored).
    #[inline]
    fn short_token_id(&self, w: &str, x: u64) -> Option<u32> {
        match ascii_lower_key(x, w.len()) {
            Some(k) => self.short_id(k),
            None => self.word_id(&key(w)),
        }
    }

    /// The id of the word of a lower-case short key, past the test of its
    /// length and first two bytes that turns most non-words away.
    #[inline(always)]
    fn short_id(&self, k: u64) -> Option<u32> {
        if self.shapes_of_words.may_hold_key(k) { self.short_ids.get(k) } else { None }
    }

    /// [`Self::token_id`] of a word of more than seven bytes.
    fn long_token_id(&self, w: &str) -> Option<u32> {
        let b = w.as_bytes();
        if b.is_ascii() {
            if !self.shapes_of_words.may_hold(b) {
                return None;
            }
            if !b.iter().any(u8::is_ascii_uppercase) {
                return self.word_id(w);
            }
            if b.len() <= 32 {
                let mut buf = [0u8; 32];
                for (d, s) in buf.iter_mut().zip(b) {
                    *d = s.to_ascii_lowercase();
                }
                return std::str::from_utf8(&buf[..b.len()]).ok().and_then(|k| self.word_id(k));
            }
        }
        self.word_id(&key(w))
    }
}

/// Phrases as word ids; their first words are flagged `PHRASE_START`.
fn phrases(
    list: &[String],
    words: &mut Vec<WordInfo>,
    id_of: &mut impl FnMut(&str, &mut Vec<WordInfo>) -> u32,
) -> Vec<Box<[u32]>> {
    list.iter()
        .map(|p| {
            let ids: Box<[u32]> = p.split_whitespace().map(|w| id_of(&key(w), words)).collect();
            if let Some(&first) = ids.first() {
                words[first as usize].cues |= cue::PHRASE_START;
            }
            ids
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{ShapesOfWords, short_key};

    /// The test of a key is the test of its word, in any case.
    #[test]
    fn the_shape_of_a_key_is_the_shape_of_its_word() {
        let shapes = ShapesOfWords::new(["may", "q", "mid", "1990s", "o'clock", "a.m."].into_iter());
        for w in ["", "May", "MAY", "q", "Q", "mid", "Mix", "1990s", "a.m.", "A.M.", "o", "x", "quarter", "@[`{"] {
            let Some(k) = short_key(w.as_bytes(), true) else { continue };
            assert_eq!(shapes.may_hold_key(k), shapes.may_hold(w.as_bytes()), "{w:?}");
        }
    }
}
