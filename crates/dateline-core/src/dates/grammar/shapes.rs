//! Shapes: written forms matched by a regular expression over tokens written
//! together (`2026-03-05T14:30+01:00`, `5-Mar-2026`, `8p.m.`). Named groups
//! fill the fields of their name; `a` and `b` are a month and a day in the
//! pipeline's date order. Which first bytes can start a shape is read off the
//! regular expression, so a token that cannot start one costs nothing.

use regex::{Regex, RegexSet};
use regex_syntax::hir::{Class as HirClass, Hir, HirKind};

use super::format::ShapesFile;
use super::lexicon::{Class, Lexicon};
use crate::dates::fields::Field;
use crate::error::Error;

/// Where a named group goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Group {
    Field(Field),
    /// First number of an ambiguous pair (month or day by the date order).
    A,
    /// Second number of the pair.
    B,
}

#[derive(Debug)]
pub(crate) struct Shape {
    pub name: String,
    pub regex: Regex,
    /// (capture index, where it goes).
    pub groups: Vec<(usize, Group)>,
    /// Bytes a match can start with.
    pub first: [bool; 256],
    /// Lower-case literal prefixes one of which every match starts with, when
    /// the expression has few (`mid-`, `early-`); empty when it has not.
    pub prefixes: Vec<Box<[u8]>>,
    /// The words, lower case, that lead every match when it goes on past
    /// them (`mid` of `mid-1990s`, `medio` of `medio-2025`): the letters
    /// (ASCII) a match starts with, up to the first byte that is not one.
    /// Empty when some match starts otherwise, or the words cannot all be
    /// listed: the shape is then found by the first byte of its matches.
    pub leads: Vec<Box<str>>,
    /// The second bytes (either case) of the prefixes, one bit each: a quick
    /// test before comparing them.
    second: [u64; 4],
}

impl Shape {
    /// Whether a match could start at the start of `rest` (the text from a token on).
    pub(crate) fn may_start(&self, rest: &[u8]) -> bool {
        let Some(&b) = rest.first() else { return false };
        let second_ok = rest.get(1).is_none_or(|&c| self.second[usize::from(c >> 6)] & (1 << (c & 63)) != 0);
        self.first[b as usize]
            && second_ok
            && (self.prefixes.is_empty()
                || self.prefixes.iter().any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p)))
    }
}

/// The literal prefixes of `hir`, lower case, if there are few and none is
/// empty. They are read with the cases of each letter folded (unfolded,
/// `(?i)(maandag|dinsdag)` has hundreds, too many to list, and every word
/// of `d` would be tried), and cut before their first byte beyond ASCII,
/// which the scan compares without case only in ASCII.
fn prefixes(hir: &Hir) -> Vec<Box<[u8]>> {
    let mut ex = regex_syntax::hir::literal::Extractor::new();
    ex.limit_total(256);
    ex.limit_literal_len(4);
    let seq = ex.extract(&fold_case(hir));
    let Some(lits) = seq.literals() else { return Vec::new() };
    let mut out: Vec<Box<[u8]>> = lits
        .iter()
        .map(|l| {
            let ascii = l.as_bytes().iter().take_while(|b| b.is_ascii()).count();
            l.as_bytes()[..ascii].to_ascii_lowercase().into_boxed_slice()
        })
        .collect();
    if out.iter().any(|p| p.is_empty() || p[0].is_ascii_digit()) {
        return Vec::new(); // digits are checked by the first byte
    }
    out.sort();
    out.dedup();
    out
}

/// `hir` with each class of one letter in its cases (what `(?i)` makes of a
/// letter: `[Mm]`, `[Kk\u{212A}]`) written as that letter in lower case.
fn fold_case(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Class(HirClass::Unicode(c)) => {
            let mut chars = c.ranges().iter().flat_map(|r| (u32::from(r.start())..=u32::from(r.end())).take(8));
            // `ſ` is an `s`, `K` (Kelvin) a `k`: the lower case of the upper.
            let lower = |ch: u32| {
                char::from_u32(ch).and_then(|ch| ch.to_uppercase().next()).and_then(|ch| ch.to_lowercase().next())
            };
            let first = chars.next().and_then(lower);
            let one = c.ranges().iter().map(|r| u32::from(r.end()) - u32::from(r.start()) + 1).sum::<u32>() <= 4
                && first.is_some_and(char::is_alphabetic)
                && chars.all(|ch| lower(ch) == first);
            match first {
                Some(ch) if one => Hir::literal(ch.to_string().into_bytes()),
                _ => hir.clone(),
            }
        }
        HirKind::Repetition(rep) => {
            Hir::repetition(regex_syntax::hir::Repetition { sub: Box::new(fold_case(&rep.sub)), ..rep.clone() })
        }
        HirKind::Capture(cap) => {
            Hir::capture(regex_syntax::hir::Capture { sub: Box::new(fold_case(&cap.sub)), ..cap.clone() })
        }
        HirKind::Concat(items) => Hir::concat(items.iter().map(fold_case).collect()),
        HirKind::Alternation(items) => Hir::alternation(items.iter().map(fold_case).collect()),
        _ => hir.clone(),
    }
}

/// The words that lead every match of `hir` (see [`Shape::leads`]), read
/// off its literal prefixes with the cases of each letter folded. Unfolded,
/// `(?i)(medio|begin|eind|midden)-` has 144 prefixes of five letters or
/// more, too many to list, and the extractor cuts them to `medi`, `begi`:
/// words no token is. None when a prefix starts with no letter, or is a
/// whole match of letters only (`weekend`): such a shape is one word, found
/// by its first byte.
fn leads(hir: &Hir) -> Vec<Box<str>> {
    let mut ex = regex_syntax::hir::literal::Extractor::new();
    ex.limit_total(4096);
    let seq = ex.extract(&fold_case(hir));
    let Some(lits) = seq.literals() else { return Vec::new() };
    let mut out = Vec::new();
    for l in lits {
        let n = l.as_bytes().iter().take_while(|c| c.is_ascii_alphabetic()).count();
        // The scan reads at most twelve letters of a token for a lead word.
        if n == 0 || n > 12 || (n == l.len() && l.is_exact()) {
            return Vec::new();
        }
        out.push(String::from_utf8_lossy(&l.as_bytes()[..n]).to_ascii_lowercase().into_boxed_str());
    }
    out.sort();
    out.dedup();
    out
}

#[derive(Debug)]
pub(crate) struct Shapes {
    pub list: Vec<Shape>,
    pub set: RegexSet,
    /// The union of the shapes' first bytes.
    pub first: [bool; 256],
    /// Bytes a match of some shape can end with.
    pub last: [bool; 256],
}

/// Which end of a match [`edge_bytes`] reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    First,
    Last,
}

/// The bytes a match of `hir` can start (or end) with, and whether it can be
/// empty. Outside ASCII it is coarse, never wrong: any lead byte of a
/// multi-byte character at the start, any continuation byte at the end.
fn edge_bytes(hir: &Hir, out: &mut [bool; 256], edge: Edge) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => {
            let b = if edge == Edge::First { lit.0.first() } else { lit.0.last() };
            if let Some(&b) = b {
                out[b as usize] = true;
                false
            } else {
                true
            }
        }
        HirKind::Class(HirClass::Unicode(c)) => {
            for r in c.ranges() {
                let (lo, hi) = (u32::from(r.start()), u32::from(r.end()));
                for b in lo..=hi.min(0x7F) {
                    out[b as usize] = true;
                }
                if hi > 0x7F {
                    let non_ascii = if edge == Edge::First { 0xC2..=0xF4 } else { 0x80..=0xBF };
                    for slot in &mut out[non_ascii] {
                        *slot = true;
                    }
                }
            }
            false
        }
        HirKind::Class(HirClass::Bytes(c)) => {
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    out[b as usize] = true;
                }
            }
            false
        }
        HirKind::Repetition(rep) => edge_bytes(&rep.sub, out, edge) || rep.min == 0,
        HirKind::Capture(cap) => edge_bytes(&cap.sub, out, edge),
        HirKind::Concat(items) => {
            // All may be empty only if each is, read from that end.
            if edge == Edge::First {
                items.iter().all(|h| edge_bytes(h, out, edge))
            } else {
                items.iter().rev().all(|h| edge_bytes(h, out, edge))
            }
        }
        HirKind::Alternation(items) => {
            let mut empty = false;
            for h in items {
                empty |= edge_bytes(h, out, edge);
            }
            empty
        }
    }
}

/// Literal prefixes of a shape's matches, lower case.
type Prefixes = Vec<Box<[u8]>>;

/// `{CLASS}` placeholders replaced by the class's one-word entries; when the
/// expression starts with one, those words are its prefixes.
fn expand(regex: &str, lex: &Lexicon) -> Result<(String, Option<Prefixes>), String> {
    let mut out = String::with_capacity(regex.len());
    let mut rest = regex;
    let mut prefixes = None;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        let name = &rest[open + 1..close];
        if !(name.len() >= 2 && name.bytes().all(|b| b.is_ascii_uppercase())) {
            // A repetition such as `\d{1,2}`.
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        }
        let class = Class::parse(&name.to_ascii_lowercase()).ok_or_else(|| format!("unknown class {{{name}}}"))?;
        let mut words: Vec<&str> =
            lex.entries.iter().filter(|e| e.class == class && e.rest.is_empty()).map(|e| e.first.as_ref()).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        let before = format!("{out}{}", &rest[..open]);
        if before.trim_start_matches(['(', '?', ':', '^']).trim_start_matches("P<").split('>').count() <= 2
            && !before.contains(['\\', '[', '|', '.'])
        {
            prefixes = Some(words.iter().map(|w| w.as_bytes().to_vec().into_boxed_slice()).collect());
        }
        out.push_str(&rest[..open]);
        out.push_str("(?i:");
        out.push_str(&words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|"));
        out.push(')');
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok((out, prefixes))
}

impl Shapes {
    /// Compiles the shapes of `file`. `{MONTH}` in an expression stands for
    /// the one-word entries of that class (case-insensitive), so that a shape
    /// like `{MONTH}/\d+` knows its words from the word tables.
    ///
    /// # Errors
    /// [`Error::Config`] naming the shape whose expression does not compile,
    /// can match nothing, names an unknown class, or has a group that is not a field.
    pub(crate) fn compile(file: &ShapesFile, lex: &Lexicon) -> Result<Self, Error> {
        let mut list = Vec::new();
        let mut union = [false; 256];
        let mut last = [false; 256];
        for def in &file.shape {
            let bad = |why: String| Error::Config(format!("date shape {:?}: {why}", def.name));
            let (expanded, class_prefixes) = expand(&def.regex, lex).map_err(&bad)?;
            let anchored = format!("^(?:{expanded})$");
            let regex = Regex::new(&anchored).map_err(|e| bad(e.to_string()))?;
            let hir = regex_syntax::parse(&anchored).map_err(|e| bad(e.to_string()))?;
            let mut first = [false; 256];
            if edge_bytes(&hir, &mut first, Edge::First) {
                return Err(bad("can match an empty string".into()));
            }
            edge_bytes(&hir, &mut last, Edge::Last);
            let mut groups = Vec::new();
            for (i, name) in regex.capture_names().enumerate() {
                let Some(name) = name else { continue };
                let g = match name {
                    "a" => Group::A,
                    "b" => Group::B,
                    _ => Group::Field(Field::parse(name).ok_or_else(|| bad(format!("group {name:?} is not a field")))?),
                };
                groups.push((i, g));
            }
            for (u, f) in union.iter_mut().zip(first.iter()) {
                *u |= *f;
            }
            // The words of a class are whole words; other prefixes are read
            // again with the cases folded.
            let leads = match &class_prefixes {
                Some(words) => words
                    .iter()
                    .map(|w| w.iter().take_while(|b| b.is_ascii_alphabetic()).map(|&b| char::from(b)).collect())
                    .map(String::into_boxed_str)
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>(),
                None => leads(&hir),
            };
            let leads = if leads.iter().any(|w| w.is_empty()) { Vec::new() } else { leads };
            let prefixes = class_prefixes.unwrap_or_else(|| prefixes(&hir));
            let mut second = [u64::MAX; 4];
            if !prefixes.is_empty() && prefixes.iter().all(|p| p.len() >= 2) {
                second = [0; 4];
                for p in &prefixes {
                    for c in [p[1].to_ascii_lowercase(), p[1].to_ascii_uppercase()] {
                        second[usize::from(c >> 6)] |= 1 << (c & 63);
                    }
                }
            }
            list.push(Shape { name: def.name.clone(), regex, groups, first, prefixes, leads, second });
        }
        let set = RegexSet::new(list.iter().map(|s| s.regex.as_str()))
            .map_err(|e| Error::Config(format!("date shapes: {e}")))?;
        Ok(Self { list, set, first: union, last })
    }

    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.list.iter().position(|s| s.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::grammar::format::ShapeDef;

    fn shapes(defs: &[(&str, &str)]) -> Result<Shapes, Error> {
        let words: crate::dates::grammar::format::WordsFile =
            toml::from_str("[class.month]\noct = 10\n\"oct.\" = 10\noctober = 10").unwrap();
        let lex = Lexicon::compile(&words, &crate::tokenize::Tokenizer::default()).unwrap();
        Shapes::compile(
            &ShapesFile {
                shape: defs.iter().map(|(n, r)| ShapeDef { name: (*n).into(), regex: (*r).into() }).collect(),
            },
            &lex,
        )
    }

    #[test]
    fn class_placeholders() {
        let s = shapes(&[("md", r"(?P<month>{MONTH})/(?P<day>\d{1,2})")]).unwrap();
        assert!(s.list[0].regex.is_match("Oct/2") && s.list[0].regex.is_match("october/22"));
        assert!(!s.list[0].regex.is_match("Covid/19"));
        assert!(s.list[0].may_start(b"Oct/2") && !s.list[0].may_start(b"Covid/19"));
        assert!(shapes(&[("x", r"{NOPE}")]).is_err());
    }

    #[test]
    fn first_bytes_of_shapes() {
        let s = shapes(&[("iso", r"(?P<year>\d{4})-(?P<month>\d\d)"), ("mid", r"(?i)mid-(?P<month>[a-z]+)")]).unwrap();
        assert!(s.list[0].first[b'7' as usize] && !s.list[0].first[b'a' as usize]);
        assert!(s.list[1].first[b'm' as usize] && s.list[1].first[b'M' as usize] && !s.list[1].first[b'x' as usize]);
        assert!(s.first[b'0' as usize] && s.first[b'M' as usize]);
        assert!(s.last[b'7' as usize] && s.last[b'h' as usize] && s.last[b'H' as usize] && !s.last[b'-' as usize]);
        assert!(s.list[1].may_start(b"Mid-March") && !s.list[1].may_start(b"Michael") && !s.list[1].may_start(b"mi"));
        assert!(s.list[0].may_start(b"2026-03") && s.list[0].prefixes.is_empty());
    }

    /// A shape led by words in any case is tried only where one of them
    /// starts (its prefixes are read with the cases folded: unfolded, they
    /// were too many to list and any word of the same first letters was
    /// tried); a prefix is cut before its first byte beyond ASCII.
    #[test]
    fn folded_prefixes_turn_away_other_words() {
        let s = shapes(&[
            ("part", r"(?i)(?P<weekday>maandag|dinsdag|donderdag)(?P<part>ochtend|avond)"),
            ("accent", r"(?i)(?:éte|ête)(?P<year>\d{4})"),
        ])
        .unwrap();
        let p = &s.list[0];
        assert!(p.may_start(b"dinsdagavond") && p.may_start(b"DONDERDAGOCHTEND") && p.may_start(b"Maandagochtend"));
        assert!(!p.may_start(b"de regering") && !p.may_start(b"dat is") && !p.may_start(b"met"));
        assert!(p.prefixes.iter().all(|x| x.len() <= 4));
        // Nothing of `éte` and `ête` is ASCII: no prefixes, found by first byte.
        assert!(s.list[1].prefixes.is_empty() && s.list[1].may_start("ÉTE2020".as_bytes()));
    }

    /// The words that lead a shape are whole, however many ways `(?i)` lets
    /// them be written (unfolded, the words below have 144 and were cut to
    /// `medi`, `begi`, `eind`, `midd`).
    #[test]
    fn words_that_lead_a_shape_are_whole() {
        let s = shapes(&[
            ("edge", r"(?i)(?P<mod>medio|begin|eind|midden)-(?P<year>1\d{3}|20\d\d)"),
            ("quarter", r"(?i)(?:t|q|trimestre)(?P<quarter>[1-4])"),
            ("iso", r"(?P<year>\d{4})-(?P<month>\d\d)"),
            ("month_day", r"(?P<month>{MONTH})/(?P<day>\d{1,2})"),
        ])
        .unwrap();
        let leads = |k: usize| s.list[k].leads.iter().map(AsRef::as_ref).collect::<Vec<&str>>();
        assert_eq!(leads(0), ["begin", "eind", "medio", "midden"]);
        assert_eq!(leads(1), ["q", "t", "trimestre"]);
        assert!(leads(2).is_empty());
        assert_eq!(leads(3), ["oct", "october"]);
    }

    #[test]
    fn bad_shapes_are_named() {
        let e = shapes(&[("x", r"(?P<yaer>\d+)")]).unwrap_err().to_string();
        assert!(e.contains("\"x\"") && e.contains("yaer"), "{e}");
        assert!(shapes(&[("e", r"\d*")]).is_err());
        assert!(shapes(&[("p", r"(")]).is_err());
    }
}
