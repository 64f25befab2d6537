//! Temporal tagger: finds time expressions and normalises them to TIMEX3
//! values against a reference date.
//!
//! The grammar is data: each language's word classes, shapes and rules live
//! in `lang/<code>/dates/*.toml` and are compiled once. Matching produces
//! unresolved values (calendar fields, shifts from an anchor, durations,
//! sets, ranges); one resolver then anchors every expression of the document
//! in text order, on the reference date or on the story's own time, and
//! renders TIMEX3. Every expression can say why it has its value
//! ([`Timex::explanation`]).
//!
//! ```
//! use dateline_core::{Date, TemporalTagger, Tokenizer, TimexType};
//! let text = "The ministry said on Thursday that a two-day visit ended in January.";
//! let (tokens, sentences) = Tokenizer::default().tokenize_with_sentences(text);
//! let dct = Date::new(2026, 3, 5).unwrap();
//! let tx = TemporalTagger::default().tag(text, &tokens, &sentences, Some(dct));
//! let got: Vec<(&str, &str)> = tx.iter().map(|t| (&text[t.start..t.end], t.value.as_str())).collect();
//! assert_eq!(got, [("Thursday", "2026-03-05"), ("two-day", "P2D"), ("January", "2026-01")]);
//! assert_eq!(tx[1].timex_type, TimexType::Duration);
//! assert_eq!(tx[0].explanation.rule(), "weekday");
//! ```

mod ahead;
mod anchor;
mod assign;
mod cal;
mod compact;
mod doctype;
mod examples;
mod explain;
mod fields;
pub(crate) mod grammar;
mod refdate;
mod render;
mod resolve;
mod scan;
#[cfg(test)]
mod scan_oracle;
mod surnames;
mod tagger;
mod tense;
mod value;

use std::sync::{LazyLock, OnceLock};

use serde::{Deserialize, Serialize};

use crate::civil::Date;
use crate::error::Error;
use crate::lang::Lang;
use crate::tokenize::{Sentences, Token, Tokenizer};
use grammar::{Grammar, Sources};

pub use compact::{TimexAttr, TimexValue};
pub use examples::check_examples;
pub use explain::{Anchor, Explanation};
pub use refdate::{detect_reference_date, detect_reference_date_in, detect_reference_date_with};
pub use tense::Tense;

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (`2026-03-05`, `2026-01`, `PAST_REF`).
    Date,
    /// A time of day (`2026-03-05T22:00`).
    Time,
    /// A length of time (`P2D`).
    Duration,
    /// A recurring time (`XXXX-WXX-4`).
    Set,
}

impl TimexType {
    /// The TimeML name: `DATE`, `TIME`, `DURATION` or `SET`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Date => "DATE",
            Self::Time => "TIME",
            Self::Duration => "DURATION",
            Self::Set => "SET",
        }
    }
}

/// How a document's relative expressions are anchored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DocumentType {
    /// News: relative expressions on the reference date, by the clause's tense.
    News,
    /// Narrative (history, biography): on the story's own time, the latest
    /// explicit date before them; the reference date says nothing of the events.
    Narrative,
    /// Mail, chat, notes: on the reference date, preferring the future for plans.
    Colloquial,
    /// Chosen per document from its text (see [`Tagged::document_type`]).
    #[default]
    Auto,
}

impl DocumentType {
    /// `news`, `narrative`, `colloquial` or `auto`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::News => "news",
            Self::Narrative => "narrative",
            Self::Colloquial => "colloquial",
            Self::Auto => "auto",
        }
    }

    /// Parses [`DocumentType::as_str`]'s names.
    ///
    /// # Errors
    /// [`Error::Config`] listing the valid names.
    pub fn parse(s: &str) -> Result<Self, Error> {
        Ok(match s {
            "news" => Self::News,
            "narrative" => Self::Narrative,
            "colloquial" => Self::Colloquial,
            "auto" => Self::Auto,
            _ => {
                return Err(Error::Config(format!(
                    "unknown document type {s:?}; expected 'news', 'narrative', 'colloquial' or 'auto'"
                )));
            }
        })
    }
}

/// Which way a bare weekday or month leans when nothing in the text says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prefer {
    /// The latest occurrence on or before the reference date.
    Past,
    /// The first occurrence on or after it.
    Future,
}

/// How fine a DATE or TIME value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Granularity {
    /// `19` (the 1900s).
    Century,
    /// `199` (the 1990s).
    Decade,
    /// `2026`.
    Year,
    /// `2026-H1`.
    Half,
    /// `2026-Q1`.
    Quarter,
    /// `2026-SP`.
    Season,
    /// `2026-03`.
    Month,
    /// `2026-W10`.
    Week,
    /// `2026-03-05`.
    Day,
    /// `2026-03-05TMO`.
    PartOfDay,
    /// `2026-03-05T14`: an hour (`at 5`).
    Hour,
    /// `2026-03-05T14:30`.
    Minute,
    /// `2026-03-05T14:30:15`.
    Second,
}

impl Granularity {
    /// `century`, `decade`, `year`, `half`, `quarter`, `season`, `month`,
    /// `week`, `day`, `part_of_day`, `hour`, `minute` or `second`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Century => "century",
            Self::Decade => "decade",
            Self::Year => "year",
            Self::Half => "half",
            Self::Quarter => "quarter",
            Self::Season => "season",
            Self::Month => "month",
            Self::Week => "week",
            Self::Day => "day",
            Self::PartOfDay => "part_of_day",
            Self::Hour => "hour",
            Self::Minute => "minute",
            Self::Second => "second",
        }
    }
}

/// A time expression: a byte span, its type and TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The TIMEX3 value (`2026-03-05`, `P2D`, `XXXX-01`, `FUTURE_REF`),
    /// kept without an allocation when short (see [`TimexValue`]).
    pub value: TimexValue,
    /// The TIMEX3 `mod` attribute, if any (`START`, `APPROX`, …).
    pub modifier: Option<TimexAttr>,
    /// The TIMEX3 `freq` of a SET (`2X` for `twice a week`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<Box<str>>,
    /// The TIMEX3 `quant` of a SET (`EVERY` for `every year`, `each Thursday`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<TimexAttr>,
    /// The UTC offset written with a time (`+01:00`, `EST`), in minutes; the
    /// value is in that zone's local time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<i16>,
    /// The half-open interval of days the value covers, when it names a
    /// concrete period (DATE and TIME only).
    #[serde(skip)]
    pub days: Option<(Date, Date)>,
    /// How fine the value is (DATE and TIME values with a calendar value).
    #[serde(skip)]
    pub granularity: Option<Granularity>,
    /// The time of day of a TIME value: hour (0–24), minute, second.
    #[serde(skip)]
    pub clock: Option<(u8, u8, u8)>,
    /// Why the expression has this value.
    #[serde(skip)]
    pub explanation: Explanation,
}

impl Timex {
    /// For a TIME value with a clock time: its wall-clock time as seconds
    /// since 1970-01-01T00:00 (as written, in its own zone), and the UTC
    /// offset in minutes when the text named a zone. `24:00` is the next
    /// day's midnight.
    #[must_use]
    pub fn clock_time(&self) -> Option<(i64, Option<i16>)> {
        if self.timex_type != TimexType::Time {
            return None;
        }
        let (h, m, s) = self.clock?;
        let (day, _) = self.interval()?;
        let secs = day.to_epoch_days() * 86_400 + i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s);
        Some((secs, self.zone))
    }

    /// The half-open day interval this expression covers, for DATE and TIME
    /// values that name a concrete period.
    #[must_use]
    pub fn interval(&self) -> Option<(Date, Date)> {
        self.days
    }

    /// The UTC offset as written in ISO 8601 (`+01:00`), if a zone was given.
    #[must_use]
    pub fn zone_offset(&self) -> Option<String> {
        let z = self.zone?;
        let sign = if z < 0 { '-' } else { '+' };
        Some(format!("{sign}{:02}:{:02}", z.abs() / 60, z.abs() % 60))
    }
}

/// A range of time written as one phrase (`from 4 to 22 this month`, `since
/// March`, `2 weeks starting May 20th`): its ends stay time expressions of
/// their own, as TimeML annotates them, and the whole is also a range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeRange {
    /// Byte offset of the first byte of the phrase.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The index (into the document's time expressions) of the expression that
    /// begins the range, if the text names one.
    pub begin_timex: Option<usize>,
    /// The index of the expression that ends it, if the text names one.
    pub end_timex: Option<usize>,
    /// First day of the range, if known.
    pub begin: Option<Date>,
    /// The day after the range's last, if known (half-open, like [`Timex::interval`]).
    pub end_day: Option<Date>,
    /// The time of day the range begins at, when its first expression names
    /// one (`from 2 to 4 p.m.`): hour, minute, second, on `begin`.
    pub begin_clock: Option<(u8, u8, u8)>,
    /// The time of day it ends at, when its last expression names one, on the
    /// day before `end_day`.
    pub end_clock: Option<(u8, u8, u8)>,
    /// The rule that found it.
    pub rule: &'static str,
}

impl TimeRange {
    /// The range as an ISO 8601 interval of days, `2026-03-04/2026-03-22`
    /// (both ends included), with `..` for an open end; an end that names a
    /// time of day has it (`2026-03-06T14:00/2026-03-06T16:00`), and an end
    /// on no known day is its time alone (`T14:00/T16:00`).
    #[must_use]
    pub fn value(&self) -> String {
        let time = |(h, m, s): (u8, u8, u8)| match s {
            0 => format!("T{h:02}:{m:02}"),
            _ => format!("T{h:02}:{m:02}:{s:02}"),
        };
        // An end on no known day that names a time of day is that time
        // (`from 2pm to 4pm`: `T14:00/T16:00`).
        let end = |d: Option<Date>, clock: Option<(u8, u8, u8)>| match (d, clock) {
            (Some(d), c) => format!("{d}{}", c.map(time).unwrap_or_default()),
            (None, Some(c)) => time(c),
            (None, None) => "..".to_owned(),
        };
        let b = end(self.begin, self.begin_clock);
        let e = end(self.end_day.map(|d| d.add_days(-1)), self.end_clock);
        format!("{b}/{e}")
    }
}

/// The time expressions of a document, its ranges and the document type used.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tagged {
    /// Time expressions in text order.
    pub timexes: Vec<Timex>,
    /// Ranges over them, in text order.
    pub ranges: Vec<TimeRange>,
    /// The document type the expressions were anchored as (never `Auto`).
    pub document_type: DocumentType,
    /// The language whose grammar was used.
    pub lang: Lang,
}

/// Options of one tagging call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TagOptions {
    /// The reference date; without it relative expressions stay underspecified
    /// (or, in narrative documents, anchor on the story's dates).
    pub reference: Option<Date>,
    /// The document type (`Auto`: chosen from the text).
    pub document_type: DocumentType,
    /// Which way bare weekdays and months lean when the text has no tense cue.
    pub prefer: Option<Prefer>,
    /// The language (`None`: the tagger's, else identified from the text).
    pub lang: Option<Lang>,
}

/// How to read ambiguous numeric dates such as `03/05/2026`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DateOrder {
    /// Month first (US usage, the default): `03/05/2026` is 5 March.
    #[default]
    Mdy,
    /// Day first: `03/05/2026` is 3 May.
    Dmy,
}

/// The rule files read first, in this order; other `dates/*.toml` files of a
/// language (not words, shapes, tense or document) follow in name order.
const RULE_FILES: [&str; 6] =
    ["calendar.toml", "years.toml", "times.toml", "relative.toml", "durations.toml", "ranges.toml"];

/// The date grammar of `lang`, compiled from its folder's `dates/` files.
fn compile_grammar(lang: Lang) -> Result<Grammar, String> {
    let file = |name: &str| crate::lang::folder_file(lang, &format!("dates/{name}")).unwrap_or("");
    let mut rules: Vec<(&str, &str)> = Vec::new();
    for name in RULE_FILES {
        if let Some(text) = crate::lang::folder_file(lang, &format!("dates/{name}")) {
            rules.push((name, text));
        }
    }
    for (path, text) in crate::lang::folder_files(lang, "dates/") {
        let name = &path["dates/".len()..];
        let special = ["words.toml", "shapes.toml", "tense.toml", "document.toml"];
        if name.ends_with(".toml") && !name.contains('/') && !special.contains(&name) && !RULE_FILES.contains(&name) {
            rules.push((name, text));
        }
    }
    let src = Sources {
        words: file("words.toml"),
        shapes: file("shapes.toml"),
        rules: &rules,
        tense: file("tense.toml"),
        document: file("document.toml"),
    };
    Grammar::compile(&src, &Tokenizer::default().with_lang(lang)).map_err(|e| {
        let why = match e {
            Error::Config(m) => m,
            other => other.to_string(),
        };
        format!("lang/{}/dates: {why}", lang.code())
    })
}

static GRAMMARS: LazyLock<Vec<OnceLock<Result<Grammar, String>>>> =
    LazyLock::new(|| (0..Lang::count()).map(|_| OnceLock::new()).collect());

/// The built-in date grammar of `lang`, compiled when first asked for.
///
/// # Errors
/// [`Error::Config`] if its resource files do not compile (for a built-in
/// language, a bug the tests catch).
pub(crate) fn grammar(lang: Lang) -> Result<&'static Grammar, Error> {
    GRAMMARS[lang.index()]
        .get_or_init(|| compile_grammar(lang))
        .as_ref()
        .map_err(|e| Error::Config(format!("date grammar: {e}")))
}

/// The built-in English grammar.
///
/// # Errors
/// As [`grammar`].
pub(crate) fn english() -> Result<&'static Grammar, Error> {
    grammar(Lang::english())
}

/// The temporal tagger: the options of tagging; the grammar is the built-in
/// one of each document's language. Immutable; share it between threads freely.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TemporalTagger {
    /// Order of ambiguous numeric dates (`None`: the language's, month first
    /// in English, day first in the others).
    pub date_order: Option<DateOrder>,
    /// The document type used when a call gives none.
    pub document_type: DocumentType,
    /// The language used when a call gives none (`None`: identified per
    /// document).
    pub lang: Option<Lang>,
    /// The text is itself a time expression ([`parse_time`]'s second try):
    /// a rule that needs a word before it (`on 22/04`, `at a quarter to
    /// five`) may also start at the first token, and one that needs a word
    /// after it may end at the last.
    #[serde(skip)]
    standalone: bool,
}

/// The best time expression of a short string (`dateline.parse`): the one
/// covering the most of it, the first on a tie.
#[must_use]
pub fn parse_time(text: &str, tokenizer: &Tokenizer, tagger: &TemporalTagger, opts: &TagOptions) -> Option<Timex> {
    let lang = tagger.lang_of(text, opts.lang);
    let own;
    let tokenizer = if tokenizer.lang() == lang {
        tokenizer
    } else {
        own = tokenizer.clone().with_lang(lang);
        &own
    };
    let opts = &TagOptions { lang: Some(lang), ..*opts };
    let (tokens, sentences) = tokenizer.tokenize_with_sentences(text);
    let best = |tagged: Tagged| {
        let mut best: Option<Timex> = None;
        for t in tagged.timexes {
            if best.as_ref().is_none_or(|b| t.end - t.start > b.end - b.start) {
                best = Some(t);
            }
        }
        best
    };
    // The whole string, but for closing punctuation (byte offsets).
    let word = |t: &&Token| text.get(t.start()..t.end()).is_some_and(crate::tokenize::attrs::has_alnum);
    let words = tokens.iter().filter(word);
    let (Some(first), Some(last)) = (words.clone().next(), words.clone().next_back()) else {
        return None;
    };
    let whole = (first.start(), last.end());
    let found = best(tagger.tag_document(text, &tokens, &sentences, opts));
    if found.as_ref().is_some_and(|t| t.start <= whole.0 && t.end >= whole.1) {
        return found;
    }
    // `22/04`, `quarter to five`: forms that need a word before them in
    // running text are read when they are the whole string (a bare number
    // is no time).
    // A text far longer than an expression can be (`MAX_SPAN` tokens) has
    // none that covers it: the second reading could find nothing.
    if words.count() == 1 && crate::tokenize::attrs::is_digit(&text[first.start()..first.end()])
        || tokens.len() > 2 * scan::MAX_SPAN
    {
        return found;
    }
    let own = TemporalTagger { standalone: true, ..tagger.clone() };
    match best(own.tag_document(text, &tokens, &sentences, opts)) {
        Some(t) if t.start <= whole.0 && t.end >= whole.1 => Some(t),
        _ => found,
    }
}

impl TemporalTagger {
    /// A tagger with these options, for English unless a call says otherwise.
    ///
    /// # Errors
    /// [`Error::Config`] if the built-in English grammar does not compile.
    pub fn new(date_order: DateOrder, document_type: DocumentType) -> Result<Self, Error> {
        english()?;
        Ok(Self { date_order: Some(date_order), document_type, lang: Some(Lang::english()), standalone: false })
    }

    /// A tagger with these options (`None`: the language's date order; the
    /// language identified per document).
    ///
    /// # Errors
    /// [`Error::Config`] if the grammar of `lang` does not compile, or with
    /// `lang` `None`, that of a language read from `DATELINE_LANG_DIR`.
    pub fn with_lang(
        date_order: Option<DateOrder>,
        document_type: DocumentType,
        lang: Option<Lang>,
    ) -> Result<Self, Error> {
        match lang {
            Some(l) => drop(grammar(l)?),
            None => {
                for l in crate::lang::overlaid() {
                    grammar(l)?;
                }
            }
        }
        Ok(Self { date_order, document_type, lang, standalone: false })
    }

    /// The language a document is tagged in: the call's, else the tagger's,
    /// else the one identified from its text.
    #[must_use]
    pub fn lang_of(&self, text: &str, lang: Option<Lang>) -> Lang {
        lang.or(self.lang).unwrap_or_else(|| crate::lang::detect(text))
    }

    /// Finds the time expressions of `text` (already tokenized), resolving
    /// relative ones against `reference` with the tagger's document type.
    /// Spans are byte offsets, sorted and non-overlapping.
    #[must_use]
    pub fn tag(&self, text: &str, tokens: &[Token], sentences: &Sentences, reference: Option<Date>) -> Vec<Timex> {
        let opts = TagOptions { reference, document_type: self.document_type, ..TagOptions::default() };
        self.tag_document(text, tokens, sentences, &opts).timexes
    }

    /// Finds the time expressions and ranges of `text`, with the options of
    /// one call. A language whose grammar does not compile finds nothing.
    #[must_use]
    pub fn tag_document(&self, text: &str, tokens: &[Token], sentences: &Sentences, opts: &TagOptions) -> Tagged {
        // Numbers the tokenizer joined at hyphens (`1929-89`) are read apart.
        let parts = crate::tokenize::number_parts(text, tokens, sentences);
        let (tokens, sentences) = parts.as_ref().map_or((tokens, sentences), |(t, s)| (&t[..], s));
        self.tag_parts(text, tokens, sentences, opts)
    }

    /// As [`Self::tag_document`] for a caller that owns the tokens: those
    /// joined at hyphens before digits are split in place for the tagger
    /// and joined again after, not copied with every other token.
    pub(crate) fn tag_document_owned(
        &self,
        text: &str,
        tokens: &mut Vec<Token>,
        sentences: &Sentences,
        opts: &TagOptions,
    ) -> Tagged {
        match crate::tokenize::split_parts(text, tokens, sentences) {
            None => self.tag_parts(text, tokens, sentences, opts),
            Some((joined, moved)) => {
                let tagged = self.tag_parts(text, tokens, &moved, opts);
                crate::tokenize::join_parts(tokens, &joined);
                tagged
            }
        }
    }

    /// [`Self::tag_document`] of tokens already read apart.
    fn tag_parts(&self, text: &str, tokens: &[Token], sentences: &Sentences, opts: &TagOptions) -> Tagged {
        let lang = self.lang_of(text, opts.lang);
        match grammar(lang) {
            Ok(g) => {
                let order = self.date_order.unwrap_or(g.date_order);
                let mut t = tagger::tag(g, order, text, tokens, sentences, opts, self.standalone);
                t.lang = lang;
                t
            }
            Err(_) => Tagged { document_type: DocumentType::News, lang, ..Tagged::default() },
        }
    }
}
