//! Patterns: a rule's sequence of elements, parsed from one line.
//!
//! ```text
//! MONTH+ DAY ,|of? YEAR        classes, literal words, alternatives, optional elements
//! [%month_prep] MONTH+         a context before the expression (not part of it)
//! YEAR ![%|percent]            a context after it that must not be there
//! <time> ,? <date>             sub-expressions of other rules, by category
//! @iso_date                    a shape
//! NUMBER=hour                  a class whose value fills another field
//! ```

use super::lexicon::{Class, LexEntry};
use crate::dates::fields::{Field, Got};

/// Token tests that are not word lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builtin {
    /// Digits, a decimal, a fraction, or number words (`twenty-four`).
    Num,
    /// ASCII digits only.
    Int,
    /// A day of the month: `5`, `05`, `5th`, or an ordinal word up to 31.
    Day,
    /// A four-digit year 1000–2999.
    Year,
    /// A year in words: `nineteen ninety-six`, `two thousand and one`.
    YearWords,
    /// An hour: one or two digits up to 24.
    Hour,
    /// An ordinal: `third`, `3rd`.
    Ord,
    /// A word starting with a capital letter.
    Cap,
    /// Any token.
    Any,
}

pub(crate) const BUILTINS: &[(&str, Builtin)] = &[
    ("NUM", Builtin::Num),
    ("INT", Builtin::Int),
    ("DAY", Builtin::Day),
    ("YEAR", Builtin::Year),
    ("YEARWORDS", Builtin::YearWords),
    ("HOUR", Builtin::Hour),
    ("ORD", Builtin::Ord),
    ("CAP", Builtin::Cap),
    ("ANY", Builtin::Any),
];

impl Builtin {
    /// The field the builtin fills unless the element names another.
    pub(crate) fn default_field(self) -> Option<Field> {
        match self {
            Self::Num | Self::Int => Some(Field::N),
            Self::Day => Some(Field::Day),
            Self::Year | Self::YearWords => Some(Field::Year),
            Self::Hour => Some(Field::Hour),
            Self::Ord => Some(Field::Ordinal),
            Self::Cap | Self::Any => None,
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The field a class fills unless the element names another.
pub(crate) fn class_field(c: Class) -> Field {
    match c {
        Class::Month => Field::Month,
        Class::Weekday | Class::Weekdays => Field::Weekday,
        Class::Number => Field::N,
        Class::Ordinal => Field::Ordinal,
        Class::Unit | Class::Units | Class::Set => Field::Unit,
        Class::Season => Field::Season,
        Class::Part | Class::Parts => Field::Part,
        Class::AmPm => Field::AmPm,
        Class::Zone => Field::Zone,
        Class::Dir => Field::Dir,
        Class::Mod | Class::Edge => Field::Mod,
        Class::Ref => Field::Ref,
        Class::Decade => Field::Decade,
        Class::Holiday => Field::Holiday,
    }
}

/// One alternative of an element.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Atom {
    /// A literal token, lower case, and its id in the grammar's vocabulary.
    Word(Box<str>, u32),
    /// A word of a class; `strict_ok`: strict words too; `cap`: capitalised;
    /// `only`/`except`: the values allowed or refused (`UNIT:h,min,s`).
    Class {
        class: Class,
        field: Field,
        strict_ok: bool,
        cap: bool,
        only: Vec<Got>,
        except: bool,
    },
    Builtin {
        b: Builtin,
        field: Option<Field>,
    },
    /// A word list of `words.toml` (one token); `true`: only capitalised
    /// (`%year_prep^`).
    List(usize, bool),
    Shape(usize),
    /// A sub-expression of one of these categories.
    Sub(Vec<usize>),
}

impl Atom {
    /// Whether this atom, a class, takes lexicon entry `e` (its class,
    /// strictness and values; capitals are the token's, not the entry's).
    pub(crate) fn takes_entry(&self, e: &LexEntry) -> bool {
        match self {
            Atom::Class { class, strict_ok, only, except, .. } => {
                e.class == *class && (!e.strict || *strict_ok) && (only.is_empty() || only.contains(&e.got) != *except)
            }
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Elem {
    /// Consumes tokens.
    Atoms { alts: Vec<Atom>, optional: bool },
    /// Looks at the token before (or after) the expression without taking it.
    Context { alts: Vec<Atom>, negated: bool },
}

/// Names the parser needs resolved.
pub(crate) trait Names {
    fn list(&self, name: &str) -> Option<usize>;
    fn shape(&self, name: &str) -> Option<usize>;
    fn category(&mut self, name: &str) -> usize;
}

fn parse_atom(s: &str, names: &mut dyn Names) -> Result<Atom, String> {
    if let Some(cats) = s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        let ids = cats.split(',').map(|c| names.category(c.trim())).collect();
        return Ok(Atom::Sub(ids));
    }
    if let Some(name) = s.strip_prefix('@').filter(|n| !n.is_empty()) {
        return names.shape(name).map(Atom::Shape).ok_or_else(|| format!("unknown shape @{name}"));
    }
    if let Some(name) = s.strip_prefix('%').filter(|n| !n.is_empty()) {
        let (name, cap) = name.strip_suffix('^').map_or((name, false), |n| (n, true));
        return names.list(name).map(|l| Atom::List(l, cap)).ok_or_else(|| format!("unknown list %{name}"));
    }
    let head_len = s.bytes().take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_').count();
    if head_len >= 2 && s.as_bytes()[0].is_ascii_uppercase() {
        // `UNIT:h,min,s` allows those values only; `UNIT:!h,min,s` all others.
        let (s, filter) = match s.split_once(':') {
            Some((a, f)) => (a, Some(f)),
            None => (s, None),
        };
        let (head, tail) = s.split_at(head_len);
        let (field, flags) = match tail.strip_prefix('=') {
            Some(rest) => {
                let n = rest.bytes().take_while(|b| b.is_ascii_lowercase() || *b == b'_' || b.is_ascii_digit()).count();
                let f = Field::parse(&rest[..n]).ok_or_else(|| format!("unknown field {:?} in {s:?}", &rest[..n]))?;
                (Some(f), &rest[n..])
            }
            None => (None, tail),
        };
        if flags.bytes().any(|b| !matches!(b, b'+' | b'^')) {
            return Err(format!("unknown flags in {s:?}"));
        }
        let (strict_ok, cap) = (flags.contains('+'), flags.contains('^'));
        if let Some(class) = Class::parse(&head.to_ascii_lowercase()) {
            let field = field.unwrap_or_else(|| class_field(class));
            let (except, values) = match filter {
                None => (false, ""),
                Some(f) => f.strip_prefix('!').map_or((false, f), |r| (true, r)),
            };
            let mut only = Vec::new();
            for v in values.split(',').filter(|v| !v.is_empty()) {
                let tv = v.parse::<i64>().map_or_else(|_| toml::Value::String(v.to_owned()), toml::Value::Integer);
                let got = super::lexicon::value_of(class, head, v, &tv, &mut Vec::new()).map_err(|e| e.to_string())?;
                only.push(got);
            }
            if filter.is_some() && only.is_empty() {
                return Err(format!("empty value filter in {s:?}"));
            }
            return Ok(Atom::Class { class, field, strict_ok, cap, only, except });
        }
        if let Some(&(_, b)) = super::pattern::BUILTINS.iter().find(|(n, _)| *n == head) {
            if strict_ok || cap || filter.is_some() {
                return Err(format!("flags are for word classes, not {head}"));
            }
            return Ok(Atom::Builtin { b, field: field.or_else(|| b.default_field()) });
        }
        return Err(format!("unknown class {head}"));
    }
    Ok(Atom::Word(super::lexicon::key(s).into(), u32::MAX))
}

fn parse_alts(s: &str, names: &mut dyn Names) -> Result<Vec<Atom>, String> {
    if s.is_empty() {
        return Err("empty element".into());
    }
    // `|` alone is a literal bar; otherwise it separates alternatives.
    if s == "|" {
        return Ok(vec![Atom::Word("|".into(), u32::MAX)]);
    }
    s.split('|').map(|a| parse_atom(a, names)).collect()
}

/// Parses a pattern line into elements.
///
/// # Errors
/// A message naming what is wrong (an unknown class, a context in the middle).
pub(crate) fn parse(pattern: &str, names: &mut dyn Names) -> Result<Vec<Elem>, String> {
    let mut out = Vec::new();
    for raw in pattern.split_whitespace() {
        let (negated, rest) = match raw.strip_prefix('!') {
            Some(r) if r.starts_with('[') => (true, r),
            _ => (false, raw),
        };
        if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            let alts = parse_alts(inner, names)?;
            if alts.iter().any(|a| matches!(a, Atom::Sub(_) | Atom::Shape(_))) {
                return Err(format!("a context is one token, not a sub-expression or shape: {raw}"));
            }
            out.push(Elem::Context { alts, negated });
            continue;
        }
        let (body, optional) = match raw.strip_suffix('?') {
            Some(b) if !b.is_empty() => (b, true),
            _ => (raw, false),
        };
        out.push(Elem::Atoms { alts: parse_alts(body, names)?, optional });
    }
    // Contexts only before the first or after the last consuming element.
    let first = out.iter().position(|e| matches!(e, Elem::Atoms { .. }));
    let last = out.iter().rposition(|e| matches!(e, Elem::Atoms { .. }));
    let (Some(first), Some(last)) = (first, last) else {
        return Err("a pattern needs an element that takes tokens".into());
    };
    if out[first..=last].iter().any(|e| matches!(e, Elem::Context { .. })) {
        return Err("contexts go before or after the expression, not inside it".into());
    }
    if out[first..=last].iter().all(|e| matches!(e, Elem::Atoms { optional: true, .. })) {
        return Err("every element is optional: the pattern could match nothing".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct N;
    impl Names for N {
        fn list(&self, name: &str) -> Option<usize> {
            (name == "prep").then_some(0)
        }
        fn shape(&self, name: &str) -> Option<usize> {
            (name == "iso").then_some(3)
        }
        fn category(&mut self, name: &str) -> usize {
            usize::from(name == "time")
        }
    }

    #[test]
    fn elements() {
        let e = parse("[%prep] MONTH+ DAY ,|of? YEAR ![%prep]", &mut N).unwrap();
        assert_eq!(e.len(), 6);
        assert!(matches!(&e[0], Elem::Context { negated: false, .. }));
        assert!(
            matches!(&e[1], Elem::Atoms { alts, optional: false } if matches!(alts[0], Atom::Class { class: Class::Month, strict_ok: true, cap: false, .. }))
        );
        assert!(matches!(&e[3], Elem::Atoms { alts, optional: true } if alts.len() == 2));
        assert!(matches!(&e[5], Elem::Context { negated: true, .. }));
        let e = parse("<date,time> @iso NUMBER=hour", &mut N).unwrap();
        assert!(matches!(&e[0], Elem::Atoms { alts, .. } if alts[0] == Atom::Sub(vec![0, 1])));
        assert!(matches!(&e[1], Elem::Atoms { alts, .. } if alts[0] == Atom::Shape(3)));
        assert!(matches!(&e[2], Elem::Atoms { alts, .. } if matches!(alts[0], Atom::Class { field: Field::Hour, .. })));
    }

    #[test]
    fn errors_name_the_problem() {
        for (p, want) in [
            ("MONTHS DAY", "unknown class MONTHS"),
            ("@nope", "unknown shape"),
            ("MONTH [of] YEAR", "contexts go before or after"),
            ("of?", "could match nothing"),
            ("[of]", "needs an element"),
            ("NUM=colour", "unknown field"),
            ("YEAR+", "flags are for word classes"),
        ] {
            let e = parse(p, &mut N).unwrap_err();
            assert!(e.contains(want), "{p}: {e}");
        }
    }
}
