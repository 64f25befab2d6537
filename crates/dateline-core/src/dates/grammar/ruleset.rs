//! Sets of rules, one bit each, in file order: what the start tables
//! hold and what the scan tries at a token.

/// The most rules a grammar may have (English has 513).
pub(crate) const MAX_RULES: usize = 640;

/// A set of rules, one bit each, in file order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct RuleSet([u64; MAX_RULES / 64]);

impl RuleSet {
    pub(super) fn new(_n: usize) -> Self {
        Self::default()
    }
    /// Rules `0..n`.
    #[cfg(test)]
    pub(crate) fn all(n: usize) -> Self {
        let mut s = Self::default();
        for i in 0..n.min(MAX_RULES) {
            s.insert(i);
        }
        s
    }
    pub(crate) fn intersect_with(&mut self, other: &Self) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a &= *b;
        }
    }
    pub(crate) fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    pub(crate) fn remove_all(&mut self, other: &Self) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a &= !*b;
        }
    }
    pub(crate) fn union_with(&mut self, other: &Self) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a |= *b;
        }
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }
    pub(crate) fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    /// Keeps the rules for which `keep` is true.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (k, w) in self.0.iter_mut().enumerate() {
            let mut left = *w;
            let mut out = 0u64;
            while left != 0 {
                let b = left.trailing_zeros() as usize;
                left &= left - 1;
                out |= u64::from(keep(k * 64 + b)) << b;
            }
            *w = out;
        }
    }
    /// The rules in file order.
    pub(crate) fn iter(&self) -> RuleIter<'_> {
        RuleIter { words: &self.0, k: 0, w: self.0[0] }
    }
}

/// The rules of a [`RuleSet`] in file order.
pub(crate) struct RuleIter<'s> {
    words: &'s [u64; MAX_RULES / 64],
    /// The word being read, and what is left of it.
    k: usize,
    w: u64,
}

impl Iterator for RuleIter<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.w == 0 {
            self.k += 1;
            self.w = *self.words.get(self.k)?;
        }
        let b = self.w.trailing_zeros() as usize;
        self.w &= self.w - 1;
        Some(self.k * 64 + b)
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_RULES;
    use crate::dates::grammar::{Grammar, Sources};
    use crate::tokenize::Tokenizer;

    /// A grammar with more rules than a rule set holds is refused with a
    /// message, not a panic.
    #[test]
    fn too_many_rules_is_an_error() {
        let compile = |n: usize| {
            let words = "[class.ref]\nnow = \"PRESENT_REF\"\n";
            let rules: String =
                (0..n).map(|i| format!("[[rule]]\nname = \"r{i}\"\npattern = \"now\"\nmake = \"ref\"\n")).collect();
            let src = Sources { words, shapes: "", rules: &[("r.toml", &rules)], tense: "", document: "" };
            Grammar::compile(&src, &Tokenizer::default()).map(|_| ())
        };
        let err = compile(MAX_RULES + 1).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("more than the"), "{err}");
        // The limit itself compiles.
        assert!(compile(MAX_RULES).is_ok());
    }
}
