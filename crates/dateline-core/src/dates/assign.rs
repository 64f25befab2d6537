//! Filling [`Fields`]: the slots a pattern element or rule constant names
//! ([`Field`]), the values elements produce ([`Got`]), and [`assign`], which
//! puts one in the other.

use super::fields::{AmPm, Dir, Fields, Offset, Part, RefKind, Season, Unit};

/// A slot a pattern element or a rule constant can fill, by its name in the
/// resource files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Year,
    Yy,
    Month,
    Day,
    Weekday,
    Week,
    Quarter,
    Half,
    Season,
    Part,
    Hour,
    Minute,
    Second,
    AmPm,
    Zone,
    Decade,
    Century,
    Holiday,
    N,
    N2,
    N3,
    Unit,
    Unit2,
    Unit3,
    Ordinal,
    Dir,
    Lean,
    Mod,
    Ref,
    Freq,
    Every,
    Fiscal,
    Weekend,
    Vague,
    ShortDecade,
    WeekOf,
    FutureOnly,
    StoryOnly,
    DayStart,
    ChatOnly,
    NarrativeOnly,
    /// A word of the writer's day (`last year`).
    Writers,
    Precision,
    Frac,
    Aside,
    Bc,
    /// Minutes before the hour (`quarter to eight`).
    ToHour,
    /// Bare hours written with words may run past noon (`from 9 to 5`).
    Wrap,
    /// An ordinal century (`20th`): the century field is one less.
    NthCentury,
}

impl Field {
    /// Whether the field is a flag, set by being matched or named.
    pub(crate) fn is_flag(self) -> bool {
        matches!(
            self,
            Self::Every
                | Self::Fiscal
                | Self::Weekend
                | Self::Vague
                | Self::ShortDecade
                | Self::WeekOf
                | Self::FutureOnly
                | Self::StoryOnly
                | Self::DayStart
                | Self::ChatOnly
                | Self::NarrativeOnly
                | Self::Writers
                | Self::Aside
                | Self::Bc
                | Self::ToHour
                | Self::Wrap
        )
    }

    pub(crate) fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "year" => Self::Year,
            "yy" => Self::Yy,
            "month" => Self::Month,
            "day" => Self::Day,
            "weekday" => Self::Weekday,
            "week" => Self::Week,
            "quarter" => Self::Quarter,
            "half" => Self::Half,
            "season" => Self::Season,
            "part" => Self::Part,
            "hour" => Self::Hour,
            "minute" => Self::Minute,
            "second" => Self::Second,
            "ampm" => Self::AmPm,
            "zone" => Self::Zone,
            "decade" => Self::Decade,
            "century" => Self::Century,
            "holiday" => Self::Holiday,
            "n" => Self::N,
            "n2" => Self::N2,
            "n3" => Self::N3,
            "unit" => Self::Unit,
            "unit2" => Self::Unit2,
            "unit3" => Self::Unit3,
            "ordinal" => Self::Ordinal,
            "dir" => Self::Dir,
            "lean" => Self::Lean,
            "mod" => Self::Mod,
            "ref" => Self::Ref,
            "freq" => Self::Freq,
            "every" => Self::Every,
            "fiscal" => Self::Fiscal,
            "weekend" => Self::Weekend,
            "vague" => Self::Vague,
            "short_decade" => Self::ShortDecade,
            "week_of" => Self::WeekOf,
            "future_only" => Self::FutureOnly,
            "story_only" => Self::StoryOnly,
            "day_start" => Self::DayStart,
            "chat_only" => Self::ChatOnly,
            "narrative_only" => Self::NarrativeOnly,
            "writers" => Self::Writers,
            "precision" => Self::Precision,
            "frac" => Self::Frac,
            "aside" => Self::Aside,
            "bc" => Self::Bc,
            "to_hour" => Self::ToHour,
            "wrap" => Self::Wrap,
            "nth_century" => Self::NthCentury,
            _ => return None,
        })
    }
}

/// A value an element produced, before it is put in a [`Field`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Got {
    Int(i64),
    Num(f64),
    /// A unit and how many of it one word means (`fortnight`: two weeks).
    Unit(Unit, f64),
    Season(Season),
    Part(Part),
    AmPm(AmPm),
    Zone(Offset),
    Dir(Dir),
    Mod(&'static str),
    Ref(RefKind),
    Holiday(u16),
    Flag,
}

fn small<T: TryFrom<i64>>(v: i64, lo: i64, hi: i64) -> Option<T> {
    if (lo..=hi).contains(&v) { T::try_from(v).ok() } else { None }
}

/// Puts `got` in `field` of `f`; `false` when it does not fit (a month 13,
/// a unit where a number belongs).
pub(crate) fn assign(f: &mut Fields, field: Field, got: Got) -> bool {
    let int = match got {
        Got::Int(v) => Some(v),
        #[allow(clippy::cast_possible_truncation)]
        Got::Num(v) if v.fract() == 0.0 && v.abs() < 1e12 => Some(v as i64),
        _ => None,
    };
    let num = match got {
        Got::Int(v) =>
        {
            #[allow(clippy::cast_precision_loss)]
            Some(v as f64)
        }
        Got::Num(v) => Some(v),
        _ => None,
    };
    macro_rules! put {
        ($slot:expr, $lo:expr, $hi:expr) => {{
            match int.and_then(|v| small(v, $lo, $hi)) {
                Some(v) => {
                    $slot = Some(v);
                    true
                }
                None => false,
            }
        }};
    }
    match field {
        Field::Year => put!(f.year, 1, 9999),
        Field::Yy => put!(f.yy, 0, 99),
        Field::Month => put!(f.month, 1, 12),
        // Day 0 is the last day of its month (`the last day of March`).
        Field::Day => match int {
            Some(-1) => {
                f.day = Some(0);
                true
            }
            _ => put!(f.day, 1, 31),
        },
        Field::Weekday => put!(f.weekday, 1, 7),
        // Week 0 is the last week of its year (`the last week of 2016`).
        Field::Week => match int {
            Some(-1) => {
                f.week = Some(0);
                true
            }
            _ => put!(f.week, 1, 53),
        },
        Field::NthCentury => match int.and_then(|v| small::<i32>(v - 1, 0, 99)) {
            Some(c) => {
                f.century = Some(c);
                true
            }
            None => false,
        },
        Field::Quarter => match int {
            Some(-1) => {
                f.quarter = Some(4);
                true
            }
            _ => put!(f.quarter, 1, 4),
        },
        Field::Half => match int {
            Some(-1) => {
                f.half = Some(2);
                true
            }
            _ => put!(f.half, 1, 2),
        },
        Field::Hour => put!(f.hour, 0, 24),
        Field::Minute => put!(f.minute, 0, 59),
        Field::Second => put!(f.second, 0, 60),
        Field::Decade => put!(f.decade, -9, 999),
        Field::Century => put!(f.century, 0, 99),
        Field::Ordinal => put!(f.ordinal, -1, 1000),
        Field::Freq => put!(f.freq, 0, 10_000),
        Field::Frac => match num {
            Some(v) if (0.0..1.0).contains(&v) => {
                f.frac = Some(v);
                true
            }
            _ => false,
        },
        Field::N | Field::N2 | Field::N3 => match num {
            Some(v) if (0.0..1e9).contains(&v) => {
                match field {
                    Field::N => f.n = Some(v),
                    Field::N2 => f.n2 = Some(v),
                    _ => f.n3 = Some(v),
                }
                true
            }
            _ => false,
        },
        Field::Unit | Field::Unit2 | Field::Unit3 => match got {
            Got::Unit(u, mult) => {
                let (unit, n) = match field {
                    Field::Unit => (&mut f.unit, &mut f.n),
                    Field::Unit2 => (&mut f.unit2, &mut f.n2),
                    _ => (&mut f.unit3, &mut f.n3),
                };
                *unit = Some(u);
                if (mult - 1.0).abs() > f64::EPSILON {
                    *n = Some(n.unwrap_or(1.0) * mult);
                }
                true
            }
            _ => false,
        },
        Field::Season => {
            if let Got::Season(s) = got {
                f.season = Some(s);
                true
            } else {
                false
            }
        }
        Field::Part => {
            if let Got::Part(p) = got {
                f.part = Some(p);
                true
            } else {
                false
            }
        }
        Field::AmPm => {
            if let Got::AmPm(a) = got {
                f.ampm = Some(a);
                true
            } else {
                false
            }
        }
        Field::Zone => {
            if let Got::Zone(z) = got {
                f.zone = Some(z);
                true
            } else {
                false
            }
        }
        Field::Dir => {
            if let Got::Dir(d) = got {
                f.dir = Some(d);
                true
            } else {
                false
            }
        }
        Field::Lean => {
            if let Got::Dir(d) = got {
                f.lean = Some(d);
                true
            } else {
                false
            }
        }
        Field::Mod => {
            if let Got::Mod(m) = got {
                f.modifier = Some(m);
                true
            } else {
                false
            }
        }
        Field::Ref => {
            if let Got::Ref(r) = got {
                f.reference = Some(r);
                true
            } else {
                false
            }
        }
        Field::Holiday => {
            if let Got::Holiday(h) = got {
                f.holiday = Some(h);
                true
            } else {
                false
            }
        }
        Field::Every => {
            f.every = true;
            true
        }
        Field::Fiscal => {
            f.fiscal = true;
            true
        }
        Field::Weekend => {
            f.weekend = true;
            true
        }
        Field::Vague => {
            f.vague = true;
            true
        }
        Field::ShortDecade => {
            f.short_decade = true;
            true
        }
        Field::WeekOf => {
            f.week_of = true;
            true
        }
        Field::FutureOnly => {
            f.future_only = true;
            true
        }
        Field::StoryOnly => {
            f.story_only = true;
            true
        }
        Field::DayStart => {
            f.day_start = true;
            true
        }
        Field::ChatOnly => {
            f.chat_only = true;
            true
        }
        Field::NarrativeOnly => {
            f.narrative_only = true;
            true
        }
        Field::Writers => {
            f.writers = true;
            true
        }
        Field::Aside => {
            f.aside = true;
            true
        }
        Field::Bc => {
            f.bc = true;
            true
        }
        Field::ToHour => {
            f.to_hour = true;
            true
        }
        Field::Wrap => {
            f.wrap = true;
            true
        }
        Field::Precision => {
            if let Got::Unit(u, _) = got {
                f.precision = Some(u);
                true
            } else {
                false
            }
        }
    }
}
