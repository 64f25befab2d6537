//! The tokenizer's lexicon: the words of a language that the tokenizer and
//! the sentence splitter consult ([`crate::lang::TokenizerWords`], from
//! `lang/<code>/tokenize.toml` and the month and weekday abbreviations of the
//! date words) as one table from a word to its flags; and the emoticons,
//! which are no language's words.

use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxHashMap;

use super::packed_lower;
use crate::lang::{Lang, Language};

/// Lexicon flags: an abbreviation that never ends a sentence (`Mr.`), one
/// that may (`Inc.`), a word that usually starts a sentence (`The`), a
/// prefix that keeps its hyphen (`e-`).
pub(super) const NON_FINAL: u8 = 1;
pub(super) const FINAL: u8 = 2;
pub(super) const STARTER: u8 = 4;
pub(super) const PREFIX: u8 = 8;
/// A month name of any language (`März`, `mayo`): a day number's period
/// before it is an ordinal dot (`am 5. März`), not a sentence's end.
pub(super) const MONTH: u8 = 16;
/// An abbreviation that is also an ordinary word (`mer.`, `sept.`), which
/// ends a sentence before a capitalised word (also [`FINAL`]).
pub(super) const WORD_LIKE: u8 = 32;
/// A subject pronoun written in lower case inside a sentence (`ich`, `he`).
pub(super) const PRONOUN: u8 = 64;
/// A word written in lower case inside a sentence of a language that
/// capitalises nouns (`seit`, `leider`, German).
pub(super) const LOWER_INSIDE: u8 = 128;

/// A language's word lists as one table from a word (any case) to its
/// flags. Words of up to 15 ASCII bytes are looked up by a packed key
/// (lower-case bytes and the length) without allocating; others by their
/// lower-case text.
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    short: FxHashMap<u128, u8>,
    long: FxHashMap<String, u8>,
    /// Whether English clitics and fused forms split (`do` `n't`, `i` `m`).
    pub english_clitics: bool,
    /// Whether an English possessive `'s` stays a token (`Nella` `'s`).
    pub possessive_s: bool,
    /// Whether words joined by hyphens stay one token, and the suffixes
    /// that do not (`-il`).
    pub keep_hyphens: bool,
    /// Whether a hyphen before digits joins (`1929-89`).
    pub number_hyphens: bool,
    pub hyphen_suffixes: Vec<String>,
    /// Whether a number keeps its ordinal period (`5.`).
    pub ordinal_dot: bool,
    /// Whether a semicolon before a capitalised word ends a sentence.
    pub semicolon_ends: bool,
    /// Whether the language lists subject pronouns (see [`PRONOUN`]).
    pub has_pronouns: bool,
    /// Whether the language lists words lower case inside a sentence (see
    /// [`LOWER_INSIDE`]).
    pub has_lower_inside: bool,
    /// Words that start with an apostrophe and are one token (`'t`, Dutch).
    pub proclitics: Vec<String>,
    /// Elided words split from the word after them (`l'`, `dell'`), lower
    /// case, straight apostrophe.
    pub elisions: Vec<String>,
}

impl Lexicon {
    /// The table of `lang`'s tokenizer words.
    fn of(lang: &Language) -> Self {
        let t = &lang.tokenizer;
        let mut lex = Self {
            english_clitics: t.english_clitics,
            possessive_s: t.possessive_s,
            elisions: t.elisions.clone(),
            keep_hyphens: t.keep_hyphens,
            number_hyphens: t.number_hyphens,
            ordinal_dot: t.ordinal_dot,
            semicolon_ends: t.semicolon_ends,
            has_pronouns: !t.pronouns.is_empty(),
            has_lower_inside: !t.lower_inside.is_empty(),
            proclitics: t.proclitics.clone(),
            hyphen_suffixes: t.hyphen_suffixes.clone(),
            ..Self::default()
        };
        for (words, flag) in [
            (&t.non_final_abbreviations, NON_FINAL),
            (&t.final_abbreviations, FINAL),
            (&t.word_like_abbreviations, FINAL | WORD_LIKE),
            (&t.sentence_starters, STARTER),
            (&t.pronouns, PRONOUN),
            (&t.lower_inside, LOWER_INSIDE),
            (&t.hyphen_prefixes, PREFIX),
        ] {
            for w in words {
                match packed_lower(w.as_bytes()) {
                    Some(k) => *lex.short.entry(k).or_default() |= flag,
                    None => *lex.long.entry(w.to_lowercase()).or_default() |= flag,
                }
            }
        }
        for w in all_month_names() {
            match packed_lower(w.as_bytes()) {
                Some(k) => *lex.short.entry(k).or_default() |= MONTH,
                None => *lex.long.entry(w).or_default() |= MONTH,
            }
        }
        lex
    }

    /// The flags of `w`, compared without case (Unicode lower case beyond ASCII).
    #[inline]
    pub(super) fn flags(&self, w: &str) -> u8 {
        if let Some(k) = packed_lower(w.as_bytes()) {
            return self.short.get(&k).copied().unwrap_or(0);
        }
        let lower = w.to_lowercase();
        match packed_lower(lower.as_bytes()) {
            Some(k) => self.short.get(&k).copied().unwrap_or(0),
            None => self.long.get(&lower).copied().unwrap_or(0),
        }
    }
}

/// The one-word month names without a period of every language's
/// `dates/words.toml` (`month` class), lower case, three letters or more.
fn all_month_names() -> Vec<String> {
    let mut out = Vec::new();
    for lang in crate::lang::Lang::all() {
        let Some(text) = crate::lang::folder_file(lang, "dates/words.toml") else { continue };
        let Ok(v) = text.parse::<toml::Table>() else { continue };
        let Some(months) = v.get("class").and_then(|c| c.get("month")).and_then(toml::Value::as_table) else {
            continue;
        };
        for k in months.keys() {
            let w = k.to_lowercase();
            if w.chars().count() >= 3 && w.chars().all(char::is_alphabetic) {
                out.push(w);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Each language's lexicon, built when first asked for.
static LEXICONS: LazyLock<Vec<OnceLock<Lexicon>>> =
    LazyLock::new(|| (0..Lang::count()).map(|_| OnceLock::new()).collect());

/// The lexicon of `lang`.
pub(super) fn of(lang: Lang) -> &'static Lexicon {
    LEXICONS[lang.index()].get_or_init(|| Lexicon::of(Language::of(lang)))
}

/// Emoticons kept as single tokens.
pub(crate) const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":/", ":'(", "<3", ":o", ":O", "XD", "xD",
    "^_^", ":]", ":[", "=)", "(:", "):",
];
