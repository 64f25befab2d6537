//! Tests of the tense reader: cues against every test made in the order
//! first written, on generated text and in other languages.

use super::*;
use crate::tokenize::Tokenizer;

impl Words<'_> {
    /// [`Words::cue`] as first written, every test in order: the oracle
    /// of its shortcuts.
    fn cue_slow(&self, k: usize) -> Option<Tense> {
        let regular = |endings: &[Box<str>], except: u32| {
            let w = self.tokens.get(k).map_or("", |t| &self.text[t.start()..t.end()]);
            w.len() > 4
                && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())
                && endings.iter().any(|e| w.ends_with(e.as_ref()))
                && self.cues(k) & except == 0
        };
        let regular_past = regular(&self.g.tense.past_endings, cue::NOT_PAST);
        let c = self.cues(k);
        let info = self.g.words.get(self.id(k) as usize);

        let blocked = info.is_some_and(|w| w.not_before.contains(&self.id(k + 1)));
        // `had` up to three tokens back, past auxiliaries and `-ly` adverbs.
        let mut had = false;
        for d in 1..=3 {
            let x = self.before(k, d);
            if x & cue::PAST_AUXILIARY != 0 {
                had = true;
                break;
            }
            let w = k.checked_sub(d).and_then(|j| self.tokens.get(j)).map_or("", |t| &self.text[t.start()..t.end()]);
            if x & cue::AUXILIARY == 0 && !w.ends_with("ly") {
                break;
            }
        }
        if c & cue::FUTURE != 0 && !blocked {
            let lower = |j: usize| self.tokens.get(j).map_or("", |t| &self.text[t.start()..t.end()]);
            let noun = self.before(k, 1) & cue::NOUN_BEFORE != 0
                || (k >= 2
                    && self.cues(k - 2) & cue::INDEFINITE != 0
                    && self.cues(k - 1) == 0
                    && lower(k - 1).chars().all(char::is_lowercase));
            if c & cue::FUTURE_NOUN != 0 && noun {
                return None;
            }
            return Some(if had { Tense::Past } else { Tense::Future });
        }
        if c & cue::FUTURE_BASE != 0 {
            let after_to = k > 0 && self.id(k - 1) == self.g.tense.to;
            let after_past = (1..=4).any(|d| self.before(k, d) & (cue::PAST | cue::PAST_AUXILIARY | cue::PAST_DO) != 0);
            return if after_to || blocked || after_past { None } else { Some(Tense::Future) };
        }
        for p in &self.g.tense.future_phrases {
            if p.iter().enumerate().all(|(d, x)| *x == self.id(k + d)) && self.before(k, 1) & cue::COMPARISON == 0 {
                return Some(if had { Tense::Past } else { Tense::Future });
            }
        }
        for p in &self.g.tense.past_phrases {
            if p.iter().enumerate().all(|(d, x)| *x == self.id(k + d)) {
                return Some(Tense::Past);
            }
        }
        if self.id(k) == self.g.tense.to && self.before(k, 1) & cue::FUTURE_BEFORE_TO != 0 {
            let in_past = (2..=3).any(|d| self.before(k, d) & cue::PAST_AUXILIARY != 0);
            return Some(if in_past { Tense::Past } else { Tense::Future });
        }
        let active = |d: usize| self.before(k, d + 1) & cue::PAST == 0;
        if self.id(k) == self.g.tense.to && (1..=3).any(|d| self.before(k, d) & cue::DIRECTIVE != 0 && active(d)) {
            return Some(Tense::Future);
        }
        let regular_future = regular(&self.g.tense.future_endings, cue::NOT_FUTURE);
        if c & (cue::PAST | cue::PRESENT) == 0 && !regular_past && regular_future {
            return Some(Tense::Future);
        }
        if (1..=2).any(|d| self.before(k, d) & cue::AUXILIARY != 0) {
            let perfect = self.before(k, 1) & cue::PERFECT != 0 && (c & cue::PAST != 0 || regular_past);
            if perfect && k >= 2 && self.id(k - 2) == self.g.tense.to && self.before(k, 3) & cue::FUTURE_BEFORE_TO != 0
            {
                return Some(Tense::Future);
            }
            return perfect.then_some(Tense::Past);
        }
        if c & cue::PAST != 0 {
            if blocked {
                return None;
            }
            let next = self.tokens.get(k + 1).map_or("", |t| &self.text[t.start()..t.end()]);
            let object = next.starts_with(|ch: char| ch.is_ascii_digit() || "$€£".contains(ch))
                || self.cues(k + 1) & cue::NOUN_BEFORE != 0;
            if c & cue::PAST_NOUN != 0 && self.before(k, 1) & cue::NOUN_BEFORE != 0 && !object {
                return None;
            }
            if (1..=2).any(|d| self.before(k, d) & cue::MODAL != 0) {
                return Some(Tense::Future);
            }
            if k > 0 && self.id(k - 1) == self.g.tense.to {
                return None;
            }
            return Some(Tense::Past);
        }
        if c & cue::PRESENT != 0 {
            // `might have been`: a modal that is no future cue before
            // `have`, and a participle after it.
            let participle = |a: usize| {
                (a + 1..=a + 2).filter(|&j| j < self.ids.len()).any(|j| {
                    let w = self.tokens.get(j).map_or("", |t| &self.text[t.start()..t.end()]);
                    let listed = self.g.lists_used.past_participle.is_some_and(|l| {
                        self.g.words.get(self.id(j) as usize).is_some_and(|i| i.lists & (1 << l) != 0)
                    });
                    let regular = w.len() > 4
                        && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())
                        && self.g.tense.past_endings.iter().any(|e| w.ends_with(e.as_ref()))
                        && self.cues(j) & cue::NOT_PAST == 0;
                    self.cues(j) & cue::PAST != 0 || regular || listed
                })
            };
            let modal = (1..=2).filter_map(|d| k.checked_sub(d)).any(|j| {
                let stops =
                    self.g.words.get(self.id(j) as usize).is_some_and(|w| w.not_before.contains(&self.id(j + 1)));
                // `would have been`: what would have happened.
                let would =
                    self.g.lists_used.past_modal.is_some_and(|l| {
                        self.g.words.get(self.id(j) as usize).is_some_and(|w| w.lists & (1 << l) != 0)
                    });
                self.cues(j) & cue::MODAL != 0 && (self.cues(j) & cue::FUTURE == 0 || stops || would)
            });
            if c & cue::PERFECT != 0 && modal && participle(k) {
                return Some(Tense::Past);
            }
            let next = self.tokens.get(k + 1).map_or("", |t| &self.text[t.start()..t.end()]);
            let progressive = next.len() > 4
                && next.chars().all(|c| c.is_alphabetic() && !c.is_uppercase())
                && self.g.tense.progressive_endings.iter().any(|e| next.ends_with(e.as_ref()));
            if (1..=2).any(|d| self.before(k, d) & cue::FUTURE != 0) || progressive {
                return Some(Tense::Future);
            }
            return Some(Tense::Present);
        }
        // An `-ed` adjective after a determiner or an infinitive's verb.
        let verb_after_to = |j: usize| {
            let w = self.tokens.get(j + 1).map_or("", |t| &self.text[t.start()..t.end()]);
            !w.is_empty()
                && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                && self.cues(j + 1) & cue::NOUN_BEFORE == 0
        };
        let adjective = self.before(k, 1) & cue::NOUN_BEFORE != 0
            || (k >= 2 && self.id(k - 2) == self.g.tense.to && verb_after_to(k - 2));
        (regular_past && !adjective).then_some(Tense::PastWeak)
    }
}

#[test]
fn cues_equal_every_test_in_order_on_generated_text() {
    let g = crate::dates::english().unwrap();
    let pool = [
        "said",
        "will",
        "next",
        "to",
        "going",
        "planned",
        "had",
        "been",
        "originally",
        "have",
        "has",
        "is",
        "be",
        "gathered",
        "announced",
        "United",
        "indeed",
        "hundred",
        "ended",
        "the",
        "a",
        "meeting",
        "on",
        "Friday",
        "as",
        "soon",
        "wanted",
        "Reported",
        "red",
        "seed",
        "1998",
        ",",
        "expects",
        "would",
        "cut",
        "told",
        "meet",
        "rate",
        "did",
    ];
    let text = generated_text(&pool);
    let tokens = Tokenizer::default().tokenize(&text);
    let ids = WordIds::of(g, &text, &tokens);
    let words = Words::new(g, &ids, &text, &tokens);
    for k in 0..tokens.len() {
        assert_eq!(words.cue(k), words.cue_slow(k), "token {k} {:?}", &text[tokens[k].start()..tokens[k].end()]);
    }
    // Read once and remembered, in any order: the same cues.
    for k in (0..tokens.len()).rev().chain(0..tokens.len()) {
        assert_eq!(words.cue_of(k), words.cue_slow(k), "token {k}");
    }
}

/// The cues of the other languages, whose regular forms are many
/// endings: words of each grammar, those endings on made-up stems, and
/// the words they leave out.
#[test]
fn cues_equal_every_test_in_order_in_other_languages() {
    for code in ["es", "fr", "de", "pt", "it", "nl"] {
        let lang = crate::Lang::from_code(code).unwrap();
        let g = crate::dates::grammar(lang).unwrap();
        let mut pool: Vec<String> = g.vocab.keys().map(ToString::to_string).collect();
        pool.sort_unstable();
        for e in g.tense.past_endings.iter().chain(&g.tense.future_endings) {
            for stem in ["trab", "Cant", "x", "habl", "ver", "zzzzz"] {
                pool.push(format!("{stem}{e}"));
            }
            pool.push(format!("{e}s"));
        }
        pool.extend(["de", "la", "el", "het", "1998", ",", "Ó", "àà", "ò"].map(String::from));
        let text = generated_text(&pool);
        let tokens = Tokenizer::default().with_lang(lang).tokenize(&text);
        let ids = WordIds::of(g, &text, &tokens);
        let words = Words::new(g, &ids, &text, &tokens);
        for k in 0..tokens.len() {
            let w = &text[tokens[k].start()..tokens[k].end()];
            assert_eq!(words.cue(k), words.cue_slow(k), "{code} token {k} {w:?}");
        }
    }
}

/// 20,000 words drawn from `pool` by a fixed xorshift sequence, spaces between.
fn generated_text<S: AsRef<str>>(pool: &[S]) -> String {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut text = String::new();
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        text.push_str(pool[usize::try_from(x % pool.len() as u64).unwrap()].as_ref());
        text.push(' ');
    }
    text
}
