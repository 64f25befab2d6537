//! Language identification for `lang="auto"`: the `whatlang` crate's
//! trigram and alphabet models (MIT), limited to the languages that have a
//! folder here, over the first few kilobytes of a document. Where its answer
//! is not reliable (short texts: `He left yesterday.`, `domingo hoy 2018`)
//! the words vote: each word counts for every language whose folder knows it
//! (its function words in `guard.toml`, its date words, its tense and
//! document cues), and `whatlang`'s guess breaks ties. Languages generated
//! from CLDR (a `generated.toml` in their folder) have too few words to vote:
//! they are chosen when `whatlang`, over every language with a folder, names
//! one and is sure (or, in a script other than Latin, no word is known at
//! all), where the
//! written languages know under a quarter of the words; the written languages are told apart by the votes and a `whatlang`
//! over them alone.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::Lang;
use super::registry::{folder_file, folder_files};

/// Whether `lang`'s folder was generated from CLDR (it has `generated.toml`).
fn is_generated(lang: Lang) -> bool {
    folder_file(lang, "generated.toml").is_some()
}

/// ISO 639-1 codes (our folders) → the ISO 639-3 codes `whatlang` uses.
const ISO_639_3: &[(&str, &str)] = &[
    ("af", "afr"),
    ("am", "amh"),
    ("ar", "ara"),
    ("az", "aze"),
    ("be", "bel"),
    ("bg", "bul"),
    ("bn", "ben"),
    ("ca", "cat"),
    ("cs", "ces"),
    ("cy", "cym"),
    ("da", "dan"),
    ("de", "deu"),
    ("el", "ell"),
    ("en", "eng"),
    ("eo", "epo"),
    ("es", "spa"),
    ("et", "est"),
    ("fa", "pes"),
    ("fi", "fin"),
    ("fr", "fra"),
    ("gu", "guj"),
    ("he", "heb"),
    ("hi", "hin"),
    ("hr", "hrv"),
    ("hu", "hun"),
    ("hy", "hye"),
    ("id", "ind"),
    ("it", "ita"),
    ("ja", "jpn"),
    ("jv", "jav"),
    ("ka", "kat"),
    ("km", "khm"),
    ("kn", "kan"),
    ("ko", "kor"),
    ("la", "lat"),
    ("lt", "lit"),
    ("lv", "lav"),
    ("mk", "mkd"),
    ("ml", "mal"),
    ("mr", "mar"),
    ("my", "mya"),
    ("ne", "nep"),
    ("nl", "nld"),
    ("nb", "nob"),
    ("no", "nob"),
    ("or", "ori"),
    ("pa", "pan"),
    ("pl", "pol"),
    ("pt", "por"),
    ("ro", "ron"),
    ("ru", "rus"),
    ("si", "sin"),
    ("sk", "slk"),
    ("sl", "slv"),
    ("sn", "sna"),
    ("sr", "srp"),
    ("sv", "swe"),
    ("ta", "tam"),
    ("te", "tel"),
    ("th", "tha"),
    ("tk", "tuk"),
    ("tl", "tgl"),
    ("tr", "tur"),
    ("uk", "ukr"),
    ("ur", "urd"),
    ("uz", "uzb"),
    ("vi", "vie"),
    ("yi", "yid"),
    ("zh", "cmn"),
    ("zu", "zul"),
];

/// How much of a document is read: enough for a sure answer, little enough
/// that identification costs nothing next to the analysis.
const PREFIX_BYTES: usize = 1024;

/// The votes English starts with.
const ENGLISH_PRIOR: f32 = 0.6;

/// The least text on which a generated language is chosen.
const BREADTH_MIN_BYTES: usize = 24;

/// A generated language is chosen only where the written languages know
/// fewer than this share of the words.
const BREADTH_SHARE: f32 = 0.25;

/// How much of it `whatlang` reads (its trigram model is the slow part).
const TRIGRAM_BYTES: usize = 160;

struct Detector {
    /// `whatlang` over the written languages (those that vote).
    inner: whatlang::Detector,
    /// `whatlang` over every language with a folder, generated ones too;
    /// `None` when there is no generated language.
    breadth: Option<whatlang::Detector>,
    /// `whatlang` language → ours.
    map: Vec<(whatlang::Lang, Lang)>,
    /// The languages that vote (not generated), at most 64: a word's bit
    /// `k` is `voters[k]`.
    voters: Vec<Lang>,
    /// Word → the voters that know it.
    words: FxHashMap<Box<str>, u64>,
}

/// The words a language's folder knows, lower case: every string of its
/// `guard.toml` and `dates/` files that is one word of letters (TOML keys
/// and array items alike); of a rule file, its `[list]` table only.
fn known_words(lang: Lang) -> FxHashSet<String> {
    if is_generated(lang) {
        // Languages generated from CLDR (month names and a few relative words)
        // say too little to vote; `whatlang` alone finds them.
        return FxHashSet::default();
    }
    fn add(s: &str, out: &mut FxHashSet<String>) {
        let w = s.trim().to_lowercase();
        if w.chars().all(|c| c.is_alphabetic() || c == '\'') && w.chars().any(char::is_alphabetic) {
            out.insert(w);
        }
    }
    fn walk(v: &toml::Value, out: &mut FxHashSet<String>) {
        match v {
            toml::Value::String(s) => add(s, out),
            toml::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            toml::Value::Table(t) => {
                for (k, x) in t {
                    add(k, out);
                    walk(x, out);
                }
            }
            _ => {}
        }
    }
    let mut out = FxHashSet::default();
    let mut files: Vec<(&str, &str)> = folder_files(lang, "dates/");
    files.extend(folder_file(lang, "guard.toml").map(|t| ("guard.toml", t)));
    for (path, text) in files {
        // Rules are patterns and examples, not words of the language alone.
        let rules = !(path.ends_with("words.toml")
            || path.ends_with("tense.toml")
            || path.ends_with("document.toml")
            || path == "guard.toml");
        let Ok(v) = text.parse::<toml::Table>() else { continue };
        // Of a rule file, only its word lists (`lists.toml`).
        match (rules, v.get("list")) {
            (false, _) => walk(&toml::Value::Table(v), &mut out),
            (true, Some(lists)) => walk(lists, &mut out),
            (true, None) => {}
        }
    }
    // Names of the grammar's own tables are not words of the language.
    for k in ["class", "list", "strict", "date_order", "function_words", "past", "future", "present"] {
        out.remove(k);
    }
    out
}

static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    let mut map = Vec::new();
    for l in Lang::all() {
        if let Some((_, three)) = ISO_639_3.iter().find(|(two, _)| *two == l.code())
            && let Some(w) = whatlang::Lang::from_code(*three)
        {
            map.push((w, l));
        }
    }
    let voters: Vec<Lang> = Lang::all().filter(|l| !is_generated(*l)).take(64).collect();
    let written: Vec<whatlang::Lang> = map.iter().filter(|(_, l)| voters.contains(l)).map(|(w, _)| *w).collect();
    let all: Vec<whatlang::Lang> = map.iter().map(|(w, _)| *w).collect();
    let breadth = (all.len() > written.len()).then(|| whatlang::Detector::with_allowlist(all));
    let mut words: FxHashMap<Box<str>, u64> = FxHashMap::default();
    for (k, l) in voters.iter().enumerate() {
        for w in known_words(*l) {
            *words.entry(w.into_boxed_str()).or_default() |= 1 << k;
        }
    }
    Detector { inner: whatlang::Detector::with_allowlist(written), breadth, map, voters, words }
});

/// The first `n` bytes of `text` or less, cut at a character boundary.
fn head(text: &str, n: usize) -> &str {
    let mut end = text.len().min(n);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The language of `text` among those with a folder, from its first 1 KB;
/// English when nothing can be told (no letters, or a script no folder has).
///
/// Each word votes for the languages whose folders know
/// it, a word known to `k` languages giving each `1/k`; `whatlang`'s answer
/// on the first 160 bytes adds one and a half votes (half a vote when it says itself
/// unsure; it is not asked when the words already agree: eight votes or more
/// and twice the runner-up, or three and four times). English starts with 0.6 votes, the
/// default where the evidence is thin. The most votes win; on a tie English,
/// else the first code.
#[must_use]
pub fn detect(text: &str) -> Lang {
    detect_with(text, true).0
}

/// The winner of `votes` (one per voter): English, the default, wins where
/// the evidence is thin (`Kevin A. Boone Accenture -- Houston`) and on a tie.
fn winner(d: &Detector, english: Lang, votes: &[f32]) -> Lang {
    let en = d.voters.iter().position(|v| *v == english);
    let vote = |k: usize| votes[k] + if Some(k) == en { ENGLISH_PRIOR } else { 0.0 };
    let best = (0..votes.len()).map(vote).fold(0f32, f32::max);
    if best <= 0.0 || en.is_some_and(|k| vote(k) >= best) {
        return english;
    }
    (0..votes.len()).position(|k| vote(k) >= best).map_or(english, |k| d.voters[k])
}

/// [`detect`], and whether the trigram models were asked; `shortcut`: skip
/// them where no answer of theirs could change the result (tests compare
/// with and without).
fn detect_with(text: &str, shortcut: bool) -> (Lang, bool) {
    let d = &*DETECTOR;
    let english = Lang::english();
    let mut votes = vec![0f32; d.voters.len()];
    let mut word = String::new();
    let mut words = 0usize;
    let mut count = |w: &str, votes: &mut [f32]| {
        words += 1;
        if let Some(&bits) = d.words.get(w) {
            #[allow(clippy::cast_precision_loss)] // at most 64
            let share = 1.0 / bits.count_ones() as f32;
            for (k, v) in votes.iter_mut().enumerate() {
                if bits & (1 << k) != 0 {
                    *v += share;
                }
            }
        }
    };
    for c in head(text, PREFIX_BYTES).chars() {
        if c == '\'' || c == '’' {
            // An elided word is a word of its own (`dov'` `è`, `l'` `anno`).
            if !word.is_empty() {
                word.push('\'');
                count(&word, &mut votes);
                word.clear();
            }
        } else if c.is_ascii() {
            // The same tests as below, without Unicode tables (most text).
            if c.is_ascii_alphabetic() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                count(&word, &mut votes);
                word.clear();
            }
        } else if c.is_alphabetic() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            count(&word, &mut votes);
            word.clear();
        }
    }
    if !word.is_empty() {
        count(&word, &mut votes);
    }
    let voter = |l: Lang| d.voters.iter().position(|v| *v == l);
    // A clear winner needs no trigrams (most documents: the slow part skipped).
    let mut sorted = votes.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let second = sorted.get(1).copied().unwrap_or(0.0);
    let clear =
        sorted.first().is_some_and(|&top| (top >= 8.0 && second * 2.0 <= top) || (top >= 3.0 && second * 4.0 <= top));
    let trigrams = head(text, TRIGRAM_BYTES);
    // The trigram vote adds 1.5 or 0.5 to one language: where no such vote
    // changes the winner and no generated language can be chosen (the words
    // are known, or the text is too short), the models are not asked.
    #[allow(clippy::cast_precision_loss)] // a count of words
    let breadth_open = d.breadth.is_some()
        && trigrams.len() >= BREADTH_MIN_BYTES
        && sorted.first().is_none_or(|&top| top < BREADTH_SHARE * words as f32);
    let settled = shortcut && !clear && !breadth_open && {
        let now = winner(d, english, &votes);
        let mut v = votes.clone();
        (0..votes.len()).all(|k| {
            [0.5f32, 1.5].iter().all(|&x| {
                v[k] = votes[k] + x;
                let same = winner(d, english, &v) == now;
                v[k] = votes[k];
                same
            })
        })
    };
    if !clear && !settled {
        let inner = d.inner.detect(trigrams);
        let found = |info: &whatlang::Info| d.map.iter().find(|(x, _)| *x == info.lang()).map(|(_, l)| *l);
        let sure_english = inner.as_ref().is_some_and(|i| i.is_reliable() && found(i) == Some(english));
        // A language generated from CLDR, where `whatlang` is sure of it and
        // the written languages know few of the words (and it is not surely
        // English, the default).
        #[allow(clippy::cast_precision_loss)] // a count of words
        let known_few = sorted.first().is_none_or(|&top| top < BREADTH_SHARE * words as f32);
        if let Some(b) = &d.breadth
            && known_few
            && !sure_english
            && trigrams.len() >= BREADTH_MIN_BYTES
            && let Some(info) = b.detect(trigrams)
            && (info.is_reliable()
                || (info.script() != whatlang::Script::Latin && sorted.first().is_none_or(|&top| top <= 0.0)))
            && let Some(l) = found(&info)
            && is_generated(l)
        {
            return (l, true);
        }
        if let Some(info) = inner
            && let Some(l) = found(&info)
            && let Some(k) = voter(l)
        {
            votes[k] += if info.is_reliable() { 1.5 } else { 0.5 };
        }
    }
    (winner(d, english, &votes), !clear && !settled)
}

#[cfg(test)]
mod tests {
    use super::{Lang, detect};

    #[test]
    fn tells_the_languages_with_folders_apart() {
        let cases = [
            ("en", "The minister said on Thursday that the talks would resume next week in Geneva."),
            ("es", "El ministro dijo el jueves que las conversaciones se reanudarán la próxima semana."),
            ("fr", "Le ministre a déclaré jeudi que les négociations reprendraient la semaine prochaine."),
            ("de", "Der Minister sagte am Donnerstag, die Gespräche würden nächste Woche fortgesetzt."),
            ("pt", "O ministro disse na quinta-feira que as negociações serão retomadas na próxima semana."),
            ("it", "Il ministro ha detto giovedì che i colloqui riprenderanno la prossima settimana."),
            ("nl", "De minister zei donderdag dat de besprekingen volgende week worden hervat."),
        ];
        for (code, text) in cases {
            let want = Lang::from_code(code).unwrap();
            assert_eq!(detect(text), want, "{text}");
        }
    }

    #[test]
    fn generated_languages_are_found_where_the_written_ones_know_few_words() {
        let cases = [
            ("ca", "El govern de la Generalitat ha aprovat avui el pressupost per a l'any vinent."),
            ("pl", "Rząd przyjął wczoraj projekt budżetu na przyszły rok, który zakłada nowe inwestycje."),
            (
                "ru",
                "Правительство вчера одобрило проект бюджета на следующий год, который предусматривает новые инвестиции.",
            ),
        ];
        for (code, text) in cases {
            let want = Lang::from_code(code).expect("a generated folder");
            assert_eq!(detect(text), want, "{text}");
        }
    }

    /// Skipping the trigram models where their vote cannot change the
    /// answer changes no answer: texts mixing the voters' words (and some
    /// unknown ones) in every proportion and length.
    #[test]
    fn the_trigram_shortcut_changes_no_answer() {
        let d = &*super::DETECTOR;
        let mut words: Vec<&str> = d.words.keys().map(AsRef::as_ref).collect();
        words.sort_unstable();
        let other = ["xqz", "blorf", "Kevin", "Houston", "2026", "--", "A.", "mmm", "ok"];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: usize| crate::test_rng::below(&mut seed, n);
        let (mut skipped, mut asked) = (0, 0);
        for _ in 0..6000 {
            let len = 1 + next(30);
            let text: Vec<&str> = (0..len)
                .map(|_| if next(4) == 0 { other[next(other.len())] } else { words[next(words.len())] })
                .collect();
            let text = text.join(" ");
            let (fast, fast_asked) = super::detect_with(&text, true);
            let (slow, slow_asked) = super::detect_with(&text, false);
            assert_eq!(fast, slow, "{text:?}");
            if slow_asked && !fast_asked {
                skipped += 1;
            } else if fast_asked {
                asked += 1;
            }
        }
        assert!(skipped > 100 && asked > 100, "skipped {skipped}, asked {asked}");
    }

    #[test]
    fn the_word_lists_of_rule_files_vote_and_their_patterns_do_not() {
        let en = super::known_words(Lang::english());
        // `mph` and `x` are words of lists.toml (`1500 mph` is no year), a
        // rule file; `x` lines had been read as another language's.
        assert!(en.contains("mph") && en.contains("x"));
        assert_eq!(detect(&"x\n".repeat(1000)), Lang::english());
        // A rule's category is no word of the language.
        assert!(!en.contains("deictic"));
    }

    #[test]
    fn no_letters_is_english_and_long_text_is_cut_on_a_char_boundary() {
        assert_eq!(detect(""), Lang::english());
        assert_eq!(detect("12345 678"), Lang::english());
        let long = "é".repeat(3000);
        let _ = detect(&long);
    }
}
