//! The grammar's start tables: the first sets of every rule (through
//! sub-expressions), the left-recursion check, and the tables the scan
//! reads to find the rules worth trying at a token (by its word or first
//! byte, the shapes that match there, and what the next token can be).

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{Class, LexEntry};
use super::own_second;
use super::pattern::{self, Atom, Builtin, Elem};
use super::{Grammar, RuleSet, second};
use crate::dates::fields::Got;
use crate::error::Error;

/// Where a rule can start: words, classes, builtins, shapes.
#[derive(Clone, Debug, Default)]
pub(super) struct First {
    pub(super) words: FxHashSet<Box<str>>,
    pub(super) classes: FxHashSet<Class>,
    pub(super) builtins: FxHashSet<usize>,
    pub(super) shapes: FxHashSet<usize>,
    pub(super) cats: FxHashSet<usize>,
}

impl First {
    pub(super) fn union(&mut self, other: &Self) {
        self.words.extend(other.words.iter().cloned());
        self.classes.extend(other.classes.iter().copied());
        self.builtins.extend(other.builtins.iter().copied());
        self.shapes.extend(other.shapes.iter().copied());
    }
}

/// Whether a word of the lexicon (entry `e`, by its first token) can begin
/// a match of builtin `b`, by the builtin tests of the scan
/// (`scan/builtins.rs`): a number word begins `NUM`; `YEARWORDS` only at
/// two (`two thousand`) or ten to twenty (`nineteen ninety`); `DAY` at an
/// ordinal or a cardinal from thirteen to thirty-one, or the tens of a
/// compound (`twenty-second`); `ORD` at an ordinal or the tens of one.
/// A word's value is the entry's, as the scan reads it.
pub(super) fn begins_builtin(b: Builtin, e: &LexEntry) -> bool {
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    let (int, num) = match e.got {
        Got::Int(v) => (v, v as f64),
        Got::Num(v) => (v as i64, v),
        _ => return false,
    };
    let tens = (20..=90).contains(&int) && int % 10 == 0;
    match (b, e.class) {
        (Builtin::Num, Class::Number) => true,
        (Builtin::YearWords, Class::Number) => int == 2 || (10..=20).contains(&int),
        (Builtin::Day, Class::Ordinal) => (1..=31).contains(&int),
        (Builtin::Day, Class::Number) => (13.0..32.0).contains(&num) || (tens && int <= 30),
        (Builtin::Ord, Class::Ordinal) => int > 0,
        (Builtin::Ord, Class::Number) => tens,
        _ => false,
    }
}

impl Grammar {
    /// First sets of every rule (through sub-expressions), the left-recursion
    /// check, and the start tables.
    pub(super) fn index(&mut self) -> Result<(), Error> {
        let n = self.rules.len();
        let mut firsts: Vec<First> = vec![First::default(); n];
        for (i, r) in self.rules.iter().enumerate() {
            for e in &r.elems {
                let Elem::Atoms { alts, optional } = e else { continue };
                for a in alts {
                    let f = &mut firsts[i];
                    match a {
                        Atom::Word(w, _) => {
                            f.words.insert(w.clone());
                        }
                        Atom::List(l, _) => f.words.extend(self.lists[*l].iter().cloned()),
                        // A class with all its words starts where any of
                        // them is; one that refuses some (strict words,
                        // values left out: `NUMBER=hour:2,3`) only at the
                        // words it takes (`a` and `may` start no such rule).
                        Atom::Class { class, strict_ok: true, only, .. } if only.is_empty() => {
                            f.classes.insert(*class);
                        }
                        Atom::Class { .. } => {
                            f.words
                                .extend(self.lex.entries.iter().filter(|e| a.takes_entry(e)).map(|e| e.first.clone()));
                        }
                        Atom::Builtin { b, .. } => {
                            if matches!(b, Builtin::Cap | Builtin::Any) {
                                return Err(Error::Config(format!(
                                    "date rule {:?}: CAP and ANY cannot start a pattern",
                                    r.name
                                )));
                            }
                            f.builtins.insert(b.index());
                        }
                        Atom::Shape(s) => {
                            f.shapes.insert(*s);
                        }
                        Atom::Sub(cats) => f.cats.extend(cats.iter().copied()),
                    }
                }
                if !optional {
                    break;
                }
            }
        }
        // Left recursion: a category reachable from itself through first elements.
        for (c, name) in self.categories.iter().enumerate() {
            let mut stack: Vec<usize> = self.by_cat[c].iter().flat_map(|&r| firsts[r].cats.iter().copied()).collect();
            let mut seen = FxHashSet::default();
            while let Some(x) = stack.pop() {
                if x == c {
                    return Err(Error::Config(format!(
                        "date rules: category <{name}> can start with itself (left recursion)"
                    )));
                }
                if seen.insert(x) {
                    stack.extend(self.by_cat[x].iter().flat_map(|&r| firsts[r].cats.iter().copied()));
                }
            }
        }
        // Close first sets over sub-expressions (acyclic now).
        loop {
            let mut changed = false;
            for i in 0..n {
                let cats: Vec<usize> = firsts[i].cats.iter().copied().collect();
                for c in cats {
                    for &r in &self.by_cat[c] {
                        if r == i {
                            continue;
                        }
                        let other = firsts[r].clone();
                        let f = &mut firsts[i];
                        let before = (f.words.len(), f.classes.len(), f.builtins.len(), f.shapes.len());
                        f.words.extend(other.words);
                        f.classes.extend(other.classes);
                        f.builtins.extend(other.builtins);
                        f.shapes.extend(other.shapes);
                        changed |= before != (f.words.len(), f.classes.len(), f.builtins.len(), f.shapes.len());
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let mut by_word: FxHashMap<Box<str>, RuleSet> = FxHashMap::default();
        let mut by_byte = vec![RuleSet::new(n); 256];
        let mut shape_rules = vec![RuleSet::new(n); self.shapes.list.len()];
        let mut top = RuleSet::new(n);
        let mut add_word = |w: &str, i: usize| by_word.entry(w.into()).or_default().insert(i);
        for (i, f) in firsts.iter().enumerate() {
            if self.rules[i].top {
                top.insert(i);
            }
            for w in &f.words {
                add_word(w, i);
            }
            for e in &self.lex.entries {
                if f.classes.contains(&e.class) {
                    add_word(&e.first, i);
                }
            }
            for &b in &f.builtins {
                let b = pattern::BUILTINS.iter().find(|x| x.1.index() == b).map_or(Builtin::Any, |x| x.1);
                // Number and ordinal words start the builtins that read them.
                for e in &self.lex.entries {
                    if begins_builtin(b, e) {
                        add_word(&e.first, i);
                    }
                }
                let digits_too = !matches!(b, Builtin::YearWords);
                if digits_too {
                    for d in b'0'..=b'9' {
                        by_byte[d as usize].insert(i);
                    }
                    if b == Builtin::Num {
                        // Fractions written as one character (`½`) start with 0xC2.
                        by_byte[0xC2].insert(i);
                    }
                }
            }
            for &s in &f.shapes {
                shape_rules[s].insert(i);
            }
        }
        // A shape whose matches start with a word (`mid-`, `Oct`, `Q`) is
        // found through that word; the others by their first byte.
        let mut lead_words: FxHashMap<Box<str>, RuleSet> = FxHashMap::default();
        let mut shapes_by_byte: Vec<Vec<usize>> = vec![Vec::new(); 256];
        let mut shape_leads: Vec<Vec<Box<str>>> = vec![Vec::new(); self.shapes.list.len()];
        for (s, shape) in self.shapes.list.iter().enumerate() {
            shape_leads[s].clone_from(&shape.leads);
        }
        for (s, shape) in self.shapes.list.iter().enumerate() {
            if shape_rules[s].is_empty() {
                continue;
            }
            if !shape_leads[s].is_empty() {
                for w in &shape_leads[s] {
                    lead_words.entry(w.clone()).or_default().union_with(&shape_rules[s]);
                }
                continue;
            }
            for (byte, on) in shape.first.iter().enumerate() {
                if *on {
                    shapes_by_byte[byte].push(s);
                }
            }
        }
        self.shapes_by_byte = shapes_by_byte;
        self.shape_rules = shape_rules;
        for (w, set) in &lead_words {
            by_word.entry(w.clone()).or_default().union_with(set);
        }
        self.top = top;
        self.lead_cats = self
            .rules
            .iter()
            .map(|r| {
                match r.elems.iter().find(|e| matches!(e, Elem::Atoms { .. })) {
                    Some(Elem::Atoms { alts, optional: false }) if self.categories.len() <= 64 => {
                        alts.iter().try_fold(0u64, |m, a| match a {
                            Atom::Sub(cats) => Some(cats.iter().fold(m, |m, &c| m | 1 << c)),
                            _ => None,
                        })
                    }
                    _ => None,
                }
                .unwrap_or(0)
            })
            .collect();
        // Rules led by the same categories share one test of them (at most 64 groups).
        let mut groups: Vec<u64> = Vec::new();
        let mut lead_group = vec![u16::MAX; self.rules.len()];
        for (r, &cats) in self.lead_cats.iter().enumerate() {
            if cats == 0 || !self.top.contains(r) {
                continue;
            }
            let k = match groups.iter().position(|c| *c == cats) {
                Some(k) => k,
                None if groups.len() < 64 => {
                    groups.push(cats);
                    groups.len() - 1
                }
                None => continue,
            };
            lead_group[r] = u16::try_from(k).unwrap_or(u16::MAX);
        }
        self.lead_groups = groups;
        self.lead_group = lead_group;
        // What each rule needs of its second token.
        let mut cat_first = vec![First::default(); self.categories.len()];
        for (i, r) in self.rules.iter().enumerate() {
            cat_first[r.cat].union(&firsts[i]);
        }
        let mut second_words: FxHashMap<Box<str>, RuleSet> = FxHashMap::default();
        let mut second_by_byte = vec![RuleSet::default(); 256];
        let mut any_second = RuleSet::default();
        // Whether a rule can start so (the start tables).
        let starts = |r: usize, start: second::Start<'_>| match start {
            second::Start::Word(w) => by_word.get(w).is_some_and(|s| s.contains(r)),
            second::Start::Digits => by_byte[usize::from(b'0')].contains(r) || by_byte[0xC2].contains(r),
        };
        let ctx = self.second_ctx(&cat_first, &shape_leads, &starts);
        let mut memo = vec![None; n];
        for i in 0..n {
            let f = second::second(i, &ctx, &mut memo).set;
            for w in &f.words {
                second_words.entry(w.clone()).or_default().insert(i);
            }
            for e in &self.lex.entries {
                let by_builtin = f
                    .builtins
                    .iter()
                    .any(|&b| pattern::BUILTINS.iter().any(|x| x.1.index() == b && begins_builtin(x.1, e)));
                if f.classes.contains(&e.class) || by_builtin {
                    second_words.entry(e.first.clone()).or_default().insert(i);
                }
            }
            for &b in &f.builtins {
                if b == Builtin::Cap.index() || b == Builtin::Any.index() {
                    any_second.insert(i);
                } else if b != Builtin::YearWords.index() {
                    for d in b'0'..=b'9' {
                        second_by_byte[d as usize].insert(i);
                    }
                    second_by_byte[0xC2].insert(i);
                }
            }
            for &s in &f.shapes {
                for (byte, on) in self.shapes.list[s].first.iter().enumerate() {
                    if *on {
                        second_by_byte[byte].insert(i);
                    }
                }
            }
        }
        // Which ways of starting each rule need the second-token test.
        let mut begun = second::Memo::default();
        let mut free_words: FxHashMap<Box<str>, RuleSet> = FxHashMap::default();
        for (w, set) in &by_word {
            let free = free_words.entry(w.clone()).or_default();
            for r in set.iter() {
                let b = second::begun(r, second::Start::Word(w), &ctx, &mut begun);
                if !b.starts || b.free() {
                    free.insert(r);
                }
            }
        }
        let mut byte_free = vec![RuleSet::default(); 256];
        let mut byte_need = vec![RuleSet::default(); 256];
        for (byte, set) in by_byte.iter().enumerate() {
            for r in set.iter() {
                let b = second::begun(r, second::Start::Digits, &ctx, &mut begun);
                if !b.starts || b.free() {
                    byte_free[byte].insert(r);
                } else {
                    byte_need[byte].insert(r);
                }
            }
        }
        self.second_by_byte = second_by_byte;
        self.any_second = any_second;
        self.byte_starts = (0..256)
            .map(|b| !byte_free[b].is_empty() || !byte_need[b].is_empty() || !self.shapes_by_byte[b].is_empty())
            .collect();
        self.byte_free = byte_free;
        self.byte_need = byte_need;
        self.vocabulary(&by_word, &free_words, &second_words, &lead_words)?;
        // The second tokens of the rules each word starts that need them, as
        // begun by that word (`own_second.rs`), one word at a time.
        let ctx = self.second_ctx(&cat_first, &shape_leads, &starts);
        let mut from = own_second::From::new(&ctx);
        let mut owns = Vec::new();
        for w in by_word.keys() {
            let Some(id) = self.word_id(w) else { continue };
            from.rules.clear();
            let need = self.words[id as usize].need;
            for r in need.iter() {
                own_second::second_from(r, w, &mut from);
            }
            let own: Vec<(usize, &First)> = need
                .iter()
                .filter_map(|r| match from.rules.get(&r) {
                    Some(Some(s)) if !s.single => Some((r, &s.set)),
                    _ => None,
                })
                .collect();
            let tests = self.own_second(&own);
            if !tests.rules.is_empty() {
                owns.push((id, tests));
            }
        }
        for (id, tests) in owns {
            self.words[id as usize].own = Some(Box::new(tests));
        }
        // Once the words have ids.
        self.before_words = self.rules.iter().map(|r| before_words(&r.elems)).collect();
        Ok(())
    }
}

/// The words (ids) and lists (one bit each) the token before a rule's
/// match must be, if its first element is a context before the match of
/// words and lists only (not negated, no list that must be capitalised):
/// the scan leaves the rule out after any other token without trying it.
impl Grammar {
    /// What the second-token analysis reads of the grammar (`second.rs`,
    /// `own_second.rs`).
    fn second_ctx<'a>(
        &'a self,
        cat_first: &'a [First],
        shape_leads: &'a [Vec<Box<str>>],
        starts: &'a dyn Fn(usize, second::Start<'_>) -> bool,
    ) -> second::Ctx<'a> {
        second::Ctx {
            rules: &self.rules,
            by_cat: &self.by_cat,
            lex: &self.lex,
            lists: &self.lists,
            cat_first,
            thousand: self.lists_used.thousand,
            shape_leads,
            starts,
        }
    }
}

fn before_words(elems: &[Elem]) -> Option<(Box<[u32]>, u64)> {
    let Some(Elem::Context { alts, negated: false }) = elems.first() else { return None };
    if !elems.iter().any(|e| matches!(e, Elem::Atoms { .. })) {
        return None;
    }
    let (mut words, mut lists) = (Vec::new(), 0u64);
    for a in alts {
        match a {
            Atom::Word(_, id) => words.push(*id),
            Atom::List(l, false) if *l < 64 => lists |= 1 << l,
            _ => return None,
        }
    }
    Some((words.into(), lists))
}
