//! [`WordIds`]: the vocabulary ids of a document's tokens, for a stretch of
//! the document at a time.

use super::NO_WORD;
use crate::dates::grammar::Grammar;
use crate::tokenize::Token;

/// Tokens whose ids [`WordIds`] keeps at most: all of a document of up to
/// this many tokens.
pub(crate) const IDS_KEPT: usize = 1 << 17;

/// Tokens before and after a stretch asked for ([`WordIds::cover`]) whose
/// ids are kept with it: rules and tense cues read a little around what
/// they match.
const IDS_AROUND: usize = 1 << 12;

/// Each token's id in a grammar's vocabulary, kept in 16 bits (a grammar
/// has fewer than 65,535 words; the compiler checks it) for a stretch of at
/// most [`IDS_KEPT`] tokens: the whole of a shorter document, else the
/// stretch being scanned or resolved ([`Self::cover`]). The id of a token
/// outside it is looked up when asked for, so what [`Self::get`] gives never
/// depends on the stretch (a list of every token's id took 2 bytes a token
/// of a whole document).
#[derive(Clone, Debug)]
pub(crate) struct WordIds<'a> {
    g: &'a Grammar,
    text: &'a str,
    toks: &'a [Token],
    /// The ids of tokens `base..base + ids.len()`.
    base: usize,
    ids: Vec<u16>,
}

impl<'a> WordIds<'a> {
    const UNKNOWN: u16 = u16::MAX;

    /// The ids of `toks`, with the first [`IDS_KEPT`] kept.
    pub(crate) fn of(g: &'a Grammar, text: &'a str, toks: &'a [Token]) -> Self {
        let mut ids = Self { g, text, toks, base: 0, ids: Vec::new() };
        ids.fill(0, toks.len().min(IDS_KEPT));
        ids
    }

    /// Keeps the ids of tokens `from..to` and [`IDS_AROUND`] either side (at
    /// most [`IDS_KEPT`] of them), unless they are kept already.
    pub(crate) fn cover(&mut self, from: usize, to: usize) {
        let from = from.saturating_sub(IDS_AROUND);
        let to = to.saturating_add(IDS_AROUND).min(self.toks.len()).min(from.saturating_add(IDS_KEPT));
        let from = from.min(to);
        if from < self.base || to > self.base + self.ids.len() {
            self.fill(from, to);
        }
    }

    fn fill(&mut self, from: usize, to: usize) {
        let (g, text) = (self.g, self.text);
        self.base = from;
        self.ids.clear();
        self.ids.extend(self.toks[from..to].iter().map(|t| Self::id_of(g, text, *t)));
    }

    #[inline(always)]
    fn id_of(g: &Grammar, text: &str, t: Token) -> u16 {
        g.token_id_at(text, t.start(), t.end())
            .and_then(|id| u16::try_from(id).ok())
            .filter(|&id| id != Self::UNKNOWN)
            .unwrap_or(Self::UNKNOWN)
    }

    /// The id of token `k`; [`NO_WORD`] for a word the grammar does not know
    /// or a token past the end.
    #[inline(always)]
    pub(crate) fn get(&self, k: usize) -> u32 {
        let id = match self.ids.get(k.wrapping_sub(self.base)) {
            Some(&id) => id,
            None => self.outside(k),
        };
        if id == Self::UNKNOWN { NO_WORD } else { u32::from(id) }
    }

    /// The id of token `k` outside the stretch kept, looked up.
    #[cold]
    #[inline(never)]
    fn outside(&self, k: usize) -> u16 {
        self.toks.get(k).map_or(Self::UNKNOWN, |&t| Self::id_of(self.g, self.text, t))
    }

    /// The first token whose id is kept, and the ids kept from there (those
    /// of a word the grammar does not know: `u16::MAX`, no id).
    pub(crate) fn kept(&self) -> (usize, &[u16]) {
        (self.base, &self.ids)
    }

    /// The number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.toks.len()).map(|k| self.get(k))
    }
}

#[cfg(test)]
mod tests {
    use super::{NO_WORD, WordIds};
    use crate::tokenize::Tokenizer;

    /// Whatever stretch is kept, every token's id is the one looked up.
    #[test]
    fn ids_do_not_depend_on_the_stretch_kept() {
        let g = crate::dates::english().expect("the English grammar");
        let text = "On Monday, March 2, 2026 the talks ended; in May they start again. ".repeat(40);
        let tokens = Tokenizer::default().tokenize(&text);
        let direct: Vec<u32> = tokens
            .iter()
            .map(|t| g.token_id(&text[t.start()..t.end()]).filter(|&id| id < u32::from(u16::MAX)).unwrap_or(NO_WORD))
            .collect();
        assert!(direct.iter().any(|&id| id != NO_WORD) && direct.contains(&NO_WORD));
        let mut ids = WordIds::of(g, &text, &tokens);
        let n = tokens.len();
        for (from, to) in [(0, n), (5, 9), (n - 3, n + 10), (0, 0), (17, 400), (n + 5, n + 9), (3, 2)] {
            ids.cover(from, to);
            for (k, want) in direct.iter().enumerate() {
                assert_eq!(ids.get(k), *want, "token {k} with {from}..{to} kept");
            }
            assert_eq!(ids.get(n), NO_WORD);
            assert_eq!(ids.iter().collect::<Vec<_>>(), direct);
        }
    }
}
