//! A document's words prepared for the tries, a window of tokens at a time.
//!
//! The matcher needs, for every token, its hash and first step in the exact
//! trie, and its folded and lower-case forms for the extra tries. Made for
//! the whole document at once these took 40 to 70 bytes a token (several
//! times the text); made for a window of tokens, plus as many tokens after
//! it as the longest name has words, they take a fixed amount whatever the
//! document's length, and give the same matches: a walk from a token of the
//! window never reads past the extension.

use std::borrow::Cow;

use super::{Gazetteer, trie};
use crate::tokenize::Token;

/// Tokens whose matches are looked for in one window.
const WINDOW: usize = 1 << 15;

#[cfg(test)]
thread_local! {
    /// The window's length in tests (small, to cross many windows).
    static TEST_WINDOW: std::cell::Cell<usize> = const { std::cell::Cell::new(WINDOW) };
}

fn window() -> usize {
    #[cfg(test)]
    return TEST_WINDOW.get();
    #[cfg(not(test))]
    WINDOW
}

thread_local! {
    /// The first-steps buffers of this thread's last window, reused by the next.
    static SPARE_STEPS: std::cell::RefCell<trie::Steps> = std::cell::RefCell::default();
}

/// The words of tokens `base..base + len` prepared for the tries: folded and
/// lower-cased for the extra ones, first steps in the exact one. Matches
/// are looked for from the tokens `base..until`.
pub(super) struct Prepared<'t> {
    pub(super) base: usize,
    pub(super) until: usize,
    /// One past the last token prepared.
    pub(super) end: usize,
    pub(super) folded: Vec<Cow<'t, str>>,
    pub(super) lower: Vec<Cow<'t, str>>,
    /// The first step in the exact trie from every token.
    pub(super) steps: trie::Steps,
    /// For every token, the first token from it on that folding changes
    /// (`usize::MAX` if none within the window; empty without folding or
    /// when folding changes no word).
    pub(super) next_changed: Vec<usize>,
}

impl Prepared<'_> {
    /// Nothing prepared (the window before the first).
    pub(super) fn none() -> Self {
        Prepared {
            base: 0,
            until: 0,
            end: 0,
            folded: Vec::new(),
            lower: Vec::new(),
            steps: trie::Steps::default(),
            next_changed: Vec::new(),
        }
    }
}

impl Drop for Prepared<'_> {
    /// Hands the first-steps buffers to the thread's next window.
    fn drop(&mut self) {
        let steps = std::mem::take(&mut self.steps);
        if steps.len() > 1 << 18 {
            return; // not kept for ever after one huge window (16 bytes a word)
        }
        SPARE_STEPS.with(|spare| {
            if let Ok(mut s) = spare.try_borrow_mut() {
                *s = steps;
            }
        });
    }
}

impl Gazetteer {
    /// The most words a walk from one token reads: the longest name of any
    /// trie whose walk reads prepared words.
    fn walk_reach(&self) -> usize {
        self.exact.depth().max(self.folded.depth()).max(self.lower.depth()).max(self.folded_depth)
    }

    /// The words of the window of tokens from `from` (see [`Prepared`]).
    pub(super) fn prepare_window<'t>(&self, text: &'t str, tokens: &[Token], from: usize) -> Prepared<'t> {
        let until = from.saturating_add(window()).min(tokens.len());
        let end = until.saturating_add(self.walk_reach() + 1).min(tokens.len());
        let window = &tokens[from..end];
        // ASCII text that no case folding changes is its own folded form:
        // then no word is folded (`folded` and `next_changed` stay empty).
        let unchanged = !self.folding.case_insensitive && text.is_ascii();
        let folded: Vec<Cow<'t, str>> = if self.folding.any() && !unchanged {
            window.iter().map(|t| self.folding.fold_cow(&text[t.start()..t.end()])).collect()
        } else {
            Vec::new()
        };
        let mut next_changed = vec![usize::MAX; folded.len()];
        for k in (0..folded.len()).rev() {
            let changed = matches!(&folded[k], Cow::Owned(f) if *f != text[window[k].start()..window[k].end()]);
            next_changed[k] = if changed { from + k } else { next_changed.get(k + 1).copied().unwrap_or(usize::MAX) };
        }
        let lower = if self.lower.is_empty() {
            Vec::new()
        } else {
            window
                .iter()
                .map(|t| {
                    let w = &text[t.start()..t.end()];
                    if w.chars().any(char::is_uppercase) { Cow::Owned(w.to_lowercase()) } else { Cow::Borrowed(w) }
                })
                .collect()
        };
        let mut steps =
            SPARE_STEPS.with(|spare| spare.try_borrow_mut().map(|mut s| std::mem::take(&mut *s))).unwrap_or_default();
        let bytes = text.as_bytes();
        self.exact.first_steps(window.len(), |k| &bytes[window[k].start()..window[k].end()], &mut steps);
        Prepared { base: from, until, end, folded, lower, steps, next_changed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{CaseRule, Entry, Folding, Match};

    /// Matches found a few tokens at a time equal those of one window.
    #[test]
    fn windows_change_no_match() {
        let names = [
            "New York",
            "New York Times",
            "New York Times Company",
            "Sao Paulo Norte",
            "São Paulo",
            "Bogotá",
            "Nicolás Maduro",
            "Maduro",
            "Times",
            "United States",
            "U.S.",
            "Bank of America",
            "Alpha Beta Gamma Delta Epsilon Zeta Eta",
        ];
        let words = [
            "New", "York", "Times", "Company", "São", "Sao", "Paulo", "Norte", "Bogota", "BOGOTÁ", "Nicolas",
            "Nicolás", "Maduro", "United", "States", "U.S.", "Bank", "of", "America", "the", ",", ".", "said", "a",
            "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "new", "york", "NEW", "YORK",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut below = |n: usize| crate::test_rng::below(&mut seed, n);
        // Words, whole names (some in capitals or lower case), and names cut short.
        let mut pieces: Vec<String> = Vec::new();
        for _ in 0..3000 {
            let piece = match below(8) {
                0 => names[below(names.len())].to_owned(),
                1 => names[below(names.len())].to_uppercase(),
                2 => names[below(names.len())].to_lowercase(),
                3 => names[below(names.len())].rsplit_once(' ').map_or("x", |(a, _)| a).to_owned(),
                _ => words[below(words.len())].to_owned(),
            };
            pieces.push(piece);
        }
        let text = pieces.join(" ");
        for (folding, insensitive) in
            [(Folding::default(), false), (Folding { case_insensitive: true, accents: true }, true)]
        {
            let entries: Vec<Entry> = names
                .iter()
                .enumerate()
                .map(|(k, n)| {
                    let mut e = Entry::new(*n, "LOC", format!("id:{k}"));
                    if insensitive && k % 3 == 0 {
                        e.case = CaseRule::Insensitive;
                    }
                    e
                })
                .collect();
            let g = Gazetteer::from_entries_folded(entries, "t", true, folding).unwrap();
            assert!(g.walk_reach() >= 7);
            let tokens = g.tokenizer().tokenize(&text);
            let found = |w: usize| -> (Vec<Match>, Vec<Match>) {
                TEST_WINDOW.set(w);
                let out = (g.find(&text, &tokens), g.find_all(&text, &tokens));
                TEST_WINDOW.set(WINDOW);
                out
            };
            let whole = found(usize::MAX);
            assert!(whole.0.len() > 100 && whole.0.iter().any(|m| m.token_end - m.token_start >= 3));
            for w in [1, 2, 3, 5, 64] {
                assert_eq!(found(w), whole, "windows of {w} tokens");
            }
        }
    }
}
