//! Compact attribute values of a [`super::Timex`], so that a long document's
//! many expressions take little memory: [`TimexValue`], a TIMEX3 value kept
//! in the 24 bytes of a `String` with no allocation when it is short (22
//! bytes or fewer, as nearly all are: `2026-03-05T10:30`, `P2D`,
//! `XXXX-WXX-4`, `PAST_REF`), and [`TimexAttr`], a `mod` or `quant` word in
//! one byte.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Serialize, Serializer};

use super::fields::MODS;

/// The longest value kept inline.
const INLINE: usize = 22;

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// The value's bytes are `bytes[..len]`.
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

/// A TIMEX3 value (`2026-03-05`, `P2D`, `XXXX-01`, `FUTURE_REF`): reads as a
/// `&str` (it dereferences to one), compares with strings, prints as one.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct TimexValue(Repr);

impl TimexValue {
    /// The value as a string slice.
    #[must_use]
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Made from a `&str` cut at its end: always UTF-8.
            Repr::Inline { len, bytes } => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            Repr::Heap(s) => s,
        }
    }
}

impl From<&str> for TimexValue {
    fn from(s: &str) -> Self {
        if s.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            bytes[..s.len()].copy_from_slice(s.as_bytes());
            #[allow(clippy::cast_possible_truncation)]
            return Self(Repr::Inline { len: s.len() as u8, bytes });
        }
        Self(Repr::Heap(s.into()))
    }
}

impl From<String> for TimexValue {
    fn from(s: String) -> Self {
        if s.len() <= INLINE { Self::from(s.as_str()) } else { Self(Repr::Heap(s.into_boxed_str())) }
    }
}

impl From<TimexValue> for String {
    fn from(v: TimexValue) -> Self {
        v.as_str().to_owned()
    }
}

impl Default for TimexValue {
    fn default() -> Self {
        Self::from("")
    }
}

impl Deref for TimexValue {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for TimexValue {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for TimexValue {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for TimexValue {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for TimexValue {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for TimexValue {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<TimexValue> for &str {
    fn eq(&self, other: &TimexValue) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<TimexValue> for String {
    fn eq(&self, other: &TimexValue) -> bool {
        self == other.as_str()
    }
}

impl Serialize for TimexValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The TIMEX3 `quant` values.
const QUANTS: &[&str] = &["EVERY"];

/// A TIMEX3 `mod` (`START`, `APPROX`, …) or `quant` (`EVERY`) value, one of
/// a fixed list, kept in one byte: reads as a `&'static str`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimexAttr(u8);

impl TimexAttr {
    /// `s` if it is a TIMEX3 `mod` or `quant` value.
    #[must_use]
    pub fn new(s: &str) -> Option<Self> {
        let k = MODS.iter().chain(QUANTS).position(|w| *w == s)?;
        u8::try_from(k).ok().map(Self)
    }

    /// The word.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        let k = usize::from(self.0);
        MODS.get(k).or_else(|| QUANTS.get(k - MODS.len())).copied().unwrap_or_default()
    }
}

impl Deref for TimexAttr {
    type Target = str;
    fn deref(&self) -> &'static str {
        self.as_str()
    }
}

impl fmt::Display for TimexAttr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for TimexAttr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<&str> for TimexAttr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for TimexAttr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{MODS, QUANTS, TimexAttr, TimexValue};

    #[test]
    fn every_attribute_word_reads_back() {
        for w in MODS.iter().chain(QUANTS) {
            let a = TimexAttr::new(w).unwrap();
            assert_eq!((a.as_str(), format!("{a}|{a:?}")), (*w, format!("{w}|{w:?}")));
        }
        assert_eq!(TimexAttr::new("SOMETIMES"), None);
        assert_eq!(size_of::<Option<TimexAttr>>(), 2);
    }

    #[test]
    fn short_and_long_values_read_back() {
        assert_eq!(size_of::<TimexValue>(), 24);
        for s in ["", "P2D", "2026-03-05T10:30+01:00", "2026-03-05T10:30:15.250Z", "1996-W35-WE/1996-W36-WE"] {
            let v = TimexValue::from(s);
            assert_eq!(v, s);
            assert_eq!(TimexValue::from(s.to_owned()), v);
            assert_eq!(format!("{v}|{v:?}"), format!("{s}|{s:?}"));
            assert_eq!(serde_json::to_string(&v).unwrap(), serde_json::to_string(s).unwrap());
            assert_eq!(String::from(v.clone()), s);
        }
        // The two forms never hold the same value, so equality is by content.
        assert_eq!(TimexValue::from("é".repeat(11)).len(), 22);
    }
}
