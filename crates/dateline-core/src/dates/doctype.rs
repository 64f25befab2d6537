//! Choosing a document type for `auto`: narrative when the dates the text
//! writes out lie far from its reference date (or it has none), colloquial
//! for short conversational texts, news otherwise.

use super::DocumentType;
use super::grammar::{Grammar, cue};
use super::scan::Node;
use super::value::{NodeId, Value};
use crate::civil::Date;

/// Years more than this far from the reference date count as far.
const FAR_YEARS: i32 = 1;
/// How many years written out a narrative needs.
const MIN_YEARS: usize = 6;
/// Texts of at most this many sentences may be conversation.
const SHORT_SENTENCES: usize = 3;

/// Expressions that speak from the writer's day: a weekday alone,
/// `yesterday`, `three days ago`.
fn speech(nodes: &[Node], id: NodeId) -> bool {
    match &nodes[id as usize].value {
        Value::Point(f) => f.weekday.is_some() && f.month.is_none() && f.year.is_none(),
        Value::Shift { base: super::grammar::Base::Speech, unit: super::fields::Unit::Day, .. } => true,
        _ => false,
    }
}

fn years(nodes: &[Node], id: NodeId, out: &mut Vec<i32>) {
    let n = &nodes[id as usize];
    if let Value::Point(f) = &n.value
        && let Some(y) = f.year
    {
        out.push(y);
        return;
    }
    for &s in n.subs.as_slice() {
        years(nodes, s, out);
    }
}

/// The document type `auto` resolves to.
pub(crate) fn choose(
    g: &Grammar,
    nodes: &[Node],
    tops: &[NodeId],
    ids: &[u32],
    sentences: usize,
    reference: Option<Date>,
) -> DocumentType {
    let mut ys = Vec::new();
    for &t in tops {
        years(nodes, t, &mut ys);
    }
    match reference {
        None if !ys.is_empty() => return DocumentType::Narrative,
        None => {}
        Some(r) => {
            // Many dates written out, most of them far from the reference date,
            // and hardly a weekday or `yesterday`: the text tells a story.
            let far = ys.iter().filter(|y| (**y - r.year()).abs() > FAR_YEARS).count();
            let said = tops.iter().filter(|&&t| speech(nodes, t)).count();
            if ys.len() >= MIN_YEARS && far * 2 >= ys.len() && said * 10 <= ys.len() {
                return DocumentType::Narrative;
            }
        }
    }
    if sentences <= SHORT_SENTENCES {
        let cues = ids.iter().fold(0u16, |acc, &id| acc | g.words.get(id as usize).map_or(0, |w| w.cues));
        let talk = cues & cue::COLLOQUIAL != 0;
        let reported = cues & cue::REPORTING != 0;
        if talk && !reported {
            return DocumentType::Colloquial;
        }
    }
    DocumentType::News
}
