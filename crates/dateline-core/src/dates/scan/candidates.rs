//! The candidates of the scan: the rules worth trying at a token, read from
//! the grammar's start tables (by the token's word and first byte, the shapes
//! that match there and what the next token can be).

use super::ids::IDS_KEPT;
use super::{MAX_SPAN, Scan, WordIds};

/// How many positions' candidates are kept ([`Scan::cached_candidates`]).
pub(super) const CAND_SLOTS: usize = 4;
use crate::dates::grammar::{Grammar, MAX_RULES, Needs, RuleSet};

impl<'a> Scan<'a> {
    /// [`Scan::ahead`] of a document.
    pub(super) fn needs_ahead(g: &Grammar, ids: &WordIds<'_>) -> Vec<Needs> {
        let n = ids.len();
        if n > IDS_KEPT {
            return Vec::new();
        }
        // The needs of tokens `i..i + MAX_SPAN`, for every `i`, in blocks of
        // MAX_SPAN tokens, in place, each token's own needs to start with:
        // what is from `i` to the end of its block, then what is in the
        // next block up to `i + MAX_SPAN - 1` (still each token's own: the
        // blocks are done in order).
        let w = MAX_SPAN;
        let needs = |id: u16| g.word_needs.get(usize::from(id)).copied().unwrap_or(0);
        let mut a: Vec<Needs> = match ids.kept() {
            (0, kept) if kept.len() == n => kept.iter().map(|&id| needs(id)).collect(),
            _ => (0..n).map(|k| g.word_needs.get(ids.get(k) as usize).copied().unwrap_or(0)).collect(),
        };
        let mut s = 0;
        while s < n {
            let end = (s + w).min(n);
            for k in (s..end - 1).rev() {
                a[k] |= a[k + 1];
            }
            let mut next: Needs = 0;
            for i in s + 1..end {
                // Past the last token: what there is of the next block.
                next |= a.get(i + w - 1).copied().unwrap_or(0);
                a[i] |= next;
            }
            s = end;
        }
        a
    }

    /// The rules that can start at token `i` and whose needed words all come
    /// among the next tokens, and their categories (one bit each).
    fn candidates(&mut self, i: usize) -> (RuleSet, u64) {
        let g = self.g;
        #[cfg(test)]
        if self.slow {
            let set = RuleSet::all(g.rules.len());
            return (set, set.iter().fold(0, |m, r| m | g.cat_bit[r]));
        }
        let mut set = self.starts(i);
        let have = self.ahead.get(i).copied().unwrap_or(if self.ahead.is_empty() { Needs::MAX } else { 0 });
        // Leave out the rules that need a word not among the next tokens,
        // and gather the categories of the others.
        let mut cats = 0u64;
        let facts = &g.needs_and_cat;
        set.retain(|r| {
            let (needs, cat) = facts[r % MAX_RULES];
            let keep = needs & !have == 0;
            cats |= cat & 0u64.wrapping_sub(u64::from(keep));
            keep
        });
        (set, cats)
    }

    /// The rules that can start at token `i` (by its word, bytes and shapes,
    /// and the next token).
    fn starts(&mut self, i: usize) -> RuleSet {
        let g = self.g;
        let info = self.info(i);
        let Some(t) = self.toks.get(i) else { return RuleSet::default() };
        let text: &'a str = self.text;
        let rest = &text.as_bytes()[t.start()..];
        let b = rest.first().map_or(0, |&b| usize::from(b));
        let starts = g.byte_starts[b] || info.is_some_and(|w| w.starts);
        // Whether a shape may start here: one led by a word, or one found by
        // its first bytes.
        let mut shapes = self.lead_shape(i);
        if !shapes && !starts {
            return RuleSet::default();
        }
        let (mut set, mut need) = info.map_or_else(Default::default, |w| (w.free, w.need));
        // The rules whose second token this word decides, left out unless
        // the next token can be it.
        if let Some(own) = info.and_then(|w| w.own.as_deref()) {
            let next = self.toks.get(i + 1).map(|t| (self.id(i + 1), &text.as_bytes()[t.start()..]));
            need.remove_all(&own.refused(next, &g.shapes.list));
        }
        if !rest.is_empty() {
            set.union_with(&g.byte_free[b]);
            need.union_with(&g.byte_need[b]);
            shapes = shapes || g.shapes_by_byte[b].iter().any(|&s| g.shapes.list[s].may_start(rest));
        }
        // The rules of the shapes that match here (no condition on the next token).
        if shapes {
            self.shapes_at(i);
            if let Some(found) = self.shape_memo.get(&u32::try_from(i).unwrap_or(u32::MAX)) {
                for x in found {
                    set.union_with(&g.shape_rules[usize::from(x.0)]);
                }
            }
        }
        if need.is_empty() {
            return set;
        }
        // Rules that need a second token the next one cannot be are left out.
        let mut second = g.any_second;
        if let Some(next) = self.toks.get(i + 1) {
            if let Some(w) = self.info(i + 1) {
                second.union_with(&w.second);
            }
            if let Some(&b) = self.text.as_bytes().get(next.start()) {
                second.union_with(&g.second_by_byte[b as usize]);
            }
        }
        need.intersect_with(&second);
        set.union_with(&need);
        set
    }

    /// Whether any rule may start at token `i` ([`Scan::candidates`] is
    /// empty where this is false).
    pub(super) fn may_start(&self, i: usize) -> bool {
        let g = self.g;
        let b = self.toks.get(i).and_then(|t| self.text.as_bytes().get(t.start())).map_or(0, |&b| usize::from(b));
        self.is_slow() || g.byte_starts[b] || self.info(i).is_some_and(|w| w.starts) || self.lead_shape(i)
    }

    /// Whether token `i` begins with a word that leads a shape, written with
    /// more after it (`mid-1990s`, `Oct/2`). A token of letters only, the
    /// most common, is no such token (the first test of month names and
    /// `mid` is their first letter: `Michael` and `often` stop here, in the
    /// caller: this is asked at most tokens).
    #[inline(always)]
    fn lead_shape(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let (start, end) = (t.start(), t.end());
        let bytes = self.text.as_bytes();
        if !bytes.get(start).is_some_and(|&b| self.g.lead_first[usize::from(b)]) {
            return false;
        }
        // A token of letters only (read as eight bytes at once when it has
        // at most eight) has nothing after its letters.
        if end - start <= 8
            && let Some(eight) = bytes.get(start..start + 8)
        {
            let mut x = [0u8; 8];
            x.copy_from_slice(eight);
            if letters8(u64::from_le_bytes(x)) >= end - start {
                return false;
            }
        }
        self.lead_shape_at(start, end)
    }

    /// [`Self::lead_shape`] of the token `text[start..end]`, whose first byte
    /// may begin a lead word.
    #[inline(never)]
    fn lead_shape_at(&self, start: usize, end: usize) -> bool {
        let g = self.g;
        let text: &'a str = self.text;
        let rest = &text.as_bytes()[start..end];
        let len = rest.len();
        let n = len.min(g.lead_max + 1);
        // Eight bytes of the text from the token on, read at once (most
        // tokens): the letters among the first `n` of them.
        let lead = match text.as_bytes().get(start..start + 8) {
            Some(eight) if n <= 8 => {
                let mut x = [0u8; 8];
                x.copy_from_slice(eight);
                letters8(u64::from_le_bytes(x)).min(n)
            }
            _ => alpha_prefix(&rest[..n]),
        };
        lead > 0
            && lead < len
            && lead <= 12
            && g.token_id_at(text, start, start + lead)
                .and_then(|id| g.words.get(id as usize))
                .is_some_and(|w| !w.lead.is_empty())
    }

    /// The candidates at `i`, remembered for the last position asked.
    pub(super) fn cached_candidates(&mut self, i: usize) -> RuleSet {
        self.cand_slot(i).1
    }

    /// The categories of the candidates at `i`, one bit each (all bits with
    /// more than 64 categories).
    pub(super) fn candidate_cats(&mut self, i: usize) -> u64 {
        self.cand_slot(i).2
    }

    /// The slot of the candidates at `i`, computed if it holds another
    /// position (a rule tried at one token reads the next ones' candidates
    /// for its pieces, then the next rule comes back: a few slots keep both).
    /// Inlined: most calls find the slot filled.
    #[inline(always)]
    fn cand_slot(&mut self, i: usize) -> &(usize, RuleSet, u64) {
        let slot = i % CAND_SLOTS;
        if self.cand_at[slot].0 != i {
            self.fill_cand_slot(i, slot);
        }
        &self.cand_at[slot]
    }

    /// Computes the candidates at `i` into slot `slot`.
    #[inline(never)]
    fn fill_cand_slot(&mut self, i: usize, slot: usize) {
        let (set, cats) = self.candidates(i);
        let cats = if self.g.categories.len() <= 64 { cats } else { u64::MAX };
        self.cand_at[slot] = (i, set, cats);
    }
}

/// How many ASCII letters `b` starts with (eight bytes at once when it
/// has at most eight).
fn alpha_prefix(b: &[u8]) -> usize {
    if b.len() > 8 {
        return b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    }
    // Past the end: letters, so the count stops at the first non-letter or the end.
    let mut w = [b'a'; 8];
    w[..b.len()].copy_from_slice(b);
    letters8(u64::from_le_bytes(w)).min(b.len())
}

/// How many ASCII letters the eight bytes of `x` (little-endian) start with.
#[inline(always)]
fn letters8(x: u64) -> usize {
    let ascii = !x & 0x8080_8080_8080_8080;
    // Each byte's high bit: set in lower case from `a` on, and from `{` on.
    let lower = (x | 0x2020_2020_2020_2020) & 0x7f7f_7f7f_7f7f_7f7f;
    let from_a = lower + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = lower + 0x0505_0505_0505_0505;
    let letter = from_a & !past_z & ascii;
    let not_letter = !letter & 0x8080_8080_8080_8080;
    (not_letter.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    #[test]
    fn alpha_prefix_counts_the_leading_ascii_letters() {
        let mut all: Vec<u8> = (0u8..=255).collect();
        all.extend(b"mid-1990s Oct/2 Q3 fy2025 Zz@[`{ \xc3");
        // Every byte in every position of short strings, against the plain count.
        for len in 0..=9usize {
            for &byte in &all {
                for at in 0..len.max(1) {
                    let mut b = b"Abcdefgzq".to_vec();
                    b.truncate(len);
                    if at < b.len() {
                        b[at] = byte;
                    }
                    let want = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
                    assert_eq!(super::alpha_prefix(&b), want, "{b:?}");
                    // Eight bytes read at once, whatever comes after.
                    for next in [b'a', b'1', 0xc3].into_iter().filter(|_| b.len() <= 8) {
                        let mut eight = b.clone();
                        eight.resize(8, next);
                        let x = u64::from_le_bytes(eight[..8].try_into().unwrap_or_default());
                        assert_eq!(super::letters8(x).min(b.len()), want, "{b:?} then {next}");
                    }
                }
            }
        }
    }
}
