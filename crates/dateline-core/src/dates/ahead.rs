//! What news says lies ahead (or behind) whatever its verb, and where its speech is
//! quoted: read by the tagger before the resolver anchors anything.

use super::DocumentType;
use super::fields::Unit;
use super::grammar::{Base, Grammar};
use super::scan::{Node, Scan};
use super::tense::{Cue, Tense, Words};
use super::value::{NodeId, Value};

/// How far back (bytes) a quotation opened in a node's paragraph is looked for.
const QUOTE_BYTES: usize = 4096;

/// The side a bare weekday lies on whatever its verb: that of a day it is
/// joined to (`today and Friday`; news and conversation), else ahead where
/// news says a plan is for it or a measure lasts up to it (`weekday_ahead`).
pub(super) fn weekday_side(
    g: &Grammar,
    scan: &Scan<'_>,
    (words, tops): (&Words<'_>, &[NodeId]),
    n: &Node,
    t: Cue,
    doctype: DocumentType,
) -> Option<Cue> {
    let joined = matches!(doctype, DocumentType::News | DocumentType::Colloquial)
        .then(|| joined_to_today(g, scan, tops, n))
        .flatten();
    joined.or_else(|| (doctype == DocumentType::News).then(|| weekday_ahead(g, scan, words, n, t)).flatten())
}

/// The cue of a bare weekday in news that a plan is for (`called a special
/// meeting for Saturday morning`, `a vigil for Tuesday evening`) or that a
/// measure lasts up to (`suspended all flights until Friday`, `canceled
/// classes through Friday`): ahead, whatever the verb `t` found. Not
/// `arrested for Friday's attack`, a state that went on (`remained closed
/// until Sunday`, `did not start until Saturday`: list `lasting_verb`), nor a
/// clause in the past perfect (`had been scheduled for Wednesday`).
fn weekday_ahead(g: &Grammar, scan: &Scan<'_>, words: &Words<'_>, n: &Node, t: Cue) -> Option<Cue> {
    let (s, e) = (n.start as usize, n.end as usize);
    let weekday = matches!(&n.value, Value::Point(f) if f.weekday.is_some() && f.day.is_none()
        && f.dir.is_none() && f.lean.is_none());
    let k = s.checked_sub(1).filter(|_| weekday)?;
    let perfect = |j: usize| words.past_perfect(j) || j.checked_sub(1).is_some_and(|i| words.past_perfect(i));
    let lasting = |j: usize| scan.in_list(j, g.lists_used.lasting_verb);
    let plan = scan.in_list(k, g.lists_used.purpose_prep) && !scan.in_list(e, g.lists_used.possessive);
    let measure = scan.in_list(k, g.lists_used.until_prep)
        && t.tense.is_past()
        && !(k.saturating_sub(4)..k).any(lasting)
        && !t.at.is_some_and(lasting);
    ((plan || measure) && !t.at.is_some_and(perfect)).then_some(Cue { tense: Tense::Future, at: Some(k) })
}

/// The cue of a bare weekday joined by `and` to a day counted from the
/// reference date just before it (`lighter winds today and Friday`, `storms
/// tonight and Thursday`: ahead; `yesterday and Tuesday`: back), whatever
/// the verb: the side of that day. `tops` are the expressions found, in
/// text order.
fn joined_to_today(g: &Grammar, scan: &Scan<'_>, tops: &[NodeId], n: &Node) -> Option<Cue> {
    let weekday = matches!(&n.value, Value::Point(f) if f.weekday.is_some() && f.day.is_none()
        && f.dir.is_none() && f.lean.is_none() && !f.has_time());
    let mut k = (n.start as usize).checked_sub(1).filter(|_| weekday)?;
    // `tonight and on Friday`: the word that puts a day after its verb.
    if scan.in_list(k, g.lists_used.report_prep) {
        k = k.checked_sub(1)?;
    }
    if !scan.in_list(k, g.lists_used.and) {
        return None;
    }
    let before = tops.iter().map(|&t| &scan.nodes[t as usize]).find(|p| p.end as usize == k)?;
    let tense = match &before.value {
        Value::Shift { base: Base::Speech, unit: Unit::Day, n, .. } if *n >= 0 => Tense::Future,
        Value::Shift { base: Base::Speech, unit: Unit::Day, n, .. } if *n < 0 => Tense::Past,
        _ => return None,
    };
    Some(Cue { tense, at: Some(k) })
}

/// Whether byte `at` of `text` stands inside a quotation opened in its
/// paragraph (a line; its last [`QUOTE_BYTES`] bytes): `"Tonight we have
/// shown ...," the director told reporters`.
pub(super) fn quoted(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(QUOTE_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let line = text[from..at].rfind('\n').map_or(from, |i| from + i + 1);
    let before = &text[line..at];
    before.matches('"').count() % 2 == 1
        || before.matches('“').count() > before.matches('”').count()
        || before.matches("``").count() > before.matches("''").count()
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotations_opened_in_the_paragraph() {
        let text = "He said: \"We leave tonight.\" Then \"today\nis done. “Soon” and “now\nit was ``here";
        let at = |w: &str| text.find(w).unwrap();
        assert!(quoted(text, at("We")));
        assert!(!quoted(text, at("Then")));
        assert!(quoted(text, at("today")));
        assert!(!quoted(text, at("is")), "a quotation opened on a line before is not read");
        assert!(!quoted(text, at("and")));
        assert!(quoted(text, at("now")));
        assert!(quoted(text, at("here")));
        let long = format!("\"{}x", "a ".repeat(5000));
        assert!(!quoted(&long, long.len() - 1), "an opening quote more than QUOTE_BYTES back is not seen");
    }
}
