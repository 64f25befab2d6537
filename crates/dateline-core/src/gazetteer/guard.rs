//! The common-word guard: names that are ordinary words or numbers are not
//! matched, because gazetteers built from real sources (GeoNames alternate
//! names, annotated corpora) contain `The`, `at`, `one`, `3`, and matching them
//! swamps the real names.
//!
//! A name (or alias) is guarded when
//! - none of its tokens contains a letter (`3`, `14`, `--`);
//! - none of its tokens contains an upper-case letter (`at`, `make`, `one`):
//!   proper names are capitalised, so a name written in lower case is a word;
//! - it is a single token that is a function word of the language in any
//!   case (`The`, `But`, `I`, `AT`; `lang/en/guard.toml`);
//! - it is a single token that is the name of a month or a weekday
//!   (`March`, `Wednesday`; from the date words, `lang/en/dates/words.toml`):
//!   capitalised in English wherever they stand, so casing cannot tell them
//!   from the place or the club of that name.
//!
//! A single-token name that is also a common word (`Reading`, `Police`,
//! `Bath`, `Mobile`; from the SCOWL word list in `lang/en/common_words.txt`)
//! is kept but only matches where the text's casing makes it a name:
//! capitalised, not at the start of a sentence, and not in text written in
//! capitals. The words come from `Language::english` (`src/lang/mod.rs`), read once.
//!
//! The guard is on by default and can be switched off per gazetteer.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::lang::Language;

/// The guard's words of a language as sets of lower-case words.
struct Words {
    /// Common words (`reading`).
    common: FxHashSet<&'static str>,
    /// Function words, month and weekday names: never a name alone.
    guarded: FxHashSet<&'static str>,
    /// Both, for one lookup per word in [`looks_like_name`].
    ordinary: FxHashSet<&'static str>,
}

impl Words {
    fn of(lang: &'static Language) -> Self {
        let g = &lang.guard;
        let common: FxHashSet<&'static str> = g.common_words.iter().copied().collect();
        let guarded: FxHashSet<&'static str> =
            g.function_words.iter().chain(&g.calendar_names).map(String::as_str).collect();
        let ordinary = common.iter().chain(&guarded).copied().collect();
        Self { common, guarded, ordinary }
    }
}

/// The English words, built once per process.
static WORDS: LazyLock<Words> = LazyLock::new(|| Words::of(Language::english()));

/// Whether a single-token name is also a common English word, so that it
/// should only match where casing marks it as a name.
pub(crate) fn is_common_word_name(tokens: &[&str]) -> bool {
    match tokens {
        [t] => WORDS.common.contains(t.to_lowercase().as_str()),
        _ => false,
    }
}

/// Whether token `k` of a document may be matched by a common-word name:
/// capitalised but not all capitals, and not the first word of a sentence.
pub(crate) fn casing_marks_name(text: &str, tokens: &[crate::tokenize::Token], k: usize) -> bool {
    let w = &text[tokens[k].start()..tokens[k].end()];
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase) || !chars.any(char::is_lowercase) {
        return false;
    }
    let Some(p) = k.checked_sub(1) else { return false };
    let prev = &text[tokens[p].start()..tokens[p].end()];
    let gap = &text[tokens[p].end()..tokens[k].start()];
    !(gap.contains('\n')
        || matches!(prev, "." | "!" | "?" | ":" | ";" | "\"" | "“" | "‘" | "(" | "—" | "-" | "–" | "..." | "…"))
}

/// Whether `w` is written like a word of a proper name and is not an
/// ordinary word: capitalised (not all capitals), and not a common word, a
/// function word or a month or weekday name (`Corina`, `McAllister`).
pub(crate) fn looks_like_name(w: &str) -> bool {
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase) || !chars.any(char::is_lowercase) {
        return false;
    }
    let ordinary = |lower: &str| WORDS.ordinary.contains(lower);
    // Short ASCII words are lower-cased on the stack.
    match crate::tokenize::with_ascii_lower(w.as_bytes(), ordinary) {
        Some(o) => !o,
        None => !ordinary(&w.to_lowercase()),
    }
}

/// Whether token `k` looks like part of a longer proper name (see
/// [`looks_like_name`]) joined to its neighbour by a single space (`Corina`
/// in `María Corina Machado`).
fn name_part(text: &str, tokens: &[crate::tokenize::Token], k: usize, gap: &str) -> bool {
    gap == " " && looks_like_name(&text[tokens[k].start()..tokens[k].end()])
}

/// Whether the match of tokens `a..b` is flanked by another capitalised
/// non-word (`Machado` in `Corina Machado`, `Florence` in `Florence Welch`):
/// then it is most likely part of a longer name the gazetteer lacks.
pub(crate) fn inside_longer_name(text: &str, tokens: &[crate::tokenize::Token], a: usize, b: usize) -> bool {
    let before =
        a.checked_sub(1).is_some_and(|p| name_part(text, tokens, p, &text[tokens[p].end()..tokens[a].start()]));
    let after = b < tokens.len() && name_part(text, tokens, b, &text[tokens[b - 1].end()..tokens[b].start()]);
    before || after
}

/// Whether `s` has no upper-case letter: a name written so is guarded
/// (checked on a whole name before tokenizing it, and on its tokens).
pub(crate) fn lacks_capital(s: &str) -> bool {
    !s.chars().any(char::is_uppercase)
}

/// Whether a name made of `tokens` is guarded (see the module docs).
pub(crate) fn is_common(tokens: &[&str]) -> bool {
    if tokens.iter().all(|t| !t.chars().any(char::is_alphabetic)) {
        return true;
    }
    if tokens.iter().all(|t| lacks_capital(t)) {
        return true;
    }
    if let [t] = tokens {
        let lower = t.to_lowercase();
        let bare = lower.trim_end_matches('.');
        return WORDS.guarded.contains(bare);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::is_common;

    #[test]
    fn common_word_names() {
        assert!(super::is_common_word_name(&["Reading"]));
        assert!(super::is_common_word_name(&["POLICE"]));
        assert!(!super::is_common_word_name(&["Caracas"]));
        assert!(!super::is_common_word_name(&["Reading", "Festival"]));
    }

    #[test]
    fn guards_words_and_numbers_not_names() {
        for w in
            [&["The"][..], &["at"], &["AT"], &["3"], &["make"], &["I"], &["New", "york"][..1], &["one"], &["March"]]
        {
            assert!(is_common(w), "{w:?}");
        }
        for w in [
            &["Caracas"][..],
            &["United", "States"],
            &["U.S."],
            &["Moody", "'s"],
            &["CARACAS"],
            &["3M", "Co"],
            &["March", "Madness"],
        ] {
            assert!(!is_common(w), "{w:?}");
        }
    }
}
