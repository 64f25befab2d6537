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
mod blocks;
mod lexicon;
mod sentences;
mod token;

use rustc_hash::FxHashSet as HashSet;

use lexicon::{FINAL, NON_FINAL, PREFIX, STARTER};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::Lang;

pub use token::{MAX_TEXT_BYTES, Sentence, Token};

/// A token's index in the 32 bits the working lists keep it in (a text has
/// fewer than [`MAX_TEXT_BYTES`] tokens).
#[allow(clippy::cast_possible_truncation)]
#[inline]
fn token_index(k: usize) -> u32 {
    debug_assert!(k <= MAX_TEXT_BYTES);
    k as u32
}

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
    pub sentences: Vec<Sentence>,
    cands: Vec<u32>,
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

    /// Whether words joined by hyphens are one token (`Saint-Pétersbourg`).
    pub(crate) fn keeps_hyphens(&self) -> bool {
        self.lex().keep_hyphens
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
        next.chars().next().is_some_and(char::is_uppercase) && self.is_sentence_starter(next)
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
        self.scan::<false>(text, &mut tokens, &mut Vec::new(), &mut Vec::new());
        self.language_rules(text, &mut tokens);
        split_cjk(text, &mut tokens);
        tokens
    }

    /// `5` `.` → `5.` where a number of one to three digits and its period
    /// are an ordinal: the next token is on the same line and is no word
    /// that starts a sentence (`am 5. März`, `im 6. Stock`; not `am 5. Dann`).
    fn join_ordinal_dots(&self, text: &str, tokens: &mut Vec<Token>) {
        let bytes = text.as_bytes();
        let mut w = 0;
        let mut r = 0;
        while r < tokens.len() {
            let a = tokens[r];
            if r + 2 < tokens.len() && bytes[a.start()].is_ascii_digit() {
                let (b, c) = (tokens[r + 1], tokens[r + 2]);
                let next = &text[c.start()..c.end()];
                if a.end() == b.start()
                    && b.end() - b.start() == 1
                    && bytes[b.start()] == b'.'
                    && (1..=3).contains(&(a.end() - a.start()))
                    && bytes[a.start()..a.end()].iter().all(u8::is_ascii_digit)
                    && !bytes[b.end()..c.start()].contains(&b'\n')
                    && next.chars().next().is_some_and(char::is_alphanumeric)
                    && !self.is_sentence_starter(next)
                {
                    tokens[w] = Token::new(a.start(), b.end(), b.space_after());
                    w += 1;
                    r += 2;
                    continue;
                }
            }
            tokens[w] = a;
            w += 1;
            r += 1;
        }
        tokens.truncate(w);
    }

    /// The rules of a language other than English, over the tokens of the
    /// scan (whose rules are English's): English clitics and fused forms are
    /// joined back (`i` `m` → `im`, German; `'` `'` → `''`), `!!` split, and
    /// elided words split off the word after them (`l'Allemagne` → `l'`
    /// `Allemagne`). Whether anything was to be done.
    fn language_rules(&self, text: &str, tokens: &mut Vec<Token>) -> bool {
        let lex = self.lex();
        if lex.english_clitics && lex.elisions.is_empty() && !lex.keep_hyphens && !lex.ordinal_dot {
            return false;
        }
        let bytes = text.as_bytes();
        if lex.ordinal_dot {
            self.join_ordinal_dots(text, tokens);
        }
        if lex.keep_hyphens && tokens.iter().any(|t| t.end() - t.start() <= 3 && text[t.start()..t.end()] == *"-") {
            join_hyphenated(text, tokens, &lex.hyphen_suffixes, |w| lex.flags(w) & lexicon::MONTH != 0);
        }
        let bang =
            |t: &Token| t.end() - t.start() > 1 && bytes[t.start()..t.end()].iter().all(|&b| b == b'!' || b == b'?');
        let undo = !lex.english_clitics;
        let elide = !lex.elisions.is_empty();
        // One pass: each token is split (`!!`, an elision) or joined to the
        // last one kept (a clitic, `''`), or kept.
        let mut out: Vec<Token> = Vec::with_capacity(tokens.len() + 8);
        for &t in tokens.iter() {
            if undo && bang(&t) {
                for i in t.start()..t.end() {
                    out.push(Token::new(i, i + 1, i + 1 == t.end() && t.space_after()));
                }
                continue;
            }
            // `gravel:,,Dat`: the Dutch opening quote `,,` glued to words is a
            // token of its own, and so is the punctuation beside it.
            if undo && t.end() - t.start() > 2 && text[t.start()..t.end()].contains(",,") {
                let b = &bytes[t.start()..t.end()];
                let mut push = |s: usize, e: usize| {
                    let end = t.start() + e;
                    out.push(Token::new(t.start() + s, end, end == t.end() && t.space_after()));
                };
                let mut i = 0;
                while i < b.len() {
                    if b[i] == b',' {
                        let mut j = i;
                        while j < b.len() && b[j] == b',' {
                            j += 1;
                        }
                        let mut k = i;
                        if (j - i) % 2 == 1 {
                            push(k, k + 1);
                            k += 1;
                        }
                        while k < j {
                            push(k, k + 2);
                            k += 2;
                        }
                        i = j;
                    } else if matches!(b[i], b':' | b';') {
                        push(i, i + 1);
                        i += 1;
                    } else {
                        let mut j = i;
                        while j < b.len() && !matches!(b[j], b',' | b':' | b';') {
                            j += 1;
                        }
                        push(i, j);
                        i = j;
                    }
                }
                continue;
            }
            // `km²`: a superscript unit power is a token of its own (UD).
            if undo
                && t.end() - t.start() > 2
                && text[t.start()..t.end()].ends_with(['²', '³'])
                && text[t.start()..t.end() - 2].chars().all(char::is_alphabetic)
            {
                out.push(Token::new(t.start(), t.end() - 2, false));
                out.push(Token::new(t.end() - 2, t.end(), t.space_after()));
                continue;
            }
            // `po'`, `E'`: a short word cut short keeps its apostrophe
            // (languages with elisions), where a space or the end follows.
            if elide
                && text[t.start()..t.end()] == *"'"
                && (t.end() == text.len() || text[t.end()..].starts_with(char::is_whitespace))
                && let Some(last) = out.last_mut()
                && last.end() == t.start()
                && (1..=4).contains(&text[last.start()..last.end()].chars().count())
                && text[last.start()..last.end()].chars().all(char::is_alphabetic)
            {
                *last = Token::new(last.start(), t.end(), t.space_after());
                continue;
            }
            // `'t`, `'s` (Dutch): a proclitic and its letter are one token.
            if !lex.proclitics.is_empty()
                && let Some(last) = out.last_mut()
                && last.end() == t.start()
                && (last.end() - last.start() == 1 || text[last.start()..last.end()] == *"’")
                && matches!(&text[last.start()..last.end()], "'" | "’")
                && lex.proclitics.iter().any(|p| p[1..].eq_ignore_ascii_case(&text[t.start()..t.end()]))
            {
                *last = Token::new(last.start(), t.end(), t.space_after());
                continue;
            }
            if undo
                && let Some(last) = out.last_mut()
                && last.end() == t.start()
            {
                let (x, y) = (&text[last.start()..last.end()], &text[t.start()..t.end()]);
                let quotes = matches!((x, y), ("'", "'") | ("`", "`") | (",", ","));
                // A clitic split starts with an apostrophe (`'s`, `n't`) or is
                // letters (`m` of `im`, `nt` of `dont`).
                let may =
                    matches!(y.as_bytes()[0], b'\'' | 0xE2 | b'n' | b'N') || y.bytes().all(|b| b.is_ascii_alphabetic());
                if quotes || (may && clitic_len(&text[last.start()..t.end()]) == Some(y.len())) {
                    *last = Token::new(last.start(), t.end(), t.space_after());
                    continue;
                }
            }
            if elide && bytes[t.start()..t.end()].iter().any(|&b| b == b'\'' || b == 0xE2) {
                let w = &text[t.start()..t.end()];
                let cut = w.char_indices().find(|&(_, c)| is_apostrophe(c)).map(|(i, c)| i + c.len_utf8());
                let split = cut.filter(|&c| {
                    c < w.len()
                        && w[c..].chars().next().is_some_and(char::is_alphanumeric)
                        && lex.elisions.contains(&w[..c].replace('’', "'").to_lowercase())
                });
                if let Some(c) = split {
                    out.push(Token::new(t.start(), t.start() + c, false));
                    out.push(Token::new(t.start() + c, t.end(), t.space_after()));
                    continue;
                }
            }
            out.push(t);
        }
        *tokens = out;
        true
    }

    /// [`Self::tokenize`]; with `MARK`, also lists in `cands` the tokens the
    /// sentence splitter must examine (see [`sentences::split`]): those of
    /// chunks of several tokens that [`sentences::may_decide`], and those
    /// followed by whitespace other than spaces. A chunk that is one plain
    /// word or number never needs examining: it ends in a letter or digit,
    /// and a list marker or a message header has punctuation in its chunk.
    fn scan<const MARK: bool>(
        &self,
        text: &str,
        tokens: &mut Vec<Token>,
        cands: &mut Vec<u32>,
        spans: &mut Vec<(usize, usize)>,
    ) {
        self.scan_with::<MARK>(text, tokens, cands, spans, true);
    }

    /// [`Self::scan`]; `blocks` reads whitespace and plain words off
    /// 64-byte class masks ([`Self::scan_block`]), otherwise every item goes
    /// through [`Self::step`] (the definition the block path must equal).
    fn scan_with<const MARK: bool>(
        &self,
        text: &str,
        tokens: &mut Vec<Token>,
        cands: &mut Vec<u32>,
        spans: &mut Vec<(usize, usize)>,
        blocks: bool,
    ) {
        tokens.clear();
        tokens.reserve(text.len() / 4 + 16);
        cands.clear();
        // The tokens of one chunk of several tokens.
        spans.clear();
        let blocks = blocks && self.special_cases.is_empty();
        let mut i = 0;
        while i < text.len() {
            i = if blocks {
                self.scan_block::<MARK>(text, i, tokens, cands, spans)
            } else {
                self.step::<MARK>(text, i, tokens, cands, spans)
            };
        }
    }

    /// Scans the 64 bytes from `base` (fewer at the end of the text): runs
    /// of ASCII whitespace and chunks that are one plain word or number are
    /// read off the block's class masks; any other chunk goes to
    /// [`Self::step`]. Returns where the scan goes on (past `base`): the
    /// start of a chunk that runs past the block, or the block's end.
    #[inline(always)]
    fn scan_block<const MARK: bool>(
        &self,
        text: &str,
        base: usize,
        tokens: &mut Vec<Token>,
        cands: &mut Vec<u32>,
        spans: &mut Vec<(usize, usize)>,
    ) -> usize {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let len = (n - base).min(64);
        let m = match bytes.get(base..base + 64) {
            Some(b) => blocks::classify(b.try_into().unwrap_or(&[0; 64])),
            None => {
                // The text's last bytes, padded with a byte of no class.
                let mut b = [0u8; 64];
                b[..len].copy_from_slice(&bytes[base..]);
                blocks::classify(&b)
            }
        };
        let valid = u64::MAX >> (64 - len);
        let at_end = base + len == n;
        let mut pos = 0u32;
        loop {
            // `pos` < `len`: the first chunk from `pos`, and the whitespace before it.
            let from = u64::MAX << pos;
            let chunks = !m.space & valid & from;
            if MARK && m.break_space & valid & from != 0 {
                // A line break (or tab…) before the next chunk: the last token is a candidate.
                let gap = if chunks == 0 { valid & from } else { from & !(u64::MAX << chunks.trailing_zeros()) };
                if m.break_space & gap != 0
                    && !tokens.is_empty()
                    && cands.last() != Some(&token_index(tokens.len() - 1))
                {
                    cands.push(token_index(tokens.len() - 1));
                }
            }
            if chunks == 0 {
                return base + len;
            }
            let s = chunks.trailing_zeros();
            let ends = m.space & valid & (u64::MAX << s);
            let e = if ends != 0 {
                ends.trailing_zeros()
            } else if at_end {
                len as u32
            } else if s > 0 {
                // The chunk may go on past the block: the next block starts with it.
                return base + s as usize;
            } else {
                // A chunk longer than a block.
                return self.step::<MARK>(text, base, tokens, cands, spans);
            };
            let (start, end) = (base + s as usize, base + e as usize);
            let word = blocks::range(s, e);
            // Digits, or letters that cannot be a fused form.
            let fused = fused_at(bytes, start, end);
            let next = if (m.digit & word == word) | ((m.alpha & word == word) & !fused) {
                tokens.push(Token::new(start, end, end < n));
                end
            } else if self.common_chunk(text, &m, base, s, e, spans) {
                emit::<MARK>(bytes, spans, tokens, cands);
                end
            } else {
                self.step::<MARK>(text, start, tokens, cands, spans)
            };
            if next >= base + len {
                return next;
            }
            pos = (next - base) as u32;
        }
    }

    /// The tokens of the chunk at bits `s..e` of the block at `base` into
    /// `out`, when it has one of the commonest shapes of running text and
    /// is ASCII: one punctuation mark; a word or number then `,` `;` `:` or
    /// a period that is not an abbreviation's (`said,` `year.`); an opening
    /// quote or bracket then a word (`"We` `(AP`); a word or number, maybe a
    /// period, then closing punctuation (`said."` `1989),`). Otherwise
    /// false, `out` untouched, and the chunk is left to [`Self::chunk_fast`],
    /// whose tokens these are (a test compares the two on random text).
    #[inline(always)]
    fn common_chunk(
        &self,
        text: &str,
        m: &blocks::Masks,
        base: usize,
        s: u32,
        e: u32,
        out: &mut Vec<(usize, usize)>,
    ) -> bool {
        let bytes = text.as_bytes();
        let (start, end) = (base + s as usize, base + e as usize);
        // `s..e` holds digits only, or ASCII letters: `min` or more, and none
        // of the fused forms (`dont`) the general rules split.
        let digits = |s: u32, e: u32| m.digits(s, e);
        let letters = |s: u32, e: u32, min: u32| {
            e >= s + min && m.letters(s, e) && !may_be_fused(&bytes[base + s as usize..base + e as usize])
        };
        if e - s == 1 {
            out.push((start, end));
            return true;
        }
        if m.letters(s, e) {
            // Letters ending like a fused form (`have`, `its`, `cannot`): split
            // only if one is.
            let n = clitic_len(&text[start..end]).unwrap_or(0);
            out.push((start, end - n));
            if n > 0 {
                out.push((end - n, end));
            }
            return true;
        }
        let last = bytes[end - 1];
        if matches!(last, b',' | b';' | b':' | b'.')
            && (digits(s, e - 1)
                || (letters(s, e - 1, 1) && (last != b'.' || !self.may_be_abbreviation(&text[start..end]))))
        {
            out.push((start, end - 1));
            out.push((end - 1, end));
            return true;
        }
        let first = bytes[start];
        if e - s >= 3 && matches!(first, b'"' | b'(' | b'[' | b'`') {
            if digits(s + 1, e) || letters(s + 1, e, 1) {
                out.push((start, start + 1));
                out.push((start + 1, end));
                return true;
            }
            return false;
        }
        if is_closer(last) && first.is_ascii_alphanumeric() {
            let core_end = s + closers_start(&bytes[start..end]) as u32;
            let dot = core_end > s && bytes[base + core_end as usize - 1] == b'.';
            let body_end = core_end - u32::from(dot);
            if (digits(s, body_end) || letters(s, body_end, 3))
                && (!dot || !self.may_be_abbreviation(&text[start..base + core_end as usize]))
            {
                out.push((start, base + body_end as usize));
                out.extend((base + body_end as usize..end).map(|k| (k, k + 1)));
                return true;
            }
        }
        self.other_chunk(text, m, base, s, e, out)
    }

    /// More shapes for [`Self::common_chunk`], each a rule of
    /// [`Self::chunk_fast`] or [`Self::chunk`] applied where the chunk's
    /// bytes show it is the one that would apply: a clitic after an
    /// apostrophe (`it's`, `can't`, `Maduro’s`); two words and a hyphen
    /// (`cease-fire`); an abbreviation keeping its period (`U.S.`, `Aug.`); a
    /// curly opening quote then a word or number (`“We`); a word or number,
    /// maybe `.` or `,`, then a curly closing quote (`said.”`); one mark
    /// beyond ASCII (`—`); a word of Latin letters (`Rodríguez`, `São`).
    /// Otherwise false, `out` untouched.
    #[inline(never)]
    fn other_chunk(
        &self,
        text: &str,
        m: &blocks::Masks,
        base: usize,
        s: u32,
        e: u32,
        out: &mut Vec<(usize, usize)>,
    ) -> bool {
        const OPEN_QUOTES: [&[u8]; 2] = ["“".as_bytes(), "‘".as_bytes()];
        const CLOSE_QUOTE: &[u8] = "”".as_bytes();
        const APOSTROPHE: &[u8] = "’".as_bytes();
        let bytes = text.as_bytes();
        let (start, end) = (base + s as usize, base + e as usize);
        let at = |p: u32| bytes[base + p as usize];
        let pos = |p: u32| base + p as usize;
        let digits = |s: u32, e: u32| m.digits(s, e);
        let letters = |s: u32, e: u32| m.letters(s, e) && not_fused(&bytes[pos(s)..pos(e)]);
        // The chunk's bytes other than ASCII letters.
        let chunk = blocks::range(s, e);
        let other = chunk & !m.alpha;
        let w = &bytes[start..end];
        if other == chunk {
            // `1,000`, `3.5`, `10:30`: digits with single separators stay whole;
            // so does a run of hyphens or of periods (`--`, `...`).
            if is_number(w) || (matches!(w[0], b'-' | b'.') && w.iter().all(|&b| b == w[0])) {
                out.push((start, end));
                return true;
            }
        }
        let first_other = other.trailing_zeros();
        if other & m.digit == 0 && other.count_ones() == 1 && first_other > s {
            let p = first_other;
            match at(p) {
                b'\'' if (2..=3).contains(&(e - p)) => return self.split_clitic(text, start, end, out),
                b'-' => return self.hyphen_compound(bytes, start, pos(p), end, out),
                _ => {}
            }
        }
        if at(e - 1) == b'.' && at(s).is_ascii_alphabetic() && other & m.digit == 0 {
            // Letters and periods (`U.S.`, `Aug.`) keep the final period if they
            // are an abbreviation. (chunk_fast first splits a word that
            // `may_be_abbreviation` rejects; so does `keeps_abbreviation`.)
            let mut rest = other;
            while rest != 0 {
                if at(rest.trailing_zeros()) != b'.' {
                    return false;
                }
                rest &= rest - 1;
            }
            if self.keeps_abbreviation(text, start, end, end) {
                out.push((start, end));
                return true;
            }
            return false;
        }
        if (at(s) == b'\'' && CLITICS.iter().any(|cl| w.eq_ignore_ascii_case(cl.as_bytes())))
            || w.eq_ignore_ascii_case(b"n't")
        {
            // A clitic standing alone (`John 's`): one token.
            out.push((start, end));
            return true;
        }
        let hyphens = other & !m.digit;
        if other == chunk
            && (1..=2).contains(&hyphens.count_ones())
            && at(hyphens.trailing_zeros()) == b'-'
            && at(63 - hyphens.leading_zeros()) == b'-'
        {
            // Digits and hyphens: a date `1996-08-30` stays whole; a score or
            // range `5-9` splits at its one hyphen (a phone number has two).
            if hyphens.count_ones() == 2 && is_iso_date(&text[start..end]) {
                out.push((start, end));
                return true;
            }
            let h = hyphens.trailing_zeros();
            if hyphens.count_ones() == 1 && at(h) == b'-' && digits(s, h) && digits(h + 1, e) {
                out.extend([(start, pos(h)), (pos(h), pos(h) + 1), (pos(h) + 1, end)]);
                return true;
            }
            return false;
        }
        if e - s > 3 && OPEN_QUOTES.iter().any(|q| w.starts_with(q)) {
            if digits(s + 3, e) || letters(s + 3, e) {
                out.extend([(start, start + 3), (start + 3, end)]);
                return true;
            }
            return false;
        }
        if e - s > 3 && w.ends_with(CLOSE_QUOTE) {
            let q = e - 3;
            let mark = at(q - 1);
            let body_end = q - u32::from(matches!(mark, b'.' | b','));
            if (digits(s, body_end) || letters(s, body_end))
                && (mark != b'.' || !self.may_be_abbreviation(&text[start..pos(q)]))
            {
                out.push((start, pos(body_end)));
                if body_end < q {
                    out.push((pos(body_end), pos(q)));
                }
                out.push((pos(q), end));
                return true;
            }
            return false;
        }
        if other.count_ones() == 3
            && other >> first_other == 0b111
            && first_other > s
            && (4..=5).contains(&(e - first_other))
        {
            return bytes[pos(first_other)..pos(first_other) + 3] == *APOSTROPHE
                && self.split_clitic(text, start, end, out);
        }
        if at(s) >= 0xC0 {
            // One mark beyond ASCII (`—`, `“`), not a space.
            if let Some(c) = text[start..end].chars().next()
                && c.len_utf8() == end - start
            {
                if is_space(c) {
                    return false;
                }
                out.push((start, end));
                return true;
            }
        }
        // ASCII letters and two-byte Latin letters: U+00C0–U+017F but `×` and `÷`.
        let mut rest = other;
        while rest != 0 {
            let p = rest.trailing_zeros();
            if p + 1 >= e {
                return false;
            }
            let (lead, cont) = (at(p), at(p + 1));
            let letter = (0x80..=0xBF).contains(&cont)
                && (matches!(lead, 0xC4 | 0xC5) || (lead == 0xC3 && cont != 0x97 && cont != 0xB7));
            if !letter {
                return false;
            }
            rest &= !(3u64 << p);
        }
        out.push((start, end));
        true
    }

    /// `long-term` (`bytes[start..end]`, hyphen at `h`): two words of ASCII
    /// letters and a hyphen into `out`, split unless the first word is a
    /// prefix that keeps its hyphen (`e-mail`); false if it is not that.
    fn hyphen_compound(&self, bytes: &[u8], start: usize, h: usize, end: usize, out: &mut Vec<(usize, usize)>) -> bool {
        if !(start < h && h + 1 < end && letters_word(&bytes[start..h]) && letters_word(&bytes[h + 1..end])) {
            return false;
        }
        if self.is_prefix(&bytes[start..h]) {
            out.push((start, end));
        } else {
            out.extend([(start, h), (h, h + 1), (h + 1, end)]);
        }
        true
    }

    /// A word of ASCII letters and its clitic (`it's`, `can't`, `Maduro’s`) into `out`, if `text[start..end]` is one.
    fn split_clitic(&self, text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) -> bool {
        match clitic_len(&text[start..end]) {
            Some(n) if letters_word(&text.as_bytes()[start..end - n]) => {
                out.extend([(start, end - n), (end - n, end)]);
                true
            }
            _ => false,
        }
    }

    /// Scans one item from `i`: a whitespace character, or the chunk of
    /// text up to the next whitespace. Returns the position after it.
    fn step<const MARK: bool>(
        &self,
        text: &str,
        mut i: usize,
        tokens: &mut Vec<Token>,
        cands: &mut Vec<u32>,
        spans: &mut Vec<(usize, usize)>,
    ) -> usize {
        let no_special_cases = self.special_cases.is_empty();
        let bytes = text.as_bytes();
        let n = bytes.len();
        // The width of the whitespace character at `i` (0 if there is none).
        let space_at = |i: usize| -> usize {
            let b = bytes[i];
            if b < 0x80 {
                usize::from(CLASS[usize::from(b)] == SPACE)
            } else {
                text[i..].chars().next().filter(|&c| is_space(c)).map_or(0, char::len_utf8)
            }
        };
        // Skip whitespace.
        let b = bytes[i];
        let c = CLASS[usize::from(b)];
        let mut space = usize::from(c == SPACE);
        if c == HIGH {
            space = space_at(i);
        }
        if space > 0 {
            if MARK && b != b' ' && !tokens.is_empty() && cands.last() != Some(&token_index(tokens.len() - 1)) {
                cands.push(token_index(tokens.len() - 1));
            }
            return i + space;
        }
        // A chunk. Eight bytes at a time while it is ASCII and has not
        // reached whitespace: whether it is all letters or all digits.
        let s = i;
        let mut letters_only = true;
        let mut digits_only = true;
        let stop = loop {
            let w = load8(bytes, i);
            let stop = swar::below(w, 0x21) | (w & swar::HI);
            // The high bits of the bytes before the first stop.
            let before = if stop == 0 { swar::HI } else { swar::HI & ((stop & stop.wrapping_neg()) - 1) };
            letters_only &= swar::in_range(w | swar::splat(0x20), b'a', b'z') & before == before;
            digits_only &= swar::in_range(w, b'0', b'9') & before == before;
            if stop != 0 {
                i = (i + (stop.trailing_zeros() / 8) as usize).min(n);
                break i;
            }
            i += 8;
        };
        let mask = if stop < n && CLASS[usize::from(bytes[stop])] != SPACE {
            // A non-ASCII character (maybe a space) or a control character:
            // the bytes' classes gathered one by one.
            i = s;
            let mut mask = 0u8;
            while i < n {
                let c = CLASS[usize::from(bytes[i])];
                if c == SPACE {
                    break;
                }
                if c == HIGH {
                    let ch = text[i..].chars().next().unwrap_or(' ');
                    if is_space(ch) {
                        break;
                    }
                    mask |= HIGH;
                    i += ch.len_utf8();
                    continue;
                }
                mask |= c;
                i += 1;
            }
            mask
        } else {
            let mask = if digits_only {
                DIGIT
            } else if letters_only {
                LOWER | UPPER
            } else {
                bytes[s..i].iter().fold(0u8, |m, &b| m | CLASS[usize::from(b)])
            };
            // The commonest chunks, a plain word or a number, go straight to the tokens.
            if no_special_cases && is_plain(mask, &bytes[s..i]) {
                tokens.push(Token::new(s, i, i < n));
                return i;
            }
            mask
        };
        self.chunk_fast(text, s, i, mask, spans);
        emit::<MARK>(bytes, spans, tokens, cands);
        i
    }

    /// The common chunks of running text (`word`, `1989`, `said,`, `year.`)
    /// without the general rules; anything else goes to [`Self::chunk`].
    fn chunk_fast(&self, text: &str, s: usize, e: usize, mask: u8, out: &mut Vec<(usize, usize)>) {
        if !self.special_cases.is_empty() {
            self.chunk(text, s, e, out);
            return;
        }
        let bytes = text.as_bytes();
        if is_plain(mask, &bytes[s..e]) {
            out.push((s, e));
            return;
        }
        // One character (`-`, `—`, `“`), or a run of hyphens or periods (`--`, `...`): one token.
        if text[s..e].chars().nth(1).is_none() || bytes[s..e].iter().all(|&b| b == bytes[s] && matches!(b, b'-' | b'.'))
        {
            out.push((s, e));
            return;
        }
        if mask & !(LOWER | UPPER) == 0 {
            // Letters that may be a fused form (`dont`, `gonna`).
            let w = &text[s..e];
            match clitic_len(w) {
                None => out.push((s, e)),
                Some(n) => {
                    out.push((s, e - n));
                    out.push((e - n, e));
                }
            }
            return;
        } else if mask & !(LOWER | UPPER | HIGH) == 0 {
            // Letters beyond ASCII (`Rodríguez`): a word. Fused forms are ASCII.
            let w = &text[s..e];
            if w.chars().all(char::is_alphabetic) {
                out.push((s, e));
                return;
            }
            // `Venezuela’s`, `DON’T`: ASCII letters and a clitic with a curly apostrophe.
            if self.split_clitic(text, s, e, out) {
                return;
            }
        } else if mask & HIGH == 0 && e - s >= 2 {
            let w = &bytes[s..e];
            let last = w[w.len() - 1];
            let body = &w[..w.len() - 1];
            let letters = letters_word;
            // Opening `"` `(` `[` `` ` `` before more text (not an emoticon, which
            // has at most three bytes): its own token, then the rest.
            if w.len() >= 3 && matches!(w[0], b'"' | b'(' | b'[' | b'`') {
                out.push((s, s + 1));
                let rest = w[1..].iter().fold(0u8, |m, &b| m | CLASS[usize::from(b)]);
                self.chunk_fast(text, s + 1, e, rest, out);
                return;
            }
            // A word or number, then closing punctuation each split off (`war,''`, `thing."`, `11)`),
            // with at most one period right after the word (not an abbreviation's).
            if is_closer(last) {
                let core_end = closers_start(w);
                let dot = core_end > 0 && w[core_end - 1] == b'.';
                let body_end = core_end - usize::from(dot);
                let core = &w[..body_end];
                let plain =
                    (core.len() >= 3 && letters(core)) || (!core.is_empty() && core.iter().all(u8::is_ascii_digit));
                if plain && (!dot || !self.may_be_abbreviation(&text[s..s + core_end])) {
                    out.push((s, s + body_end));
                    for k in body_end..w.len() {
                        out.push((s + k, s + k + 1));
                    }
                    return;
                }
            }
            // Letters or digits and one final `,` `;` `:` or `.`.
            if matches!(last, b',' | b';' | b':' | b'.')
                && (body.iter().all(u8::is_ascii_digit)
                    || (letters(body) && (last != b'.' || !self.may_be_abbreviation(&text[s..e]))))
            {
                out.push((s, e - 1));
                out.push((e - 1, e));
                return;
            }
            // `Mr.`, `U.S.`, `Inc.`: an abbreviation keeps its period (unless it
            // ends a sentence), then closing punctuation each split off (`U.S.,`).
            {
                let core_end = closers_start(w);
                if self.keeps_abbreviation(text, s, s + core_end, e) {
                    out.push((s, s + core_end));
                    for k in core_end..w.len() {
                        out.push((s + k, s + k + 1));
                    }
                    return;
                }
            }
            // `1,000`, `3.5`, `10:30`: digits with single separators stay whole.
            if mask == DIGIT | OTHER && is_number(w) {
                out.push((s, e));
                return;
            }
            // `$9.5`, `9.5%`: a currency sign or a percent sign and a number.
            if w[0] == b'$' && is_number(&w[1..]) {
                out.push((s, s + 1));
                out.push((s + 1, e));
                return;
            }
            if last == b'%' && is_number(body) {
                out.push((s, e - 1));
                out.push((e - 1, e));
                return;
            }
            // `long-term`: two words and a hyphen, split unless the first is a prefix (`e-mail`).
            if mask & DIGIT == 0
                && let Some(h) = w.iter().position(|&b| b == b'-')
                && self.hyphen_compound(bytes, s, s + h, e, out)
            {
                return;
            }
            // `Venezuela's`, `don't`, `they're`: letters and a clitic.
            // Every ASCII clitic (`'s`, `'re`, `n't`) has its apostrophe in the last three bytes.
            if mask & DIGIT == 0
                && w.len() >= 3
                && w[w.len() - 3..w.len() - 1].contains(&b'\'')
                && self.split_clitic(text, s, e, out)
            {
                return;
            }
        }
        self.chunk(text, s, e, out);
    }

    /// Whether the chunk `text[s..e]` (ASCII) starts with an abbreviation
    /// `text[s..core_end]` that keeps its period (`Mr.`, `U.S.`), the rest
    /// being closing punctuation. Without any, the abbreviation must not end
    /// a sentence (`Inc.` at a sentence's end gives its period to it).
    fn keeps_abbreviation(&self, text: &str, s: usize, core_end: usize, e: usize) -> bool {
        let core = &text.as_bytes()[s..core_end];
        core.len() >= 2
            && core[0].is_ascii_alphabetic()
            && core[core.len() - 1] == b'.'
            && core.iter().all(|&b| b.is_ascii_alphabetic() || b == b'.')
            && !core.windows(2).any(|p| p == b"..")
            && !(core.len() >= 3 && core[..3].eq_ignore_ascii_case(b"www"))
            && glued_period(&text[s..core_end]).is_none()
            && self.is_abbreviation(&text[s..core_end])
            && (core_end < e || !self.ends_sentence_abbreviation(text, s, e))
    }

    /// Whether the ASCII letters `w` are a prefix that keeps its hyphen (`e-mail`).
    fn is_prefix(&self, w: &[u8]) -> bool {
        std::str::from_utf8(w).is_ok_and(|w| self.lex().flags(w) & PREFIX != 0)
    }

    /// Whether the letters-and-period word `w` may keep its period as an
    /// abbreviation (a cheap superset of [`Self::is_abbreviation`]'s test).
    fn may_be_abbreviation(&self, w: &str) -> bool {
        w.len() <= 2 || self.lex().flags(w) & (NON_FINAL | FINAL) != 0 || self.is_user_abbreviation(w)
    }

    /// Tokens and sentences of `text` (the working memory of texts up to
    /// 4 MiB is kept for the thread's next text).
    #[must_use]
    pub fn tokenize_with_sentences(&self, text: &str) -> (Vec<Token>, Vec<Sentence>) {
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
            buf.cands.clear();
            buf.cands.extend(
                (0..tokens.len())
                    .filter(|&k| {
                        let t = tokens[k];
                        let gap_end = tokens.get(k + 1).map_or(text.len(), |n| n.start());
                        sentences::may_decide(bytes, t)
                            || gap_end - t.end() > 1
                            || (gap_end > t.end() && bytes[t.end()] != b' ')
                    })
                    .map(token_index),
            );
        }
        sentences::split(self, text, &buf.tokens, &buf.cands, &mut buf.scratch, &mut buf.sentences);
    }

    /// Tokenizes one whitespace-free chunk `text[s..e]`, peeling punctuation
    /// from both ends and splitting the core.
    fn chunk(&self, text: &str, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
        if s >= e || self.special(text, s, e, out) {
            return;
        }
        // Fast path: a plain word or number (most chunks of running text).
        let bytes = &text.as_bytes()[s..e];
        if bytes.iter().all(u8::is_ascii_alphabetic) {
            let w = &text[s..e];
            if w.len() > 8 || clitic_len(w).is_none() {
                out.push((s, e));
                return;
            }
        } else if bytes.iter().all(u8::is_ascii_digit) {
            out.push((s, e));
            return;
        }
        let mut suffix: Vec<(usize, usize)> = Vec::new();
        let mut peeled = false;
        while s < e {
            let w = &text[s..e];
            // A special case may appear once outer punctuation is split off.
            if peeled && self.special(text, s, e, out) {
                s = e;
                break;
            }
            let web = first_char(w).is_some_and(char::is_alphanumeric) && (is_url_like(w) || is_email_like(w));
            let emoticon = w.len() <= 4 && lexicon::EMOTICONS.contains(&w);
            if emoticon || web {
                // Keep whole, but give back sentence punctuation at the end.
                while e > s {
                    let w = &text[s..e];
                    match last_char(w) {
                        Some(c @ ('.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '\'' | '>' | ']'))
                            if !lexicon::EMOTICONS.contains(&w) =>
                        {
                            suffix.push((e - c.len_utf8(), e));
                            e -= c.len_utf8();
                        }
                        _ => break,
                    }
                }
                if s < e {
                    out.push((s, e));
                }
                s = e;
                break;
            }
            if let Some(n) = self.prefix_len(w) {
                out.push((s, s + n));
                s += n;
                peeled = true;
                continue;
            }
            if let Some(n) = self.suffix_len(w) {
                suffix.push((e - n, e));
                e -= n;
                peeled = true;
                continue;
            }
            break;
        }
        // `Inc.`, `etc.`, `L.P.` ending a sentence give their period to it (UD).
        if s < e && suffix.is_empty() && self.ends_sentence_abbreviation(text, s, e) {
            suffix.push((e - 1, e));
            e -= 1;
        }
        if s < e {
            self.core(text, s, e, out);
        }
        out.extend(suffix.into_iter().rev());
    }

    /// Length in bytes of a punctuation prefix to split off `w`, if any.
    fn prefix_len(&self, w: &str) -> Option<usize> {
        let mut chars = w.chars();
        let c = chars.next()?;
        let next = chars.next();
        next?;
        if c == '.' || c == '-' {
            let run = w.bytes().take_while(|&b| b == c as u8).count();
            if run >= 2 {
                return Some(run);
            }
            if c == '-' && !next.is_some_and(|n| n.is_ascii_digit()) {
                return Some(1);
            }
            return None;
        }
        if c == '…' || DASHES.contains(&c) {
            return Some(c.len_utf8());
        }
        if is_apostrophe(c) {
            // `'90s` stays whole; `'tis` is rare enough to ignore. A clitic
            // standing alone (`John 's`, text already split into words) is one token.
            let alone = |cl: &&str| {
                w.get(..cl.len()).is_some_and(|h| h.eq_ignore_ascii_case(cl))
                    && !w[cl.len()..].chars().any(char::is_alphanumeric)
            };
            if next.is_some_and(|n| n.is_ascii_digit()) || CLITICS.iter().any(alone) {
                return None;
            }
            return Some(c.len_utf8());
        }
        if c == '*' {
            return Some(w.bytes().take_while(|&b| b == b'*').count()); // `*****` is one token
        }
        if OPENING.contains(&c) {
            return Some(c.len_utf8());
        }
        if (CURRENCY.contains(&c) || c == '#') && next.is_some_and(|n| n.is_ascii_digit()) {
            return Some(c.len_utf8());
        }
        if c == '#' || c == '@' {
            return None; // hashtags and handles stay whole
        }
        if !c.is_alphanumeric() && !CURRENCY.contains(&c) && c != '&' && c != '+' && c != '%' {
            let run = w.chars().take_while(|&x| x == c).map(char::len_utf8).sum();
            return Some(run);
        }
        None
    }

    /// Length in bytes of a punctuation suffix to split off `w`, if any.
    fn suffix_len(&self, w: &str) -> Option<usize> {
        let c = last_char(w)?;
        if w.len() == c.len_utf8() {
            return None;
        }
        let body = &w[..w.len() - c.len_utf8()];
        match c {
            '.' => {
                let dots = w.bytes().rev().take_while(|&b| b == b'.').count();
                if dots >= 2 {
                    return Some(dots);
                }
                if self.is_abbreviation(w) {
                    return None;
                }
                // `Tuesday.Mr.`: the glued period is split later; `Mr.` keeps its own.
                if let Some(p) = glued_period(w)
                    && self.is_abbreviation(&w[p + 1..])
                {
                    return None;
                }
                Some(1)
            }
            '!' | '?' => {
                if w.eq_ignore_ascii_case("yahoo!") {
                    return None;
                }
                Some(w.chars().rev().take_while(|&x| x == '!' || x == '?').map(char::len_utf8).sum())
            }
            '…' => Some(c.len_utf8()),
            '%' if last_char(body).is_some_and(|b| b.is_ascii_digit()) => Some(1),
            _ if DASHES.contains(&c) => Some(c.len_utf8()),
            '-' if body.ends_with('-') => Some(w.bytes().rev().take_while(|&b| b == b'-').count()),
            _ if is_apostrophe(c) => {
                // `parents'` → `parents` `'`; a closing single quote likewise.
                Some(c.len_utf8())
            }
            _ if CLOSING.contains(&c) => {
                if lexicon::EMOTICONS.contains(&w) {
                    return None;
                }
                Some(c.len_utf8())
            }
            _ => None,
        }
    }

    /// Splits a chunk core with no outer punctuation: dashes, clitics and hyphens.
    fn core(&self, text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
        let w = &text[s..e];
        // Fast path: one character (a punctuation mark on its own) is one token.
        if w.chars().nth(1).is_none() {
            out.push((s, e));
            return;
        }
        // Fast path: letters and digits only (a word left after peeling punctuation).
        let b = w.as_bytes();
        if b.iter().all(u8::is_ascii_alphanumeric) {
            if let Some(n) = clitic_len(w).filter(|_| !b[0].is_ascii_digit()) {
                out.push((s, e - n));
                out.push((e - n, e));
            } else if let Some(n) = am_pm_suffix(w) {
                out.push((s, e - n));
                out.push((e - n, e));
            } else {
                out.push((s, e));
            }
            return;
        }
        if is_iso_date(w) || is_phone_number(w) {
            out.push((s, e));
            return;
        }
        // Dashes inside a chunk (`power—influence`, `1871–72`, `then--now`) are tokens.
        if let Some((i, c)) = w.char_indices().find(|&(_, c)| DASHES.contains(&c) || c == '…') {
            let len = c.len_utf8();
            self.chunk(text, s, s + i, out);
            out.push((s + i, s + i + len));
            self.chunk(text, s + i + len, e, out);
            return;
        }
        // A straight double quote or an ellipsis inside a chunk is a token
        // (`corner"...and`, `Reynolds"<x@y.z>`).
        if let Some(i) = w.find('"').filter(|&i| i > 0).or_else(|| find_pair(w, b'.').filter(|&i| i > 0)) {
            let len = if w.as_bytes()[i] == b'"' { 1 } else { w[i..].bytes().take_while(|&b| b == b'.').count() };
            self.chunk(text, s, s + i, out);
            out.push((s + i, s + i + len));
            self.chunk(text, s + i + len, e, out);
            return;
        }
        // `and/or`, `Mozilla/Firefox`: a slash between two words is a token
        // (`b/c`, `w/` and dates stay whole).
        if let Some(i) = w.find('/')
            && i >= 2
            && w.len() - i > 2
            && w[..i].chars().all(char::is_alphabetic)
            && w[i + 1..].chars().all(char::is_alphabetic)
        {
            out.push((s, s + i));
            out.push((s + i, s + i + 1));
            out.push((s + i + 1, e));
            return;
        }
        if let Some(i) = find_pair(w, b'-') {
            let run = w[i..].bytes().take_while(|&b| b == b'-').count();
            self.chunk(text, s, s + i, out);
            out.push((s + i, s + i + run));
            self.chunk(text, s + i + run, e, out);
            return;
        }
        // `world.Today`: a sentence end written without a space.
        if let Some(p) = glued_period(w) {
            self.core(text, s, s + p, out);
            out.push((s + p, s + p + 1));
            self.chunk(text, s + p + 1, e, out);
            return;
        }
        // Clitics and negation.
        if let Some(n) = clitic_len(w) {
            self.core(text, s, e - n, out);
            out.push((e - n, e));
            return;
        }
        // Hyphenated compounds: split unless the first part is a prefix.
        if let Some(i) = w.find('-')
            && i > 0
            && i + 1 < w.len()
        {
            let first = &w[..i];
            let rest = &w[i + 1..];
            let keep = self.lex().flags(first) & PREFIX != 0 && first_char(rest).is_some_and(char::is_alphanumeric);
            if !keep {
                self.core(text, s, s + i, out);
                out.push((s + i, s + i + 1));
                self.chunk(text, s + i + 1, e, out);
                return;
            }
        }
        // `5pm`, `7:30PM`.
        if let Some(n) = am_pm_suffix(w) {
            out.push((s, e - n));
            out.push((e - n, e));
            return;
        }
        // `1.5M`-like number suffixes split (`$3M`).
        out.push((s, e));
    }
}

/// The byte index of a period that glues two sentences together
/// (`world.Today`, `1,000.That`): after a lower-case letter or digit, before
/// a capitalised word.
fn glued_period(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    (1..b.len().saturating_sub(2)).find(|&p| {
        b[p] == b'.'
            && (b[p - 1].is_ascii_lowercase() || b[p - 1].is_ascii_digit())
            && b[p + 1].is_ascii_uppercase()
            && b[p + 2].is_ascii_lowercase()
    })
}

/// The script class of a character for [`split_cjk`]: 0 other, 1 Han, 2
/// Hiragana, 3 Katakana, 4 CJK punctuation (a token each).
fn cjk_class(c: char) -> u8 {
    match c {
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => 1,
        '\u{3040}'..='\u{309F}' => 2,
        '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => 3,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}' => 4,
        _ => 0,
    }
}

/// Text written without spaces (Chinese, Japanese): a token is cut where the
/// script changes (Han, Hiragana, Katakana, others) and at each CJK
/// punctuation mark, so `北京是首都。我们去。` is `北京是首都` `。` `我们去` `。`.
/// There is no dictionary: a run of Han characters stays one token. Whether
/// anything was cut.
fn split_cjk(text: &str, tokens: &mut Vec<Token>) -> bool {
    // Han, kana and CJK punctuation are three-byte characters led by 0xE3–0xE9 or 0xEF.
    if !text.bytes().any(|b| (0xE3..=0xE9).contains(&b) || b == 0xEF) {
        return false;
    }
    let has = |t: &Token| text[t.start()..t.end()].chars().any(|c| cjk_class(c) != 0);
    if !tokens.iter().any(has) {
        return false;
    }
    let mut out = Vec::with_capacity(tokens.len() * 2);
    for &t in tokens.iter() {
        if !has(&t) {
            out.push(t);
            continue;
        }
        let mut start = t.start();
        let mut prev: Option<u8> = None;
        for (i, c) in text[t.start()..t.end()].char_indices() {
            let at = t.start() + i;
            let class = cjk_class(c);
            if at > start && (class == 4 || prev == Some(4) || prev != Some(class)) {
                out.push(Token::new(start, at, false));
                start = at;
            }
            prev = Some(class);
        }
        out.push(Token::new(start, t.end(), t.space_after()));
    }
    *tokens = out;
    true
}

/// Joins words written with hyphens between them into one token
/// (`Saint` `-` `Pétersbourg`, `24` `-` `jarige`; not numbers: `1994-95`), except a last part of `suffixes` (`-il` in
/// `dit-il`), which becomes one token with its hyphen, and month names
/// (`março-abril` is a range).
fn join_hyphenated(text: &str, tokens: &mut Vec<Token>, suffixes: &[String], month: impl Fn(&str) -> bool) {
    let word_end = |t: &Token| text[t.start()..t.end()].chars().next_back().is_some_and(char::is_alphanumeric);
    // A letter after the hyphen: `24-jarige` joins, `1994-95` and `10-12` do not.
    let word_start = |t: &Token| text[t.start()..t.end()].chars().next().is_some_and(char::is_alphabetic);
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut k = 0;
    while k < tokens.len() {
        let t = tokens[k];
        let joins = k + 2 < tokens.len()
            && matches!(&text[tokens[k + 1].start()..tokens[k + 1].end()], "-" | "‐")
            && t.end() == tokens[k + 1].start()
            && tokens[k + 1].end() == tokens[k + 2].start()
            && word_end(&t)
            && word_start(&tokens[k + 2])
            && !month(&text[t.start()..t.end()])
            && !month(&text[tokens[k + 2].start()..tokens[k + 2].end()]);
        if joins {
            let (h, b) = (tokens[k + 1], tokens[k + 2]);
            let suffix = format!("-{}", text[b.start()..b.end()].to_lowercase());
            if suffixes.contains(&suffix) {
                out.push(t);
                out.push(Token::new(h.start(), b.end(), b.space_after()));
                k += 3;
                continue;
            }
            // The word goes on: join into the next token and look again.
            tokens[k + 2] = Token::new(t.start(), b.end(), b.space_after());
            k += 2;
            continue;
        }
        out.push(t);
        k += 1;
    }
    *tokens = out;
}

/// Contractions written without an apostrophe and the length of their second
/// part (UD: `dont` → `do` `nt`, `cannot` → `can` `not`, `im` → `i` `m`),
/// sorted by length (2 | 3 | 4 ×4 | 5 ×11 | 6 ×4 | 7–8 ×3) as `clitic_len` slices it.
#[rustfmt::skip]
const FUSED: &[(&str, usize)] = &[
    ("im", 1),
    ("ive", 2),
    ("dont", 2), ("cant", 2), ("isnt", 2), ("aint", 2),
    ("gonna", 2), ("wanna", 2), ("gotta", 2), ("outta", 2), ("didnt", 2), ("wasnt", 2), ("arent", 2), ("hasnt", 2),
    ("hadnt", 2), ("thats", 1), ("whats", 1),
    ("cannot", 3), ("doesnt", 2), ("werent", 2), ("havent", 2),
    ("couldnt", 2), ("wouldnt", 2), ("shouldnt", 2),
];

/// Whether `w` ends with `suffix`, ASCII letters compared without case.
fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.is_char_boundary(w.len() - suffix.len())
        && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The byte index of the first two consecutive `c` bytes in `w` (`..`, `--`).
fn find_pair(w: &str, c: u8) -> Option<usize> {
    w.as_bytes().windows(2).position(|p| p[0] == c && p[1] == c)
}

/// Byte classes of the tokenizer's scan: ASCII whitespace, lower- and
/// upper-case ASCII letters, digits, other ASCII, and bytes of non-ASCII
/// characters (whose whitespace is checked by decoding).
const SPACE: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const OTHER: u8 = 8;
const HIGH: u8 = 16;

static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f => SPACE,
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            0x80..=0xff => HIGH,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// Eight bytes of `bytes` from `i` as a little-endian word, padded with
/// spaces past the end.
#[inline(always)]
fn load8(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i..i + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or([b' '; 8])),
        None => {
            let mut buf = [b' '; 8];
            let rest = bytes.get(i..).unwrap_or(&[]);
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    }
}

/// Byte tests on eight bytes at once ("SIMD within a register"): each
/// returns the word with the high bit of every byte that passes set.
mod swar {
    pub const HI: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;

    pub const fn splat(b: u8) -> u64 {
        ONES * b as u64
    }

    /// ASCII bytes below `n` (`n` ≤ 0x80). `(x | 0x80) - n` cannot borrow
    /// from the next byte and keeps its high bit exactly when `x & 0x7f ≥ n`.
    #[inline(always)]
    pub fn below(w: u64, n: u8) -> u64 {
        !((w | HI) - splat(n)) & !w & HI
    }

    /// ASCII bytes in `lo..=hi` (`hi` < 0x7f).
    #[inline(always)]
    pub fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
        let x = w | HI;
        (x - splat(lo)) & !(x - splat(hi + 1)) & !w & HI
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

/// Appends the tokens `spans` of one chunk (then clears `spans`). A chunk
/// ends at whitespace or at the end of the text: only its last token can
/// have space after it. With `MARK`, lists those of them the sentence
/// splitter must examine ([`sentences::may_decide`]).
#[inline(always)]
fn emit<const MARK: bool>(
    bytes: &[u8],
    spans: &mut Vec<(usize, usize)>,
    tokens: &mut Vec<Token>,
    cands: &mut Vec<u32>,
) {
    if let Some((&(start, end), rest)) = spans.split_last() {
        if MARK {
            for (k, &(start, end)) in spans.iter().enumerate() {
                if sentences::may_decide(bytes, Token::new(start, end, false)) {
                    cands.push(token_index(tokens.len() + k));
                }
            }
        }
        tokens.extend(rest.iter().map(|&(start, end)| Token::new(start, end, false)));
        tokens.push(Token::new(start, end, end < bytes.len()));
    }
    spans.clear();
}

/// Whether a chunk with byte classes `mask` is one token as it stands:
/// digits, or ASCII letters that cannot be a fused form (`dont`).
fn is_plain(mask: u8, w: &[u8]) -> bool {
    mask == DIGIT || (mask & !(LOWER | UPPER) == 0 && !may_be_fused(w))
}

/// Closing punctuation split off a word or number one mark at a time (`war,''`, `thing."`, `11)`).
fn is_closer(b: u8) -> bool {
    matches!(b, b'"' | b')' | b']' | b'\'' | b',' | b';' | b':')
}

/// Where the run of closing punctuation that ends `w` starts.
fn closers_start(w: &[u8]) -> usize {
    w.len() - w.iter().rev().take_while(|&&b| is_closer(b)).count()
}

/// ASCII letters that stay one word (not a fused form such as `dont`).
fn letters_word(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_alphabetic) && not_fused(b)
}

/// Whether the ASCII letters `b` are not a fused form that splits (`dont`):
/// most words are ruled out by their length and last two letters.
#[inline(always)]
fn not_fused(b: &[u8]) -> bool {
    !may_be_fused(b) || std::str::from_utf8(b).is_ok_and(|x| clitic_len(x).is_none())
}

/// Digits with single `,` `.` `:` separators between them (`1,000`, `3.5`, `10:30`).
fn is_number(b: &[u8]) -> bool {
    b.first().is_some_and(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.windows(2).all(|p| p[0].is_ascii_digit() || (matches!(p[0], b',' | b'.' | b':') && p[1].is_ascii_digit()))
}

/// Whether the ASCII letters `b` may be a fused form that splits (`dont`,
/// `cannot`, `gonna`): every one has two to eight letters and ends in one of
/// these letter pairs.
#[inline(always)]
fn may_be_fused(b: &[u8]) -> bool {
    !b.is_empty() && fused_at(b, 0, b.len())
}

/// [`may_be_fused`] for the non-empty word `bytes[start..end]`, without a
/// branch (the outcome differs from word to word): a one-letter word reads
/// the byte before it, and fails the length test whatever that byte is.
#[inline(always)]
fn fused_at(bytes: &[u8], start: usize, end: usize) -> bool {
    (end - start >= 2) & (end - start <= 8) & ends_like_fused(bytes[end.saturating_sub(2)], bytes[end - 1])
}

/// Whether the ASCII letters `a` `b` (any case) end some fused form: one
/// table lookup and a bit test, no branch.
#[inline(always)]
fn ends_like_fused(a: u8, b: u8) -> bool {
    FUSED_PAIRS[usize::from(a & 31)] >> (b & 31) & 1 == 1
}

/// The last two letters of every fused form (`dont`, `gonna`, `cannot`, `gimme`…).
const FUSED_ENDINGS: [[u8; 2]; 7] = [*b"nt", *b"ot", *b"ts", *b"na", *b"ta", *b"ve", *b"im"];

/// [`FUSED_ENDINGS`] by letter (`& 31`, so either case): for each first
/// letter, a bit per second letter.
static FUSED_PAIRS: [u32; 32] = {
    let mut t = [0u32; 32];
    let mut k = 0;
    while k < FUSED_ENDINGS.len() {
        let [a, b] = FUSED_ENDINGS[k];
        t[(a & 31) as usize] |= 1 << (b & 31);
        k += 1;
    }
    t
};

/// Byte length of a clitic at the end of `w` that should be its own token.
fn clitic_len(w: &str) -> Option<usize> {
    if !w.bytes().any(|b| b == b'\'' || b == 0xE2) {
        // No apostrophe (straight, or the curly one's lead byte): only fused
        // forms, which UD splits like their spelled-out versions (`dont` → `do nt`).
        let b = w.as_bytes();
        // One check of the length and the last two letters rules out almost every ordinary word.
        if !may_be_fused(b) {
            return None;
        }
        let candidates: &[(&str, usize)] = match b.len() {
            2 => &FUSED[..1],
            3 => &FUSED[1..2],
            4 => &FUSED[2..6],
            5 => &FUSED[6..17],
            6 => &FUSED[17..21],
            _ => &FUSED[21..],
        };
        return candidates.iter().find(|(f, _)| f.len() == w.len() && w.eq_ignore_ascii_case(f)).map(|&(_, n)| n);
    }
    for neg in ["n't", "n’t"] {
        if w.len() > neg.len() && ends_with_ci(w, neg) {
            return Some(neg.len());
        }
    }
    if w.eq_ignore_ascii_case("cannot") {
        return Some(3);
    }
    if ["gonna", "wanna", "gotta"].iter().any(|x| w.eq_ignore_ascii_case(x)) {
        return Some(2);
    }
    for cl in CLITICS {
        if w.len() > cl.len() && ends_with_ci(w, cl) {
            let before = &w[..w.len() - cl.len()];
            if last_char(before).is_some_and(char::is_alphanumeric) {
                return Some(cl.len());
            }
        }
    }
    None
}

fn am_pm_suffix(w: &str) -> Option<usize> {
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    for suf in ["a.m.", "p.m.", "am", "pm"] {
        if w.len() > suf.len() && ends_with_ci(w, suf) {
            let before = &w[..w.len() - suf.len()];
            if before.bytes().all(|b| b.is_ascii_digit() || b == b':') {
                return Some(suf.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        Tokenizer::default().tokenize(text).iter().map(|t| &text[t.start()..t.end()]).collect()
    }

    #[test]
    fn seed_spots() {
        assert_eq!(words("U.S. military"), ["U.S.", "military"]);
        assert_eq!(words("Rodríguez's government"), ["Rodríguez", "'s", "government"]);
        assert_eq!(words("Maduro’s vice"), ["Maduro", "’s", "vice"]);
        assert_eq!(words("CARACAS — The"), ["CARACAS", "—", "The"]);
        assert_eq!(words("“focused on it.”"), ["“", "focused", "on", "it", ".", "”"]);
        assert_eq!(words("a two-day visit"), ["a", "two", "-", "day", "visit"]);
        assert_eq!(words("date 2026-03-05 here"), ["date", "2026-03-05", "here"]);
    }

    #[test]
    fn conventions() {
        assert_eq!(words("e-mail me"), ["e-mail", "me"]);
        assert_eq!(words("$1.5 billion, 50%"), ["$", "1.5", "billion", ",", "50", "%"]);
        assert_eq!(words("I can't, won't"), ["I", "ca", "n't", ",", "wo", "n't"]);
        assert_eq!(words("Dr. Smith (AP)"), ["Dr.", "Smith", "(", "AP", ")"]);
        assert_eq!(words("see http://x.org/a?b=1."), ["see", "http://x.org/a?b=1", "."]);
        assert_eq!(words("Wait... what?!"), ["Wait", "...", "what", "?!"]);
        assert_eq!(words("the '90s"), ["the", "'90s"]);
        assert_eq!(words("at 5pm"), ["at", "5", "pm"]);
        assert_eq!(words("parents' house"), ["parents", "'", "house"]);
        assert_eq!(words("call 713-853-3989"), ["call", "713-853-3989"]);
    }

    /// The fast paths of common chunks give exactly the general rules' tokens.
    #[test]
    fn fast_chunks_equal_general_rules() {
        let tok = Tokenizer::default();
        let pieces = [
            "word",
            "Word",
            "dont",
            "gonna",
            "cannot",
            "have",
            "percent",
            "U",
            "S",
            ".",
            ",",
            ";",
            ":",
            "'",
            "'s",
            "n't",
            "'re",
            "'ll",
            "’",
            "-",
            "--",
            "$",
            "%",
            "1",
            "1989",
            "3",
            "é",
            "Rodríguez",
            "Mr",
            "Inc",
            "e",
            "mail",
            "non",
            "\"",
            "(",
            ")",
            "…",
            "—",
            "am",
            "pm",
            "/",
            "@",
            "x",
            "[",
            "]",
            "``",
            "''",
            "war",
            "thing",
            "point",
            "St",
            "11",
            ":)",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |m: usize| below(&mut seed, m);
        for _ in 0..200_000 {
            let n = 1 + next(5);
            let w: String = (0..n).map(|_| pieces[next(pieces.len())]).collect();
            let mask = w.bytes().fold(0u8, |m, b| m | CLASS[usize::from(b)]);
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tok.chunk_fast(&w, 0, w.len(), mask, &mut fast);
            tok.chunk(&w, 0, w.len(), &mut slow);
            assert_eq!(fast, slow, "{w:?}");
        }
    }

    /// The block scan gives the tokens and sentence candidates of the
    /// item-by-item scan, for texts of every length around the 64-byte
    /// blocks: long words, runs of spaces and line breaks, control
    /// characters, non-ASCII letters and spaces, fused forms.
    #[test]
    fn block_scan_equals_item_scan() {
        let tok = Tokenizer::default();
        let pieces = [
            "word",
            "Caracas",
            "dont",
            "gonna",
            "1989",
            "3.5",
            "said,",
            "U.S.",
            "(AP)",
            " ",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\u{1f}",
            "\u{1}",
            "é",
            "Rodríguez",
            "\u{a0}",
            "\u{2028}",
            "’s",
            "—",
            "x",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "0123456789012345678901234567890123456789",
            "Mr.",
            "can't",
            ",",
            ".",
            ";",
            ":",
            "(",
            "year",
            "Inc",
            "No",
            "a",
            "it",
            "p.m",
            "1",
            "wanna",
            "\"",
            "'",
            "?",
            ")",
            "]",
            "[",
            "`",
            "``",
            "''",
            "'s",
            "n't",
            "'re",
            "5.",
            "...",
            "São",
            "José",
            "$",
            "%",
            "1,000",
            "9.5",
            "third",
            "quarter",
            "anti",
            "e",
            "don",
            "’s",
            "--",
            "Ü",
            "-",
            "“",
            "”",
            "‘",
            "’",
            "–",
            "…",
            "×",
            "÷",
            "ª",
            "ſ",
            "Ā",
            "ň",
            "Ɓ",
            "€",
            "XD",
            "www",
            "Aug.",
            "U.K.",
            "Inc.",
            "The",
            "cease",
            "fire",
            "re",
            "ve",
            "’re",
            "n’t",
            "'d",
            "I",
            "\u{2009}",
            "\u{3000}",
            "1996-08-30",
            "5-9",
            "-",
            "27",
            "'S",
            "’ll",
            "N'T",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut texts: Vec<String> =
            vec![String::new(), "a".repeat(64), "a".repeat(65), "a ".repeat(40), format!("{} b", "a".repeat(63))];
        // Each shape of the block path, and near misses, at every offset in a block.
        let shapes = "long-term e-mail anti-war non-stop third-quarter co-op re-elect a-b well-known's x- -x \
            Elian's don't it's they're parents' o'clock I'd 'tis can't. \
            $9.5 9.5% 1,000 3.5 $9 9% 1.5.2 $ % 10:30 1996-08-31 $1,000. \
            --- ... -- -.- .. ``We (AP) \"Hi ((a [1] \"São\" São José Ü Rodríguez's Maduro’s \
            said, year. Mr. Inc., U.S. it, a. 5. No. have its cannot gonna dont said.\" end.) \
            “We “I ‘90s “1989 “dont “XD said.” said,” home” I.” 5.” www.” Maduro’s don’t they’re ’s Rodríguez’s \
            — – … • × São José Ñandú Łódź a×b ÷ Aug. Aug.” U.K. p.m. e.g. Inc. The e-mail cease-fire dont-x \
            it's can't we're o'clock parents' I'd x'y \
            John 's 're 'S ’s n't N'T 's. 5-9 27-29 1996-08-30 1996-08-30T10 713-853-3989 1-2-3 -5 5- 1996-0830";
        for k in 0..64 {
            texts.push(format!("{}{shapes}", " ".repeat(k)));
        }
        for _ in 0..20_000 {
            let n = below(&mut seed, 60);
            texts.push((0..n).map(|_| pieces[below(&mut seed, pieces.len())]).collect());
        }
        // Short chunks (one to three pieces) between single spaces, as in running text.
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..below(&mut seed, 30) {
                for _ in 0..=below(&mut seed, 3) {
                    text.push_str(pieces[below(&mut seed, pieces.len())]);
                }
                text.push(' ');
            }
            texts.push(text);
        }
        let run = |text: &str, blocks: bool| {
            let (mut tokens, mut cands, mut spans) = (Vec::new(), Vec::new(), Vec::new());
            tok.scan_with::<true>(text, &mut tokens, &mut cands, &mut spans, blocks);
            (tokens, cands)
        };
        for text in &texts {
            assert_eq!(run(text, true), run(text, false), "{text:?}");
        }
    }

    /// The packed lower-case key is the word's lower-cased bytes and its
    /// length, for every ASCII byte; None past 15 bytes or beyond ASCII.
    #[test]
    fn packed_lower_is_lower_bytes_and_length() {
        let mut seed: u64 = 0x1234_5678_9ABC_DEF1;
        for _ in 0..20_000 {
            let len = below(&mut seed, 18);
            let w: Vec<u8> = (0..len).map(|_| below(&mut seed, 0x80) as u8).collect();
            let expected = (len <= 15).then(|| {
                let mut buf = [0u8; 16];
                for (d, b) in buf.iter_mut().zip(&w) {
                    *d = b.to_ascii_lowercase();
                }
                buf[15] = len as u8;
                u128::from_le_bytes(buf)
            });
            assert_eq!(packed_lower(&w), expected, "{w:?}");
        }
        assert_eq!(packed_lower("é".as_bytes()), None);
        assert_eq!(packed_lower(b"ab\xff"), None);
    }

    /// A deterministic number below `m` (xorshift on `seed`), so failures reproduce.
    pub(in crate::tokenize) fn below(seed: &mut u64, m: usize) -> usize {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed % m as u64) as usize
    }

    #[test]
    fn swar_tests_match_byte_tests() {
        use super::swar;
        for b in 0..=255u8 {
            for pos in 0..8 {
                // The byte under test among neighbours that could disturb a borrow.
                for fill in [0u8, b' ', b'a', 0x7f, 0x80, 0xff] {
                    let mut bytes = [fill; 8];
                    bytes[pos] = b;
                    let w = u64::from_le_bytes(bytes);
                    let bit = |m: u64| m >> (pos * 8 + 7) & 1 == 1;
                    assert_eq!(bit(swar::below(w, 0x21)), b < 0x21, "{b:#x}");
                    assert_eq!(bit(swar::in_range(w, b'0', b'9')), b.is_ascii_digit(), "{b:#x}");
                    assert_eq!(bit(swar::in_range(w | swar::splat(0x20), b'a', b'z')), b.is_ascii_alphabetic());
                }
            }
        }
        assert_eq!(super::load8(b"abc", 0), u64::from_le_bytes(*b"abc     "));
        assert_eq!(super::load8(b"abcdefghij", 1), u64::from_le_bytes(*b"bcdefghi"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "", " ", "'", "’", "-", "--", ".", "...", "a'", "'s", "n't", "é'é", "😀's", "-5", "$", "#", "@", "x-",
            "-x", "ǅ'S", "İ's",
        ] {
            let toks = Tokenizer::default().tokenize(t);
            let mut last = 0;
            for tk in toks {
                assert!(tk.start() >= last && tk.start() < tk.end() && tk.end() <= t.len());
                assert!(t.is_char_boundary(tk.start()) && t.is_char_boundary(tk.end()));
                last = tk.end();
            }
        }
    }
}

#[cfg(test)]
mod fused_tests {
    #[test]
    fn fused_table_is_sliced_by_length() {
        let groups: [(usize, std::ops::Range<usize>); 6] =
            [(2, 0..1), (3, 1..2), (4, 2..6), (5, 6..17), (6, 17..21), (7, 21..24)];
        for (len, range) in groups {
            for (w, _) in &super::FUSED[range] {
                assert!(w.len() == len || (len == 7 && w.len() == 8), "{w}");
            }
        }
        assert_eq!(super::FUSED.len(), 24);
        for (w, n) in super::FUSED {
            assert_eq!(super::clitic_len(w), Some(*n), "{w}");
            assert!(super::may_be_fused(w.as_bytes()) && super::may_be_fused(w.to_uppercase().as_bytes()), "{w}");
        }
        assert!(!super::may_be_fused(b"word") && !super::may_be_fused(b"t") && !super::may_be_fused(b"tn"));
        assert!(!super::may_be_fused(b"") && !super::may_be_fused(b"confident") && super::may_be_fused(b"shouldnt"));
        let letters = (b'a'..=b'z').chain(b'A'..=b'Z');
        for a in letters.clone() {
            for b in letters.clone() {
                let pair = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
                assert_eq!(super::ends_like_fused(a, b), super::FUSED_ENDINGS.contains(&pair), "{a} {b}");
            }
        }
    }
}

/// Whether `c` separates tokens: Unicode White_Space plus U+001C–U+001F,
/// which Python's `str.isspace` and `str.split` also treat as space.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}
