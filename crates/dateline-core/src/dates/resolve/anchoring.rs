//! Resolving points: the anchor a point without a year is read against (the
//! reference date, the story's time, a year written in the sentence) and
//! which occurrence of a weekday or month it means. Shifts (`n` units from a
//! base) are in `shift.rs`.

use super::Resolver;
use super::build::{full, holiday_cal, with_time};
use super::clock::{NewsTime, hours_before};
use crate::civil::Date;
use crate::dates::anchor::{self, Lean};
use crate::dates::cal::{Cal, Gran, add_months};
use crate::dates::fields::{AmPm, Dir, Fields};
use crate::dates::scan::Node;
use crate::dates::tense::{Cue, Tense};
use crate::dates::{Anchor, DocumentType, Prefer};

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
    pub(super) fn chat_hour(&self, f: &Fields, cue: Cue) -> Option<Fields> {
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
        // Two digits take their century from the story in a history (`the
        // storming of the Bastille in '89`, told of 1789), else from the
        // reference date.
        let story_year = || self.story().and_then(|(_, c)| c.year);
        let base_year = if self.d.doctype == DocumentType::Narrative {
            story_year().or_else(|| self.d.reference.map(Date::year))
        } else {
            self.d.reference.map(Date::year).or_else(story_year)
        };
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
            if self.d.doctype == DocumentType::Narrative && story_year().is_some() {
                // A history's decade is the one nearest its story that
                // begins no more than ten years after it (`the war ended in
                // 1865; in the '70s the city grew`: the 1870s; `in 1990 the
                // band split, famous in the '20s`: the 1920s).
                let far = |dec: &i32| (dec * 10 + 5 - by).abs();
                dec = [dec - 10, dec, dec + 10]
                    .into_iter()
                    .filter(|x| x * 10 <= by + 10)
                    .min_by_key(far)
                    .unwrap_or(dec - 10);
            } else if dec * 10 > by {
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
        let looks_back = || cue.at.is_some_and(|k| (self.d.reported_perfect)(k));
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
                // `testified that she had seen it in early June`: a look back
                // reported in the past perfect is before the story's time.
                None if narrative && looks_back() => anchor::month_year_dir(base, m, Lean::Back),
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
                // The year was chosen by the feast's usual date; a movable
                // feast still on the tense's side of the anchor a year
                // nearer is that year's (`will offer today, on Ascension
                // Day`, written on June 1, 2000: that day, not 2001's).
                let on_side = |yy: i32| {
                    fixed_year.is_none()
                        && f.dir.is_none()
                        && rule.date(yy).is_some_and(|x| anchor::on_side(x, base, t))
                };
                let y = match t {
                    Tense::Future if on_side(y - 1) => y - 1,
                    Tense::Past | Tense::PastWeak if on_side(y + 1) => y + 1,
                    _ => y,
                };
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
}

/// A value only if it lies on the calendar (years 1 to 9999, see
/// [`Cal::on_calendar`]).
pub(super) fn on_calendar((cal, anchor): (Option<Cal>, Anchor)) -> (Option<Cal>, Anchor) {
    (cal.filter(Cal::on_calendar), anchor)
}
