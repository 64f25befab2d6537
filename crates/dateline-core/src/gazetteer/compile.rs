//! Compiling entries: each name and alias in its forms (as written, folded,
//! case variants), checked (attribute depth, common words) and added to the
//! trie and the store.

#[allow(clippy::wildcard_imports)]
use super::*;

/// The token sequences a name is stored under: as the tokenizer splits it
/// alone, and, for a name ending in a period (`Acme Inc.`), also as it is
/// split inside a sentence (`Inc.` keeps its period there, while at the end
/// of a text the period is its own token).
pub(super) fn name_forms<'a>(tokenizer: &Tokenizer, name: &'a str) -> Vec<(Cow<'a, str>, Vec<Token>)> {
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

pub(super) fn has_letters_all_upper(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_ascii() {
        return b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase);
    }
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

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

pub(super) fn check_attributes(e: &Entry) -> Result<(), String> {
    for (key, v) in &e.attributes {
        if json_depth(v, MAX_ATTRIBUTE_DEPTH) > MAX_ATTRIBUTE_DEPTH {
            return Err(too_deep_message(&e.name, key));
        }
    }
    Ok(())
}

/// Compiles entries one at a time into the tries and the entry store.
pub(super) struct Compiler {
    pub(super) source: String,
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
    pub(super) fn new(
        source: &str,
        common_word_guard: bool,
        word_names: bool,
        folding: Folding,
        capacity: usize,
    ) -> Self {
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
    pub(super) fn add(&mut self, e: Entry, line: usize) -> Result<(), Error> {
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

    pub(super) fn finish(self) -> Gazetteer {
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
