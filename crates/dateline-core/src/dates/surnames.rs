//! Month and season names a document gives a person (`Terry Winter`, `Donna
//! Summer`): the same word standing alone and capitalised elsewhere in that
//! document is the person too (`Winter refused comment`), not the season.

use super::grammar::Grammar;
use super::tagger::SentenceOf;
use crate::tokenize::Token;

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
            let bytes = self.text.as_bytes();
            let mut found = Vec::new();
            for (j, t) in self.tokens.iter().enumerate().skip(1) {
                // Most tokens fail on their first byte or their length.
                let capital = |t: &Token| bytes[t.start()].is_ascii_uppercase() || bytes[t.start()] >= 0x80;
                if capital(t)
                    && (3..=12).contains(&(t.end() - t.start()))
                    && capital(&self.tokens[j - 1])
                    && self.after_first_name(j)
                {
                    found.push(self.word(j).to_lowercase());
                }
            }
            self.found = Some(found);
        }
        let lower = w.to_lowercase();
        self.found.as_ref().is_some_and(|f| f.contains(&lower))
    }

    /// A word the grammar reads before dates (`in`, `the`, `last`), not
    /// one it knows only as a tense cue (`said Winter`).
    fn introduces(&self, k: usize) -> bool {
        let w = self.word(k);
        w.chars().all(char::is_alphabetic)
            && self
                .g
                .token_id(w)
                .and_then(|id| self.g.words.get(id as usize))
                .is_some_and(|w| w.cues == 0 || w.classes != 0 || w.lists != 0)
    }

    /// `Terry Winter`: a capitalised word of the grammar after a
    /// capitalised word it does not know, and before no other capitalised
    /// word (`Olympic Winter Games` is a name of its own). At the start of a
    /// sentence only before a comma or `'s` (`Terry Winter, the president`;
    /// `Cold Winter nights` is no name).
    fn after_first_name(&self, j: usize) -> bool {
        let (w, p) = (self.word(j), self.word(j - 1));
        if !title_case(w) || !title_case(p) {
            return false;
        }
        let next = self.word(j + 1);
        !title_case(next)
            && p.chars().all(char::is_alphabetic)
            && self.g.token_id(w).is_some()
            && self.g.token_id(p).is_none()
            && (self.sentence_of.tokens_around(j - 1).0 != j - 1 || matches!(next, "," | "'s" | "’s"))
    }
}

/// A capital, then lower-case letters only (`Winter`, not `WINTER` or `winter`).
fn title_case(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase) {
        return true;
    }
    if b.is_ascii() {
        return false;
    }
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.clone().next().is_some() && c.all(char::is_lowercase)
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
