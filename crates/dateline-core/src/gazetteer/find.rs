//! Finding names in a document's tokens: the longest name at each token
//! boundary, every match (`find_all`), and the name rules on top.

#[allow(clippy::wildcard_imports)]
use super::*;

impl Gazetteer {
    /// Leftmost-longest, non-overlapping matches over `tokens` of `text`.
    /// When several entries share a name, the first one added is reported.
    /// A run of tokens written in capitals also matches names in any case.
    #[must_use]
    #[inline(never)]
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<Match> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut words = Prepared::none();
        let mut i = 0;
        while i < tokens.len() {
            if i >= words.until {
                words = self.prepare_window(text, tokens, i);
            }
            // The longest name here; at equal length the first trie walked wins.
            let mut best: Option<(usize, u32, u32, &Trie)> = None;
            self.names_at(text, tokens, &words, i, |n, e, node, trie| {
                if best.is_none_or(|b| n > b.0) {
                    best = Some((n, e, node, trie));
                }
            });
            match best.filter(|&(n, e, ..)| !self.inside_longer_name(text, tokens, i, n, e)) {
                Some((n, e, node, trie)) => {
                    out.push(Self::matched(tokens, i, n, e, trie.alternatives(node)));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Every match in `text`, nested and overlapping ones included, ordered
    /// by start then end. Where a span is found both as written and in
    /// capitals or folded, the as-written entry is reported.
    #[must_use]
    pub fn find_all(&self, text: &str, tokens: &[Token]) -> Vec<Match> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let mut words = Prepared::none();
        for i in 0..tokens.len() {
            if i >= words.until {
                words = self.prepare_window(text, tokens, i);
            }
            // One match per length, the first trie walked wins.
            let mut found: Vec<(usize, u32, u32, &Trie)> = Vec::new();
            self.names_at(text, tokens, &words, i, |n, e, node, trie| {
                if !found.iter().any(|f| f.0 == n) {
                    found.push((n, e, node, trie));
                }
            });
            found.retain(|&(n, e, ..)| !self.inside_longer_name(text, tokens, i, n, e));
            found.sort_by_key(|f| f.0);
            for (n, e, node, trie) in found {
                out.push(Self::matched(tokens, i, n, e, trie.alternatives(node)));
            }
        }
        out
    }

    /// Calls `found(token count, entry, node, trie)` for every name starting
    /// at token `i`: as written, then in capitals (for text written in
    /// capitals), then folded.
    pub(super) fn names_at<'g>(
        &'g self,
        text: &str,
        tokens: &[Token],
        words: &Prepared<'_>,
        i: usize,
        mut found: impl FnMut(usize, u32, u32, &'g Trie),
    ) {
        let word = |k: usize| &text[tokens[k].start()..tokens[k].end()];
        let allow_common = || !self.common_word_guard || guard::casing_marks_name(text, tokens, i);
        // The prepared words are those of `words.base..words.end`, which a
        // walk from `i` (before `words.until`) never reads past.
        let steps = &words.steps;
        let at = i - words.base;
        let hash = |k: usize| steps.hashes[k - words.base];
        if steps.nodes[at] != 0 {
            let rest = (i + 1..words.end).map(|k| (word(k), hash(k)));
            self.exact.walk_on(steps.nodes[at], rest, allow_common, |n, e, node| found(n, e, node, &self.exact));
        }
        let w = word(i);
        let b = w.as_bytes();
        // `Reuters`, `the`: a lower-case ASCII letter first or second rules capitals out.
        let lower_early = b[0].is_ascii_lowercase() || b.get(1).is_some_and(u8::is_ascii_lowercase);
        if !lower_early && has_letters_all_upper(w) && self.upper.may_start(w) {
            let caps = (i..tokens.len()).map(word).take_while(|w| !w.chars().any(char::is_lowercase));
            self.upper.walk(caps, || false, |n, e, node| found(n, e, node, &self.upper));
        }
        if self.folding.any() {
            if self.walk_every_folded(words, i) {
                // Folding changes a word a name could reach: every folded name.
                let found = |n, e, node| found(n, e, node, &self.folded);
                if words.folded.is_empty() {
                    self.folded.walk((i..tokens.len()).map(word), allow_common, found);
                } else {
                    self.folded.walk(words.folded[at..].iter().map(AsRef::as_ref), allow_common, found);
                }
            } else if self.folded_changed_starts.may_contain_hash(hash(i)) {
                // The words are as written (so are their hashes): only the nodes
                // where a name that folding changes ends can add a match.
                let rest = (i + 1..words.end).map(|k| (word(k), hash(k)));
                let changed = &self.folded_changed_ends;
                self.folded.walk_hashed(word(i), hash(i), rest, allow_common, |n, e, node| {
                    if trie::has_bit(changed, node) {
                        found(n, e, node, &self.folded);
                    }
                });
            }
        }
        if !words.lower.is_empty() {
            let lower = words.lower[at..].iter().map(|w| w.as_ref());
            self.lower.walk(lower, allow_common, |n, e, node| found(n, e, node, &self.lower));
        }
    }

    /// Whether every folded name is walked from token `i`: folding changes a
    /// word within the longest folded name's reach.
    pub(super) fn walk_every_folded(&self, words: &Prepared<'_>, i: usize) -> bool {
        #[cfg(test)]
        if tests::EVERY_FOLDED.get() {
            return true;
        }
        words.next_changed.get(i - words.base).is_some_and(|&c| c - i < self.folded_depth)
    }

    /// Entries under the name rule (the world's cities) do not match inside a
    /// longer capitalised name (`María Corina Machado`).
    pub(super) fn inside_longer_name(&self, text: &str, tokens: &[Token], i: usize, len: usize, entry: u32) -> bool {
        self.entries.case(entry) == CaseRule::Name && guard::inside_longer_name(text, tokens, i, i + len)
    }

    pub(super) fn matched(
        tokens: &[Token],
        i: usize,
        len: usize,
        entry: u32,
        alternatives: Option<&Vec<u32>>,
    ) -> Match {
        Match {
            start: tokens[i].start(),
            end: tokens[i + len - 1].end(),
            token_start: i,
            token_end: i + len,
            entry,
            alternatives: alternatives.cloned().unwrap_or_default(),
            rule: Rule::Name,
            name: None,
        }
    }

    /// [`Gazetteer::find`], then the name rules `rules` (see [`NameRules`]).
    #[must_use]
    #[inline(never)]
    pub fn find_with_rules(&self, text: &str, tokens: &[Token], rules: NameRules) -> Vec<Match> {
        let found = self.find(text, tokens);
        if rules.any() && !found.is_empty() || rules.persons && self.first_person.is_some() {
            self.apply_name_rules(text, tokens, found, rules)
        } else {
            found
        }
    }
}
