//! English word tables for the temporal tagger: compiled once into hash maps.

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use std::sync::LazyLock;

/// Granularity units of durations and relative offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration letter(s), and whether it is a time (`PT…`) unit.
    pub(crate) fn duration_code(self) -> (&'static str, bool) {
        match self {
            Self::Second => ("S", true),
            Self::Minute => ("M", true),
            Self::Hour => ("H", true),
            Self::Day => ("D", false),
            Self::Week => ("W", false),
            Self::Month => ("M", false),
            Self::Quarter => ("Q", false),
            Self::Year => ("Y", false),
            Self::Decade => ("DE", false),
            Self::Century => ("CE", false),
        }
    }
}

#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ("jan.", 1), ("feb.", 2), ("mar.", 3), ("apr.", 4), ("jun.", 6), ("jul.", 7), ("aug.", 8),
    ("sep.", 9), ("sept.", 9), ("oct.", 10), ("nov.", 11), ("dec.", 12),
    ("jan", 1), ("feb", 2), ("apr", 4), ("aug", 8), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
];

#[rustfmt::skip]
const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5),
    ("saturday", 6), ("sunday", 7), ("mon.", 1), ("tue.", 2), ("tues.", 2), ("wed.", 3),
    ("thu.", 4), ("thur.", 4), ("thurs.", 4), ("fri.", 5),
];

#[rustfmt::skip]
const NUMBERS: &[(&str, u32)] = &[
    ("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5),
    ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11),
    ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
    ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
    ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
    ("ninety", 90), ("hundred", 100), ("dozen", 12), ("single", 1), ("couple", 2),
];

#[rustfmt::skip]
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6),
    ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11),
    ("twelfth", 12), ("thirteenth", 13), ("fourteenth", 14), ("fifteenth", 15),
    ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18), ("nineteenth", 19),
    ("twentieth", 20), ("twenty-first", 21), ("last", 0),
    ("1st", 1), ("2nd", 2), ("3rd", 3), ("4th", 4),
];

#[rustfmt::skip]
const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second), ("seconds", Unit::Second), ("minute", Unit::Minute),
    ("minutes", Unit::Minute), ("hour", Unit::Hour), ("hours", Unit::Hour), ("day", Unit::Day),
    ("days", Unit::Day), ("week", Unit::Week), ("weeks", Unit::Week), ("month", Unit::Month),
    ("months", Unit::Month), ("quarter", Unit::Quarter), ("quarters", Unit::Quarter),
    ("year", Unit::Year), ("years", Unit::Year), ("decade", Unit::Decade),
    ("decades", Unit::Decade), ("century", Unit::Century), ("centuries", Unit::Century),
];

/// Seasons and their TIMEX3 codes.
#[rustfmt::skip]
const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"), ("summer", "SU"), ("autumn", "FA"), ("fall", "FA"), ("winter", "WI"),
];

/// Parts of the day and their TIMEX3 codes.
#[rustfmt::skip]
const DAY_PARTS: &[(&str, &str)] = &[
    ("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"),
    ("overnight", "NI"), ("mid-morning", "MO"), ("mid-afternoon", "AF"),
];

/// Single words for recurring times (SET): value, `freq`-free.
#[rustfmt::skip]
const SET_WORDS: &[(&str, &str)] = &[
    ("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("annually", "P1Y"),
    ("yearly", "P1Y"), ("hourly", "PT1H"), ("nightly", "P1D"),
];

/// Single words and phrases that refer to the present, past or future.
#[rustfmt::skip]
const REF_WORDS: &[(&str, &str)] = &[
    ("now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("nowadays", "PRESENT_REF"),
    ("recently", "PAST_REF"), ("current", "PRESENT_REF"),
];

/// Words before a quantity that make it approximate or bounded: (word, mod).
#[rustfmt::skip]
const QUANTITY_MODS: &[(&str, &str)] = &[
    ("about", "APPROX"), ("around", "APPROX"), ("approximately", "APPROX"), ("roughly", "APPROX"),
    ("some", "APPROX"), ("nearly", "APPROX"), ("almost", "APPROX"), ("over", "MORE_THAN"),
    ("under", "LESS_THAN"),
    ("up", "EQUAL_OR_LESS"), ("least", "EQUAL_OR_MORE"), ("most", "EQUAL_OR_LESS"),
    ("more", "MORE_THAN"), ("less", "LESS_THAN"), ("fewer", "LESS_THAN"),
];

/// Words that mark the past tense of a clause.
#[rustfmt::skip]
const PAST_CUES: &[&str] = &[
    "said", "was", "were", "had", "did", "told", "announced", "ago", "reported", "rose", "fell",
    "came", "went", "took", "began", "gave", "saw", "spoke", "wrote", "grew", "became", "ran",
    "knew", "threw", "chose", "drove", "flew", "broke", "sold", "bought", "paid", "sent", "met",
    "left", "held", "made", "won", "lost", "kept", "led", "felt", "thought", "brought", "got",
    "earlier", "struck", "hit", "cut", "put", "set", "quit", "fought", "caught", "taught",
    "ended", "laid", "shot", "fled", "sought", "spent", "stood", "understood", "withdrew", "arose",
    "built", "dealt", "drew", "fed", "found", "forgot", "froze", "heard", "hid", "lent", "meant",
    "overcame", "rode", "rang", "sank", "sat", "shook", "showed", "slid", "spread", "stole",
    "stuck", "swore", "swept", "tore", "woke", "wept", "wound", "arrived", "died", "killed",
];

/// Words that mark the future.
#[rustfmt::skip]
const FUTURE_CUES: &[&str] = &[
    "will", "'ll", "’ll", "shall", "wo", "would", "upcoming", "plans", "scheduled", "expects",
    "due", "intends", "hopes", "aims", "next", "coming", "later",
];

/// Present-tense verbs: the clause is neither clearly past nor future.
#[rustfmt::skip]
const PRESENT_CUES: &[&str] = &["is", "are", "says", "am", "has", "have", "do", "does"];

/// Words that can start an expression or a modifier besides those in the
/// tables above; any other token that does not start with a digit or an
/// apostrophe is skipped without running the matchers.
#[rustfmt::skip]
const OTHER_TRIGGERS: &[&str] = &[
    "the", "this", "last", "next", "past", "coming", "previous", "following", "today", "yesterday",
    "tomorrow", "tonight", "noon", "midday", "midnight", "each", "every", "per", "few", "several",
    "many", "recent", "early", "late", "mid", "end", "beginning", "start", "middle", "a", "an",
    "these", "fiscal", "year", "earlier", "later", "half", "twenties", "thirties", "forties",
    "fifties", "sixties", "seventies", "eighties", "nineties", "no", "as", "at", "well", "up",
    "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
    "christmas", "new", "independence", "halloween", "valentine", "veterans", "thanksgiving",
    "labor", "memorial", "martin", "easter", "good", "once", "twice", "comparable", "corresponding", "same", "better",
    "little", "latest", "current", "final", "initial", "full", "turn", "winter", "period", "future", "near",
    "weekend", "present",
];

pub(crate) struct Lexicon {
    pub triggers: FxHashSet<&'static str>,
    pub months: HashMap<&'static str, u32>,
    pub weekdays: HashMap<&'static str, u32>,
    pub numbers: HashMap<&'static str, u32>,
    pub ordinals: HashMap<&'static str, u32>,
    pub seasons: HashMap<&'static str, &'static str>,
    pub day_parts: HashMap<&'static str, &'static str>,
    pub set_words: HashMap<&'static str, &'static str>,
    pub ref_words: HashMap<&'static str, &'static str>,
    pub quantity_mods: HashMap<&'static str, &'static str>,
    pub units: HashMap<&'static str, Unit>,
    pub past: HashMap<&'static str, ()>,
    pub future: HashMap<&'static str, ()>,
    pub present: HashMap<&'static str, ()>,
}

fn triggers() -> FxHashSet<&'static str> {
    let mut t: FxHashSet<&'static str> = OTHER_TRIGGERS.iter().copied().collect();
    t.extend(MONTHS.iter().map(|x| x.0));
    t.extend(WEEKDAYS.iter().map(|x| x.0));
    t.extend(NUMBERS.iter().map(|x| x.0));
    t.extend(ORDINALS.iter().map(|x| x.0));
    t.extend(UNITS.iter().map(|x| x.0));
    t.extend(SEASONS.iter().map(|x| x.0));
    t.extend(DAY_PARTS.iter().map(|x| x.0));
    t.extend(SET_WORDS.iter().map(|x| x.0));
    t.extend(REF_WORDS.iter().map(|x| x.0));
    t.extend(QUANTITY_MODS.iter().map(|x| x.0));
    t
}

/// Whether an expression or modifier may start at a token (lower-cased).
pub(crate) fn may_start(lower: &str) -> bool {
    match lower.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii_digit() || *b == b'\'' => true,
        _ => {
            LEXICON.triggers.contains(lower)
                || lower.starts_with("’")
                || lower.starts_with("mid-")
                || lower.starts_with("early-")
                || lower.starts_with("late-")
        }
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    triggers: triggers(),
    months: MONTHS.iter().copied().collect(),
    weekdays: WEEKDAYS.iter().copied().collect(),
    numbers: NUMBERS.iter().copied().collect(),
    ordinals: ORDINALS.iter().copied().collect(),
    seasons: SEASONS.iter().copied().collect(),
    day_parts: DAY_PARTS.iter().copied().collect(),
    set_words: SET_WORDS.iter().copied().collect(),
    ref_words: REF_WORDS.iter().copied().collect(),
    quantity_mods: QUANTITY_MODS.iter().copied().collect(),
    units: UNITS.iter().copied().collect(),
    past: PAST_CUES.iter().map(|w| (*w, ())).collect(),
    future: FUTURE_CUES.iter().map(|w| (*w, ())).collect(),
    present: PRESENT_CUES.iter().map(|w| (*w, ())).collect(),
});

/// Whether a unit word is plural (`days`, `centuries`).
pub(crate) fn is_plural_unit(w: &str) -> bool {
    w.ends_with('s')
}
