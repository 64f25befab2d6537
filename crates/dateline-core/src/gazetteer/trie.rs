//! The token trie names are stored in.
//!
//! Built with hash maps ([`TrieBuilder`]), then frozen into flat
//! open-addressing tables ([`Trie`]): a vocabulary (word → symbol, the words
//! in one text arena) and an edge table ((node, symbol) → child). The flat
//! form is compact (no allocation per word), is stored and loaded as it is
//! (loading decodes vectors, it does not rehash), and a lookup touches few
//! cache lines. A Bloom filter of the words that start a name lets most
//! words of a text be passed over without touching the tables.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// A quick multiplicative hash of a word's bytes, eight at a time.
#[inline]
fn hash(w: &str) -> u64 {
    hash_bytes(w.as_bytes())
}

/// [`hash`] of a word's bytes.
#[inline]
fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut x = [0u8; 8];
        x.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(x)).wrapping_mul(K).rotate_left(23);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h ^ tail(rest)).wrapping_mul(K);
    }
    mix(h)
}

/// The 1 to 7 bytes `r` as a little-endian number, read as two overlapping
/// halves (a short copy would call memcpy; a loop costs a step per byte).
#[inline]
fn tail(r: &[u8]) -> u64 {
    let n = r.len();
    let two = |i: usize| u64::from(u16::from_le_bytes([r[i], r[i + 1]]));
    let four = |i: usize| u64::from(u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]));
    // Bytes read by both halves are the same bytes at the same place.
    match n {
        1 => u64::from(r[0]),
        2 | 3 => two(0) | two(n - 2) << (8 * (n - 2)),
        _ => four(0) | four(n - 4) << (8 * (n - 4)),
    }
}

/// Whether `a` and `b` are equal: words of up to 16 bytes (nearly all) are
/// compared as one or two numbers, without a call to `memcmp`.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let eight = |x: &[u8], i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&x[i..i + 8]);
        u64::from_le_bytes(w)
    };
    match n {
        0 => true,
        1..=7 => tail(a) == tail(b),
        8..=16 => eight(a, 0) == eight(b, 0) && eight(a, n - 8) == eight(b, n - 8),
        _ => a == b,
    }
}

/// Symbol `sym`'s word in a vocabulary kept as one string `words`, with
/// each symbol's end in `word_end` (its start is the previous end).
#[inline]
fn word_span(word_end: &[u32], sym: usize) -> std::ops::Range<usize> {
    let start = if sym == 0 { 0 } else { word_end[sym - 1] as usize };
    start..word_end[sym] as usize
}

/// One bit for each of `nodes` nodes, set for the nodes of `marked`.
pub(super) fn node_bits(nodes: usize, marked: impl IntoIterator<Item = u32>) -> Vec<u64> {
    let mut bits = vec![0u64; nodes.div_ceil(64)];
    for n in marked {
        if let Some(b) = bits.get_mut(n as usize / 64) {
            *b |= 1 << (n % 64);
        }
    }
    bits
}

/// Whether node `n` has its bit in `bits` (made by [`node_bits`]).
#[inline]
pub(super) fn has_bit(bits: &[u64], n: u32) -> bool {
    bits.get(n as usize / 64).is_some_and(|b| b >> (n % 64) & 1 == 1)
}

/// A finalizer that spreads every input bit over the low bits too (the
/// tables index by the low bits).
#[inline]
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

#[inline]
fn edge_hash(node: u32, sym: u32) -> u64 {
    mix((u64::from(node) << 32 | u64::from(sym)).wrapping_mul(K))
}

/// A table size for `n` keys: a power of two, at most two-thirds full.
fn table_size(n: usize) -> usize {
    (n + n / 2 + 1).next_power_of_two().max(8)
}

/// A Bloom filter of words: two bits per word, both in one 64-bit block
/// (one memory access per test), ~8 bits per word.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Bloom {
    bits: Vec<u64>,
    /// Number of blocks minus one (a power of two minus one).
    mask: u64,
}

impl Bloom {
    pub(super) fn with_words<'a>(words: impl ExactSizeIterator<Item = &'a str>) -> Self {
        let blocks = (words.len() / 8).next_power_of_two().max(1);
        let mut b = Self { bits: vec![0; blocks], mask: blocks as u64 - 1 };
        for w in words {
            let (block, bits) = b.position(hash(w));
            b.bits[block] |= bits;
        }
        b
    }

    /// The block of a word with hash `h`, and its two bits there.
    #[inline]
    fn position(&self, h: u64) -> (usize, u64) {
        let block = (h >> 40 & self.mask) as usize;
        let bits = 1u64 << (h >> 20 & 63) | 1u64 << (h >> 26 & 63);
        (block, bits)
    }

    /// Whether `w` may be in the set (no false negatives).
    #[inline]
    pub(super) fn may_contain(&self, w: &str) -> bool {
        self.may_contain_hash(hash(w))
    }

    /// As [`Bloom::may_contain`], given the word's [`hash`].
    #[inline]
    pub(super) fn may_contain_hash(&self, h: u64) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        let (block, bits) = self.position(h);
        self.bits[block] & bits == bits
    }

    pub(super) fn check(&self) -> bool {
        self.bits.is_empty() || self.bits.len().is_power_of_two() && self.mask == self.bits.len() as u64 - 1
    }
}

/// A trie under construction: node 0 is the root.
///
/// Its words are kept as the frozen [`Trie`] keeps them, one after the other
/// in one string, found again by their [`hash`]: no allocation per word.
#[derive(Debug)]
pub(super) struct TrieBuilder {
    /// The words, one after the other, by symbol.
    words: String,
    /// End of each symbol's word in `words`.
    word_end: Vec<u32>,
    /// Word hash → symbol.
    index: HashMap<u64, u32>,
    /// Words whose hash an earlier, different word has.
    clashes: HashMap<Box<str>, u32>,
    edges: HashMap<(u32, u32), u32>,
    output: Vec<Option<(u32, bool)>>,
    alternatives: HashMap<u32, Vec<u32>>,
}

impl TrieBuilder {
    pub(super) fn new() -> Self {
        Self {
            words: String::new(),
            word_end: Vec::new(),
            index: HashMap::default(),
            clashes: HashMap::default(),
            edges: HashMap::default(),
            output: vec![None],
            alternatives: HashMap::default(),
        }
    }

    /// Symbol `sym`'s word.
    fn word(&self, sym: u32) -> &str {
        &self.words[word_span(&self.word_end, sym as usize)]
    }

    /// The symbol of `w`, added if new.
    fn symbol(&mut self, w: &str) -> u32 {
        let h = hash(w);
        let known = self.index.get(&h).copied();
        if let Some(sym) = known {
            if self.word(sym) == w {
                return sym;
            }
            if let Some(&sym) = self.clashes.get(w) {
                return sym;
            }
        }
        let sym = u32::try_from(self.word_end.len()).unwrap_or(u32::MAX);
        self.words.push_str(w);
        self.word_end.push(u32::try_from(self.words.len()).unwrap_or(u32::MAX));
        if known.is_some() {
            self.clashes.insert(w.into(), sym);
        } else {
            self.index.insert(h, sym);
        }
        sym
    }

    /// Adds a name (its words) for `entry`; `common` marks a common-word
    /// name. Returns the node where the name ends (0 for no words).
    pub(super) fn insert<'a>(&mut self, tokens: impl Iterator<Item = &'a str>, entry: u32, common: bool) -> u32 {
        let mut node = 0u32;
        for t in tokens {
            let sym = self.symbol(t);
            let next_node = u32::try_from(self.output.len()).unwrap_or(u32::MAX);
            node = *self.edges.entry((node, sym)).or_insert(next_node);
            if node as usize == self.output.len() {
                self.output.push(None);
            }
        }
        if node == 0 {
            return 0;
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
        node
    }

    /// The flat, immutable form (the maps are consumed as it is built, so
    /// both forms are never held whole at once).
    pub(super) fn freeze(self) -> Trie {
        let n_words = self.word_end.len();
        let starts = {
            let first: Vec<&str> =
                self.edges.keys().filter(|&&(node, _)| node == 0).map(|&(_, sym)| self.word(sym)).collect();
            Bloom::with_words(first.into_iter())
        };
        let size = table_size(n_words);
        let mut vocab = vec![0u64; size];
        for sym in 0..n_words {
            let h = hash(self.word(sym as u32));
            let mut i = h as usize & (size - 1);
            while vocab[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            vocab[i] = (h >> 32) << 32 | (sym as u64 + 1);
        }
        let Self { mut words, mut word_end, index, clashes, edges: edge_map, output, alternatives } = self;
        drop((index, clashes));
        words.shrink_to_fit();
        word_end.shrink_to_fit();
        // The map's order is the same from run to run (its hasher has no random
        // state), so the table and the stored bytes are too.
        let size = table_size(edge_map.len());
        let mut edges = vec![[0u32; 3]; size];
        for ((node, sym), child) in edge_map {
            let mut i = edge_hash(node, sym) as usize & (size - 1);
            while edges[i][2] != 0 {
                i = (i + 1) & (size - 1);
            }
            edges[i] = [node, sym, child];
        }
        let alternatives = alternatives.into_iter().collect();
        Trie {
            words,
            word_end,
            vocab,
            edges,
            output,
            alternatives,
            starts,
            has_alternatives: std::sync::OnceLock::new(),
            depth: std::sync::OnceLock::new(),
        }
    }
}

/// Per-word first steps of a text (see [`Trie::first_steps`]).
#[derive(Debug, Default)]
pub(super) struct Steps {
    pub(super) hashes: Vec<u64>,
    pub(super) nodes: Vec<u32>,
    candidates: Vec<u32>,
}

impl Steps {
    /// The number of words the buffers were last filled for.
    pub(super) fn len(&self) -> usize {
        self.hashes.len()
    }
}

/// A frozen token trie: node 0 is the root.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Trie {
    /// The vocabulary's words, one after the other, by symbol.
    words: String,
    /// End of each symbol's word in `words` (its start is the previous end).
    word_end: Vec<u32>,
    /// Open-addressing table word → symbol: `hash >> 32 << 32 | symbol + 1`, 0 if empty.
    vocab: Vec<u64>,
    /// Open-addressing table `[node, symbol, child]`; child 0 (the root) marks an empty slot.
    edges: Vec<[u32; 3]>,
    /// Entry found at each node (the first one added wins), and whether that
    /// name is a common word that needs name casing in the text.
    output: Vec<Option<(u32, bool)>>,
    /// Further entries reached at a node, beyond the first.
    alternatives: std::collections::BTreeMap<u32, Vec<u32>>,
    /// The words that start a name.
    starts: Bloom,
    /// The nodes with further entries, one bit each (made from
    /// `alternatives` when first needed; not stored).
    #[serde(skip)]
    has_alternatives: std::sync::OnceLock<Vec<u64>>,
    /// The most words on a path from the root (made when first needed; not stored).
    #[serde(skip)]
    depth: std::sync::OnceLock<usize>,
}

impl Default for Trie {
    fn default() -> Self {
        TrieBuilder::new().freeze()
    }
}

impl Trie {
    /// Whether symbol `sym`'s word is `w`.
    #[inline]
    fn word_is(&self, sym: usize, w: &[u8]) -> bool {
        self.words.as_bytes().get(word_span(&self.word_end, sym)).is_some_and(|v| same_bytes(v, w))
    }

    /// The node the word `w` (whose [`hash`] is `h`) leads to from the root.
    #[inline]
    fn first_step(&self, w: &[u8], h: u64) -> Option<u32> {
        self.symbol(w, h).and_then(|sym| self.child(0, sym))
    }

    /// The symbol of `w` (whose [`hash`] is `h`), if it is in the vocabulary.
    #[inline]
    fn symbol(&self, w: &[u8], h: u64) -> Option<u32> {
        let mask = self.vocab.len() - 1;
        let tag = h >> 32;
        let mut i = h as usize & mask;
        for _ in 0..self.vocab.len() {
            let slot = self.vocab[i];
            if slot == 0 {
                return None;
            }
            let sym = (slot & 0xffff_ffff) as usize - 1;
            if slot >> 32 == tag && self.word_is(sym, w) {
                return Some(sym as u32);
            }
            i = (i + 1) & mask;
        }
        None
    }

    #[inline]
    fn child(&self, node: u32, sym: u32) -> Option<u32> {
        let mask = self.edges.len() - 1;
        let mut i = edge_hash(node, sym) as usize & mask;
        for _ in 0..self.edges.len() {
            let [a, s, c] = self.edges[i];
            if c == 0 {
                return None;
            }
            if a == node && s == sym {
                return Some(c);
            }
            i = (i + 1) & mask;
        }
        None
    }

    /// The most words a walk can read: the length of the longest path from
    /// the root.
    pub(super) fn depth(&self) -> usize {
        *self.depth.get_or_init(|| {
            let n = self.output.len();
            let mut parent = vec![u32::MAX; n];
            for &[from, _, to] in &self.edges {
                if to != 0 && (to as usize) < n {
                    parent[to as usize] = from;
                }
            }
            // Each node's depth by following its parents (memoised); a chain
            // longer than the node count (a malformed table) stops there.
            let mut depth = vec![usize::MAX; n];
            if n > 0 {
                depth[0] = 0;
            }
            let mut chain = Vec::new();
            for start in 0..n {
                let mut v = start;
                while depth[v] == usize::MAX && chain.len() <= n {
                    chain.push(v);
                    let p = parent[v] as usize;
                    if p >= n {
                        break;
                    }
                    v = p;
                }
                let mut d = if depth[v] == usize::MAX { 0 } else { depth[v] };
                while let Some(c) = chain.pop() {
                    d += 1;
                    depth[c] = d;
                }
            }
            depth.into_iter().filter(|&d| d != usize::MAX).max().unwrap_or(0)
        })
    }

    /// Number of nodes.
    pub(super) fn nodes(&self) -> usize {
        self.output.len()
    }

    /// [`Trie::walk`] from the word `first` whose [`hash`] is `h`, along `rest`
    /// (words with their hashes).
    pub(super) fn walk_hashed<'t>(
        &self,
        first: &str,
        h: u64,
        rest: impl Iterator<Item = (&'t str, u64)>,
        allow_common: impl FnOnce() -> bool,
        found: impl FnMut(usize, u32, u32),
    ) {
        let Some(node) = self.first_step(first.as_bytes(), h) else { return };
        self.walk_on(node, rest, allow_common, found);
    }

    /// Whether the trie holds no name.
    pub(super) fn is_empty(&self) -> bool {
        self.word_end.is_empty()
    }

    /// Whether some name may start with `w` (a quick, inexact test).
    #[inline]
    pub(super) fn may_start(&self, w: &str) -> bool {
        self.starts.may_contain(w)
    }

    /// Further entries with the name ending at `node`.
    pub(super) fn alternatives(&self, node: u32) -> Option<&Vec<u32>> {
        let bits =
            self.has_alternatives.get_or_init(|| node_bits(self.output.len(), self.alternatives.keys().copied()));
        if has_bit(bits, node) { self.alternatives.get(&node) } else { None }
    }

    /// Walks the trie along `words`, calling `found(token count, entry,
    /// node)` at every complete name; `allow_common()` says whether a
    /// common-word name may match here (asked at most once, when one is found).
    pub(super) fn walk<'t>(
        &self,
        mut words: impl Iterator<Item = &'t str>,
        allow_common: impl FnOnce() -> bool,
        found: impl FnMut(usize, u32, u32),
    ) {
        let Some(first) = words.next() else { return };
        let h = hash(first);
        if self.starts.may_contain_hash(h) {
            self.walk_hashed(first, h, words.map(|w| (w, hash(w))), allow_common, found);
        }
    }

    /// For every word `word(i)` of a text, the node its first step from the root
    /// reaches (0: no name starts with it) into `nodes`, and its [`hash`]
    /// into `hashes`, for [`Trie::walk_on`]. The words are hashed and
    /// filtered in passes without a branch on the data, so the memory
    /// accesses of neighbouring words overlap instead of waiting one for
    /// another (the tables are larger than the caches).
    pub(super) fn first_steps<'t>(&self, n_words: usize, word: impl Fn(usize) -> &'t [u8], steps: &mut Steps) {
        let Steps { hashes, nodes, candidates } = steps;
        hashes.clear();
        hashes.extend((0..n_words).map(|i| hash_bytes(word(i))));
        nodes.clear();
        nodes.resize(hashes.len(), 0);
        candidates.clear();
        candidates.resize(hashes.len(), 0);
        let mut n = 0;
        for (i, &h) in hashes.iter().enumerate() {
            candidates[n] = i as u32;
            n += usize::from(self.starts.may_contain_hash(h));
        }
        for &i in &candidates[..n] {
            let i = i as usize;
            if let Some(node) = self.first_step(word(i), hashes[i]) {
                nodes[i] = node;
            }
        }
    }

    /// Goes on from `node`, reached by one word, along `rest` (words with
    /// their [`hash`]), as [`Trie::walk`] does.
    pub(super) fn walk_on<'t>(
        &self,
        mut node: u32,
        mut rest: impl Iterator<Item = (&'t str, u64)>,
        allow_common: impl FnOnce() -> bool,
        mut found: impl FnMut(usize, u32, u32),
    ) {
        let mut allow_common = Some(allow_common);
        let mut allowed = false;
        let mut k = 1;
        loop {
            if let Some((e, common)) = self.output[node as usize] {
                if common && let Some(ask) = allow_common.take() {
                    allowed = ask();
                }
                if !common || allowed {
                    found(k, e, node);
                }
            }
            let Some((w, h)) = rest.next() else { return };
            let Some(next) = self.symbol(w.as_bytes(), h).and_then(|sym| self.child(node, sym)) else { return };
            node = next;
            k += 1;
        }
    }

    /// Checks a loaded trie so that matching can never index out of range
    /// or probe forever.
    pub(super) fn check(&self, n_entries: usize) -> Result<(), String> {
        let nodes = self.output.len();
        let n_words = self.word_end.len();
        let entry_ok = |e: u32| (e as usize) < n_entries;
        let mut prev = 0u32;
        let words_ok = self.word_end.iter().all(|&e| {
            let ok = e >= prev && (e as usize) <= self.words.len() && self.words.is_char_boundary(e as usize);
            prev = e;
            ok
        });
        let ok = nodes > 0
            && words_ok
            && self.vocab.len().is_power_of_two()
            && self.edges.len().is_power_of_two()
            && self.vocab.contains(&0)
            && self.edges.iter().any(|e| e[2] == 0)
            && self.vocab.iter().all(|&s| s == 0 || ((s & 0xffff_ffff) as usize).wrapping_sub(1) < n_words)
            && self.edges.iter().all(|&[a, _, c]| c == 0 || (a as usize) < nodes && (c as usize) < nodes)
            && self.output.iter().flatten().all(|&(e, _)| entry_ok(e))
            && self.alternatives.iter().all(|(&n, v)| (n as usize) < nodes && v.iter().all(|&e| entry_ok(e)))
            && self.starts.check();
        if ok { Ok(()) } else { Err("damaged compiled gazetteer: a trie's tables are out of range".into()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `same_bytes` is slice equality, for every length and a difference at every position.
    #[test]
    fn same_bytes_is_equality() {
        for n in 0..40usize {
            let a: Vec<u8> = (0..n).map(|i| (i * 7 + 3) as u8).collect();
            assert!(same_bytes(&a, &a.clone()));
            for i in 0..n {
                let mut b = a.clone();
                b[i] ^= 0x20;
                assert!(!same_bytes(&a, &b), "{n} {i}");
            }
            assert!(!same_bytes(&a, &a[..n.saturating_sub(1)]) || n == 0);
        }
    }

    /// Two words with one hash (made here by pointing the second's hash at
    /// the first's symbol) keep their own symbols, and the frozen trie finds
    /// the names of both.
    #[test]
    fn builder_words_with_one_hash_stay_apart() {
        let mut b = TrieBuilder::new();
        assert_eq!(b.symbol("Lima"), 0);
        b.index.insert(hash("Peru"), 0);
        assert_eq!(b.symbol("Peru"), 1);
        assert_eq!((b.symbol("Peru"), b.symbol("Lima"), b.symbol("Quito")), (1, 0, 2));
        assert_eq!((b.word(0), b.word(1), b.word(2)), ("Lima", "Peru", "Quito"));
        b.insert(["Lima", "Peru"].into_iter(), 7, false);
        b.insert(["Peru"].into_iter(), 8, false);
        let t = b.freeze();
        let found = |words: &[&str]| {
            let mut out = Vec::new();
            t.walk(words.iter().copied(), || true, |n, e, _| out.push((n, e)));
            out
        };
        assert_eq!(found(&["Lima", "Peru"]), [(2, 7)]);
        assert_eq!(found(&["Peru", "Lima"]), [(1, 8)]);
        assert!(found(&["Quito"]).is_empty());
    }

    #[test]
    fn first_steps_then_walk_on_equal_walk() {
        let mut b = TrieBuilder::new();
        let vocab = ["New", "York", "City", "the", ",", "Bank", "of", "América", "x"];
        // Names of one to three words, some sharing prefixes, some common.
        for i in 0..120u32 {
            let len = 1 + (i % 3) as usize;
            let words: Vec<&str> = (0..len).map(|k| vocab[(i as usize * 7 + k * 5) % vocab.len()]).collect();
            b.insert(words.into_iter(), i, i % 4 == 0);
        }
        let t = b.freeze();
        let text: Vec<&str> = (0..400).map(|i| vocab[(i * i + 3 * i) % vocab.len()]).collect();
        let mut steps = Steps::default();
        t.first_steps(text.len(), |k| text[k].as_bytes(), &mut steps);
        let mut multi = 0;
        for allow in [false, true] {
            for i in 0..text.len() {
                let mut want = Vec::new();
                t.walk(text[i..].iter().copied(), || allow, |k, e, n| want.push((k, e, n)));
                let mut got = Vec::new();
                if steps.nodes[i] != 0 {
                    let rest = (i + 1..text.len()).map(|k| (text[k], steps.hashes[k]));
                    t.walk_on(steps.nodes[i], rest, || allow, |k, e, n| got.push((k, e, n)));
                }
                assert_eq!(got, want, "at word {i}");
                multi += want.iter().filter(|w| w.0 > 1).count();
            }
        }
        assert!(multi > 20, "too few names of several words found ({multi})");
    }

    #[test]
    fn tail_reads_bytes_little_endian() {
        let bytes = [0xff, 0x80, 0x01, 0x7f, 0xa5, 0x5a, 0xc3];
        for n in 1..=7 {
            let r = &bytes[..n];
            let slow = r.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b));
            assert_eq!(tail(r), slow, "{n} bytes");
        }
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
    fn frozen_trie_finds_what_was_inserted() {
        let mut b = TrieBuilder::new();
        let names: Vec<Vec<String>> =
            (0..3000).map(|i| vec![format!("N{}", i % 97), format!("M{}", i / 97), format!("é{i}")]).collect();
        for (i, n) in names.iter().enumerate() {
            b.insert(n.iter().map(String::as_str), i as u32, false);
        }
        let t = b.freeze();
        t.check(names.len()).unwrap();
        for (i, n) in names.iter().enumerate() {
            let mut got = Vec::new();
            t.walk(n.iter().map(String::as_str), || true, |k, e, _| got.push((k, e)));
            assert_eq!(got, [(3, i as u32)]);
        }
        let mut none = Vec::new();
        t.walk(["N1", "M0", "x"].into_iter(), || true, |k, e, _| none.push((k, e)));
        assert!(none.is_empty());
        let empty = Trie::default();
        empty.check(0).unwrap();
        empty.walk(["a"].into_iter(), || true, |_, _, _| panic!("empty trie matched"));
    }
}
