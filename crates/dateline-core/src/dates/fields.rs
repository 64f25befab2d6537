//! The typed pieces a time expression is made of: units, seasons, parts of
//! the day, directions, TIMEX3 modifiers, and [`Fields`], the slots a rule
//! fills while it matches (`March` fills `month`, `5th` fills `day`).
//!
//! The machinery that fills them, [`Field`], [`Got`] and [`assign`], is in
//! `assign.rs` and re-exported here.

pub(crate) use super::assign::{Field, Got, assign};

/// A calendar unit: of durations, of relative offsets, and the granularity of
/// a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// How many of `fine` make one of `self`, where that is fixed (a month
    /// has no fixed number of days).
    pub(crate) fn per(self, fine: Unit) -> Option<f64> {
        Some(match (self, fine) {
            (Self::Century, Self::Year) => 100.0,
            (Self::Decade, Self::Year) => 10.0,
            (Self::Year, Self::Month) => 12.0,
            (Self::Year, Self::Quarter) => 4.0,
            (Self::Half, Self::Month) => 6.0,
            (Self::Quarter, Self::Month) => 3.0,
            (Self::Week, Self::Day) => 7.0,
            (Self::Day, Self::Hour) => 24.0,
            (Self::Hour, Self::Minute) => 60.0,
            (Self::Minute, Self::Second) => 60.0,
            _ => return None,
        })
    }

    /// Parses a unit code of the resource files (`s`, `min`, `h`, `d`, `w`,
    /// `m`, `q`, `half`, `y`, `decade`, `century`).
    pub(crate) fn parse(code: &str) -> Option<Self> {
        Some(match code {
            "s" => Self::Second,
            "min" => Self::Minute,
            "h" => Self::Hour,
            "d" => Self::Day,
            "w" => Self::Week,
            "m" => Self::Month,
            "q" => Self::Quarter,
            "half" => Self::Half,
            "y" => Self::Year,
            "decade" => Self::Decade,
            "century" => Self::Century,
            _ => return None,
        })
    }
}

/// A season and its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn parse(code: &str) -> Option<Self> {
        Some(match code {
            "SP" => Self::Spring,
            "SU" => Self::Summer,
            "FA" => Self::Fall,
            "WI" => Self::Winter,
            _ => return None,
        })
    }

    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Spring => "SP",
            Self::Summer => "SU",
            Self::Fall => "FA",
            Self::Winter => "WI",
        }
    }

    /// The month in the middle of the season (northern hemisphere).
    pub(crate) fn middle_month(self) -> u32 {
        match self {
            Self::Spring => 4,
            Self::Summer => 7,
            Self::Fall => 10,
            Self::Winter => 1,
        }
    }

    /// The first month of the meteorological season (winter starts in December).
    pub(crate) fn first_month(self) -> u32 {
        match self {
            Self::Spring => 3,
            Self::Summer => 6,
            Self::Fall => 9,
            Self::Winter => 12,
        }
    }
}

/// A part of the day and its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl Part {
    /// About when the part of the day begins, to order it against clock
    /// times (`noon` after `the evening of 11 June` is the next day's).
    pub(crate) fn begins(self) -> u8 {
        match self {
            Self::Morning | Self::Daytime => 0,
            Self::Midday => 12,
            Self::Afternoon => 13,
            Self::Evening => 18,
            Self::Night => 21,
        }
    }

    pub(crate) fn parse(code: &str) -> Option<Self> {
        Some(match code {
            "MO" => Self::Morning,
            "MI" => Self::Midday,
            "AF" => Self::Afternoon,
            "EV" => Self::Evening,
            "NI" => Self::Night,
            "DT" => Self::Daytime,
            _ => return None,
        })
    }

    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Morning => "MO",
            Self::Midday => "MI",
            Self::Afternoon => "AF",
            Self::Evening => "EV",
            Self::Night => "NI",
            Self::Daytime => "DT",
        }
    }
}

/// The direction a modifier word gives (`last`, `next`, `this`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    /// `past`: the latest occurrence before the anchor.
    Past,
    /// `coming`: the first occurrence after the anchor.
    Future,
    /// `this`: the occurrence in the anchor's current period.
    This,
    /// `last`: as `Past`, but in conversation a weekday is the previous
    /// week's (news means the latest one).
    Last,
    /// `previous`: as `Past`, but a weekday is the previous week's.
    Previous,
    /// `next`: as `Future`, but a weekday is the next week's.
    Next,
}

impl Dir {
    pub(crate) fn parse(code: &str) -> Option<Self> {
        Some(match code {
            "past" => Self::Past,
            "future" => Self::Future,
            "this" => Self::This,
            "last" => Self::Last,
            "previous" => Self::Previous,
            "next" => Self::Next,
            _ => return None,
        })
    }

    /// `Past`, `Future` or `This`: the direction without the weekday reading.
    pub(crate) fn plain(self) -> Self {
        match self {
            Self::Last | Self::Previous => Self::Past,
            Self::Next => Self::Future,
            d => d,
        }
    }

    /// -1, 0 or 1.
    pub(crate) fn sign(self) -> i64 {
        match self.plain() {
            Self::Past => -1,
            Self::This => 0,
            _ => 1,
        }
    }
}

/// Before or after noon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AmPm {
    Am,
    Pm,
}

/// PAST_REF, PRESENT_REF or FUTURE_REF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    Past,
    Present,
    Future,
}

impl RefKind {
    pub(crate) fn parse(code: &str) -> Option<Self> {
        Some(match code {
            "PAST_REF" => Self::Past,
            "PRESENT_REF" => Self::Present,
            "FUTURE_REF" => Self::Future,
            _ => return None,
        })
    }

    pub(crate) fn value(self) -> &'static str {
        match self {
            Self::Past => "PAST_REF",
            Self::Present => "PRESENT_REF",
            Self::Future => "FUTURE_REF",
        }
    }
}

/// The TIMEX3 `mod` values.
pub(crate) const MODS: &[&str] = &[
    "START",
    "MID",
    "END",
    "APPROX",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
];

/// A TIMEX3 `mod` value from [`MODS`].
pub(crate) fn parse_mod(s: &str) -> Option<&'static str> {
    MODS.iter().copied().find(|m| *m == s)
}

/// A time zone offset from UTC, in minutes; or, with [`US_DAYLIGHT`] added,
/// a US zone's standard offset whose clocks go forward in summer (`ET`,
/// `Pacific time`): [`zone_on`] reads the offset off the day.
pub(crate) type Offset = i16;

/// Marks a US zone that keeps daylight saving time (real offsets stay
/// within ±14 hours, far below it).
pub(crate) const US_DAYLIGHT: Offset = 1 << 13;

/// The UTC offset of zone `z` on `day`: one hour more than a US zone's
/// standard offset while the US keeps daylight saving time (the standard
/// one without a day).
pub(crate) fn zone_on(z: Offset, day: Option<crate::civil::Date>) -> Offset {
    if z < US_DAYLIGHT / 2 {
        return z;
    }
    let standard = z - US_DAYLIGHT;
    standard + if day.is_some_and(super::cal::us_daylight) { 60 } else { 0 }
}

/// The slots a rule fills while it matches. Every field is optional; what a
/// rule makes of them is its `make` (see `value.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Fields {
    pub year: Option<i32>,
    /// A year written with two digits (`'96`, `9/18/15`).
    pub yy: Option<u8>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub weekday: Option<u8>,
    pub week: Option<u8>,
    pub quarter: Option<u8>,
    pub half: Option<u8>,
    pub season: Option<Season>,
    pub part: Option<Part>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    pub second: Option<u8>,
    pub ampm: Option<AmPm>,
    pub zone: Option<Offset>,
    /// A decade as its first three digits (`199` for the 1990s), or, from a
    /// word such as `nineties`, its digit in an unknown century (`9`).
    pub decade: Option<i32>,
    /// A century as its first two digits (`19` for the 20th century); a
    /// rule's `bc` makes it negative, counted from -1 (see `Cal::century`).
    pub century: Option<i32>,
    /// The index of a holiday in the grammar's table.
    pub holiday: Option<u16>,
    /// A count (`three`, `2.5`); `vague` when it is `few`, `several`.
    pub n: Option<f64>,
    pub vague: bool,
    pub unit: Option<Unit>,
    /// A second count and unit (`a year and six months`).
    pub n2: Option<f64>,
    pub unit2: Option<Unit>,
    /// A third count and unit, finer still (`three years, one month and two
    /// days`); durations only.
    pub n3: Option<f64>,
    pub unit3: Option<Unit>,
    /// An ordinal (`third`); -1 for `last`.
    pub ordinal: Option<i32>,
    pub dir: Option<Dir>,
    /// A hint of direction that is not a direction word (`Wednesday's ruling`
    /// names a day already past): the nearest occurrence that way.
    pub lean: Option<Dir>,
    pub modifier: Option<&'static str>,
    pub reference: Option<RefKind>,
    /// The `freq` count of a set (`twice a week` → 2).
    pub freq: Option<u16>,
    /// `every`, `each`: the set's `quant` is EVERY.
    pub every: bool,
    /// `fiscal`: a fiscal year or quarter.
    pub fiscal: bool,
    /// A weekend rather than a week.
    pub weekend: bool,
    /// A decade in `'90s` form: the century is left to context.
    pub short_decade: bool,
    /// The week that contains the day (`the week of March 2`).
    pub week_of: bool,
    /// A shift that is a date only in a future clause (`in two years`), a
    /// duration otherwise.
    pub future_only: bool,
    /// The granularity a shift's value is given at, when not its unit's
    /// (`in 3 weeks` is a day).
    pub precision: Option<Unit>,
    /// A fraction added to the count (`two and a half years`).
    pub frac: Option<f64>,
    /// A value that looks back from the story without moving it (`a year
    /// ago`, `two days earlier`): not an anchor for what follows.
    pub aside: bool,
    /// A year before the common era (`480 BC`).
    pub bc: bool,
    /// The minutes count back from the hour (`quarter to eight` is 7:45).
    pub to_hour: bool,
    /// Bare hours written with words that run backwards run past noon
    /// (`from 9 to 5 tomorrow`); with a dash they are a score (`7-6`).
    pub wrap: bool,
    /// A shift that is a date only in a narrative with a time of its own
    /// (`five days after the opening`), a duration otherwise.
    pub story_only: bool,
    /// A midnight that starts a day (`shortly after midnight`): written as
    /// the next day's T00:00, not the day's T24:00.
    pub day_start: bool,
    /// A form that is a time only in conversation (`see you at 5.`): in a
    /// news or narrative document it is no time expression.
    pub chat_only: bool,
    /// A form that is a time expression only in a narrative (`he was 52
    /// years old`: a length, as histories annotate ages; news does not).
    pub narrative_only: bool,
    /// A word that counts from the writer's day (`last year`, `next
    /// month`, not `the next month`): in a narrative, outside quotation
    /// marks, it keeps to the writer's day.
    pub writers: bool,
}

macro_rules! fill {
    ($a:ident, $b:ident, $($f:ident),*) => { $( if $a.$f.is_none() { $a.$f = $b.$f; } )* };
}

impl Fields {
    /// Fills the slots that `self` leaves empty from `other`.
    pub(crate) fn fill_from(&mut self, other: &Self) {
        let a = self;
        fill!(
            a, other, year, yy, month, day, weekday, week, quarter, half, season, part, hour, minute, second, ampm,
            zone, decade, century, holiday, n, unit, n2, unit2, n3, unit3, ordinal, dir, lean, modifier, reference,
            freq, frac
        );
        a.vague |= other.vague;
        a.every |= other.every;
        a.fiscal |= other.fiscal;
        a.weekend |= other.weekend;
        a.short_decade |= other.short_decade;
        a.week_of |= other.week_of;
        a.future_only |= other.future_only;
        a.aside |= other.aside;
        a.bc |= other.bc;
        a.to_hour |= other.to_hour;
        a.wrap |= other.wrap;
        a.story_only |= other.story_only;
        a.day_start |= other.day_start;
        a.chat_only |= other.chat_only;
        a.narrative_only |= other.narrative_only;
        a.writers |= other.writers;
        if a.precision.is_none() {
            a.precision = other.precision;
        }
    }

    /// Whether any calendar slot (a date, a period or a time) is filled.
    pub(crate) fn has_calendar(&self) -> bool {
        self.year.is_some()
            || self.yy.is_some()
            || self.month.is_some()
            || self.day.is_some()
            || self.weekday.is_some()
            || self.week.is_some()
            || self.quarter.is_some()
            || self.half.is_some()
            || self.season.is_some()
            || self.decade.is_some()
            || self.century.is_some()
            || self.holiday.is_some()
            || self.weekend
            || self.has_time()
    }

    /// These fields with the year, month and day of `d`.
    pub(crate) fn on(self, d: crate::civil::Date) -> Self {
        Self { year: Some(d.year()), month: u8::try_from(d.month()).ok(), day: u8::try_from(d.day()).ok(), ..self }
    }

    /// Whether a weekday is filled with no day, month or year (`Monday`).
    pub(crate) fn weekday_alone(&self) -> bool {
        self.weekday.is_some() && self.day.is_none() && self.month.is_none() && self.year.is_none()
    }

    /// Whether a time of day is filled with no day, weekday, month, year or
    /// direction (`at 3:15 p.m.`).
    pub(crate) fn time_alone(&self) -> bool {
        self.has_time()
            && self.day.is_none()
            && self.weekday.is_none()
            && self.month.is_none()
            && self.year.is_none()
            && self.dir.is_none()
    }

    /// Whether a day of the month is filled with no weekday, month, year
    /// or time (`the 23rd`).
    pub(crate) fn day_alone(&self) -> bool {
        self.day.is_some()
            && self.weekday.is_none()
            && self.month.is_none()
            && self.year.is_none()
            && self.yy.is_none()
            && !self.has_time()
    }

    /// Whether a time of day or a part of the day is filled.
    pub(crate) fn has_time(&self) -> bool {
        self.hour.is_some() || self.part.is_some()
    }

    /// The hour on a 24-hour clock, with `a.m.`/`p.m.` applied, or the part
    /// of the day (`7 in the evening` is 19:00).
    pub(crate) fn hour24(&self) -> Option<u8> {
        let h = self.hour?;
        Some(match (self.ampm, self.part) {
            (Some(AmPm::Pm), _) if h < 12 => h + 12,
            (Some(AmPm::Am), _) if h == 12 => 0,
            (None, Some(Part::Afternoon | Part::Evening)) if h < 12 => h + 12,
            (None, Some(Part::Night)) if (6..12).contains(&h) => h + 12,
            _ => h,
        })
    }

    /// The count as a whole number, if it is one.
    pub(crate) fn whole_n(&self) -> Option<i64> {
        let n = self.n?;
        #[allow(clippy::cast_possible_truncation)]
        (n.fract() == 0.0 && n.abs() < 1e9).then_some(n as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_keeps_what_is_set() {
        let mut a = Fields { month: Some(3), ..Fields::default() };
        let b = Fields { month: Some(4), day: Some(5), fiscal: true, ..Fields::default() };
        a.fill_from(&b);
        assert_eq!((a.month, a.day, a.fiscal), (Some(3), Some(5), true));
    }

    #[test]
    fn twelve_hour_clock() {
        let f = |h, ampm| Fields { hour: Some(h), ampm, ..Fields::default() }.hour24();
        assert_eq!(f(5, Some(AmPm::Pm)), Some(17));
        assert_eq!(f(12, Some(AmPm::Am)), Some(0));
        assert_eq!(f(12, Some(AmPm::Pm)), Some(12));
        assert_eq!(f(9, None), Some(9));
    }
}
