//! Shapes: written forms matched by a regular expression over tokens written
//! together (`2026-03-05T14:30+01:00`, `5-Mar-2026`, `8p.m.`). Named groups
//! fill the fields of their name; `a` and `b` are a month and a day in the
//! pipeline's date order. Which first bytes can start a shape is read off the
//! regular expression, so a token that cannot start one costs nothing.

use regex::{Regex, RegexSet};
use regex_syntax::hir::{Class as HirClass, Hir, HirKind};

use super::format::ShapesFile;
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
}

#[derive(Debug)]
pub(crate) struct Shapes {
    pub list: Vec<Shape>,
    pub set: RegexSet,
    /// The union of the shapes' first bytes.
    pub first: [bool; 256],
}

/// The bytes a match of `hir` can start with, and whether it can be empty.
fn first_bytes(hir: &Hir, out: &mut [bool; 256]) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(lit) => {
            if let Some(&b) = lit.0.first() {
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
                    // Any lead byte of a multi-byte character: coarse, never wrong.
                    for slot in &mut out[0xC2..=0xF4] {
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
        HirKind::Repetition(rep) => first_bytes(&rep.sub, out) || rep.min == 0,
        HirKind::Capture(cap) => first_bytes(&cap.sub, out),
        HirKind::Concat(items) => {
            for h in items {
                if !first_bytes(h, out) {
                    return false;
                }
            }
            true
        }
        HirKind::Alternation(items) => {
            let mut empty = false;
            for h in items {
                empty |= first_bytes(h, out);
            }
            empty
        }
    }
}

impl Shapes {
    /// Compiles the shapes of `file`.
    ///
    /// # Errors
    /// [`Error::Config`] naming the shape whose expression does not compile,
    /// can match nothing, or has a group that is not a field.
    pub(crate) fn compile(file: &ShapesFile) -> Result<Self, Error> {
        let mut list = Vec::new();
        let mut union = [false; 256];
        for def in &file.shape {
            let bad = |why: String| Error::Config(format!("date shape {:?}: {why}", def.name));
            let anchored = format!("^(?:{})$", def.regex);
            let regex = Regex::new(&anchored).map_err(|e| bad(e.to_string()))?;
            let hir = regex_syntax::parse(&anchored).map_err(|e| bad(e.to_string()))?;
            let mut first = [false; 256];
            if first_bytes(&hir, &mut first) {
                return Err(bad("can match an empty string".into()));
            }
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
            list.push(Shape { name: def.name.clone(), regex, groups, first });
        }
        let set = RegexSet::new(list.iter().map(|s| s.regex.as_str()))
            .map_err(|e| Error::Config(format!("date shapes: {e}")))?;
        Ok(Self { list, set, first: union })
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
        Shapes::compile(&ShapesFile {
            shape: defs.iter().map(|(n, r)| ShapeDef { name: (*n).into(), regex: (*r).into() }).collect(),
        })
    }

    #[test]
    fn first_bytes_of_shapes() {
        let s = shapes(&[("iso", r"(?P<year>\d{4})-(?P<month>\d\d)"), ("mid", r"(?i)mid-(?P<month>[a-z]+)")]).unwrap();
        assert!(s.list[0].first[b'7' as usize] && !s.list[0].first[b'a' as usize]);
        assert!(s.list[1].first[b'm' as usize] && s.list[1].first[b'M' as usize] && !s.list[1].first[b'x' as usize]);
        assert!(s.first[b'0' as usize] && s.first[b'M' as usize]);
    }

    #[test]
    fn bad_shapes_are_named() {
        let e = shapes(&[("x", r"(?P<yaer>\d+)")]).unwrap_err().to_string();
        assert!(e.contains("\"x\"") && e.contains("yaer"), "{e}");
        assert!(shapes(&[("e", r"\d*")]).is_err());
        assert!(shapes(&[("p", r"(")]).is_err());
    }
}
