//! Why an expression has its value: the rule that matched, the anchor used,
//! the tense cue and the document type.

use std::fmt::Write as _;

use super::tense::Tense;
use super::{DocumentType, Timex};
use crate::civil::Date;

/// What a relative expression was anchored on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Anchor {
    /// Nothing: the value is complete as written, or stays underspecified.
    #[default]
    None,
    /// The document's reference date.
    Reference(Date),
    /// An earlier expression of the document (its index among the time expressions).
    Expression {
        /// Index into the document's time expressions.
        index: usize,
    },
}

/// Why a time expression has its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The rule that matched (its name in the language's rule files).
    pub rule: &'static str,
    /// Rules of the pieces it was built from, outermost first.
    pub via: Vec<&'static str>,
    /// What it was anchored on.
    pub anchor: Anchor,
    /// The tense of its clause.
    pub tense: Tense,
    /// The byte span of the word that gave the tense.
    pub cue: Option<(usize, usize)>,
    /// The document type it was anchored as.
    pub document_type: DocumentType,
}

impl Default for Explanation {
    fn default() -> Self {
        Self {
            rule: "",
            via: Vec::new(),
            anchor: Anchor::None,
            tense: Tense::Unknown,
            cue: None,
            document_type: DocumentType::News,
        }
    }
}

impl Explanation {
    /// A sentence a person can read: `"Thursday" is 2026-03-05: rule weekday;
    /// anchored on the reference date 2026-03-05; past tense (cue "said");
    /// news document.`
    #[must_use]
    pub fn describe(&self, text: &str, timexes: &[Timex], me: &Timex) -> String {
        let mut s = String::new();
        let _ = write!(s, "{:?} is {} ({})", &text[me.start..me.end], me.value, me.timex_type.as_str());
        let _ = write!(s, ": rule {}", self.rule);
        if !self.via.is_empty() {
            let _ = write!(s, " (from {})", self.via.join(", "));
        }
        match self.anchor {
            Anchor::None => s.push_str("; no anchor needed"),
            Anchor::Reference(d) => {
                let _ = write!(s, "; anchored on the reference date {d}");
            }
            Anchor::Expression { index } => {
                if let Some(t) = timexes.get(index) {
                    let _ = write!(s, "; anchored on {:?} ({}, expression {index})", &text[t.start..t.end], t.value);
                }
            }
        }
        match self.cue {
            Some((a, b)) => {
                let _ = write!(s, "; {} tense (cue {:?})", self.tense.as_str(), &text[a..b]);
            }
            None => s.push_str("; no tense cue"),
        }
        let _ = write!(s, "; {} document", self.document_type.as_str());
        s
    }
}
