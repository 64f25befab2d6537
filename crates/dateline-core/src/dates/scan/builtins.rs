//! The builtin tests of the scan (`INT`, `NUM`, `DAY`, `YEAR`, …): digits,
//! number words, ordinals and years written in words.

use std::borrow::Cow;

use super::Scan;
use crate::dates::fields::Got;
use crate::dates::grammar::lexicon::Class;
use crate::dates::grammar::pattern::Builtin;

/// A number written with a decimal comma (`3,5`, `1.500,25`), for the
/// languages that write them so (`decimal_comma` in words.toml).
pub(super) fn number_text_comma(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() || !b.iter().all(|c| c.is_ascii_digit() || *c == b',' || *c == b'.') {
        return None;
    }
    let (int, frac) = s.split_once(',').map_or((s, None), |(a, f)| (a, Some(f)));
    if frac.is_some_and(|f| f.is_empty() || f.contains(',') || f.contains('.')) {
        return None;
    }
    // `1.500`: dots group thousands.
    let groups: Vec<&str> = int.split('.').collect();
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let plain = format!("{}.{}", groups.concat(), frac.unwrap_or("0"));
    (plain.len() <= 12).then(|| plain.parse().ok())?
}

pub(super) fn number_text(s: &str) -> Option<f64> {
    match s {
        "½" => return Some(0.5),
        "¼" => return Some(0.25),
        "¾" => return Some(0.75),
        "⅓" => return Some(1.0 / 3.0),
        _ => {}
    }
    let b = s.as_bytes();
    if b.is_empty() || !b[0].is_ascii_digit() {
        return None;
    }
    if let Some((a, d)) = s.split_once('/') {
        let (a, d): (f64, f64) = (a.parse().ok()?, d.parse().ok()?);
        return ((2.0..=4.0).contains(&d) && a < d).then(|| a / d);
    }
    let plain: Cow<'_, str> = if s.contains(',') {
        // `1,000` but not `1,2`.
        let groups: Vec<&str> = s.split(',').collect();
        if groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
        Cow::Owned(s.replace(',', ""))
    } else {
        Cow::Borrowed(s)
    };
    if plain.len() > 9 || !plain.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
        return None;
    }
    plain.parse().ok()
}

/// The digits of `w` and what follows them.
fn split_digits(w: &str) -> (&str, &str) {
    let k = w.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(w.len());
    w.split_at(k)
}

pub(super) fn digits(s: &str) -> Option<i64> {
    (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

impl Scan<'_> {
    /// A builtin test at token `i`: (end token, value).
    pub(super) fn builtin(&self, b: Builtin, i: usize) -> Option<(usize, Got)> {
        let w = self.word(i);

        match b {
            Builtin::Int => digits(w).map(|v| (i + 1, Got::Int(v))),
            Builtin::Num => {
                let read = if self.g.decimal_comma { number_text_comma(w) } else { None };
                if let Some(v) = read.or_else(|| number_text(w)).filter(|v| *v < 1e6) {
                    return Some((i + 1, Got::Num(v)));
                }
                self.number_words(i).map(|(v, end)| (end, Got::Num(v)))
            }
            Builtin::Day => {
                let (d, suffix) = split_digits(w);
                if !d.is_empty() && d.len() <= 2 && self.ordinal_suffix(suffix, true) {
                    return digits(d).filter(|v| (1..=31).contains(v)).map(|v| (i + 1, Got::Int(v)));
                }
                // An ordinal (`twenty-second`), or a cardinal past twelve
                // (`May twenty nine`; `March seven` is more often a count).
                self.ordinal_word(i)
                    .or_else(|| self.number_words(i).filter(|(v, _)| *v >= 13.0).map(|(v, e)| (v as i64, e)))
                    .filter(|(v, _)| (1..=31).contains(v))
                    .map(|(v, end)| (end, Got::Int(v)))
            }
            Builtin::Year => {
                (w.len() == 4).then(|| digits(w))?.filter(|y| (1000..=2999).contains(y)).map(|y| (i + 1, Got::Int(y)))
            }
            Builtin::YearWords => self.year_words(i).map(|(y, end)| (end, Got::Int(y))),
            Builtin::Hour => (w.len() <= 2).then(|| digits(w))?.filter(|h| *h <= 24).map(|h| (i + 1, Got::Int(h))),
            Builtin::Ord => {
                let (d, suffix) = split_digits(w);
                if !d.is_empty() && self.ordinal_suffix(suffix, false) {
                    return digits(d).map(|v| (i + 1, Got::Int(v)));
                }
                self.ordinal_word(i).filter(|(v, _)| *v > 0).map(|(v, end)| (end, Got::Int(v)))
            }
            Builtin::Cap => self.capitalized(i).then_some((i + 1, Got::Flag)),
            Builtin::Any => Some((i + 1, Got::Flag)),
        }
    }

    /// Whether `s` may follow the digits of an ordinal in this language, in
    /// any case (or is empty, if `empty`).
    fn ordinal_suffix(&self, s: &str, empty: bool) -> bool {
        if s.is_empty() {
            return empty;
        }
        let list = &self.g.ordinal_suffixes;
        if list.iter().any(|x| x.eq_ignore_ascii_case(s)) {
            return true;
        }
        // Beyond ASCII (`ª`, `ÈME`) the suffix in lower case, made once and
        // only here: an ASCII suffix equal to a listed one once lower-cased is
        // already equal to it ignoring ASCII case.
        !s.is_ascii() && {
            let lower = s.to_lowercase();
            list.iter().any(|x| **x == *lower)
        }
    }

    fn class_value(&self, i: usize, class: Class) -> Option<(i64, f64, usize)> {
        let info = self.info(i)?;
        if info.classes & (1 << class.index()) == 0 {
            return None;
        }
        for &k in &info.entries {
            let e = &self.g.lex.entries[k as usize];
            if e.class == class && e.rest_ids.iter().enumerate().all(|(k, w)| self.id(i + 1 + k) == *w) {
                let (int, num) = match e.got {
                    Got::Int(v) =>
                    {
                        #[allow(clippy::cast_precision_loss)]
                        (v, v as f64)
                    }
                    #[allow(clippy::cast_possible_truncation)]
                    Got::Num(v) => (v as i64, v),
                    _ => continue,
                };
                return Some((int, num, i + 1 + e.rest_ids.len()));
            }
        }
        None
    }

    fn ordinal_word(&self, i: usize) -> Option<(i64, usize)> {
        // `twenty-first`, `twenty first`.
        if let Some((tens, _, end)) =
            self.class_value(i, Class::Number).filter(|(v, _, _)| (20..=90).contains(v) && v % 10 == 0)
        {
            let k = if self.word(end) == "-" { end + 1 } else { end };
            if let Some((u, _, e2)) = self.class_value(k, Class::Ordinal).filter(|(u, _, _)| (1..=9).contains(u)) {
                return Some((tens + u, e2));
            }
        }
        self.class_value(i, Class::Ordinal).map(|(v, _, end)| (v, end))
    }

    /// Number words with compounds (`twenty-four`, `twenty four`) and
    /// multipliers (`three hundred`, `two thousand`, `five hundred and fifty`).
    fn number_words(&self, i: usize) -> Option<(f64, usize)> {
        let (n, end) = self.number_words_small(i)?;
        let whole = |n: f64, lo: f64, hi: f64| n.fract() == 0.0 && (lo..=hi).contains(&n);
        // A word worth a hundred after a count (`three hundred`), then the rest (`… and five`).
        let (n, end) = match self.class_value(end, Class::Number) {
            Some((100, _, e)) if whole(n, 1.0, 99.0) && !self.in_list(end, self.g.lists_used.article) => {
                self.number_rest(n * 100.0, e, 99.0)
            }
            _ => (n, end),
        };
        if whole(n, 1.0, 999.0) && self.in_list(end, self.g.lists_used.thousand) {
            return Some(self.number_rest(n * 1000.0, end + 1, 999.0));
        }
        Some((n, end))
    }

    /// `n` and the count after it up to `max` (`hundred [and] five`), if any.
    fn number_rest(&self, n: f64, end: usize, max: f64) -> (f64, usize) {
        let k = if self.in_list(end, self.g.lists_used.and) { end + 1 } else { end };
        if self.in_list(k, self.g.lists_used.article) {
            return (n, end);
        }
        let rest = self.number_words_small(k).map(|(r, e)| {
            match self.class_value(e, Class::Number) {
                // `… and five hundred`
                Some((100, _, e2)) if max >= 999.0 && r.fract() == 0.0 && (1.0..=9.0).contains(&r) => (r * 100.0, e2),
                _ => (r, e),
            }
        });
        match rest {
            Some((r, e)) if r.fract() == 0.0 && (1.0..=max).contains(&r) => (n + r, e),
            _ => (n, end),
        }
    }

    /// Number words up to the tens with their units (`twenty-four`).
    fn number_words_small(&self, i: usize) -> Option<(f64, usize)> {
        let (v, num, end) = self.class_value(i, Class::Number)?;
        if (20..=90).contains(&v) && v % 10 == 0 {
            let k = if self.word(end) == "-" { end + 1 } else { end };
            if let Some((u, _, e2)) = self.class_value(k, Class::Number).filter(|(u, _, _)| (1..=9).contains(u))
                && !self.in_list(k, self.g.lists_used.article)
            {
                #[allow(clippy::cast_precision_loss)]
                return Some(((v + u) as f64, e2));
            }
        }
        Some((num, end))
    }

    /// `nineteen ninety-six`, `two thousand and one`.
    fn year_words(&self, i: usize) -> Option<(i64, usize)> {
        let (h, _, end) = self.class_value(i, Class::Number)?;
        if h == 2 && self.in_list(end, self.g.lists_used.thousand) {
            let mut k = end + 1;
            if self.in_list(k, self.g.lists_used.and) {
                k += 1;
            }
            return Some(match self.number_words(k) {
                #[allow(clippy::cast_possible_truncation)]
                Some((n, e)) if (1.0..100.0).contains(&n) && n.fract() == 0.0 => (2000 + n as i64, e),
                _ => (2000, end + 1),
            });
        }
        if !(10..=20).contains(&h) || digits(self.word(end)).is_some() {
            return None;
        }
        let (rest, e) = self.number_words(end)?;
        #[allow(clippy::cast_possible_truncation)]
        ((10.0..100.0).contains(&rest) && rest.fract() == 0.0).then(|| (h * 100 + rest as i64, e))
    }
}

#[cfg(test)]
mod tests {
    use super::{number_text, number_text_comma};

    #[test]
    fn decimal_commas_and_thousands_dots() {
        assert_eq!(number_text_comma("3,5"), Some(3.5));
        assert_eq!(number_text_comma("1.500"), Some(1500.0));
        assert_eq!(number_text_comma("1.500,25"), Some(1500.25));
        assert_eq!(number_text_comma("12"), Some(12.0));
        for bad in ["3,", ",5", "1.50", "3,5,1", "1,5.0", "12a", ""] {
            assert_eq!(number_text_comma(bad), None, "{bad}");
        }
        // English reads the comma as a thousands separator.
        assert_eq!(number_text("1,000"), Some(1000.0));
        assert_eq!(number_text("3,5"), None);
    }
}
