//! The resolver: one pass over a document's expressions in text order. It is
//! the only code that anchors on the reference date (`doctype.rs` only compares
//! years with it to choose a document type). Each unresolved value is
//! anchored on the reference date (news, colloquial) or on the story's own
//! time, the latest explicit date before it (narrative, and anaphora such as
//! `the next day` in any document), and rendered to TIMEX3.
//!
//! Its parts: `anchoring.rs` reads points against their anchor, `shift.rs`
//! counts shifts from their base, `build.rs` makes calendar values from
//! fields, `range.rs` completes the ends of a range from each other,
//! `bounds.rs` resolves the ranges with one end written (`for two weeks from
//! May 20`, `since March`, `until Friday`), `told.rs` finds the date a point
//! without a year is read against, and `carry.rs` holds what one group of
//! expressions leaves the next.

mod anchoring;
mod bc;
mod bounds;
mod build;
mod carry;
mod clock;
mod range;
mod shift;
mod told;

use super::cal::{Cal, Gran, narrowed, shift_date};
use super::fields::{Dir, Field, Fields, Got, Unit};
use super::grammar::{Base, Grammar};
use super::render;
use super::scan::Node;
use super::tagger::SentenceOf;
use super::tense::{Cue, Tense};
use super::value::{NodeId, Value};
use super::{Anchor, DocumentType, Prefer, TimexType};
use crate::civil::Date;
pub(crate) use carry::Carry;
use range::{complete, span_days};

/// One resolved expression, before it becomes a [`super::Timex`].
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    pub node: NodeId,
    pub timex_type: TimexType,
    pub value: String,
    pub cal: Option<Cal>,
    pub modifier: Option<&'static str>,
    pub freq: Option<String>,
    pub quant: Option<&'static str>,
    pub anchor: Anchor,
    pub cue: Cue,
}

/// A range over resolved expressions (indices into the resolved list).
#[derive(Clone, Debug)]
pub(crate) struct ResolvedRange {
    pub node: NodeId,
    pub begin: Option<usize>,
    pub end: Option<usize>,
    pub days: (Option<Date>, Option<Date>),
    /// The time of day the range ends at, where the range computes it (a
    /// length of hours from a time); else read off its end expression.
    pub end_clock: Option<range::Clock>,
}

/// What the resolver reads of the document.
pub(crate) struct Doc<'a> {
    pub g: &'a Grammar,
    pub nodes: &'a [Node],
    /// The sentence of each token.
    pub sentence_of: SentenceOf<'a>,
    pub cues: &'a dyn Fn(&Node) -> Cue,
    /// Whether the word before a node is `in`.
    pub after_in: &'a dyn Fn(&Node) -> bool,
    /// Whether the word before a node is a comma.
    pub after_comma: &'a dyn Fn(&Node) -> bool,
    /// Whether a node is followed by a noun of an event, after `'s` or not
    /// (`Sunday's final`).
    pub before_event: &'a dyn Fn(&Node) -> bool,
    /// The day written just after a time alone (`at 10:30 a.m. EDT (1430
    /// GMT) on Monday`), and how many times alone come between them.
    pub day_after: &'a dyn Fn(&Node) -> Option<(NodeId, usize)>,
    /// Whether a node's sentence opens with a word that goes on from the
    /// sentence before (`It`, `They`, `That`: list `continuing`).
    pub continues: &'a dyn Fn(&Node) -> bool,
    /// Whether a node follows a word of reported speech (`said Saturday`,
    /// `announced on Monday`): the day of a report, not of its events.
    pub after_report: &'a dyn Fn(&Node) -> bool,
    /// Whether a node follows a word naming what a time is for (`the
    /// budget for 1968`): in a narrative, not the story's time.
    pub after_purpose: &'a dyn Fn(&Node) -> bool,
    /// Whether the clause whose tense cue is token `k` is in the past
    /// perfect (`had been dominated by the closure in 2013`): in a
    /// narrative, a look back.
    pub past_perfect: &'a dyn Fn(usize) -> bool,
    /// Whether the clause whose cue is a token is a past perfect reported
    /// after a past verb and `that` (see `Words::reported_perfect`).
    pub reported_perfect: &'a dyn Fn(usize) -> bool,
    /// Whether token `k` is a past form of a modal (`would`): a future
    /// seen from the story's past, no plan of the writer's.
    pub past_modal: &'a dyn Fn(usize) -> bool,
    /// Whether a node ends a relative clause or an aside closed by a comma
    /// right after it (`who took over in 1994, said`, `speakers, first sold
    /// in 2017, have`).
    pub in_relative: &'a dyn Fn(&Node) -> bool,
    /// Whether a node stands inside a quotation: in news, speech of the
    /// story's day.
    pub quoted: &'a dyn Fn(&Node) -> bool,
    /// Whether a node's tense comes from a phrase of comparison (`down
    /// from 2.5 percent in the April-June period`): a period compared
    /// with, not the one a report is about.
    pub compared: &'a dyn Fn(&Node) -> bool,
    /// Whether a word of `past_before` (`since`) comes before a node, as far
    /// back in its sentence as it governs a tense.
    pub since: &'a dyn Fn(&Node) -> bool,
    /// Whether a node is in a heading: a sentence of a few tokens that no
    /// full stop ends (`1644–1646` on a line of its own).
    pub heading: &'a dyn Fn(&Node) -> bool,
    pub reference: Option<Date>,
    pub doctype: DocumentType,
    pub prefer: Option<Prefer>,
}

fn rank(g: Gran) -> usize {
    match g {
        // Decades and centuries are never remembered; counted from a story,
        // they start from its latest year (`the previous decade`).
        Gran::Century | Gran::Decade | Gran::Year => 4,
        Gran::Half | Gran::Quarter => 3,
        Gran::Season | Gran::Month => 2,
        Gran::Week => 1,
        _ => 0,
    }
}

/// How many expressions [`Resolver::emit`] records for a top-level node:
/// both ends of a range (and the day they fall on, if written) or of a
/// length from a point, one otherwise.
pub(crate) fn expressions_of(node: &Node) -> usize {
    match node.value {
        Value::Range { on: Some(_), .. } => 3,
        Value::Range { .. } | Value::For { .. } => 2,
        Value::List3 { .. } => 3,
        _ => 1,
    }
}

pub(crate) struct Resolver<'a> {
    d: Doc<'a>,
    carry: Carry,
    /// The expression index of `out[0]`.
    base: usize,
    out: Vec<Resolved>,
    ranges: Vec<ResolvedRange>,
    /// Resolving the ends of a range, whose hours are read together.
    in_range: bool,
    /// A day counted from the story read ahead for the time alone before it
    /// (`at 11 a.m. the following day`), and the value it keeps: the time
    /// does not move it on.
    day_ahead: Option<(NodeId, (Option<Cal>, Anchor))>,
    /// Resolving a narrative's heading (`1642–1643`, `1994` on a line of
    /// its own): it labels a section. A day or month without a year after
    /// it takes its year, but the story's counts (`the following year`,
    /// `the next month`) go on from the last time the text told of.
    heading: bool,
}

impl<'a> Resolver<'a> {
    /// A resolver going on from `carry` (`Carry::default()` for a
    /// document's first expressions).
    pub(crate) fn new(d: Doc<'a>, carry: Carry) -> Self {
        let base = carry.starts.len();
        Self { d, carry, base, out: Vec::new(), ranges: Vec::new(), in_range: false, day_ahead: None, heading: false }
    }

    /// Resolved expression `i` (an index over the document).
    fn res(&self, i: usize) -> &Resolved {
        &self.out[i - self.base]
    }

    fn res_mut(&mut self, i: usize) -> &mut Resolved {
        &mut self.out[i - self.base]
    }

    /// The index the next resolved expression gets.
    fn next_index(&self) -> usize {
        self.base + self.out.len()
    }

    /// Records `r`; its index.
    fn push(&mut self, r: Resolved) -> usize {
        self.carry.starts.push(self.d.nodes[r.node as usize].start);
        self.carry.last_end = self.d.nodes[r.node as usize].end;
        self.out.push(r);
        self.next_index() - 1
    }

    /// The first token of resolved expression `i`.
    fn start_of(&self, i: usize) -> usize {
        self.carry.starts[i] as usize
    }

    fn node(&self, id: NodeId) -> &'a Node {
        &self.d.nodes[id as usize]
    }

    fn sentence(&self, n: &Node) -> u32 {
        self.sentence_at(n.start as usize)
    }

    /// The sentence of token `k`.
    fn sentence_at(&self, k: usize) -> u32 {
        self.d.sentence_of.get(k).unwrap_or(0)
    }

    /// Whether node `n` is a sentence of its own (a dateline, `Thursday,
    /// January 26, 2023`).
    fn whole_sentence(&self, n: &Node) -> bool {
        let s = self.sentence(n);
        let start = n.start as usize;
        (start == 0 || self.d.sentence_of.get(start - 1) != Some(s))
            && self.d.sentence_of.get(n.end as usize) != Some(s)
    }

    /// Whether token `k` is among the first two of its sentence (`In 1976, ...`).
    fn opens_sentence_at(&self, k: usize) -> bool {
        let s = self.sentence_at(k);
        (1..=2).any(|back| k < back || self.d.sentence_of.get(k - back).is_some_and(|x| x != s))
    }

    /// Resolves a top-level expression (and the ends of a range).
    pub(crate) fn emit(&mut self, id: NodeId) {
        let before = self.out.len();
        self.emit_one(id);
        debug_assert_eq!(self.out.len() - before, expressions_of(self.node(id)), "expressions of node {id}");
    }

    fn emit_one(&mut self, id: NodeId) {
        let node = self.node(id);
        self.heading = self.d.doctype == DocumentType::Narrative && (self.d.heading)(node);
        match &node.value {
            Value::Range { begin, end, on } => self.emit_range(id, *begin, *end, *on),
            Value::List3 { items } => {
                let items = *items;
                // The day that names the month (first or last) completes the bare ones.
                let mut fields = items.map(|x| self.node(x).value.fields().copied().unwrap_or_default());
                let full = usize::from(fields[0].month.is_none()) * 2;
                // A year that ends the list (`May 5, 6 and 7, 2003`) is the month's too.
                let year_last = fields[full].year.is_none() && fields[2].year.is_some();
                if year_last {
                    fields[full].year = fields[2].year;
                }
                let node = self.node(items[full]);
                let cal = self.point(&fields[full], node, (self.d.cues)(node)).0;
                for (k, x) in items.into_iter().enumerate() {
                    let f = if k != full {
                        Some(complete(fields[k], &fields[full], cal))
                    } else {
                        year_last.then_some(fields[full])
                    };
                    self.one(x, f, None);
                }
            }
            Value::For { point, duration } => self.emit_for(id, *point, *duration),
            Value::Since(x) => self.emit_since_until(id, *x, true),
            Value::Until(x) => self.emit_since_until(id, *x, false),
            Value::Span { duration, dir, f } => {
                let df = match duration {
                    Some(d) => self.node(*d).value.fields().copied().unwrap_or_default(),
                    None => *f,
                };
                let i = match duration {
                    Some(d) => self.one(id, None, Some(*d)),
                    None => self.one_duration(id, &df),
                };
                if let Some(m) = f.modifier {
                    self.res_mut(i).modifier = Some(m);
                }
                let ahead = !matches!(dir, Dir::Past | Dir::Last | Dir::Previous);
                let days = self.text_now(ahead).map_or((None, None), |r| span_days(r, &df, *dir));
                self.ranges.push(ResolvedRange { node: id, begin: None, end: None, days, end_clock: None });
            }
            _ => {
                self.one(id, None, None);
            }
        }
    }

    /// The day a span or `until` counts from: for one looking ahead in a
    /// narrative (`within four years` of 1347, `until 1918`), the story's
    /// time; else the reference date (`has been debated for the past 1,600
    /// years`, `since 1918 the border has not moved`: up to now).
    fn text_now(&self, ahead: bool) -> Option<Date> {
        match (self.d.doctype, self.carry.last) {
            (DocumentType::Narrative, Some((_, c))) if ahead => c.first_day(),
            _ => self.d.reference,
        }
    }

    /// The direction a rule's constants give its ends (`lean = "future"`).
    fn rule_lean(&self, node: &Node) -> Option<Dir> {
        self.d.g.rules[node.rule as usize].consts.iter().find_map(|(f, g)| match (f, g) {
            (Field::Lean, Got::Dir(d)) => Some(*d),
            _ => None,
        })
    }

    /// Moves resolved expression `i` (with calendar value `c`) by `years`.
    fn set_year(&mut self, i: usize, c: Cal, years: i32) {
        let Some(y) = c.year else { return };
        let mut c2 = c;
        c2.year = Some(y + years);
        if (c2.gran >= Gran::Day && c2.date().is_none()) || !c2.on_calendar() {
            return; // 29 February, or off the calendar
        }
        self.res_mut(i).value = c2.render();
        self.res_mut(i).cal = Some(c2);
    }

    /// How this document writes a length of centuries.
    fn centuries(&self) -> render::Centuries {
        if self.d.doctype == DocumentType::Narrative { render::Centuries::Whole } else { render::Centuries::Years }
    }

    /// Records node `id` as the duration `f`.
    fn one_duration(&mut self, id: NodeId, f: &Fields) -> usize {
        let node = self.node(id);
        let r = Resolved {
            node: id,
            timex_type: TimexType::Duration,
            value: render::duration(f, self.centuries()),
            cal: None,
            modifier: f.modifier,
            freq: None,
            quant: None,
            anchor: Anchor::None,
            cue: (self.d.cues)(node),
        };
        self.push(r)
    }

    fn first_day(&self, i: usize) -> Option<Date> {
        let r = self.res(i);
        match r.cal {
            Some(_) => self.days(i).map(|d| d.0),
            // `between now and ...`
            None if r.value == "PRESENT_REF" => self.d.reference,
            None => None,
        }
    }

    /// The days expression `i` covers, the part its modifier names
    /// (`the end of 1989` from September).
    fn days(&self, i: usize) -> Option<(Date, Date)> {
        let r = self.res(i);
        r.cal.and_then(|c| c.interval()).map(|d| narrowed(d, r.modifier))
    }

    /// The calendar value node `id` would resolve to, without recording it.
    fn peek(&self, id: NodeId) -> Option<Cal> {
        let node = self.node(id);
        let cue = (self.d.cues)(node);
        match &node.value {
            Value::Point(f) => self.point(f, node, cue).0,
            Value::Shift { base, unit, n, f } => self.shift(*base, *unit, *n, f, node).0,
            _ => None,
        }
    }

    /// Resolves node `id` (with `fields` in place of its own point fields,
    /// or the value of node `value_of` over its span) and records it; returns
    /// its index.
    fn one(&mut self, id: NodeId, fields: Option<Fields>, value_of: Option<NodeId>) -> usize {
        let value = match (fields, value_of) {
            (Some(f), _) => Value::Point(f),
            (None, Some(v)) => self.node(v).value.clone(),
            (None, None) => self.node(id).value.clone(),
        };
        self.one_value(id, value)
    }

    /// Resolves node `id` as `value` and records it; returns its index.
    fn one_value(&mut self, id: NodeId, value: Value) -> usize {
        let node = self.node(id);
        let cue = (self.d.cues)(node);
        let g = self.d.g;
        let rule = &g.rules[node.rule as usize];
        let mut r = Resolved {
            node: id,
            timex_type: TimexType::Date,
            value: String::new(),
            cal: None,
            modifier: value.fields().and_then(|f| f.modifier),
            freq: None,
            quant: None,
            anchor: Anchor::None,
            cue,
        };
        let mut remember = true;
        match &value {
            Value::Point(f) => {
                let (cal, anchor) = self.point(f, node, cue);
                let cal = if f.day_start { cal.map(day_start) } else { cal };
                r.anchor = anchor;
                // A time that took the day written after it (its anchor is
                // that expression, not yet resolved): keep that day's value.
                let ahead = matches!(anchor, Anchor::Expression { index } if index as usize > self.next_index());
                if f.time_alone() && cal.is_some() && ahead {
                    self.day_ahead = self.shift_ahead(node);
                }
                // `the previous summer`: a look back; the story stays put.
                remember = !f.aside;
                match cal {
                    Some(c) => {
                        r.timex_type = if c.gran >= Gran::Part { TimexType::Time } else { TimexType::Date };
                        r.value = c.render();
                        r.cal = Some(c);
                        // `In 2012, ...`: the sentence is about that year.
                        // Not one in a relative clause or an aside (`the chief
                        // executive who took over in 1994, said orders in October`).
                        let aside = (self.d.in_relative)(node);
                        if f.year.is_some() && c.gran == Gran::Year && (self.d.after_in)(node) && !aside {
                            self.carry.sentence_year =
                                Some((self.sentence(node), c.year.unwrap_or(0), self.next_index()));
                        }
                    }
                    None => {
                        let fixed =
                            f.holiday.and_then(|h| g.lex.holidays.get(usize::from(h))).and_then(|x| x.1.fixed_day());
                        r.value = render::underspecified(f, fixed);
                    }
                }
                if f.has_time() && r.cal.is_none() {
                    r.timex_type = TimexType::Time;
                }
            }
            Value::Shift { unit, n, f, .. }
                if f.future_only && (cue.tense.is_past() || cue.tense == Tense::Present)
                    || f.story_only && !(self.d.doctype == DocumentType::Narrative && self.carry.last.is_some()) =>
            {
                // `the first rise in two years`, `two days after the attack` in
                // news: a length of time, not a date.
                shift_as_duration(&mut r, *unit, *n, f, self.centuries());
                remember = false;
            }
            Value::Shift { base, unit, n, f } => {
                // A time before that leans to the past (`overnight`, the night
                // before) is the coming one in a clause that looks ahead
                // (`temperatures could fall to -18C overnight`).
                let ahead = *n < 0 && f.lean == Some(Dir::Past) && cue.tense == Tense::Future;
                let n = if ahead { &0 } else { n };
                remember = !(f.aside || *base == Base::Story && *n == 0);
                // A history's `Today it is a museum`, `historians today
                // regard it as ...`: the writer's present, not the story's
                // day, whatever tense the cues found before it.
                let today = *base == Base::Speech && *n == 0 && *unit == Unit::Day && !f.has_time();
                let ahead = self.day_ahead.take_if(|(t, _)| *t == id).map(|x| x.1);
                let (cal, anchor) = if let Some(x) = ahead {
                    x
                } else if today && self.d.doctype == DocumentType::Narrative {
                    remember = false;
                    (None, Anchor::None)
                } else {
                    self.shift(*base, *unit, *n, f, node)
                };
                r.anchor = anchor;
                match cal {
                    None if f.story_only => {
                        r.anchor = Anchor::None;
                        shift_as_duration(&mut r, *unit, *n, f, self.centuries());
                        remember = false;
                    }
                    Some(c) => {
                        r.timex_type = if c.gran >= Gran::Part { TimexType::Time } else { TimexType::Date };
                        r.value = c.render();
                        r.cal = Some(c);
                    }
                    None => {
                        r.value = match n.signum() {
                            -1 => "PAST_REF",
                            1 => "FUTURE_REF",
                            _ => "PRESENT_REF",
                        }
                        .to_owned();
                    }
                }
            }
            Value::Offset { base, unit, n, f: of } => {
                let bn = self.node(*base);
                let base_cal = match &bn.value {
                    Value::Point(f) => {
                        let cue = (self.d.cues)(bn);
                        // The rule's lean (`a week from Friday`: a Friday ahead),
                        // unless the clause is past (`six weeks from May 1, the
                        // shelters were full`).
                        let lean = of.lean.filter(|_| f.dir.is_none() && f.lean.is_none() && !cue.tense.is_past());
                        self.point(&Fields { lean: lean.or(f.lean), ..*f }, bn, cue).0
                    }
                    Value::Shift { base: b, unit, n, f } => self.shift(*b, *unit, *n, f, bn).0,
                    _ => None,
                };
                let shifted = base_cal.and_then(|c| {
                    let d2 = shift_date(c.first_day()?, *unit, *n)?;
                    Some(Cal::containing(d2, if c.gran >= Gran::Day { Gran::Day } else { c.gran }))
                });
                match shifted {
                    Some(c) => {
                        r.value = c.render();
                        r.cal = Some(c);
                    }
                    None => r.value = if *n < 0 { "PAST_REF".into() } else { "FUTURE_REF".into() },
                }
            }
            Value::Duration(f) => {
                r.timex_type = TimexType::Duration;
                r.value = render::duration(f, self.centuries());
                remember = false;
            }
            Value::Set(f) => {
                r.timex_type = TimexType::Set;
                // `every Christmas`: the holiday's month and day when it has
                // one; its month when it falls on a weekday of it.
                let f = &match f.holiday.and_then(|h| self.d.g.lex.holidays.get(usize::from(h))) {
                    Some((_, rule)) => {
                        let (m, d) = rule.fixed_day().map_or((rule.approx().0, None), |(m, d)| (m, Some(d)));
                        Fields { month: u8::try_from(m).ok(), day: d.and_then(|d| u8::try_from(d).ok()), ..*f }
                    }
                    None => *f,
                };
                let (v, freq, quant) = render::set(f, self.centuries());
                r.value = v;
                r.freq = freq;
                r.quant = quant;
                remember = false;
            }
            Value::Ref(f) => {
                r.value = f.reference.map_or("PRESENT_REF", |k| k.value()).to_owned();
                remember = false;
            }
            Value::None
            | Value::Range { .. }
            | Value::For { .. }
            | Value::List3 { .. }
            | Value::Since(_)
            | Value::Until(_)
            | Value::Span { .. } => {
                r.value = "XXXX".into();
                remember = false;
            }
        }
        if let Some(t) = rule.timex_type {
            r.timex_type = t;
        }
        if remember && !self.outside_story(&r, node) {
            self.remember(&r, node);
        }
        self.carry.previous = r.cal.map(|c| (self.next_index(), c));
        self.push(r)
    }

    /// The expressions resolved (the first has index `carry.starts.len()`
    /// as it was given to [`Self::new`]), the ranges over them, and what
    /// the next group goes on from.
    pub(crate) fn finish(self) -> (Vec<Resolved>, Vec<ResolvedRange>, Carry) {
        (self.out, self.ranges, self.carry)
    }
}

/// A midnight that starts a day (`shortly after midnight`), 24:00 of the
/// day before, as T00:00 of its day.
fn day_start(c: Cal) -> Cal {
    match c.date().and_then(|d| d.checked_add_days(1)).filter(|_| c.hour == Some(24)) {
        Some(d) => Cal { hour: Some(0), minute: c.minute, second: c.second, gran: c.gran, zone: c.zone, ..Cal::day(d) },
        None => c,
    }
}

/// Writes a shift of `n` units as the length of time it counts.
fn shift_as_duration(r: &mut Resolved, unit: Unit, n: i64, f: &Fields, c: render::Centuries) {
    r.timex_type = TimexType::Duration;
    // Two units the shift counted in the finer (`in 58 minutes 12 seconds`
    // moved 3492 seconds): the length as written, PT58M12S.
    if let (Some(u0), Some(n0)) = (f.unit, f.n)
        && u0 > unit
        && n0.fract() == 0.0
        && let Some(k) = u0.per(unit)
        && let Some(rest) = Some(n.unsigned_abs() as f64 - n0 * k).filter(|x| *x > 0.0 && x.fract() == 0.0)
    {
        r.value = render::duration(
            &Fields { n: Some(n0), unit: Some(u0), n2: Some(rest), unit2: Some(unit), ..Fields::default() },
            c,
        );
        return;
    }
    let n = u32::try_from(n.unsigned_abs()).ok().map(f64::from);
    // The finer unit a shift moves by after its own (`1 month and 3 days`).
    let unit2 = f.unit2.filter(|u| *u < unit && f.n2.is_some());
    let n2 = unit2.and(f.n2);
    r.value = render::duration(&Fields { n, unit: Some(unit), n2, unit2, vague: n.is_none(), ..Fields::default() }, c);
}
