//! The language layer: the words of a language that the tokenizer and the
//! gazetteer's common-word guard consult, read from the resource files
//! under `lang/<code>/` (compiled in) and checked once.
//!
//! - `tokenize.toml`: abbreviations, sentence starters, hyphen prefixes;
//! - `guard.toml`: function words;
//! - `common_words.txt`: common words that may still be names (one a line);
//! - `dates/words.toml`: the date grammar's word classes, compiled by
//!   `dates::grammar`. Only its `month` and `weekday` classes are read here,
//!   so that every spelling of a month or a weekday is written once: the
//!   spellings ending with a period are abbreviations for the tokenizer, and
//!   the longest spelling of each month and weekday without a period is its
//!   name for the guard.
//!
//! The resources are part of the binary, so a mistake in them is a bug of
//! the build, which `tests::english_resources_load` reports with the file and
//! the reason. Should it slip through, the tokenizer and the guard get an
//! empty language (no abbreviations, no guard words) rather than a panic.

use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

use serde::Deserialize;

mod detect;
mod enclitics;
mod registry;
mod walk;

pub use detect::detect;
pub use enclitics::Enclitics;
pub use registry::Lang;
pub(crate) use registry::{folder_file, folder_files, overlaid};

/// The resource files of one language, as text.
pub(crate) struct Sources {
    /// The folder under `lang/` (`en`), for messages.
    pub code: &'static str,
    /// `dates/words.toml`.
    pub date_words: &'static str,
    /// `tokenize.toml`.
    pub tokenize: &'static str,
    /// `guard.toml`.
    pub guard: &'static str,
    /// `common_words.txt`.
    pub common_words: &'static str,
}

#[cfg(test)]
const ENGLISH_SOURCES: Sources = Sources {
    code: "en",
    date_words: include_str!("../../lang/en/dates/words.toml"),
    tokenize: include_str!("../../lang/en/tokenize.toml"),
    guard: include_str!("../../lang/en/guard.toml"),
    common_words: include_str!("../../lang/en/common_words.txt"),
};

/// The words of one language, in lower case.
#[derive(Debug, Default)]
pub(crate) struct Language {
    /// What the tokenizer and the sentence splitter consult.
    pub tokenizer: TokenizerWords,
    /// What the gazetteer's common-word guard consults.
    pub guard: GuardWords,
}

/// The tokenizer's words of a language (see `tokenize.toml`).
#[derive(Debug, Default)]
pub(crate) struct TokenizerWords {
    /// Abbreviations that keep their period and never end a sentence
    /// (`mr.`, `jan.`): `non_final` and the month and weekday spellings that
    /// end with a period, less `calendar_except`.
    pub non_final_abbreviations: Vec<String>,
    /// Abbreviations that keep their period but may end a sentence (`inc.`).
    pub final_abbreviations: Vec<String>,
    /// Abbreviations that are also ordinary words (`mer.` the sea, `sept.`
    /// seven): like words, they end a sentence before a capitalised word;
    /// they keep their period before anything else (`sept. 2026`).
    pub word_like_abbreviations: Vec<String>,
    /// Capitalised words that mark a new sentence after a final abbreviation.
    pub sentence_starters: Vec<String>,
    /// Subject pronouns written in lower case inside a sentence (`ich`,
    /// `he`): capitalised right after a lower-case word, one starts a new
    /// sentence whose end had no punctuation.
    pub pronouns: Vec<String>,
    /// Words written in lower case inside a sentence, for a language that
    /// capitalises its nouns (German, where a capitalised word says little):
    /// capitalised right after a word, one starts a new sentence whose end
    /// had no punctuation (`sehr zu empfehlen Seit 1964`).
    pub lower_inside: Vec<String>,
    /// Prefixes that keep their hyphen (`e`, `non`), without it.
    pub hyphen_prefixes: Vec<String>,
    /// Whether English clitics and fused forms split (`do` `n't`, `i` `m`).
    pub english_clitics: bool,
    /// Whether an English possessive `'s` stays a token of its own in a
    /// language without English clitics (`Nella` `'s`).
    pub possessive_s: bool,
    /// Whether words joined by hyphens stay one token (`Saint-Pétersbourg`).
    pub keep_hyphens: bool,
    /// Whether a hyphen before digits joins (`1929-89`, `6-2`, `G-3`).
    pub number_hyphens: bool,
    /// Whether a day number keeps its ordinal period (`5.`, German).
    pub ordinal_dot: bool,
    /// Whether a semicolon before a capitalised word ends a sentence.
    pub semicolon_ends: bool,
    /// Words that start with an apostrophe and are one token (`'t`), lower case.
    pub proclitics: Vec<String>,
    /// With `keep_hyphens`, the suffixes that stay tokens (`-il`), lower case.
    pub hyphen_suffixes: Vec<String>,
    /// Elided words that are tokens of their own before the word they lean
    /// on (`l'`, `dell'`, `qu'`), lower case, with a straight apostrophe.
    pub elisions: Vec<String>,
    /// Tokens that are several syntactic words (`del` → `de` `el`), lower
    /// case, with a straight apostrophe.
    pub contractions: rustc_hash::FxHashMap<String, Vec<String>>,
    /// The longest key of `contractions`, in bytes (0 when there are none).
    pub longest_contraction: usize,
    /// Object pronouns written onto a verb (`quedarse` → `quedar` `se`).
    pub enclitics: Enclitics,
}

/// The common-word guard's words of a language.
#[derive(Debug, Default)]
pub(crate) struct GuardWords {
    /// Words that are never names when they stand alone (`guard.toml`).
    pub function_words: Vec<String>,
    /// Month and weekday names (`march`, `wednesday`).
    pub calendar_names: Vec<String>,
    /// Common words that are names only where casing says so (`reading`).
    pub common_words: Vec<&'static str>,
}

static EMPTY: LazyLock<Language> = LazyLock::new(Language::default);

/// Each language's words, built when first asked for.
static LANGUAGES: LazyLock<Vec<OnceLock<Result<Language, String>>>> =
    LazyLock::new(|| (0..Lang::count()).map(|_| OnceLock::new()).collect());

/// What a folder lacks: no abbreviations, starters or guard words.
const NO_TOKENIZE: &str = "[abbreviations]\nnon_final = []\nfinal = []\n[sentences]\nstarters = []\n";

impl Language {
    /// English, built once per process (an empty language if its resources
    /// were wrong: see the module docs).
    pub(crate) fn english() -> &'static Self {
        Self::of(Lang::english())
    }

    /// The words of `lang`, from its folder (files it lacks count as empty).
    pub(crate) fn of(lang: Lang) -> &'static Self {
        Self::try_of(lang).unwrap_or(&EMPTY)
    }

    /// As [`Language::of`], with the error if the folder's files are wrong.
    pub(crate) fn try_of(lang: Lang) -> Result<&'static Self, &'static str> {
        LANGUAGES[lang.index()]
            .get_or_init(|| {
                let src = Sources {
                    code: lang.code(),
                    date_words: folder_file(lang, "dates/words.toml").unwrap_or(""),
                    tokenize: folder_file(lang, "tokenize.toml").unwrap_or(NO_TOKENIZE),
                    guard: folder_file(lang, "guard.toml").unwrap_or("function_words = []"),
                    common_words: folder_file(lang, "common_words.txt").unwrap_or(""),
                };
                Self::from_sources(&src)
            })
            .as_ref()
            .map_err(String::as_str)
    }

    /// A language from its resource files.
    ///
    /// # Errors
    /// A message naming the file and what is wrong in it.
    pub(crate) fn from_sources(src: &Sources) -> Result<Self, String> {
        let path = |file: &str| format!("lang/{}/{file}", src.code);
        let (months, weekdays) = {
            let file = path("dates/words.toml");
            let words: DateWordsFile = toml::from_str(src.date_words).map_err(|e| format!("{file}: {e}"))?;
            let months = CalendarClass::new("month", 12, &words.class.month).map_err(|e| format!("{file}: {e}"))?;
            let weekdays =
                CalendarClass::new("weekday", 7, &words.class.weekday).map_err(|e| format!("{file}: {e}"))?;
            (months, weekdays)
        };
        let tokenizer = {
            let file = path("tokenize.toml");
            let t: TokenizeFile = toml::from_str(src.tokenize).map_err(|e| format!("{file}: {e}"))?;
            let fail = |e: String| format!("{file}: {e}");
            let a = &t.abbreviations;
            check_words("abbreviations.non_final", &a.non_final, Form::Abbreviation).map_err(fail)?;
            check_words("abbreviations.final", &a.final_, Form::Abbreviation).map_err(fail)?;
            check_words("abbreviations.calendar_except", &a.calendar_except, Form::Abbreviation).map_err(fail)?;
            check_words("abbreviations.word_like", &a.word_like, Form::Abbreviation).map_err(fail)?;
            check_words("sentences.starters", &t.sentences.starters, Form::Word).map_err(fail)?;
            check_words("sentences.pronouns", &t.sentences.pronouns, Form::Word).map_err(fail)?;
            check_words("sentences.lower_inside", &t.sentences.lower_inside, Form::Word).map_err(fail)?;
            check_words("hyphens.prefixes", &t.hyphens.prefixes, Form::Prefix).map_err(fail)?;
            if let Some(w) = t.clitics.elisions.iter().find(|w| !(w.ends_with('\'') || w.ends_with('’')) || w.len() < 2)
            {
                return Err(fail(format!("clitics.elisions: {w:?} is not a word ending with an apostrophe")));
            }
            let calendar: Vec<&String> = months.abbreviations.iter().chain(&weekdays.abbreviations).collect();
            if let Some(w) = a.calendar_except.iter().find(|w| !calendar.contains(w)) {
                return Err(fail(format!(
                    "abbreviations.calendar_except: {w:?} is not a month or weekday spelling of dates/words.toml \
                     ending with a period"
                )));
            }
            check_contractions(&t.contractions).map_err(fail)?;
            enclitics::check(&t.enclitics).map_err(fail)?;
            let mut non_final = a.non_final.clone();
            non_final.extend(calendar.into_iter().filter(|w| !a.calendar_except.contains(w)).cloned());
            non_final.retain(|w| !a.word_like.contains(w));
            let word_like = a.word_like.clone();
            TokenizerWords {
                non_final_abbreviations: non_final,
                final_abbreviations: t.abbreviations.final_,
                word_like_abbreviations: word_like,
                sentence_starters: t.sentences.starters,
                pronouns: t.sentences.pronouns,
                lower_inside: t.sentences.lower_inside,
                semicolon_ends: t.sentences.semicolon_ends,
                hyphen_prefixes: t.hyphens.prefixes,
                english_clitics: t.clitics.english,
                possessive_s: t.clitics.possessive_s,
                keep_hyphens: t.hyphens.keep,
                number_hyphens: t.hyphens.numbers,
                ordinal_dot: t.numbers.ordinal_dot,
                proclitics: t.clitics.proclitics.iter().map(|w| w.to_lowercase().replace('’', "'")).collect(),
                hyphen_suffixes: t.hyphens.split_suffixes.iter().map(|w| w.to_lowercase()).collect(),
                elisions: t.clitics.elisions.iter().map(|w| w.to_lowercase().replace('’', "'")).collect(),
                longest_contraction: t.contractions.keys().map(String::len).max().unwrap_or(0),
                contractions: t.contractions.into_iter().collect(),
                enclitics: t.enclitics,
            }
        };
        let guard = {
            let file = path("guard.toml");
            let g: GuardFile = toml::from_str(src.guard).map_err(|e| format!("{file}: {e}"))?;
            check_words("function_words", &g.function_words, Form::Word).map_err(|e| format!("{file}: {e}"))?;
            let common_words: Vec<&'static str> = src.common_words.lines().filter(|w| !w.is_empty()).collect();
            check_words("one word a line", &common_words, Form::Word)
                .map_err(|e| format!("{}: {e}", path("common_words.txt")))?;
            GuardWords {
                function_words: g.function_words,
                calendar_names: months.names.into_iter().chain(weekdays.names).collect(),
                common_words,
            }
        };
        Ok(Self { tokenizer, guard })
    }
}

/// The part of `dates/words.toml` read here; the rest is the date grammar's.
#[derive(Debug, Deserialize)]
struct DateWordsFile {
    class: CalendarClassesPart,
}

#[derive(Debug, Deserialize)]
struct CalendarClassesPart {
    /// Spelling → month (1–12).
    month: BTreeMap<String, u32>,
    /// Spelling → weekday (1–7, Monday first).
    weekday: BTreeMap<String, u32>,
}

/// `tokenize.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenizeFile {
    abbreviations: AbbreviationsPart,
    sentences: SentencesPart,
    #[serde(default)]
    hyphens: HyphensPart,
    #[serde(default)]
    clitics: CliticsPart,
    #[serde(default)]
    numbers: NumbersPart,
    /// A token that is several syntactic words = its words (`del` = `de`
    /// `el`), as UD writes them.
    #[serde(default)]
    contractions: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    enclitics: Enclitics,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersPart {
    /// A number of one to three digits and its period are one token, an
    /// ordinal (`am 5.` `März`), unless a sentence starts after it.
    #[serde(default)]
    ordinal_dot: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbreviationsPart {
    non_final: Vec<String>,
    #[serde(rename = "final")]
    final_: Vec<String>,
    /// Month and weekday spellings with a period that are not abbreviations
    /// for the tokenizer.
    #[serde(default)]
    calendar_except: Vec<String>,
    /// Abbreviations that are also ordinary words of the language (`mer.`):
    /// they end a sentence before a capitalised word, as a word does.
    #[serde(default)]
    word_like: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SentencesPart {
    starters: Vec<String>,
    /// A semicolon before a capitalised word ends a sentence (`… rien dire ;
    /// Le train …`, as French and Spanish treebanks divide text).
    #[serde(default)]
    semicolon_ends: bool,
    /// Subject pronouns that are lower case inside a sentence (`ich`).
    #[serde(default)]
    pronouns: Vec<String>,
    /// Words always lower case inside a sentence, in a language that
    /// capitalises nouns (`seit`, `leider`).
    #[serde(default)]
    lower_inside: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HyphensPart {
    #[serde(default)]
    prefixes: Vec<String>,
    /// Words joined by hyphens are one token (`Saint-Pétersbourg`).
    #[serde(default)]
    keep: bool,
    /// A word or number and a number after a hyphen are one token (`1929-89`,
    /// `6-2`, `G-3`), as UD writes them; the date tagger reads the parts.
    #[serde(default)]
    numbers: bool,
    /// With `keep`, the hyphenated words that stay tokens of their own
    /// (`-il` in `dit-il`), with their hyphen.
    #[serde(default)]
    split_suffixes: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CliticsPart {
    /// English clitics and fused forms (`don't`, `dont`, `I'm`, `im`).
    #[serde(default)]
    english: bool,
    /// Elided words split from the word after them (`l'`, `dell'`).
    #[serde(default)]
    elisions: Vec<String>,
    /// Words that start with an apostrophe and are one token (`'t`).
    #[serde(default)]
    proclitics: Vec<String>,
    /// An English possessive `'s` is a token of its own (`Nella` `'s`).
    #[serde(default)]
    possessive_s: bool,
}

/// `guard.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GuardFile {
    function_words: Vec<String>,
}

/// The month or weekday words of a date word class.
struct CalendarClass {
    /// The one-word spellings ending with a period (`jan.`), lower case, sorted.
    abbreviations: Vec<String>,
    /// The names of each value, in the order of the values: its longest
    /// spellings that are one word without a period (`june`, not `jun.`;
    /// `januar` and `jänner`).
    names: Vec<String>,
}

impl CalendarClass {
    /// The words of class `class`, whose values must be `1..=count`, each
    /// with at least one spelling that is one word without a period.
    fn new(class: &str, count: u32, spellings: &BTreeMap<String, u32>) -> Result<Self, String> {
        let mut by_value: Vec<Vec<&str>> = vec![Vec::new(); count as usize];
        for (w, &v) in spellings {
            let Some(words) = v.checked_sub(1).and_then(|i| by_value.get_mut(i as usize)) else {
                return Err(format!("class.{class}: {w:?} = {v} is not in 1..={count}"));
            };
            if !w.contains('.') && !w.chars().any(char::is_whitespace) {
                words.push(w);
            }
        }
        let mut names = Vec::with_capacity(by_value.len());
        for (v, words) in (1..).zip(by_value) {
            let most = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
            let mut longest = words.iter().filter(|w| w.chars().count() == most);
            match (longest.next(), longest.next()) {
                (Some(name), None) => names.push(name.to_lowercase()),
                // `januar`, `jänner`: every longest spelling is a name.
                (Some(a), Some(b)) => {
                    names.push(a.to_lowercase());
                    names.push(b.to_lowercase());
                    names.extend(longest.map(|w| w.to_lowercase()));
                }
                (None, _) => return Err(format!("class.{class}: no single word without a period has the value {v}")),
            }
        }
        let abbreviations = spellings
            .keys()
            .filter(|w| w.ends_with('.') && !w.chars().any(char::is_whitespace))
            .map(|w| w.to_lowercase())
            .collect();
        Ok(Self { abbreviations, names })
    }
}

/// Checks `[contractions]`: each token and each of its two or more words
/// is a lower-case word without whitespace, with a straight apostrophe.
fn check_contractions(table: &BTreeMap<String, Vec<String>>) -> Result<(), String> {
    let word = |w: &str| !w.is_empty() && !w.chars().any(|c| c.is_whitespace() || c.is_uppercase() || c == '’');
    for (token, words) in table {
        if !word(token) {
            return Err(format!(
                "contractions: {token:?} is not a lower-case word without whitespace and with a straight apostrophe"
            ));
        }
        if words.len() < 2 || !words.iter().all(|w| word(w)) {
            return Err(format!(
                "contractions: {token:?} = {words:?} is not a list of two or more lower-case words without \
                 whitespace"
            ));
        }
    }
    Ok(())
}

/// What a listed word must look like.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// A word or an abbreviation (`mr.`).
    Word,
    /// Ending with a period (`inc.`).
    Abbreviation,
    /// Without a hyphen (`non`).
    Prefix,
}

/// Checks that every word of list `what` is non-empty, in lower case,
/// without whitespace, and of the form asked.
fn check_words<S: AsRef<str>>(what: &str, words: &[S], form: Form) -> Result<(), String> {
    for w in words.iter().map(AsRef::as_ref) {
        // Most words are ASCII lower-case letters (40,000 common words on
        // every start): one pass over the bytes settles them.
        let plain = !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
        let problem = if plain && form == Form::Word {
            continue;
        } else if w.is_empty() || w.chars().any(char::is_whitespace) {
            "is empty or holds whitespace"
        } else if w.chars().any(char::is_uppercase) {
            "is not in lower case"
        } else if form == Form::Abbreviation && (w.len() < 2 || !w.ends_with('.')) {
            "is not a word ending with a period"
        } else if form == Form::Prefix && w.contains('-') {
            "is written with its hyphen"
        } else {
            continue;
        };
        return Err(format!("{what}: {w:?} {problem}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{ENGLISH_SOURCES, Lang, Language};

    #[test]
    fn every_language_loads() {
        for lang in Lang::all() {
            if let Err(e) = Language::try_of(lang) {
                panic!("the built-in resources of {lang} are wrong: {e}");
            }
        }
        let en = Language::english();
        assert!(en.tokenizer.english_clitics);
        for lang in Lang::all().filter(|l| *l != Lang::english()) {
            assert!(!Language::of(lang).tokenizer.english_clitics, "{lang}");
        }
    }

    #[test]
    fn english_resources_load() {
        let en = match Language::try_of(Lang::english()) {
            Ok(en) => en,
            Err(e) => panic!("the built-in English resources are wrong: {e}"),
        };
        assert!(std::ptr::eq(Language::english(), en));
        let t = &en.tokenizer;
        for w in ["mr.", "jan.", "sept.", "tues.", "thurs.", "mon.", "n°."] {
            assert!(t.non_final_abbreviations.iter().any(|a| a == w), "{w}");
        }
        assert!(!t.non_final_abbreviations.iter().any(|a| a == "febr." || a == "jan" || a == "may"));
        // `sun.` is a word too: word-like, not non-final.
        assert!(!t.non_final_abbreviations.iter().any(|a| a == "sun."));
        assert!(t.word_like_abbreviations.iter().any(|a| a == "sun."));
        assert!(t.final_abbreviations.iter().any(|a| a == "u.s."));
        assert!(t.sentence_starters.iter().any(|a| a == "the") && t.hyphen_prefixes.iter().any(|a| a == "non"));
        let g = &en.guard;
        assert_eq!(g.calendar_names.len(), 19);
        assert_eq!(g.calendar_names[..3], ["january", "february", "march"]);
        assert_eq!(g.calendar_names[4..6], ["may", "june"]);
        assert_eq!(
            g.calendar_names[12..],
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        );
        assert!(g.function_words.iter().any(|w| w == "the") && g.common_words.contains(&"reading"));
    }

    /// English with `file` replaced by `text`.
    fn with(file: &str, text: &str) -> Result<Language, String> {
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        let mut src = ENGLISH_SOURCES;
        match file {
            "dates/words.toml" => src.date_words = text,
            "tokenize.toml" => src.tokenize = text,
            "guard.toml" => src.guard = text,
            _ => src.common_words = text,
        }
        Language::from_sources(&src)
    }

    #[test]
    fn wrong_resources_are_errors_naming_file_and_reason() {
        let tok = |abbr: &str| {
            format!("[abbreviations]\nnon_final = []\n{abbr}\n[sentences]\nstarters = []\n[hyphens]\nprefixes = []\n")
        };
        if let Err(e) = with("tokenize.toml", &tok("final = []")) {
            panic!("{e}");
        }
        let days = "monday = 1\ntuesday = 2\nwednesday = 3\nthursday = 4\nfriday = 5\nsaturday = 6\nsunday = 7\n";
        // `febr.`, which English's tokenize.toml names as an exception.
        let months: String = (1..=12).map(|m| format!("m{m:02}name = {m}\n")).collect();
        let dates = format!("[class.month]\n{months}\"febr.\" = 2\n[class.weekday]\n{days}");
        if let Err(e) = with("dates/words.toml", &dates) {
            panic!("{e}");
        }
        let cases: &[(&str, String, &[&str])] = &[
            ("tokenize.toml", tok("final = []\nnon_finl = []"), &["lang/en/tokenize.toml", "non_finl"]),
            ("tokenize.toml", "[sentences]\nstarters = []\n".into(), &["lang/en/tokenize.toml", "abbreviations"]),
            ("tokenize.toml", tok("final = [\"Inc.\"]"), &["abbreviations.final", "\"Inc.\"", "lower case"]),
            ("tokenize.toml", tok("final = [\"inc\"]"), &["abbreviations.final", "\"inc\"", "period"]),
            (
                "tokenize.toml",
                tok("final = []\ncalendar_except = [\"jan.\", \"xyz.\"]"),
                &["calendar_except", "\"xyz.\"", "dates/words.toml"],
            ),
            (
                "tokenize.toml",
                tok("final = []") + "[contractions]\ndel = [\"de\"]\n",
                &["lang/en/tokenize.toml", "contractions", "\"del\"", "two or more"],
            ),
            (
                "tokenize.toml",
                tok("final = []") + "[enclitics]\nendings = [\"ar\"]\npronouns = [\"Se\"]\n",
                &["enclitics.pronouns", "\"Se\"", "lower-case word"],
            ),
            (
                "tokenize.toml",
                tok("final = []") + "[enclitics]\nendings = [\"ándo:\"]\npronouns = [\"se\"]\n",
                &["enclitics.endings", "\"ándo:\""],
            ),
            ("tokenize.toml", tok("final = []") + "[enclitics]\nhyphen = true\n", &["enclitics", "pronouns is empty"]),
            (
                "tokenize.toml",
                tok("final = []") + "[contractions]\nDel = [\"de\", \"el\"]\n",
                &["contractions", "\"Del\"", "lower-case"],
            ),
            (
                "tokenize.toml",
                tok("final = []") + "[contractions]\ndel = [\"de\", \"e l\"]\n",
                &["contractions", "\"del\"", "whitespace"],
            ),
            ("guard.toml", "function_words = [\"the\", \"a b\"]\n".into(), &["lang/en/guard.toml", "\"a b\""]),
            ("common_words.txt", "reading\nPolice\n".into(), &["lang/en/common_words.txt", "\"Police\""]),
            ("dates/words.toml", dates.replace("m02name = 2\n", ""), &["lang/en/dates/words.toml", "month", "value 2"]),
            ("dates/words.toml", dates.replace("= 12", "= 13"), &["dates/words.toml", "\"m12name\" = 13"]),
            ("dates/words.toml", dates.replace("sunday = 7", "\"sun day\" = 7"), &["weekday", "value 7"]),
            ("dates/words.toml", dates.replace("monday = 1", "monday = \"1\""), &["dates/words.toml", "monday"]),
        ];
        for (file, text, parts) in cases {
            let e = with(file, text).expect_err("a wrong resource must be an error");
            for p in *parts {
                assert!(e.contains(p), "{e:?} lacks {p:?}");
            }
        }
    }
}
