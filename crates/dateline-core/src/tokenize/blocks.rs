//! Byte classes of 64 bytes at once, as bit masks (bit `k` for byte `k`):
//! the tokenizer's scan reads whitespace runs and plain words off them
//! instead of testing bytes one by one.

/// The classes of one 64-byte block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Masks {
    /// ASCII whitespace: the bytes the tokenizer's class table calls space.
    pub space: u64,
    /// ASCII whitespace other than `' '` (line breaks, tabs…): what a
    /// sentence splitter must look at.
    pub break_space: u64,
    /// ASCII letters.
    pub alpha: u64,
    /// ASCII digits.
    pub digit: u64,
}

impl Masks {
    /// Whether bits `s..e` (non-empty, within the block) are all ASCII digits.
    #[inline(always)]
    pub fn digits(&self, s: u32, e: u32) -> bool {
        s < e && self.digit & range(s, e) == range(s, e)
    }

    /// Whether bits `s..e` (non-empty, within the block) are all ASCII letters.
    #[inline(always)]
    pub fn letters(&self, s: u32, e: u32) -> bool {
        s < e && self.alpha & range(s, e) == range(s, e)
    }
}

/// Classes of the bytes of `b`, two instructions per byte class per 16 bytes
/// with SSE2 (always present on x86-64).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(super) fn classify(b: &[u8; 64]) -> Masks {
    use safe_arch::{
        cmp_eq_mask_i8_m128i as eq, cmp_gt_mask_i8_m128i as gt, cmp_lt_mask_i8_m128i as lt, load_unaligned_m128i,
        move_mask_i8_m128i as bits, set_splat_i8_m128i as splat,
    };
    let mut m = Masks { space: 0, break_space: 0, alpha: 0, digit: 0 };
    for (k, chunk) in b.chunks_exact(16).enumerate() {
        let Ok(chunk) = <&[u8; 16]>::try_from(chunk) else { continue };
        let v = load_unaligned_m128i(chunk);
        // Signed compares: bytes ≥ 0x80 are negative and fail every range below.
        let breaks = (gt(v, splat(0x08)) & lt(v, splat(0x0e))) | (gt(v, splat(0x1b)) & lt(v, splat(0x20)));
        let folded = v | splat(0x20);
        let alpha = gt(folded, splat(0x60)) & lt(folded, splat(0x7b));
        let digit = gt(v, splat(0x2f)) & lt(v, splat(0x3a));
        let word = |x| u64::from(bits(x) as u16) << (16 * k);
        m.space |= word(breaks | eq(v, splat(0x20)));
        m.break_space |= word(breaks);
        m.alpha |= word(alpha);
        m.digit |= word(digit);
    }
    m
}

/// Classes of the bytes of `b`, one byte at a time.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
#[inline(always)]
pub(super) fn classify(b: &[u8; 64]) -> Masks {
    classify_bytes(b)
}

/// The byte-at-a-time definition of [`classify`].
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn classify_bytes(b: &[u8; 64]) -> Masks {
    let mut m = Masks { space: 0, break_space: 0, alpha: 0, digit: 0 };
    for (k, &x) in b.iter().enumerate() {
        let is_break = matches!(x, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1c..=0x1f);
        m.space |= u64::from(is_break || x == b' ') << k;
        m.break_space |= u64::from(is_break) << k;
        m.alpha |= u64::from(x.is_ascii_alphabetic()) << k;
        m.digit |= u64::from(x.is_ascii_digit()) << k;
    }
    m
}

/// Bits `s..e` set (`s` < `e` ≤ 64).
#[inline(always)]
pub(super) fn range(s: u32, e: u32) -> u64 {
    (u64::MAX >> (64 - (e - s))) << s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every position, among neighbours of every kind,
    /// gets the classes of the byte-at-a-time definition and of the
    /// tokenizer's class table.
    #[test]
    fn classify_matches_byte_tests() {
        for b in 0..=255u8 {
            for fill in [0u8, b' ', b'\n', b'a', b'0', 0x7f, 0x80, 0xff] {
                let mut block = [fill; 64];
                for pos in [0, 1, 15, 16, 17, 31, 32, 47, 48, 63] {
                    block[pos] = b;
                }
                let m = classify(&block);
                assert_eq!(m, classify_bytes(&block), "{b:#x} among {fill:#x}");
                let bit = |mask: u64| mask >> 17 & 1 == 1;
                assert_eq!(bit(m.space), b < 0x80 && super::super::CLASS[usize::from(b)] == super::super::SPACE);
                assert_eq!(bit(m.break_space), bit(m.space) && b != b' ');
                assert_eq!(bit(m.alpha), b.is_ascii_alphabetic());
                assert_eq!(bit(m.digit), b.is_ascii_digit());
            }
        }
        assert_eq!(range(0, 64), u64::MAX);
        assert_eq!(range(3, 5), 0b11000);
        assert_eq!(range(63, 64), 1 << 63);
    }
}
