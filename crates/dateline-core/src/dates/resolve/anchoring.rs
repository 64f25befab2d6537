//! Resolving points and shifts: the anchor a point without a year is read
//! against (the reference date, the story's time, a year written in the
//! sentence), which occurrence of a weekday or month it means, and `n` units
//! from a base.

use super::bc::bc_shift;
use super::build::{attach, full, holiday_cal, with_time};
use super::clock::{NewsTime, hours_before};
use super::{Resolver, rank};
use crate::civil::Date;
use crate::dates::anchor::{self, Lean};
use crate::dates::cal::{Cal, Gran, add_months, shift_date};
use crate::dates::fields::{AmPm, Dir, Fields, Unit};
use crate::dates::grammar::Base;
use crate::dates::scan::Node;
use crate::dates::tense::{Cue, Tense};
use crate::dates::{Anchor, DocumentType, Prefer};

/// How many sentences after a quarter `a year earlier` still compares with it.
const QUARTER_SENTENCES: u32 = 2;

/// How many days before the reference date a report's or a lead's day may be
/// and still be the day of the speech a story quotes.
const SPEECH_DAYS: i64 = 6;

impl Resolver<'_> {
    /// Which occurrence of a weekday or month the clause means.
    fn lean(&self, f: &Fields, cue: Cue, node: &Node) -> Lean {
        if let Some(d) = f.dir {
            // News writes `last Tuesday` for the latest Tuesday before the
            // day it reports on; in conversation it is the one of last week.
            if d == Dir::Last && self.d.doctype == DocumentType::News {
                return Lean::Last;
            }
            // `this Monday` is this week's, unless the clause's tense points
            // the other way (`will meet this Monday` on a Thursday, `see you
            // this Saturday` on a Sunday: the coming one).
            if d == Dir::This && f.weekday.is_some() {
                match cue.tense {
                    Tense::Future => return Lean::Ahead,
                    Tense::Past | Tense::PastWeak => return Lean::Back,
                    _ if self.d.doctype == DocumentType::Colloquial => return Lean::Ahead,
                    _ => {}
                }
            }
            return Lean::of_dir(d);
        }
        if let Some(d) = f.lean {
            // A lean back is what a form says with no cue (`Friday's
            // ruling`); before the noun of an event that can lie ahead, a
            // future cue outweighs it (`will play in Sunday's final`).
            if d.plain() == Dir::Past && cue.tense == Tense::Future && (self.d.before_event)(node) {
                return Lean::Ahead;
            }
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
    pub(super) fn story(&self) -> Option<(usize, Cal)> {
        self.carry.last
    }

    /// The story's time for a count or a direction (`the next month`, `the
    /// following winter`): past a heading, the last time the text told of.
    pub(super) fn story_told(&self) -> Option<(usize, Cal)> {
        if self.carry.last_is_heading { self.carry.narrated.or(self.carry.last) } else { self.carry.last }
    }

    pub(super) fn expr_anchor(&self, i: usize) -> Anchor {
        Anchor::Expression { index: u32::try_from(i).unwrap_or(u32::MAX) }
    }

    /// `see you at 5`, `call me at 3 tomorrow`: in a conversation a bare
    /// hour from one to five is in the afternoon, unless the clause is past
    /// (`I woke at 5`). A time with minutes may be a 24-hour clock (`05:30`)
    /// and stays as written. The ends of a range are read together
    /// (`5 to seven in the morning`).
    fn chat_hour(&self, f: &Fields, cue: Cue) -> Option<Fields> {
        let bare = f.ampm.is_none() && f.part.is_none() && f.minute.is_none();
        if bare
            && f.hour.is_some_and(|h| (1..=5).contains(&h))
            && self.d.doctype == DocumentType::Colloquial
            && !self.in_range
            && !cue.tense.is_past()
        {
            Some(Fields { ampm: Some(AmPm::Pm), ..*f })
        } else {
            None
        }
    }

    /// A point: calendar fields, with the year (and more) from an anchor when
    /// the text leaves it out. `None` when that falls off the calendar
    /// (`next January` in 9999): the caller writes it underspecified.
    pub(super) fn point(&self, f: &Fields, node: &Node, cue: Cue) -> (Option<Cal>, Anchor) {
        let afternoon = self.chat_hour(f, cue);
        let f = afternoon.as_ref().unwrap_or(f);
        let (cal, anchor) = self.any_point(f, node, cue);
        // The week of a day found by its number alone (`the week of the 18th`).
        let cal = match cal {
            Some(c) if f.week_of && c.gran == Gran::Day => {
                c.date().map(|d| Cal { weekend: f.weekend, ..Cal::containing(d, Gran::Week) })
            }
            c => c,
        };
        on_calendar((cal, anchor))
    }

    fn any_point(&self, f: &Fields, node: &Node, cue: Cue) -> (Option<Cal>, Anchor) {
        if let Some(c) = f.century {
            return (Some(Cal { century: Some(c), ..Cal::new(Gran::Century) }), Anchor::None);
        }
        let base_year = self.d.reference.map(Date::year).or_else(|| self.story().and_then(|(_, c)| c.year));
        if let Some(d) = f.decade {
            // Two or three digits are the decade's own (`the 820s`, `the 1990s`,
            // `the 270s BC`); one digit (`the '90s`) leaves the century to the
            // context.
            if !(0..10).contains(&d) {
                return (Some(Cal { decade: Some(d), ..Cal::new(Gran::Decade) }), Anchor::None);
            }
            // `the 80s` in a story before the common era: no decade of ours.
            let by = base_year.filter(|y| *y > 0).unwrap_or(1999);
            let mut dec = by.div_euclid(100) * 10 + d;
            if dec * 10 > by {
                dec -= 10;
            }
            if dec < 0 {
                // `the '90s` seen from the first century: none of ours.
                return (None, Anchor::None);
            }
            let anchor = self.d.reference.map_or(Anchor::None, Anchor::Reference);
            return (Some(Cal { decade: Some(dec), ..Cal::new(Gran::Decade) }), anchor);
        }
        let year = f.year.or_else(|| {
            let yy = i32::from(f.yy?);
            Some(match base_year {
                Some(b) => {
                    // The latest year with those last two digits up to ten
                    // years after the base (`'05` read in 1996 is 2005, `'95`
                    // read in 2001 is 1995); not back into year 0 or before
                    // (`'95` in year 1).
                    let mut y = b.div_euclid(100) * 100 + yy;
                    if y > b + 10 && y > 100 {
                        y -= 100;
                    } else if y + 100 <= b + 10 {
                        y += 100;
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
        // A time alone: a day written just after it is its day, in any
        // type (`at 11 a.m. on 11 November 1918`, `at 10:30 a.m. EDT (1430
        // GMT) on Monday`, `back 9am on Tuesday`).
        if f.time_alone()
            && let Some((t, skipped)) = (self.d.day_after)(node)
            && let Some(d) = self.peek(t).and_then(|c| c.date())
        {
            return (Some(with_time(Cal::day(d), f)), self.expr_anchor(self.next_index() + 1 + skipped));
        }
        let Some((base, anchor, fixed_year)) = self.base(f, node) else {
            return (None, Anchor::None);
        };
        let lean = self.lean(f, cue, node);
        let t = match f.lean {
            Some(d) if d.plain() == Dir::Future => Tense::Future,
            Some(d) if d.plain() == Dir::Past => Tense::Past,
            _ => self.month_tense(cue),
        };
        let narrative = self.d.doctype == DocumentType::Narrative && matches!(anchor, Anchor::Expression { .. });
        let year_for = |m: u32, day: Option<u32>| -> i32 {
            if let Some(y) = fixed_year {
                return match (f.weekday, day) {
                    (Some(wd), Some(dd)) if f.dir.is_none() => self.written_weekday_year(y, m, dd, wd),
                    _ => y,
                };
            }
            let y = match f.dir {
                Some(d) => anchor::month_year_dir(base, m, Lean::of_dir(d)),
                // The end of a story's `until December` is ahead of its time.
                None if narrative && f.lean.is_some_and(|d| d.plain() == Dir::Future) => {
                    anchor::month_year_dir(base, m, Lean::Ahead)
                }
                None if narrative => anchor::story_year(base, m, day),
                None => anchor::month_day_year(base, m, day, t),
            };
            // `Monday, Sept. 14`: the year next to it whose day is that
            // weekday, when the chosen one's is not (on the tense's side).
            let y = match (f.weekday, day) {
                (Some(wd), Some(dd)) if f.dir.is_none() => {
                    self.written_weekday_year(anchor::weekday_year(base, y, m, dd, wd, t), m, dd, wd)
                }
                _ => y,
            };
            // `February 29` is in a leap year: the last one before the anchor in
            // a past clause, the next in a future one, the nearer one to a
            // story's time; with no such cue it stays underspecified.
            let cued = narrative || matches!(t, Tense::Past | Tense::PastWeak | Tense::Future);
            if m == 2 && day == Some(29) && cued && Date::checked(y, 2, 29).is_none() {
                let by = base.year();
                let leap_day = |yy: i32| Date::checked(yy, 2, 29);
                let before = (by - 8..=by).rev().filter_map(leap_day).find(|d| *d <= base);
                let after = (by..=by + 8).filter_map(leap_day).find(|d| *d >= base);
                let pick = match (before, after, t) {
                    (Some(b), _, Tense::Past | Tense::PastWeak) | (Some(b), None, _) => Some(b),
                    (_, Some(a), Tense::Future) | (None, Some(a), _) => Some(a),
                    (Some(b), Some(a), _) => {
                        let r = base.to_epoch_days();
                        Some(if a.to_epoch_days() - r < r - b.to_epoch_days() { a } else { b })
                    }
                    (None, None, _) => None,
                };
                return pick.map_or(y, |d| d.year());
            }
            y
        };
        let cal = if let Some(h) = f.holiday {
            let rule = self.d.g.lex.holidays.get(usize::from(h)).map(|x| x.1);
            rule.and_then(|rule| {
                let (m, d) = rule.approx();
                let y = year_for(m, Some(d));
                rule.date(y).map(|d| holiday_cal(d, f))
            })
        } else if let Some(m) = f.month {
            // Day 0, the month's last, is placed as the 31st (clamped to the month).
            let y = year_for(u32::from(m), f.day.map(|d| if d == 0 { 31 } else { u32::from(d) }));
            full(self.d.g, y, f)
        } else if let (Some(wd), Some(day)) = (f.weekday, f.day) {
            // `Tuesday the 11th`: the nearest 11th that is a Tuesday, on the side
            // a tense cue points to.
            anchor::weekday_and_day(base, wd, day, cue.tense).map(|d| with_time(Cal::day(d), f))
        } else if let Some(wd) = f.weekday {
            anchor::weekday(base, wd, lean).map(|d| with_time(Cal::day(d), f))
        } else if let Some(h) = f.half.filter(|_| f.week.is_none()) {
            let y = fixed_year.unwrap_or_else(|| anchor::half_year(base, h, f.dir, t));
            full(self.d.g, y, f)
        } else if f.week.is_some() || f.half.is_some() {
            full(self.d.g, fixed_year.unwrap_or(base.year()), f)
        } else if let Some(s) = f.season {
            // A story goes on from season to season: one it names after
            // another is the first not yet over (`the winter of 1167 ... In
            // the summer`: 1167).
            let after_season = narrative && self.story().is_some_and(|(_, c)| c.gran == Gran::Season);
            let t = if after_season && f.dir.is_none() { Tense::Future } else { t };
            let y = fixed_year.unwrap_or_else(|| anchor::season_year(base, s, t, f.dir));
            full(self.d.g, y, f)
        } else if let Some(q) = f.quarter {
            let y = fixed_year.unwrap_or_else(|| anchor::quarter_year(base, q, f.dir, t));
            full(self.d.g, y, f)
        } else if f.weekend {
            // `the weekend`: this week's, or last week's in a past clause before Saturday.
            let back = lean == Lean::Back && base.weekday() < 6;
            let d = if back { base.checked_add_days(-7) } else { Some(base) };
            d.map(|d| Cal { weekend: true, ..Cal::containing(d, Gran::Week) })
        } else if let Some(day) = f.day {
            // A day of the month alone (`on the 12th`): this month's, or the
            // month before or after by the tense.
            let (y, m) = (base.year(), base.month());
            let shifted = match lean {
                Lean::Back | Lean::Last if u32::from(day) > base.day() => add_months(y, m, -1),
                Lean::Ahead | Lean::Next if u32::from(day) < base.day() => add_months(y, m, 1),
                _ => Some((y, m)),
            };
            // A day the month lacks (`the 31st` on September 30) is the
            // next month's that has it, on the tense's side.
            let step = if matches!(lean, Lean::Back | Lean::Last) { -1 } else { 1 };
            shifted
                .and_then(|(yy, mm)| {
                    Date::checked(yy, mm, u32::from(day)).or_else(|| {
                        let (y2, m2) = add_months(yy, mm, step)?;
                        Date::checked(y2, m2, u32::from(day))
                    })
                })
                .map(|d| with_time(Cal::day(d), f))
        } else if f.has_time() {
            // A time of day alone: the anchor's day; in conversation no day at all
            // (`let's meet at 3pm` does not say which).
            let day = match self.d.doctype {
                // A story moves forward: a time hours earlier in the day
                // than the story's own is the next day's.
                DocumentType::Narrative => self.story().and_then(|(_, c)| {
                    let d = c.date()?;
                    if hours_before(f, &c) { d.checked_add_days(1) } else { Some(d) }
                }),
                DocumentType::Colloquial => {
                    let mut c = with_time(Cal::new(Gran::Day), f);
                    c.time_only = true;
                    c.minute = f.minute;
                    return (Some(c), Anchor::None);
                }
                _ => match self.news_time(f, node, cue, anchor) {
                    NewsTime::Done(cal, anchor) => return (cal, anchor),
                    NewsTime::Day(d) => d,
                },
            };
            day.map(|d| with_time(Cal::day(d), f))
        } else {
            None
        };
        (cal, if cal.is_some() { anchor } else { Anchor::None })
    }

    /// `the same period a year earlier` (a rule's `precision = "y"`, a count
    /// back) after a period of one of the kinds `grans`: that period a year
    /// before.
    fn year_before_last(&self, f: &Fields, n: i64, grans: &[Gran]) -> Option<(Option<Cal>, Anchor)> {
        if f.precision != Some(Unit::Year) || n >= 0 {
            return None;
        }
        let (i, c) = self.carry.last.filter(|(_, c)| grans.contains(&c.gran))?;
        Some((c.year.map(|y| Cal { year: Some(y - 1), ..c }), self.expr_anchor(i)))
    }

    /// The day of a news story's latest report (`said Saturday`), else of
    /// its lead, when it is a few days before the reference date: the day
    /// its quoted speech was spoken. None once the story has told of the
    /// reference date itself since (`finished the tournament today.
    /// "Yesterday was ...`).
    fn speech_day(&self) -> Option<(Date, Anchor)> {
        let r = self.d.reference?;
        let (i, c) = self.carry.report_day.or(self.carry.lead)?;
        if self.carry.today.is_some_and(|t| t > i) {
            return None;
        }
        let d = c.date()?;
        let days = r.to_epoch_days() - d.to_epoch_days();
        (1..=SPEECH_DAYS).contains(&days).then(|| (d, self.expr_anchor(i)))
    }

    /// `n` units from the base, with finer fields applied after the shift.
    /// `None` when that falls off the calendar (`tomorrow` on 9999-12-31):
    /// the caller writes `FUTURE_REF` or `PAST_REF`.
    pub(super) fn shift(&self, base: Base, unit: Unit, n: i64, f: &Fields, node: &Node) -> (Option<Cal>, Anchor) {
        let afternoon = if f.hour.is_some() { self.chat_hour(f, (self.d.cues)(node)) } else { None };
        let f = afternoon.as_ref().unwrap_or(f);
        on_calendar(self.any_shift(base, unit, n, f, node))
    }

    fn any_shift(&self, base: Base, unit: Unit, n: i64, f: &Fields, node: &Node) -> (Option<Cal>, Anchor) {
        // `a year ago` after a quarter: the same quarter a year before
        // (earnings news). `The previous year`, a story's unit with no
        // count written, is the year.
        // Also past a day or a year told since the quarter, in its sentence
        // or the next two (`for the quarter, which ended Dec. 28, up from $38
        // million a year earlier`; `posted a third-quarter loss on Thursday
        // ... for the second time this year. It lost $212 million, compared
        // with a profit a year earlier`), unless a year comes just before it
        // in its own sentence (`sales in fiscal 2001, which ended May 31, up
        // from a year earlier`).
        let year_here = || {
            self.carry.anchors[rank(Gran::Year)]
                .is_some_and(|(j, c)| c.gran == Gran::Year && self.sentence_at(self.start_of(j)) == self.sentence(node))
        };
        let quarter = self.carry.last.filter(|(_, c)| c.gran == Gran::Quarter).or_else(|| {
            self.carry.anchors[rank(Gran::Quarter)].filter(|(i, c)| {
                let gap = self.sentence(node).saturating_sub(self.sentence_at(self.start_of(*i)));
                c.gran == Gran::Quarter && (gap == 0 || (gap <= QUARTER_SENTENCES && !year_here()))
            })
        });
        // Counted from the writer's day, only one year back compares a
        // quarter (`four years ago` after `the first quarter of 2020` is 2015).
        if unit == Unit::Year
            && n != 0
            && f.aside
            && (f.n.is_some() || base != Base::Story)
            && (base == Base::Story || n.abs() == 1)
            && let Some((i, c)) = quarter
            && let Some(y) = c.year
        {
            let y2 = i64::from(y) + n;
            if let Ok(y2) = i32::try_from(y2) {
                return (Some(Cal { year: Some(y2), ..c }), self.expr_anchor(i));
            }
        }
        let narrative = self.d.doctype == DocumentType::Narrative;
        // `in 1957, 16 years after his defeat`, `formed in 1994, 35 years
        // later`: a count set beside the date just written restates it.
        if base == Base::Story
            && (self.d.after_comma)(node)
            && let Some((i, c)) = self.carry.last
            && i + 1 == self.next_index()
            && self.carry.last_end + 1 == node.start
        {
            return (Some(c), self.expr_anchor(i));
        }
        // `in the 1870s ... by the end of the decade`, `in the early 1950s
        // ... two decades later`: the decade the story last named, when no
        // year came after it, or decades from it (in news too: `two decades
        // later` is no time ahead of the writer's day).
        if (narrative || (n != 0 && base == Base::Story))
            && unit == Unit::Decade
            && let Some((i, c)) = self.carry.decade
            && self.carry.last.is_none_or(|(j, _)| j < i)
            && let Some(d) = c.decade.and_then(|d| i32::try_from(i64::from(d) + n).ok())
            && (n == 0 || (d > 0 && c.decade.is_some_and(|x| x > 0)))
        {
            return (Some(Cal { decade: Some(d), ..c }), self.expr_anchor(i));
        }
        // A story before the common era: whole years count back and forth
        // (`the following year` after 492 BC); nothing finer is known.
        if narrative
            && matches!(base, Base::Speech | Base::Story)
            && let Some((i, c)) = self.story()
            && c.year.is_some_and(|y| y < 0)
        {
            // A year with the month or season written (`the spring of that year`).
            let c = bc_shift(c, unit, n).map(|c| match c.year.filter(|_| c.gran == Gran::Year && unit == Unit::Year) {
                Some(y) => full(self.d.g, y, f).unwrap_or(c),
                None => c,
            });
            return (c, if c.is_some() { self.expr_anchor(i) } else { Anchor::None });
        }
        // `the year-earlier period` just after `the first half`: that half a
        // year before, not the quarter the report is about.
        if base == Base::Report
            && let Some(x) = self.year_before_last(f, n, &[Gran::Half])
        {
            return x;
        }
        let from_reference = || self.d.reference.map(|r| (r, Anchor::Reference(r)));
        let told = if n != 0 { self.story_told() } else { self.story() };
        let from_story = || told.and_then(|(i, c)| Some((c.first_day()?, self.expr_anchor(i))));
        // The coarser of the unit and the story's own time, when a narrative
        // has no anchor fine enough (`three days later` after `in April`).
        let mut coarse: Option<Gran> = None;
        // `rejected on 29 July ... a fortnight later`: weeks counted from a
        // day the story names give a day.
        let mut from_day = false;
        let start = match base {
            // A narrative tells of its own time: `the end of the month`, `that
            // year` are the story's, not the writer's.
            // Unless it plans ahead from the writer's day.
            Base::Speech if narrative && n != 0 && (self.writers_plan(f, node) || self.writers_word(f, unit, node)) => {
                from_reference().or_else(from_story)
            }
            Base::Speech if narrative => from_story().or_else(from_reference),
            // `In 2012, sales rose; by the end of the year ...`: that year.
            Base::Speech if n == 0 && unit == Unit::Year && f.dir.is_none() && self.d.doctype == DocumentType::News => {
                match self.told_year(node, false) {
                    Some((y, i)) => Date::checked(y, 7, 1).map(|d| (d, self.expr_anchor(i))),
                    None => from_reference(),
                }
            }
            // `On Tuesday, ... "Tonight we have shown ...," the director told
            // reporters`: speech quoted in a story of a few days before the
            // reference date is of the story's day (its report's, else its lead's).
            Base::Speech if unit == Unit::Day && self.d.doctype == DocumentType::News && (self.d.quoted)(node) => {
                self.speech_day().or_else(from_reference)
            }
            Base::Speech => from_reference(),
            Base::Story => {
                let r = rank(Gran::of_unit(unit)).min(4);
                // News: a count back in a past clause does not start from a
                // time after the writer's day (`price rises will take effect
                // next month ... margin narrowed from the previous quarter`).
                let past_news = !narrative && n < 0 && (self.d.cues)(node).tense.is_past();
                let ahead = |c: &Cal| past_news && self.d.reference.zip(c.first_day()).is_some_and(|(r, d)| d > r);
                let mut found =
                    self.carry.anchors[..=r].iter().flatten().filter(|(_, c)| !ahead(c)).max_by_key(|(i, _)| *i);
                // A history that has moved on (`On 15 August 1769 ... In
                // March 1796 ... two days later`): a finer date before the
                // story's latest time is no longer its time. A look back
                // (`found on 5 March 2022, where she sank in 1915`) leaves
                // it; `that day` still points back to the day last named. An
                // aside ahead (`which would be raised in 1942. Three days
                // later`) is taken for the story's time: histories rarely
                // write one just before such a count.
                // A time the same sentence names (`In March 1930 they met,
                // and two weeks later`) is the story's time even when it
                // looks back.
                if narrative
                    && n != 0
                    && !self.carry.last_is_heading
                    && let (Some((i, c)), Some((j, s))) = (found, self.story())
                    && j > *i
                    && let (Some(day), Some((from, to))) = (c.first_day(), s.interval())
                    && (day < from || (day >= to && self.sentence_at(self.start_of(j)) == self.sentence(node)))
                {
                    found = None;
                }
                from_day = found.is_some_and(|(_, c)| c.gran >= Gran::Day);
                match found {
                    Some((i, c)) => c.first_day().map(|d| (d, self.expr_anchor(*i))),
                    // The writer's date says nothing of a story's events.
                    None if narrative => told.and_then(|(i, c)| {
                        coarse = Some(c.gran);
                        Some((c.first_day()?, self.expr_anchor(i)))
                    }),
                    None => from_reference(),
                }
            }
            // In conversation `this quarter` is the present one, not a report's.
            Base::Report if self.d.doctype == DocumentType::Colloquial => from_reference(),
            // `Revenue this quarter will fall`: a forecast is of the quarter
            // under way (`expects revenue in the latest quarter to total`
            // still the one reported on).
            Base::Report if n == 0 && f.dir == Some(Dir::This) && (self.d.cues)(node).tense == Tense::Future => {
                from_reference()
            }
            Base::Report => {
                let g = Gran::of_unit(unit);
                // The period a report is about has ended by the day it is
                // written: a later one named (`a fourth-quarter charge`
                // ahead) is not it.
                let ended = |c: &Cal| match (self.d.reference, c.interval()) {
                    (Some(r), Some((_, end))) => r.checked_add_days(1).is_none_or(|next| end <= next),
                    _ => true,
                };
                if let Some((i, c)) = self.carry.anchors[rank(g)].filter(|(_, c)| c.gran == g && ended(c)) {
                    let d = c.first_day();
                    let mut c = d.and_then(|d| shift_date(d, unit, n)).map(|d| Cal::containing(d, g));
                    if let (Some(c), Some(y)) = (c.as_mut(), f.year) {
                        c.year = Some(y);
                    }
                    return (c, self.expr_anchor(i));
                }
                // `the same period a year earlier` (a rule's `precision = "y"`)
                // after a year, season or month: that period a year before
                // (`the first two months of 2026`: 2025); else a quarter, as
                // an earnings report's period is.
                if let Some(x) = self.year_before_last(f, n, &[Gran::Year, Gran::Season, Gran::Month]) {
                    return x;
                }
                let with_year = |mut c: Cal| {
                    if let Some(y) = f.year {
                        c.year = Some(y);
                    }
                    c
                };
                // With no period of a report in the text, `this quarter` in a
                // clause not in the past is the one under way (`sales for
                // this quarter`); `this quarter's loss was large` and `the
                // latest quarter` the one before.
                let now = n == 0 && f.dir == Some(Dir::This) && !(self.d.cues)(node).tense.is_past();
                let back = if now { 0 } else { 1 };
                return match self.d.reference {
                    Some(r) => {
                        (shift_date(r, unit, n - back).map(|d| with_year(Cal::containing(d, g))), Anchor::Reference(r))
                    }
                    None => (None, Anchor::None),
                };
            }
        };
        let Some((d, anchor)) = start else {
            return (None, Anchor::None);
        };
        let fine = f.precision.filter(|p| *p < unit).unwrap_or(unit);
        let counted = f.n.is_some() && f.weekday.is_none();
        let fine = if from_day && counted && fine == Unit::Week { Unit::Day } else { fine };
        // A week moves from its Monday: the same week as from any of its days,
        // but `next week` late in 9999 is then its last week, which the calendar
        // still holds (0001-01-01 is a Monday, so the Monday is always there).
        let d = if unit == Unit::Week && fine == Unit::Week {
            d.checked_add_days(1 - i64::from(d.weekday())).unwrap_or(d)
        } else {
            d
        };
        let Some(d2) = shift_date(d, unit, n) else {
            return (None, anchor);
        };
        // `a month and 3 days ago`: the finer unit moves after the coarser.
        let (d2, fine) = match (f.n2, f.unit2) {
            #[allow(clippy::cast_possible_truncation)]
            (Some(n2), Some(u2)) if u2 < unit && n2.fract() == 0.0 && n2.abs() < 1e7 => {
                match shift_date(d2, u2, (n2 as i64) * n.signum()) {
                    Some(x) => (x, fine.min(u2)),
                    None => return (None, anchor),
                }
            }
            _ => (d2, fine),
        };
        let unit = fine;
        let Some(mut c) = attach(self.d.g, d2, unit, f) else {
            return (None, anchor);
        };
        if let Some(g) = coarse.filter(|g| *g < c.gran)
            && let Some(day) = c.first_day()
        {
            c = Cal::containing(day, g);
        }
        // `the 1988 quarter`: the period of the report, in the year written.
        if let Some(y) = f.year.filter(|_| c.gran < Gran::Month) {
            c.year = Some(y);
        }
        (Some(c), anchor)
    }
}

/// A value only if it lies on the calendar (years 1 to 9999, see
/// [`Cal::on_calendar`]).
fn on_calendar((cal, anchor): (Option<Cal>, Anchor)) -> (Option<Cal>, Anchor) {
    (cal.filter(Cal::on_calendar), anchor)
}
