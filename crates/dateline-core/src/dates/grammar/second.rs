//! What a rule needs of the token after its first: most rules that start at
//! a common word (`the`, `a`, a number) fail on the next token, so the scan
//! tries a rule at token `i` only if token `i + 1` can be its second token.
//! A rule that may match one token alone, or whose first piece may be a
//! sub-expression or a shape, puts no condition on the second token.

use rustc_hash::FxHashSet;

use super::lexicon::{Class, Lexicon};
use super::pattern::{Atom, Builtin, Elem};
use super::{First, Rule};

/// The first set of one atom (sub-expressions through `cat_first`).
fn atom_first(a: &Atom, lists: &[FxHashSet<Box<str>>], cat_first: &[First]) -> First {
    let mut f = First::default();
    match a {
        Atom::Word(w, _) => {
            f.words.insert(w.clone());
        }
        Atom::List(l) => f.words.extend(lists[*l].iter().cloned()),
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
            for &c in cats {
                f.union(&cat_first[c]);
            }
        }
    }
    f
}

/// The first set of `elems`, and whether they can match no token at all.
fn first_of(elems: &[Elem], lists: &[FxHashSet<Box<str>>], cat_first: &[First]) -> (First, bool) {
    let mut f = First::default();
    for e in elems {
        let Elem::Atoms { alts, optional } = e else { continue };
        for a in alts {
            f.union(&atom_first(a, lists, cat_first));
        }
        if !optional {
            return (f, false);
        }
    }
    (f, true)
}

/// The tokens that may come second inside an atom that spans several
/// (`a couple of`, `twenty - four`); `None` when they cannot be listed.
fn inside(a: &Atom, lex: &Lexicon) -> Option<First> {
    let mut f = First::default();
    let rests = |class: Class, f: &mut First| {
        for e in lex.entries.iter().filter(|e| e.class == class) {
            if let Some(w) = e.rest.first() {
                f.words.insert(w.clone());
            }
        }
    };
    let words_of = |class: Class, f: &mut First| {
        for e in lex.entries.iter().filter(|e| e.class == class) {
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
        Atom::Shape(_) | Atom::Sub(_) => return None,
    }
    Some(f)
}

/// The second-token set of `rule`, or `None` when it puts no condition on it.
pub(super) fn second(rule: &Rule, lex: &Lexicon, lists: &[FxHashSet<Box<str>>], cat_first: &[First]) -> Option<First> {
    let mut out = First::default();
    for (k, e) in rule.elems.iter().enumerate() {
        let Elem::Atoms { alts, optional } = e else { continue };
        // Element `k` takes the first token.
        let (after, nullable) = first_of(&rule.elems[k + 1..], lists, cat_first);
        if nullable {
            return None;
        }
        out.union(&after);
        for a in alts {
            out.union(&inside(a, lex)?);
        }
        if !optional {
            return Some(out);
        }
    }
    None
}
