//! What a rule needs of the token after its first: most rules that start at
//! a common word (`the`, `a`, a number) fail on the next token, so the scan
//! tries a rule at token `i` only if token `i + 1` can be its second token.
//!
//! Whether a rule needs that test depends on how its first token is taken:
//! `the past` (REF) needs `past` after `the`, but `now` (REF) is a match of
//! one token. So each way a rule can start (a word of the vocabulary, a
//! token of digits) is *free* when a match begun that way may be one token
//! alone, or its first piece may span tokens in ways that cannot be listed
//! (a shape); otherwise the second token must be one of the rule's listed
//! second tokens, [`second`]. Matches begun by a shape are always free.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Rule;
use super::index::{First, begins_builtin};
use super::lexicon::{Class, Lexicon};
use super::pattern::{Atom, Builtin, Elem};

/// The tokens that can come second in a match of two tokens or more that
/// is not begun in a free way, and whether a match can be one token.
#[derive(Clone, Debug)]
pub(super) struct Second {
    pub set: First,
    pub single: bool,
}

/// How a match's first token is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Start<'a> {
    /// A word of the vocabulary (lower case).
    Word(&'a str),
    /// A token starting with a digit (or a one-character fraction), read by
    /// a builtin.
    Digits,
}

pub(super) struct Ctx<'a> {
    pub rules: &'a [Rule],
    pub by_cat: &'a [Vec<usize>],
    pub lex: &'a Lexicon,
    pub lists: &'a [FxHashSet<Box<str>>],
    pub cat_first: &'a [First],
    /// The list `thousand` (`two thousand and one`), if the language has it.
    pub thousand: Option<usize>,
    /// The words that lead each shape's matches (empty: found by first byte).
    pub shape_leads: &'a [Vec<Box<str>>],
    /// Whether a rule can start at all so (the start tables).
    pub starts: &'a dyn Fn(usize, Start<'_>) -> bool,
}

/// The first set of one atom (sub-expressions through `cat_first`).
fn atom_first(a: &Atom, c: &Ctx<'_>) -> First {
    let mut f = First::default();
    match a {
        Atom::Word(w, _) => {
            f.words.insert(w.clone());
        }
        Atom::List(l, _) => f.words.extend(c.lists[*l].iter().cloned()),
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
pub(super) fn first_of(elems: &[Elem], c: &Ctx<'_>) -> (First, bool) {
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
/// whether it can be one token. A shape lists none: the matches it begins
/// are free.
pub(super) fn inside(a: &Atom, c: &Ctx<'_>, memo: &mut Vec<Option<Second>>) -> (First, bool) {
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
        Atom::Word(..) | Atom::List(..) | Atom::Shape(_) => {}
        Atom::Class { class, .. } => rests(*class, &mut f),
        Atom::Builtin { b, .. } => match b {
            Builtin::Int | Builtin::Year | Builtin::Hour | Builtin::Cap | Builtin::Any => {}
            Builtin::Num | Builtin::Day | Builtin::Ord => {
                f.words.insert("-".into());
                rests(Class::Number, &mut f);
                rests(Class::Ordinal, &mut f);
                words_of(Class::Number, &mut f);
                words_of(Class::Ordinal, &mut f);
                // `two thousand`
                if let Some(l) = c.thousand {
                    f.words.extend(c.lists[l].iter().cloned());
                }
            }
            Builtin::YearWords => {
                // `nineteen ninety-six`, `two thousand`, `a hundred …`: never one token.
                rests(Class::Number, &mut f);
                words_of(Class::Number, &mut f);
                if let Some(l) = c.thousand {
                    f.words.extend(c.lists[l].iter().cloned());
                }
                return (f, false);
            }
        },
        Atom::Sub(cats) => {
            let mut single = false;
            for &cat in cats {
                for &r in &c.by_cat[cat] {
                    let s = second(r, c, memo);
                    single |= s.single;
                    f.union(&s.set);
                }
            }
            return (f, single);
        }
    }
    (f, true)
}

/// What rule `r` needs of its second token (remembered in `memo`).
pub(super) fn second(r: usize, c: &Ctx<'_>, memo: &mut Vec<Option<Second>>) -> Second {
    if let Some(s) = &memo[r] {
        return s.clone();
    }
    let rule = &c.rules[r];
    let mut set = First::default();
    let mut single = false;
    for (k, e) in rule.elems.iter().enumerate() {
        let Elem::Atoms { alts, optional } = e else { continue };
        // Element `k` takes the first token.
        let (after, nullable) = first_of(&rule.elems[k + 1..], c);
        for a in alts {
            let (f, one) = inside(a, c, memo);
            set.union(&f);
            if one {
                set.union(&after);
            }
            single |= one && nullable;
        }
        if !optional {
            break;
        }
    }
    let s = Second { set, single };
    memo[r] = Some(s.clone());
    s
}

/// Whether atom `a` can take a first token taken as `start` (a
/// sub-expression: through [`by_cat`]).
pub(super) fn atom_starts<'a>(a: &Atom, start: Start<'a>, c: &Ctx<'_>, memo: &mut Memo<'a>) -> bool {
    let word_of = |w: &str, class: Class| c.lex.entries(w, class).next().is_some();
    match (a, start) {
        (Atom::Word(x, _), Start::Word(w)) => x.as_ref() == w,
        (Atom::List(l, _), Start::Word(w)) => c.lists[*l].contains(w),
        (Atom::Class { class, .. }, Start::Word(w)) => word_of(w, *class),
        (Atom::Builtin { b, .. }, Start::Word(w)) => {
            [Class::Number, Class::Ordinal].iter().any(|&k| c.lex.entries(w, k).any(|e| begins_builtin(*b, e)))
        }
        (Atom::Builtin { b, .. }, Start::Digits) => !matches!(b, Builtin::YearWords | Builtin::Cap | Builtin::Any),
        (Atom::Shape(s), Start::Word(w)) => c.shape_leads[*s].iter().any(|l| l.as_ref() == w),
        (Atom::Sub(cats), _) => cats.iter().any(|&cat| by_cat(cat, start, c, memo).starts),
        _ => false,
    }
}

/// How the matches of a rule begun one way can go on.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Begun {
    /// The rule can start so at all.
    pub starts: bool,
    /// A match begun so may have a second token that cannot be listed.
    pub unlisted: bool,
    /// A match begun so may be one token alone.
    pub single: bool,
}

impl Begun {
    /// No condition on the second token.
    pub(super) fn free(self) -> bool {
        self.unlisted || self.single
    }

    fn or(self, o: Self) -> Self {
        Self { starts: self.starts || o.starts, unlisted: self.unlisted || o.unlisted, single: self.single || o.single }
    }
}

/// What [`begun`] and [`by_cat`] found, by (rule or category, start).
#[derive(Default)]
pub(super) struct Memo<'a> {
    rules: FxHashMap<(usize, Start<'a>), Begun>,
    cats: FxHashMap<(usize, Start<'a>), Begun>,
}

/// The rules of category `cat` begun as `start`, together (remembered).
fn by_cat<'a>(cat: usize, start: Start<'a>, c: &Ctx<'_>, memo: &mut Memo<'a>) -> Begun {
    if let Some(&x) = memo.cats.get(&(cat, start)) {
        return x;
    }
    let mut out = Begun::default();
    for &r in &c.by_cat[cat] {
        if (c.starts)(r, start) {
            out = out.or(begun(r, start, c, memo));
        }
    }
    memo.cats.insert((cat, start), out);
    out
}

/// How rule `r` goes on after a first token taken as `start` (remembered).
pub(super) fn begun<'a>(r: usize, start: Start<'a>, c: &Ctx<'_>, memo: &mut Memo<'a>) -> Begun {
    if let Some(&x) = memo.rules.get(&(r, start)) {
        return x;
    }
    let rule = &c.rules[r];
    let mut out = Begun::default();
    for (k, e) in rule.elems.iter().enumerate() {
        let Elem::Atoms { alts, optional } = e else { continue };
        for a in alts {
            let (unlisted, one) = match (a, start) {
                (Atom::Sub(cats), _) => {
                    let b = cats.iter().fold(Begun::default(), |b, &cat| b.or(by_cat(cat, start, c, memo)));
                    if !b.starts {
                        continue;
                    }
                    (b.unlisted, b.single)
                }
                _ if !atom_starts(a, start, c, memo) => continue,
                (Atom::Class { class, .. }, Start::Word(w)) => {
                    (false, c.lex.entries(w, *class).any(|e| e.rest.is_empty()))
                }
                (Atom::Builtin { b: Builtin::YearWords, .. }, _) => (false, false),
                (Atom::Shape(_), _) => (true, true),
                _ => (false, true),
            };
            out.starts = true;
            out.unlisted |= unlisted;
            out.single |= one
                && rule.elems[k + 1..]
                    .iter()
                    .all(|e| matches!(e, Elem::Context { .. } | Elem::Atoms { optional: true, .. }));
        }
        if !optional {
            break;
        }
    }
    memo.rules.insert((r, start), out);
    out
}

#[cfg(test)]
mod tests {
    use crate::dates::grammar::{Grammar, Sources};
    use crate::tokenize::Tokenizer;

    const WORDS: &str = r#"
[class.ref]
now = "PRESENT_REF"
"the past" = "PAST_REF"
[class.number]
two = 2
nineteen = 19
ninety = 90
[list]
thousand = ["thousand"]
"#;
    const RULES: &str = r#"
[[rule]]
name = "ref"
pattern = "REF"
make = "ref"
[[rule]]
name = "year-words"
pattern = "YEARWORDS"
make = "point"
[[rule]]
name = "the-decade"
pattern = "the? @decade"
make = "point"
[[rule]]
name = "range"
pattern = "<date> to <date>"
make = "range"
cat = "range"
"#;
    const SHAPES: &str = r#"
[[shape]]
name = "decade"
regex = "(?P<decade>\\d\\d\\d)0s"
"#;

    fn grammar() -> Grammar {
        let src = Sources { words: WORDS, shapes: SHAPES, rules: &[("r.toml", RULES)], tense: "", document: "" };
        Grammar::compile(&src, &Tokenizer::default()).unwrap()
    }

    #[test]
    fn how_a_rule_starts_says_whether_the_next_token_is_tested() {
        let g = grammar();
        let rule = |name: &str| g.rules.iter().position(|r| r.name == name).unwrap();
        let word = |w: &str| &g.words[g.word_id(w).unwrap() as usize];
        let (reference, year_words, decade, range) =
            (rule("ref"), rule("year-words"), rule("the-decade"), rule("range"));
        // `now` is a match alone; `the` must be followed by `past`.
        assert!(word("now").free.contains(reference));
        assert!(word("the").need.contains(reference) && !word("the").free.contains(reference));
        assert!(word("past").second.contains(reference));
        // A year in words is never one word: `nineteen ninety`, `two thousand`.
        assert!(word("nineteen").need.contains(year_words));
        assert!(word("ninety").second.contains(year_words) && word("thousand").second.contains(year_words));
        // `the` before a shape: the next token must be able to start it.
        assert!(word("the").need.contains(decade));
        assert!(g.second_by_byte[usize::from(b'1')].contains(decade));
        assert!(!g.second_by_byte[usize::from(b'x')].contains(decade));
        // A range begun by a sub-expression: `now to …` needs `to` next,
        // `the past to …` needs `past`.
        assert!(word("now").need.contains(range) && word("to").second.contains(range));
        assert!(word("the").need.contains(range) && word("past").second.contains(range));
        assert!(!word("the").free.contains(range) && !word("now").free.contains(range));
        // A shape at the first token: found by its first byte, and free.
        assert!(g.shapes_by_byte[usize::from(b'1')].iter().any(|&s| g.shape_rules[s].contains(decade)));
    }
}
