//! The resource files of a language's date grammar, as written (serde).
//! `lang/README.md` documents the format for people who write them.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `words.toml`: word classes, strict words, context lists, holidays.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WordsFile {
    /// How the language reads an ambiguous numeric date such as `03/05`:
    /// `mdy` or `dmy` (the default); a caller's `date_order` overrides it.
    #[serde(default)]
    pub date_order: Option<String>,
    /// Whether numbers are written with a decimal comma and dots between
    /// thousands (`3,5`, `1.500`), as in most languages but English.
    #[serde(default)]
    pub decimal_comma: bool,
    /// Whether a time written in UTC (`16:00 GMT`) carries ISO's `Z` in its
    /// value (`T16:00Z`), as the language's TimeML corpus writes it.
    #[serde(default)]
    pub utc_designator: bool,
    /// Class name → (word or phrase → value).
    #[serde(default)]
    pub class: BTreeMap<String, BTreeMap<String, toml::Value>>,
    /// Class name → words that belong to it only where a rule allows
    /// (`MONTH+`): `may`, `march`.
    #[serde(default)]
    pub strict: BTreeMap<String, Vec<String>>,
    /// Named word lists for contexts and alternatives (`%month_prep`).
    #[serde(default)]
    pub list: BTreeMap<String, Vec<String>>,
}

/// `shapes.toml`: written forms matched by a regular expression over a run
/// of tokens written together (`2026-03-05`, `5-Mar-2026`, `8p.m.`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ShapesFile {
    #[serde(default)]
    pub shape: Vec<ShapeDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ShapeDef {
    pub name: String,
    /// Anchored at both ends; named groups fill the fields of that name.
    pub regex: String,
}

/// `rules.toml`: the patterns.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RulesFile {
    #[serde(default)]
    pub rule: Vec<RuleDef>,
    /// Named word lists, as in `words.toml` (one name, one file).
    #[serde(default)]
    pub list: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleDef {
    pub name: String,
    pub pattern: String,
    pub make: String,
    /// Categories other rules refer to as `<cat>` (default `date`).
    #[serde(default)]
    pub cat: Option<String>,
    /// Whether the rule is tried on its own in running text (default true);
    /// `false` for pieces used only inside other rules.
    #[serde(default = "yes")]
    pub top: bool,
    /// Which rule wins when two match the same tokens (higher first; then
    /// the earlier rule). Default 0.
    #[serde(default)]
    pub priority: i32,
    /// TIMEX3 type, when the value's own type is not wanted.
    #[serde(rename = "type", default)]
    pub timex_type: Option<String>,
    /// For `shift`: `speech` (the reference date, default), `story` (the
    /// latest earlier expression) or `report` (the period a report covers).
    #[serde(default)]
    pub base: Option<String>,
    /// For `shift` and `offset`: the sign of the count (default: the sign of
    /// the matched direction word, else 1).
    #[serde(default)]
    pub sign: Option<i64>,
    /// Fields the rule sets whatever it matched (`{ unit = "d", n = -1 }`).
    #[serde(default)]
    pub set: BTreeMap<String, toml::Value>,
    /// `"text with [the expression] => VALUE"`, checked by the tests with
    /// reference date 2026-03-05 (a Thursday) unless the line starts
    /// `ref=YYYY-MM-DD:` or `ref=none:`.
    #[serde(default)]
    pub examples: Vec<String>,
}

fn yes() -> bool {
    true
}

/// `tense.toml`: the cues the resolver reads the tense of a clause from.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TenseFile {
    /// Words of past tense (`said`, `was`).
    #[serde(default)]
    pub past: Vec<String>,
    /// Words that point to the future (`will`, `next`).
    #[serde(default)]
    pub future: Vec<String>,
    /// Present-tense words: the clause is neither past nor future.
    #[serde(default)]
    pub present: Vec<String>,
    /// Verbs that point ahead before `to` (`planned to`, `expected to`).
    #[serde(default)]
    pub future_before_to: Vec<String>,
    /// Verbs that ask for something, up to three words before `to`: what
    /// they ask for lies ahead (`told jurors to return on Monday`).
    #[serde(default)]
    pub directives: Vec<String>,
    /// Base forms of verbs of scheduled events: a future cue, except after
    /// `to` or a past auxiliary (`Leaders meet Monday`, not `agreed to meet`).
    #[serde(default)]
    pub future_base: Vec<String>,
    /// Past forms that are also nouns (`cut`, `hit`).
    #[serde(default)]
    pub past_nouns: Vec<String>,
    /// Future cues that are also nouns (`face`, `host`): no cue right after
    /// a word of `noun_before`, nor after one of `indefinite` and one
    /// lower-case word (`brought back a familiar face Thursday`).
    #[serde(default)]
    pub future_nouns: Vec<String>,
    /// Indefinite articles (`a`, `an`): `a familiar face` is a noun phrase.
    #[serde(default)]
    pub indefinite: Vec<String>,
    /// Words after which one of `past_nouns` is a noun, no cue (`a cut`,
    /// `a rate cut in September`).
    #[serde(default)]
    pub noun_before: Vec<String>,
    /// Past forms of `do`: a base form after one is past (`did not meet`).
    #[serde(default)]
    pub past_do: Vec<String>,
    /// Auxiliaries after which a participle says nothing of the tense.
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Auxiliaries of the perfect (`have`, `has`): a participle after them is past.
    #[serde(default)]
    pub perfect: Vec<String>,
    /// Modals (`will`, `would`): a verb right after one is no past form
    /// (`will cut`, `would set`).
    #[serde(default)]
    pub modals: Vec<String>,
    /// Words before `to`/`been due` that put a future in the past (`had`).
    #[serde(default)]
    pub past_auxiliaries: Vec<String>,
    /// Relative pronouns: a clause between commas that one opens is skipped
    /// when reading the tense of an expression after it (`the quarter,
    /// which ended Dec. 31, in early February`).
    #[serde(default)]
    pub relative: Vec<String>,
    /// Words of comparison after which a future phrase is none (`higher
    /// than expected in December`).
    #[serde(default)]
    pub comparison: Vec<String>,
    /// Verbs of forecasting: an expression after their object, or right
    /// after one of `target_before`, is what the forecast is for, ahead even
    /// when the verb is past (`forecast a loss for the fourth quarter`); one
    /// right after the verb is when it was made (`it forecast in April`).
    #[serde(default)]
    pub forecast_verbs: Vec<String>,
    /// Words that introduce what a forecast is for (`for`).
    #[serde(default)]
    pub target_before: Vec<String>,
    /// Words that put an expression after them in the past (`since March`),
    /// read only before it.
    #[serde(default)]
    pub past_before: Vec<String>,
    /// Words that put an expression right after them ahead (`effective
    /// Feb. 1`), read only within two words before it.
    #[serde(default)]
    pub future_before: Vec<String>,
    /// Words that put an expression right after them ahead in a present
    /// clause or one with no verb (`a deal before the weekend?`), read only within two
    /// words before it.
    #[serde(default)]
    pub deadline_before: Vec<String>,
    /// Words that make a regular past form right before them a plain past
    /// for an expression right after them (`premiered in May`; alone, such a
    /// form may be a participle: `the planned May vote`).
    #[serde(default)]
    pub firm_past_after: Vec<String>,
    /// Endings of regular past forms (`ed`), with the words that end so but are not.
    #[serde(default)]
    pub past_endings: Vec<String>,
    #[serde(default)]
    pub not_past: Vec<String>,
    /// Endings of regular future forms (`rá` in Spanish), with the words
    /// that end so but are not.
    #[serde(default)]
    pub future_endings: Vec<String>,
    #[serde(default)]
    pub not_future: Vec<String>,
    /// Endings of the word after a present cue that make a present
    /// progressive, which with a time names an arrangement ahead (`ing`:
    /// `is meeting on Monday`).
    #[serde(default)]
    pub progressive_endings: Vec<String>,
    /// Two-word cues of the future (`going to`, `as soon as`).
    #[serde(default)]
    pub future_phrases: Vec<String>,
    /// Phrases after which what follows is in the past, whatever the verb
    /// (`expects sales of $5 billion, up from $4 billion in April`).
    #[serde(default)]
    pub past_phrases: Vec<String>,
    /// Words that are cues only if the next word is not one of these (`next to`).
    #[serde(default)]
    pub not_before: BTreeMap<String, Vec<String>>,
}

/// `document.toml`: cues for choosing a document type.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentFile {
    /// Words of conversation (`I`, `you`, `let's`, `please`).
    #[serde(default)]
    pub colloquial: Vec<String>,
    /// Words of reported speech that mark news (`said`, `told`).
    #[serde(default)]
    pub reporting: Vec<String>,
    /// Words of games (`halftime`, `touchdown`): in their sentence a quarter
    /// or half named without a year is a period of play, not of the calendar.
    #[serde(default)]
    pub sport: Vec<String>,
    /// Greetings (`Hi`, `Dear`): a text that opens with one and a comma
    /// within its first five tokens (`Hi Sam,`) is a mail or a letter.
    #[serde(default)]
    pub greetings: Vec<String>,
}
