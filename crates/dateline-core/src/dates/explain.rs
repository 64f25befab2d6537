//! Why an expression has its value: the rule that matched, the anchor used,
//! the tense cue and the document type.

use std::fmt::Write as _;
use std::sync::Arc;

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
    /// An earlier expression of the document (its index among the time
    /// expressions, in 32 bits: a document has fewer than 2^31 of them).
    Expression {
        /// Index into the document's time expressions.
        index: u32,
    },
}

/// Why a time expression has its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// The rule that matched, then the rules of the pieces it was built
    /// from, outermost first ([`Explanation::rule`], [`Explanation::via`]):
    /// one list shared by the document's expressions built the same way.
    rules: Arc<[&'static str]>,
    /// What it was anchored on.
    pub anchor: Anchor,
    /// The tense of its clause.
    pub tense: Tense,
    /// The byte span of the word that gave the tense (offsets are 31-bit,
    /// as [`crate::Token`]'s: see [`Explanation::cue_span`]).
    pub cue: Option<(u32, u32)>,
    /// The document type it was anchored as.
    pub document_type: DocumentType,
}

impl Default for Explanation {
    fn default() -> Self {
        Self {
            rules: Arc::new([""]),
            anchor: Anchor::None,
            tense: Tense::Unknown,
            cue: None,
            document_type: DocumentType::News,
        }
    }
}

impl Explanation {
    /// The explanation of an expression found by `rules[0]` built from the
    /// rules `rules[1..]`, outermost first (an empty list: no rule).
    #[must_use]
    pub fn new(
        rules: Arc<[&'static str]>,
        anchor: Anchor,
        tense: Tense,
        cue: Option<(u32, u32)>,
        document_type: DocumentType,
    ) -> Self {
        Self { rules, anchor, tense, cue, document_type }
    }

    /// The rule that matched (its name in the language's rule files).
    #[must_use]
    pub fn rule(&self) -> &'static str {
        self.rules.first().copied().unwrap_or_default()
    }

    /// Rules of the pieces it was built from, outermost first.
    #[must_use]
    pub fn via(&self) -> &[&'static str] {
        self.rules.get(1..).unwrap_or_default()
    }

    /// The byte span of the word that gave the tense, if any.
    #[must_use]
    pub fn cue_span(&self) -> Option<(usize, usize)> {
        self.cue.map(|(a, b)| (a as usize, b as usize))
    }

    /// A sentence a person can read: `"Thursday" is 2026-03-05: rule weekday;
    /// anchored on the reference date 2026-03-05; past tense (cue "said");
    /// news document.`
    #[must_use]
    pub fn describe(&self, text: &str, timexes: &[Timex], me: &Timex) -> String {
        let mut s = String::new();
        let _ = write!(s, "{:?} is {} ({})", &text[me.start..me.end], me.value, me.timex_type.as_str());
        let _ = write!(s, ": rule {}", self.rule());
        if !self.via().is_empty() {
            let _ = write!(s, " (from {})", self.via().join(", "));
        }
        match self.anchor {
            Anchor::None => s.push_str("; no anchor needed"),
            Anchor::Reference(d) => {
                let _ = write!(s, "; anchored on the reference date {d}");
            }
            Anchor::Expression { index } => {
                if let Some(t) = timexes.get(index as usize) {
                    let _ = write!(s, "; anchored on {:?} ({}, expression {index})", &text[t.start..t.end], t.value);
                }
            }
        }
        match self.cue_span() {
            Some((a, b)) => {
                let _ = write!(s, "; {} tense (cue {:?})", self.tense.as_str(), &text[a..b]);
            }
            None => s.push_str("; no tense cue"),
        }
        let _ = write!(s, "; {} document", self.document_type.as_str());
        s
    }
}
