//! What a rule needs of the token after its first: most rules that start at
//! a common word (`the`, `a`, a number) fail on the next token, so the scan
//! tries a rule at token `i` only if token `i + 1` can be its second token.
//! A rule that may match one token alone, or whose first piece may span
//! tokens in ways that cannot be listed (a shape), puts no condition on it.

use rustc_hash::FxHashSet;

use super::lexicon::{Class, Lexicon};
use super::pattern::{Atom, Builtin, Elem};
use super::{First, Rule};

/// What is known of one rule: the tokens that can come second in a match
/// of two tokens or more (`None`: any), and whether a match can be one token.
#[derive(Clone, Debug)]
pub(super) struct Second {
    pub set: Option<First>,
    pub single: bool,
}

pub(super) struct Ctx<'a> {
    pub rules: &'a [Rule],
    pub by_cat: &'a [Vec<usize>],
    pub lex: &'a Lexicon,
    pub lists: &'a [FxHashSet<Box<str>>],
    pub cat_first: &'a [First],
}

/// The first set of one atom (sub-expressions through `cat_first`).
fn atom_first(a: &Atom, c: &Ctx<'_>) -> First {
    let mut f = First::default();
    match a {
        Atom::Word(w, _) => {
            f.words.insert(w.clone());
        }
        Atom::List(l) => f.words.extend(c.lists[*l].iter().cloned()),
        Atom::Class { class, .. } => {
            f.classes.insert(*class);
        }
        Atom::Builtin { b, .. } => {
            f.builtins.insert(b.index());
        }
        Atom::Shape(s) => {
            f.shapes.insert(*s);
        }
        Atom::Sub(cats) => {
            for &cat in cats {
                f.union(&c.cat_first[cat]);
            }
        }
    }
    f
}

/// The first set of `elems`, and whether they can match no token at all.
fn first_of(elems: &[Elem], c: &Ctx<'_>) -> (First, bool) {
    let mut f = First::default();
    for e in elems {
        let Elem::Atoms { alts, optional } = e else { continue };
        for a in alts {
            f.union(&atom_first(a, c));
        }
        if !optional {
            return (f, false);
        }
    }
    (f, true)
}

/// The tokens that may come second inside an atom that spans several, and
/// whether it can be one token; `None` when they cannot be listed.
fn inside(a: &Atom, c: &Ctx<'_>, memo: &mut Vec<Option<Second>>) -> Option<(First, bool)> {
    let mut f = First::default();
    let rests = |class: Class, f: &mut First| {
        for e in c.lex.entries.iter().filter(|e| e.class == class) {
            if let Some(w) = e.rest.first() {
                f.words.insert(w.clone());
            }
        }
    };
    let words_of = |class: Class, f: &mut First| {
        for e in c.lex.entries.iter().filter(|e| e.class == class) {
            f.words.insert(e.first.clone());
        }
    };
    match a {
        Atom::Word(..) | Atom::List(_) => {}
        Atom::Class { class, .. } => rests(*class, &mut f),
        Atom::Builtin { b, .. } => match b {
            Builtin::Int | Builtin::Year | Builtin::Hour | Builtin::Cap | Builtin::Any => {}
            Builtin::Num | Builtin::Day | Builtin::Ord => {
                f.words.insert("-".into());
                rests(Class::Number, &mut f);
                rests(Class::Ordinal, &mut f);
                words_of(Class::Number, &mut f);
                words_of(Class::Ordinal, &mut f);
            }
            Builtin::YearWords => return None,
        },
        Atom::Shape(_) => return None,
        Atom::Sub(cats) => {
            let mut single = false;
            for &cat in cats {
                for &r in &c.by_cat[cat] {
                    let s = second(r, c, memo);
                    single |= s.single;
                    f.union(s.set.as_ref()?);
                }
            }
            return Some((f, single));
        }
    }
    Some((f, true))
}

/// What rule `r` needs of its second token (remembered in `memo`).
pub(super) fn second(r: usize, c: &Ctx<'_>, memo: &mut Vec<Option<Second>>) -> Second {
    if let Some(s) = &memo[r] {
        return s.clone();
    }
    let rule = &c.rules[r];
    let mut set = Some(First::default());
    let mut single = false;
    for (k, e) in rule.elems.iter().enumerate() {
        let Elem::Atoms { alts, optional } = e else { continue };
        // Element `k` takes the first token.
        let (after, nullable) = first_of(&rule.elems[k + 1..], c);
        for a in alts {
            match inside(a, c, memo) {
                Some((f, one)) => {
                    if let Some(s) = set.as_mut() {
                        s.union(&f);
                        if one {
                            s.union(&after);
                        }
                    }
                    single |= one && nullable;
                }
                None => {
                    set = None;
                    single |= nullable;
                }
            }
        }
        if !optional {
            break;
        }
    }
    let s = Second { set, single };
    memo[r] = Some(s.clone());
    s
}
