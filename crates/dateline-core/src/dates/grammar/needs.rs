//! The words a rule needs: for each rule, its elements that must take a
//! word, a word of a list or a word of a class (`day of DIR month` needs
//! `day`, `of`, a direction word and `month`). A match spans at most
//! `MAX_SPAN` tokens (scan.rs), so a rule can match at a token only if each
//! of them has a word among the `MAX_SPAN` tokens from there: a scan reads,
//! for each token, which of these elements the words there can take (one
//! bit each, folded into 128) and leaves out the rules that miss one. Most
//! rules tried at `the` or at a number need a word that is not near.

use super::pattern::{Atom, Elem};
use super::{Grammar, MAX_RULES};
use crate::tokenize::bits::Ones;

/// One bit for each needed element (the same alternatives, the same bit),
/// 128 at most: beyond that several share a bit (a rule is then left out
/// less often, never wrongly).
pub(crate) type Needs = u128;

/// One alternative of a needed element.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Alt {
    Word(u32),
    List(usize),
    Class(usize),
}

impl Alt {
    fn of(a: &Atom) -> Option<Self> {
        match a {
            Atom::Word(_, id) => Some(Self::Word(*id)),
            Atom::List(l, _) => Some(Self::List(*l)),
            Atom::Class { class, .. } => Some(Self::Class(class.index())),
            _ => None,
        }
    }
}

impl Grammar {
    /// Fills `rule_needs` and `word_needs` (once the words have ids).
    pub(super) fn needs(&mut self) {
        // The needed elements, each as its sorted alternatives, once, and
        // each rule's.
        let mut kinds: Vec<Vec<Alt>> = Vec::new();
        let mut of_rule: Vec<Vec<usize>> = Vec::with_capacity(self.rules.len());
        for r in &self.rules {
            let mut ks = Vec::new();
            for e in &r.elems {
                // An element every match takes a token of, that only these
                // words can be.
                let Elem::Atoms { alts, optional: false } = e else { continue };
                let Some(mut kind) = alts.iter().map(Alt::of).collect::<Option<Vec<Alt>>>() else { continue };
                kind.sort_unstable();
                kind.dedup();
                let k = kinds.iter().position(|x| *x == kind).unwrap_or_else(|| {
                    kinds.push(kind);
                    kinds.len() - 1
                });
                ks.push(k);
            }
            of_rule.push(ks);
        }
        let bit_of = bits(kinds.len(), &of_rule);
        let rule_needs = of_rule.iter().map(|ks| ks.iter().fold(0, |m: Needs, &k| m | bit_of[k])).collect();
        // Each word: the bits of the elements it can be, itself or through
        // its lists and classes.
        let mut word_needs: Vec<Needs> = vec![0; self.words.len()];
        let (mut list_bits, mut class_bits) = ([0 as Needs; 64], [0 as Needs; 32]);
        for (kind, &bit) in kinds.iter().zip(&bit_of) {
            for a in kind {
                let slot = match *a {
                    Alt::Word(id) => word_needs.get_mut(id as usize),
                    Alt::List(l) => list_bits.get_mut(l),
                    Alt::Class(c) => class_bits.get_mut(c),
                };
                if let Some(slot) = slot {
                    *slot |= bit;
                }
            }
        }
        for (w, needs) in self.words.iter().zip(word_needs.iter_mut()) {
            *needs |= Ones::of(&[w.lists]).fold(0, |m, l| m | list_bits[l]);
            *needs |= Ones::of(&[u64::from(w.classes)]).fold(0, |m, c| m | class_bits.get(c).copied().unwrap_or(0));
        }
        self.word_needs = word_needs;
        self.rule_needs = rule_needs;
        let facts: Vec<(Needs, u64)> = (0..MAX_RULES)
            .map(|r| (self.rule_needs.get(r).copied().unwrap_or(0), self.cat_bit.get(r).copied().unwrap_or(0)))
            .collect();
        self.needs_and_cat = facts.into_boxed_slice().try_into().unwrap_or_else(|_| Box::new([(0, 0); MAX_RULES]));
    }

    /// Whether each element rule `r` needs has a word among `have` (the
    /// scan reads `needs_and_cat`).
    #[cfg(test)]
    pub(crate) fn has_needs(&self, r: usize, have: Needs) -> bool {
        self.rule_needs.get(r).is_none_or(|n| n & !have == 0)
    }
}

/// The bit of each needed element. With more than 128, the elements that
/// the most rules need keep a bit of their own and the others share theirs
/// two by two, so that a missing word still leaves out the rules that need it
/// most often.
fn bits(n: usize, of_rule: &[Vec<usize>]) -> Vec<Needs> {
    const BITS: usize = 128;
    let mut uses = vec![0usize; n];
    for ks in of_rule {
        for &k in ks {
            uses[k] += 1;
        }
    }
    // Most needed first; on a tie, the first written.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(uses[k]), k));
    let own = BITS - n.saturating_sub(BITS).min(BITS);
    let mut bit_of = vec![0; n];
    for (p, &k) in order.iter().enumerate() {
        let b = if p < own { p } else { own + (p - own) / 2 };
        bit_of[k] = 1 << (b % BITS);
    }
    bit_of
}

#[cfg(test)]
mod tests {
    use super::Needs;
    use crate::tokenize::Tokenizer;

    /// The needed elements the words of `text` can take.
    fn have(text: &str) -> Needs {
        let g = crate::dates::english().expect("the English grammar");
        Tokenizer::default()
            .tokenize(text)
            .iter()
            .filter_map(|t| g.token_id(&text[t.start()..t.end()]))
            .filter_map(|id| g.word_needs.get(id as usize))
            .fold(0, |m, n| m | n)
    }

    #[test]
    fn the_elements_most_rules_need_keep_a_bit_of_their_own() {
        // 100 elements: one bit each.
        let of_rule: Vec<Vec<usize>> = (0..100).map(|k| vec![k]).collect();
        let b = super::bits(100, &of_rule);
        assert_eq!(b.iter().fold(0, |m: Needs, x| m | x).count_ones(), 100);
        // 130: element k needed by k + 1 rules; the four needed least (0-3)
        // share two bits, every other has its own.
        let of_rule: Vec<Vec<usize>> = (0..130).flat_map(|k| std::iter::repeat_n(vec![k], k + 1)).collect();
        let b = super::bits(130, &of_rule);
        assert!(b.iter().all(|x| x.count_ones() == 1));
        assert_eq!(b.iter().fold(0, |m: Needs, x| m | x).count_ones(), 128);
        for k in 4..130 {
            assert!((0..130).all(|j| j == k || b[j] != b[k]), "element {k} shares its bit");
        }
        assert!(b[0] == b[1] || b[0] == b[2] || b[0] == b[3]);
    }

    /// The table the scan reads holds each rule's needs and category bit.
    #[test]
    fn the_table_of_needs_and_categories_is_the_plain_one() {
        let g = crate::dates::english().expect("the English grammar");
        for (r, &got) in g.needs_and_cat.iter().enumerate() {
            let want = if r < g.rules.len() { (g.rule_needs[r], g.cat_bit[r]) } else { (0, 0) };
            assert_eq!(got, want, "rule {r}");
        }
    }

    #[test]
    fn a_rule_is_possible_only_with_a_word_for_each_needed_element() {
        let g = crate::dates::english().expect("the English grammar");
        let rule = |name: &str| g.rules.iter().position(|r| r.name == name).expect(name);
        // `the? DAY|ORDINAL day of DIR month`: `day`, `of`, a direction, `month`.
        let r = rule("nth-day-of-this-month");
        assert!(g.has_needs(r, have("the last day of this month")));
        assert!(!g.has_needs(r, have("the last day of this week")));
        // `last` would be the direction: none here.
        assert!(!g.has_needs(r, have("the fifth day of the month")));
        // Words in any order and any case are enough: the scan then tries the rule.
        assert!(g.has_needs(r, have("MONTH of THIS day")));
        // A rule needing no word is always possible.
        let free = (0..g.rules.len()).find(|&r| g.rule_needs[r] == 0).expect("a rule needing no word");
        assert!(g.has_needs(free, 0));
        assert!(!g.has_needs(r, 0));
        // Every bit a rule needs is one some word has.
        let words = g.word_needs.iter().fold(0, |m: Needs, n| m | n);
        let used = g.rule_needs.iter().fold(0, |m, n| m | n);
        assert_eq!(used & !words, 0);
    }
}
