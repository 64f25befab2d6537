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

mod binary;
mod compile;
mod file;
mod find;
mod guard;
mod io;
mod names;
mod prepare;
mod store;
#[cfg(test)]
mod tests;
mod trie;
mod world;

use rustc_hash::FxHashMap as HashMap;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::tokenize::{Token, Tokenizer};
use prepare::Prepared;
use trie::{Bloom, Trie, TrieBuilder};

#[allow(clippy::wildcard_imports)]
use compile::*;

pub use binary::BINARY_VERSION;
pub use compile::{json_depth, too_deep_message};
pub use file::{FileKind, write_atomically};
pub use io::{Columns, FileFormat, parse_entries, read_entries, split_aliases};
pub use names::{NameRules, Rule};
pub use store::EntryRef;
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
    /// In any case (`iphone`, `IPHONE`, `iPhone`), under the common-word
    /// guard: a name that is a common word still needs name casing.
    Insensitive,
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
            "insensitive" => Ok(Self::Insensitive),
            other => Err(format!("case must be one of 'default', 'exact', 'name', 'insensitive', not {other:?}")),
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

/// A compiled, immutable gazetteer. Build it with [`Gazetteer::builder`],
/// [`Gazetteer::from_entries`] or [`read_entries`].
#[derive(Debug)]
pub struct Gazetteer {
    entries: store::EntryStore,
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
    /// The nodes of `folded` where a name that folding changes ends
    /// (`Bogotá` → `Bogota`), one bit each. Where folding leaves the text's
    /// words as they are, only these nodes can add a match: the names
    /// ending elsewhere equal the text as written, and the exact trie,
    /// walked first, finds them at the same length.
    folded_changed_ends: Vec<u64>,
    /// The first folded words of the names folding changes.
    folded_changed_starts: Bloom,
    /// The most words of a folded name.
    folded_depth: usize,
    /// Names of entries matched in any case ([`CaseRule::Insensitive`]), in lower case.
    lower: Trie,
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

    /// `w` folded, borrowed when folding leaves it as it is (ASCII without
    /// capitals to lower): most words of English text.
    #[must_use]
    pub fn fold_cow(self, w: &str) -> Cow<'_, str> {
        let b = w.as_bytes();
        if b.is_ascii() && !(self.case_insensitive && b.iter().any(u8::is_ascii_uppercase)) {
            // ASCII has no accents, no typographic marks and is its own NFD.
            return Cow::Borrowed(w);
        }
        Cow::Owned(self.fold(w))
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

/// The most lists and objects nested in one attribute value (`[[1]]` is 2
/// deep, a number 0). JSON readers stop at some depth (serde_json at 128,
/// counting the levels around the attributes in a saved pipeline), so a
/// deeper value could be saved but never loaded back.
pub const MAX_ATTRIBUTE_DEPTH: usize = 64;

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
        let mut c = Compiler::new(source, common_word_guard, word_names, folding, entries.len());
        for (i, e) in entries.into_iter().enumerate() {
            c.add(e, i + 1)?;
        }
        Ok(c.finish())
    }

    /// Reads and compiles gazetteer files one entry at a time (no list of
    /// the whole file is held), as [`read_entries`] reads them, with the
    /// options of [`Gazetteer::from_entries_folded`]. Errors name the file
    /// and line.
    ///
    /// # Errors
    /// As [`read_entries`] and [`Gazetteer::from_entries`].
    pub fn read_files(
        paths: &[&std::path::Path],
        format: Option<FileFormat>,
        columns: &Columns,
        common_word_guard: bool,
        folding: Folding,
    ) -> Result<Self, Error> {
        let mut c = Compiler::new("", common_word_guard, common_word_guard, folding, 0);
        for path in paths {
            c.source = path.display().to_string();
            io::read_entries_into(path, format, columns, &mut |e, line| c.add(e, line))?;
        }
        Ok(c.finish())
    }

    /// A new gazetteer with the entries of `self` followed by those of
    /// `other`. Where both have a name, `self`'s entry is reported first and
    /// `other`'s become further candidates. The guard is on if it is on in
    /// either.
    ///
    /// # Errors
    /// [`Error::Gazetteer`] if the combined list has over 2^32 entries.
    pub fn merge(&self, other: &Self) -> Result<Self, Error> {
        let mut entries = self.entries();
        entries.extend(other.entries.iter().map(|e| e.to_entry()));
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
            entries: store::EntryStore::default(),
            tokenizer: Tokenizer::default(),
            exact: Trie::default(),
            upper: Trie::default(),
            common_word_guard: true,
            folding: Folding::default(),
            folded: Trie::default(),
            folded_changed_ends: Vec::new(),
            folded_changed_starts: Bloom::with_words(std::iter::empty()),
            folded_depth: 0,
            lower: Trie::default(),
            given: HashMap::default(),
            first_person: None,
        }
    }

    /// Whether the common-word guard is on.
    #[must_use]
    pub fn common_word_guard(&self) -> bool {
        self.common_word_guard
    }

    /// A copy of the entries, in the order they were added.
    #[must_use]
    pub fn entries(&self) -> Vec<Entry> {
        self.entries.iter().map(|e| e.to_entry()).collect()
    }

    /// The entries, in the order they were added, borrowed.
    pub fn iter_entries(&self) -> impl ExactSizeIterator<Item = EntryRef<'_>> {
        self.entries.iter()
    }

    /// The entry a [`Match`] refers to.
    ///
    /// # Panics
    /// If `index` did not come from this gazetteer's matches.
    #[must_use]
    pub fn entry(&self, index: u32) -> EntryRef<'_> {
        self.entries.get(index)
    }

    /// The label of entry `index` (see [`Gazetteer::entry`]).
    #[must_use]
    pub fn label(&self, index: u32) -> &str {
        self.entries.label(index)
    }

    /// Number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.len() == 0
    }

    /// The tokenizer names were split with.
    #[must_use]
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// The label of entry `entry`.
    pub(crate) fn entry_label(&self, entry: u32) -> &str {
        self.entries.label(entry)
    }

    /// The attributes a match is reported with: its entry's, none for a
    /// person found by a name rule (`name` set: the entry only lent its label).
    #[must_use]
    pub fn match_attributes(&self, entry: u32, name: Option<&str>) -> &BTreeMap<String, serde_json::Value> {
        static NONE: BTreeMap<String, serde_json::Value> = BTreeMap::new();
        if name.is_some() { &NONE } else { self.entries.attributes(entry) }
    }

    /// The id a match is reported with: the entry's, or for a person found
    /// by a name rule its own name.
    #[must_use]
    pub fn match_id<'a>(&'a self, entry: u32, name: Option<&'a str>) -> &'a str {
        name.unwrap_or_else(|| self.entries.id(entry))
    }
}
