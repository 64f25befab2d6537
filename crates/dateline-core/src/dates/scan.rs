//! Matching the rules over a document's tokens.
//!
//! At each token the grammar's start tables give the rules worth trying; each
//! rule is matched by backtracking over its elements (optional elements are
//! taken when they can be, longer sub-expressions first), and the longest
//! match wins, then the higher `priority`, then the earlier rule. The scan then jumps past it, so
//! expressions never overlap. Every (token, rule) result is remembered, so a
//! rule used inside others is matched once per position.
//!
//! This file is the matcher proper; beside it, in `scan/`: the candidates at
//! a token (`candidates.rs`), the builtin tests (`builtins.rs`), shape
//! matching (`shapes.rs`) and the per-thread memo (`memo.rs`).

mod builtins;
mod candidates;
mod cats;
mod collect;
pub(crate) mod ids;
mod memo;
mod shapes;

use rustc_hash::FxHashMap;

use super::DateOrder;
use super::fields::{Field, Fields, Got, assign};
use super::grammar::pattern::{Atom, Builtin, Elem};
use super::grammar::{Grammar, Needs, RuleSet};
use super::value::{NodeId, Subs, Value, make};
use crate::tokenize::{Token, gap_breaks};
pub(crate) use ids::WordIds;
use memo::{Memo, WINDOW};

/// A rule's match: its token span, the rule, its value and what it was built of.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub start: u32,
    pub end: u32,
    pub rule: u16,
    pub value: Value,
    pub subs: Subs,
}

#[derive(Clone, Copy)]
struct State {
    f: Fields,
    subs: Subs,
}

/// The state a match starts from: nothing filled (made once, not at every
/// try: the fields are many).
static START: std::sync::LazyLock<State> =
    std::sync::LazyLock::new(|| State { f: Fields::default(), subs: Subs::default() });

/// What matching one element did.
#[derive(Clone, Copy)]
enum Effect {
    Nothing,
    Assign(Field, Got),
    /// The fields of a shape's match (`shape_memo[pos][k]`).
    Shape(u32, u32),
    Sub(NodeId),
}

pub(crate) const NO_WORD: u32 = u32::MAX;

const NO_NODE: u32 = u32::MAX;

/// The most tokens an expression spans (a longer match is none): what lets
/// a rule be left out where a word it needs is not among the next tokens
/// ([`Scan::ahead`]).
pub(crate) const MAX_SPAN: usize = 64;

/// The nodes, and the positions with shapes looked for, a scan makes room
/// for at once: those of a short document, made without growing.
const FIRST_ROOM: usize = 32;

/// A rule in no lead group ([`Grammar::lead_group`]).
const NO_GROUP: u16 = u16::MAX;

pub(crate) struct Scan<'a> {
    g: &'a Grammar,
    text: &'a str,
    toks: &'a [Token],
    /// Each token's id in the grammar's vocabulary (`NO_WORD` if unknown).
    pub(crate) ids: WordIds<'a>,
    order: DateOrder,
    pub(crate) nodes: Vec<Node>,
    memo: Memo,
    shape_memo: FxHashMap<u32, Vec<(u16, u32, Fields)>>,
    /// The matches of the atoms being tried, a stack shared by the recursion.
    hits: Vec<(u32, Effect)>,
    /// The state of the last match of a rule's elements ([`Self::elems`]).
    done: State,
    /// For each token, the needed words ([`Needs`]) among it and the
    /// [`MAX_SPAN`] - 1 tokens after it (empty for a document longer than the
    /// ids kept: every rule is tried there).
    pub(crate) ahead: Vec<Needs>,
    /// The last candidates computed at a few positions (slot = position
    /// modulo [`candidates::CAND_SLOTS`]): where, the rules, and the
    /// categories of their rules (one bit each; all bits with more than 64
    /// categories).
    cand_at: [(usize, RuleSet, u64); candidates::CAND_SLOTS],
    /// The last builtin test: where, which, what it found.
    builtin_at: (usize, Builtin, Option<(usize, Got)>),
    /// For a window of positions: (position, categories known, categories
    /// with a match there that is a time expression).
    cats_at: [(usize, u64, u64); WINDOW],
    /// The node count at which the unneeded nodes are dropped next, and
    /// the least it is (see `collect.rs`).
    collect_at: usize,
    collect_min: usize,
    /// The text is one time expression: a context before the first token or
    /// after the last holds (see `TemporalTagger::standalone`).
    pub(crate) standalone: bool,
    /// The tokens a blank line comes before (a bit each): no expression
    /// spans one (`storm arriving Thursday` over a dateline `Tuesday,
    /// January 13, 2026` on the line after next).
    breaks: Vec<u64>,
    /// Every rule tried at every token, no shortcut: the oracle of the
    /// start tables and shortcuts (tests only).
    #[cfg(test)]
    slow: bool,
}

/// The tokens of `toks` a blank line comes before, a bit each: the blank
/// lines that end sentences ([`gap_breaks`]), found from the text's line
/// breaks (far fewer than its tokens).
fn blank_lines(text: &str, toks: &[Token]) -> Vec<u64> {
    let mut bits = vec![0u64; toks.len().div_ceil(64)];
    for (p, _) in text.match_indices('\n') {
        let k = toks.partition_point(|t| t.start() <= p);
        if k > 0 && k < toks.len() && gap_breaks(&text[toks[k - 1].end()..toks[k].start()]).1 {
            bits[k / 64] |= 1 << (k % 64);
        }
    }
    bits
}

impl<'a> Scan<'a> {
    pub(crate) fn new(g: &'a Grammar, text: &'a str, toks: &'a [Token], order: DateOrder) -> Self {
        let ids = WordIds::of(g, text, toks);
        let ahead = Self::needs_ahead(g, &ids);
        Self {
            g,
            text,
            toks,
            ids,
            order,
            // Room for what a short document finds (most are short).
            nodes: Vec::with_capacity(FIRST_ROOM),
            memo: Memo::new(g.rules.len(), toks.len()),
            shape_memo: FxHashMap::with_capacity_and_hasher(FIRST_ROOM, rustc_hash::FxBuildHasher),
            hits: Vec::with_capacity(64),
            done: State { f: Fields::default(), subs: Subs::default() },
            ahead,
            cand_at: [(usize::MAX, RuleSet::default(), 0); candidates::CAND_SLOTS],
            builtin_at: (usize::MAX, Builtin::Any, None),
            cats_at: [(usize::MAX, 0, 0); WINDOW],
            collect_at: collect::FIRST_COLLECTION,
            collect_min: collect::FIRST_COLLECTION,
            standalone: false,
            breaks: blank_lines(text, toks),
            #[cfg(test)]
            slow: false,
        }
    }

    /// Whether a blank line lies between tokens `start` and `end` (a match
    /// of `start..end` spans one).
    #[inline]
    fn spans_blank_line(&self, start: usize, end: usize) -> bool {
        if end <= start + 1 {
            return false;
        }
        // The bits of tokens start + 1 ..= end - 1, a word at a time.
        let (a, b) = (start + 1, end - 1);
        (a / 64..=b / 64).any(|w| {
            let lo = if w == a / 64 { a % 64 } else { 0 };
            let hi = if w == b / 64 { b % 64 } else { 63 };
            let mask = (u64::MAX >> (63 - hi)) & (u64::MAX << lo);
            self.breaks.get(w).is_some_and(|x| x & mask != 0)
        })
    }

    /// The same scan with every rule tried at every token and no shortcut.
    #[cfg(test)]
    pub(crate) fn slow(mut self) -> Self {
        self.slow = true;
        self
    }

    /// The same scan dropping unneeded nodes from `n` nodes on (`usize::MAX`: never).
    #[cfg(test)]
    pub(crate) fn collecting_from(mut self, n: usize) -> Self {
        self.collect_at = n;
        self.collect_min = n;
        self
    }

    #[inline(always)]
    fn id(&self, i: usize) -> u32 {
        self.ids.get(i)
    }

    fn info(&self, i: usize) -> Option<&'a super::grammar::WordInfo> {
        let g: &'a Grammar = self.g;
        g.words.get(self.id(i) as usize)
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start()..t.end()])
    }

    /// Whether token `i` is a word of list `l` (none: no list of that use).
    pub(crate) fn in_list(&self, i: usize, l: Option<usize>) -> bool {
        l.is_some_and(|l| self.info(i).is_some_and(|w| w.lists & (1 << l) != 0))
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` is a word of list `l` (capitalised, with `cap`).
    fn of_list(&self, i: usize, l: usize, cap: bool) -> bool {
        self.in_list(i, Some(l)) && (!cap || self.capitalized(i))
    }

    /// The expressions of the document: top-level nodes in text order.
    #[cfg(test)]
    pub(crate) fn run(&mut self) -> Vec<NodeId> {
        self.run_from(0, usize::MAX).0
    }

    /// The expressions that start from token `from` on and before token
    /// `stop`, in text order, and the token the scan goes on from (at or past
    /// `stop`: the last expression may end past it). Scanning a text piece
    /// by piece, each piece from where the last ended, finds what one scan
    /// finds.
    pub(crate) fn run_from(&mut self, from: usize, stop: usize) -> (Vec<NodeId>, usize) {
        let mut out = Vec::new();
        let n = self.toks.len().min(stop);
        let mut i = from;
        while i < n {
            if !self.may_start(i) {
                i += 1;
                continue;
            }
            self.maybe_collect(&mut out);
            let g: &'a Grammar = self.g;
            let mut set = self.cached_candidates(i);
            set.intersect_with(&g.top);
            if set.is_empty() {
                i += 1;
                continue;
            }
            // The longest match wins; on a tie the higher priority, then the earlier rule.
            let mut best: Option<NodeId> = None;
            // The groups of rules that must start with a sub-expression
            // whose categories were looked for here (one bit each), and those
            // with no match: their rules are not tried.
            let (mut asked, mut refused) = (0u64, 0u64);
            for r in set.iter() {
                if let Some(&k) = g.lead_group.get(r).filter(|&&k| k != NO_GROUP && !self.is_slow()) {
                    let bit = 1u64 << (k % 64);
                    if asked & bit == 0 {
                        asked |= bit;
                        if !self.cats_match(i, g.lead_groups[usize::from(k)]) {
                            refused |= bit;
                        }
                    }
                    if refused & bit != 0 {
                        continue;
                    }
                }
                if let Some(id) = self.try_rule(r, i) {
                    let better = best.is_none_or(|b| {
                        let (n, o) = (&self.nodes[id as usize], &self.nodes[b as usize]);
                        n.end > o.end
                            || (n.end == o.end
                                && self.g.rules[n.rule as usize].priority > self.g.rules[o.rule as usize].priority)
                    });
                    if better {
                        best = Some(id);
                    }
                }
            }
            match best {
                Some(id) => {
                    let node = &self.nodes[id as usize];
                    if node.value != Value::None {
                        out.push(id);
                    }
                    i = node.end as usize;
                }
                None => i += 1,
            }
        }
        (out, i.max(from))
    }

    /// The match of rule `rule` at token `start` again, after [`Self::release`]
    /// (a match depends on nothing but the rule, the token and the text).
    pub(crate) fn rematch(&mut self, start: u32, rule: u16) -> Option<NodeId> {
        self.try_rule(usize::from(rule), start as usize)
    }

    /// Drops every node (no expression found so far is kept).
    pub(crate) fn release(&mut self) {
        self.collect(&mut []);
    }

    /// Rule `r` matched at token `i`, remembered. Inlined: most tries find
    /// the result remembered, or the rule's lead categories with no match.
    #[inline(always)]
    fn try_rule(&mut self, r: usize, i: usize) -> Option<NodeId> {
        if let Some(id) = self.memo.get(i, r) {
            return (id != NO_NODE).then_some(id);
        }
        // A rule that must follow some words fails at once after another.
        if let Some(Some((words, lists))) = self.g.before_words.get(r)
            && i > 0
            && i <= self.toks.len()
            && !self.is_slow()
            && !words.contains(&self.id(i - 1))
            && self.info(i - 1).is_none_or(|w| w.lists & lists == 0)
        {
            self.memo.set(i, r, NO_NODE);
            return None;
        }
        // A rule that starts with sub-expressions fails at once where none of
        // their categories has a match.
        let lead = self.g.lead_cats.get(r).copied().unwrap_or(0);
        if lead != 0 && !self.is_slow() && !self.cats_match(i, lead) {
            self.memo.set(i, r, NO_NODE);
            return None;
        }
        self.match_rule(r, i)
    }

    /// [`Self::try_rule`] where the memo has no result: the rule's elements
    /// matched, the result remembered.
    #[inline(never)]
    fn match_rule(&mut self, r: usize, i: usize) -> Option<NodeId> {
        // No rule can reach itself at the same token (left recursion is refused
        // when the grammar compiles), so nothing needs marking while it runs.
        let g = self.g;
        let id = match self.elems(&g.rules[r].elems, 0, i, &START, i) {
            Some(end) => self.node_of_match(r, i, end),
            None => None,
        };
        self.memo.set(i, r, id.unwrap_or(NO_NODE));
        id
    }

    /// The node of rule `r`'s match of tokens `i..end`, its state in
    /// `self.done`: none if its value cannot be made. Apart from
    /// [`Self::match_rule`], whose frame stays small for the many tries that
    /// fail.
    #[inline(never)]
    fn node_of_match(&mut self, r: usize, i: usize, end: usize) -> Option<NodeId> {
        let rule = &self.g.rules[r];
        let subs = self.done.subs;
        // A rule's constants fill what the match left empty (most rules have none).
        let mut f = self.done.f;
        if !rule.consts.is_empty() {
            let mut consts = Fields::default();
            for &(field, got) in &rule.consts {
                if !assign(&mut consts, field, got) {
                    return None;
                }
            }
            f.fill_from(&consts);
        }
        let nodes = &self.nodes;
        let value = make(rule, f, subs.as_slice(), &|id| nodes[id as usize].value.clone())?;
        let id = u32::try_from(self.nodes.len()).ok()?;
        self.nodes.push(Node {
            start: u32::try_from(i).ok()?,
            end: u32::try_from(end).ok()?,
            rule: u16::try_from(r).ok()?,
            value,
            subs,
        });
        Some(id)
    }

    /// Matches `elems[k..]` from token `pos` (the expression started at `start`):
    /// the end of the match, its state left in `self.done`. The state is
    /// copied only where a match changes it.
    fn elems(&mut self, elems: &'a [Elem], k: usize, pos: usize, st: &State, start: usize) -> Option<usize> {
        if pos > start + MAX_SPAN {
            return None;
        }
        let Some(e) = elems.get(k) else {
            // No match ends on a comma (`mid-October, after` with
            // `… ,? YEAR?`): the optional comma is given back.
            if pos > start && self.word(pos - 1) == "," {
                return None;
            }
            if self.spans_blank_line(start, pos) {
                return None;
            }
            // The last write before the rule's match returns (its pieces
            // were matched before).
            self.done = *st;
            return Some(pos);
        };
        match e {
            Elem::Context { alts, negated } => {
                // Before the expression: the token before `start`; after it: the token at `pos`.
                let before = elems[k..].iter().any(|x| matches!(x, Elem::Atoms { .. }));
                let at = if before { start.checked_sub(1) } else { Some(pos) };
                let hit = match at {
                    Some(t) if t < self.toks.len() => alts.iter().any(|a| self.one_token(a, t)),
                    _ => self.standalone && !*negated,
                };
                if hit == *negated {
                    return None;
                }
                self.elems(elems, k + 1, pos, st, start)
            }
            Elem::Atoms { alts, optional } => {
                if pos < self.toks.len() {
                    for a in alts {
                        // A word, or a word of a list: one token, nothing to fill.
                        let word = match a {
                            Atom::Word(_, id) => Some(self.id(pos) == *id),
                            Atom::List(l, cap) => Some(self.of_list(pos, *l, *cap)),
                            _ => None,
                        };
                        if let Some(hit) = word {
                            if hit && let Some(done) = self.elems(elems, k + 1, pos + 1, st, start) {
                                return Some(done);
                            }
                            continue;
                        }
                        let base = self.hits.len();
                        self.atom(a, pos);
                        let top = self.hits.len();
                        for h in base..top {
                            let (end, eff) = self.hits[h];
                            let done = if let Effect::Nothing = eff {
                                self.elems(elems, k + 1, end as usize, st, start)
                            } else {
                                let mut st2 = *st;
                                let ok = match eff {
                                    Effect::Nothing => true,
                                    Effect::Assign(field, got) => assign(&mut st2.f, field, got),
                                    Effect::Shape(p, k) => {
                                        if let Some(x) = self.shape_memo.get(&p).and_then(|v| v.get(k as usize)) {
                                            st2.f.fill_from(&x.2);
                                        }
                                        true
                                    }
                                    Effect::Sub(id) => st2.subs.push(id),
                                };
                                if ok { self.elems(elems, k + 1, end as usize, &st2, start) } else { None }
                            };
                            if let Some(done) = done {
                                self.hits.truncate(base);
                                return Some(done);
                            }
                        }
                        self.hits.truncate(base);
                    }
                }
                if *optional { self.elems(elems, k + 1, pos, st, start) } else { None }
            }
        }
    }

    /// Whether a one-token atom (of a context) matches token `i`.
    fn one_token(&mut self, a: &Atom, i: usize) -> bool {
        match a {
            Atom::Builtin { b: Builtin::Cap, .. } => {
                self.capitalized(i) && self.word(i).chars().all(char::is_alphabetic)
            }
            Atom::Builtin { b: Builtin::Any, .. } => true,
            // A word or a word of a list (most alternatives of a context):
            // what `atom` finds, with no hit pushed.
            Atom::Word(_, id) => self.id(i) == *id,
            Atom::List(l, cap) => self.of_list(i, *l, *cap),
            _ => {
                let base = self.hits.len();
                self.atom(a, i);
                let hit = self.hits[base..].iter().any(|(end, _)| *end as usize == i + 1);
                self.hits.truncate(base);
                hit
            }
        }
    }

    fn hit(&mut self, end: usize, eff: Effect) {
        self.hits.push((u32::try_from(end).unwrap_or(u32::MAX), eff));
    }

    /// The ways atom `a` matches at token `i`, longest first, pushed on
    /// `self.hits` as (end token, effect).
    fn atom(&mut self, a: &Atom, i: usize) {
        let g: &'a Grammar = self.g;
        match a {
            Atom::Word(_, id) => {
                if self.id(i) == *id {
                    self.hit(i + 1, Effect::Nothing);
                }
            }
            Atom::List(l, cap) => {
                if self.of_list(i, *l, *cap) {
                    self.hit(i + 1, Effect::Nothing);
                }
            }
            Atom::Class { class, field, cap, .. } => {
                let Some(info) = self.info(i) else { return };
                if info.classes & (1 << class.index()) == 0 || (*cap && !self.capitalized(i)) {
                    return;
                }
                for &k in &info.entries {
                    let e = &g.lex.entries[k as usize];
                    if !a.takes_entry(e) {
                        continue;
                    }
                    if e.rest_ids.iter().enumerate().all(|(k, w)| self.id(i + 1 + k) == *w) {
                        self.hit(i + 1 + e.rest_ids.len(), Effect::Assign(*field, e.got));
                    }
                }
            }
            Atom::Builtin { b, field } => {
                // The rules that start at a number read it one after another.
                let found = match self.builtin_at {
                    (at, x, found) if at == i && x == *b && !self.is_slow() => found,
                    _ => {
                        let found = self.builtin(*b, i);
                        self.builtin_at = (i, *b, found);
                        found
                    }
                };
                if let Some((end, got)) = found {
                    self.hit(end, field.map_or(Effect::Nothing, |f| Effect::Assign(f, got)));
                }
            }
            Atom::Shape(s) => {
                let rest = self.toks.get(i).map_or(&[][..], |t| &self.text.as_bytes()[t.start()..]);
                if !self.is_slow() && !g.shapes.list[*s].may_start(rest) {
                    return;
                }
                let s = u16::try_from(*s).unwrap_or(u16::MAX);
                self.shapes_at(i);
                let p = u32::try_from(i).unwrap_or(u32::MAX);
                let n = self.shape_memo.get(&p).map_or(0, Vec::len);
                for k in 0..n {
                    let (shape, end) = self.shape_memo.get(&p).map_or((u16::MAX, 0), |v| (v[k].0, v[k].1));
                    if shape == s {
                        self.hit(end as usize, Effect::Shape(p, u32::try_from(k).unwrap_or(u32::MAX)));
                    }
                }
            }
            Atom::Sub(cats) => {
                // Where none of the categories has a match (known once per
                // position and category), nothing is tried.
                let fast = g.categories.len() <= 64 && !self.is_slow();
                if fast {
                    let mask = cats.iter().fold(0u64, |m, &c| m | 1 << c);
                    if !self.cats_match(i, mask) {
                        return;
                    }
                }
                // Nor is anything tried for a category none of whose rules
                // is a candidate here, or known to have no match here.
                let skip = if fast {
                    let (known, ok) = self.cats_known(i);
                    !self.candidate_cats(i) | (known & !ok)
                } else {
                    0
                };
                let cand = self.cached_candidates(i);
                let base = self.hits.len();
                for &c in cats {
                    if c < 64 && skip >> c & 1 != 0 {
                        continue;
                    }
                    let mut set = cand;
                    set.intersect_with(&g.cat_sets[c]);
                    for r in set.iter() {
                        // A match that is not a time expression is never a piece of one.
                        if let Some(id) = self.try_rule(r, i)
                            && self.nodes[id as usize].value != Value::None
                        {
                            let end = self.nodes[id as usize].end as usize;
                            // One node per end (the earlier rule).
                            if !self.hits[base..].iter().any(|(e, _)| *e as usize == end) {
                                self.hit(end, Effect::Sub(id));
                            }
                        }
                    }
                }
                // Longest first.
                self.hits[base..].sort_by_key(|(e, _)| std::cmp::Reverse(*e));
            }
        }
    }

    /// Whether this is the oracle's scan, with no shortcut.
    fn is_slow(&self) -> bool {
        #[cfg(test)]
        return self.slow;
        #[cfg(not(test))]
        false
    }
}
