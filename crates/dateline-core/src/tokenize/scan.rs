//! The byte scanner: whitespace-separated chunks read a block or eight
//! bytes at a time, the commonest chunks (plain words, numbers) made tokens
//! at once, the others handed to the chunk rules; the byte classes and SWAR
//! tests it uses.

#[allow(clippy::wildcard_imports)]
use super::*;

impl Tokenizer {
    /// [`Self::tokenize`]; with `MARK`, also lists in `cands` the tokens the
    /// sentence splitter must examine (see [`sentences::split`]): those of
    /// chunks of several tokens that [`sentences::may_decide`], and those
    /// followed by whitespace other than spaces. A chunk that is one plain
    /// word or number never needs examining: it ends in a letter or digit,
    /// and a list marker or a message header has punctuation in its chunk.
    pub(super) fn scan<const MARK: bool>(
        &self,
        text: &str,
        tokens: &mut Vec<Token>,
        cands: &mut Bits,
        spans: &mut Vec<(usize, usize)>,
    ) {
        self.scan_with::<MARK>(text, tokens, cands, spans, true);
    }

    /// [`Self::scan`]; `blocks` reads whitespace and plain words off
    /// 64-byte class masks ([`Self::scan_block`]), otherwise every item goes
    /// through [`Self::step`] (the definition the block path must equal).
    pub(super) fn scan_with<const MARK: bool>(
        &self,
        text: &str,
        tokens: &mut Vec<Token>,
        cands: &mut Bits,
        spans: &mut Vec<(usize, usize)>,
        blocks: bool,
    ) {
        tokens.clear();
        tokens.reserve(text.len() / 4 + 16);
        cands.reset(0);
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
    pub(super) fn scan_block<const MARK: bool>(
        &self,
        text: &str,
        base: usize,
        tokens: &mut Vec<Token>,
        cands: &mut Bits,
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
                if m.break_space & gap != 0 && !tokens.is_empty() {
                    cands.set(tokens.len() - 1);
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
    pub(super) fn common_chunk(
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
    pub(super) fn other_chunk(
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
        if let Some(word_end) = self.elided_word_end(bytes, base, s, e, other) {
            // `l'organisation`, `d'été,`: one token, as the general rules
            // give it (the language rules split the elision off).
            out.push((start, pos(word_end)));
            if word_end < e {
                out.push((pos(word_end), end));
            }
            return true;
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
        // ASCII letters and two-byte Latin letters: U+00C0–U+017F but `×` and
        // `÷`; maybe one `,` `;` `:` or `.` (not an abbreviation's) after them.
        // (ASCII letters with a mark came here only as a fused form, `dont,`.)
        let mark = matches!(at(e - 1), b',' | b';' | b':' | b'.') && e - s >= 2;
        let word_end = e - u32::from(mark);
        let rest = other & blocks::range(s, word_end);
        if mark && rest == 0 {
            return false;
        }
        if !latin_pairs(&bytes[base..], rest, word_end) {
            return false;
        }
        if mark {
            if at(e - 1) == b'.' && self.is_abbreviation(&text[start..end]) {
                return false;
            }
            out.extend([(start, pos(word_end)), (pos(word_end), end)]);
            return true;
        }
        out.push((start, end));
        true
    }

    /// In a language with elisions, the end of the word of a chunk that is
    /// an elision, a straight apostrophe, then letters (ASCII or two-byte
    /// Latin): `l'été`, or `d'Arrêt,` with one of `,` `;` `:` `)` after it.
    /// `other`: the chunk's bytes that are not ASCII letters.
    #[inline]
    fn elided_word_end(&self, bytes: &[u8], base: usize, s: u32, e: u32, other: u64) -> Option<u32> {
        let elisions = &self.lex().elisions;
        if elisions.is_empty() || other == 0 || e - s < 3 {
            return None;
        }
        let at = |p: u32| bytes[base + p as usize];
        let p = other.trailing_zeros();
        if p == s
            || at(p) != b'\''
            || !elisions
                .iter()
                .any(|x| x.as_bytes().eq_ignore_ascii_case(&bytes[base + s as usize..=base + p as usize]))
        {
            return None;
        }
        let end = if matches!(at(e - 1), b',' | b';' | b':' | b')') { e - 1 } else { e };
        if end <= p + 1 || !latin_pairs(&bytes[base..], other & blocks::range(p + 1, end), end) {
            return None;
        }
        let word = std::str::from_utf8(&bytes[base + s as usize..base + end as usize]).ok()?;
        clitic_len(word).is_none().then_some(end)
    }

    /// `long-term` (`bytes[start..end]`, hyphen at `h`): two words of ASCII
    /// letters and a hyphen into `out`, split unless the first word is a
    /// prefix that keeps its hyphen (`e-mail`); false if it is not that.
    pub(super) fn hyphen_compound(
        &self,
        bytes: &[u8],
        start: usize,
        h: usize,
        end: usize,
        out: &mut Vec<(usize, usize)>,
    ) -> bool {
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
    pub(super) fn split_clitic(&self, text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) -> bool {
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
    pub(super) fn step<const MARK: bool>(
        &self,
        text: &str,
        mut i: usize,
        tokens: &mut Vec<Token>,
        cands: &mut Bits,
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
            if MARK && b != b' ' && !tokens.is_empty() {
                cands.set(tokens.len() - 1);
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
}

/// Whether every byte marked in `rest` (block positions, `block[p]` the
/// byte at `p`) leads a two-byte Latin letter (U+00C0–U+017F but `×` and
/// `÷`) whose second byte is before `end`, that byte being marked too.
fn latin_pairs(block: &[u8], mut rest: u64, end: u32) -> bool {
    while rest != 0 {
        let p = rest.trailing_zeros();
        if p + 1 >= end {
            return false;
        }
        let (lead, cont) = (block[p as usize], block[p as usize + 1]);
        let letter = (0x80..=0xBF).contains(&cont)
            && (matches!(lead, 0xC4 | 0xC5) || (lead == 0xC3 && cont != 0x97 && cont != 0xB7));
        if !letter {
            return false;
        }
        rest &= !(3u64 << p);
    }
    true
}

/// Appends the tokens `spans` of one chunk (then clears `spans`). A chunk
/// ends at whitespace or at the end of the text: only its last token can
/// have space after it. With `MARK`, lists those of them the sentence
/// splitter must examine ([`sentences::may_decide`]).
#[inline(always)]
pub(super) fn emit<const MARK: bool>(
    bytes: &[u8],
    spans: &mut Vec<(usize, usize)>,
    tokens: &mut Vec<Token>,
    cands: &mut Bits,
) {
    if let Some((&(start, end), rest)) = spans.split_last() {
        if MARK {
            for (k, &(start, end)) in spans.iter().enumerate() {
                if sentences::may_decide(bytes, Token::new(start, end, false)) {
                    cands.set(tokens.len() + k);
                }
            }
        }
        tokens.extend(rest.iter().map(|&(start, end)| Token::new(start, end, false)));
        tokens.push(Token::new(start, end, end < bytes.len()));
    }
    spans.clear();
}
