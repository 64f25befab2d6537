//! Lexical attributes of a token, computed from its text: the normalised
//! form, the shape, and the usual boolean flags.
//!
//! ```
//! use dateline_core::tokenize::attrs;
//! assert_eq!(attrs::norm("Don’t"), "don't");
//! assert_eq!(attrs::shape("Caracas"), "Xxxxx");
//! assert_eq!(attrs::shape("3.25"), "d.dd");
//! assert!(attrs::like_num("twenty") && attrs::like_num("1,000") && !attrs::like_num("Venezuela"));
//! assert!(attrs::is_title("Caracas") && !attrs::is_title("NASA"));
//! ```

/// Lower case, with typographic quotes, apostrophes and dashes replaced by
/// their ASCII forms (`’` → `'`, `“` → `"`, `—` → `--`, `–` → `-`).
#[must_use]
pub fn norm(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '‘' | '’' | '‚' | '‛' | '′' => out.push('\''),
            '“' | '”' | '„' | '‟' | '″' | '«' | '»' => out.push('"'),
            '—' | '―' => out.push_str("--"),
            '–' | '‒' | '‐' | '‑' | '−' => out.push('-'),
            '…' => out.push_str("..."),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The orthographic shape: letters become `X`/`x`, digits `d`, other
/// characters stay; runs longer than four of the same class are cut to four
/// (`Xxxxx`, `dddd`, `X.X.`, `dd:dd`).
#[must_use]
pub fn shape(w: &str) -> String {
    let mut out = String::with_capacity(w.len().min(16));
    let mut last: Option<char> = None;
    let mut run = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if Some(s) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(s);
        }
        if run <= 4 {
            out.push(s);
        }
    }
    out
}

/// Letters only.
#[must_use]
pub fn is_alpha(w: &str) -> bool {
    !w.is_empty() && w.chars().all(char::is_alphabetic)
}

/// A capitalised word: an upper-case letter, then lower-case letters only
/// (`Winter`, `W`; not `WINTER`, `winter` or `McCain`).
#[must_use]
pub fn is_title(w: &str) -> bool {
    let b = w.as_bytes();
    if let Some((first, rest)) = b.split_first()
        && b.is_ascii()
    {
        return first.is_ascii_uppercase() && rest.iter().all(u8::is_ascii_lowercase);
    }
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
}

/// Digits only.
#[must_use]
pub fn is_digit(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
}

/// Has a letter or a digit (a word or a number, not punctuation or a
/// symbol alone).
pub(crate) fn has_alnum(w: &str) -> bool {
    w.chars().any(char::is_alphanumeric)
}

/// Punctuation only (no letter, digit or symbol such as `$` or `%`).
#[must_use]
pub fn is_punct(w: &str) -> bool {
    !w.is_empty()
        && w.chars().all(|c| {
            c.is_ascii_punctuation()
                && !matches!(c, '$' | '%' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '`' | '#' | '@' | '&')
                || matches!(c, '‘' | '’' | '“' | '”' | '—' | '–' | '…' | '«' | '»' | '¿' | '¡' | '•' | '·')
        })
}

/// A number: digits with separators (`1,000`, `3.5`, `-2`), a fraction
/// (`1/2`), or a number word (`twenty`, `million`).
#[must_use]
pub fn like_num(w: &str) -> bool {
    let body = w.trim_start_matches(['+', '-', '±']);
    if body.chars().next().is_some_and(|c| c.is_ascii_digit())
        && body.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '/'))
    {
        return true;
    }
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
    ];
    let lower = w.to_lowercase();
    WORDS.contains(&lower.as_str())
}

/// A URL (`https://…`, `www.…`, or a domain name such as `example.com`).
#[must_use]
pub fn like_url(w: &str) -> bool {
    let b = w.as_bytes();
    let starts = |p: &str| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("http://") || starts("https://") || starts("www.") || starts("ftp://") {
        return true;
    }
    const TLDS: &[&str] = &[".com", ".org", ".net", ".edu", ".gov", ".io", ".co.uk", ".int", ".info"];
    !w.contains('@') && w.len() > 4 && TLDS.iter().any(|t| w.to_ascii_lowercase().ends_with(t))
}

/// An e-mail address.
#[must_use]
pub fn like_email(w: &str) -> bool {
    super::is_email_like(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes() {
        assert_eq!(norm("“Rodríguez’s”—"), "\"rodríguez's\"--");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("Nicolás"), "Xxxxx");
        assert_eq!(shape("2026-03-05"), "dddd-dd-dd");
        assert_eq!(shape("东京"), "xx");
        assert!(is_alpha("Caracas") && !is_alpha("U.S.") && !is_alpha(""));
        assert!(is_digit("2026") && !is_digit("3.5"));
        assert!(is_punct("—") && is_punct("...") && is_punct("“") && !is_punct("$") && !is_punct("a."));
        assert!(like_num("3.5") && like_num("-2") && like_num("1/2") && like_num("Million") && !like_num("."));
        assert!(like_url("https://x.org/a") && like_url("example.com") && !like_url("a@b.com"));
        assert!(like_email("info@example.org") && !like_email("@handle"));
    }
}
