//! One document as a JSON record (the command line's JSONL output and
//! `Doc.to_dict()`'s shape), written in Rust so that batches serialise in
//! parallel. Offsets are character offsets.

use serde::Serialize;

use crate::pipeline::Document;
use crate::span::CharCursor;
use crate::{Anchor, Date, Gazetteer, Timex, TimexAttr};
use std::cell::RefCell;

/// Which parts of a document to include.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // independent switches
pub struct Parts {
    /// The `tokens` list.
    pub tokens: bool,
    /// The `sentences` list.
    pub sentences: bool,
    /// The `entities` list.
    pub entities: bool,
    /// The `timexes` list.
    pub timexes: bool,
    /// The `ranges` list.
    pub ranges: bool,
    /// An `explanation` record in each time expression (with `timexes`).
    pub explain: bool,
}

impl Parts {
    /// Every list; no explanations.
    pub const ALL: Parts =
        Parts { tokens: true, sentences: true, entities: true, timexes: true, ranges: true, explain: false };
    /// No list at all.
    pub const NONE: Parts =
        Parts { tokens: false, sentences: false, entities: false, timexes: false, ranges: false, explain: false };
    /// The names [`Parts::set`] takes, in record order.
    pub const NAMES: [&'static str; 6] = ["tokens", "sentences", "entities", "timexes", "ranges", "explain"];

    /// Switches on the part called `name` (one of [`Parts::NAMES`]);
    /// `false` if there is no such part.
    pub fn set(&mut self, name: &str) -> bool {
        let flag = match name {
            "tokens" => &mut self.tokens,
            "sentences" => &mut self.sentences,
            "entities" => &mut self.entities,
            "timexes" => &mut self.timexes,
            "ranges" => &mut self.ranges,
            "explain" => &mut self.explain,
            _ => return false,
        };
        *flag = true;
        true
    }
}

/// Why a time expression has its value, as a record: `Timex.explain()`,
/// the `explanation` of `Doc.to_dict(explain=True)` and of JSON lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExplanationRecord<'a> {
    /// The rule that matched.
    pub rule: &'static str,
    /// The rules of its pieces, outermost first.
    pub via: &'a [&'static str],
    /// `reference`, `expression` or `none`.
    pub anchor: &'static str,
    /// The reference date it was anchored on.
    pub anchor_date: Option<Date>,
    /// The index of the expression it was anchored on.
    pub anchor_index: Option<usize>,
    /// That expression's text.
    pub anchor_text: Option<&'a str>,
    /// That expression's value.
    pub anchor_value: Option<&'a str>,
    /// The clause's tense (`past`, `past (weak)`, `future`, `present`, `unknown`).
    pub tense: &'static str,
    /// The word that gave the tense.
    pub cue: Option<&'a str>,
    /// The document type it was anchored as.
    pub document_type: &'static str,
    /// All of it as one sentence.
    pub text: String,
}

/// The explanation record of `me`, one of `timexes` (the document's time
/// expressions, where an anchoring expression is looked up) in `text`.
#[must_use]
pub fn explanation_record<'a>(text: &'a str, timexes: &'a [Timex], me: &'a Timex) -> ExplanationRecord<'a> {
    let e = &me.explanation;
    let (anchor, anchor_date, anchor_index) = match e.anchor {
        Anchor::Reference(d) => ("reference", Some(d), None),
        Anchor::Expression { index } => ("expression", None, Some(index as usize)),
        Anchor::None => ("none", None, None),
    };
    let other = anchor_index.and_then(|i| timexes.get(i));
    ExplanationRecord {
        rule: e.rule(),
        via: e.via(),
        anchor,
        anchor_date,
        anchor_index,
        anchor_text: other.map(|o| &text[o.start..o.end]),
        anchor_value: other.map(|o| o.value.as_str()),
        tense: e.tense.as_str(),
        cue: e.cue_span().map(|(a, b)| &text[a..b]),
        document_type: e.document_type.as_str(),
        text: e.describe(text, timexes, me),
    }
}

#[derive(Serialize)]
struct TokenRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    space_after: bool,
    /// The syntactic words of a contraction (`del` → `de` `el`).
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<Vec<String>>,
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
    sentence: usize,
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
    sentence: usize,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<ExplanationRecord<'a>>,
}

#[derive(Serialize)]
struct RangeRec<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    sentence: usize,
    value: String,
    begin_index: Option<usize>,
    end_index: Option<usize>,
    interval: (Option<Date>, Option<Date>),
    rule: &'static str,
}

#[derive(Serialize)]
struct DocRec<'a> {
    doc: &'a str,
    text: &'a str,
    reference_date: Option<String>,
    document_type: &'static str,
    lang: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenRec<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<SpanRec<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<Vec<EntityRec<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timexes: Option<Vec<TimexRec<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ranges: Option<Vec<RangeRec<'a>>>,
}

/// `doc` as one line of JSON (no trailing newline): `doc` (its name),
/// `text`, `reference_date`, `document_type`, `lang`, then the chosen `parts`.
pub fn doc_json(name: &str, text: &str, doc: &Document, gazetteer: &Gazetteer, parts: Parts) -> String {
    let off = RefCell::new(CharCursor::new(text));
    let c = |b: usize| off.borrow_mut().at(b);
    let rec = DocRec {
        doc: name,
        text,
        reference_date: doc.reference_date.map(|d| d.to_string()),
        document_type: doc.document_type.as_str(),
        lang: doc.lang.code(),
        tokens: parts.tokens.then(|| {
            doc.tokens
                .iter()
                .map(|t| TokenRec {
                    start: c(t.start()),
                    end: c(t.end()),
                    text: &text[t.start()..t.end()],
                    space_after: t.space_after(),
                    words: crate::tokenize::syntactic_words(doc.lang, &text[t.start()..t.end()]),
                })
                .collect()
        }),
        sentences: parts.sentences.then(|| {
            doc.sentences()
                .map(|s| SpanRec { start: c(s.start()), end: c(s.end()), text: &text[s.start()..s.end()] })
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
                        sentence: doc.sentence_of(m.start),
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
                    sentence: doc.sentence_of(t.start),
                    kind: t.timex_type.as_str(),
                    value: &t.value,
                    modifier: t.modifier.map(TimexAttr::as_str),
                    freq: t.freq.as_deref(),
                    quant: t.quant.map(TimexAttr::as_str),
                    interval: t.interval().map(|(a, b)| (a.to_string(), b.to_string())),
                    zone: t.zone_offset(),
                    explanation: parts.explain.then(|| explanation_record(text, &doc.timexes, t)),
                })
                .collect()
        }),
        ranges: parts.ranges.then(|| {
            doc.ranges
                .iter()
                .map(|r| RangeRec {
                    start: c(r.start),
                    end: c(r.end),
                    text: &text[r.start..r.end],
                    sentence: doc.sentence_of(r.start),
                    value: r.value(),
                    begin_index: r.begin_timex,
                    end_index: r.end_timex,
                    interval: (r.begin, r.end_day),
                    rule: r.rule,
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
        assert!(all["timexes"][0].get("explanation").is_none());
        assert_eq!(all["ranges"], serde_json::json!([]));
        let some = Parts { entities: true, ..Parts::NONE };
        let v: serde_json::Value = serde_json::from_str(&doc_json("x", text, &doc, nlp.gazetteer(), some)).unwrap();
        assert!(v.get("tokens").is_none() && v.get("timexes").is_none() && v.get("ranges").is_none());
        assert_eq!(v["entities"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn record_has_document_type_ranges_and_explanations() {
        let nlp = Pipeline::new(PipelineOptions::default());
        let text = "Señor, talks ran from March 2 to March 6, since yesterday.";
        let dct = Date::new(2026, 3, 5).unwrap();
        let doc = nlp.process_as(text, ReferenceDate::Fixed(dct), Some(crate::DocumentType::Colloquial), None);
        let mut parts = Parts::NONE;
        for p in ["timexes", "ranges", "explain"] {
            assert!(parts.set(p));
        }
        assert!(!parts.set("dates"));
        let v: serde_json::Value = serde_json::from_str(&doc_json("x", text, &doc, nlp.gazetteer(), parts)).unwrap();
        assert_eq!(v["document_type"], "colloquial");
        assert_eq!(v["lang"], "en");
        assert_eq!(
            v["ranges"][0],
            serde_json::json!({
                "start": 17, "end": 40, "text": "from March 2 to March 6", "sentence": 0,
                "value": "2026-03-02/2026-03-06",
                "begin_index": 0, "end_index": 1, "interval": ["2026-03-02", "2026-03-07"],
                "rule": doc.ranges[0].rule,
            })
        );
        let why = &v["timexes"][2]["explanation"];
        assert_eq!(v["timexes"][2]["text"], "yesterday");
        assert_eq!(
            (&why["anchor"], &why["anchor_date"], &why["document_type"]),
            (&"reference".into(), &"2026-03-05".into(), &"colloquial".into())
        );
        assert_eq!(why["text"], doc.timexes[2].explanation.describe(text, &doc.timexes, &doc.timexes[2]));
    }
}
