//! The tables' rows: one builder per kind of span, each turning a slice of
//! documents into columns in one pass over their spans.

use super::{CatBuilder, Column, DocRef, NO_DATE, StrColumn, Table};
use crate::span::CharCursor;
use crate::tokenize::{attrs, syntactic_words};
use crate::{DocumentType, Gazetteer, Rule, TimexAttr, TimexType};

pub(super) fn entities(docs: &[DocRef<'_>], gazetteer: &Gazetteer, first_doc: i64) -> Table {
    let n: usize = docs.iter().map(|d| d.doc.entities.len()).sum();
    let (mut doc, mut start, mut end) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let mut sentence = Vec::with_capacity(n);
    let bytes: usize = docs.iter().flat_map(|d| d.doc.entities.iter().map(|m| m.end - m.start)).sum();
    let mut text = StrColumn::with_capacity(n, bytes);
    let mut label = CatBuilder::with_capacity(n);
    let mut id = CatBuilder::with_capacity(n);
    let mut candidates = Vec::with_capacity(n);
    let mut attributes = StrColumn::with_capacity(n, 0);
    let rule_names: Vec<&str> = [Rule::Name, Rule::Person, Rule::Repeat].iter().map(|r| r.as_str()).collect();
    let mut rule = CatBuilder::fixed(&rule_names);
    rule.col.codes.reserve(n);
    for (k, r) in docs.iter().enumerate() {
        let (doc_text, d) = (r.text, r.doc);
        let doc_entities = &d.entities;
        if doc_entities.is_empty() {
            continue;
        }
        let mut offsets = CharCursor::new(doc_text);
        for m in doc_entities {
            doc.push(first_doc + k as i64);
            sentence.push(d.sentence_of(m.start) as i64);
            start.push(offsets.at(m.start) as i64);
            end.push(offsets.at(m.end) as i64);
            text.push(&doc_text[m.start..m.end]);
            label.code_stable(gazetteer.entry_label(m.entry));
            id.code_stable(gazetteer.match_id(m.entry, m.name.as_deref()));
            candidates.push(1 + m.alternatives.len() as i64);
            rule.code_stable(m.rule.as_str());
            let attrs = gazetteer.match_attributes(m.entry, m.name.as_deref());
            if attrs.is_empty() {
                attributes.push_opt(None);
            } else {
                attributes.push_opt(serde_json::to_string(attrs).ok().as_deref());
            }
        }
    }
    Table {
        columns: vec![
            ("doc", Column::Int(doc)),
            ("start", Column::Int(start)),
            ("end", Column::Int(end)),
            ("text", Column::Str(text)),
            ("label", Column::Cat(label.col)),
            ("id", Column::Cat(id.col)),
            ("candidates", Column::Int(candidates)),
            ("attributes", Column::Str(attributes)),
            ("rule", Column::Cat(rule.col)),
            ("sentence", Column::Int(sentence)),
        ],
    }
}

/// The document types a document is anchored as (never `auto`), in a fixed
/// order so that every table has the same categories.
const DOCUMENT_TYPES: [DocumentType; 3] = [DocumentType::News, DocumentType::Narrative, DocumentType::Colloquial];

const TIMEX_TYPES: [TimexType; 4] = [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set];

pub(super) fn timexes(docs: &[DocRef<'_>], first_doc: i64) -> Table {
    let n: usize = docs.iter().map(|d| d.doc.timexes.len()).sum();
    let (mut doc, mut start, mut end) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let mut text = StrColumn::new();
    let type_names: Vec<&str> = TIMEX_TYPES.iter().map(|t| t.as_str()).collect();
    let mut kind = CatBuilder::fixed(&type_names);
    let mut value = StrColumn::new();
    let mut modifier = CatBuilder::default();
    let mut freq = StrColumn::new();
    let mut quant = CatBuilder::default();
    let (mut begin, mut finish) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut reference = Vec::with_capacity(n);
    let mut document_type = CatBuilder::fixed(&DOCUMENT_TYPES.map(DocumentType::as_str));
    let codes: Vec<&str> = crate::Lang::all().map(crate::Lang::code).collect();
    let mut lang = CatBuilder::fixed(&codes);
    let mut sentence = Vec::with_capacity(n);
    let (mut wall, mut utc) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for (k, d) in docs.iter().enumerate() {
        if d.doc.timexes.is_empty() {
            continue;
        }
        let mut offsets = CharCursor::new(d.text);
        let r = d.doc.reference_date.map_or(NO_DATE, |r| r.to_epoch_days());
        let dt = d.doc.document_type.as_str();
        for t in &d.doc.timexes {
            doc.push(first_doc + k as i64);
            sentence.push(d.doc.sentence_of(t.start) as i64);
            let clock = t.clock_time();
            wall.push(clock.map_or(NO_DATE, |(secs, _)| secs));
            utc.push(clock.and_then(|(secs, zone)| zone.map(|z| secs - 60 * i64::from(z))).unwrap_or(NO_DATE));
            start.push(offsets.at(t.start) as i64);
            end.push(offsets.at(t.end) as i64);
            text.push(&d.text[t.start..t.end]);
            kind.code(t.timex_type.as_str());
            value.push(&t.value);
            modifier.push_opt(t.modifier.map(TimexAttr::as_str));
            freq.push_opt(t.freq.as_deref());
            quant.push_opt(t.quant.map(TimexAttr::as_str));
            let (b, e) = t.interval().map_or((NO_DATE, NO_DATE), |(a, b)| (a.to_epoch_days(), b.to_epoch_days()));
            begin.push(b);
            finish.push(e);
            reference.push(r);
            document_type.code(dt);
            lang.code(d.doc.lang.code());
        }
    }
    Table {
        columns: vec![
            ("doc", Column::Int(doc)),
            ("start", Column::Int(start)),
            ("end", Column::Int(end)),
            ("text", Column::Str(text)),
            ("type", Column::Cat(kind.col)),
            ("value", Column::Str(value)),
            ("mod", Column::Cat(modifier.col)),
            ("freq", Column::Str(freq)),
            ("quant", Column::Cat(quant.col)),
            ("begin", Column::Date(begin)),
            ("end_date", Column::Date(finish)),
            ("reference_date", Column::Date(reference)),
            ("document_type", Column::Cat(document_type.col)),
            ("lang", Column::Cat(lang.col)),
            ("sentence", Column::Int(sentence)),
            ("datetime", Column::Time(wall)),
            ("datetime_utc", Column::TimeUtc(utc)),
        ],
    }
}

pub(super) fn ranges(docs: &[DocRef<'_>], first_doc: i64) -> Table {
    let n: usize = docs.iter().map(|d| d.doc.ranges.len()).sum();
    let (mut doc, mut start, mut end) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    let mut text = StrColumn::new();
    let (mut begin_index, mut begin_known) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut end_index, mut end_known) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut begin, mut finish) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut value = StrColumn::new();
    let mut rule = CatBuilder::default();
    let mut sentence = Vec::with_capacity(n);
    for (k, d) in docs.iter().enumerate() {
        let mut offsets = CharCursor::new(d.text);
        for r in &d.doc.ranges {
            doc.push(first_doc + k as i64);
            sentence.push(d.doc.sentence_of(r.start) as i64);
            start.push(offsets.at(r.start) as i64);
            end.push(offsets.at(r.end) as i64);
            text.push(&d.text[r.start..r.end]);
            begin_index.push(r.begin_timex.map_or(0, |i| i as i64));
            begin_known.push(r.begin_timex.is_some());
            end_index.push(r.end_timex.map_or(0, |i| i as i64));
            end_known.push(r.end_timex.is_some());
            begin.push(r.begin.map_or(NO_DATE, crate::Date::to_epoch_days));
            finish.push(r.end_day.map_or(NO_DATE, crate::Date::to_epoch_days));
            value.push(&r.value());
            rule.code(r.rule);
        }
    }
    Table {
        columns: vec![
            ("doc", Column::Int(doc)),
            ("start", Column::Int(start)),
            ("end", Column::Int(end)),
            ("text", Column::Str(text)),
            ("begin_index", Column::OptInt(begin_index, begin_known)),
            ("end_index", Column::OptInt(end_index, end_known)),
            ("begin", Column::Date(begin)),
            ("end_date", Column::Date(finish)),
            ("value", Column::Str(value)),
            ("rule", Column::Cat(rule.col)),
            ("sentence", Column::Int(sentence)),
        ],
    }
}

pub(super) fn tokens(docs: &[DocRef<'_>], first_doc: i64) -> Table {
    let n: usize = docs.iter().map(|d| d.doc.tokens.len()).sum();
    let mut doc = Vec::with_capacity(n);
    let mut index = Vec::with_capacity(n);
    let (mut start, mut end) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut text = StrColumn::new();
    let mut norm = StrColumn::new();
    let mut shape = StrColumn::new();
    let mut sentence = Vec::with_capacity(n);
    let mut space_after = Vec::with_capacity(n);
    let mut words = StrColumn::new();
    let mut flags: [Vec<bool>; 6] = Default::default();
    let tests: [fn(&str) -> bool; 6] =
        [attrs::is_alpha, attrs::is_digit, attrs::is_punct, attrs::like_num, attrs::like_url, attrs::like_email];
    for (k, d) in docs.iter().enumerate() {
        let mut offsets = CharCursor::new(d.text);
        let sentences = &d.doc.sentences;
        for (i, t) in d.doc.tokens.iter().enumerate() {
            let s = if i < sentences.token_count() { sentences.of_token(i) } else { sentences.len().saturating_sub(1) };
            let w = &d.text[t.start()..t.end()];
            doc.push(first_doc + k as i64);
            index.push(i as i64);
            start.push(offsets.at(t.start()) as i64);
            end.push(offsets.at(t.end()) as i64);
            text.push(w);
            norm.push(&attrs::norm(w));
            shape.push(&attrs::shape(w));
            sentence.push(s as i64);
            space_after.push(t.space_after());
            words.push_opt(syntactic_words(d.doc.lang, w).map(|v| v.join(" ")).as_deref());
            for (f, test) in flags.iter_mut().zip(tests) {
                f.push(test(w));
            }
        }
    }
    let [is_alpha, is_digit, is_punct, like_num, like_url, like_email] = flags;
    Table {
        columns: vec![
            ("doc", Column::Int(doc)),
            ("i", Column::Int(index)),
            ("start", Column::Int(start)),
            ("end", Column::Int(end)),
            ("text", Column::Str(text)),
            ("sentence", Column::Int(sentence)),
            ("space_after", Column::Bool(space_after)),
            ("norm", Column::Str(norm)),
            ("shape", Column::Str(shape)),
            ("words", Column::Str(words)),
            ("is_alpha", Column::Bool(is_alpha)),
            ("is_digit", Column::Bool(is_digit)),
            ("is_punct", Column::Bool(is_punct)),
            ("like_num", Column::Bool(like_num)),
            ("like_url", Column::Bool(like_url)),
            ("like_email", Column::Bool(like_email)),
        ],
    }
}

pub(super) fn sentences(docs: &[DocRef<'_>], first_doc: i64) -> Table {
    let n: usize = docs.iter().map(|d| d.doc.sentences.len()).sum();
    let mut doc = Vec::with_capacity(n);
    let mut index = Vec::with_capacity(n);
    let (mut start, mut end) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut text = StrColumn::new();
    for (k, d) in docs.iter().enumerate() {
        let mut offsets = CharCursor::new(d.text);
        for (i, s) in d.doc.sentences().enumerate() {
            doc.push(first_doc + k as i64);
            index.push(i as i64);
            start.push(offsets.at(s.start()) as i64);
            end.push(offsets.at(s.end()) as i64);
            text.push(&d.text[s.start()..s.end()]);
        }
    }
    Table {
        columns: vec![
            ("doc", Column::Int(doc)),
            ("i", Column::Int(index)),
            ("start", Column::Int(start)),
            ("end", Column::Int(end)),
            ("text", Column::Str(text)),
        ],
    }
}
