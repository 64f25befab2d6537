//! [`Bits`]: a set of token indices kept as one bit a token, for the lists
//! that mark tokens of a whole document (a `Vec<bool>` took a byte a token,
//! a list of indices four bytes a marked token).

/// A set of indices, one bit each, that grows as indices are set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Bits {
    words: Vec<u64>,
}

impl Bits {
    /// An empty set with room for indices below `n` (none set).
    #[must_use]
    pub fn with_len(n: usize) -> Self {
        Self { words: vec![0; n.div_ceil(64)] }
    }

    /// Empties the set and makes room for indices below `n`, keeping its
    /// memory when it is large enough (and letting go of it when it is
    /// over four times what `n` needs).
    pub fn reset(&mut self, n: usize) {
        let need = n.div_ceil(64);
        if self.words.capacity() > 4 * need.max(1024) {
            self.words = Vec::new();
        }
        self.words.clear();
        self.words.resize(need, 0);
    }

    /// Keeps only the indices below `n`, with room for exactly those.
    pub fn fit(&mut self, n: usize) {
        self.words.resize(n.div_ceil(64), 0);
        if !n.is_multiple_of(64)
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << (n % 64)) - 1;
        }
    }

    /// Lets go of the memory.
    pub fn release(&mut self) {
        self.words = Vec::new();
    }

    /// Whether index `k` is set (false past the room made).
    #[must_use]
    #[inline]
    pub fn get(&self, k: usize) -> bool {
        self.words.get(k / 64).is_some_and(|w| w >> (k % 64) & 1 != 0)
    }

    /// Sets index `k`, making room for it when needed.
    #[inline]
    pub fn set(&mut self, k: usize) {
        let w = k / 64;
        if w >= self.words.len() {
            self.words.resize(w + 1, 0);
        }
        self.words[w] |= 1 << (k % 64);
    }

    /// Sets indices `a..=b`.
    pub fn set_range(&mut self, a: usize, b: usize) {
        for k in a..=b {
            self.set(k);
        }
    }

    /// Adds every index of `other`.
    pub fn union_with(&mut self, other: &Bits) {
        if other.words.len() > self.words.len() {
            self.words.resize(other.words.len(), 0);
        }
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Makes this set a copy of `other`, in its own memory.
    pub fn copy_from(&mut self, other: &Bits) {
        self.words.clear();
        self.words.extend_from_slice(&other.words);
    }

    /// The set indices, ascending.
    pub fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.ones_from(0)
    }

    /// The set indices at or after `from`, ascending.
    pub fn ones_from(&self, from: usize) -> Ones<'_> {
        let w = from / 64;
        let first = self.words.get(w).map_or(0, |&x| x & (u64::MAX << (from % 64)));
        Ones { words: &self.words, w, cur: first }
    }
}

/// The set indices of a [`Bits`] (or of any words, [`Ones::of`]), ascending.
pub(crate) struct Ones<'a> {
    words: &'a [u64],
    /// The word `cur` came from.
    w: usize,
    /// What is left of word `w`.
    cur: u64,
}

impl<'a> Ones<'a> {
    /// The set indices of `words`, bit `k` of word `w` being `w * 64 + k`.
    pub(crate) fn of(words: &'a [u64]) -> Self {
        Ones { words, w: 0, cur: words.first().copied().unwrap_or(0) }
    }
}

impl Iterator for Ones<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.cur == 0 {
            self.w += 1;
            self.cur = *self.words.get(self.w)?;
        }
        let b = self.cur.trailing_zeros() as usize;
        self.cur &= self.cur - 1;
        Some(self.w * 64 + b)
    }
}

/// A [`Bits`] that also counts its set indices below any index in constant
/// time: the count before every 64 indices is kept (four bytes each).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Ranked {
    bits: Bits,
    /// For each 64-bit word, the indices set in the words before it.
    before: Vec<u32>,
    count: usize,
}

impl Ranked {
    /// `bits` with its counts.
    ///
    /// # Panics
    /// If more than `u32::MAX` indices are set.
    #[must_use]
    pub fn new(bits: Bits) -> Self {
        let mut before = Vec::with_capacity(bits.words.len());
        let mut n = 0u32;
        for w in &bits.words {
            before.push(n);
            n = n.checked_add(w.count_ones()).expect("fewer than 2^32 indices");
        }
        Self { bits, before, count: n as usize }
    }

    /// The set.
    #[must_use]
    pub fn bits(&self) -> &Bits {
        &self.bits
    }

    /// How many indices are set.
    #[must_use]
    #[inline]
    pub fn count(&self) -> usize {
        self.count
    }

    /// How many indices below `k` are set (`k` within the room made).
    #[must_use]
    #[inline]
    pub fn rank(&self, k: usize) -> usize {
        let (w, b) = (k / 64, k % 64);
        let below = self.bits.words[w] & ((1u64 << b) - 1);
        self.before[w] as usize + below.count_ones() as usize
    }

    /// The `i`-th set index (from 0; `i` below [`Self::count`]).
    #[must_use]
    pub fn select(&self, i: usize) -> usize {
        debug_assert!(i < self.count);
        let i32 = u32::try_from(i).unwrap_or(u32::MAX);
        // The last word with at most `i` set indices before it holds it.
        let w = self.before.partition_point(|&b| b <= i32) - 1;
        let mut word = self.bits.words[w];
        for _ in 0..i - self.before[w] as usize {
            word &= word - 1;
        }
        w * 64 + word.trailing_zeros() as usize
    }
}

#[cfg(test)]
mod tests {
    use super::Bits;

    /// Against a plain list of booleans, on sets of every density.
    #[test]
    fn equals_a_list_of_booleans() {
        let mut seed = 7u64;
        for n in [0usize, 1, 63, 64, 65, 127, 128, 129, 1000] {
            for every in [1usize, 2, 3, 17, 200] {
                let plain: Vec<bool> = (0..n).map(|_| crate::test_rng::below(&mut seed, every) == 0).collect();
                let mut bits = Bits::with_len(n);
                for (k, _) in plain.iter().enumerate().filter(|(_, b)| **b) {
                    bits.set(k);
                }
                let want: Vec<usize> = (0..n).filter(|&k| plain[k]).collect();
                assert_eq!(bits.ones().collect::<Vec<_>>(), want, "n {n} every {every}");
                for k in 0..n + 70 {
                    assert_eq!(bits.get(k), plain.get(k).copied().unwrap_or(false));
                }
                for from in [0, 1, 63, 64, 65, n / 2, n, n + 64] {
                    let got: Vec<usize> = bits.ones_from(from).collect();
                    assert_eq!(got, want.iter().copied().filter(|&k| k >= from).collect::<Vec<_>>(), "from {from}");
                }
            }
        }
    }

    /// Ranks and selects against counting.
    #[test]
    fn ranks_and_selects() {
        let mut seed = 3u64;
        for n in [1usize, 64, 65, 300, 5000] {
            for every in [1usize, 3, 70] {
                let mut bits = Bits::with_len(n);
                for k in 0..n {
                    if crate::test_rng::below(&mut seed, every) == 0 {
                        bits.set(k);
                    }
                }
                let set: Vec<usize> = bits.ones().collect();
                let r = super::Ranked::new(bits);
                assert_eq!(r.count(), set.len());
                for k in 0..n {
                    let below = set.iter().filter(|&&j| j < k).count();
                    assert_eq!(r.rank(k), below, "rank {k}");
                }
                for (i, &k) in set.iter().enumerate() {
                    assert_eq!(r.select(i), k);
                }
            }
        }
    }

    #[test]
    fn grows_unions_and_resets() {
        let mut a = Bits::default();
        a.set(3);
        a.set(200);
        let mut b = Bits::with_len(10);
        b.set_range(2, 4);
        b.union_with(&a);
        assert_eq!(b.ones().collect::<Vec<_>>(), vec![2, 3, 4, 200]);
        let mut c = Bits::default();
        c.copy_from(&b);
        assert_eq!(c, b);
        b.reset(5);
        assert!(b.ones().next().is_none() && !b.get(3));
        assert_eq!(b, Bits::with_len(5));
    }
}
