//! From what an expression says ([`Meaning`]) to its TIMEX3 value, given the publication date.
//!
//! Relative expressions resolve against two anchors, as TimeML does: the publication date for
//! deictic ones ("yesterday", "last week", "two days ago") and the last date the text mentioned
//! for anaphoric ones ("the next day", "three weeks later", "a year earlier"). Without a
//! publication date, deictic expressions keep what they state and mark the rest unknown
//! ("XXXX-03-05", "XXXX-WXX").

use super::lexicon::{DayPart, Holiday, Position, Reference, Season, Unit};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use parallax_model::{TimeKind, TimeModifier};

/// What the clause around an expression says about when it happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How many of a unit: a number, or an unknown number ("several years").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Amount {
    Exact(f64),
    Vague,
}

/// A clock time of day, or a part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clock {
    /// `twelve_hour`: told without "a.m." or "p.m." ("eleven o'clock"), so an hour before noon
    /// may be the afternoon's.
    At {
        hour: u32,
        minute: u32,
        twelve_hour: bool,
    },
    Part(DayPart),
}

/// What a time expression says, before it is anchored.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Meaning {
    /// A calendar date from its parts; a missing year comes from the context, and from the
    /// weekday when one is given ("Saturday, April 25").
    Date {
        weekday: Option<Weekday>,
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
    },
    /// A weekend, shifted ("last weekend": -1) or not ("the weekend"), which the tense settles.
    Weekend { shift: Option<i32> },
    /// A month named with a shift: "last March" (-1), "this September" (0), "next May" (+1).
    ShiftedMonth { month: u32, shift: i32 },
    /// A month of the publication year, shifted by whole years: "June last year" (-1).
    MonthInYear { month: u32, year_shift: i32 },
    /// A holiday, with an explicit shift ("last Christmas") or none.
    Holiday {
        holiday: Holiday,
        shift: Option<i32>,
    },
    /// A calendar year.
    Year(i32),
    /// A decade, by its first three digits (199 for the 1990s).
    Decade(i32),
    /// A century, by its first two digits (19 for the twentieth century).
    Century(i32),
    /// A weekday, with an explicit shift ("last Friday": -1, "this Friday": 0, "next Friday":
    /// +1) or none ("on Friday"), which the tense settles.
    Weekday {
        weekday: Weekday,
        shift: Option<i32>,
    },
    /// A day counted from the publication date: "yesterday" is -1.
    Day(i64),
    /// The period of `unit` containing the publication date, shifted: "last week", "this year".
    Period { unit: Unit, shift: i32 },
    /// The period of `unit` containing the last date mentioned, shifted: "the next day", "that
    /// year", "the following week".
    Narrative { unit: Unit, shift: i32 },
    /// An amount of units before or after the publication date ("two days ago") or, when
    /// `narrative`, the last date mentioned ("three weeks later").
    Offset {
        amount: Amount,
        unit: Unit,
        sign: i32,
        narrative: bool,
    },
    /// A quarter of a year; a missing year comes from the context.
    Quarter { quarter: u32, year: Option<i32> },
    /// The period of a year the story is about ("the 1988 period"): the quarter last mentioned,
    /// moved to that year, else the year.
    PeriodOfYear(i32),
    /// A quarter referred to without its number ("the latest quarter"): the last quarter the
    /// text mentioned, or the one before the publication date.
    LatestQuarter { year_shift: i32 },
    /// A half of a year.
    Half { half: u32, year: Option<i32> },
    /// A quarter of the publication year, shifted by whole years: "last year's third quarter".
    QuarterOfYear { quarter: u32, year_shift: i32 },
    /// A half of the publication year, shifted by whole years: "the first half of next year".
    HalfOfYear { half: u32, year_shift: i32 },
    /// A season; a missing year comes from the shift or the context.
    Season {
        season: Season,
        year: Option<i32>,
        shift: Option<i32>,
    },
    /// PRESENT_REF, PAST_REF or FUTURE_REF.
    Reference(Reference),
    /// A period counted from something the text does not date, which no context stands in for
    /// ("his first year in office": the year of a tenure).
    Unanchored(Unit),
    /// A length of time.
    Duration { amount: Amount, unit: Unit },
    /// A recurrence, with its TIMEX3 value already known ("P1W", "XXXX-WXX-4").
    Set(String),
    /// A half of a month: days 1 to 15 when `first`, else 16 to the month's last, written as a
    /// range of days ("the first half of July" is 2026-07-01/2026-07-15).
    HalfOfMonth {
        first: bool,
        month: u32,
        year: Option<i32>,
    },
    /// A week of a month by its place, the last when `week` is `None`: "the first week of June"
    /// is the week of June's first Thursday, "the last week of May" that of its last.
    WeekOfMonth {
        week: Option<u32>,
        month: u32,
        year: Option<i32>,
    },
    /// A time of day on a day, or on the day of the context when `day` is `None`.
    Time {
        clock: Clock,
        day: Option<Box<Meaning>>,
    },
}

impl Meaning {
    /// Whether the expression names a period only to compare with the story's own ("a year
    /// earlier", "the year-ago quarter", "the 1988 period"), so that the story does not move
    /// there.
    pub(crate) fn is_comparison(&self) -> bool {
        match self {
            Meaning::Offset { .. } | Meaning::PeriodOfYear(_) => true,
            Meaning::LatestQuarter { year_shift } => *year_shift != 0,
            _ => false,
        }
    }
}

/// A calendar period with a known year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Point {
    Day(NaiveDate),
    Week(NaiveDate),
    Weekend(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    Decade(i32),
    Century(i32),
}

impl Point {
    /// The TIMEX3 value.
    pub(crate) fn value(self) -> String {
        match self {
            Point::Day(date) => format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()),
            Point::Week(date) => {
                let week = date.iso_week();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Point::Weekend(date) => {
                let week = date.iso_week();
                format!("{:04}-W{:02}-WE", week.year(), week.week())
            }
            Point::Month(year, month) => format!("{year:04}-{month:02}"),
            Point::Quarter(year, quarter) => format!("{year:04}-Q{quarter}"),
            Point::Half(year, half) => format!("{year:04}-H{half}"),
            Point::Season(year, season) => format!("{year:04}-{}", season.code()),
            Point::Year(year) => format!("{year:04}"),
            Point::Decade(decade) => format!("{decade:03}"),
            Point::Century(century) => format!("{century:02}"),
        }
    }

    /// The first day of the period, where it has one.
    pub(crate) fn first_day(self) -> Option<NaiveDate> {
        match self {
            Point::Day(date) => Some(date),
            Point::Week(date) | Point::Weekend(date) => {
                date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
            }
            Point::Month(year, month) => NaiveDate::from_ymd_opt(year, month, 1),
            Point::Quarter(year, quarter) => NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1),
            Point::Half(year, half) => NaiveDate::from_ymd_opt(year, half * 6 - 5, 1),
            Point::Season(year, season) => NaiveDate::from_ymd_opt(year, season.first_month(), 1),
            Point::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1),
            Point::Decade(_) | Point::Century(_) => None,
        }
    }

    /// How coarse the period is, as the unit it spans.
    fn unit(self) -> Unit {
        match self {
            Point::Day(_) => Unit::Day,
            Point::Week(_) => Unit::Week,
            Point::Weekend(_) => Unit::Weekend,
            Point::Month(..) => Unit::Month,
            Point::Quarter(..) => Unit::Quarter,
            Point::Half(..) | Point::Season(..) => Unit::Half,
            Point::Year(_) => Unit::Year,
            Point::Decade(_) => Unit::Decade,
            Point::Century(_) => Unit::Century,
        }
    }
}

/// The period of `unit` that contains `date`.
pub(crate) fn period(date: NaiveDate, unit: Unit) -> Point {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Point::Day(date),
        Unit::Week | Unit::Fortnight => Point::Week(date),
        Unit::Weekend => Point::Weekend(date),
        Unit::Month => Point::Month(date.year(), date.month()),
        Unit::Quarter => Point::Quarter(date.year(), date.month().div_ceil(3)),
        Unit::Half => Point::Half(date.year(), date.month().div_ceil(6)),
        Unit::Year => Point::Year(date.year()),
        Unit::Decade => Point::Decade(date.year().div_euclid(10)),
        Unit::Century | Unit::Millennium => Point::Century(date.year().div_euclid(100)),
    }
}

/// `date` moved by `count` units (negative: back), or `None` out of the calendar's range.
pub(crate) fn shift_date(date: NaiveDate, unit: Unit, count: i64) -> Option<NaiveDate> {
    let days = |n: i64| -> Option<NaiveDate> {
        if n >= 0 {
            date.checked_add_days(Days::new(n.unsigned_abs()))
        } else {
            date.checked_sub_days(Days::new(n.unsigned_abs()))
        }
    };
    let months = |n: i64| -> Option<NaiveDate> {
        let n32 = u32::try_from(n.unsigned_abs()).ok()?;
        if n >= 0 {
            date.checked_add_months(Months::new(n32))
        } else {
            date.checked_sub_months(Months::new(n32))
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(date),
        Unit::Day => days(count),
        Unit::Week | Unit::Weekend => days(count.checked_mul(7)?),
        Unit::Fortnight => days(count.checked_mul(14)?),
        Unit::Month => months(count),
        Unit::Quarter => months(count.checked_mul(3)?),
        Unit::Half => months(count.checked_mul(6)?),
        Unit::Year => months(count.checked_mul(12)?),
        Unit::Decade => months(count.checked_mul(120)?),
        Unit::Century => months(count.checked_mul(1200)?),
        Unit::Millennium => months(count.checked_mul(12000)?),
    }
}

/// The TIMEX3 duration value of an amount of units ("P3Y", "PT50M", "PXD").
pub(crate) fn duration_value(amount: Amount, unit: Unit) -> String {
    let (scale, designator, time) = match unit {
        Unit::Second => (1.0, 'S', true),
        Unit::Minute => (1.0, 'M', true),
        Unit::Hour => (1.0, 'H', true),
        Unit::Day | Unit::Weekend => (1.0, 'D', false),
        Unit::Week => (1.0, 'W', false),
        Unit::Fortnight => (2.0, 'W', false),
        Unit::Month => (1.0, 'M', false),
        Unit::Quarter => (1.0, 'Q', false),
        Unit::Half => (6.0, 'M', false),
        Unit::Year => (1.0, 'Y', false),
        Unit::Decade => (10.0, 'Y', false),
        Unit::Century => (100.0, 'Y', false),
        Unit::Millennium => (1000.0, 'Y', false),
    };
    let prefix = if time { "PT" } else { "P" };
    let count = match amount {
        Amount::Vague => return format!("{prefix}X{designator}"),
        Amount::Exact(count) => count * scale,
    };
    let whole = count.trunc();
    let fraction = count - whole;
    if fraction.abs() < 1e-9 {
        return format!("{prefix}{}{designator}", whole as i64);
    }
    // A fractional amount is written as whole units plus the next smaller unit, the way TIMEX3
    // writes "2 1/2 years" as P2Y6M; an amount too small for that stays decimal.
    let (smaller, per, smaller_time) = match designator {
        'Y' => ('M', 12.0, time),
        'M' if !time => ('D', 30.0, false),
        'W' => ('D', 7.0, false),
        'D' => ('H', 24.0, true),
        'H' => ('M', 60.0, true),
        'M' => ('S', 60.0, true),
        _ => return format!("{prefix}{count}{designator}"),
    };
    let rest = (fraction * per).round() as i64;
    let whole_part = if whole >= 1.0 {
        format!("{}{designator}", whole as i64)
    } else {
        String::new()
    };
    if smaller_time && !time {
        format!("P{whole_part}T{rest}{smaller}")
    } else {
        format!("{prefix}{whole_part}{rest}{smaller}")
    }
}

/// The anchors an expression is resolved against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchors {
    /// The publication date.
    pub(crate) published: Option<NaiveDate>,
    /// The last calendar period the text mentioned.
    pub(crate) narrative: Option<Point>,
    /// Whether the expression being resolved is close enough after the mention of `narrative`
    /// ([`NARRATIVE_CLOSE_BYTES`]) to take its year.
    pub(crate) narrative_is_close: bool,
    /// Whether the last time the text told was the afternoon, evening or night of its day.
    pub(crate) later_in_the_day: bool,
    /// The first day the text told: the day its story is on, which a time of day alone falls
    /// on when the last time told is no day ("the inspection last autumn …; at 5:30 a.m. …").
    pub(crate) story_day: Option<NaiveDate>,
}

impl Anchors {
    /// The day anaphoric expressions count from: the last day mentioned, else the publication
    /// date.
    fn narrative_day(&self) -> Option<NaiveDate> {
        match self.narrative {
            Some(Point::Day(date)) => Some(date),
            _ => self.published,
        }
    }

    /// The day a time of day alone falls on: the last day mentioned, else the story's day,
    /// else the publication date.
    fn clock_day(&self) -> Option<NaiveDate> {
        match self.narrative {
            Some(Point::Day(date)) => Some(date),
            _ => self.story_day.or(self.published),
        }
    }
}

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub(crate) kind: TimeKind,
    pub(crate) value: String,
    /// The calendar period, when the value is one; it becomes the narrative anchor.
    pub(crate) point: Option<Point>,
}

impl Resolved {
    pub(crate) fn date(point: Point) -> Resolved {
        Resolved {
            kind: TimeKind::Date,
            value: point.value(),
            point: Some(point),
        }
    }

    fn unknown(kind: TimeKind, value: impl Into<String>) -> Resolved {
        Resolved {
            kind,
            value: value.into(),
            point: None,
        }
    }
}

/// Resolves `meaning` against `anchors`; `tense` settles bare weekdays and year-less dates.
pub(crate) fn resolve(meaning: &Meaning, anchors: &Anchors, tense: Tense) -> Resolved {
    match meaning {
        Meaning::Date {
            weekday,
            year,
            month,
            day,
        } => date(*weekday, *year, *month, *day, anchors, tense),
        Meaning::HalfOfMonth { first, month, year } => {
            let month_resolved = date(None, *year, *month, None, anchors, tense);
            let Some(Point::Month(year, month)) = month_resolved.point else {
                return month_resolved;
            };
            let last_day = NaiveDate::from_ymd_opt(year, month, 1)
                .and_then(|day| day.checked_add_months(chrono::Months::new(1)))
                .and_then(|next| next.pred_opt())
                .map_or(28, |day| day.day());
            let (from, to) = if *first { (1, 15) } else { (16, last_day) };
            Resolved {
                kind: TimeKind::Date,
                value: format!("{year:04}-{month:02}-{from:02}/{year:04}-{month:02}-{to:02}"),
                point: Some(Point::Month(year, month)),
            }
        }
        Meaning::WeekOfMonth { week, month, year } => {
            let month_resolved = date(None, *year, *month, None, anchors, tense);
            let Some(Point::Month(year, month)) = month_resolved.point else {
                return Resolved::unknown(TimeKind::Date, "XXXX-WXX");
            };
            // A week is the month's whose Thursday falls in it, as ISO weeks are the year's.
            let day = match week {
                Some(week) => NaiveDate::from_weekday_of_month_opt(
                    year,
                    month,
                    Weekday::Thu,
                    u8::try_from(*week).unwrap_or(1),
                ),
                None => (1..=5).rev().find_map(|n| {
                    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Thu, n)
                }),
            };
            day.map(|day| Resolved::date(Point::Week(day)))
                .unwrap_or_else(|| Resolved::unknown(TimeKind::Date, "XXXX-WXX"))
        }
        Meaning::Weekend { shift } => match anchors.published {
            // "next weekend" is the one of next week, even on a Friday; "this weekend" the one
            // of this week.
            Some(published) => match shift {
                // The tense settles "this weekend" alone: "last weekend" is counted from the
                // publication date's own week.
                Some(0) => weekday_date(published, Weekday::Sat, Some(0), tense),
                Some(shift) => weekday_date(published, Weekday::Sat, Some(0), Tense::Unknown)
                    .and_then(|date| shift_date(date, Unit::Week, i64::from(*shift))),
                None => weekday_date(published, Weekday::Sat, None, tense),
            }
            .map(|date| Resolved::date(Point::Weekend(date)))
            .unwrap_or_else(|| Resolved::unknown(TimeKind::Date, "XXXX-WXX-WE")),
            None => Resolved::unknown(TimeKind::Date, "XXXX-WXX-WE"),
        },
        Meaning::ShiftedMonth { month, shift } => match anchors.published {
            Some(published) => {
                let year = match shift.signum() {
                    -1 if *month >= published.month() => published.year() - 1,
                    1 if *month <= published.month() => published.year() + 1,
                    _ => published.year(),
                };
                Resolved::date(Point::Month(year, *month))
            }
            None => Resolved::unknown(TimeKind::Date, format!("XXXX-{month:02}")),
        },
        Meaning::MonthInYear { month, year_shift } => match anchors.published {
            Some(published) => Resolved::date(Point::Month(published.year() + year_shift, *month)),
            None => Resolved::unknown(TimeKind::Date, format!("XXXX-{month:02}")),
        },
        Meaning::Holiday { holiday, shift } => holiday_date(*holiday, *shift, anchors, tense),
        Meaning::Year(year) => Resolved::date(Point::Year(*year)),
        Meaning::Decade(decade) => Resolved::date(Point::Decade(*decade)),
        Meaning::Century(century) => Resolved::date(Point::Century(*century)),
        Meaning::Weekday { weekday, shift } => match anchors.published {
            Some(published) => weekday_date(published, *weekday, *shift, tense)
                .map(|date| Resolved::date(Point::Day(date)))
                .unwrap_or_else(|| Resolved::unknown(TimeKind::Date, "XXXX-XX-XX")),
            None => Resolved::unknown(
                TimeKind::Date,
                format!("XXXX-WXX-{}", weekday.number_from_monday()),
            ),
        },
        Meaning::Day(offset) => match anchors
            .published
            .and_then(|published| shift_date(published, Unit::Day, *offset))
        {
            Some(date) => Resolved::date(Point::Day(date)),
            None => Resolved::unknown(TimeKind::Date, "XXXX-XX-XX"),
        },
        Meaning::Period { unit, shift } => match anchors
            .published
            .and_then(|published| shift_date(published, *unit, i64::from(*shift)))
        {
            Some(date) => Resolved::date(period(date, *unit)),
            None => Resolved::unknown(TimeKind::Date, unknown_period(*unit)),
        },
        Meaning::Unanchored(unit) => Resolved::unknown(TimeKind::Date, unknown_period(*unit)),
        Meaning::Narrative { unit, shift } => {
            let base = match (anchors.narrative, unit) {
                (Some(point), _) if point.unit() == *unit => point.first_day(),
                (Some(point), Unit::Year | Unit::Month | Unit::Quarter)
                    if point.unit() <= *unit =>
                {
                    point.first_day()
                }
                // "that week" after "in October 2016": the story's time is coarser than the
                // period and does not tell it; the publication's week would be wrong, unless
                // the story's time holds the publication date ("in 2014 …, that day"). "The
                // next day" is most often counted from the news, whatever was told before.
                (Some(point), _)
                    if *shift == 0
                        && point.unit() > *unit
                        && anchors
                            .published
                            .is_some_and(|published| period(published, point.unit()) != point) =>
                {
                    None
                }
                _ => anchors.narrative_day(),
            };
            match base.and_then(|date| shift_date(date, *unit, i64::from(*shift))) {
                Some(date) => Resolved::date(period(date, *unit)),
                None => Resolved::unknown(TimeKind::Date, unknown_period(*unit)),
            }
        }
        Meaning::Offset {
            amount,
            unit,
            sign,
            narrative,
        } => offset(*amount, *unit, *sign, *narrative, anchors),
        Meaning::Quarter { quarter, year } => match (year, anchors.published) {
            (Some(year), _) => Resolved::date(Point::Quarter(*year, *quarter)),
            (None, Some(published)) => {
                // Quarters are reported after they end: "expects to report third-quarter
                // earnings" in November is about the quarter just ended, whatever the tense.
                let current = published.month().div_ceil(3);
                let year = if *quarter > current {
                    published.year() - 1
                } else {
                    published.year()
                };
                Resolved::date(Point::Quarter(year, *quarter))
            }
            (None, None) => Resolved::unknown(TimeKind::Date, format!("XXXX-Q{quarter}")),
        },
        Meaning::PeriodOfYear(year) => match anchors.narrative {
            Some(Point::Quarter(_, quarter)) => Resolved::date(Point::Quarter(*year, quarter)),
            _ => Resolved::date(Point::Year(*year)),
        },
        Meaning::LatestQuarter { year_shift } => match (anchors.narrative, anchors.published) {
            (Some(Point::Quarter(year, quarter)), _) => {
                Resolved::date(Point::Quarter(year + year_shift, quarter))
            }
            (_, Some(published)) => match shift_date(published, Unit::Quarter, -1) {
                Some(date) => match period(date, Unit::Quarter) {
                    Point::Quarter(year, quarter) => {
                        Resolved::date(Point::Quarter(year + year_shift, quarter))
                    }
                    point => Resolved::date(point),
                },
                None => Resolved::unknown(TimeKind::Date, "XXXX-QX"),
            },
            (_, None) => Resolved::unknown(TimeKind::Date, "XXXX-QX"),
        },
        Meaning::Half { half, year } => match (year, anchors.published) {
            (Some(year), _) => Resolved::date(Point::Half(*year, *half)),
            (None, Some(published)) => Resolved::date(Point::Half(published.year(), *half)),
            (None, None) => Resolved::unknown(TimeKind::Date, format!("XXXX-H{half}")),
        },
        Meaning::QuarterOfYear {
            quarter,
            year_shift,
        } => match anchors.published {
            Some(published) => {
                Resolved::date(Point::Quarter(published.year() + year_shift, *quarter))
            }
            None => Resolved::unknown(TimeKind::Date, format!("XXXX-Q{quarter}")),
        },
        Meaning::HalfOfYear { half, year_shift } => match anchors.published {
            Some(published) => Resolved::date(Point::Half(published.year() + year_shift, *half)),
            None => Resolved::unknown(TimeKind::Date, format!("XXXX-H{half}")),
        },
        Meaning::Season {
            season,
            year,
            shift,
        } => season_point(*season, *year, *shift, anchors.published, tense),
        Meaning::Reference(reference) => Resolved::unknown(TimeKind::Date, reference.value()),
        Meaning::Duration { amount, unit } => {
            Resolved::unknown(TimeKind::Duration, duration_value(*amount, *unit))
        }
        Meaning::Set(value) => Resolved::unknown(TimeKind::Set, value.clone()),
        Meaning::Time { clock, day } => {
            let day_value = match day {
                Some(day) => resolve(day, anchors, tense),
                None => match anchors.clock_day() {
                    Some(date) => Resolved::date(Point::Day(date)),
                    None => Resolved::unknown(TimeKind::Date, "XXXX-XX-XX"),
                },
            };
            // A time on a day that did not resolve to one day (a year, PRESENT_REF) hangs on an
            // unknown day rather than on a wrong one.
            let (prefix, point) = match day_value.point {
                Some(Point::Day(date)) => (day_value.value, Some(Point::Day(date))),
                _ if day_value.value.len() == 10 => (day_value.value, None),
                _ => ("XXXX-XX-XX".to_string(), None),
            };
            let clock_value = match clock {
                // After "on Tuesday evening", "at a quarter to ten" is 21:45.
                Clock::At {
                    hour: hour @ 1..=11,
                    minute,
                    twelve_hour: true,
                } if day.is_none() && anchors.later_in_the_day => {
                    format!("T{:02}:{minute:02}", hour + 12)
                }
                Clock::At { hour, minute, .. } => format!("T{hour:02}:{minute:02}"),
                Clock::Part(part) => format!("T{}", part.code()),
            };
            Resolved {
                kind: TimeKind::Time,
                value: format!("{prefix}{clock_value}"),
                point,
            }
        }
    }
}

/// The value of a period whose position is unknown.
fn unknown_period(unit: Unit) -> &'static str {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => "XXXX-XX-XX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Half => "XXXX-HX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century | Unit::Millennium => "XX",
    }
}

/// How far past the publication date a date may lie in a past-tense clause, and before it in a
/// future-tense one, in days: "said the deal had been set to close Nov. 6" is days ahead.
const TENSE_GRACE_DAYS: i64 = 31;

/// A calendar date; a missing year is the one that puts the date nearest the publication date on
/// the side the tense says (within [`TENSE_GRACE_DAYS`]), on the given weekday if any.
fn date(
    weekday: Option<Weekday>,
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
    anchors: &Anchors,
    tense: Tense,
) -> Resolved {
    let point = |year: i32| -> Option<Point> {
        match day {
            Some(day) => NaiveDate::from_ymd_opt(year, month, day).map(Point::Day),
            None => Some(Point::Month(year, month)),
        }
    };
    if let Some(year) = year {
        return match point(year) {
            Some(point) => Resolved::date(point),
            None => Resolved::unknown(TimeKind::Date, format!("{year:04}-{month:02}")),
        };
    }
    let unknown = || match day {
        Some(day) => format!("XXXX-{month:02}-{day:02}"),
        None => format!("XXXX-{month:02}"),
    };
    // "In October 2016, … On Oct. 7, …": a day shortly after the story's time (a day, week or
    // month it told) is of that time's year, however long before publication it lies; not one
    // the clause puts ahead, which is counted from the publication date.
    if let (Some(narrative @ (Point::Day(_) | Point::Week(_) | Point::Month(..))), Some(day)) =
        (anchors.narrative, day)
        && anchors.narrative_is_close
        && tense != Tense::Future
        && let Some(start) = narrative.first_day()
        && let Some(candidate) = NaiveDate::from_ymd_opt(start.year(), month, day)
        && (0..=NARRATIVE_REACH_DAYS).contains(&(candidate - start).num_days())
        && weekday.is_none_or(|weekday| candidate.weekday() == weekday)
        && anchors
            .published
            .is_none_or(|published| candidate <= published)
    {
        return Resolved::date(Point::Day(candidate));
    }
    let Some(published) = anchors.published else {
        return Resolved::unknown(TimeKind::Date, unknown());
    };
    // Signed distance from the publication date: in days for a date, in months for a month
    // (so that "November" is neither before nor after a publication date in November).
    let distance = |year: i32| -> Option<i64> {
        match day {
            Some(day) => {
                let candidate = NaiveDate::from_ymd_opt(year, month, day)?;
                if weekday.is_some_and(|weekday| candidate.weekday() != weekday) {
                    return None;
                }
                Some((candidate - published).num_days())
            }
            None => Some(
                (i64::from(year) * 12 + i64::from(month))
                    - (i64::from(published.year()) * 12 + i64::from(published.month())),
            ),
        }
    };
    let grace = if day.is_some() { TENSE_GRACE_DAYS } else { 1 };
    let this_year = published.year();
    let candidates: Vec<(i32, i64)> = (this_year - 1..=this_year + 1)
        .filter_map(|year| distance(year).map(|distance| (year, distance)))
        .collect();
    let fits = |distance: i64| match tense {
        Tense::Past => distance <= grace,
        Tense::Future => distance >= -grace,
        Tense::Unknown => true,
    };
    // News reports more than it announces: a date ahead counts as half again as far as one
    // behind.
    let nearest = |candidates: &mut dyn Iterator<Item = &(i32, i64)>| {
        candidates
            .min_by_key(|(_, distance)| {
                if *distance > 0 {
                    distance.saturating_mul(3) / 2
                } else {
                    distance.abs()
                }
            })
            .map(|(year, _)| *year)
    };
    let year = nearest(&mut candidates.iter().filter(|(_, distance)| fits(*distance)))
        .or_else(|| nearest(&mut candidates.iter()))
        .unwrap_or(this_year);
    match point(year) {
        Some(point) => Resolved::date(point),
        None => Resolved::unknown(TimeKind::Date, unknown()),
    }
}

/// Bytes from the end of the mention of the story's time within which a date without a year may
/// take its year ([`date`]): about two sentences. A month named paragraphs before ("a ceasefire in
/// August 1988 …") says nothing of the year of a later "Aug. 2".
pub(crate) const NARRATIVE_CLOSE_BYTES: usize = 250;

/// Days after the start of the story's time within which a date without a year is of that
/// time's year ([`date`]).
const NARRATIVE_REACH_DAYS: i64 = 31;

/// The date of `holiday` in `year`.
pub(crate) fn holiday_in(holiday: Holiday, year: i32) -> Option<NaiveDate> {
    match holiday {
        Holiday::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
        Holiday::NthWeekday { month, weekday, n } => {
            if n > 0 {
                NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)
            } else {
                let first_of_next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)?
                };
                let last = first_of_next.pred_opt()?;
                let back = (7 + last.weekday().num_days_from_monday()
                    - weekday.num_days_from_monday())
                    % 7;
                last.checked_sub_days(Days::new(u64::from(back)))
            }
        }
        Holiday::Easter { offset } => {
            // The anonymous Gregorian computus (Meeus/Jones/Butcher).
            let a = year % 19;
            let b = year / 100;
            let c = year % 100;
            let d = b / 4;
            let e = b % 4;
            let f = (b + 8) / 25;
            let g = (b - f + 1) / 3;
            let h = (19 * a + b - d - g + 15) % 30;
            let i = c / 4;
            let k = c % 4;
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let month = u32::try_from((h + l - 7 * m + 114) / 31).ok()?;
            let day = u32::try_from((h + l - 7 * m + 114) % 31 + 1).ok()?;
            shift_date(
                NaiveDate::from_ymd_opt(year, month, day)?,
                Unit::Day,
                offset,
            )
        }
        Holiday::ElectionDay => {
            let first_monday = NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?;
            first_monday.succ_opt()
        }
    }
}

/// A holiday in the year that the shift or the tense says, or closest to the publication date.
fn holiday_date(holiday: Holiday, shift: Option<i32>, anchors: &Anchors, tense: Tense) -> Resolved {
    let Some(published) = anchors.published else {
        let value = match holiday {
            Holiday::Fixed { month, day } => format!("XXXX-{month:02}-{day:02}"),
            _ => "XXXX-XX-XX".to_string(),
        };
        return Resolved::unknown(TimeKind::Date, value);
    };
    let candidates: Vec<NaiveDate> = (published.year() - 1..=published.year() + 1)
        .filter_map(|year| holiday_in(holiday, year))
        .collect();
    let before = candidates
        .iter()
        .rev()
        .find(|date| **date < published)
        .copied();
    let on_or_before = candidates
        .iter()
        .rev()
        .find(|date| **date <= published)
        .copied();
    let after = candidates.iter().find(|date| **date > published).copied();
    let on_or_after = candidates.iter().find(|date| **date >= published).copied();
    let chosen = match (shift, tense) {
        (Some(shift), _) if shift < 0 => before,
        (Some(shift), _) if shift > 0 => after,
        (_, Tense::Past) => on_or_before,
        (_, Tense::Future) => on_or_after,
        _ => candidates
            .iter()
            .min_by_key(|date| (**date - published).num_days().abs())
            .copied(),
    };
    match chosen {
        Some(date) => Resolved::date(Point::Day(date)),
        None => Resolved::unknown(TimeKind::Date, "XXXX-XX-XX"),
    }
}

/// The date of a weekday near `published`.
fn weekday_date(
    published: NaiveDate,
    weekday: Weekday,
    shift: Option<i32>,
    tense: Tense,
) -> Option<NaiveDate> {
    let back = i64::from(
        (7 + published.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7,
    );
    let forward = (7 - back) % 7;
    let offset = match shift {
        // "last Friday" is the most recent Friday before the publication date.
        Some(shift) if shift < 0 => -(if back == 0 { 7 } else { back }),
        Some(shift) if shift > 0 => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        // "this Friday" is the Friday of the publication date's week; told in the past tense,
        // one still ahead in that week is the week before's ("appeared unmoved this weekend",
        // written on a Monday).
        Some(_) => {
            let offset = i64::from(weekday.num_days_from_monday())
                - i64::from(published.weekday().num_days_from_monday());
            if offset > 0 && tense == Tense::Past {
                offset - 7
            } else {
                offset
            }
        }
        None => match tense {
            Tense::Future => forward,
            // In news, a bare weekday is the most recent one unless the clause looks ahead.
            Tense::Past | Tense::Unknown => -back,
        },
    };
    shift_date(published, Unit::Day, offset)
}

/// An amount of units before or after an anchor.
fn offset(amount: Amount, unit: Unit, sign: i32, narrative: bool, anchors: &Anchors) -> Resolved {
    let Amount::Exact(count) = amount else {
        let reference = if sign < 0 {
            Reference::Past
        } else {
            Reference::Future
        };
        return Resolved::unknown(TimeKind::Date, reference.value());
    };
    // A fractional amount ("a year and a half ago") counts in months or days.
    let (unit, count) = if count.fract().abs() > 1e-9 {
        match unit {
            Unit::Year => (Unit::Month, (count * 12.0).round()),
            Unit::Month => (Unit::Day, (count * 30.0).round()),
            Unit::Week => (Unit::Day, (count * 7.0).round()),
            _ => (unit, count.round()),
        }
    } else {
        (unit, count)
    };
    let steps = (count as i64).saturating_mul(i64::from(sign));
    // Financial reports compare a quarter with the same quarter a year before: "a year ago"
    // and "a year earlier" then name that quarter, as TimeBank annotates them.
    if let (Some(Point::Quarter(year, quarter)), Unit::Year) = (anchors.narrative, unit)
        && let Ok(steps) = i32::try_from(steps)
    {
        return Resolved::date(Point::Quarter(year + steps, quarter));
    }
    let base = if narrative {
        match anchors.narrative {
            Some(point) if point.unit() <= unit => point.first_day().or(anchors.published),
            _ => anchors.narrative_day(),
        }
    } else {
        anchors.published
    };
    match base.and_then(|date| shift_date(date, unit, steps)) {
        Some(date) => {
            let granularity = match unit {
                Unit::Decade | Unit::Century | Unit::Millennium => Unit::Year,
                Unit::Fortnight => Unit::Week,
                other => other,
            };
            Resolved::date(period(date, granularity))
        }
        None => Resolved::unknown(TimeKind::Date, unknown_period(unit)),
    }
}

/// A season; a missing year is the publication year, moved by the shift or, with none, so that
/// the season lies on the side of the publication date the tense says.
fn season_point(
    season: Season,
    year: Option<i32>,
    shift: Option<i32>,
    published: Option<NaiveDate>,
    tense: Tense,
) -> Resolved {
    if let Some(year) = year {
        return Resolved::date(Point::Season(year, season));
    }
    let Some(published) = published else {
        return Resolved::unknown(TimeKind::Date, format!("XXXX-{}", season.code()));
    };
    // Winter spans the turn of the year; TIMEX3 names it by the year it starts in, and January
    // and February belong to the winter of the year before.
    let current = match published.month() {
        12 | 1 | 2 => Season::Winter,
        3..=5 => Season::Spring,
        6..=8 => Season::Summer,
        _ => Season::Fall,
    };
    let season_year = |date: NaiveDate| -> i32 {
        if date.month() <= 2 {
            date.year() - 1
        } else {
            date.year()
        }
    };
    let order = |season: Season| season.first_month();
    let current_year = season_year(published);
    let year = match (shift, tense) {
        (Some(shift), _) if shift < 0 => {
            if order(season) < order(current) {
                current_year
            } else {
                current_year - 1
            }
        }
        (Some(shift), _) if shift > 0 => {
            if order(season) > order(current) {
                current_year
            } else {
                current_year + 1
            }
        }
        (_, Tense::Future) if order(season) < order(current) => current_year + 1,
        (_, Tense::Past | Tense::Unknown) if order(season) > order(current) && shift.is_none() => {
            current_year - 1
        }
        _ => current_year,
    };
    Resolved::date(Point::Season(year, season))
}

/// The TIMEX3 `mod` of a position word.
pub(crate) fn position_modifier(position: Position) -> TimeModifier {
    match position {
        Position::Start => TimeModifier::Start,
        Position::Mid => TimeModifier::Mid,
        Position::End => TimeModifier::End,
        Position::Around => TimeModifier::Approx,
    }
}
