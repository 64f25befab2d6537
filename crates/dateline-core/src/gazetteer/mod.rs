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
mod file;
mod guard;
mod io;
mod names;
mod prepare;
mod store;
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

pub use binary::BINARY_VERSION;
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
            && toks.iter().zip(&forms[0].1).all(|(a, b)| inside[a.start()..a.end()] == name[b.start()..b.end()]);
        if !same {
            forms.push((Cow::Owned(inside), toks));
        }
    }
    forms
}

fn has_letters_all_upper(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_ascii() {
        return b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase);
    }
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// The most lists and objects nested in one attribute value (`[[1]]` is 2
/// deep, a number 0). JSON readers stop at some depth (serde_json at 128,
/// counting the levels around the attributes in a saved pipeline), so a
/// deeper value could be saved but never loaded back.
pub const MAX_ATTRIBUTE_DEPTH: usize = 64;

/// How deep lists and objects nest in `v` (0 for a scalar), counted no
/// further than `limit + 1` (no recursion: any depth is safe).
#[must_use]
pub fn json_depth(v: &serde_json::Value, limit: usize) -> usize {
    use serde_json::Value;
    let mut deepest = 0;
    let mut stack = vec![(v, 0usize)];
    while let Some((v, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &serde_json::Value>> = match v {
            Value::Array(a) => Box::new(a.iter()),
            Value::Object(m) => Box::new(m.values()),
            _ => continue,
        };
        let depth = depth + 1;
        deepest = deepest.max(depth);
        if depth > limit {
            break;
        }
        stack.extend(children.map(|c| (c, depth)));
    }
    deepest
}

/// The message for an attribute nested deeper than [`MAX_ATTRIBUTE_DEPTH`].
#[must_use]
pub fn too_deep_message(name: &str, key: &str) -> String {
    format!(
        "attribute {key:?} of {name:?} nests lists and dicts more than {MAX_ATTRIBUTE_DEPTH} levels deep \
         (the most a gazetteer saves and loads back)"
    )
}

fn check_attributes(e: &Entry) -> Result<(), String> {
    for (key, v) in &e.attributes {
        if json_depth(v, MAX_ATTRIBUTE_DEPTH) > MAX_ATTRIBUTE_DEPTH {
            return Err(too_deep_message(&e.name, key));
        }
    }
    Ok(())
}

/// Compiles entries one at a time into the tries and the entry store.
struct Compiler {
    source: String,
    common_word_guard: bool,
    word_names: bool,
    folding: Folding,
    tokenizer: Tokenizer,
    exact: TrieBuilder,
    upper: TrieBuilder,
    folded: TrieBuilder,
    /// Nodes of `folded` where a name that folding changes ends, and that name's first folded word.
    folded_changed: Vec<(u32, String)>,
    folded_depth: usize,
    lower: TrieBuilder,
    store: store::StoreBuilder,
    n: usize,
}

impl Compiler {
    fn new(source: &str, common_word_guard: bool, word_names: bool, folding: Folding, capacity: usize) -> Self {
        Self {
            source: source.to_owned(),
            common_word_guard,
            word_names,
            folding,
            tokenizer: Tokenizer::default(),
            exact: TrieBuilder::new(),
            upper: TrieBuilder::new(),
            folded: TrieBuilder::new(),
            folded_changed: Vec::new(),
            folded_depth: 0,
            lower: TrieBuilder::new(),
            store: store::StoreBuilder::with_capacity(capacity),
            n: 0,
        }
    }

    /// Adds an entry; `line` (1-based) names it in errors.
    fn add(&mut self, e: Entry, line: usize) -> Result<(), Error> {
        let bad = |message: String| Error::Gazetteer { source_name: self.source.clone(), line, message };
        if e.name.trim().is_empty() {
            return Err(bad("empty name".into()));
        }
        if e.label.trim().is_empty() {
            return Err(bad(format!("empty label for name {:?}", e.name)));
        }
        check_attributes(&e).map_err(bad)?;
        let idx = u32::try_from(self.n).map_err(|_| bad("more than 4294967295 entries".into()))?;
        // Aliases are trimmed and empty ones left out, as every builder reads them.
        let mut e = e;
        if e.aliases.iter().any(|a| a.trim().len() != a.len() || a.is_empty()) {
            e.aliases = e.aliases.iter().map(|a| a.trim()).filter(|a| !a.is_empty()).map(str::to_owned).collect();
        }
        let (common_word_guard, word_names, folding) = (self.common_word_guard, self.word_names, self.folding);
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            // The guard drops names without a capital letter (`at`, `14`, names in
            // scripts without case): skip them before tokenizing.
            if common_word_guard && guard::lacks_capital(name) {
                continue;
            }
            for (source, toks) in name_forms(&self.tokenizer, name) {
                let words: Vec<&str> = toks.iter().map(|t| &source[t.start()..t.end()]).collect();
                // An `exact` entry written with capitals (`WHO`) is trusted
                // past the function-word guard: it matches only as written.
                let trusted = e.case == CaseRule::Exact && words.iter().any(|w| w.chars().any(char::is_uppercase));
                if words.is_empty() || (common_word_guard && !trusted && guard::is_common(&words)) {
                    continue;
                }
                let common = !trusted && (word_names || e.case == CaseRule::Name) && guard::is_common_word_name(&words);
                self.exact.insert(words.iter().copied(), idx, common);
                if !common && e.case != CaseRule::Exact {
                    let up = source.to_uppercase();
                    let mut up_toks = self.tokenizer.tokenize(&up);
                    if matches!(source, Cow::Owned(_)) {
                        up_toks.pop(); // the continuation word
                    }
                    self.upper.insert(up_toks.iter().map(|t| &up[t.start()..t.end()]), idx, false);
                }
                if folding.any() && e.case != CaseRule::Exact {
                    let f: Vec<String> = words.iter().map(|w| folding.fold(w)).collect();
                    let end = self.folded.insert(f.iter().map(String::as_str), idx, common);
                    if end != 0 && f.iter().zip(&words).any(|(f, w)| f != w) {
                        self.folded_changed.push((end, f[0].clone()));
                    }
                    self.folded_depth = self.folded_depth.max(f.len());
                }
                if e.case == CaseRule::Insensitive {
                    let low: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
                    self.lower.insert(low.iter().map(String::as_str), idx, common);
                }
            }
        }
        self.store.push(e).map_err(bad)?;
        self.n += 1;
        Ok(())
    }

    fn finish(self) -> Gazetteer {
        let (exact, upper, folded) = (self.exact.freeze(), self.upper.freeze(), self.folded.freeze());
        let lower = self.lower.freeze();
        let folded_changed_ends = trie::node_bits(folded.nodes(), self.folded_changed.iter().map(|&(node, _)| node));
        let folded_changed_starts = Bloom::with_words(self.folded_changed.iter().map(|(_, w)| w.as_str()));
        let entries = self.store.finish();
        let (given, first_person) = names::given_names(&entries);
        Gazetteer {
            entries,
            tokenizer: self.tokenizer,
            exact,
            upper,
            common_word_guard: self.common_word_guard,
            folding: self.folding,
            folded,
            folded_changed_ends,
            folded_changed_starts,
            folded_depth: self.folded_depth,
            lower,
            given,
            first_person,
        }
    }
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
    fn names_at<'g>(
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
    fn walk_every_folded(&self, words: &Prepared<'_>, i: usize) -> bool {
        #[cfg(test)]
        if tests::EVERY_FOLDED.get() {
            return true;
        }
        words.next_changed.get(i - words.base).is_some_and(|&c| c - i < self.folded_depth)
    }

    /// Entries under the name rule (the world's cities) do not match inside a
    /// longer capitalised name (`María Corina Machado`).
    fn inside_longer_name(&self, text: &str, tokens: &[Token], i: usize, len: usize, entry: u32) -> bool {
        self.entries.case(entry) == CaseRule::Name && guard::inside_longer_name(text, tokens, i, i + len)
    }

    fn matched(tokens: &[Token], i: usize, len: usize, entry: u32, alternatives: Option<&Vec<u32>>) -> Match {
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

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Walk every folded name at every token (the definition the shortcut must equal).
        pub(super) static EVERY_FOLDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Walking only the names folding changes where the text's words are
    /// as written gives the matches of walking every folded name everywhere.
    #[test]
    fn changed_folded_names_suffice_where_words_are_unchanged() {
        let names = [
            ("Sale", "MISC"),
            ("Salé", "LOC"),
            ("Mar", "MISC"),
            ("Mär", "LOC"),
            ("New York", "LOC"),
            ("Sao", "MISC"),
            ("Bogotá", "LOC"),
            ("Bogotá", "ORG"),
            ("São Paulo", "ORG"),
            ("Bogota", "ORG"),
            ("São Paulo", "LOC"),
            ("Sao Paulo Norte", "LOC"),
            ("Nicolás Maduro", "PER"),
            ("Maduro", "PER"),
            ("Café Tacuba", "ORG"),
            ("Cafe", "MISC"),
            ("New York", "LOC"),
            ("New York Times", "ORG"),
            ("Côte d’Ivoire", "LOC"),
            ("Cote d'Ivoire", "LOC"),
            ("Zürich", "LOC"),
            ("Paulo", "PER"),
            ("Times", "ORG"),
        ];
        // Words folding changes are one in five of the text, as names are rare.
        let changed = ["Salé", "Mär", "Bogotá", "BOGOTÁ", "São", "Nicolás", "Café", "Côte", "d’Ivoire", "Zürich"];
        let plain = [
            "Bogota", "Sao", "Paulo", "Norte", "Nicolas", "Maduro", "Cafe", "Tacuba", "New", "York", "Times", "Cote",
            "d'Ivoire", "Zurich", "the", "in", ",", ".", "said", "and", "of", "Sale", "sale", "Mar", "The",
        ];
        for case_insensitive in [false, true] {
            let folding = Folding { case_insensitive, accents: true };
            let entries: Vec<Entry> =
                names.iter().enumerate().map(|(k, (n, l))| Entry::new(*n, *l, format!("id:{k}"))).collect();
            let g = Gazetteer::from_entries_folded(entries, "t", true, folding).unwrap();
            let every = |f: &dyn Fn() -> Vec<Match>| {
                EVERY_FOLDED.set(true);
                let m = f();
                EVERY_FOLDED.set(false);
                m
            };
            let mut seed = 0x9E37_79B9_7F4A_7C15u64;
            let below = |seed: &mut u64, m: usize| {
                *seed ^= *seed << 13;
                *seed ^= *seed >> 7;
                *seed ^= *seed << 17;
                (*seed % m as u64) as usize
            };
            let mut changed_walks = 0;
            for _ in 0..3000 {
                let n = 1 + below(&mut seed, 12);
                let words: Vec<&str> = (0..n)
                    .map(|_| {
                        if below(&mut seed, 5) == 0 {
                            changed[below(&mut seed, changed.len())]
                        } else {
                            plain[below(&mut seed, plain.len())]
                        }
                    })
                    .collect();
                let text = words.join(" ");
                let tokens = g.tokenizer().tokenize(&text);
                assert_eq!(g.find(&text, &tokens), every(&|| g.find(&text, &tokens)), "{text}");
                assert_eq!(g.find_all(&text, &tokens), every(&|| g.find_all(&text, &tokens)), "{text}");
                let words = g.prepare_window(&text, &tokens, 0);
                changed_walks += (0..tokens.len())
                    .filter(|&i| {
                        !g.walk_every_folded(&words, i)
                            && g.folded_changed_starts.may_contain_hash(words.steps.hashes[i])
                    })
                    .count();
            }
            if !case_insensitive {
                // (Folding case changes every capitalised word: the shortcut is rare then.)
                assert!(changed_walks > 100, "the shortcut was taken {changed_walks} times");
            }
        }
    }

    /// Borrowed folding gives what folding gives, for every option.
    #[test]
    fn fold_cow_equals_fold() {
        let words = [
            "Caracas",
            "caracas",
            "CARACAS",
            "Nicolás",
            "Maduro’s",
            "U.S.",
            "1989",
            "—",
            "e-mail",
            "İstanbul",
            "ǅ",
            "",
        ];
        for case_insensitive in [false, true] {
            for accents in [false, true] {
                let f = Folding { case_insensitive, accents };
                for w in words {
                    assert_eq!(f.fold_cow(w), f.fold(w), "{w} {f:?}");
                }
            }
        }
        assert!(matches!(Folding { case_insensitive: false, accents: true }.fold_cow("Caracas"), Cow::Borrowed(_)));
    }

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
        let again = Gazetteer::from_entries(g.entries(), "t").unwrap();
        assert_eq!(again.to_bytes().unwrap(), bytes, "the compiled bytes are the same from build to build");
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
