//! The scan's memo: the result of each (token, rule) tried, for a window of
//! positions, in rows kept from document to document on each thread.

/// Positions the memo keeps at once: an expression starting at token `i`
/// looks at tokens `i..i + WINDOW` through its pieces.
pub(super) const WINDOW: usize = 32;

/// The result of each (token, rule) tried, for a window of positions: the
/// scan moves forward and an expression's pieces start at or after it, so a
/// row is reused when its position falls out of the window. Each entry
/// holds a stamp of the position it is for, so reusing a row clears nothing.
///
/// The rows are kept from document to document on each thread (a document
/// takes them and gives them back): stamps are numbered on from one document
/// to the next, so the entries of the documents before never match.
pub(super) struct Memo {
    rules: usize,
    /// (stamp, result) for each (slot, rule); stamp `u32::MAX`: none.
    rows: Vec<(u32, u32)>,
    /// The stamp of position 0, and how many positions there are.
    base: u32,
    len: u32,
}

/// The memo rows of the last document on this thread, and the first stamp
/// not used in them.
struct KeptRows {
    rows: Vec<(u32, u32)>,
    next: u32,
}

thread_local! {
    static KEPT_ROWS: std::cell::RefCell<KeptRows> = const { std::cell::RefCell::new(KeptRows { rows: Vec::new(), next: 0 }) };
}

impl Memo {
    /// The memo of a document of `tokens` tokens.
    pub(super) fn new(rules: usize, tokens: usize) -> Self {
        let kept = KEPT_ROWS.try_with(|k| k.try_borrow_mut().map(|mut k| (std::mem::take(&mut k.rows), k.next)).ok());
        let (mut rows, mut base) = kept.ok().flatten().unwrap_or_default();
        let len = u32::try_from(tokens).unwrap_or(u32::MAX);
        if rows.len() != WINDOW * rules || u64::from(base) + u64::from(len) >= u64::from(u32::MAX) {
            rows = vec![(u32::MAX, 0); WINDOW * rules];
            base = 0;
        }
        Self { rules, rows, base, len }
    }

    /// The stamp of position `i`.
    fn stamp(&self, i: usize) -> Option<u32> {
        u32::try_from(i).ok().filter(|&i| i < self.len).map(|i| self.base + i)
    }

    pub(super) fn get(&self, i: usize, r: usize) -> Option<u32> {
        let &(at, v) = self.rows.get((i % WINDOW) * self.rules + r)?;
        (Some(at) == self.stamp(i)).then_some(v)
    }

    pub(super) fn set(&mut self, i: usize, r: usize, v: u32) {
        let Some(at) = self.stamp(i) else { return };
        if let Some(e) = self.rows.get_mut((i % WINDOW) * self.rules + r) {
            *e = (at, v);
        }
    }
}

impl Memo {
    /// Forgets every entry (new stamps for all positions).
    pub(super) fn forget(&mut self) {
        if u64::from(self.base) + 2 * u64::from(self.len) >= u64::from(u32::MAX) {
            self.rows.fill((u32::MAX, 0));
            self.base = 0;
        } else {
            self.base += self.len;
        }
    }
}

impl Drop for Memo {
    fn drop(&mut self) {
        let rows = std::mem::take(&mut self.rows);
        let next = self.base + self.len;
        let _ = KEPT_ROWS.try_with(|k| {
            if let Ok(mut k) = k.try_borrow_mut() {
                *k = KeptRows { rows, next };
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_of_one_document_holds_nothing_of_the_last() {
        for (rules, tokens) in [(5, 40), (5, 3), (7, 40), (5, 100)] {
            let mut m = Memo::new(rules, tokens);
            for i in 0..tokens {
                assert_eq!(m.get(i, i % rules), None, "{rules} {tokens} {i}");
                m.set(i, i % rules, 7);
                assert_eq!(m.get(i, i % rules), Some(7));
            }
            assert_eq!(m.get(tokens, 0), None);
        }
        // Stamps running out start the rows again.
        KEPT_ROWS.with(|k| k.borrow_mut().next = u32::MAX - 10);
        let mut m = Memo::new(5, 40);
        assert_eq!((m.base, m.get(3, 3)), (0, None));
        m.set(3, 3, 1);
        assert_eq!(m.get(3, 3), Some(1));
    }
}
