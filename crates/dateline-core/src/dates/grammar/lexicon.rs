//! Word classes compiled from `words.toml`: each word or phrase becomes the
//! token sequence the document tokenizer makes of it, keyed by its first
//! token (lower case, curly apostrophes straightened).

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::format::WordsFile;
use super::holidays::HolidayRule;
use crate::dates::fields::{AmPm, Dir, Got, Part, RefKind, Season, US_DAYLIGHT, Unit, parse_mod};
use crate::error::Error;
use crate::tokenize::Tokenizer;

/// The word classes a pattern names in capitals (`MONTH`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Month,
    Weekday,
    /// Plural weekdays (`Mondays`): sets.
    Weekdays,
    Number,
    Ordinal,
    Unit,
    /// Plural units (`days`).
    Units,
    Season,
    Part,
    /// Plural parts of the day (`mornings`): sets.
    Parts,
    AmPm,
    Zone,
    Dir,
    Mod,
    /// The boundary words of a period (`early`, `the end of`): a `mod`.
    Edge,
    Ref,
    Set,
    Decade,
    Holiday,
}

pub(crate) const CLASSES: &[(&str, Class)] = &[
    ("month", Class::Month),
    ("weekday", Class::Weekday),
    ("weekdays", Class::Weekdays),
    ("number", Class::Number),
    ("ordinal", Class::Ordinal),
    ("unit", Class::Unit),
    ("units", Class::Units),
    ("season", Class::Season),
    ("part", Class::Part),
    ("parts", Class::Parts),
    ("ampm", Class::AmPm),
    ("zone", Class::Zone),
    ("dir", Class::Dir),
    ("mod", Class::Mod),
    ("edge", Class::Edge),
    ("ref", Class::Ref),
    ("set", Class::Set),
    ("decade", Class::Decade),
    ("holiday", Class::Holiday),
];

impl Class {
    pub(crate) fn parse(name: &str) -> Option<Self> {
        CLASSES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

/// One word or phrase of a class.
#[derive(Debug)]
pub(crate) struct LexEntry {
    pub class: Class,
    /// Its first token.
    pub first: Box<str>,
    /// The tokens after the first (empty for one word), and their ids.
    pub rest: Box<[Box<str>]>,
    pub rest_ids: Box<[u32]>,
    pub got: Got,
    /// Matched only by elements that allow strict words (`MONTH+`).
    pub strict: bool,
}

/// All classes' words; longer phrases before shorter ones with the same first token.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub entries: Vec<LexEntry>,
    by_first: FxHashMap<Box<str>, Vec<usize>>,
    pub holidays: Vec<(String, HolidayRule)>,
}

/// `w` in lower case with curly apostrophes straightened, borrowed when
/// nothing changes.
pub(crate) fn key(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) { Cow::Owned(w.to_ascii_lowercase()) } else { Cow::Borrowed(w) }
    } else if w.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(w.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(w)
    }
}

/// The tokens the document tokenizer makes of a resource phrase, as keys.
pub(crate) fn phrase_tokens(phrase: &str, tokenizer: &Tokenizer) -> Vec<Vec<String>> {
    let mut forms = Vec::new();
    let toks: Vec<String> =
        tokenizer.tokenize(phrase).iter().map(|t| key(&phrase[t.start()..t.end()]).into_owned()).collect();
    if !toks.is_empty() {
        forms.push(toks);
    }
    // A word with a final period (`jan.`) is one token inside a sentence.
    if !phrase.contains(char::is_whitespace) {
        let one = vec![key(phrase).into_owned()];
        if !forms.contains(&one) {
            forms.push(one);
        }
    }
    forms
}

fn bad(class: &str, word: &str, why: &str) -> Error {
    Error::Config(format!("date words, class {class}, {word:?}: {why}"))
}

fn as_str<'v>(class: &str, word: &str, v: &'v toml::Value) -> Result<&'v str, Error> {
    v.as_str().ok_or_else(|| bad(class, word, "expected a string"))
}

fn as_int(class: &str, word: &str, v: &toml::Value) -> Result<i64, Error> {
    v.as_integer().ok_or_else(|| bad(class, word, "expected an integer"))
}

/// A unit code with an optional count in front (`d`, `2w`).
pub(crate) fn parse_unit_code(code: &str) -> Option<(Unit, f64)> {
    let digits = code.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    let mult = if digits == 0 { 1.0 } else { code[..digits].parse().ok()? };
    Some((Unit::parse(&code[digits..])?, mult))
}

/// A UTC offset written `+01:00`, `-0500`, `+05` or `Z`, in minutes.
pub(crate) fn parse_offset(s: &str) -> Option<i16> {
    if s.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' | 0xE2 => -1, // `−` (U+2212) starts with 0xE2
        _ => return None,
    };
    let digits: String = s.chars().skip(1).filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i16>().ok()?, 0),
        3 | 4 => {
            let (a, b) = digits.split_at(digits.len() - 2);
            (a.parse::<i16>().ok()?, b.parse::<i16>().ok()?)
        }
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

pub(crate) fn value_of(
    class: Class,
    name: &str,
    word: &str,
    v: &toml::Value,
    holidays: &mut Vec<(String, HolidayRule)>,
) -> Result<Got, Error> {
    Ok(match class {
        Class::Month => Got::Int(
            as_int(name, word, v)
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| bad(name, word, "a month is 1 to 12"))?,
        ),
        Class::Weekday | Class::Weekdays => Got::Int(
            as_int(name, word, v)
                .ok()
                .filter(|m| (1..=7).contains(m))
                .ok_or_else(|| bad(name, word, "a weekday is 1 (Monday) to 7"))?,
        ),
        Class::Ordinal | Class::Decade => Got::Int(as_int(name, word, v)?),
        Class::Number => match v {
            toml::Value::Integer(i) => Got::Int(*i),
            toml::Value::Float(f) => Got::Num(*f),
            _ => return Err(bad(name, word, "expected a number")),
        },
        Class::Unit | Class::Units | Class::Set => {
            let s = as_str(name, word, v)?;
            let (u, m) = parse_unit_code(s).ok_or_else(|| bad(name, word, "unknown unit code"))?;
            Got::Unit(u, m)
        }
        Class::Season => Got::Season(
            Season::parse(as_str(name, word, v)?).ok_or_else(|| bad(name, word, "expected SP, SU, FA or WI"))?,
        ),
        Class::Part | Class::Parts => Got::Part(
            Part::parse(as_str(name, word, v)?).ok_or_else(|| bad(name, word, "expected MO, MI, AF, EV, NI or DT"))?,
        ),
        Class::AmPm => match as_str(name, word, v)? {
            "am" => Got::AmPm(AmPm::Am),
            "pm" => Got::AmPm(AmPm::Pm),
            _ => return Err(bad(name, word, "expected am or pm")),
        },
        Class::Zone => {
            // `-05:00 us`: a US zone that keeps daylight saving time.
            let s = as_str(name, word, v)?;
            let (s, us) = s.strip_suffix(" us").map_or((s, false), |x| (x, true));
            let z = parse_offset(s).ok_or_else(|| bad(name, word, "expected an offset such as +01:00 or -05:00 us"))?;
            Got::Zone(if us { z + US_DAYLIGHT } else { z })
        }
        Class::Dir => Got::Dir(
            Dir::parse(as_str(name, word, v)?)
                .ok_or_else(|| bad(name, word, "expected past, future, this, last or next"))?,
        ),
        Class::Mod | Class::Edge => {
            Got::Mod(parse_mod(as_str(name, word, v)?).ok_or_else(|| bad(name, word, "not a TIMEX3 mod"))?)
        }
        Class::Ref => Got::Ref(
            RefKind::parse(as_str(name, word, v)?)
                .ok_or_else(|| bad(name, word, "expected PAST_REF, PRESENT_REF or FUTURE_REF"))?,
        ),
        Class::Holiday => {
            let rule = HolidayRule::parse(as_str(name, word, v)?)
                .ok_or_else(|| bad(name, word, "holiday rule not understood"))?;
            let id = u16::try_from(holidays.len()).map_err(|_| bad(name, word, "too many holidays"))?;
            holidays.push((word.to_owned(), rule));
            Got::Holiday(id)
        }
    })
}

impl Lexicon {
    /// Compiles the classes of `words`.
    ///
    /// # Errors
    /// [`Error::Config`] naming the class and word of a value that does not fit.
    pub(crate) fn compile(words: &WordsFile, tokenizer: &Tokenizer) -> Result<Self, Error> {
        let mut lex = Self::default();
        for (name, table) in &words.class {
            let class =
                Class::parse(name).ok_or_else(|| Error::Config(format!("date words: unknown class {name:?}")))?;
            let strict: Vec<String> =
                words.strict.get(name).map(|v| v.iter().map(|w| key(w).into_owned()).collect()).unwrap_or_default();
            for (word, v) in table {
                let got = value_of(class, name, word, v, &mut lex.holidays)?;
                let is_strict = strict.contains(&key(word).into_owned());
                for toks in phrase_tokens(word, tokenizer) {
                    let (first, rest) = toks.split_first().ok_or_else(|| bad(name, word, "empty"))?;
                    lex.entries.push(LexEntry {
                        class,
                        first: first.as_str().into(),
                        rest: rest.iter().map(|t| t.as_str().into()).collect(),
                        rest_ids: Box::default(),
                        got,
                        strict: is_strict,
                    });
                }
            }
        }
        // Longer phrases first, so that the first entry that fits is the longest.
        lex.entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        for (k, e) in lex.entries.iter().enumerate() {
            lex.by_first.entry(e.first.clone()).or_default().push(k);
        }
        for (name, list) in &words.strict {
            let class = Class::parse(name)
                .ok_or_else(|| Error::Config(format!("date words: strict list of unknown class {name:?}")))?;
            for w in list {
                let found = phrase_tokens(w, tokenizer).iter().any(|toks| {
                    toks.split_first().is_some_and(|(first, rest)| {
                        lex.by_first.get(first.as_str()).is_some_and(|es| {
                            es.iter().any(|&k| {
                                let e = &lex.entries[k];
                                e.class == class && e.rest.iter().map(AsRef::as_ref).eq(rest.iter().map(String::as_str))
                            })
                        })
                    })
                });
                if !found {
                    return Err(bad(name, w, "a strict word must be a word of the class"));
                }
            }
        }
        Ok(lex)
    }

    /// The entries of `class` whose first token is `first`.
    pub(crate) fn entries<'a>(&'a self, first: &str, class: Class) -> impl Iterator<Item = &'a LexEntry> + 'a {
        self.by_first.get(first).into_iter().flatten().map(|&k| &self.entries[k]).filter(move |e| e.class == class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+01:00"), Some(60));
        assert_eq!(parse_offset("-0530"), Some(-330));
        assert_eq!(parse_offset("+05"), Some(300));
        assert_eq!(parse_offset("Z"), Some(0));
        assert_eq!(parse_offset("+25:00"), None);
        assert_eq!(parse_offset("01:00"), None);
    }

    #[test]
    fn unit_codes() {
        assert_eq!(parse_unit_code("d"), Some((Unit::Day, 1.0)));
        assert_eq!(parse_unit_code("2w"), Some((Unit::Week, 2.0)));
        assert_eq!(parse_unit_code("x"), None);
    }

    #[test]
    fn phrases_become_tokens() {
        let t = Tokenizer::default();
        assert_eq!(phrase_tokens("New Year’s Day", &t), vec![vec!["new", "year", "'s", "day"]]);
        assert!(phrase_tokens("jan.", &t).contains(&vec!["jan.".to_owned()]));
    }
}
