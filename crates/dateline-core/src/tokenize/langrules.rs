//! What a language adds after the scan: ordinal dots (`5.` in German),
//! elisions and clitics (`l'`, `dell'`), hyphenated words kept whole, and
//! cuts in text written without spaces (Chinese, Japanese).

#[allow(clippy::wildcard_imports)]
use super::*;

impl Tokenizer {
    /// `5` `.` → `5.` where a number of one to three digits and its period
    /// are an ordinal: the next token is on the same line and is no word
    /// that starts a sentence (`am 5. März`, `im 6. Stock`; not `am 5. Dann`).
    pub(super) fn join_ordinal_dots(&self, text: &str, tokens: &mut Vec<Token>) {
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
    /// `Allemagne`). Whether there were rules to apply.
    pub(super) fn language_rules(&self, text: &str, tokens: &mut Vec<Token>) -> bool {
        let lex = self.lex();
        if lex.english_clitics
            && lex.elisions.is_empty()
            && !lex.keep_hyphens
            && !lex.number_hyphens
            && !lex.ordinal_dot
        {
            return false;
        }
        if lex.ordinal_dot {
            self.join_ordinal_dots(text, tokens);
        }
        if (lex.keep_hyphens || lex.number_hyphens)
            && tokens.iter().any(|t| t.end() - t.start() <= 3 && text[t.start()..t.end()] == *"-")
        {
            let kinds = (lex.keep_hyphens, lex.number_hyphens);
            join_hyphenated(text, tokens, &lex.hyphen_suffixes, kinds, |w| lex.flags(w) & lexicon::MONTH != 0);
        }
        self.token_rules(text, tokens, true);
        // The sentence candidates are made again after the rules of any
        // language that has some, whether or not a token moved.
        true
    }

    /// One pass of [`Self::token_rule`] over the tokens: each token is split
    /// (`!!`, an elision) or joined to the last one kept (a clitic, `''`),
    /// or kept. With `shortcut`, a token the rules cannot touch is kept
    /// without trying them (the tests compare it with trying every token).
    /// Whether a token was split or joined.
    pub(super) fn token_rules(&self, text: &str, tokens: &mut Vec<Token>, shortcut: bool) -> bool {
        let bytes = text.as_bytes();
        let mut changed = false;
        let mut out: Vec<Token> = Vec::with_capacity(tokens.len() + 8);
        for &t in tokens.iter() {
            // Most tokens: none of the bytes a rule looks for, and not written
            // against the token before (every rule that joins needs that).
            if shortcut
                && out.last().is_none_or(|l| l.end() != t.start())
                && !bytes[t.start()..t.end()].iter().any(|&b| RULE_BYTES[usize::from(b)])
            {
                out.push(t);
                continue;
            }
            if self.token_rule(text, t, &mut out) {
                changed = true;
            } else {
                out.push(t);
            }
        }
        if changed {
            *tokens = out;
        }
        changed
    }

    /// The rules of [`Self::language_rules`] for token `t`, after the
    /// tokens kept so far (`out`): whether it split or joined it (pushing
    /// what it made), or left it for the caller to keep.
    fn token_rule(&self, text: &str, t: Token, out: &mut Vec<Token>) -> bool {
        let lex = self.lex();
        let bytes = text.as_bytes();
        let bang =
            |t: &Token| t.end() - t.start() > 1 && bytes[t.start()..t.end()].iter().all(|&b| b == b'!' || b == b'?');
        let undo = !lex.english_clitics;
        let elide = !lex.elisions.is_empty();
        {
            if undo && bang(&t) {
                for i in t.start()..t.end() {
                    out.push(Token::new(i, i + 1, i + 1 == t.end() && t.space_after()));
                }
                return true;
            }
            // `gravel:,,Dat`: the Dutch opening quote `,,` glued to words is a
            // token of its own, and so is the punctuation beside it.
            // Two commas in a row, tested on the bytes: `str::contains` with a
            // string pattern sets up a substring searcher for every token.
            if undo && t.end() - t.start() > 2 && bytes[t.start()..t.end()].windows(2).any(|w| w == b",,") {
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
                return true;
            }
            // `km²`: a superscript unit power is a token of its own (UD).
            if undo
                && t.end() - t.start() > 2
                && matches!(bytes[t.start()..t.end()], [.., 0xC2, 0xB2 | 0xB3]) // `²` or `³`
                && text[t.start()..t.end() - 2].chars().all(char::is_alphabetic)
            {
                out.push(Token::new(t.start(), t.end() - 2, false));
                out.push(Token::new(t.end() - 2, t.end(), t.space_after()));
                return true;
            }
            // `po'`, `E'`: a short word cut short keeps its apostrophe
            // (languages with elisions), where a space or the end follows,
            // unless an apostrophe just before it opens a quotation (`'ABDR'`).
            if elide
                && text[t.start()..t.end()] == *"'"
                && (t.end() == text.len() || text[t.end()..].starts_with(char::is_whitespace))
                && !out.last().is_some_and(|l| text[..l.start()].ends_with(['\'', '’']))
                && let Some(last) = out.last_mut()
                && last.end() == t.start()
                && (1..=4).contains(&text[last.start()..last.end()].chars().count())
                && text[last.start()..last.end()].chars().all(char::is_alphabetic)
            {
                *last = Token::new(last.start(), t.end(), t.space_after());
                return true;
            }
            // `dell'art.`: the word after an elision and its period are an
            // abbreviation that never ends a sentence (`art.`).
            if elide
                && text[t.start()..t.end()] == *"."
                && out.len() >= 2
                && out[out.len() - 2].end() == out[out.len() - 1].start()
                && text[..out[out.len() - 1].start()].ends_with(['\'', '’'])
                && let Some(last) = out.last_mut()
                && last.end() == t.start()
                && lex.flags(&text[last.start()..t.end()]) & lexicon::NON_FINAL != 0
            {
                *last = Token::new(last.start(), t.end(), t.space_after());
                return true;
            }
            // `l` `'` `"orto"`: an elided word before a quotation mark
            // keeps its apostrophe (`l'`).
            if elide
                && matches!(&text[t.start()..t.end()], "'" | "’")
                && t.end() < text.len()
                && !text[t.end()..].starts_with(char::is_whitespace)
                && let Some(last) = out.last_mut()
                && last.end() == t.start()
                && lex.elisions.contains(&format!("{}'", text[last.start()..last.end()].to_lowercase()))
            {
                *last = Token::new(last.start(), t.end(), false);
                return true;
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
                return true;
            }
            if undo
                && let Some(last) = out.last_mut()
                && last.end() == t.start()
            {
                let (x, y) = (&text[last.start()..last.end()], &text[t.start()..t.end()]);
                let quotes = matches!((x, y), ("'", "'") | ("`", "`") | (",", ","));
                // `Nella` `'s` (Italian, as UD writes English names).
                let possessive = lex.possessive_s
                    && matches!(y, "'s" | "’s")
                    && x.chars().all(char::is_alphabetic)
                    && (t.end() == text.len() || !text[t.end()..].starts_with(char::is_alphanumeric));
                // A clitic split starts with an apostrophe (`'s`, `n't`) or is
                // letters (`m` of `im`, `nt` of `dont`).
                let may =
                    matches!(y.as_bytes()[0], b'\'' | 0xE2 | b'n' | b'N') || y.bytes().all(|b| b.is_ascii_alphabetic());
                if quotes || (may && !possessive && clitic_len(&text[last.start()..t.end()]) == Some(y.len())) {
                    *last = Token::new(last.start(), t.end(), t.space_after());
                    return true;
                }
            }
            if elide && bytes[t.start()..t.end()].iter().any(|&b| b == b'\'' || b == 0xE2) {
                let w = &text[t.start()..t.end()];
                let cut = w.char_indices().find(|&(_, c)| is_apostrophe(c)).map(|(i, c)| i + c.len_utf8());
                let split = cut.filter(|&c| {
                    c < w.len()
                        && w[c..].chars().next().is_some_and(|n| n.is_alphanumeric() || OPENING_QUOTES.contains(n))
                        && is_elision(&lex.elisions, &w[..c])
                });
                if let Some(c) = split {
                    out.push(Token::new(t.start(), t.start() + c, false));
                    // `l'«idea`: the opening quotation marks are tokens of their own.
                    let mut at = t.start() + c;
                    while let Some(q) = text[at..t.end()].chars().next().filter(|&q| OPENING_QUOTES.contains(q)) {
                        let end = at + q.len_utf8();
                        out.push(Token::new(at, end, end == t.end() && t.space_after()));
                        at = end;
                    }
                    if at < t.end() {
                        out.push(Token::new(at, t.end(), t.space_after()));
                    }
                    return true;
                }
            }
        }
        false
    }
}

/// Whether `head`, a word and the apostrophe after it (straight or curly),
/// is one of `elisions` (lower case, straight apostrophe): compared without
/// allocating when the word is ASCII.
pub(super) fn is_elision(elisions: &[String], head: &str) -> bool {
    match head.strip_suffix('\'').or_else(|| head.strip_suffix('’')) {
        Some(word) if word.is_ascii() => elisions.iter().any(|x| {
            x.len() == word.len() + 1
                && x.ends_with('\'')
                && x.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        }),
        _ => elisions.contains(&head.replace('’', "'").to_lowercase()),
    }
}

/// The bytes some rule of [`Tokenizer::token_rule`] looks for in a token
/// not written against the one before: `!` `?` (`!!`), `,` (`,,`), 0xC2
/// (`²`), `.`, the apostrophes (`'`, 0xE2 of `’`).
const RULE_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let bytes = [b'!', b'?', b',', 0xC2, b'.', b'\'', 0xE2];
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// Quotation marks that open a quotation, which the scan may leave glued
/// to an elided word before them (`l'«idea»`).
const OPENING_QUOTES: &str = "«“‘„‹";

/// The script class of a character for [`split_cjk`]: 0 other, 1 Han, 2
/// Hiragana, 3 Katakana, 4 CJK punctuation (a token each).
pub(super) fn cjk_class(c: char) -> u8 {
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
pub(super) fn split_cjk(text: &str, tokens: &mut Vec<Token>) -> bool {
    // Han, kana and CJK punctuation are three-byte characters led by 0xE3–0xE9
    // or 0xEF. Where those are: blocks of 64 bytes are first tested for a
    // byte of 0xE3 or more (a maximum, which the compiler vectorises), since
    // most texts have none; the rare ones are then decoded and classed.
    let bytes = text.as_bytes();
    let mut cjk: Vec<usize> = Vec::new();
    for (n, block) in bytes.chunks(64).enumerate() {
        if block.iter().copied().max().unwrap_or(0) < 0xE3 {
            continue;
        }
        for (k, &b) in block.iter().enumerate() {
            let at = n * 64 + k;
            if ((0xE3..=0xE9).contains(&b) || b == 0xEF) && text[at..].chars().next().is_some_and(|c| cjk_class(c) != 0)
            {
                cjk.push(at);
            }
        }
    }
    if cjk.is_empty() {
        return false;
    }
    // The tokens with a CJK character: the one holding each of those
    // positions, if any (tokens and positions are both in text order).
    let mut marked: Vec<usize> = Vec::new();
    for &at in &cjk {
        let k = tokens.partition_point(|t| t.end() <= at);
        if tokens.get(k).is_some_and(|t| t.start() <= at) && marked.last() != Some(&k) {
            marked.push(k);
        }
    }
    if marked.is_empty() {
        return false;
    }
    let mut out = Vec::with_capacity(tokens.len() * 2);
    let mut kept = 0;
    for &k in &marked {
        out.extend_from_slice(&tokens[kept..k]);
        kept = k + 1;
        let t = tokens[k];
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
    out.extend_from_slice(&tokens[kept..]);
    *tokens = out;
    true
}

/// Joins words written with hyphens into one token: with `letters`, where a
/// letter follows the hyphen (`Saint-Pétersbourg`, `24-jarige`), less the
/// `suffixes` that stay tokens (`-il`) and month names (`março-abril`);
/// with `numbers`, where a digit follows it (`1929-89`, `6-2`, `G-3`), a
/// token marked [`Token::with_parts`] so that the date tagger still reads
/// `1929` `-` `89`.
pub(super) fn join_hyphenated(
    text: &str,
    tokens: &mut Vec<Token>,
    suffixes: &[String],
    (letters, numbers): (bool, bool),
    month: impl Fn(&str) -> bool,
) {
    let word_end = |t: &Token| text[t.start()..t.end()].chars().next_back().is_some_and(char::is_alphanumeric);
    // In place: `w` tokens kept so far, never more than those read (`k`).
    let mut w = 0;
    let mut k = 0;
    while k < tokens.len() {
        let t = tokens[k];
        // The hyphen first: the one test that fails for almost every token.
        let hyphen = k + 2 < tokens.len() && {
            let h = &text.as_bytes()[tokens[k + 1].start()..tokens[k + 1].end()];
            h == b"-" || h == "‐".as_bytes()
        };
        let after = hyphen.then(|| text[tokens[k + 2].start()..].chars().next()).flatten();
        let digit = after.is_some_and(|c| c.is_ascii_digit());
        let joins = hyphen
            && ((letters && after.is_some_and(char::is_alphabetic)) || (numbers && digit))
            && t.end() == tokens[k + 1].start()
            && tokens[k + 1].end() == tokens[k + 2].start()
            && word_end(&t)
            && !month(&text[t.start()..t.end()])
            && !month(&text[tokens[k + 2].start()..tokens[k + 2].end()]);
        if joins {
            let (h, b) = (tokens[k + 1], tokens[k + 2]);
            let suffix = format!("-{}", text[b.start()..b.end()].to_lowercase());
            if !digit && suffixes.contains(&suffix) {
                tokens[w] = t;
                tokens[w + 1] = Token::new(h.start(), b.end(), b.space_after());
                w += 2;
                k += 3;
                continue;
            }
            // The word goes on: join into the next token and look again.
            tokens[k + 2] = if digit || t.has_parts() || b.has_parts() {
                Token::with_parts(t.start(), b.end(), b.space_after())
            } else {
                Token::new(t.start(), b.end(), b.space_after())
            };
            k += 2;
            continue;
        }
        tokens[w] = t;
        w += 1;
        k += 1;
    }
    tokens.truncate(w);
}
