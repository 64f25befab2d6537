//! Temporal tagger: finds time expressions and normalises them to TIMEX3
//! values against a reference date.
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
//! ```

mod anaphora;
mod calendar;
mod extend;
mod holidays;
mod lexicon;
mod matchers;
mod quantities;
mod refdate;
mod resolve;

use serde::{Deserialize, Serialize};

use crate::civil::Date;
use crate::tokenize::{Sentence, Token};
use matchers::Ctx;

pub use refdate::detect_reference_date;
pub use resolve::value_interval;

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

/// A time expression: a byte span, its type and TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The TIMEX3 value (`2026-03-05`, `P2D`, `XXXX-01`, `FUTURE_REF`).
    pub value: String,
    /// The TIMEX3 `mod` attribute, if any (`START`, `APPROX`, …).
    pub modifier: Option<&'static str>,
    /// The TIMEX3 `freq` of a SET (`2X` for `twice a week`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// The TIMEX3 `quant` of a SET (`EVERY` for `every year`, `each Thursday`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quant: Option<&'static str>,
}

impl Timex {
    /// The half-open day interval this expression covers, for DATE and TIME
    /// values that name a concrete period.
    #[must_use]
    pub fn interval(&self) -> Option<(Date, Date)> {
        match self.timex_type {
            TimexType::Date | TimexType::Time => value_interval(&self.value),
            _ => None,
        }
    }
}

/// How to read ambiguous numeric dates such as `03/05/2026`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DateOrder {
    /// Month first (US usage, the default): `03/05/2026` is 5 March.
    #[default]
    Mdy,
    /// Day first: `03/05/2026` is 3 May.
    Dmy,
}

/// The temporal tagger. Stateless apart from options; tables compile once.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TemporalTagger {
    /// Order of ambiguous numeric dates.
    pub date_order: DateOrder,
}

impl TemporalTagger {
    /// Finds the time expressions of `text` (already tokenized), resolving
    /// relative ones against `reference`; without it they keep underspecified
    /// values (`XXXX-01`, `XXXX-WXX-4`, `PAST_REF`). Spans are byte offsets,
    /// sorted and non-overlapping.
    #[must_use]
    pub fn tag(&self, text: &str, tokens: &[Token], sentences: &[Sentence], reference: Option<Date>) -> Vec<Timex> {
        let mut ctx = Ctx::new(text, tokens, sentences, reference, self.date_order);
        let mut out = Vec::new();
        let mut i = 0;
        let mut last_end = 0;
        while i < tokens.len() {
            match ctx.at(i) {
                Some(f) if f.start_tok <= i && f.end_tok > f.start_tok && f.end_tok <= tokens.len() => {
                    // A modifier may reach back over a token already scanned
                    // but never over an earlier expression.
                    let start_tok = f.start_tok.max(last_end);
                    // `a year earlier` and `year-ago` point back from the anchor; they do not move it.
                    let concrete = f.timex_type == TimexType::Date
                        && f.kind != matchers::Kind::Ago
                        && f.value.len() >= 4
                        && f.value.as_bytes()[..4].iter().all(u8::is_ascii_digit);
                    if concrete {
                        ctx.anchor = Some(f.value.clone());
                    }
                    if f.timex_type != TimexType::Duration {
                        anaphora::remember(&mut ctx, i, &f.value);
                    }
                    out.push(Timex {
                        start: tokens[start_tok].start,
                        end: tokens[f.end_tok - 1].end,
                        timex_type: f.timex_type,
                        value: f.value,
                        modifier: f.modifier,
                        freq: f.freq,
                        quant: f.quant,
                    });
                    i = f.end_tok;
                    last_end = f.end_tok;
                }
                _ => i += 1,
            }
        }
        out
    }
}
