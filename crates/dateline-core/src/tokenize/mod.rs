//! Rule-based tokenizer and sentence splitter following Universal Dependencies
//! English conventions (the EWT treebank).
//!
//! ```
//! use dateline_core::Tokenizer;
//! let tok = Tokenizer::default();
//! let text = "Venezuela's U.S.-backed talks don't end.";
//! let words: Vec<&str> = tok.tokenize(text).iter().map(|t| &text[t.start()..t.end()]).collect();
//! assert_eq!(words, ["Venezuela", "'s", "U.S.", "-", "backed", "talks", "do", "n't", "end", "."]);
//! ```

pub mod attrs;
pub(crate) mod bits;
mod blocks;
mod bytes;
mod chunk;
mod langrules;
mod lexicon;
mod scan;
mod sentence_ends;
#[cfg(test)]
mod sentence_tests;
mod sentences;
pub(crate) use sentences::gap_breaks;
#[cfg(test)]
mod tests;
mod token;
mod words;

use bits::Bits;
use rustc_hash::FxHashSet as HashSet;

use lexicon::{FINAL, LOWER_INSIDE, NON_FINAL, PREFIX, PRONOUN, STARTER, WORD_LIKE};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::Lang;

pub use sentence_ends::Sentences;
pub use token::{MAX_TEXT_BYTES, Sentence, Token};
pub use words::syntactic_words;

/// The tokens as the date tagger reads them: a token joined at hyphens
/// before digits ([`Token::has_parts`]: `1929-89`) split there again
/// (`1929` `-` `89`), with the sentences' token ranges moved to match; `None`
/// when no token was joined so.
pub(crate) fn number_parts(text: &str, tokens: &[Token], sentences: &Sentences) -> Option<(Vec<Token>, Sentences)> {
    if !tokens.iter().any(|t| t.has_parts()) {
        return None;
    }
    let mut out = Vec::with_capacity(tokens.len() + 8);
    for t in tokens {
        parts_of(text, *t, &mut |p| out.push(p));
    }
    let joined = joined(text, tokens);
    let moved = moved_sentences(sentences, &joined, out.len());
    Some((out, moved))
}

/// The tokens of `t` as the date tagger reads it: its parts if it was
/// joined at hyphens before digits, else itself.
fn parts_of(text: &str, t: Token, put: &mut impl FnMut(Token)) {
    if !t.has_parts() {
        put(t);
        return;
    }
    let bytes = text.as_bytes();
    let mut start = t.start();
    for i in t.start()..t.end() {
        if bytes[i] == b'-' && i > start && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            put(Token::new(start, i, false));
            put(Token::new(i, i + 1, false));
            start = i + 1;
        }
    }
    put(Token::new(start, t.end(), t.space_after()));
}

/// A token joined at hyphens before digits: its index, itself, and the
/// number of its parts.
pub(crate) type Joined = (usize, Token, usize);

/// The joined tokens of a text.
fn joined(text: &str, tokens: &[Token]) -> Vec<Joined> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate().filter(|(_, t)| t.has_parts()) {
        let mut n = 0;
        parts_of(text, *t, &mut |_| n += 1);
        out.push((k, *t, n));
    }
    out
}

/// `sentences` with their token ranges moved to the `tokens` tokens split at
/// the `joined` ones.
fn moved_sentences(sentences: &Sentences, joined: &[Joined], tokens: usize) -> Sentences {
    // Token `k` begins at `k` plus the parts added by the joined tokens before it.
    let (mut j, mut added) = (0, 0);
    let mut moved = |k: usize| {
        while j < joined.len() && joined[j].0 < k {
            added += joined[j].2 - 1;
            j += 1;
        }
        k + added
    };
    Sentences::from_ends(tokens, sentences.ranges().map(|r| moved(r.end) - 1))
}

/// The tokens split at the joins in place (as [`number_parts`], without a
/// second list of tokens, which took 8 bytes a token of a whole document
/// for one `1929-89`); what [`join_parts`] needs to put them back, with
/// the moved sentences. `None` when no token was joined.
pub(crate) fn split_parts(
    text: &str,
    tokens: &mut Vec<Token>,
    sentences: &Sentences,
) -> Option<(Vec<Joined>, Sentences)> {
    if !tokens.iter().any(|t| t.has_parts()) {
        return None;
    }
    let joined = joined(text, tokens);
    let n = tokens.len();
    let added: usize = joined.iter().map(|j| j.2 - 1).sum();
    tokens.resize(n + added, Token::new(0, 0, false));
    // From the end: token `k`'s parts go to positions at or after `k`, so
    // no token is overwritten before it is read.
    let (mut w, mut parts) = (n + added, Vec::new());
    for k in (0..n).rev() {
        let t = tokens[k];
        if !t.has_parts() {
            w -= 1;
            tokens[w] = t;
            continue;
        }
        parts.clear();
        parts_of(text, t, &mut |p| parts.push(p));
        w -= parts.len();
        tokens[w..w + parts.len()].copy_from_slice(&parts);
    }
    debug_assert_eq!(w, 0);
    let moved = moved_sentences(sentences, &joined, tokens.len());
    Some((joined, moved))
}

/// Undoes [`split_parts`]: each joined token back in place of its parts.
pub(crate) fn join_parts(tokens: &mut Vec<Token>, joined: &[Joined]) {
    // `w`: the next token's index once joined; `r`: where it is now.
    let (mut w, mut r) = (0, 0);
    for &(k, t, n) in joined {
        tokens.copy_within(r..r + (k - w), w);
        r += k - w;
        tokens[k] = t;
        w = k + 1;
        r += n;
    }
    let len = tokens.len();
    tokens.copy_within(r..len, w);
    tokens.truncate(w + (len - r));
}

#[allow(clippy::wildcard_imports)]
use bytes::*;
#[allow(clippy::wildcard_imports)]
use chunk::*;
#[allow(clippy::wildcard_imports)]
use langrules::*;

/// Working memory of texts up to this many bytes is kept from text to text
/// on each thread (about 4 bytes per byte of text at most).
const KEEP_BUFFERS_UP_TO: usize = 1 << 22;

/// The tokens and sentences of one text, with the working memory of
/// [`Tokenizer::tokenize_into`], kept from text to text.
#[derive(Clone, Debug, Default)]
pub struct TokenBuffers {
    /// The tokens of the last text.
    pub tokens: Vec<Token>,
    /// Its sentences.
    pub sentences: Sentences,
    /// The tokens the sentence splitter examines.
    cands: Bits,
    spans: Vec<(usize, usize)>,
    scratch: sentences::Scratch,
}

/// Tokenizer options. Immutable once built; cheap to share between threads.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Tokenizer {
    /// Split sentences at every line break (`true`, the default) or only at
    /// blank lines and sentence-final punctuation (`false`).
    pub split_on_newlines: bool,
    /// User abbreviations (lower case, with their period) that keep their
    /// period and never end a sentence.
    abbreviations: HashSet<String>,
    /// User special cases: a chunk equal to a key becomes the listed pieces.
    special_cases: std::collections::BTreeMap<String, Vec<String>>,
    /// The language whose words and rules apply (English by default).
    lang: Lang,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Self::new(true)
    }
}

const OPENING: &[char] = &['"', '“', '‘', '\'', '(', '[', '{', '<', '«', '¿', '¡', '*', '`', '„'];
const CLOSING: &[char] = &['"', '”', '’', '\'', ')', ']', '}', '>', '»', '*', ',', ';', ':', '`'];
const DASHES: &[char] = &['—', '–', '―', '‒'];
const CURRENCY: &[char] = &['$', '€', '£', '¥', '₹'];
const CLITICS: &[&str] = &["'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// `U.S.`, `a.m.`, `e.g.`: single letters each followed by a period, two or more.
fn is_letter_dot_sequence(w: &str) -> bool {
    let mut n = 0;
    let mut chars = w.chars();
    loop {
        match (chars.next(), chars.next()) {
            (None, _) => return n >= 2,
            (Some(c), Some('.')) if c.is_alphabetic() => n += 1,
            _ => return false,
        }
    }
}

fn is_url_like(w: &str) -> bool {
    let b = w.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    starts("http://") || starts("https://") || starts("www.") || starts("ftp://")
}

pub(crate) fn is_email_like(w: &str) -> bool {
    let Some(at) = w.find('@') else { return false };
    at > 0
        && w[..at].chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\''))
        && w[at + 1..].contains('.')
        && w[at + 1..].chars().next().is_some_and(char::is_alphanumeric)
}

/// `2026-03-05`, optionally followed by `T…` clock time.
fn is_iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10 || b[10] == b'T' || b[10] == b't')
}

/// `713-853-3989`.
fn is_phone_number(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 12
        && b[3] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 3 || i == 7 || c.is_ascii_digit())
}

impl Tokenizer {
    /// A tokenizer; `split_on_newlines` chooses whether every line break ends a sentence.
    #[must_use]
    pub fn new(split_on_newlines: bool) -> Self {
        Self {
            split_on_newlines,
            abbreviations: HashSet::default(),
            special_cases: std::collections::BTreeMap::new(),
            lang: Lang::english(),
        }
    }

    /// The same tokenizer for `lang`: its abbreviations, sentence starters,
    /// clitics and elisions (`lang/<code>/tokenize.toml`).
    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// The language whose words and rules apply.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether words or numbers joined by hyphens are one token
    /// (`Saint-Pétersbourg`, `1929-89`).
    pub(crate) fn keeps_hyphens(&self) -> bool {
        self.lex().keep_hyphens || self.lex().number_hyphens
    }

    #[inline]
    fn lex(&self) -> &'static lexicon::Lexicon {
        lexicon::of(self.lang)
    }

    /// Adds abbreviations that keep their period and do not end a sentence
    /// (`Gen.`, `Sgt.`); each must end with a period.
    ///
    /// # Errors
    /// [`Error::Config`] naming an abbreviation that is empty, holds
    /// whitespace or does not end with `.`.
    pub fn with_abbreviations<I, S>(mut self, abbreviations: I) -> Result<Self, Error>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for a in abbreviations {
            let a = a.as_ref();
            if a.len() < 2 || !a.ends_with('.') || a.chars().any(char::is_whitespace) {
                return Err(Error::Config(format!(
                    "abbreviation {a:?} must be a word ending with a period, without spaces"
                )));
            }
            self.abbreviations.insert(a.to_lowercase());
        }
        Ok(self)
    }

    /// Adds special cases: wherever a whitespace-delimited chunk (or what is
    /// left of it once outer punctuation is split off) equals `text`, it
    /// becomes `pieces`, which must spell `text` exactly (`"gimme"` →
    /// `["gim", "me"]`, `"U.N."` → `["U.N."]`).
    ///
    /// # Errors
    /// [`Error::Config`] if the pieces do not join to the text, a piece is
    /// empty, or the text holds whitespace.
    pub fn with_special_case(mut self, text: &str, pieces: Vec<String>) -> Result<Self, Error> {
        if text.is_empty() || text.chars().any(char::is_whitespace) {
            return Err(Error::Config(format!("special case {text:?} must be non-empty and without spaces")));
        }
        if pieces.is_empty() || pieces.iter().any(String::is_empty) || pieces.concat() != text {
            return Err(Error::Config(format!(
                "special case {text:?}: the pieces {pieces:?} must be non-empty and join to the text exactly"
            )));
        }
        self.special_cases.insert(text.to_owned(), pieces);
        Ok(self)
    }

    /// The user abbreviations, sorted.
    #[must_use]
    pub fn abbreviations(&self) -> Vec<String> {
        let mut v: Vec<String> = self.abbreviations.iter().cloned().collect();
        v.sort();
        v
    }

    /// The user special cases.
    #[must_use]
    pub fn special_cases(&self) -> &std::collections::BTreeMap<String, Vec<String>> {
        &self.special_cases
    }

    /// Pushes a special case's pieces if `text[s..e]` is one.
    fn special(&self, text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) -> bool {
        if self.special_cases.is_empty() {
            return false;
        }
        let Some(pieces) = self.special_cases.get(&text[s..e]) else { return false };
        let mut at = s;
        for p in pieces {
            out.push((at, at + p.len()));
            at += p.len();
        }
        true
    }

    /// Whether `w` (ending in a period) is an abbreviation that keeps its period.
    fn is_abbreviation(&self, w: &str) -> bool {
        if w.len() < 2 {
            return false;
        }
        if is_letter_dot_sequence(w) {
            return true;
        }
        let mut chars = w.chars();
        if let (Some(c), Some('.'), None) = (chars.next(), chars.next(), chars.next())
            && c.is_uppercase()
        {
            return true; // an initial: `George W. Bush`
        }
        self.lex().flags(w) & (NON_FINAL | FINAL) != 0 || self.is_user_abbreviation(w)
    }

    /// Whether `w` (in any case) is one of the user's abbreviations.
    fn is_user_abbreviation(&self, w: &str) -> bool {
        !self.abbreviations.is_empty() && self.abbreviations.contains(w.to_lowercase().as_str())
    }

    /// Whether `text[s..e]` is an abbreviation that may end a sentence (not
    /// `U.S.`, which keeps its period) and is followed by the end of the text,
    /// a line break, or a word that usually starts a sentence.
    fn ends_sentence_abbreviation(&self, text: &str, s: usize, e: usize) -> bool {
        let w = &text[s..e];
        if !w.ends_with('.') || w.len() < 3 {
            return false;
        }
        if self.lex().flags(w) & FINAL == 0
            || ["u.s.", "u.k.", "u.n.", "e.u.", "a.m.", "p.m."].iter().any(|a| w.eq_ignore_ascii_case(a))
        {
            return false;
        }
        let rest = &text[e..];
        let trimmed = rest.trim_start();
        if trimmed.is_empty() || rest[..rest.len() - trimmed.len()].contains('\n') {
            return true;
        }
        let next: &str = trimmed.split(char::is_whitespace).next().unwrap_or("");
        // A word-like abbreviation (`mer.`) ends one before any capitalised
        // word but a month's name (`Sun. Mar. 5`).
        next.chars().next().is_some_and(char::is_uppercase)
            && if self.lex().flags(w) & WORD_LIKE != 0 {
                !self.is_month_name(next.trim_end_matches([',', '.']))
            } else {
                self.is_sentence_starter(next)
            }
    }

    /// Whether `w` is a month name of some language (`März`, `mayo`).
    pub(crate) fn is_month_name(&self, w: &str) -> bool {
        self.lex().flags(w) & lexicon::MONTH != 0
    }

    /// Whether the abbreviation token `w` never ends a sentence.
    pub(crate) fn is_non_final_abbreviation(&self, w: &str) -> bool {
        let mut chars = w.chars();
        if let (Some(c), Some('.'), None) = (chars.next(), chars.next(), chars.next())
            && c.is_uppercase()
        {
            return true;
        }
        self.lex().flags(w) & NON_FINAL != 0 || self.is_user_abbreviation(w)
    }

    pub(crate) fn is_sentence_starter(&self, w: &str) -> bool {
        self.lex().flags(w) & STARTER != 0
    }

    /// Whether the language lists subject pronouns, and whether `w` is one.
    pub(crate) fn has_pronouns(&self) -> bool {
        self.lex().has_pronouns
    }

    pub(crate) fn is_pronoun(&self, w: &str) -> bool {
        self.lex().flags(w) & PRONOUN != 0
    }

    /// Whether the language lists words lower case inside a sentence, and
    /// whether `w` is one.
    pub(crate) fn has_lower_inside(&self) -> bool {
        self.lex().has_lower_inside
    }

    pub(crate) fn is_lower_inside(&self, w: &str) -> bool {
        self.lex().flags(w) & LOWER_INSIDE != 0
    }

    /// Splits `text` into tokens (byte offsets, in order, non-overlapping).
    /// Whitespace is Unicode's White_Space plus the ASCII information
    /// separators U+001C–U+001F (as Python's `str.isspace`).
    ///
    /// # Panics
    /// If `text` is longer than [`MAX_TEXT_BYTES`].
    #[must_use]
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        assert!(text.len() <= MAX_TEXT_BYTES, "a text of {} bytes is over the {MAX_TEXT_BYTES}-byte limit", text.len());
        let mut tokens = Vec::new();
        self.scan::<false>(text, &mut tokens, &mut Bits::default(), &mut Vec::new());
        self.language_rules(text, &mut tokens);
        split_cjk(text, &mut tokens);
        tokens
    }

    /// Tokens and sentences of `text` (the working memory of texts up to
    /// 4 MiB is kept for the thread's next text).
    #[must_use]
    pub fn tokenize_with_sentences(&self, text: &str) -> (Vec<Token>, Sentences) {
        thread_local! {
            /// This thread's working memory, kept from text to text (the
            /// tokens and sentences themselves are handed out).
            static BUFFERS: std::cell::RefCell<TokenBuffers> = std::cell::RefCell::default();
        }
        BUFFERS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buf) => {
                self.tokenize_into(text, &mut buf);
                let out = (std::mem::take(&mut buf.tokens), std::mem::take(&mut buf.sentences));
                if text.len() > KEEP_BUFFERS_UP_TO {
                    *buf = TokenBuffers::default(); // not kept for ever after one huge text
                }
                out
            }
            Err(_) => {
                let mut buf = TokenBuffers::default();
                self.tokenize_into(text, &mut buf);
                (buf.tokens, buf.sentences)
            }
        })
    }

    /// Tokens and sentences of `text` into `buf` (its previous content
    /// replaced), reusing its memory: for many short texts in a row.
    ///
    /// ```
    /// use dateline_core::{Tokenizer, TokenBuffers};
    /// let tok = Tokenizer::default();
    /// let mut buf = TokenBuffers::default();
    /// for text in ["One. Two.", "Three"] {
    ///     tok.tokenize_into(text, &mut buf);
    ///     assert_eq!((buf.tokens.clone(), buf.sentences.clone()), tok.tokenize_with_sentences(text));
    /// }
    /// assert_eq!(buf.tokens.len(), 1);
    /// ```
    ///
    /// # Panics
    /// If `text` is longer than [`MAX_TEXT_BYTES`] (the Python binding
    /// refuses such texts with an error first).
    pub fn tokenize_into(&self, text: &str, buf: &mut TokenBuffers) {
        assert!(text.len() <= MAX_TEXT_BYTES, "a text of {} bytes is over the {MAX_TEXT_BYTES}-byte limit", text.len());
        self.scan::<true>(text, &mut buf.tokens, &mut buf.cands, &mut buf.spans);
        let moved = self.language_rules(text, &mut buf.tokens);
        if split_cjk(text, &mut buf.tokens) || moved {
            // Token positions moved: the candidates again, by the scan's test
            // (a token that may decide, or one followed by other whitespace
            // than one space).
            let bytes = text.as_bytes();
            let tokens = &buf.tokens;
            buf.cands.reset(tokens.len());
            for k in 0..tokens.len() {
                let t = tokens[k];
                let gap_end = tokens.get(k + 1).map_or(text.len(), |n| n.start());
                if sentences::may_decide(bytes, t)
                    || gap_end - t.end() > 1
                    || (gap_end > t.end() && bytes[t.end()] != b' ')
                {
                    buf.cands.set(k);
                }
            }
        }
        sentences::split(self, text, &buf.tokens, &buf.cands, &mut buf.scratch);
        if text.len() > KEEP_BUFFERS_UP_TO {
            // A huge text: its working lists (up to 16 bytes a chunk of
            // several tokens, and a few bits a token) go before its
            // sentences are made, not kept beside them.
            buf.cands.release();
            buf.spans = Vec::new();
            buf.scratch.release();
        }
        buf.scratch.sentences(&buf.tokens, &mut buf.sentences);
        if self.lex().semicolon_ends {
            sentences::split_at_semicolons(text, &buf.tokens, &mut buf.sentences);
        }
    }
}

/// The ASCII bytes `w` (at most 15) in lower case, packed with their length.
#[inline]
fn packed_lower(w: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..w.len()).filter(|_| w.len() <= 15)?.copy_from_slice(w);
    // Eight bytes at a time: none beyond ASCII, and `A`–`Z` get the 0x20 bit.
    let lower = |x: u64| x | (swar::in_range(x, b'A', b'Z') >> 2);
    let (lo, hi) = (load8(&buf, 0), load8(&buf, 8));
    if (lo | hi) & swar::HI != 0 {
        return None;
    }
    let key = u128::from(lower(lo)) | u128::from(lower(hi)) << 64;
    Some(key | u128::from(w.len() as u8) << 120)
}

/// `f` applied to the ASCII text `w` in lower case, without allocating;
/// None when `w` is longer than 16 bytes or not ASCII.
pub(crate) fn with_ascii_lower<T>(w: &[u8], f: impl FnOnce(&str) -> T) -> Option<T> {
    let mut buf = [0u8; 16];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().filter(|l| l.is_ascii()).map(f)
}

/// Whether `c` separates tokens: Unicode White_Space plus U+001C–U+001F,
/// which Python's `str.isspace` and `str.split` also treat as space.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}
