//! One tagging call: scan the rules over the tokens, choose the document
//! type, resolve every expression in text order, and build the public
//! [`Timex`] and [`TimeRange`] lists with their explanations.

use std::sync::Arc;

use rustc_hash::FxHashSet;

use super::cal::narrowed;
use super::doctype::Evidence;
use super::fields::{Unit, zone_on};
use super::grammar::{Grammar, cue};
use super::resolve::{Carry, Doc, Resolver, expressions_of};
use super::scan::{Node, Scan};
use super::surnames::Surnames;
use super::tense::{self, Cue, PAST_BEFORE_TOKENS};
use super::value::{NodeId, Value};
use super::{DateOrder, DocumentType, Explanation, TagOptions, Tagged, TimeRange, Timex, TimexAttr};
use crate::tokenize::{Sentences, Token};

/// The sentence of each token (a table of one entry a token took 4 bytes a
/// token for the whole document): the one holding it, 0 for a token the
/// sentences do not cover, `None` past the tokens.
#[derive(Clone, Copy)]
pub(crate) struct SentenceOf<'a> {
    pub(crate) sentences: &'a Sentences,
    pub(crate) tokens: usize,
}

impl SentenceOf<'_> {
    pub(crate) fn get(&self, k: usize) -> Option<u32> {
        if k >= self.tokens {
            return None;
        }
        let j = if k < self.sentences.token_count() { self.sentences.of_token(k) } else { 0 };
        Some(u32::try_from(j).unwrap_or(u32::MAX))
    }

    /// The tokens of the sentence holding token `k` (all of them when the
    /// sentences do not cover it).
    pub(crate) fn tokens_around(&self, k: usize) -> (usize, usize) {
        if k < self.sentences.token_count() {
            let r = self.sentences.tokens_of(self.sentences.of_token(k));
            (r.start, r.end)
        } else {
            (0, self.tokens)
        }
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

/// Tokens scanned at a time: a document of at most this many keeps the
/// nodes of its expressions from the scan to the end; a longer one is
/// scanned a window at a time, and its expressions are matched again a
/// group at a time to be resolved, so that its nodes never take memory in
/// proportion to its length.
const WINDOW: usize = 1 << 16;
/// Expressions resolved at a time in a document longer than [`WINDOW`].
const GROUP: usize = 1 << 12;

pub(crate) fn tag(
    g: &'static Grammar,
    order: DateOrder,
    text: &str,
    tokens: &[Token],
    sentences: &Sentences,
    opts: &TagOptions,
    standalone: bool,
) -> Tagged {
    tag_in_pieces(g, order, text, tokens, sentences, opts, (WINDOW, GROUP, standalone))
}

/// [`tag`] with the scan's window and the resolver's group given as
/// `(window, group, standalone)` (tests try small ones: the result does not
/// depend on them); `standalone`: the text is one time expression (see
/// `TemporalTagger::standalone`).
pub(crate) fn tag_in_pieces(
    g: &'static Grammar,
    order: DateOrder,
    text: &str,
    tokens: &[Token],
    sentences: &Sentences,
    opts: &TagOptions,
    (window, group, standalone): (usize, usize, bool),
) -> Tagged {
    let (window, group) = (window.max(1), group.max(1));
    let n = tokens.len();
    let mut scan = Scan::new(g, text, tokens, order);
    scan.standalone = standalone;
    let mut evidence = Evidence::default();
    let (tops, mut next) = scan.run_from(0, window);
    evidence.add(&scan.nodes, &tops, opts.reference);
    // Where each expression starts and with what rule: enough to match it
    // again once its nodes are dropped.
    let mut marks: Vec<(u32, u16)> = Vec::new();
    // How many expressions resolving the tops gives (so that the list is
    // made at its size, not grown by doubling).
    let mut expected = 0;
    let mut mark = |scan: &Scan<'_>, tops: &[NodeId], marks: &mut Vec<(u32, u16)>, keep: bool| {
        for &t in tops {
            let node = &scan.nodes[t as usize];
            expected += expressions_of(node);
            if !keep {
                marks.push((node.start, node.rule));
            }
        }
    };
    let kept = if next >= n {
        mark(&scan, &tops, &mut marks, true);
        Some(tops)
    } else {
        mark(&scan, &tops, &mut marks, false);
        scan.release();
        while next < n {
            let stop = next.saturating_add(window);
            scan.ids.cover(next, stop);
            let (tops, after) = scan.run_from(next, stop);
            evidence.add(&scan.nodes, &tops, opts.reference);
            mark(&scan, &tops, &mut marks, false);
            scan.release();
            next = after;
        }
        None
    };
    if kept.as_ref().map_or(marks.is_empty(), Vec::is_empty) {
        let document_type = match opts.document_type {
            DocumentType::Auto => DocumentType::News,
            t => t,
        };
        return Tagged { document_type, ..Tagged::default() };
    }
    let document_type = match opts.document_type {
        DocumentType::Auto => {
            // A sign-off or a signature of one word (`Thanks,`, `Dan`) is
            // no sentence of the text's.
            let word = |t: &Token| text.get(t.start()..t.end()).is_some_and(crate::tokenize::attrs::has_alnum);
            let words_of =
                |r: std::ops::Range<usize>| tokens.get(r).map_or(0, |ts| ts.iter().filter(|t| word(t)).take(2).count());
            let full = sentences.ranges().filter(|r| words_of(r.clone()) >= 2).count();
            evidence.choose(g, &scan.ids, full, opts.reference)
        }
        t => t,
    };
    let mut out = Tagged {
        timexes: Vec::with_capacity(expected),
        ranges: Vec::new(),
        document_type,
        lang: crate::lang::Lang::default(),
    };
    let ctx = Context { g, text, tokens, sentences, opts, document_type };
    let mut rule_lists = RuleLists::default();
    let mut surnames = Surnames::new(g, text, tokens, SentenceOf { sentences, tokens: tokens.len() });
    match kept {
        Some(tops) => {
            resolve_group(&ctx, &scan, &tops, Carry::default(), (&mut rule_lists, &mut surnames), &mut out);
        }
        None => {
            let mut carry = Carry::default();
            // A group ends between sentences: a time alone reads the day
            // written just after it in its sentence (`day_after`). A
            // sentence of very many expressions still ends a group at
            // twice its size (or 256).
            let sentence = |k: u32| {
                let k = k as usize;
                (k < sentences.token_count()).then(|| sentences.of_token(k))
            };
            let mut from = 0;
            while from < marks.len() {
                let mut to = from.saturating_add(group).min(marks.len());
                let most = from.saturating_add(group.saturating_mul(2).max(256)).min(marks.len());
                while to < most && sentence(marks[to].0) == sentence(marks[to - 1].0) {
                    to += 1;
                }
                let chunk = &marks[from..to];
                from = to;
                if let (Some(first), Some(last)) = (chunk.first(), chunk.last()) {
                    scan.ids.cover(first.0 as usize, last.0 as usize + 1);
                }
                let tops: Vec<NodeId> = chunk.iter().filter_map(|&(k, r)| scan.rematch(k, r)).collect();
                carry = resolve_group(&ctx, &scan, &tops, carry, (&mut rule_lists, &mut surnames), &mut out);
                scan.release();
            }
        }
    }
    // Fewer when a period of a game is dropped (`resolve_group`).
    debug_assert!(out.timexes.len() <= expected, "expressions made and foreseen");
    out
}

/// The rule lists of a document's explanations (the rule, then its pieces'),
/// each kept once and shared by the expressions built the same way (most
/// of a long document's).
#[derive(Default)]
struct RuleLists(FxHashSet<Arc<[&'static str]>>);

impl RuleLists {
    fn get(&mut self, v: &[&'static str]) -> Arc<[&'static str]> {
        if let Some(a) = self.0.get(v) {
            return Arc::clone(a);
        }
        let a: Arc<[&'static str]> = v.into();
        self.0.insert(Arc::clone(&a));
        a
    }
}

/// What resolving reads besides the scan.
struct Context<'a> {
    g: &'static Grammar,
    text: &'a str,
    tokens: &'a [Token],
    sentences: &'a Sentences,
    opts: &'a TagOptions,
    document_type: DocumentType,
}

/// The most tokens a heading has (`September to November 1944`).
const HEADING_TOKENS: usize = 6;

/// Resolves the expressions `tops` (in text order, after those `carry` goes
/// on from) and appends them and their ranges to `out`; what the next group
/// goes on from.
fn resolve_group(
    c: &Context<'_>,
    scan: &Scan<'_>,
    tops: &[NodeId],
    carry: Carry,
    (rule_lists, surnames): (&mut RuleLists, &mut Surnames<'_>),
    out: &mut Tagged,
) -> Carry {
    let (g, text, tokens, sentences) = (c.g, c.text, c.tokens, c.sentences);
    let sentence_of = SentenceOf { sentences, tokens: tokens.len() };
    let words = tense::Words::new(g, &scan.ids, text, tokens);
    let cues = |n: &Node| -> Cue {
        let (s, e) = (n.start as usize, n.end as usize);
        let (ss, se) = sentence_of.tokens_around(s);
        let t = words.tense(s, e, ss, se);
        if let Some(side) = super::ahead::weekday_side(g, scan, (&words, tops), n, t, c.document_type) {
            return side;
        }
        t
    };
    let comma_id = g.word_id(",");
    let before_in = |n: &Node| -> bool {
        let Some(k) = (n.start as usize).checked_sub(1).filter(|k| scan.in_list(*k, g.lists_used.year_in)) else {
            return false;
        };
        // `The bridge, built in 1974, had been inspected in February`: an
        // aside between commas about another time, not the time the
        // sentence tells of (`grew, moved in 2012 and opened` is no aside).
        let aside = k >= 2
            && Some(scan.ids.get(k - 2)) == comma_id
            && Some(scan.ids.get(n.end as usize)) == comma_id
            && words.cue_of(k - 1).is_some_and(tense::Tense::is_past);
        // Nor is a year in a relative clause (`passes, which sold out in
        // three weeks in 1995, went on sale April 15`).
        let (ss, _) = sentence_of.tokens_around(n.start as usize);
        !aside && !words.in_relative_clause(n.start as usize, n.end as usize, ss)
    };
    let after_comma =
        |n: &Node| -> bool { (n.start as usize).checked_sub(1).is_some_and(|k| Some(scan.ids.get(k)) == comma_id) };
    let continues = |n: &Node| -> bool {
        let (ss, _) = sentence_of.tokens_around(n.start as usize);
        scan.in_list(ss, g.lists_used.continuing)
    };
    // `said Saturday`, `announced on Monday`: a report's day; also past
    // an aside of up to four lower-case words that opens with a word of
    // `report_aside` (`said in a statement on Monday`, `told reporters
    // Friday`), none of them a tense cue or a relative pronoun.
    const VERB_CUES: u32 = cue::PAST | cue::FUTURE | cue::PRESENT | cue::MODAL | cue::FUTURE_BASE;
    let has_cue = |k: usize, bit: u32| g.words.get(scan.ids.get(k) as usize).is_some_and(|w| w.cues & bit != 0);
    let reporting = |k: usize| has_cue(k, cue::REPORTING);
    let plain_word = |k: usize| {
        let t = &tokens[k];
        text[t.start()..t.end()].chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            && !has_cue(k, VERB_CUES)
            && !scan.in_list(k, g.lists_used.relative_pronoun)
    };
    let after_report = |n: &Node| -> bool {
        let mut k = n.start as usize;
        if k > 0 && scan.in_list(k - 1, g.lists_used.report_prep) {
            k -= 1;
        }
        if k > 0 && reporting(k - 1) {
            return true;
        }
        // Not before a possessive: `said in its report on Monday's outage`.
        if scan.in_list(n.end as usize, g.lists_used.possessive) {
            return false;
        }
        let sent_start = sentence_of.tokens_around(n.start as usize).0;
        (1..=4).any(|gap| {
            k > sent_start + gap
                && reporting(k - gap - 1)
                && scan.in_list(k - gap, g.lists_used.report_aside)
                && (k - gap..k).all(plain_word)
        })
    };
    let after_purpose =
        |n: &Node| (n.start as usize).checked_sub(1).is_some_and(|k| scan.in_list(k, g.lists_used.purpose_prep));
    let past_perfect = |k: usize| words.past_perfect_clause(k, sentence_of.tokens_around(k).0);
    let reported_perfect = |k: usize| words.reported_perfect(k);
    let past_modal = |k: usize| scan.in_list(k, g.lists_used.past_modal);
    // The up to `reach` tokens before a node, in its sentence.
    let tokens_back = |n: &Node, reach: usize| {
        let start = n.start as usize;
        start.saturating_sub(reach).max(sentence_of.tokens_around(start).0)..start
    };
    // `the chief executive who took over in 1994, said`, `speakers, first
    // sold in 2017, have`: in a relative clause or an aside that a comma
    // right after the expression closes.
    let in_relative = |n: &Node| {
        let (start, end) = (n.start as usize, n.end as usize);
        let opened = |k: usize| k + 6 >= start && Some(scan.ids.get(k)) == comma_id;
        end < scan.ids.len()
            && Some(scan.ids.get(end)) == comma_id
            && tokens_back(n, 8).any(|k| has_cue(k, cue::RELATIVE) || opened(k))
    };
    let event = g.lists_used.event;
    let before_event = |n: &Node| -> bool {
        let mut k = n.end as usize;
        if scan.in_list(k, g.lists_used.possessive) {
            k += 1;
        }
        scan.in_list(k, event)
    };
    // `at 10:30 a.m. EDT (1430 GMT) on Monday`: the day written just after
    // times alone, past a zone in brackets, `on` or `local time`; and how
    // many such times come between.
    let time_alone = |n: &Node| matches!(&n.value, Value::Point(f) if f.time_alone());
    let day_after = |n: &Node| -> Option<(NodeId, usize)> {
        let (_, se) = sentence_of.tokens_around(n.start as usize);
        let mut k = tops.partition_point(|&t| scan.nodes[t as usize].start < n.end);
        let (mut at, mut skipped) = (n.end as usize, 0usize);
        while let Some(&t) = tops.get(k) {
            let m = &scan.nodes[t as usize];
            let start = m.start as usize;
            // At most four such tokens between one time and the next
            // (`3:15 p.m. local time (0715 UTC) on Tuesday`).
            // A capitalised word before `time` names a zone (`6:10 AM
            // Kabul time on October 7`).
            let zone_word = |x: usize| {
                x + 1 < start
                    && scan.in_list(x + 1, g.lists_used.zone_noun)
                    && c.tokens.get(x).and_then(|t| c.text.get(t.start()..t.end())).is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
                    })
            };
            let gap = start.saturating_sub(at);
            if start >= se || gap > 4 || !(at..start).all(|x| scan.in_list(x, g.lists_used.day_gap) || zone_word(x)) {
                return None;
            }
            if time_alone(m) {
                (at, skipped, k) = (m.end as usize, skipped + 1, k + 1);
                continue;
            }
            let day = match &m.value {
                Value::Point(f) => {
                    !f.has_time() && f.part.is_none() && (f.weekday.is_some() || (f.day.is_some() && f.month.is_some()))
                }
                // `at 11 a.m. the following day`, `at dawn two days later`;
                // not a count that news reads as a length (`at 10:14 a.m.,
                // nine days after a first attempt`).
                Value::Shift { unit: Unit::Day, f, .. } => {
                    let news_length = f.story_only && c.document_type != DocumentType::Narrative;
                    !f.has_time() && f.part.is_none() && !f.vague && !news_length
                }
                _ => false,
            };
            return day.then_some((t, skipped));
        }
        None
    };
    // A heading (`1644–1646`, `1993`, `June to August` on a line of its
    // own): a sentence of a few tokens that no full stop (or `!`, `?`)
    // ends. Read off the tokens alone, so that a document tagged in pieces
    // reads its headings as one pass does.
    let heading = |n: &Node| -> bool {
        let (ss, se) = sentence_of.tokens_around(n.start as usize);
        let word = |k: usize| tokens.get(k).and_then(|t| text.get(t.start()..t.end()));
        se - ss <= HEADING_TOKENS && !word(se - 1).is_some_and(|w| matches!(w, "." | "!" | "?"))
    };
    let quoted = |n: &Node| super::ahead::quoted(text, tokens[n.start as usize].start());
    let compared = |n: &Node| cues(n).at.is_some_and(|k| words.past_phrase_at(k));
    // `since the first case was confirmed on Oct. 3`: `since` as far back
    // in the sentence as it governs a tense.
    let since = |n: &Node| tokens_back(n, PAST_BEFORE_TOKENS).any(|k| has_cue(k, cue::PAST_BEFORE));
    let mut r = Resolver::new(
        Doc {
            g,
            nodes: &scan.nodes,
            sentence_of,
            cues: &cues,
            after_in: &before_in,
            after_comma: &after_comma,
            before_event: &before_event,
            day_after: &day_after,
            continues: &continues,
            after_report: &after_report,
            after_purpose: &after_purpose,
            past_perfect: &past_perfect,
            reported_perfect: &reported_perfect,
            past_modal: &past_modal,
            in_relative: &in_relative,
            quoted: &quoted,
            compared: &compared,
            since: &since,
            heading: &heading,
            reference: c.opts.reference,
            doctype: c.document_type,
            prefer: c.opts.prefer,
        },
        carry,
    );
    // `in the fourth quarter` of a game: a quarter or half without a year in
    // a sentence with a word of games is no time expression.
    // So is a range on one with no year in any piece (`midway through the
    // first half`; not `from the first quarter through the third quarter of
    // 2025`).
    let period = |n: &Node| -> bool {
        let Value::Point(f) = &n.value else { return false };
        (f.quarter.is_some() || f.half.is_some()) && f.year.is_none() && !f.fiscal
    };
    let dated = |n: &Node| matches!(&n.value, Value::Point(f) if f.year.is_some());
    let play = |n: &Node| -> bool {
        let subs = || n.subs.as_slice().iter().map(|&s| &scan.nodes[s as usize]);
        if !(period(n) || (subs().any(period) && !subs().any(dated))) {
            return false;
        }
        let (ss, se) = sentence_of.tokens_around(n.start as usize);
        (ss..se).any(|k| g.words.get(scan.ids.get(k) as usize).is_some_and(|w| w.cues & cue::SPORT != 0))
    };
    // `Dana Winter ... Winter declined to comment`: a month or season name the
    // document gives a person is no date where it stands alone.
    let lone_name = |n: &Node| -> bool {
        n.end - n.start == 1
            && matches!(&n.value, Value::Point(f) if (f.month.is_some() || f.season.is_some())
                && f.day.is_none() && f.year.is_none())
    };
    // `see you at 5.`: a bare hour is a time only in conversation.
    // `he was 52 years old`: an age is a length only in a narrative.
    // `Soon, prices rose`: a reference word ahead only where the clause is
    // not past (`future_only` on a `ref`).
    let other_type = |n: &Node| -> bool {
        n.value.fields().is_some_and(|f| {
            (f.chat_only && c.document_type != DocumentType::Colloquial)
                || (f.narrative_only && c.document_type != DocumentType::Narrative)
                || (f.future_only && matches!(n.value, Value::Ref(_)) && cues(n).tense.is_past())
        })
    };
    for &t in tops {
        let n = &scan.nodes[t as usize];
        if play(n) || other_type(n) || (lone_name(n) && surnames.hides(n.start as usize)) {
            continue;
        }
        r.emit(t);
    }
    let (resolved, ranges, carry) = r.finish();
    let mut rules = Vec::new();
    let span = |id: NodeId| {
        let n = &scan.nodes[id as usize];
        (tokens[n.start as usize].start(), tokens[n.end as usize - 1].end())
    };
    out.timexes.extend(resolved.into_iter().map(|x| {
        let node = &scan.nodes[x.node as usize];
        // `within [a week]`: a leading word TimeML leaves out of the extent.
        let first = node.start as usize
            + usize::from(node.end > node.start + 1 && scan.in_list(node.start as usize, g.lists_used.extent_skip));
        let (start, end) = (tokens[first].start(), tokens[node.end as usize - 1].end());
        rules.clear();
        rules.push(rule_name(g, node.rule));
        via(g, &scan.nodes, x.node, &mut rules);
        // A US zone's offset depends on the day (daylight saving time).
        let zone = x.cal.and_then(|c| Some(zone_on(c.zone?, c.first_day())));
        Timex {
            start,
            end,
            timex_type: x.timex_type,
            days: x
                .cal
                .filter(|_| matches!(x.timex_type, super::TimexType::Date | super::TimexType::Time))
                .and_then(|c| c.interval())
                .map(|days| narrowed(days, x.modifier))
                .filter(|(a, b)| a < b),
            zone,
            granularity: x
                .cal
                .filter(|c| c.year.is_some() || c.decade.is_some() || c.century.is_some())
                .map(|c| c.gran.public()),
            clock: x.cal.and_then(|c| Some((c.hour?, c.minute.unwrap_or(0), c.second.unwrap_or(0)))),
            value: utc_value(g, x.value, zone).into(),
            modifier: x.modifier.and_then(TimexAttr::new),
            freq: x.freq.map(String::into_boxed_str),
            quant: x.quant.and_then(TimexAttr::new),
            explanation: Explanation::new(
                rule_lists.get(&rules),
                x.anchor,
                x.cue.tense,
                x.cue.at.map(|k| (offset(tokens[k].start()), offset(tokens[k].end()))),
                c.document_type,
            ),
        }
    }));
    // A range whose end comes before its begin is a misreading: its ends stay
    // expressions of their own.
    out.ranges.extend(
        ranges
            .into_iter()
            .filter(|x| match x.days {
                (Some(b), Some(e)) => b < e,
                _ => true,
            })
            .map(|x| {
                let (start, end) = span(x.node);
                // An end's time of day, where that end is a time on the
                // range's first (or last) day.
                let clock = |i: Option<usize>, day: Option<crate::Date>| {
                    let t = out.timexes.get(i?)?;
                    (t.timex_type == super::TimexType::Time && t.days.map(|d| d.0) == day).then_some(t.clock?)
                };
                let begin_clock = clock(x.begin, x.days.0);
                let end_clock = x.end_clock.or_else(|| clock(x.end, x.days.1.map(|d| d.add_days(-1))));
                TimeRange {
                    start,
                    end,
                    begin_timex: x.begin,
                    end_timex: x.end,
                    begin: x.days.0,
                    end_day: x.days.1,
                    begin_clock,
                    end_clock,
                    rule: rule_name(g, scan.nodes[x.node as usize].rule),
                }
            }),
    );
    carry
}

/// A byte offset of a text the tokenizer took (at most
/// [`crate::MAX_TEXT_BYTES`], 31 bits).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// `value` with ISO's `Z` where the language writes it (`utc_designator`):
/// a clock time (`…T16:00`) written in UTC (`16:00 GMT`).
fn utc_value(g: &Grammar, value: String, zone: Option<i16>) -> String {
    let clock = value
        .rsplit_once('T')
        .is_some_and(|(_, t)| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.'));
    if g.utc_designator && zone == Some(0) && clock { value + "Z" } else { value }
}

#[cfg(test)]
mod tests;
