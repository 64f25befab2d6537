//! What a rule needs of the token after its first, for one first word: the
//! tokens [`second`](super::second::second) lists for a rule are those of
//! every way it can start, but begun by one word a match can go on in
//! fewer ways. `EDGE -? <date,day,time>` begun by `early` may go on with a
//! date, but begun by `the` only as `the end of`, `the beginning of`:
//! the scan leaves it out at `the company` without trying it.

use rustc_hash::FxHashMap;

use super::index::First;
use super::pattern::{Atom, BUILTINS, Builtin, Elem};
use super::second::{self, Ctx, Start, atom_starts, first_of, inside};
use super::shapes::Shape;
use super::{Grammar, RuleSet};

/// The tests of the token after a word, for the rules that word starts
/// and whose second token it decides ([`super::WordInfo::own`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct OwnSecond {
    /// The rules tested.
    pub rules: RuleSet,
    /// Those that any token may follow it in.
    pub any: RuleSet,
    /// By the id of the next token: the rules it may be the second token
    /// of, as an index into `sets` (few words have sets of their own).
    pub words: FxHashMap<u32, u32>,
    pub sets: Vec<RuleSet>,
    /// By the first byte of the next token (one bit each): the rules it
    /// may be the second token of.
    pub bytes: Vec<([u64; 4], RuleSet)>,
    /// By a shape that may start at the next token: the rules it may be
    /// the second token of.
    pub shapes: Vec<(usize, RuleSet)>,
    /// The first bytes of those shapes' matches, one bit each.
    pub shape_bytes: [u64; 4],
}

impl OwnSecond {
    /// The rules of [`Self::rules`] the token after the word cannot be the
    /// second token of (`id`: its id, `rest`: the text from it on; none: no
    /// token), with the grammar's `shapes`.
    #[inline]
    pub(crate) fn refused(&self, next: Option<(u32, &[u8])>, shapes: &[Shape]) -> RuleSet {
        let mut ok = self.any;
        if let Some((id, rest)) = next {
            if let Some(s) = self.words.get(&id).and_then(|&k| self.sets.get(k as usize)) {
                ok.union_with(s);
            }
            let b = rest.first().copied().unwrap_or(0);
            for (bytes, s) in &self.bytes {
                if bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0 {
                    ok.union_with(s);
                }
            }
            if self.shape_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0 {
                for (shape, s) in &self.shapes {
                    if shapes.get(*shape).is_none_or(|x| x.may_start(rest)) {
                        ok.union_with(s);
                    }
                }
            }
        }
        let mut out = self.rules;
        out.remove_all(&ok);
        out
    }
}

/// What [`second_from`] reads and remembers: the rules' memos of
/// `second.rs`, for the word being read each rule's second tokens (none:
/// not listed), and for every word what each rule's elements after one
/// begin with.
pub(super) struct From<'a, 'c> {
    pub c: &'c Ctx<'c>,
    pub begun: second::Memo<'a>,
    pub generic: Vec<Option<second::Second>>,
    pub rules: FxHashMap<usize, Option<second::Second>>,
    afters: FxHashMap<(usize, usize), (First, bool)>,
}

impl<'a, 'c> From<'a, 'c> {
    pub(super) fn new(c: &'c Ctx<'c>) -> Self {
        Self {
            c,
            begun: second::Memo::default(),
            generic: vec![None; c.rules.len()],
            rules: FxHashMap::default(),
            afters: FxHashMap::default(),
        }
    }
}

/// Moves the tokens of `f` into `set`.
fn absorb(set: &mut First, f: First) {
    set.words.extend(f.words);
    set.classes.extend(f.classes);
    set.builtins.extend(f.builtins);
    set.shapes.extend(f.shapes);
    set.cats.extend(f.cats);
}

/// The second tokens of a match of rule `r` whose first token is word `w`,
/// and whether it can be that token alone, left in `m.rules` (none when
/// they cannot be listed: a shape led by `w`); whether they can be listed.
pub(super) fn second_from<'a>(r: usize, w: &'a str, m: &mut From<'a, '_>) -> bool {
    if let Some(s) = m.rules.get(&r) {
        return s.is_some();
    }
    let c = m.c;
    let rule = &c.rules[r];
    let mut set = First::default();
    let mut single = false;
    let mut known = true;
    for (k, e) in rule.elems.iter().enumerate() {
        let Elem::Atoms { alts, optional } = e else { continue };
        for a in alts {
            if !atom_starts(a, Start::Word(w), c, &mut m.begun) {
                continue;
            }
            let Some((f, one)) = inside_from(a, w, m) else {
                known = false;
                break;
            };
            absorb(&mut set, f);
            let (after, nullable) = m.afters.entry((r, k)).or_insert_with(|| first_of(&rule.elems[k + 1..], c));
            if one {
                set.union(after);
            }
            single |= one && *nullable;
        }
        if !optional || !known {
            break;
        }
    }
    m.rules.insert(r, known.then_some(second::Second { set, single }));
    known
}

/// The tokens that may come second inside atom `a` begun by word `w`, and
/// whether it can be `w` alone; none if they cannot be listed.
fn inside_from<'a>(a: &Atom, w: &'a str, m: &mut From<'a, '_>) -> Option<(First, bool)> {
    let c = m.c;
    let mut f = First::default();
    match a {
        Atom::Word(..) | Atom::List(..) => Some((f, true)),
        Atom::Class { class, .. } => {
            let mut one = false;
            for e in c.lex.entries(w, *class) {
                match e.rest.first() {
                    Some(x) => {
                        f.words.insert(x.clone());
                    }
                    None => one = true,
                }
            }
            Some((f, one))
        }
        Atom::Builtin { .. } => Some(inside(a, c, &mut m.generic)),
        Atom::Shape(_) => None,
        Atom::Sub(cats) => {
            let mut single = false;
            for &cat in cats {
                for &r in &c.by_cat[cat] {
                    if !(c.starts)(r, Start::Word(w)) {
                        continue;
                    }
                    if !second_from(r, w, m) {
                        return None;
                    }
                    if let Some(Some(s)) = m.rules.get(&r) {
                        single |= s.single;
                        f.union(&s.set);
                    }
                }
            }
            Some((f, single))
        }
    }
}

impl Grammar {
    /// The tests of [`OwnSecond`] of a word's rules, from the second tokens
    /// of each (`owns`: rule, second tokens). A rule with a second token
    /// that has no id is not tested.
    pub(super) fn own_second(&self, owns: &[(usize, &First)]) -> OwnSecond {
        let mut out = OwnSecond::default();
        let mut by_word: FxHashMap<u32, RuleSet> = FxHashMap::default();
        for (r, f) in owns {
            let Some(ids) = self.second_ids(f) else { continue };
            let mut bytes = [0u64; 4];
            let mut set = |b: usize| bytes[b >> 6] |= 1 << (b & 63);
            let mut any = false;
            for &b in &f.builtins {
                if b == Builtin::Cap.index() || b == Builtin::Any.index() {
                    any = true;
                } else if b != Builtin::YearWords.index() {
                    (b'0'..=b'9').for_each(|d| set(usize::from(d)));
                    set(0xC2);
                }
            }
            for &s in &f.shapes {
                for (byte, on) in self.shapes.list[s].first.iter().enumerate() {
                    if *on {
                        out.shape_bytes[byte >> 6] |= 1 << (byte & 63);
                    }
                }
                add_rule(&mut out.shapes, s, *r);
            }
            out.rules.insert(*r);
            if any {
                out.any.insert(*r);
            }
            for id in ids {
                by_word.entry(id).or_default().insert(*r);
            }
            if bytes != [0; 4] {
                add_rule(&mut out.bytes, bytes, *r);
            }
        }
        // The same set once.
        let mut index: FxHashMap<RuleSet, u32> = FxHashMap::default();
        for (id, set) in by_word {
            let k = *index.entry(set).or_insert_with(|| {
                out.sets.push(set);
                u32::try_from(out.sets.len() - 1).unwrap_or(u32::MAX)
            });
            out.words.insert(id, k);
        }
        out.words.shrink_to_fit();
        out
    }

    /// The ids of the words second tokens `f` can be (those of its classes
    /// and of the builtins that read words); none if one has no id.
    fn second_ids(&self, f: &First) -> Option<Vec<u32>> {
        let mut ids = Vec::new();
        for w in &f.words {
            ids.push(self.word_id(w)?);
        }
        let takes = |e: &super::lexicon::LexEntry| {
            f.classes.contains(&e.class)
                || f.builtins
                    .iter()
                    .any(|&b| BUILTINS.iter().any(|x| x.1.index() == b && super::index::begins_builtin(x.1, e)))
        };
        for e in self.lex.entries.iter().filter(|e| takes(e)) {
            ids.push(self.word_id(&e.first)?);
        }
        Some(ids)
    }
}

/// Adds rule `r` to the set kept for `key` in `list`, opening one if none is.
fn add_rule<K: PartialEq>(list: &mut Vec<(K, RuleSet)>, key: K, r: usize) {
    match list.iter_mut().find(|x| x.0 == key) {
        Some(x) => x.1.insert(r),
        None => {
            let mut set = RuleSet::default();
            set.insert(r);
            list.push((key, set));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_words_after_the_decide_edge_of_date() {
        let g = crate::dates::english().expect("the English grammar");
        let rule = g.rules.iter().position(|r| r.name == "edge-of-date").expect("edge-of-date");
        let id = |w: &str| g.word_id(w).expect(w);
        let own = g.words[id("the") as usize].own.as_deref().expect("tests after `the`");
        assert!(own.rules.contains(rule));
        // `the end of May`, not `the company`, nor `the May` (`early May`).
        let shapes = &g.shapes.list;
        assert!(!own.refused(Some((id("end"), b"end of May")), shapes).contains(rule));
        assert!(own.refused(Some((id("may"), b"May")), shapes).contains(rule));
        assert!(own.refused(Some((u32::MAX, b"company")), shapes).contains(rule));
        assert!(own.refused(None, shapes).contains(rule));
        // `the mid-1990s`, not `the most`: the shape may start only at the first.
        let decade = g.rules.iter().position(|r| r.name == "decade-edge").expect("decade-edge");
        assert!(!own.refused(Some((u32::MAX, b"mid-1990s")), shapes).contains(decade));
        assert!(own.refused(Some((id("most"), b"most")), shapes).contains(decade));
    }
}
