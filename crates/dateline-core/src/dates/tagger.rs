//! One tagging call: scan the rules over the tokens, choose the document
//! type, resolve every expression in text order, and build the public
//! [`Timex`] and [`TimeRange`] lists with their explanations.

use super::grammar::Grammar;
use super::resolve::{Doc, Resolver};
use super::scan::{Node, Scan};
use super::tense::{self, Cue};
use super::value::NodeId;
use super::{DateOrder, DocumentType, Explanation, TagOptions, Tagged, TimeRange, Timex, doctype};
use crate::tokenize::{Sentence, Token};

/// The sentence of each token, found by binary search over the sentences
/// (a table of one entry a token took 4 bytes a token for the whole
/// document): the one holding it, 0 for a token no sentence holds, `None`
/// past the tokens.
#[derive(Clone, Copy)]
pub(crate) struct SentenceOf<'a> {
    pub(crate) sentences: &'a [Sentence],
    pub(crate) tokens: usize,
}

impl SentenceOf<'_> {
    pub(crate) fn get(&self, k: usize) -> Option<u32> {
        if k >= self.tokens {
            return None;
        }
        // Sentences are in order and do not overlap.
        let j = self.sentences.partition_point(|s| s.token_end().min(self.tokens) <= k);
        let held = self.sentences.get(j).is_some_and(|s| s.token_start() <= k);
        Some(if held { u32::try_from(j).unwrap_or(u32::MAX) } else { 0 })
    }
}

/// The rules of a node's pieces, outermost first.
fn via(g: &'static Grammar, nodes: &[Node], id: NodeId, out: &mut Vec<&'static str>) {
    for &s in nodes[id as usize].subs.as_slice() {
        out.push(rule_name(g, nodes[s as usize].rule));
        via(g, nodes, s, out);
    }
}

fn rule_name(g: &'static Grammar, rule: u16) -> &'static str {
    g.rules.get(usize::from(rule)).map_or("", |r| r.name.as_str())
}

pub(crate) fn tag(
    g: &'static Grammar,
    order: DateOrder,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    opts: &TagOptions,
) -> Tagged {
    let mut scan = Scan::new(g, text, tokens, order);
    let tops = scan.run();
    if tops.is_empty() {
        let document_type = match opts.document_type {
            DocumentType::Auto => DocumentType::News,
            t => t,
        };
        return Tagged { document_type, ..Tagged::default() };
    }
    let sentence_of = SentenceOf { sentences, tokens: tokens.len() };
    let document_type = match opts.document_type {
        DocumentType::Auto => doctype::choose(g, &scan.nodes, &tops, &scan.ids, sentences.len(), opts.reference),
        t => t,
    };
    let words = tense::Words { g, ids: &scan.ids, text, tokens };
    let cues = |n: &Node| -> Cue {
        let (s, e) = (n.start as usize, n.end as usize);
        let (ss, se) = sentences
            .get(sentence_of.get(s).unwrap_or(0) as usize)
            .map_or((0, tokens.len()), |x| (x.token_start(), x.token_end()));
        words.tense(s, e, ss, se)
    };
    let in_id = g.word_id("in");
    let before_in =
        |n: &Node| -> bool { (n.start as usize).checked_sub(1).is_some_and(|k| Some(scan.ids[k]) == in_id) };
    let mut r = Resolver::new(Doc {
        g,
        nodes: &scan.nodes,
        sentence_of,
        cues: &cues,
        after_in: &before_in,
        reference: opts.reference,
        doctype: document_type,
        prefer: opts.prefer,
    });
    for &t in &tops {
        r.emit(t);
    }
    let (resolved, ranges) = r.finish();
    let span = |id: NodeId| {
        let n = &scan.nodes[id as usize];
        (tokens[n.start as usize].start(), tokens[n.end as usize - 1].end())
    };
    let timexes = resolved
        .into_iter()
        .map(|x| {
            let (start, end) = span(x.node);
            let node = &scan.nodes[x.node as usize];
            let mut v = Vec::new();
            via(g, &scan.nodes, x.node, &mut v);
            Timex {
                start,
                end,
                timex_type: x.timex_type,
                days: x
                    .cal
                    .filter(|_| matches!(x.timex_type, super::TimexType::Date | super::TimexType::Time))
                    .and_then(|c| c.interval())
                    .filter(|(a, b)| a < b),
                zone: x.cal.and_then(|c| c.zone),
                granularity: x
                    .cal
                    .filter(|c| c.year.is_some() || c.decade.is_some() || c.century.is_some())
                    .map(|c| c.gran.public()),
                clock: x.cal.and_then(|c| Some((c.hour?, c.minute.unwrap_or(0), c.second.unwrap_or(0)))),
                value: x.value,
                modifier: x.modifier,
                freq: x.freq,
                quant: x.quant,
                explanation: Explanation {
                    rule: rule_name(g, node.rule),
                    via: v,
                    anchor: x.anchor,
                    tense: x.cue.tense,
                    cue: x.cue.at.map(|k| (tokens[k].start(), tokens[k].end())),
                    document_type,
                },
            }
        })
        .collect();
    // A range whose end comes before its begin is a misreading: its ends stay
    // expressions of their own.
    let ranges = ranges
        .into_iter()
        .filter(|x| match x.days {
            (Some(b), Some(e)) => b < e,
            _ => true,
        })
        .map(|x| {
            let (start, end) = span(x.node);
            TimeRange {
                start,
                end,
                begin_timex: x.begin,
                end_timex: x.end,
                begin: x.days.0,
                end_day: x.days.1,
                rule: rule_name(g, scan.nodes[x.node as usize].rule),
            }
        })
        .collect();
    Tagged { timexes, ranges, document_type, lang: crate::lang::Lang::default() }
}

#[cfg(test)]
mod tests {
    use super::SentenceOf;
    use crate::tokenize::Tokenizer;

    /// The search gives what a table of every token's sentence gave.
    #[test]
    fn sentence_of_equals_the_table() {
        let texts = [
            "",
            "One.",
            "He left. She stayed!\n\nA list:\n1. one\n2. two\nEnd",
            "  Mr. Smith arrived on March 5, 2026. \"Yes.\" (No.) ... and then?  Fine\n\n\n",
        ];
        for split in [true, false] {
            let tok = Tokenizer::new(split);
            for text in texts {
                let (tokens, sentences) = tok.tokenize_with_sentences(text);
                let mut table = vec![0u32; tokens.len()];
                for (k, s) in sentences.iter().enumerate() {
                    for slot in table.iter_mut().take(s.token_end().min(tokens.len())).skip(s.token_start()) {
                        *slot = u32::try_from(k).unwrap();
                    }
                }
                let of = SentenceOf { sentences: &sentences, tokens: tokens.len() };
                for k in 0..=tokens.len() + 1 {
                    assert_eq!(of.get(k), table.get(k).copied(), "{text:?} token {k}");
                }
                // A token no sentence holds is in sentence 0.
                let partial = &sentences[sentences.len().min(1)..];
                let of = SentenceOf { sentences: partial, tokens: tokens.len() };
                if let Some(first) = partial.first() {
                    assert_eq!(of.get(first.token_start().saturating_sub(1)), Some(0));
                }
            }
        }
    }
}
