//! The rules that split one whitespace-separated chunk into tokens:
//! opening and closing punctuation, abbreviations, clitics, numbers, URLs,
//! and the fast paths for the common shapes of running text.

#[allow(clippy::wildcard_imports)]
use super::*;

impl Tokenizer {
    /// The common chunks of running text (`word`, `1989`, `said,`, `year.`)
    /// without the general rules; anything else goes to [`Self::chunk`].
    pub(super) fn chunk_fast(&self, text: &str, s: usize, e: usize, mask: u8, out: &mut Vec<(usize, usize)>) {
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
    pub(super) fn keeps_abbreviation(&self, text: &str, s: usize, core_end: usize, e: usize) -> bool {
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
    pub(super) fn is_prefix(&self, w: &[u8]) -> bool {
        std::str::from_utf8(w).is_ok_and(|w| self.lex().flags(w) & PREFIX != 0)
    }

    /// Whether the letters-and-period word `w` may keep its period as an
    /// abbreviation (a cheap superset of [`Self::is_abbreviation`]'s test).
    pub(super) fn may_be_abbreviation(&self, w: &str) -> bool {
        w.len() <= 2 || self.lex().flags(w) & (NON_FINAL | FINAL) != 0 || self.is_user_abbreviation(w)
    }

    /// Tokenizes one whitespace-free chunk `text[s..e]`, peeling punctuation
    /// from both ends and splitting the core.
    pub(super) fn chunk(&self, text: &str, mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
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
    pub(super) fn prefix_len(&self, w: &str) -> Option<usize> {
        let mut chars = w.chars();
        let c = chars.next()?;
        let next = chars.next();
        next?;
        if c == '.' || c == '-' {
            let run = w.bytes().take_while(|&b| b == c as u8).count();
            if run >= 2 {
                return Some(run);
            }
            // `-5` is a number, `-2:30` the end of a range of clock times.
            if c == '-' && (!next.is_some_and(|n| n.is_ascii_digit()) || starts_with_clock(&w[1..])) {
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
    pub(super) fn suffix_len(&self, w: &str) -> Option<usize> {
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
    pub(super) fn core(&self, text: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
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
        // `ago,they`, `2019,the`: a comma written without the space after it
        // (numbers such as `1,000` and `3,5` keep theirs).
        if let Some(p) = glued_comma(w) {
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
/// a capitalised word, or before a one-letter word that ends the chunk after
/// three lower-case letters (`antigo.O`, Portuguese; not `Ph.D`).
pub(super) fn glued_period(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    (1..b.len().saturating_sub(1)).find(|&p| {
        b[p] == b'.'
            && (b[p - 1].is_ascii_lowercase() || b[p - 1].is_ascii_digit())
            && b[p + 1].is_ascii_uppercase()
            && match b.get(p + 2) {
                Some(c) => c.is_ascii_lowercase(),
                None => p >= 3 && b[p - 3..p].iter().all(u8::is_ascii_lowercase),
            }
    })
}

/// Whether `w` starts with a clock time (`2:30`, `11:05`) not followed by a digit.
fn starts_with_clock(w: &str) -> bool {
    let b = w.as_bytes();
    let h = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&h)
        && b.get(h) == Some(&b':')
        && b.get(h + 1..h + 3).is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        && !b.get(h + 3).is_some_and(u8::is_ascii_digit)
}

/// The byte index of a comma between two letters, or a letter and a digit
/// (`ago,they`, `2019,the`, `citizen,21`); not between two digits.
fn glued_comma(w: &str) -> Option<usize> {
    w.char_indices().skip(1).find_map(|(p, c)| {
        if c != ',' {
            return None;
        }
        let before = w[..p].chars().next_back()?;
        let after = w[p + 1..].chars().next()?;
        let digits = before.is_ascii_digit() && after.is_ascii_digit();
        (before.is_alphanumeric() && after.is_alphanumeric() && !digits).then_some(p)
    })
}

/// Contractions written without an apostrophe and the length of their second
/// part (UD: `dont` → `do` `nt`, `cannot` → `can` `not`, `im` → `i` `m`),
/// sorted by length (2 | 3 | 4 ×4 | 5 ×11 | 6 ×4 | 7–8 ×3) as `clitic_len` slices it.
#[rustfmt::skip]
pub(super) const FUSED: &[(&str, usize)] = &[
    ("im", 1),
    ("ive", 2),
    ("dont", 2), ("cant", 2), ("isnt", 2), ("aint", 2),
    ("gonna", 2), ("wanna", 2), ("gotta", 2), ("outta", 2), ("didnt", 2), ("wasnt", 2), ("arent", 2), ("hasnt", 2),
    ("hadnt", 2), ("thats", 1), ("whats", 1),
    ("cannot", 3), ("doesnt", 2), ("werent", 2), ("havent", 2),
    ("couldnt", 2), ("wouldnt", 2), ("shouldnt", 2),
];

/// Whether `w` ends with `suffix`, ASCII letters compared without case.
pub(super) fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.is_char_boundary(w.len() - suffix.len())
        && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The byte index of the first two consecutive `c` bytes in `w` (`..`, `--`).
pub(super) fn find_pair(w: &str, c: u8) -> Option<usize> {
    w.as_bytes().windows(2).position(|p| p[0] == c && p[1] == c)
}

/// Byte length of a clitic at the end of `w` that should be its own token.
pub(super) fn clitic_len(w: &str) -> Option<usize> {
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

pub(super) fn am_pm_suffix(w: &str) -> Option<usize> {
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
