//! One document as a JSON record (the command line's JSONL output and
//! `Doc.to_dict()`'s shape), written in Rust so that batches serialise in
//! parallel. Offsets are character offsets.

use serde::Serialize;

use crate::Gazetteer;
use crate::pipeline::Document;
use crate::span::CharCursor;
use std::cell::RefCell;

/// Which parts of a document to include.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // four independent switches
pub struct Parts {
    /// The `tokens` list.
    pub tokens: bool,
    /// The `sentences` list.
    pub sentences: bool,
    /// The `entities` list.
    pub entities: bool,
    /// The `timexes` list.
    pub timexes: bool,
}

impl Parts {
    /// Everything.
    pub const ALL: Parts = Parts { tokens: true, sentences: true, entities: true, timexes: true };
}

#[derive(Serialize)]
struct TokenRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    space_after: bool,
}

#[derive(Serialize)]
struct SpanRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct EntityRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    label: &'a str,
    id: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    candidates: Vec<(&'a str, &'a str)>,
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    attributes: &'a std::collections::BTreeMap<String, serde_json::Value>,
    /// How it was found, when by a name rule (`person`, `repeat`).
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'static str>,
}

#[derive(Serialize)]
struct TimexRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    freq: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quant: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<(String, String)>,
}

#[derive(Serialize)]
struct DocRec<'a> {
    doc: &'a str,
    text: &'a str,
    reference_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenRec<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<SpanRec<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<EntityRec<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timexes: Option<Vec<TimexRec<'a>>>,
}

/// `doc` as one line of JSON (no trailing newline): `doc` (its name),
/// `text`, `reference_date`, then the chosen `parts`.
pub fn doc_json(name: &str, text: &str, doc: &Document, gazetteer: &Gazetteer, parts: Parts) -> String {
    let off = RefCell::new(CharCursor::new(text));
    let c = |b: usize| off.borrow_mut().at(b);
    let rec = DocRec {
        doc: name,
        text,
        reference_date: doc.reference_date.map(|d| d.to_string()),
        tokens: parts.tokens.then(|| {
            doc.tokens
                .iter()
                .map(|t| TokenRec {
                    start: c(t.start),
                    end: c(t.end),
                    text: &text[t.start..t.end],
                    space_after: t.space_after,
                })
                .collect()
        }),
        sentences: parts.sentences.then(|| {
            doc.sentences
                .iter()
                .map(|s| SpanRec { start: c(s.start), end: c(s.end), text: &text[s.start..s.end] })
                .collect()
        }),
        entities: parts.entities.then(|| {
            doc.entities
                .iter()
                .map(|m| {
                    let e = gazetteer.entry(m.entry);
                    let candidates = if m.alternatives.is_empty() {
                        Vec::new()
                    } else {
                        std::iter::once(m.entry)
                            .chain(m.alternatives.iter().copied())
                            .map(|k| {
                                let x = gazetteer.entry(k);
                                (x.label, x.id)
                            })
                            .collect()
                    };
                    EntityRec {
                        start: c(m.start),
                        end: c(m.end),
                        text: &text[m.start..m.end],
                        label: e.label,
                        id: gazetteer.match_id(m.entry, m.name.as_deref()),
                        candidates,
                        attributes: gazetteer.match_attributes(m.entry, m.name.as_deref()),
                        rule: (m.rule != crate::Rule::Name).then(|| m.rule.as_str()),
                    }
                })
                .collect()
        }),
        timexes: parts.timexes.then(|| {
            doc.timexes
                .iter()
                .map(|t| TimexRec {
                    start: c(t.start),
                    end: c(t.end),
                    text: &text[t.start..t.end],
                    kind: t.timex_type.as_str(),
                    value: &t.value,
                    modifier: t.modifier,
                    freq: t.freq.as_deref(),
                    quant: t.quant,
                    interval: t.interval().map(|(a, b)| (a.to_string(), b.to_string())),
                })
                .collect()
        }),
    };
    // Serialising plain strings, numbers and options cannot fail.
    serde_json::to_string(&rec).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Date, Pipeline, PipelineOptions, ReferenceDate};

    #[test]
    fn record_has_char_offsets_and_chosen_parts() {
        let nlp = Pipeline::new(PipelineOptions::default());
        let text = "Señor in Caracas on Thursday.";
        let doc = nlp.process(text, ReferenceDate::Fixed(Date::new(2026, 3, 5).unwrap()));
        let all: serde_json::Value =
            serde_json::from_str(&doc_json("a\"b", text, &doc, nlp.gazetteer(), Parts::ALL)).unwrap();
        assert_eq!(all["doc"], "a\"b");
        assert_eq!(all["reference_date"], "2026-03-05");
        assert_eq!(all["entities"][0]["start"], 9);
        assert_eq!(all["entities"][0]["text"], "Caracas");
        assert_eq!(all["timexes"][0]["interval"][1], "2026-03-06");
        assert_eq!(all["tokens"][0]["text"], "Señor");
        let some = Parts { tokens: false, sentences: false, entities: true, timexes: false };
        let v: serde_json::Value = serde_json::from_str(&doc_json("x", text, &doc, nlp.gazetteer(), some)).unwrap();
        assert!(v.get("tokens").is_none() && v.get("timexes").is_none());
        assert_eq!(v["entities"].as_array().unwrap().len(), 1);
    }
}
