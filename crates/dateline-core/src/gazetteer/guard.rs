//! The common-word guard: names that are ordinary words or numbers are not
//! matched, because gazetteers built from real sources (GeoNames alternate
//! names, annotated corpora) contain `The`, `at`, `one`, `3`, and matching them
//! swamps the real names.
//!
//! A name (or alias) is guarded when
//! - none of its tokens contains a letter (`3`, `14`, `--`);
//! - none of its tokens contains an upper-case letter (`at`, `make`, `one`):
//!   proper names are capitalised, so a name written in lower case is a word;
//! - it is a single token that is an English function word in any case
//!   (`The`, `But`, `I`, `AT`);
//! - it is a single token that is the name of a month or a weekday
//!   (`March`, `Wednesday`): capitalised in English wherever they stand, so
//!   casing cannot tell them from the place or the club of that name.
//!
//! A single-token name that is also a common English word (`Reading`,
//! `Police`, `March`, `Mobile`; from the SCOWL word list in
//! `lang/en/common_words.txt`) is kept but only matches where the text's casing
//! makes it a name: capitalised, not at the start of a sentence, and not in
//! text written in capitals.
//!
//! The guard is on by default and can be switched off per gazetteer.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// English function words (articles, pronouns, prepositions, conjunctions,
/// auxiliaries, determiners, common adverbs): facts of the language.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "else", "even",
    "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
    "just", "may", "me", "might", "more", "most", "much", "must", "my", "neither", "no", "nor", "not",
    "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "our", "ours", "out",
    "over", "own", "per", "same", "shall", "she", "should", "since", "so", "some", "still", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "via",
    "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "last", "new", "old",
    "mr", "mrs", "ms", "dr", "st", "inc", "ltd", "co", "corp", "said", "says", "say", "yes", "ok",
];

static COMMON: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| include_str!("../../lang/en/common_words.txt").lines().filter(|w| !w.is_empty()).collect());

/// Whether a single-token name is also a common English word, so that it
/// should only match where casing marks it as a name.
pub(crate) fn is_common_word_name(tokens: &[&str]) -> bool {
    match tokens {
        [t] => COMMON.contains(t.to_lowercase().as_str()),
        _ => false,
    }
}

/// Whether token `k` of a document may be matched by a common-word name:
/// capitalised but not all capitals, and not the first word of a sentence.
pub(crate) fn casing_marks_name(text: &str, tokens: &[crate::tokenize::Token], k: usize) -> bool {
    let w = &text[tokens[k].start..tokens[k].end];
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase) || !chars.any(char::is_lowercase) {
        return false;
    }
    let Some(p) = k.checked_sub(1) else { return false };
    let prev = &text[tokens[p].start..tokens[p].end];
    let gap = &text[tokens[p].end..tokens[k].start];
    !(gap.contains('\n')
        || matches!(prev, "." | "!" | "?" | ":" | ";" | "\"" | "“" | "‘" | "(" | "—" | "-" | "–" | "..." | "…"))
}

/// Month and weekday names.
#[rustfmt::skip]
const CALENDAR_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Whether `w` is written like a word of a proper name and is not an
/// ordinary word: capitalised (not all capitals), and not a common word, a
/// function word or a month or weekday name (`Corina`, `McAllister`).
pub(crate) fn looks_like_name(w: &str) -> bool {
    let mut chars = w.chars();
    if !chars.next().is_some_and(char::is_uppercase) || !chars.any(char::is_lowercase) {
        return false;
    }
    let ordinary = |lower: &str| ORDINARY.contains(lower);
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
    gap == " " && looks_like_name(&text[tokens[k].start..tokens[k].end])
}

/// Whether the match of tokens `a..b` is flanked by another capitalised
/// non-word (`Machado` in `Corina Machado`, `Florence` in `Florence Welch`):
/// then it is most likely part of a longer name the gazetteer lacks.
pub(crate) fn inside_longer_name(text: &str, tokens: &[crate::tokenize::Token], a: usize, b: usize) -> bool {
    let before = a.checked_sub(1).is_some_and(|p| name_part(text, tokens, p, &text[tokens[p].end..tokens[a].start]));
    let after = b < tokens.len() && name_part(text, tokens, b, &text[tokens[b - 1].end..tokens[b].start]);
    before || after
}

static FUNCTION: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());

/// Common, function, month and weekday words in one set (one lookup per
/// word in [`looks_like_name`]).
static ORDINARY: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| COMMON.iter().chain(FUNCTION_WORDS).chain(CALENDAR_WORDS).copied().collect());

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
        return FUNCTION.contains(bare) || CALENDAR_WORDS.contains(&bare);
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
