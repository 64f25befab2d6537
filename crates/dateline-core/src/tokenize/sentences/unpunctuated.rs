//! Sentences that ended without punctuation, told by the first word of the
//! next one: a subject pronoun capitalised right after a lower-case word
//! (`und Heike Ich würde`, `sentences.pronouns`) and, in a language that
//! capitalises its nouns, a word that is lower case inside a sentence
//! capitalised right after a word (`zu empfehlen Seit 1964`, `Grüße aus Berlin
//! Leider`, `sentences.lower_inside`).

use super::{Breaks, is_plain_word};
use crate::tokenize::attrs::is_title;
use crate::tokenize::bits::Bits;
use crate::tokenize::{Token, Tokenizer};

/// Ends a sentence before each such word (never after a token of `keep`),
/// in one pass over the tokens, for the lists the language has.
pub(super) fn mark(tok: &Tokenizer, text: &str, tokens: &[Token], keep: &Bits, brk: &mut Breaks) {
    let (pronouns, lower_inside) = (tok.has_pronouns(), tok.has_lower_inside());
    if !pronouns && !lower_inside {
        return;
    }
    let n = tokens.len();
    let word = |k: usize| &text[tokens[k].start()..tokens[k].end()];
    let bytes = text.as_bytes();
    for k in 1..n {
        let t = tokens[k];
        if tokens[k - 1].end() == t.start() || keep.get(k - 1) {
            continue;
        }
        let len = t.end() - t.start();
        let pronoun = pronouns
            && len <= 5
            && bytes[t.start()].is_ascii_uppercase()
            && is_plain_word(word(k - 1))
            && word(k)[1..].bytes().all(|b| b.is_ascii_lowercase())
            && (k + 1 == n || !word(k + 1).starts_with(char::is_uppercase)) // not a title (`She Loves You`)
            && tok.is_pronoun(word(k));
        let lower =
            lower_inside && len <= 12 && is_title(word(k)) && is_letters(word(k - 1)) && tok.is_lower_inside(word(k));
        if pronoun || lower {
            brk.set(k - 1);
        }
    }
}

/// A word of two letters or more, in any case.
fn is_letters(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(char::is_alphabetic)
}
