//! [`ShortIds`]: the ids of the vocabulary's words of up to seven bytes, by
//! their [`short_key`](super::vocab::short_key), in an open-addressing table.
//! Most tokens are that short and the lookup of every token's id is a good
//! part of a document's scan: a multiply and a probe or two here, where a
//! general hash map took several times that.

/// A slot with no word: no key has it (a key's top byte is its length, at
/// most seven).
const EMPTY: u64 = u64::MAX;

/// The ids of words by their short key, in a table of twice or more as many
/// slots as words (so that a probe rarely goes past the first slot).
#[derive(Debug)]
pub(super) struct ShortIds {
    /// (key, id), [`EMPTY`] where no word is.
    slots: Box<[(u64, u32)]>,
    /// 64 minus the log2 of the number of slots: what the hash is shifted by.
    shift: u32,
}

impl Default for ShortIds {
    fn default() -> Self {
        Self::new(std::iter::empty())
    }
}

impl ShortIds {
    pub(super) fn new(words: impl Iterator<Item = (u64, u32)>) -> Self {
        let words: Vec<(u64, u32)> = words.collect();
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut t = Self { slots: vec![(EMPTY, 0); size].into_boxed_slice(), shift: 64 - size.trailing_zeros() };
        let mask = size - 1;
        for (k, id) in words {
            let mut i = t.slot(k);
            while t.slots[i].0 != EMPTY && t.slots[i].0 != k {
                i = (i + 1) & mask;
            }
            t.slots[i] = (k, id);
        }
        t
    }

    /// The first slot a key is looked for in.
    #[inline(always)]
    fn slot(&self, k: u64) -> usize {
        // Fibonacci hashing: the top bits of the product mix every byte.
        (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The id of the word of key `k`, if the grammar knows it.
    #[inline]
    pub(super) fn get(&self, k: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        loop {
            let (key, id) = self.slots[i];
            if key == k {
                return Some(id);
            }
            if key == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The lower-case short key of a word of `len` (at most seven) ASCII bytes,
/// given as the little-endian number `x` of its bytes (the bytes past `len`
/// are ignored); `None` if a byte is not ASCII. Eight bytes at once: each
/// upper-case letter gets its `0x20` bit.
#[inline]
pub(super) fn ascii_lower_key(x: u64, len: usize) -> Option<u64> {
    debug_assert!(len <= 7);
    let x = x & ((1u64 << (8 * len)) - 1);
    if x & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    // Each byte's high bit: set from `A` on, and from `[` on (no byte is
    // over 0x7f, so no sum carries into the next byte).
    let from_a = x + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = x + 0x2525_2525_2525_2525;
    let upper = from_a & !past_z & 0x8080_8080_8080_8080;
    Some((x | upper >> 2) | (len as u64) << 56)
}

#[cfg(test)]
mod tests {
    use super::{ShortIds, ascii_lower_key};
    use crate::dates::grammar::vocab::short_key;

    /// The key of eight bytes at once is the key of the plain loop, for
    /// every byte in every position.
    #[test]
    fn the_key_of_eight_bytes_at_once_is_the_plain_key() {
        for len in 0..=7usize {
            for byte in 0u8..=255 {
                for at in 0..len.max(1) {
                    let mut b = *b"AbZz@[`{";
                    if at < len {
                        b[at] = byte;
                    }
                    let x = u64::from_le_bytes(b);
                    let want = b[..len].is_ascii().then(|| short_key(&b[..len], true)).flatten();
                    assert_eq!(ascii_lower_key(x, len), want, "{:?}", &b[..len]);
                }
            }
        }
    }

    #[test]
    fn every_word_is_found_and_no_other() {
        let keys: Vec<u64> =
            (0..1000u64).map(|k| k.wrapping_mul(0x1234_5678_9abc) & ((1 << 56) - 1) | 3 << 56).collect();
        let t = ShortIds::new(keys.iter().enumerate().map(|(i, &k)| (k, i as u32)));
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(t.get(k), Some(i as u32));
            assert_eq!(t.get(k ^ 1 << 56), None);
        }
        assert_eq!(ShortIds::default().get(0), None);
    }

    /// A token read from a text, with eight bytes or more from its start
    /// or fewer, has the id of its lookup alone.
    #[test]
    fn a_token_read_from_a_text_has_the_id_of_its_lookup() {
        let g = crate::dates::english().expect("the English grammar");
        let mut tokens: Vec<String> = Vec::new();
        for w in g.vocab.keys() {
            tokens.extend([w.to_string(), w.to_uppercase(), format!("{w}x"), w.chars().skip(1).collect()]);
        }
        tokens.extend(["", "É", "Mär", "1990s", "mid-", "Oct.", "\0a", "ab\u{e9}"].map(String::from));
        for t in &tokens {
            let text = format!("{t}Zz9. more");
            assert_eq!(g.token_id_at(&text, 0, t.len()), g.token_id(t), "{t:?} in {text:?}");
            let text = format!("x{t}");
            assert_eq!(g.token_id_at(&text, 1, text.len()), g.token_id(t), "{t:?} in {text:?}");
        }
    }
}
