//! Month and season names a document gives a person (`Dana Winter`, `Donna
//! Summer`): the same word standing alone and capitalised elsewhere in that
//! document is the person too (`Winter declined to comment`), not the season.

use super::grammar::Grammar;
use super::tagger::SentenceOf;
use crate::tokenize::Token;
use crate::tokenize::attrs::{is_alpha, is_title};

/// The surnames of one document that are words of the grammar, found on
/// the first question (one pass over the tokens) and kept for the rest.
pub(crate) struct Surnames<'a> {
    g: &'static Grammar,
    text: &'a str,
    tokens: &'a [Token],
    sentence_of: SentenceOf<'a>,
    /// Lower-case surnames, once looked for.
    found: Option<Vec<String>>,
}

impl<'a> Surnames<'a> {
    pub(crate) fn new(g: &'static Grammar, text: &'a str, tokens: &'a [Token], sentence_of: SentenceOf<'a>) -> Self {
        Surnames { g, text, tokens, sentence_of, found: None }
    }

    fn word(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| &self.text[t.start()..t.end()])
    }

    /// Whether the one-token expression at `k` (a month or season name) is
    /// a surname of the document: capitalised, not after a word that
    /// introduces a date (`in Winter`, `the Winter of 1941`), and the word
    /// follows a first name somewhere in the document.
    pub(crate) fn hides(&mut self, k: usize) -> bool {
        let w = self.word(k);
        if !title_case(w) || k.checked_sub(1).is_some_and(|p| self.introduces(p)) {
            return false;
        }
        if self.found.is_none() {
            self.found = Some(self.find());
        }
        let lower = w.to_lowercase();
        self.found.as_ref().is_some_and(|f| f.contains(&lower))
    }

    /// The document's surnames that are words of the grammar, lower case.
    fn find(&self) -> Vec<String> {
        let bytes = self.text.as_bytes();
        // Most tokens fail on their first byte or their length.
        let capital = |t: &Token| bytes[t.start()].is_ascii_uppercase() || bytes[t.start()] >= 0x80;
        (1..self.tokens.len())
            .filter(|&j| {
                let t = &self.tokens[j];
                capital(t)
                    && (3..=12).contains(&(t.end() - t.start()))
                    && capital(&self.tokens[j - 1])
                    && self.after_first_name(j)
            })
            .map(|j| self.word(j).to_lowercase())
            .collect()
    }

    /// A word the grammar reads before dates (`in`, `the`, `last`), not
    /// one it knows only as a tense cue (`said Winter`).
    fn introduces(&self, k: usize) -> bool {
        let w = self.word(k);
        is_alpha(w)
            && self
                .g
                .token_id(w)
                .and_then(|id| self.g.words.get(id as usize))
                .is_some_and(|w| w.cues == 0 || w.classes != 0 || w.lists != 0)
    }

    /// `Dana Winter`: a capitalised word of the grammar after a
    /// capitalised word it does not know, and before no other capitalised
    /// word (`Olympic Winter Games` is a name of its own). At the start of a
    /// sentence only before a comma or `'s` (`Dana Winter, the chair`;
    /// `Cold Winter nights` is no name).
    fn after_first_name(&self, j: usize) -> bool {
        let (w, p) = (self.word(j), self.word(j - 1));
        if !title_case(w) || !title_case(p) {
            return false;
        }
        let next = self.word(j + 1);
        !title_case(next)
            && is_alpha(p)
            && self.g.token_id(w).is_some()
            && self.g.token_id(p).is_none()
            && (self.sentence_of.tokens_around(j - 1).0 != j - 1 || matches!(next, "," | "'s" | "’s"))
    }
}

/// A capitalised word of two letters or more (`Winter`, not `W`, `WINTER`
/// or `winter`).
fn title_case(w: &str) -> bool {
    w.chars().nth(1).is_some() && is_title(w)
}

#[cfg(test)]
mod tests {
    use super::title_case;

    #[test]
    fn title_case_words() {
        assert!(title_case("Winter"));
        assert!(title_case("Été"));
        assert!(!title_case("WINTER"));
        assert!(!title_case("winter"));
        assert!(!title_case("W"));
        assert!(!title_case("É"));
        assert!(!title_case("McWinter"));
    }
}
