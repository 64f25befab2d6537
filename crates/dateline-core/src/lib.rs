//! # dateline-core
//!
//! The pure-Rust core of dateline: it turns raw text (news first) into
//! tokens and sentences, gazetteer entities and normalised TIMEX3 time
//! expressions. All offsets are **byte offsets** into the `&str` given; the
//! Python binding converts them to `str` indices.
//!
//! The main types:
//! - [`Tokenizer`]: a rule-based tokenizer and sentence splitter (UD English conventions);
//! - [`Gazetteer`]: dictionary matching at token boundaries, with [`world`] built in;
//! - [`TemporalTagger`]: finds time expressions and anchors them to a reference [`Date`];
//! - [`Pipeline`]: all three, applied to one document or (in parallel) to many.
//!
//! ```
//! use dateline_core::{Pipeline, PipelineOptions, ReferenceDate};
//! let nlp = Pipeline::new(PipelineOptions::default());
//! let doc = nlp.process("date 2026-03-05\nVenezuela said on Thursday it would act.", ReferenceDate::Detect);
//! assert_eq!(doc.reference_date.unwrap().to_string(), "2026-03-05");
//! let values: Vec<&str> = doc.timexes.iter().map(|t| t.value.as_str()).collect();
//! assert_eq!(values, ["2026-03-05", "2026-03-05"]);
//! assert_eq!(doc.entities.len(), 1);
//! ```

#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod civil;
pub mod columns;
pub mod dates;
pub mod error;
pub mod export;
pub mod gazetteer;
pub mod lang;
pub mod parallel;
pub mod pipeline;
pub mod render;
pub mod span;
#[cfg(test)]
mod test_rng;
pub mod tokenize;

pub use civil::Date;
pub use dates::{
    Anchor, DateOrder, DocumentType, Explanation, Granularity, Prefer, TagOptions, Tagged, TemporalTagger, Tense,
    TimeRange, Timex, TimexAttr, TimexType, TimexValue, detect_reference_date, detect_reference_date_in,
    detect_reference_date_with, parse_time,
};
pub use error::Error;
pub use gazetteer::{CaseRule, Entry, Folding, Gazetteer, GazetteerBuilder, Match, NameRules, Rule, world};
pub use lang::Lang;
pub use pipeline::{Document, Entity, Pipeline, PipelineOptions, ReferenceDate};
pub use span::CharOffsets;
pub use tokenize::{MAX_TEXT_BYTES, Sentence, Sentences, Token, TokenBuffers, Tokenizer};
