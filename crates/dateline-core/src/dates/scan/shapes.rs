//! The shapes of the scan: every shape's longest match from a token (over
//! the tokens written together from there), and the fields of its groups.

use rustc_hash::FxHashMap;

use super::Scan;
use super::builtins::{digits, number_text};
use crate::dates::DateOrder;
use crate::dates::fields::{AmPm, Field, Fields, Got, assign};
use crate::dates::grammar::lexicon::{Class, key, parse_offset};
use crate::dates::grammar::shapes::Group;

/// Tokens a shape may span.
const SHAPE_SPAN: usize = 12;

/// Spans whose shapes a thread keeps at most (then it forgets them all).
const SPAN_SHAPES_KEPT: usize = 1 << 12;

/// The shapes of the spans read last on a thread, for one (grammar, date
/// order): documents repeat the same numbers and dates, and a regex set is
/// slow to ask.
type SpanShapes = ((u64, DateOrder), FxHashMap<Box<str>, Box<[(u16, Fields)]>>);

thread_local! {
    static SPAN_SHAPES: std::cell::RefCell<SpanShapes> =
        std::cell::RefCell::new(((u64::MAX, DateOrder::Mdy), FxHashMap::default()));
}

impl Scan<'_> {
    /// Every shape's longest match from token `i`, remembered.
    pub(super) fn shapes_at(&mut self, i: usize) {
        let key = u32::try_from(i).unwrap_or(u32::MAX);
        if self.shape_memo.contains_key(&key) {
            return;
        }
        let mut found: Vec<(u16, u32, Fields)> = Vec::new();
        let first = self.word(i).as_bytes().first().copied();
        if first.is_some_and(|b| self.g.shapes.first[b as usize]) {
            let mut last = i;
            while last + 1 < self.toks.len()
                && last + 1 < i + SHAPE_SPAN
                && self.toks[last].end() == self.toks[last + 1].start()
            {
                last += 1;
            }
            for j in (i..=last).rev() {
                let span = &self.text[self.toks[i].start()..self.toks[j].end()];
                // A span no shape can end with is not matched (most spans of a `'s`).
                if !self.is_slow() && !span.as_bytes().last().is_some_and(|&b| self.g.shapes.last[b as usize]) {
                    continue;
                }
                let end = u32::try_from(j + 1).unwrap_or(u32::MAX);
                let mut add = |s: u16, f: &Fields| {
                    if !found.iter().any(|x| x.0 == s) {
                        found.push((s, end, *f));
                    }
                };
                if self.is_slow() {
                    for (s, f) in self.span_shapes(span) {
                        add(s, &f);
                    }
                    continue;
                }
                let of = (self.g.id, self.order);
                let hit = SPAN_SHAPES.with_borrow(|c| {
                    (c.0 == of)
                        .then(|| c.1.get(span).map(|v| v.iter().for_each(|(s, f)| add(*s, f))))
                        .flatten()
                        .is_some()
                });
                if !hit {
                    let v = self.span_shapes(span);
                    v.iter().for_each(|(s, f)| add(*s, f));
                    SPAN_SHAPES.with_borrow_mut(|c| {
                        if c.0 != of || c.1.len() >= SPAN_SHAPES_KEPT {
                            *c = (of, FxHashMap::default());
                        }
                        c.1.insert(span.into(), v);
                    });
                }
            }
        }
        self.shape_memo.insert(key, found);
    }

    /// The shapes matching all of `span`, each with its fields.
    fn span_shapes(&self, span: &str) -> Box<[(u16, Fields)]> {
        // Most spans match no shape: `is_match` says so without the set of
        // matches, which is allocated and read shape by shape.
        if !self.g.shapes.set.is_match(span) {
            return Box::default();
        }
        let mut v: Vec<(u16, Fields)> = Vec::new();
        for s in self.g.shapes.set.matches(span).iter() {
            if let Some(f) = self.shape_fields(s, span) {
                v.push((u16::try_from(s).unwrap_or(u16::MAX), f));
            }
        }
        v.into_boxed_slice()
    }

    fn shape_fields(&self, s: usize, span: &str) -> Option<Fields> {
        let shape = &self.g.shapes.list[s];
        let caps = shape.regex.captures(span)?;
        let mut f = Fields::default();
        let (mut a, mut b) = (None, None);
        for &(idx, group) in &shape.groups {
            let Some(m) = caps.get(idx) else { continue };
            let t = m.as_str();
            match group {
                Group::A => a = Some(digits(t)?),
                Group::B => b = Some(digits(t)?),
                Group::Field(field) => {
                    let got = self.text_value(field, t)?;
                    if !assign(&mut f, field, got) {
                        return None;
                    }
                }
            }
        }
        if let (Some(a), Some(b)) = (a, b) {
            let (m, d) = match self.order {
                DateOrder::Mdy if a > 12 && b <= 12 => (b, a),
                DateOrder::Mdy => (a, b),
                DateOrder::Dmy if b > 12 && a <= 12 => (a, b),
                DateOrder::Dmy => (b, a),
            };
            if !assign(&mut f, Field::Month, Got::Int(m)) || !assign(&mut f, Field::Day, Got::Int(d)) {
                return None;
            }
        }
        Some(f)
    }

    /// The value of a shape's group text for `field`.
    fn text_value(&self, field: Field, t: &str) -> Option<Got> {
        let lookup = |class: Class| {
            let k = key(t);
            self.g
                .lex
                .entries(k.trim_end_matches('.'), class)
                .chain(self.g.lex.entries(&k, class))
                .find(|e| e.rest.is_empty())
                .map(|e| e.got)
        };
        Some(match field {
            Field::Month => digits(t).map_or_else(|| lookup(Class::Month), |v| Some(Got::Int(v)))?,
            Field::Weekday => digits(t).map_or_else(|| lookup(Class::Weekday), |v| Some(Got::Int(v)))?,
            Field::Zone => parse_offset(t).map_or_else(|| lookup(Class::Zone), |z| Some(Got::Zone(z)))?,
            Field::AmPm => match t.bytes().find(u8::is_ascii_alphabetic)?.to_ascii_lowercase() {
                b'a' => Got::AmPm(AmPm::Am),
                b'p' => Got::AmPm(AmPm::Pm),
                _ => return None,
            },
            Field::Unit | Field::Unit2 | Field::Unit3 => lookup(Class::Unit).or_else(|| lookup(Class::Units))?,
            Field::Part => lookup(Class::Part)?,
            Field::Season => lookup(Class::Season)?,
            Field::Holiday => lookup(Class::Holiday)?,
            Field::Dir | Field::Lean => lookup(Class::Dir)?,
            Field::Mod => lookup(Class::Mod).or_else(|| lookup(Class::Edge))?,
            Field::Ref => lookup(Class::Ref)?,
            Field::N | Field::N2 | Field::N3 | Field::Frac => Got::Num(number_text(t)?),
            _ if field.is_flag() => Got::Flag,
            Field::Precision => lookup(Class::Unit)?,
            _ => Got::Int(digits(t)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::dates::{DateOrder, DocumentType, TemporalTagger};
    use crate::tokenize::Tokenizer;

    /// The shapes kept on a thread are those of one grammar and date order:
    /// another order on the same thread reads the same spans anew.
    #[test]
    fn kept_shapes_follow_the_date_order() {
        let text = "The deal was signed on 03/05/2026 in Caracas.";
        let (tokens, sentences) = Tokenizer::default().tokenize_with_sentences(text);
        let reference = crate::Date::new(2026, 6, 1).ok();
        let value = |order: DateOrder| {
            let tagger = TemporalTagger::new(order, DocumentType::News).expect("a tagger");
            let found = tagger.tag(text, &tokens, &sentences, reference);
            found.iter().map(|t| t.value.as_str().to_owned()).collect::<Vec<_>>()
        };
        for _ in 0..2 {
            assert_eq!(value(DateOrder::Mdy), ["2026-03-05"]);
            assert_eq!(value(DateOrder::Dmy), ["2026-05-03"]);
        }
    }
}
