//! Whether the categories of a sub-expression have a match at a token: the
//! test that lets the scan leave out the rules that must start with one
//! where none has.

use super::memo::WINDOW;
use super::{Grammar, Scan, Value};

impl<'a> Scan<'a> {
    /// Whether some category of `cats` (one bit each) has a match at token
    /// `i` that is a time expression (what a sub-expression takes), found
    /// once for each category and position. Inlined: most calls are
    /// answered by the categories of the candidates or what is known.
    #[inline(always)]
    pub(super) fn cats_match(&mut self, i: usize, cats: u64) -> bool {
        // Categories none of whose rules is a candidate here have no match.
        let possible = self.candidate_cats(i);
        if cats & possible == 0 {
            return false;
        }
        let (known, ok) = self.cats_known(i);
        if ok & cats != 0 {
            return true;
        }
        let todo = cats & !known & possible;
        todo != 0 && self.cats_try(i, todo)
    }

    /// The categories tried at token `i` so far, and those of them with a
    /// match there (one bit each).
    #[inline(always)]
    pub(super) fn cats_known(&self, i: usize) -> (u64, u64) {
        match self.cats_at[i % WINDOW] {
            (at, known, ok) if at == i => (known, ok),
            _ => (0, 0),
        }
    }

    /// Whether some category of `todo` (not known yet at `i`, one bit each)
    /// has a match there that is a time expression, tried one after another.
    #[inline(never)]
    fn cats_try(&mut self, i: usize, mut todo: u64) -> bool {
        let g: &'a Grammar = self.g;
        let slot = i % WINDOW;
        let mut found = false;
        // The candidates at `i` (the same whatever the rules tried do to the slots).
        let cand = self.cached_candidates(i);
        while todo != 0 {
            let c = todo.trailing_zeros() as usize;
            todo &= todo - 1;
            let mut set = cand;
            set.intersect_with(&g.cat_sets[c]);
            let ok =
                set.iter().any(|r| self.try_rule(r, i).is_some_and(|id| self.nodes[id as usize].value != Value::None));
            // Read the slot again: the rules tried may have filled it.
            let e = &mut self.cats_at[slot];
            if e.0 != i {
                *e = (i, 0, 0);
            }
            e.1 |= 1 << c;
            if ok {
                e.2 |= 1 << c;
                found = true;
                break;
            }
        }
        found
    }
}
