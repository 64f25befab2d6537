//! Byte tests for the scanner: the class of every byte, eight bytes at a
//! time (SWAR), and the shapes of words that may be fused forms (`dont`).

#[allow(clippy::wildcard_imports)]
use super::*;

/// Byte classes of the tokenizer's scan: ASCII whitespace, lower- and
/// upper-case ASCII letters, digits, other ASCII, and bytes of non-ASCII
/// characters (whose whitespace is checked by decoding).
pub(super) const SPACE: u8 = 0;

pub(super) const LOWER: u8 = 1;

pub(super) const UPPER: u8 = 2;

pub(super) const DIGIT: u8 = 4;

pub(super) const OTHER: u8 = 8;

pub(super) const HIGH: u8 = 16;

pub(super) static CLASS: [u8; 256] = {
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
pub(super) fn load8(bytes: &[u8], i: usize) -> u64 {
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
pub(super) mod swar {
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

/// Whether a chunk with byte classes `mask` is one token as it stands:
/// digits, or ASCII letters that cannot be a fused form (`dont`).
pub(super) fn is_plain(mask: u8, w: &[u8]) -> bool {
    mask == DIGIT || (mask & !(LOWER | UPPER) == 0 && !may_be_fused(w))
}

/// Closing punctuation split off a word or number one mark at a time (`war,''`, `thing."`, `11)`).
pub(super) fn is_closer(b: u8) -> bool {
    matches!(b, b'"' | b')' | b']' | b'\'' | b',' | b';' | b':')
}

/// Where the run of closing punctuation that ends `w` starts.
pub(super) fn closers_start(w: &[u8]) -> usize {
    w.len() - w.iter().rev().take_while(|&&b| is_closer(b)).count()
}

/// ASCII letters that stay one word (not a fused form such as `dont`).
pub(super) fn letters_word(b: &[u8]) -> bool {
    b.iter().all(u8::is_ascii_alphabetic) && not_fused(b)
}

/// Whether the ASCII letters `b` are not a fused form that splits (`dont`):
/// most words are ruled out by their length and last two letters.
#[inline(always)]
pub(super) fn not_fused(b: &[u8]) -> bool {
    !may_be_fused(b) || std::str::from_utf8(b).is_ok_and(|x| clitic_len(x).is_none())
}

/// Digits with single `,` `.` `:` separators between them (`1,000`, `3.5`, `10:30`).
pub(super) fn is_number(b: &[u8]) -> bool {
    b.first().is_some_and(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.windows(2).all(|p| p[0].is_ascii_digit() || (matches!(p[0], b',' | b'.' | b':') && p[1].is_ascii_digit()))
}

/// Whether the ASCII letters `b` may be a fused form that splits (`dont`,
/// `cannot`, `gonna`): every one has two to eight letters and ends in one of
/// these letter pairs.
#[inline(always)]
pub(super) fn may_be_fused(b: &[u8]) -> bool {
    !b.is_empty() && fused_at(b, 0, b.len())
}

/// [`may_be_fused`] for the non-empty word `bytes[start..end]`, without a
/// branch (the outcome differs from word to word): a one-letter word reads
/// the byte before it, and fails the length test whatever that byte is.
#[inline(always)]
pub(super) fn fused_at(bytes: &[u8], start: usize, end: usize) -> bool {
    (end - start >= 2) & (end - start <= 8) & ends_like_fused(bytes[end.saturating_sub(2)], bytes[end - 1])
}

/// Whether the ASCII letters `a` `b` (any case) end some fused form: one
/// table lookup and a bit test, no branch.
#[inline(always)]
pub(super) fn ends_like_fused(a: u8, b: u8) -> bool {
    FUSED_PAIRS[usize::from(a & 31)] >> (b & 31) & 1 == 1
}

/// The last two letters of every fused form (`dont`, `gonna`, `cannot`, `gimme`…).
pub(super) const FUSED_ENDINGS: [[u8; 2]; 7] = [*b"nt", *b"ot", *b"ts", *b"na", *b"ta", *b"ve", *b"im"];

/// [`FUSED_ENDINGS`] by letter (`& 31`, so either case): for each first
/// letter, a bit per second letter.
pub(super) static FUSED_PAIRS: [u32; 32] = {
    let mut t = [0u32; 32];
    let mut k = 0;
    while k < FUSED_ENDINGS.len() {
        let [a, b] = FUSED_ENDINGS[k];
        t[(a & 31) as usize] |= 1 << (b & 31);
        k += 1;
    }
    t
};
