//! The resolver: one pass over a document's expressions in text order. It is
//! the only code that anchors on the reference date (`doctype.rs` only compares
//! years with it to choose a document type). Each unresolved value is
//! anchored on the reference date (news, colloquial) or on the story's own
//! time, the latest explicit date before it (narrative, and anaphora such as
//! `the next day` in any document), and rendered to TIMEX3.

use super::anchor::{self, Lean};
use super::cal::{Cal, Gran, add_months, iso_week_monday, shift_date};
use super::fields::{Dir, Field, Fields, Got, Unit};
use super::grammar::{Base, Grammar};
use super::render;
use super::scan::Node;
use super::tense::{Cue, Tense};
use super::value::{NodeId, Value};
use super::{Anchor, DocumentType, Prefer, TimexType};
use crate::civil::{Date, days_in_month};

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
}

/// What the resolver reads of the document.
pub(crate) struct Doc<'a> {
    pub g: &'a Grammar,
    pub nodes: &'a [Node],
    /// The sentence of each token.
    pub sentence_of: &'a [u32],
    pub cues: &'a dyn Fn(&Node) -> Cue,
    /// Whether the word before a node is `in`.
    pub after_in: &'a dyn Fn(&Node) -> bool,
    pub reference: Option<Date>,
    pub doctype: DocumentType,
    pub prefer: Option<Prefer>,
}

fn rank(g: Gran) -> usize {
    match g {
        Gran::Year => 4,
        Gran::Half | Gran::Quarter => 3,
        Gran::Season | Gran::Month => 2,
        Gran::Week => 1,
        _ => 0,
    }
}

pub(crate) struct Resolver<'a> {
    d: Doc<'a>,
    /// The latest concrete value of each granularity (day, week, month,
    /// quarter, year), as (index into `out`, value).
    anchors: [Option<(usize, Cal)>; 5],
    /// The latest concrete value of any granularity.
    last: Option<(usize, Cal)>,
    /// The latest year written out, with its sentence and expression.
    sentence_year: Option<(u32, i32, usize)>,
    pub(crate) out: Vec<Resolved>,
    pub(crate) ranges: Vec<ResolvedRange>,
}

impl<'a> Resolver<'a> {
    pub(crate) fn new(d: Doc<'a>) -> Self {
        Self { d, anchors: [None; 5], last: None, sentence_year: None, out: Vec::new(), ranges: Vec::new() }
    }

    fn node(&self, id: NodeId) -> &'a Node {
        &self.d.nodes[id as usize]
    }

    fn sentence(&self, n: &Node) -> u32 {
        self.d.sentence_of.get(n.start as usize).copied().unwrap_or(0)
    }

    /// Whether a node is among the first two tokens of its sentence (`In 1976, ...`).
    fn opens_sentence(&self, n: &Node) -> bool {
        let k = n.start as usize;
        let s = self.sentence(n);
        (1..=2).any(|back| k < back || self.d.sentence_of.get(k - back).is_some_and(|x| *x != s))
    }

    /// Resolves a top-level expression (and the ends of a range).
    pub(crate) fn emit(&mut self, id: NodeId) {
        let node = self.node(id);
        match &node.value {
            Value::Range { begin, end, on } => {
                let (b, e, on) = (*begin, *end, *on);
                // The day both ends fall on, when the text gives one.
                let on_day = on.and_then(|o| self.peek(o)).and_then(|c| c.date());
                // Each end takes what it leaves out from the other: `from 4 to 22
                // this month`, `between 1 and 3 p.m.`, `March 5-7`, `March-April 2021`.
                let lean = self.rule_lean(node);
                let leaned = |v: &Value| match (v, lean) {
                    (Value::Point(f), Some(l)) if f.dir.is_none() && f.lean.is_none() => {
                        Value::Point(Fields { lean: Some(l), ..*f })
                    }
                    _ => v.clone(),
                };
                // Hours take the part of that day (`between 7 and 9 last night`).
                let on_part = on.and_then(|o| self.node(o).value.fields()).and_then(|f| f.part);
                let on_day_of = |v: Value| match (v, on_day) {
                    (Value::Point(f), Some(d)) if f.month.is_none() && f.weekday.is_none() && f.year.is_none() => {
                        let bare_hour = f.hour.is_some() && f.ampm.is_none() && f.part.is_none();
                        Value::Point(Fields {
                            year: Some(d.year()),
                            month: u8::try_from(d.month()).ok(),
                            day: u8::try_from(d.day()).ok(),
                            part: if bare_hour { on_part } else { f.part },
                            ..f
                        })
                    }
                    (v, _) => v,
                };
                let (bv, ev) =
                    hours_of_bare_days(on_day_of(leaned(&self.node(b).value)), on_day_of(leaned(&self.node(e).value)));
                let (bv, ev) = (&bv, &ev);
                let end_cal = match ev {
                    Value::Point(f) => self.point(f, self.node(e), (self.d.cues)(self.node(e))).0,
                    _ => self.peek(e),
                };
                let begin_fields = match (bv, ev.fields()) {
                    (Value::Point(f), Some(ef)) => Some(complete(*f, ef, end_cal)),
                    _ => None,
                };
                let begin_cal = match &begin_fields {
                    Some(f) => self.point(f, self.node(b), (self.d.cues)(self.node(b))).0,
                    None => self.peek(b),
                };
                let mut end_fields = match (ev, bv.fields()) {
                    (Value::Point(f), Some(bf)) => Some(complete(*f, bf, begin_cal)),
                    (Value::Point(f), None) => Some(*f),
                    _ => None,
                };
                // `from 10:30 to 3`: an hour before the begin's is in the afternoon.
                if let (Some(bf), Some(ef)) = (&begin_fields, &mut end_fields)
                    && let (Some(bh), Some(eh)) = (bf.hour24(), ef.hour)
                    && ef.ampm.is_none()
                    && ef.part.is_none()
                    && eh < bh
                    && eh + 12 > bh
                    && eh + 12 <= 24
                {
                    ef.hour = Some(eh + 12);
                }
                let begin_fields = begin_fields.or(match bv {
                    Value::Point(f) => Some(*f),
                    _ => None,
                });
                let bi = self.one(b, begin_fields, None);
                let ei = self.one(e, end_fields, None);
                // A range runs forward: an end whose year the text leaves out is
                // moved so that the begin comes first (`from November to February`).
                if let (Some(bc), Some(ec)) = (self.out[bi].cal, self.out[ei].cal)
                    && bc.first_day().zip(ec.first_day()).is_some_and(|(x, y)| x > y)
                {
                    // Whether the text gives the end's year itself (`Nov-Feb 2017`:
                    // the begin only borrowed it, and moves back).
                    let written = |v: &Value| v.fields().is_some_and(|f| f.year.is_some() || f.dir.is_some());
                    let fine = |c: Cal| c.gran >= Gran::Season;
                    if written(ev) && !written(bv) && fine(bc) {
                        self.set_year(bi, bc, -1);
                    } else if written(bv) && !written(ev) && fine(ec) {
                        self.set_year(ei, ec, 1);
                    } else if !written(bv) && fine(bc) {
                        self.set_year(bi, bc, -1);
                    } else if !written(ev) && fine(ec) {
                        self.set_year(ei, ec, 1);
                    }
                }
                let days = (self.first_day(bi), self.out[ei].cal.and_then(|c| c.interval()).map(|x| x.1));
                self.ranges.push(ResolvedRange { node: id, begin: Some(bi), end: Some(ei), days });
            }
            Value::For { point, duration } => {
                let (p, du) = (*point, *duration);
                let pi = if self.node(p).start < self.node(du).start {
                    let pi = self.one(p, None, None);
                    self.one(du, None, None);
                    pi
                } else {
                    self.one(du, None, None);
                    self.one(p, None, None)
                };
                let begin = self.first_day(pi);
                let end = begin.and_then(|b| {
                    let f = self.node(du).value.fields()?;
                    let (n, unit) = (f.whole_n()?, f.unit?);
                    shift_date(b, unit, n)
                });
                self.ranges.push(ResolvedRange { node: id, begin: Some(pi), end: None, days: (begin, end) });
            }
            Value::Since(x) | Value::Until(x) => {
                let since = matches!(node.value, Value::Since(_));
                // `since March` looks back, `until Friday` ahead (unless the rule
                // says otherwise, or the clause is in the past: `until Thursday,
                // they had not called him`).
                let lean = self.rule_lean(node).unwrap_or(if since { Dir::Past } else { Dir::Future });
                let past_clause = (self.d.cues)(self.node(*x)).tense.is_past();
                let fields = match &self.node(*x).value {
                    Value::Point(f) if f.dir.is_none() && f.lean.is_none() && !(past_clause && lean == Dir::Future) => {
                        Some(Fields { lean: Some(lean), ..*f })
                    }
                    _ => None,
                };
                let i = self.one(*x, fields, None);
                // From the reference date when the end is ahead of it; open when not.
                let days = if since {
                    (self.first_day(i), self.d.reference.map(|r| r.add_days(1)))
                } else {
                    let end = self.out[i].cal.and_then(|c| c.interval()).map(|x| x.1);
                    (self.d.reference.filter(|r| end.is_none_or(|e| *r < e)), end)
                };
                let (begin, end) = if since { (Some(i), None) } else { (None, Some(i)) };
                self.ranges.push(ResolvedRange { node: id, begin, end, days });
            }
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
                    self.out[i].modifier = Some(m);
                }
                let days = self.d.reference.map_or((None, None), |r| {
                    let len = |from: Date, sign: i64| shift_date(from, df.unit?, df.whole_n()?.checked_mul(sign)?);
                    match dir {
                        Dir::Past | Dir::Last => (if df.vague { None } else { len(r, -1) }, Some(r.add_days(1))),
                        Dir::Future | Dir::Next => {
                            (Some(r.add_days(1)), if df.vague { None } else { len(r.add_days(1), 1) })
                        }
                        Dir::This => (Some(r), if df.vague { None } else { len(r, 1) }),
                    }
                });
                self.ranges.push(ResolvedRange { node: id, begin: None, end: None, days });
            }
            _ => {
                self.one(id, None, None);
            }
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
        if c2.gran >= Gran::Day && c2.date().is_none() {
            return; // 29 February
        }
        self.out[i].value = c2.render();
        self.out[i].cal = Some(c2);
    }

    /// Records node `id` as the duration `f`.
    fn one_duration(&mut self, id: NodeId, f: &Fields) -> usize {
        let node = self.node(id);
        let r = Resolved {
            node: id,
            timex_type: TimexType::Duration,
            value: render::duration(f),
            cal: None,
            modifier: f.modifier,
            freq: None,
            quant: None,
            anchor: Anchor::None,
            cue: (self.d.cues)(node),
        };
        self.out.push(r);
        self.out.len() - 1
    }

    fn first_day(&self, i: usize) -> Option<Date> {
        let r = &self.out[i];
        match r.cal {
            Some(c) => c.first_day(),
            // `between now and ...`
            None if r.value == "PRESENT_REF" => self.d.reference,
            None => None,
        }
    }

    /// The calendar value node `id` would resolve to, without recording it.
    fn peek(&self, id: NodeId) -> Option<Cal> {
        let node = self.node(id);
        let cue = (self.d.cues)(node);
        match &node.value {
            Value::Point(f) => self.point(f, node, cue).0,
            Value::Shift { base, unit, n, f } => self.shift(*base, *unit, *n, f).0,
            _ => None,
        }
    }

    /// Resolves node `id` (with `fields` in place of its own point fields,
    /// or the value of node `value_of` over its span) and records it; returns
    /// its index.
    fn one(&mut self, id: NodeId, fields: Option<Fields>, value_of: Option<NodeId>) -> usize {
        let node = self.node(id);
        let cue = (self.d.cues)(node);
        let g = self.d.g;
        let rule = &g.rules[node.rule as usize];
        let value = match (fields, value_of) {
            (Some(f), _) => Value::Point(f),
            (None, Some(v)) => self.node(v).value.clone(),
            (None, None) => node.value.clone(),
        };
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
                r.anchor = anchor;
                match cal {
                    Some(c) => {
                        r.timex_type = if c.gran >= Gran::Part { TimexType::Time } else { TimexType::Date };
                        r.value = c.render();
                        r.cal = Some(c);
                        // `In 2012, ...`: the sentence is about that year.
                        if f.year.is_some() && c.gran == Gran::Year && (self.d.after_in)(node) {
                            self.sentence_year = Some((self.sentence(node), c.year.unwrap_or(0), self.out.len()));
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
                if f.future_only && (cue.tense.is_past() || cue.tense == Tense::Present) =>
            {
                // `the first rise in two years`: a length of time, not a date.
                r.timex_type = TimexType::Duration;
                let n = u32::try_from(n.unsigned_abs()).ok().map(f64::from);
                r.value = render::duration(&Fields { n, unit: Some(*unit), vague: n.is_none(), ..Fields::default() });
                remember = false;
            }
            Value::Shift { base, unit, n, f } => {
                remember = !(f.aside || *base == Base::Story && *n == 0);
                let (cal, anchor) = self.shift(*base, *unit, *n, f);
                r.anchor = anchor;
                match cal {
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
            Value::Offset { base, unit, n, .. } => {
                let bn = self.node(*base);
                let base_cal = match &bn.value {
                    Value::Point(f) => self.point(f, bn, (self.d.cues)(bn)).0,
                    Value::Shift { base: b, unit, n, f } => self.shift(*b, *unit, *n, f).0,
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
                r.value = render::duration(f);
                remember = false;
            }
            Value::Set(f) => {
                r.timex_type = TimexType::Set;
                let (v, freq, quant) = render::set(f);
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
        let idx = self.out.len();
        // In a narrative, a value read off the reference date is outside the story.
        if self.d.doctype == DocumentType::Narrative && matches!(r.anchor, Anchor::Reference(_)) {
            remember = false;
        }
        if remember
            && let Some(c) = r.cal
            && c.year.is_some()
            && c.gran >= Gran::Year
        {
            self.anchors[rank(c.gran)] = Some((idx, c));
            self.last = Some((idx, c));
        }
        self.out.push(r);
        idx
    }

    /// Which occurrence of a weekday or month the clause means.
    fn lean(&self, f: &Fields, cue: Cue) -> Lean {
        if let Some(d) = f.dir {
            return Lean::of_dir(d);
        }
        if let Some(d) = f.lean {
            return if d.plain() == Dir::Future { Lean::Ahead } else { Lean::Back };
        }
        let unknown = matches!(cue.tense, Tense::Unknown | Tense::Present);
        match (self.d.doctype, cue.tense) {
            (_, Tense::Future) => Lean::Ahead,
            (_, t) if unknown && self.d.prefer.is_some() => {
                let _ = t;
                if self.d.prefer == Some(Prefer::Future) { Lean::Ahead } else { Lean::Back }
            }
            (DocumentType::Colloquial, t) if !t.is_past() => Lean::Ahead,
            (DocumentType::Narrative, _) => Lean::Ahead,
            _ => Lean::Back,
        }
    }

    /// The tense the month-and-day choice follows.
    fn month_tense(&self, cue: Cue) -> Tense {
        match (self.d.doctype, cue.tense) {
            (_, t) if matches!(t, Tense::Unknown | Tense::Present) && self.d.prefer.is_some() => {
                if self.d.prefer == Some(Prefer::Future) { Tense::Future } else { Tense::Past }
            }
            (DocumentType::Colloquial, t) if !t.is_past() => Tense::Future,
            (DocumentType::Narrative, _) => Tense::Unknown,
            (_, t) => t,
        }
    }

    /// The story's time: the latest concrete value.
    fn story(&self) -> Option<(usize, Cal)> {
        self.last
    }

    /// The date a point without a year is read against, and what it is.
    fn base(&self, f: &Fields, node: &Node) -> Option<(Date, Anchor, Option<i32>)> {
        let calendar_only =
            f.month.is_some() || f.season.is_some() || f.quarter.is_some() || f.holiday.is_some() || f.half.is_some();
        match self.d.doctype {
            DocumentType::Narrative => {
                if let Some((i, c)) = self.story() {
                    if let Some(y) = c.year.filter(|y| *y <= 0) {
                        // A story before the common era keeps its year.
                        return Some((Date::checked(2000, 7, 1)?, self.expr_anchor(i), Some(y)));
                    }
                    // A day of a month just after a day written out a sentence or
                    // two before stays in its year, whatever bare year came
                    // between (`On 10 March 1975 ... a campaign planned for 1976.
                    // ... on 11 March`), unless that year opens its sentence
                    // (`In 1976, ...`).
                    if c.gran == Gran::Year
                        && !self.opens_sentence(self.node(self.out[i].node))
                        && let (Some(m), Some(day)) = (f.month, f.day)
                        && let Some((j, dc)) = self.anchors[0]
                        && let Some(dd) = dc.first_day()
                        && j < i
                        && self.sentence(node).saturating_sub(self.sentence(self.node(self.out[j].node))) <= 3
                    {
                        let y = anchor::story_year(dd, u32::from(m), Some(u32::from(day)));
                        if let Some(x) = Date::checked(y, u32::from(m), u32::from(day))
                            && (0..=45).contains(&(x.to_epoch_days() - dd.to_epoch_days()))
                        {
                            return Some((dd, self.expr_anchor(j), None));
                        }
                    }
                    let fixed_year = (c.gran == Gran::Year).then_some(c.year).flatten();
                    return Some((c.first_day()?, self.expr_anchor(i), fixed_year));
                }
                self.d.reference.map(|r| (r, Anchor::Reference(r), None))
            }
            _ => {
                if calendar_only
                    && f.weekday.is_none()
                    && (self.d.cues)(node).tense.is_past()
                    && let Some((s, y, i)) = self.sentence_year
                    && s == self.sentence(node)
                    && self.d.reference.is_some_and(|r| r.year() != y)
                {
                    let d = Date::checked(y, 7, 1)?;
                    return Some((d, self.expr_anchor(i), Some(y)));
                }
                self.d.reference.map(|r| (r, Anchor::Reference(r), None))
            }
        }
    }

    fn expr_anchor(&self, i: usize) -> Anchor {
        Anchor::Expression { index: i }
    }

    /// A point: calendar fields, with the year (and more) from an anchor when
    /// the text leaves it out.
    fn point(&self, f: &Fields, node: &Node, cue: Cue) -> (Option<Cal>, Anchor) {
        if let Some(c) = f.century {
            return (Some(Cal { century: Some(c), ..Cal::new(Gran::Century) }), Anchor::None);
        }
        let base_year = self.d.reference.map(Date::year).or_else(|| self.story().and_then(|(_, c)| c.year));
        if let Some(d) = f.decade {
            if d >= 100 {
                return (Some(Cal { decade: Some(d), ..Cal::new(Gran::Decade) }), Anchor::None);
            }
            let by = base_year.unwrap_or(1999);
            let mut dec = by.div_euclid(100) * 10 + d;
            if dec * 10 > by {
                dec -= 10;
            }
            let anchor = self.d.reference.map_or(Anchor::None, Anchor::Reference);
            return (Some(Cal { decade: Some(dec), ..Cal::new(Gran::Decade) }), anchor);
        }
        let year = f.year.or_else(|| {
            let yy = i32::from(f.yy?);
            Some(match base_year {
                Some(b) => {
                    let mut y = b.div_euclid(100) * 100 + yy;
                    if y > b + 10 {
                        y -= 100;
                    }
                    y
                }
                None if yy < 50 => 2000 + yy,
                None => 1900 + yy,
            })
        });
        if let Some(y) = year {
            return (full(self.d.g, y, f), Anchor::None);
        }
        let Some((base, anchor, fixed_year)) = self.base(f, node) else {
            return (None, Anchor::None);
        };
        let lean = self.lean(f, cue);
        let t = match f.lean {
            Some(d) if d.plain() == Dir::Future => Tense::Future,
            Some(d) if d.plain() == Dir::Past => Tense::Past,
            _ => self.month_tense(cue),
        };
        let narrative = self.d.doctype == DocumentType::Narrative && matches!(anchor, Anchor::Expression { .. });
        let year_for = |m: u32, day: Option<u32>| -> i32 {
            if let Some(y) = fixed_year {
                return y;
            }
            match f.dir {
                Some(d) => anchor::month_year_dir(base, m, Lean::of_dir(d)),
                None if narrative => anchor::story_year(base, m, day),
                None => anchor::month_day_year(base, m, day, t),
            }
        };
        let cal = if let Some(h) = f.holiday {
            let rule = self.d.g.lex.holidays.get(usize::from(h)).map(|x| x.1);
            rule.and_then(|rule| {
                let (m, d) = rule.approx();
                let y = year_for(m, Some(d));
                rule.date(y).map(|d| holiday_cal(d, f))
            })
        } else if let Some(m) = f.month {
            let y = year_for(u32::from(m), f.day.map(u32::from));
            full(self.d.g, y, f)
        } else if let (Some(wd), Some(day)) = (f.weekday, f.day) {
            // `Tuesday the 11th`: the nearest 11th that is a Tuesday.
            anchor::weekday_and_day(base, wd, day).map(|d| with_time(Cal::day(d), f))
        } else if let Some(wd) = f.weekday {
            Some(with_time(Cal::day(anchor::weekday(base, wd, lean)), f))
        } else if f.week.is_some() || f.half.is_some() {
            full(self.d.g, fixed_year.unwrap_or(base.year()), f)
        } else if let Some(s) = f.season {
            let y = fixed_year.unwrap_or_else(|| anchor::season_year(base, s, t, f.dir));
            full(self.d.g, y, f)
        } else if let Some(q) = f.quarter {
            let y = fixed_year.unwrap_or_else(|| anchor::quarter_year(base, q, f.dir));
            full(self.d.g, y, f)
        } else if f.weekend {
            // `the weekend`: this week's, or last week's in a past clause before Saturday.
            let back = lean == Lean::Back && base.weekday() < 6;
            let d = if back { base.add_days(-7) } else { base };
            Some(Cal { weekend: true, ..Cal::containing(d, Gran::Week) })
        } else if let Some(day) = f.day {
            // A day of the month alone (`on the 12th`): this month's, or the
            // month before or after by the tense.
            let (y, m) = (base.year(), base.month());
            let shifted = match lean {
                Lean::Back | Lean::Last if u32::from(day) > base.day() => add_months(y, m, -1),
                Lean::Ahead | Lean::Next if u32::from(day) < base.day() => add_months(y, m, 1),
                _ => Some((y, m)),
            };
            shifted.and_then(|(yy, mm)| Date::checked(yy, mm, u32::from(day))).map(|d| with_time(Cal::day(d), f))
        } else if f.has_time() {
            // A time of day alone: the anchor's day; in conversation no day at all
            // (`let's meet at 3pm` does not say which).
            let day = match self.d.doctype {
                DocumentType::Narrative => self.story().and_then(|(_, c)| c.date()),
                DocumentType::Colloquial => {
                    let mut c = with_time(Cal::new(Gran::Day), f);
                    c.time_only = true;
                    c.minute = f.minute;
                    return (Some(c), Anchor::None);
                }
                _ => self.d.reference,
            };
            day.map(|d| with_time(Cal::day(d), f))
        } else {
            None
        };
        (cal, if cal.is_some() { anchor } else { Anchor::None })
    }

    /// `n` units from the base, with finer fields applied after the shift.
    fn shift(&self, base: Base, unit: Unit, n: i64, f: &Fields) -> (Option<Cal>, Anchor) {
        // `a year ago` after a quarter: the same quarter a year before (earnings news).
        if unit == Unit::Year
            && n != 0
            && f.aside
            && let Some((i, c)) = self.last
            && c.gran == Gran::Quarter
            && let Some(y) = c.year
        {
            let y2 = i64::from(y) + n;
            if let Ok(y2) = i32::try_from(y2) {
                return (Some(Cal { year: Some(y2), ..c }), self.expr_anchor(i));
            }
        }
        let from_reference = || self.d.reference.map(|r| (r, Anchor::Reference(r)));
        let from_story = || self.story().and_then(|(i, c)| Some((c.first_day()?, self.expr_anchor(i))));
        let start = match base {
            // A narrative tells of its own time: `the end of the month`, `that
            // year` are the story's, not the writer's.
            Base::Speech if self.d.doctype == DocumentType::Narrative => from_story().or_else(from_reference),
            Base::Speech => from_reference(),
            Base::Story => {
                let r = rank(Gran::of_unit(unit)).min(4);
                let found = self.anchors[..=r].iter().flatten().max_by_key(|(i, _)| *i);
                match found {
                    Some((i, c)) => c.first_day().map(|d| (d, self.expr_anchor(*i))),
                    None => from_reference(),
                }
            }
            // In conversation `this quarter` is the present one, not a report's.
            Base::Report if self.d.doctype == DocumentType::Colloquial => from_reference(),
            Base::Report => {
                let g = Gran::of_unit(unit);
                if let Some((i, c)) = self.anchors[rank(g)].filter(|(_, c)| c.gran == g) {
                    let d = c.first_day();
                    let mut c = d.and_then(|d| shift_date(d, unit, n)).map(|d| Cal::containing(d, g));
                    if let (Some(c), Some(y)) = (c.as_mut(), f.year) {
                        c.year = Some(y);
                    }
                    return (c, self.expr_anchor(i));
                }
                let with_year = |mut c: Cal| {
                    if let Some(y) = f.year {
                        c.year = Some(y);
                    }
                    c
                };
                return match self.d.reference {
                    Some(r) => {
                        (shift_date(r, unit, n - 1).map(|d| with_year(Cal::containing(d, g))), Anchor::Reference(r))
                    }
                    None => (None, Anchor::None),
                };
            }
        };
        let Some((d, anchor)) = start else {
            return (None, Anchor::None);
        };
        let Some(d2) = shift_date(d, unit, n) else {
            return (None, anchor);
        };
        let unit = f.precision.filter(|p| *p < unit).unwrap_or(unit);
        let mut c = attach(self.d.g, d2, unit, f);
        // `the 1988 quarter`: the period of the report, in the year written.
        if let Some(y) = f.year.filter(|_| c.gran < Gran::Month) {
            c.year = Some(y);
        }
        (Some(c), anchor)
    }

    pub(crate) fn finish(self) -> (Vec<Resolved>, Vec<ResolvedRange>) {
        (self.out, self.ranges)
    }
}

/// One end of a range completed from the other (`other`, resolved as
/// `other_cal`): the coarser fields it leaves out, a bare number read as an
/// hour when the other end is a time, and the half of the day when that keeps
/// the range in order.
/// A holiday's day, or the weekend nearest it (`Labor Day weekend`: the
/// Saturday and Sunday before a Monday holiday; `Halloween weekend`).
fn holiday_cal(d: Date, f: &Fields) -> Cal {
    if !f.weekend {
        return with_time(Cal::day(d), f);
    }
    let monday = d.add_days(1 - i64::from(d.weekday()));
    let (sat, prev_sun) = (monday.add_days(5), monday.add_days(-1));
    let ahead = (sat.to_epoch_days() - d.to_epoch_days()).max(0);
    let back = d.to_epoch_days() - prev_sun.to_epoch_days();
    let week = if back < ahead { prev_sun } else { monday };
    Cal { weekend: true, ..Cal::containing(week, Gran::Week) }
}

/// The ends of a range where one is a time of day and the other a bare number
/// (`from 10:30 to 3`): the number is an hour, not a day of the month.
fn hours_of_bare_days(b: Value, e: Value) -> (Value, Value) {
    let bare = |f: &Fields| {
        f.hour.is_none()
            && f.month.is_none()
            && f.weekday.is_none()
            && f.year.is_none()
            && f.week.is_none()
            && f.part.is_none()
            && f.day.is_some_and(|d| d <= 24)
    };
    let fix = |v: Value, other: &Value| match (v, other) {
        (Value::Point(mut f), Value::Point(o)) if bare(&f) && o.hour.is_some() => {
            f.hour = f.day.take();
            Value::Point(f)
        }
        (v, _) => v,
    };
    let b2 = fix(b.clone(), &e);
    let e2 = fix(e, &b);
    (b2, e2)
}

fn complete(mut b: Fields, other: &Fields, other_cal: Option<Cal>) -> Fields {
    let other_has_time = other.hour.is_some();
    let has_date = b.month.is_some() || b.weekday.is_some() || b.year.is_some() || b.week.is_some();
    if other_has_time && b.hour.is_none() && !has_date && b.part.is_none() && b.day.is_some_and(|d| d <= 24) {
        b.hour = b.day.take();
    }
    if b.hour.is_some() && !has_date && b.day.is_none() {
        if b.ampm.is_none()
            && b.part.is_none()
            && let (Some(bh), Some(eh)) = (b.hour, other.hour24())
            && eh >= 12
            && bh < 12
            && bh + 12 <= eh
        {
            b.hour = Some(bh + 12);
        }
        if let Some(c) = other_cal.filter(|c| c.gran >= Gran::Day) {
            b.year = c.year;
            b.month = c.month;
            b.day = c.day;
        } else {
            b.weekday = b.weekday.or(other.weekday);
        }
        b.zone = b.zone.or(other.zone);
        return b;
    }
    // `1915-17`: a year written with two digits after a full one.
    if let (Some(yy), Some(oy)) = (b.yy, other.year.filter(|y| *y > 0)) {
        let mut y = oy.div_euclid(100) * 100 + i32::from(yy);
        if y < oy {
            y += 100;
        }
        b.year = Some(y);
        b.yy = None;
    }
    // `499–449 BC`: the first end is before the common era too.
    if let (Some(y), Some(oy)) = (b.year, other.year)
        && oy < 0
        && y > 0
        && y >= -oy
        && b.month.is_none()
    {
        b.year = Some(-y);
    }
    let coarse = |c: &Cal| c.gran >= Gran::Month;
    if b.day.is_some() && b.month.is_none() && b.weekday.is_none() {
        b.month = other.month.or_else(|| other_cal.filter(coarse).and_then(|c| c.month));
    }
    // `this May to Oct 2020`: a direction word anchors its end on its own.
    if b.year.is_none()
        && b.yy.is_none()
        && b.decade.is_none()
        && b.century.is_none()
        && b.dir.is_none()
        && (b.month.is_some() || b.season.is_some() || b.quarter.is_some())
    {
        b.year = other.year;
    }
    b
}

/// A point with a known year, at the finest granularity its fields give.
fn full(g: &Grammar, y: i32, f: &Fields) -> Option<Cal> {
    let mut c = Cal { year: Some(y), zone: f.zone, ..Cal::new(Gran::Year) };
    if y <= 0 {
        // Before the common era the calendar has no days here: the fields as written.
        c.month = f.month;
        c.day = f.day.filter(|_| f.month.is_some());
        c.season = f.season;
        c.gran = if c.day.is_some() {
            Gran::Day
        } else if c.month.is_some() {
            Gran::Month
        } else if c.season.is_some() {
            Gran::Season
        } else {
            Gran::Year
        };
        return Some(c);
    }
    if let Some(h) = f.holiday {
        let d = g.lex.holidays.get(usize::from(h))?.1.date(y)?;
        return Some(holiday_cal(d, f));
    }
    if let (Some(w), Some(m)) = (f.week, f.month) {
        // The n-th week of a month (0: the last): weeks from Monday, each in
        // the month its Thursday falls in, as ISO weeks are in years.
        let first = Date::checked(y, u32::from(m), 1)?;
        let first_thu = first.add_days((4 + 7 - i64::from(first.weekday())) % 7);
        let thu = if w == 0 {
            let last = Date::checked(y, u32::from(m), days_in_month(y, u32::from(m)))?;
            last.add_days(-((i64::from(last.weekday()) + 7 - 4) % 7))
        } else {
            first_thu.add_days(7 * (i64::from(w) - 1))
        };
        if thu.month() != u32::from(m) {
            return None;
        }
        return Some(Cal::containing(thu.add_days(-3), Gran::Week));
    }
    if let Some(w) = f.week {
        // Week 0: the last ISO week of the year.
        let w = if w == 0 { u8::try_from(Date::checked(y, 12, 28)?.iso_week().1).ok()? } else { w };
        c.week = Some(w);
        c.gran = Gran::Week;
        c.weekend = f.weekend;
        if let Some(wd) = f.weekday {
            let d = iso_week_monday(y, u32::from(w))?.add_days(i64::from(wd) - 1);
            return Some(with_time(Cal::day(d), f));
        }
        return Some(c);
    }
    if let Some(m) = f.month {
        c.month = Some(m);
        c.gran = Gran::Month;
        if let Some(d) = f.day {
            let date = Date::checked(y, u32::from(m), u32::from(d))?;
            if f.week_of {
                return Some(Cal::containing(date, Gran::Week));
            }
            return Some(with_time(Cal { zone: f.zone, ..Cal::day(date) }, f));
        }
        return Some(c);
    }
    if let Some(q) = f.quarter {
        c.quarter = Some(q);
        c.gran = Gran::Quarter;
    } else if let Some(h) = f.half {
        c.half = Some(h);
        c.gran = Gran::Half;
    } else if let Some(s) = f.season {
        c.season = Some(s);
        c.gran = Gran::Season;
    } else if f.quarter.is_none() && f.fiscal && f.unit == Some(Unit::Quarter) {
        c.gran = Gran::Quarter;
    }
    Some(c)
}

/// A day with the time of day or part of day of `f`.
fn with_time(mut c: Cal, f: &Fields) -> Cal {
    c.zone = f.zone.or(c.zone);
    if let Some(h) = f.hour24() {
        c.hour = Some(h);
        c.minute = f.minute;
        c.second = f.second;
        c.gran = if f.second.is_some_and(|s| s > 0) { Gran::Second } else { Gran::Minute };
        c.part = None;
    } else if let Some(p) = f.part {
        c.part = Some(p);
        c.gran = Gran::Part;
    }
    c
}

/// The value of a shift landing on `d`: the period of the unit containing
/// it, with the finer fields the text added (`the 5th of next month`,
/// `Wednesday next week`, `tomorrow at 5pm`, `last weekend`).
fn attach(g: &Grammar, d: Date, unit: Unit, f: &Fields) -> Cal {
    let gran = Gran::of_unit(unit);
    match unit {
        Unit::Year | Unit::Decade | Unit::Century
            if f.month.is_some()
                || f.quarter.is_some()
                || f.half.is_some()
                || f.season.is_some()
                || f.holiday.is_some()
                || f.week.is_some() =>
        {
            full(g, d.year(), f).unwrap_or_else(|| Cal::containing(d, gran))
        }
        Unit::Month if f.day.is_some() => {
            let day = u32::from(f.day.unwrap_or(1)).min(crate::civil::days_in_month(d.year(), d.month()));
            Date::checked(d.year(), d.month(), day)
                .map_or_else(|| Cal::containing(d, gran), |x| with_time(Cal::day(x), f))
        }
        Unit::Week if f.weekday.is_some() => {
            let monday = d.add_days(1 - i64::from(d.weekday()));
            with_time(Cal::day(monday.add_days(i64::from(f.weekday.unwrap_or(1)) - 1)), f)
        }
        Unit::Week if f.weekend => Cal { weekend: true, ..Cal::containing(d, gran) },
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => with_time(Cal::day(d), f),
        _ => Cal::containing(d, gran),
    }
}
