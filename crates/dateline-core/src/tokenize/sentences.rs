//! Sentence splitting over tokens.

use super::bits::Bits;
use super::{Sentences, Token, Tokenizer};

mod unpunctuated;

fn is_closing(w: &str) -> bool {
    matches!(w, "\"" | "”" | "’" | "'" | ")" | "]" | "}" | "»")
}

fn is_terminal(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？'))
}

/// The full stops of Chinese and Japanese (`。`, `！`, `？`): they end a
/// sentence whatever follows.
fn is_cjk_terminal(w: &str) -> bool {
    matches!(w, "。" | "！" | "？")
}

/// Whether the gap between two tokens holds a line break (or a blank line).
pub(crate) fn gap_breaks(gap: &str) -> (bool, bool) {
    if gap.len() == 1 {
        return (gap.as_bytes()[0] == b'\n', false);
    }
    let mut newlines = gap.bytes().filter(|&b| b == b'\n').count();
    if !gap.is_ascii() {
        newlines += gap.chars().filter(|&c| c == '\u{2028}' || c == '\u{2029}').count();
    }
    (newlines >= 1, newlines >= 2)
}

/// A lower-case word of two or more letters (not an abbreviation or a number).
fn is_plain_word(w: &str) -> bool {
    w.chars().count() >= 2 && w.chars().all(|c| c.is_lowercase())
}

const BULLETS: &[&str] = &["•", "⁃", "‣", "◦", "▪", "●", "○", "·"];

/// Whether token `t` is a bullet: every bullet is one non-ASCII character of two or three bytes.
#[inline(always)] // called for every token
fn is_bullet(text: &str, t: Token) -> bool {
    matches!(t.end() - t.start(), 2 | 3)
        && text.as_bytes()[t.start()] >= 0x80
        && BULLETS.contains(&&text[t.start()..t.end()])
}

/// A list marker starting at token `k` (`1.`, `2.)`, `3)`, `a.`): its value
/// and the index of its last token. It must be written without spaces and be
/// followed by a capitalised word.
fn list_marker(text: &str, tokens: &[Token], k: usize) -> Option<(u32, usize)> {
    let word = |i: usize| &text[tokens[i].start()..tokens[i].end()];
    let w = word(k);
    if w.len() > 2 {
        return None;
    }
    let value = if !w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
        w.parse().ok()?
    } else if w.len() == 1 && w.as_bytes()[0].is_ascii_lowercase() {
        u32::from(w.as_bytes()[0] - b'a') + 1
    } else {
        return None;
    };
    let mut j = k;
    let mut parts = 0;
    while j + 1 < tokens.len()
        && tokens[j].end() == tokens[j + 1].start()
        && matches!(word(j + 1), "." | ")")
        && parts < 2
    {
        j += 1;
        parts += 1;
    }
    if parts == 0 || j + 1 >= tokens.len() || tokens[j].end() == tokens[j + 1].start() {
        return None;
    }
    word(j + 1).chars().next().filter(|c| c.is_uppercase())?;
    Some((value, j))
}

/// Buffers [`split`] reuses from text to text.
#[derive(Clone, Debug, Default)]
pub(super) struct Scratch {
    brk: Breaks,
    /// Never end a sentence after these tokens.
    keep: Bits,
    /// The tokens to examine.
    visit: Bits,
}

/// The sentence ends decided so far: `at` holds `k` when one ends after
/// token `k` (`any`: whether there is one).
#[derive(Clone, Debug, Default)]
struct Breaks {
    at: Bits,
    any: bool,
}

impl Breaks {
    fn set(&mut self, k: usize) {
        self.at.set(k);
        self.any = true;
    }

    #[inline]
    fn at(&self, k: usize) -> bool {
        self.at.get(k)
    }
}

/// E-mail and message headers: `Kay Mann 04/26/2001 07:17 AM Will you…` —
/// a numeric date (token `k`) with a clock time stands as a sentence of its own.
fn header(text: &str, tokens: &[Token], k: usize, brk: &mut Breaks) {
    let n = tokens.len();
    let word = |k: usize| &text[tokens[k].start()..tokens[k].end()];
    let is_date = {
        let w = word(k);
        w.len() >= 6
            && w.bytes().all(|b| b.is_ascii_digit() || b == b'/')
            && w.bytes().filter(|&b| b == b'/').count() == 2
    };
    let is_clock = |x: &str| x.len() >= 4 && x.contains(':') && x.bytes().all(|b| b.is_ascii_digit() || b == b':');
    if !is_date || !is_clock(word(k + 1)) {
        return;
    }
    let mut end = k + 1;
    if end + 1 < n && matches!(word(end + 1), "AM" | "PM" | "am" | "pm" | "a.m." | "p.m.") {
        end += 1;
    }
    if k > 0
        && !matches!(
            word(k - 1).to_ascii_lowercase().as_str(),
            "on" | "at" | "by" | "from" | "until" | "since" | "date" | "sent" | ":" | ","
        )
    {
        brk.set(k - 1);
    }
    if end + 1 < n && word(end + 1).chars().next().is_some_and(char::is_uppercase) {
        brk.set(end);
    }
}

/// Whether token `t` may take part in a sentence decision by itself: its
/// first byte may start a list marker, a message header, a bullet or an
/// emoticon (a digit, `/`, the letter of a one-letter token, a bullet's lead
/// byte, `:` `;` `=`), or
/// its last byte may end a sentence (`.` `!` `?` and `…`'s last byte 0xA6).
/// Other tokens matter only when a line break follows them, or as the
/// neighbours of one that matters.
#[inline(always)]
pub(super) fn may_decide(bytes: &[u8], t: Token) -> bool {
    let first = bytes[t.start()];
    may_start_header(first)
        || matches!(first, 0xC2 | 0xE2 | b':' | b';' | b'=')
        || (first.is_ascii_lowercase() && t.end() - t.start() == 1)
        || may_end(bytes, t)
}

/// Whether a token starting with byte `b` may be a message header's date (or a list marker's number).
fn may_start_header(b: u8) -> bool {
    b.is_ascii_digit() || b == b'/'
}

/// Whether token `t` ends in `.` `!` `?` or `…` (whose last byte is 0xA6),
/// or `。` `！` `？` (0x82, 0x81, 0x9F), as a sentence's last token does.
#[inline(always)]
fn may_end(bytes: &[u8], t: Token) -> bool {
    matches!(bytes[t.end() - 1], b'.' | b'!' | b'?' | 0xA6 | 0x82 | 0x81 | 0x9F)
}

/// Splits tokens into sentences. Decisions, in order: blank lines always end
/// a sentence; a line break does too (with `split_on_newlines`); list markers (`1.`, `b)`) open sentences; `.`, `!`, `?` end one
/// before a capitalised word, a digit or an opening quote, except after
/// abbreviations that precede names (`Mr.`, `Jan.`, `No.`); abbreviations
/// that may end a sentence (`U.S.`, `p.m.`) do so only before a word that
/// usually starts one (`The`, `He`); an ellipsis ends one only before a
/// capitalised word other than `I`.
///
/// Only the tokens of `cands` (ascending; every token that [`may_decide`]
/// or is followed by whitespace other than one space, and possibly more)
/// are examined: a sentence never ends after any other token unless a
/// decision about a neighbour says so.
///
/// The decisions are kept in `scratch`; [`Scratch::sentences`] makes the
/// sentences from them (once the caller has let go of its working lists).
pub(super) fn split(tok: &Tokenizer, text: &str, tokens: &[Token], cands: &Bits, scratch: &mut Scratch) {
    let n = tokens.len();
    let word = |k: usize| &text[tokens[k].start()..tokens[k].end()];
    let Scratch { brk, keep, visit } = scratch;
    brk.at.reset(n);
    brk.any = false;
    // keep: never end a sentence after these tokens (inside a list marker or ellipsis).
    keep.reset(n);
    let bytes = text.as_bytes();

    // List markers, bullets and message headers.
    let mut last_marker: Option<u32> = None;
    let bullet_at = |k: usize| is_bullet(text, tokens[k]);
    let mut next_k = 0;
    for k in cands.ones() {
        if k < next_k {
            continue; // inside a list marker
        }
        let t = tokens[k];
        let first = bytes[t.start()];
        if k + 1 < n && may_start_header(first) {
            header(text, tokens, k, brk);
        }
        if k > 0 && bullet_at(k) {
            brk.set(k - 1);
        }
        // An emoticon before a capitalised word ends a sentence (`gut ;-) Wir`).
        if matches!(first, b':' | b';' | b'=')
            && k + 1 < n
            && t.end() - t.start() <= 4
            && super::lexicon::EMOTICONS.contains(&word(k))
            && word(k + 1).chars().next().is_some_and(char::is_uppercase)
        {
            brk.set(k);
        }
        if t.end() - t.start() > 2 {
            continue;
        }
        let at_start = || k == 0 || bullet_at(k - 1) || gap_breaks(&text[tokens[k - 1].end()..tokens[k].start()]).0;
        if let Some((v, end)) = list_marker(text, tokens, k)
            && let at_start = at_start()
            && (at_start || last_marker.is_some_and(|p| p + 1 == v))
        {
            if k > 0 && !at_start {
                brk.set(k - 1);
            }
            keep.set_range(k, end);
            last_marker = Some(v);
            // The marker's own tokens (`.`, `)`) are neither headers, bullets nor markers.
            next_k = end + 1;
        }
    }

    // Sentences that ended without punctuation, told by the next one's first word.
    unpunctuated::mark(tok, text, tokens, keep, brk);

    // The tokens to examine: the candidates and those the passes above ended
    // a sentence after (the candidates themselves when there are none: no
    // copy).
    let visit: &Bits = if brk.any {
        visit.copy_from(cands);
        visit.union_with(&brk.at);
        visit
    } else {
        cands
    };

    // The sentence in progress starts at token `sent_start`.
    let mut sent_start = 0usize;
    let mut i = 0;
    for v in visit.ones() {
        if v < i {
            continue; // passed over with an ellipsis or closing quotes
        }
        i = v;
        if i + 1 < n && !keep.get(i) && tokens[i].end() < tokens[i + 1].start() {
            let gap = tokens[i + 1].start() - tokens[i].end();
            if gap > 1 || bytes[tokens[i].end()] == b'\n' {
                let (line, blank) = gap_breaks(&text[tokens[i].end()..tokens[i + 1].start()]);
                if blank || (line && tok.split_on_newlines) {
                    brk.set(i);
                }
            }
        }
        // Only tokens that may end a sentence are examined further.
        if !brk.at(i) && !may_end(bytes, tokens[i]) {
            i += 1;
            continue;
        }
        let w = word(i);
        if !brk.at(i) && !keep.get(i) {
            // A spaced ellipsis `. . .` (three or more dots).
            if w == "." && i + 1 < n && word(i + 1) == "." && tokens[i].end() < tokens[i + 1].start() {
                let mut j = i;
                while j + 1 < n && word(j + 1) == "." {
                    j += 1;
                }
                let dots = j - i + 1;
                let attached = i > 0 && tokens[i - 1].end() == tokens[i].start();
                let next = if j + 1 < n { word(j + 1) } else { "" };
                let next_upper = next.chars().next().is_some_and(char::is_uppercase) && next != "I";
                if dots >= 4 && attached && next_upper {
                    brk.set(i); // `compounds. . . . The`: a period, then an ellipsis
                    sent_start = i + 1;
                    i = j + 1;
                    continue;
                } else if dots >= 3 {
                    if next_upper || j + 1 >= n {
                        brk.set(j);
                        sent_start = j + 1;
                    }
                    i = j + 1;
                    continue;
                }
            }
        }
        if !brk.at(i) && !keep.get(i) {
            let abbreviation = w.len() > 1 && w.ends_with('.') && !is_terminal(w);
            if is_terminal(w) || abbreviation {
                // Absorb closing quotes and brackets (a straight quote after
                // a space only when it closes: see `spaced_quote_closes`).
                let mut j = i;
                while j + 1 < n
                    && is_closing(word(j + 1))
                    && (!matches!(word(j + 1), "\"" | "'")
                        || tokens[j].end() == tokens[j + 1].start()
                        || (word(j + 1) == "\"" && spaced_quote_closes(text, tokens, sent_start, j + 1)))
                {
                    j += 1;
                }
                // A closing `''` after a space (`houden. '' Veertig`): one
                // token, or two apostrophes written together.
                if j == i && j + 1 < n && word(j + 1) == "''" {
                    j += 1;
                } else if j == i
                    && j + 2 < n
                    && word(j + 1) == "'"
                    && word(j + 2) == "'"
                    && tokens[j + 1].end() == tokens[j + 2].start()
                    && (j + 3 >= n || tokens[j + 2].end() < tokens[j + 3].start())
                {
                    j += 2;
                }
                if j + 1 >= n {
                    brk.set(j);
                } else {
                    let next = word(j + 1);
                    let next_first = next.chars().next().unwrap_or(' ');
                    // `,,` opens a quotation in Dutch (`jezelf. ,, Hij zei`).
                    let low_quote = next == ",,";
                    let starts_upper = low_quote
                        || next_first.is_uppercase()
                        || next_first.is_ascii_digit()
                        || matches!(next_first, '"' | '“' | '‘' | '(' | '[' | '\'' | '—' | '-' | '`' | '«' | '„');
                    let initial = w.chars().count() == 2 && w.starts_with(char::is_uppercase);
                    let ok = if is_cjk_terminal(w) {
                        true
                    } else if initial {
                        // `Albert I. Jones` continues; `you and I. Did` ends.
                        tok.is_sentence_starter(next) && next_first.is_uppercase()
                    } else if abbreviation {
                        let time = matches!(w.to_ascii_lowercase().as_str(), "a.m." | "p.m.");
                        // Tokens of the sentence so far, this one included.
                        let sent_len = i + 1 - sent_start;
                        // A bracket closed after it (`(Gruau par ex.) Ainsi`)
                        // ends what the abbreviation belonged to.
                        let bracketed = (i + 1..=j).any(|k| matches!(word(k), ")" | "]"));
                        (bracketed || !tok.is_non_final_abbreviation(w))
                            && starts_upper
                            && tok.is_sentence_starter(next)
                            && (!time || sent_len > 3)
                    } else if w.chars().all(|c| c == '.' || c == '…') && w != "." {
                        next_first.is_uppercase() && next != "I"
                    } else {
                        // `?`/`!` end a sentence even before lower case (`why? where did`);
                        // `.` does after an ordinary lower-case word (`party. they left`).
                        let lower_after_word = j == i
                            && next_first.is_lowercase()
                            && (w != "."
                                || (i > 0 && is_plain_word(word(i - 1)) && tokens[i - 1].end() == tokens[i].start()));
                        // `am 5. März`: a day number's ordinal dot before a month.
                        let ordinal_dot = w == "."
                            && j == i
                            && i > 0
                            && tokens[i - 1].end() == tokens[i].start()
                            && word(i - 1).len() <= 2
                            && word(i - 1).bytes().all(|b| b.is_ascii_digit())
                            && tok.is_month_name(next);
                        // `14.--` (a price), `St.John`: a period written
                        // between a number and a dash, or closing a known
                        // abbreviation with a word right after it.
                        let attached = j == i
                            && w == "."
                            && i > 0
                            && tokens[i - 1].end() == tokens[i].start()
                            && tokens[i].end() == tokens[i + 1].start();
                        let inside = attached
                            && ((next_first == '-' && word(i - 1).bytes().all(|b| b.is_ascii_digit()))
                                || tok.is_non_final_abbreviation(&text[tokens[i - 1].start()..tokens[i].end()]));
                        // `c. 1540`, `b. 1821`, `d. 1603`: a letter's period
                        // before a number abbreviates (circa, born, died).
                        let letter_before_number = w == "."
                            && j == i
                            && i > 0
                            && tokens[i - 1].end() == tokens[i].start()
                            && word(i - 1).len() == 1
                            && word(i - 1).bytes().all(|b| b.is_ascii_lowercase())
                            && next_first.is_ascii_digit();
                        !ordinal_dot
                            && !inside
                            && !letter_before_number
                            && (starts_upper || keep.get(j + 1) || BULLETS.contains(&next) || lower_after_word)
                    };
                    // A list number (`4.`) or punctuation alone (`(...)`) is
                    // not a sentence: it opens the next one.
                    let ok = ok && (is_cjk_terminal(w) || !not_a_sentence(text, &tokens[sent_start..=j]));
                    if ok {
                        brk.set(j);
                    }
                }
                if brk.at(j) {
                    i = j;
                }
            }
        }
        if brk.at(i) {
            sent_start = i + 1;
        }
        i += 1;
    }
}

/// Whether the straight double quote at token `q`, written after a sentence's
/// last punctuation and a space (`bête ! " Les`), closes that sentence rather
/// than opening the next. Written against the next word (`"The`) it opens;
/// between spaces it closes when the sentence so far holds an odd number of
/// straight quotes (`dit : " Je viens. " Puis`), or when no other straight
/// quote follows before the next sentence's end (an opening one is closed
/// there: `said. " The end came."`).
fn spaced_quote_closes(text: &str, tokens: &[Token], sent_start: usize, q: usize) -> bool {
    let word = |k: usize| &text[tokens[k].start()..tokens[k].end()];
    let n = tokens.len();
    if q + 1 < n && tokens[q].end() == tokens[q + 1].start() {
        return false; // `"The`: attached to the word after it
    }
    // The sentence's last 256 tokens at most: a text of unbroken `x. " x. "`
    // must not cost the square of its length.
    let from = sent_start.max(q.saturating_sub(256));
    if tokens[from..q].iter().filter(|t| &text[t.start()..t.end()] == "\"").count() % 2 == 1 {
        return true;
    }
    // Look ahead to the next sentence's end (a bounded number of tokens).
    let mut k = q + 1;
    while k < n && k <= q + 80 {
        let w = word(k);
        if w == "\"" {
            return false;
        }
        if is_terminal(w) {
            // Its closing quote, if any, is written right after it.
            return !(k + 1 < n && word(k + 1) == "\"");
        }
        k += 1;
    }
    true
}

/// Whether the tokens of a would-be sentence are a list number alone (`4.`,
/// `4` `.`) or punctuation alone (`(...)`, `...`).
fn not_a_sentence(text: &str, toks: &[Token]) -> bool {
    let first = toks[0];
    let last = toks[toks.len() - 1];
    let s = &text[first.start()..last.end()];
    if let Some(num) = s.strip_suffix('.')
        && !num.is_empty()
        && num.len() <= 3
        && num.bytes().all(|b| b.is_ascii_digit())
    {
        return true;
    }
    !super::attrs::has_alnum(s)
}

impl Scratch {
    /// Lets go of the memory that only [`split`] needs (for a huge text,
    /// before its sentences are made).
    pub(super) fn release(&mut self) {
        self.keep.release();
        self.visit.release();
    }

    /// The sentences [`split`] decided on, into `out` (replaced).
    pub(super) fn sentences(&self, tokens: &[Token], out: &mut Sentences) {
        // The last token ends the last sentence.
        let mut ends = self.brk.at.clone();
        ends.fit(tokens.len());
        *out = Sentences::from_bits(tokens.len(), ends);
    }
}

/// Ends a sentence after each semicolon token followed by a capitalised
/// word in the same sentence (languages whose `tokenize.toml` says
/// `semicolon_ends`). Nothing is copied unless a sentence splits.
pub(super) fn split_at_semicolons(text: &str, tokens: &[Token], sentences: &mut Sentences) {
    let bytes = text.as_bytes();
    let splits = |k: usize, end: usize| {
        let t = tokens[k];
        t.end() - t.start() == 1
            && bytes[t.start()] == b';'
            && k + 1 < end
            && text[tokens[k + 1].start()..].chars().next().is_some_and(char::is_uppercase)
    };
    let mut ends: Option<Bits> = None;
    for r in sentences.ranges() {
        for k in r.clone().filter(|&k| splits(k, r.end)) {
            ends.get_or_insert_with(|| Bits::with_len(tokens.len())).set(k);
        }
    }
    let Some(mut ends) = ends else {
        return;
    };
    for r in sentences.ranges() {
        ends.set(r.end - 1);
    }
    *sentences = Sentences::from_bits(tokens.len(), ends);
}

#[cfg(test)]
mod tests {
    use crate::Tokenizer;

    fn sents(text: &str) -> Vec<&str> {
        let (tokens, s) = Tokenizer::default().tokenize_with_sentences(text);
        s.iter(&tokens).map(|s| &text[s.start()..s.end()]).collect()
    }

    #[test]
    fn splits_and_keeps() {
        assert_eq!(sents("He left. She stayed."), ["He left.", "She stayed."]);
        assert_eq!(
            sents("Mr. Smith met Dr. Jones on Jan. 5 in the U.S. Embassy."),
            ["Mr. Smith met Dr. Jones on Jan. 5 in the U.S. Embassy."]
        );
        assert_eq!(sents("It grew 3.5 percent. No. 3 won."), ["It grew 3.5 percent.", "No. 3 won."]);
        assert_eq!(sents("He lives in the U.S. The rest stay."), ["He lives in the U.S.", "The rest stay."]);
        assert_eq!(sents("“Go home.” Then he left."), ["“Go home.”", "Then he left."]);
        assert_eq!(sents("a line\nAnother"), ["a line", "Another"]);
        assert_eq!(sents("a line cut\nin the middle."), ["a line cut", "in the middle."]);
        assert_eq!(sents("wait... and then"), ["wait... and then"]);
    }

    /// The tokenizer's candidates give the sentences that examining every token gives.
    #[test]
    fn candidates_suffice() {
        let mut texts: Vec<String> = vec![
            "1. First item\n2. Second item\n• bullet\n• two".into(),
            "Kay Mann 04/26/2001 07:17 AM Will you go? a) yes b) no".into(),
            "He said . . . . The end... And I. Then at 5 p.m. The U.S. Army left.\u{2028}Next\u{a0}line".into(),
            "“Go home.” Then (he left.) 'Why?' a. b. c.\r\n\r\nNew para.".into(),
        ];
        let alphabet: Vec<char> = "aZ '.,;:-—’“”\n\t\u{a0}\u{2028}é1$%@/…!?()•·7".chars().collect();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..4000 {
            let len = crate::test_rng::below(&mut seed, 64);
            texts.push((0..len).map(|_| alphabet[crate::test_rng::below(&mut seed, alphabet.len())]).collect());
        }
        for split_on_newlines in [true, false] {
            let tok = Tokenizer::new(split_on_newlines);
            for text in &texts {
                let mut buf = crate::TokenBuffers::default();
                tok.tokenize_into(text, &mut buf);
                let mut all = super::Bits::default();
                if !buf.tokens.is_empty() {
                    all.set_range(0, buf.tokens.len() - 1);
                }
                let (mut scratch, mut with_all) = (super::Scratch::default(), super::Sentences::default());
                super::split(&tok, text, &buf.tokens, &all, &mut scratch);
                scratch.sentences(&buf.tokens, &mut with_all);
                assert_eq!(buf.sentences, with_all, "{text:?}");
            }
        }
    }

    #[test]
    fn newline_option() {
        let t = Tokenizer::new(false);
        let text = "a line\nanother\n\nthird";
        let (tokens, s) = t.tokenize_with_sentences(text);
        let got: Vec<&str> = s.iter(&tokens).map(|s| &text[s.start()..s.end()]).collect();
        assert_eq!(got, ["a line\nanother", "third"]);
    }
}
