//! Dictionary ("gazetteer") matching at token boundaries.
//!
//! Names are tokenized with the same [`Tokenizer`] as the documents and stored
//! in a trie keyed by token strings, so every match starts and ends at token
//! boundaries by construction, whitespace inside a name may be any run of
//! spaces or line breaks, and `Venezuela's` finds `Venezuela` (the tokenizer
//! splits the possessive) while a listed `Moody's` still wins as the longer
//! match.
//!
//! ```
//! use dateline_core::{Entry, Gazetteer, Tokenizer};
//! let gaz = Gazetteer::builder()
//!     .entry(Entry::new("United States", "LOC", "US").with_aliases(["U.S."]))
//!     .build()
//!     .unwrap();
//! let tok = Tokenizer::default();
//! let text = "U.S.-backed talks in the United States";
//! let ms = gaz.find(text, &tok.tokenize(text));
//! assert_eq!(ms.len(), 2);
//! assert_eq!(&text[ms[0].start..ms[0].end], "U.S.");
//! assert_eq!(gaz.entry(ms[1].entry).id, "US");
//! ```

mod guard;
mod io;
mod names;
mod world;

use rustc_hash::FxHashMap as HashMap;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::tokenize::{Token, Tokenizer};

pub use io::{Columns, FileFormat, parse_entries, read_entries};
pub use names::{NameRules, Rule};
pub use world::world;

/// One gazetteer entry: a canonical name, a label, an id and aliases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The canonical name; also matched.
    pub name: String,
    /// The entity label (`LOC`, `PER`, `ORG`, …).
    pub label: String,
    /// The entry's identifier; defaults to the name.
    pub id: String,
    /// Other names that find the same entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Extra data returned with every match (`{"country": "VE", "population": 3000000}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, serde_json::Value>,
    /// How this entry's names may match, overriding the gazetteer's defaults.
    #[serde(default, skip_serializing_if = "CaseRule::is_default")]
    pub case: CaseRule,
}

/// A per-entry case rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseRule {
    /// The gazetteer's rules (exact case, text in capitals too, the guard).
    #[default]
    Default,
    /// Only exactly as written: not in text written in capitals either
    /// (`AT&T`, `iPhone`, codes such as `WHO` that are words in other cases).
    Exact,
    /// Always under the common-word casing rule when the name is a common
    /// word (`Reading`, `Split`): capitalised, not sentence-initial, not in
    /// all-caps text — even in curated lists that are otherwise exempt.
    Name,
}

impl CaseRule {
    fn is_default(&self) -> bool {
        *self == CaseRule::Default
    }

    /// Parses `""`/`default`, `exact` or `name`.
    ///
    /// # Errors
    /// A message listing the valid values.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "default" => Ok(Self::Default),
            "exact" => Ok(Self::Exact),
            "name" => Ok(Self::Name),
            other => Err(format!("case must be one of 'default', 'exact', 'name', not {other:?}")),
        }
    }
}

impl Entry {
    /// An entry with no aliases.
    #[must_use]
    pub fn new(name: impl Into<String>, label: impl Into<String>, id: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            label: label.into(),
            id: id.into(),
            aliases: Vec::new(),
            attributes: BTreeMap::new(),
            case: CaseRule::Default,
        }
    }

    /// Adds an attribute.
    #[must_use]
    pub fn with_attribute(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.attributes.insert(key.into(), value.into());
        self
    }

    /// Adds aliases.
    #[must_use]
    pub fn with_aliases<I, S>(mut self, aliases: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }
}

/// A match: a byte span of the text and the entry it found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// Byte offset of the first matched token.
    pub start: usize,
    /// Byte offset one past the last matched token.
    pub end: usize,
    /// Index of the first matched token.
    pub token_start: usize,
    /// Index one past the last matched token.
    pub token_end: usize,
    /// Index of the entry (see [`Gazetteer::entry`]): the first one added
    /// among those with this name.
    pub entry: u32,
    /// The other entries with the same name, in the order they were added
    /// (`Washington`: the city, then the person). Empty in most matches.
    pub alternatives: Vec<u32>,
    /// How the match was found: a listed name, or one of the name rules
    /// ([`NameRules`]).
    pub rule: Rule,
    /// For a person found by a name rule, the id it is reported with (its
    /// name as written); `None` when the entry's id applies.
    pub name: Option<Box<str>>,
}

/// A token trie: node 0 is the root.
#[derive(Debug, Default, Deserialize)]
#[serde(try_from = "TrieRepr")]
struct Trie {
    vocab: HashMap<String, u32>,
    edges: HashMap<(u32, u32), u32>,
    /// Entry found at each node (the first one added wins), and whether that
    /// name is a common word that needs name casing in the text.
    output: Vec<Option<(u32, bool)>>,
    /// Further entries reached at a node, beyond the first.
    alternatives: HashMap<u32, Vec<u32>>,
    /// The words that start a name, as a Bloom filter small enough to stay
    /// in cache: most words of a text start no name and are passed over
    /// without touching the (large) vocabulary.
    starts: Bloom,
}

/// A Bloom filter of words (two bits per word out of ~8 per word).
#[derive(Debug, Default)]
struct Bloom {
    bits: Vec<u64>,
    /// Number of bits minus one (a power of two minus one).
    mask: u64,
}

impl Bloom {
    /// A quick multiplicative hash of the word's bytes, eight at a time.
    #[inline]
    fn hash(w: &str) -> u64 {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let b = w.as_bytes();
        let mut h = (b.len() as u64).wrapping_mul(K);
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let mut x = [0u8; 8];
            x.copy_from_slice(c);
            h = (h ^ u64::from_le_bytes(x)).wrapping_mul(K).rotate_left(23);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut x = [0u8; 8];
            x[..rest.len()].copy_from_slice(rest);
            h = (h ^ u64::from_le_bytes(x)).wrapping_mul(K);
        }
        h ^ h >> 31
    }

    fn with_words<'a>(words: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let nbits = (words.len() * 8).next_power_of_two().max(64);
        let mut b = Self { bits: vec![0; nbits / 64], mask: nbits as u64 - 1 };
        for w in words {
            let (i, j) = b.positions(Self::hash(w));
            b.bits[i / 64] |= 1 << (i % 64);
            b.bits[j / 64] |= 1 << (j % 64);
        }
        b
    }

    fn positions(&self, h: u64) -> (usize, usize) {
        let i = (h >> 32 ^ h.rotate_left(7)) & self.mask;
        let j = (h.rotate_left(29) ^ h >> 40) & self.mask;
        (i as usize, j as usize)
    }

    /// Whether `w` may be in the set (no false negatives).
    #[inline]
    fn may_contain(&self, w: &str) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        let (i, j) = self.positions(Self::hash(w));
        self.bits[i / 64] >> (i % 64) & self.bits[j / 64] >> (j % 64) & 1 == 1
    }
}

impl Trie {
    fn new() -> Self {
        Self { output: vec![None], ..Self::default() }
    }

    /// Builds the filter of words that start a name; call once all names are in.
    fn index_starts(&mut self) {
        let mut words: Vec<&str> = Vec::new();
        let mut by_sym: Vec<Option<&str>> = vec![None; self.vocab.len()];
        for (w, &sym) in &self.vocab {
            if let Some(slot) = by_sym.get_mut(sym as usize) {
                *slot = Some(w.as_str());
            }
        }
        for &(node, sym) in self.edges.keys() {
            if node == 0
                && let Some(Some(w)) = by_sym.get(sym as usize)
            {
                words.push(w);
            }
        }
        self.starts = Bloom::with_words(words.into_iter());
    }

    /// Whether some name may start with `w` (a quick, inexact test).
    #[inline]
    fn may_start(&self, w: &str) -> bool {
        self.starts.may_contain(w)
    }

    fn insert<'a>(&mut self, tokens: impl Iterator<Item = &'a str>, entry: u32, common: bool) {
        let mut node = 0u32;
        for t in tokens {
            let next_sym = u32::try_from(self.vocab.len()).unwrap_or(u32::MAX);
            let sym = *self.vocab.entry(t.to_owned()).or_insert(next_sym);
            let next_node = u32::try_from(self.output.len()).unwrap_or(u32::MAX);
            node = *self.edges.entry((node, sym)).or_insert_with(|| next_node);
            if node as usize == self.output.len() {
                self.output.push(None);
            }
        }
        if node == 0 {
            return;
        }
        match self.output[node as usize] {
            None => self.output[node as usize] = Some((entry, common)),
            Some((first, _)) if first != entry => {
                let alts = self.alternatives.entry(node).or_default();
                if !alts.contains(&entry) {
                    alts.push(entry);
                }
            }
            Some(_) => {}
        }
    }

    /// Walks the trie along `words`, calling `found(token count, entry,
    /// node)` at every complete name; `allow_common()` says whether a
    /// common-word name may match here (asked at most once, when one is found).
    fn walk<'t>(
        &self,
        mut words: impl Iterator<Item = &'t str>,
        allow_common: impl FnOnce() -> bool,
        mut found: impl FnMut(usize, u32, u32),
    ) {
        let Some(first) = words.next() else { return };
        if !self.may_start(first) {
            return;
        }
        let mut allow_common = Some(allow_common);
        let mut allowed = false;
        let mut node = 0u32;
        for (k, w) in std::iter::once(first).chain(words).enumerate() {
            let Some(&sym) = self.vocab.get(w) else { break };
            let Some(&next) = self.edges.get(&(node, sym)) else {
                break;
            };
            node = next;
            if let Some((e, common)) = self.output[node as usize] {
                if common && let Some(ask) = allow_common.take() {
                    allowed = ask();
                }
                if !common || allowed {
                    found(k + 1, e, node);
                }
            }
        }
    }
}

/// A compiled, immutable gazetteer. Build it with [`Gazetteer::builder`],
/// [`Gazetteer::from_entries`] or [`read_entries`].
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    tokenizer: Tokenizer,
    exact: Trie,
    /// Names in upper case, for text written in capitals (`CARACAS —`).
    upper: Trie,
    /// Whether the common-word guard was applied (see [`guard`]).
    common_word_guard: bool,
    /// How names and text are folded before the extra `folded` lookup.
    folding: Folding,
    /// Names folded per [`Folding`] (empty when no folding is asked for).
    folded: Trie,
    /// Given names of the person entries (see [`names`]), with the entry
    /// that lends its label to persons they start.
    given: HashMap<Box<str>, u32>,
    /// The first person entry (persons started by an initial take its label).
    first_person: Option<u32>,
}

/// Optional folding applied to names and text for matching (offsets always
/// stay in the original text).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Folding {
    /// Match regardless of case (`caracas` finds `Caracas`).
    pub case_insensitive: bool,
    /// Match regardless of accents and typography (`Nicolas` finds `Nicolás`,
    /// `’` and `'`, `–` and `-`).
    pub accents: bool,
}

impl Folding {
    /// Whether any folding is on.
    #[must_use]
    pub fn any(self) -> bool {
        self.case_insensitive || self.accents
    }

    /// `w` folded.
    #[must_use]
    pub fn fold(self, w: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let typo = |c: char| match c {
            '‘' | '’' | '‚' | '′' => '\'',
            '“' | '”' | '„' | '″' => '"',
            '–' | '—' | '‒' | '‐' | '‑' | '−' => '-',
            c => c,
        };
        let base: String = if self.accents {
            w.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).map(typo).collect()
        } else {
            w.to_owned()
        };
        if self.case_insensitive { base.to_lowercase() } else { base }
    }
}

/// Incremental construction of a [`Gazetteer`].
#[derive(Debug)]
pub struct GazetteerBuilder {
    entries: Vec<Entry>,
    common_word_guard: bool,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        Self { entries: Vec::new(), common_word_guard: true }
    }
}

impl GazetteerBuilder {
    /// Adds an entry (by value, for chaining).
    #[must_use]
    pub fn entry(mut self, entry: Entry) -> Self {
        self.entries.push(entry);
        self
    }

    /// Adds an entry in place.
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Compiles the entries.
    ///
    /// # Errors
    /// [`Error::Gazetteer`] naming the record if a name or label is empty.
    pub fn build(self) -> Result<Gazetteer, Error> {
        Gazetteer::from_entries_with(self.entries, "records", self.common_word_guard)
    }

    /// Switches the common-word guard on (the default) or off.
    #[must_use]
    pub fn common_word_guard(mut self, on: bool) -> Self {
        self.common_word_guard = on;
        self
    }
}

/// The token sequences a name is stored under: as the tokenizer splits it
/// alone, and, for a name ending in a period (`Acme Inc.`), also as it is
/// split inside a sentence (`Inc.` keeps its period there, while at the end
/// of a text the period is its own token).
fn name_forms<'a>(tokenizer: &Tokenizer, name: &'a str) -> Vec<(Cow<'a, str>, Vec<Token>)> {
    let alone = tokenizer.tokenize(name);
    let mut forms = vec![(Cow::Borrowed(name), alone)];
    if name.trim_end().ends_with('.') {
        let inside = format!("{} x", name.trim_end());
        let mut toks = tokenizer.tokenize(&inside);
        toks.pop();
        let same = toks.len() == forms[0].1.len()
            && toks.iter().zip(&forms[0].1).all(|(a, b)| inside[a.start..a.end] == name[b.start..b.end]);
        if !same {
            forms.push((Cow::Owned(inside), toks));
        }
    }
    forms
}

fn has_letters_all_upper(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

impl Gazetteer {
    /// An empty builder.
    #[must_use]
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Compiles `entries`; `source` names where they came from in errors.
    ///
    /// # Errors
    /// [`Error::Gazetteer`] with the 1-based record number if a name or label is
    /// empty (after trimming whitespace).
    pub fn from_entries(entries: Vec<Entry>, source: &str) -> Result<Self, Error> {
        Self::from_entries_with(entries, source, true)
    }

    /// As [`Gazetteer::from_entries`], choosing whether names that are
    /// ordinary words or numbers are skipped (the common-word guard).
    ///
    /// # Errors
    /// As [`Gazetteer::from_entries`].
    pub fn from_entries_with(entries: Vec<Entry>, source: &str, common_word_guard: bool) -> Result<Self, Error> {
        Self::compile(entries, source, common_word_guard, common_word_guard)
    }

    /// Compiles entries; `word_names` applies the casing rule to names that are
    /// common words (off for curated lists such as the world gazetteer, whose
    /// `China` and `Turkey` are names wherever they stand).
    pub(crate) fn compile(
        entries: Vec<Entry>,
        source: &str,
        common_word_guard: bool,
        word_names: bool,
    ) -> Result<Self, Error> {
        Self::compile_folded(entries, source, common_word_guard, word_names, Folding::default())
    }

    /// As [`Gazetteer::from_entries_with`], with optional case and accent folding.
    ///
    /// # Errors
    /// As [`Gazetteer::from_entries`].
    pub fn from_entries_folded(
        entries: Vec<Entry>,
        source: &str,
        common_word_guard: bool,
        folding: Folding,
    ) -> Result<Self, Error> {
        Self::compile_folded(entries, source, common_word_guard, common_word_guard, folding)
    }

    fn compile_folded(
        entries: Vec<Entry>,
        source: &str,
        common_word_guard: bool,
        word_names: bool,
        folding: Folding,
    ) -> Result<Self, Error> {
        let tokenizer = Tokenizer::default();
        let mut exact = Trie::new();
        let mut upper = Trie::new();
        let mut folded = Trie::new();
        for (i, e) in entries.iter().enumerate() {
            let bad = |message: String| Error::Gazetteer { source_name: source.to_owned(), line: i + 1, message };
            if e.name.trim().is_empty() {
                return Err(bad("empty name".into()));
            }
            if e.label.trim().is_empty() {
                return Err(bad(format!("empty label for name {:?}", e.name)));
            }
            let idx = u32::try_from(i).map_err(|_| bad("more than 4294967295 entries".into()))?;
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                for (source, toks) in name_forms(&tokenizer, name) {
                    let words: Vec<&str> = toks.iter().map(|t| &source[t.start..t.end]).collect();
                    // An `exact` entry written with capitals (`WHO`) is trusted
                    // past the function-word guard: it matches only as written.
                    let trusted = e.case == CaseRule::Exact && words.iter().any(|w| w.chars().any(char::is_uppercase));
                    if words.is_empty() || (common_word_guard && !trusted && guard::is_common(&words)) {
                        continue;
                    }
                    let common =
                        !trusted && (word_names || e.case == CaseRule::Name) && guard::is_common_word_name(&words);
                    exact.insert(words.iter().copied(), idx, common);
                    if !common && e.case != CaseRule::Exact {
                        let up = source.to_uppercase();
                        let mut up_toks = tokenizer.tokenize(&up);
                        if matches!(source, Cow::Owned(_)) {
                            up_toks.pop(); // the continuation word
                        }
                        upper.insert(up_toks.iter().map(|t| &up[t.start..t.end]), idx, false);
                    }
                    if folding.any() && e.case != CaseRule::Exact {
                        let f: Vec<String> = words.iter().map(|w| folding.fold(w)).collect();
                        folded.insert(f.iter().map(String::as_str), idx, common);
                    }
                }
            }
        }
        for t in [&mut exact, &mut upper, &mut folded] {
            t.index_starts();
        }
        let (given, first_person) = names::given_names(&entries);
        Ok(Self { entries, tokenizer, exact, upper, common_word_guard, folding, folded, given, first_person })
    }

    /// A new gazetteer with the entries of `self` followed by those of
    /// `other`. Where both have a name, `self`'s entry is reported first and
    /// `other`'s become further candidates. The guard is on if it is on in
    /// either.
    ///
    /// # Errors
    /// [`Error::Gazetteer`] if the combined list has over 2^32 entries.
    pub fn merge(&self, other: &Self) -> Result<Self, Error> {
        let mut entries = self.entries.clone();
        entries.extend(other.entries.iter().cloned());
        Self::from_entries_folded(
            entries,
            "merged gazetteers",
            self.common_word_guard || other.common_word_guard,
            self.folding,
        )
    }

    /// The folding used for matching.
    #[must_use]
    pub fn folding(&self) -> Folding {
        self.folding
    }

    /// A gazetteer with no entries.
    pub(crate) fn empty() -> Self {
        Self {
            entries: Vec::new(),
            tokenizer: Tokenizer::default(),
            exact: Trie::new(),
            upper: Trie::new(),
            common_word_guard: true,
            folding: Folding::default(),
            folded: Trie::new(),
            given: HashMap::default(),
            first_person: None,
        }
    }

    /// Whether the common-word guard is on.
    #[must_use]
    pub fn common_word_guard(&self) -> bool {
        self.common_word_guard
    }

    /// The entries, in the order they were added.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry a [`Match`] refers to.
    ///
    /// # Panics
    /// If `index` did not come from this gazetteer's matches.
    #[must_use]
    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The tokenizer names were split with.
    #[must_use]
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Leftmost-longest, non-overlapping matches over `tokens` of `text`.
    /// When several entries share a name, the first one added is reported.
    /// A run of tokens written in capitals also matches names in any case.
    #[must_use]
    #[inline(never)]
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<Match> {
        let mut out = Vec::new();
        if self.entries.is_empty() {
            return out;
        }
        let folded = self.fold_words(text, tokens);
        let mut i = 0;
        while i < tokens.len() {
            // The longest name here; at equal length the first trie walked wins.
            let mut best: Option<(usize, u32, u32, &Trie)> = None;
            self.names_at(text, tokens, &folded, i, |n, e, node, trie| {
                if best.is_none_or(|b| n > b.0) {
                    best = Some((n, e, node, trie));
                }
            });
            match best.filter(|&(n, e, ..)| !self.inside_longer_name(text, tokens, i, n, e)) {
                Some((n, e, node, trie)) => {
                    out.push(Self::matched(tokens, i, n, e, trie.alternatives.get(&node)));
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
        if self.entries.is_empty() {
            return out;
        }
        let folded = self.fold_words(text, tokens);
        for i in 0..tokens.len() {
            // One match per length, the first trie walked wins.
            let mut found: Vec<(usize, u32, u32, &Trie)> = Vec::new();
            self.names_at(text, tokens, &folded, i, |n, e, node, trie| {
                if !found.iter().any(|f| f.0 == n) {
                    found.push((n, e, node, trie));
                }
            });
            found.retain(|&(n, e, ..)| !self.inside_longer_name(text, tokens, i, n, e));
            found.sort_by_key(|f| f.0);
            for (n, e, node, trie) in found {
                out.push(Self::matched(tokens, i, n, e, trie.alternatives.get(&node)));
            }
        }
        out
    }

    /// The document's tokens folded per [`Folding`] (empty without folding).
    fn fold_words(&self, text: &str, tokens: &[Token]) -> Vec<String> {
        if !self.folding.any() {
            return Vec::new();
        }
        tokens.iter().map(|t| self.folding.fold(&text[t.start..t.end])).collect()
    }

    /// Calls `found(token count, entry, node, trie)` for every name starting
    /// at token `i`: as written, then in capitals (for text written in
    /// capitals), then folded.
    fn names_at<'g>(
        &'g self,
        text: &str,
        tokens: &[Token],
        folded: &[String],
        i: usize,
        mut found: impl FnMut(usize, u32, u32, &'g Trie),
    ) {
        let word = |k: usize| &text[tokens[k].start..tokens[k].end];
        let allow_common = || !self.common_word_guard || guard::casing_marks_name(text, tokens, i);
        self.exact.walk((i..tokens.len()).map(word), allow_common, |n, e, node| found(n, e, node, &self.exact));
        let w = word(i);
        if !w.as_bytes()[0].is_ascii_lowercase() && self.upper.may_start(w) && has_letters_all_upper(w) {
            let caps = (i..tokens.len()).map(word).take_while(|w| !w.chars().any(char::is_lowercase));
            self.upper.walk(caps, || false, |n, e, node| found(n, e, node, &self.upper));
        }
        if self.folding.any() {
            let words = folded[i..].iter().map(String::as_str);
            self.folded.walk(words, allow_common, |n, e, node| found(n, e, node, &self.folded));
        }
    }

    /// Entries under the name rule (the world's cities) do not match inside a
    /// longer capitalised name (`María Corina Machado`).
    fn inside_longer_name(&self, text: &str, tokens: &[Token], i: usize, len: usize, entry: u32) -> bool {
        self.entries[entry as usize].case == CaseRule::Name && guard::inside_longer_name(text, tokens, i, i + len)
    }

    fn matched(tokens: &[Token], i: usize, len: usize, entry: u32, alternatives: Option<&Vec<u32>>) -> Match {
        Match {
            start: tokens[i].start,
            end: tokens[i + len - 1].end,
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

    /// The attributes a match is reported with: its entry's, none for a
    /// person found by a name rule (`name` set: the entry only lent its label).
    #[must_use]
    pub fn match_attributes(&self, entry: u32, name: Option<&str>) -> &BTreeMap<String, serde_json::Value> {
        static NONE: BTreeMap<String, serde_json::Value> = BTreeMap::new();
        if name.is_some() { &NONE } else { &self.entries[entry as usize].attributes }
    }

    /// The id a match is reported with: the entry's, or for a person found
    /// by a name rule its own name.
    #[must_use]
    pub fn match_id<'a>(&'a self, entry: u32, name: Option<&'a str>) -> &'a str {
        name.unwrap_or(&self.entries[entry as usize].id)
    }
}

/// A trie as stored: flat vectors, decoded quickly and turned into maps of
/// exactly the right size.
#[derive(Serialize, Deserialize)]
struct TrieRepr {
    /// Token strings by symbol.
    vocab: Vec<String>,
    /// `(node, symbol, child)`.
    edges: Vec<[u32; 3]>,
    output: Vec<Option<(u32, bool)>>,
    alternatives: Vec<(u32, Vec<u32>)>,
}

impl Serialize for Trie {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut vocab = vec![String::new(); self.vocab.len()];
        for (w, &sym) in &self.vocab {
            if let Some(slot) = vocab.get_mut(sym as usize) {
                slot.clone_from(w);
            }
        }
        let mut edges: Vec<[u32; 3]> = self.edges.iter().map(|(&(a, s), &b)| [a, s, b]).collect();
        edges.sort_unstable();
        let mut alternatives: Vec<(u32, Vec<u32>)> = self.alternatives.iter().map(|(&k, v)| (k, v.clone())).collect();
        alternatives.sort_unstable();
        TrieRepr { vocab, edges, output: self.output.clone(), alternatives }.serialize(serializer)
    }
}

impl TryFrom<TrieRepr> for Trie {
    type Error = String;

    fn try_from(r: TrieRepr) -> Result<Self, String> {
        let mut vocab = HashMap::with_capacity_and_hasher(r.vocab.len(), Default::default());
        for (sym, w) in r.vocab.into_iter().enumerate() {
            let sym = u32::try_from(sym).map_err(|_| "damaged compiled gazetteer: vocabulary too large".to_owned())?;
            vocab.insert(w, sym);
        }
        let mut edges = HashMap::with_capacity_and_hasher(r.edges.len(), Default::default());
        for [a, s, b] in r.edges {
            edges.insert((a, s), b);
        }
        let mut t = Trie {
            vocab,
            edges,
            output: r.output,
            alternatives: r.alternatives.into_iter().collect(),
            starts: Bloom::default(),
        };
        t.index_starts();
        Ok(t)
    }
}

/// The first bytes of a compiled gazetteer file.
const MAGIC: &[u8; 8] = b"DLGAZ\0\0\0";
/// Version of the compiled (binary) format.
pub const BINARY_VERSION: u32 = 1;

/// An entry as stored in the compiled form (attributes as JSON text: the
/// binary encoding is not self-describing).
#[derive(Serialize, Deserialize)]
struct StoredEntry {
    name: String,
    label: String,
    id: String,
    aliases: Vec<String>,
    attributes: String,
    case: CaseRule,
}

#[derive(Serialize)]
struct CompiledRef<'a> {
    entries: Vec<StoredEntry>,
    exact: &'a Trie,
    upper: &'a Trie,
    folded: &'a Trie,
    common_word_guard: bool,
    folding: Folding,
}

#[derive(Deserialize)]
struct Compiled {
    entries: Vec<StoredEntry>,
    exact: Trie,
    upper: Trie,
    folded: Trie,
    common_word_guard: bool,
    folding: Folding,
}

impl Gazetteer {
    /// The compiled gazetteer as bytes: a magic header, [`BINARY_VERSION`],
    /// then the entries and the tries themselves, so that loading needs no
    /// recompilation.
    ///
    /// # Errors
    /// [`Error::Serialization`] if encoding fails.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Error> {
        let ser = |e: &dyn std::fmt::Display| Error::Serialization(e.to_string());
        let mut entries = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            entries.push(StoredEntry {
                name: e.name.clone(),
                label: e.label.clone(),
                id: e.id.clone(),
                aliases: e.aliases.clone(),
                attributes: if e.attributes.is_empty() {
                    String::new()
                } else {
                    serde_json::to_string(&e.attributes).map_err(|x| ser(&x))?
                },
                case: e.case,
            });
        }
        let data = CompiledRef {
            entries,
            exact: &self.exact,
            upper: &self.upper,
            folded: &self.folded,
            common_word_guard: self.common_word_guard,
            folding: self.folding,
        };
        let mut out = Vec::with_capacity(16 + self.entries.len() * 64);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BINARY_VERSION.to_le_bytes());
        let body = postcard::to_allocvec(&data).map_err(|x| ser(&x))?;
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// Whether `bytes` start like [`Gazetteer::to_bytes`] output.
    #[must_use]
    pub fn is_compiled(bytes: &[u8]) -> bool {
        bytes.starts_with(MAGIC)
    }

    /// Loads [`Gazetteer::to_bytes`] output.
    ///
    /// # Errors
    /// [`Error::Serialization`] if the bytes are not a compiled gazetteer, are
    /// of another version, or are damaged (checked: every node, symbol and
    /// entry index is in range).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let bad = |m: String| Error::Serialization(m);
        if !bytes.starts_with(MAGIC) || bytes.len() < 12 {
            return Err(bad("not a compiled dateline gazetteer (bad header)".into()));
        }
        let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
        if version != BINARY_VERSION {
            return Err(bad(format!(
                "compiled gazetteer version {version} is not supported (expected {BINARY_VERSION})"
            )));
        }
        let data: Compiled =
            postcard::from_bytes(&bytes[12..]).map_err(|e| bad(format!("damaged compiled gazetteer: {e}")))?;
        let mut entries = Vec::with_capacity(data.entries.len());
        for e in data.entries {
            let attributes = if e.attributes.is_empty() {
                BTreeMap::new()
            } else {
                serde_json::from_str(&e.attributes).map_err(|x| bad(format!("damaged attributes: {x}")))?
            };
            entries.push(Entry {
                name: e.name,
                label: e.label,
                id: e.id,
                aliases: e.aliases,
                attributes,
                case: e.case,
            });
        }
        for t in [&data.exact, &data.upper, &data.folded] {
            t.check(entries.len()).map_err(bad)?;
        }
        let (given, first_person) = names::given_names(&entries);
        Ok(Self {
            given,
            first_person,
            entries,
            tokenizer: Tokenizer::default(),
            exact: data.exact,
            upper: data.upper,
            common_word_guard: data.common_word_guard,
            folding: data.folding,
            folded: data.folded,
        })
    }
}

impl Trie {
    /// Checks a loaded trie's indices so that matching can never index out of range.
    fn check(&self, n_entries: usize) -> Result<(), String> {
        let nodes = self.output.len();
        if nodes == 0 {
            return Err("damaged compiled gazetteer: a trie has no root".into());
        }
        let entry_ok = |e: u32| (e as usize) < n_entries;
        if self.edges.iter().any(|(&(a, _), &b)| a as usize >= nodes || b as usize >= nodes)
            || self.output.iter().flatten().any(|&(e, _)| !entry_ok(e))
            || self.alternatives.iter().any(|(&n, v)| n as usize >= nodes || !v.iter().all(|&e| entry_ok(e)))
        {
            return Err("damaged compiled gazetteer: index out of range".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_bytes_round_trip_and_reject_damage() {
        let g = Gazetteer::from_entries(
            vec![
                Entry::new("New York", "LOC", "nyc").with_attribute("pop", 8_000_000),
                Entry::new("Acme Inc.", "ORG", "acme").with_aliases(["Acme"]),
                Entry::new("Acme", "PER", "acme-person"),
            ],
            "t",
        )
        .unwrap();
        let bytes = g.to_bytes().unwrap();
        assert!(Gazetteer::is_compiled(&bytes));
        let back = Gazetteer::from_bytes(&bytes).unwrap();
        assert_eq!(back.entries(), g.entries());
        let text = "NEW YORK: Acme Inc. and Acme met in New York.";
        let toks = g.tokenizer().tokenize(text);
        assert_eq!(back.find(text, &toks), g.find(text, &toks));
        assert!(Gazetteer::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        assert!(Gazetteer::from_bytes(b"{\"format_version\": 1}").is_err());
        let mut other = bytes.clone();
        other[8] = 9;
        assert!(Gazetteer::from_bytes(&other).unwrap_err().to_string().contains("version 9"));
        // Flipping bytes never panics: it loads or fails cleanly.
        for k in (12..bytes.len()).step_by(7) {
            let mut d = bytes.clone();
            d[k] ^= 0x5a;
            if let Ok(x) = Gazetteer::from_bytes(&d) {
                let _ = x.find(text, &toks);
            }
        }
    }

    #[test]
    fn all_matches_include_nested_and_overlapping() {
        let g = gaz(&[("New York", "LOC"), ("New York Times", "ORG"), ("York", "LOC"), ("Times Square", "LOC")]);
        let text = "The New York Times Square office";
        let all: Vec<&str> =
            g.find_all(text, &g.tokenizer().tokenize(text)).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(all, ["New York", "New York Times", "York", "Times Square"]);
        assert_eq!(found(&g, text), ["New York Times"]);
    }

    fn gaz(names: &[(&str, &str)]) -> Gazetteer {
        Gazetteer::from_entries(names.iter().map(|(n, l)| Entry::new(*n, *l, *n)).collect(), "t").unwrap()
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text, &g.tokenizer().tokenize(text)).iter().map(|m| text[m.start..m.end].to_owned()).collect()
    }

    #[test]
    fn boundaries_longest_and_possessive() {
        let g =
            gaz(&[("Dow Jones", "ORG"), ("Jones", "PER"), ("Venezuela", "LOC"), ("Moody's", "ORG"), ("Moody", "PER")]);
        assert_eq!(found(&g, "Dow Jonesy Jones and Dow  Jones"), ["Jones", "Dow  Jones"]);
        assert_eq!(found(&g, "Venezuela's oil and Moody's"), ["Venezuela", "Moody's"]);
        assert_eq!(found(&g, "Dow Jones"), ["Dow Jones"]);
        assert_eq!(found(&g, "Dow said"), Vec::<String>::new());
    }

    #[test]
    fn start_filter_has_no_false_negatives() {
        let words: Vec<String> = (0..5000).map(|i| format!("W{i}ord{}", "é".repeat(i % 7))).collect();
        let b = Bloom::with_words(words.iter().map(String::as_str));
        assert!(words.iter().all(|w| b.may_contain(w)));
        let others = (0..5000).filter(|i| b.may_contain(&format!("other{i}"))).count();
        assert!(others < 500, "{others} false positives in 5000");
        assert!(Bloom::default().may_contain("anything"));
    }

    #[test]
    fn all_caps_text_matches_any_case() {
        let g = gaz(&[("Caracas", "LOC")]);
        assert_eq!(found(&g, "CARACAS — Caracas and caracas"), ["CARACAS", "Caracas"]);
    }

    #[test]
    fn empty_name_is_an_error_naming_the_record() {
        let err =
            Gazetteer::from_entries(vec![Entry::new("a", "L", "1"), Entry::new(" ", "L", "2")], "x.tsv").unwrap_err();
        assert_eq!(err.to_string(), "x.tsv, line 2: empty name");
    }
}
