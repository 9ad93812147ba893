//! The words time expressions are made of, one [`Lexicon`] per language.
//!
//! The grammar in `patterns.rs` is written over word classes (month names, units, number words,
//! shift words), never over literal words, so a language whose time expressions share English
//! word order needs only a lexicon of its own. Every word here is general vocabulary: no lexicon
//! names a particular event, person or outlet.

use chrono::Weekday;
use parallax_model::TimeModifier;

/// A unit of time as it appears in durations and shifts ("three weeks", "last month").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    Millennium,
}

/// A part of the day, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    /// The TIMEX3 code (`MO`, `MI`, `AF`, `EV`, `NI`).
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// A season, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The TIMEX3 code (`SP`, `SU`, `FA`, `WI`).
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season starts in (northern hemisphere, as TimeML assumes).
    pub(crate) fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A TimeML reference to the present, past or future as a whole ("now", "recently").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reference {
    Present,
    Past,
    Future,
}

impl Reference {
    /// The TIMEX3 value.
    pub(crate) fn value(self) -> &'static str {
        match self {
            Reference::Present => "PRESENT_REF",
            Reference::Past => "PAST_REF",
            Reference::Future => "FUTURE_REF",
        }
    }
}

/// Where a vague modifier puts an expression inside its period ("early", "mid", "late"), or
/// near it ("around").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Start,
    Mid,
    End,
    Around,
}

/// A holiday, by the rule that gives its date in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// The same day every year.
    Fixed { month: u32, day: u32 },
    /// The `n`th `weekday` of `month`; `n` = -1 is the last one.
    NthWeekday {
        month: u32,
        weekday: Weekday,
        n: i32,
    },
    /// Days from Easter Sunday (Gregorian computus).
    Easter { offset: i64 },
    /// The Tuesday after the first Monday of November.
    ElectionDay,
}

/// The vocabulary of time expressions in one language.
///
/// Words are matched case-insensitively unless a field says otherwise. Within a field, longer
/// entries that start with a shorter one are tried first, whatever their order here.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Month names and abbreviations with their number. Matched only capitalized (or in capitals),
    /// because several are common words ("May", "March").
    pub(crate) months: &'static [(&'static str, u32)],
    /// Month abbreviations that may carry a period ("Dec.").
    pub(crate) month_abbreviations: &'static [(&'static str, u32)],
    /// Weekday names and abbreviations. Matched only capitalized (or in capitals).
    pub(crate) weekdays: &'static [(&'static str, Weekday)],
    /// Cardinal number words up to nineteen, and the tens.
    pub(crate) numbers: &'static [(&'static str, u32)],
    /// Tens that combine with a unit word ("twenty-four").
    pub(crate) tens: &'static [(&'static str, u32)],
    /// Number words that stand for one ("a", "an", "one").
    pub(crate) one: &'static [&'static str],
    /// Number words that stand for two, loosely ("a couple of").
    pub(crate) couple: &'static [&'static str],
    /// Words for an unknown number ("several", "a few").
    pub(crate) vague_numbers: &'static [&'static str],
    /// Ordinal words with their number ("third").
    pub(crate) ordinals: &'static [(&'static str, u32)],
    /// Unit words, singular and plural, with their unit.
    pub(crate) units: &'static [(&'static str, Unit)],
    /// Adverbs of recurrence with their TIMEX3 SET value ("daily"). "Quarterly" and "annually"
    /// are left out: in news they mostly qualify reports and rates, which TimeBank leaves
    /// untagged.
    pub(crate) frequencies: &'static [(&'static str, &'static str)],
    /// Words that make a recurrence of what follows ("every", "each").
    pub(crate) every: &'static [&'static str],
    /// Parts of the day.
    pub(crate) day_parts: &'static [(&'static str, DayPart)],
    /// Seasons.
    pub(crate) seasons: &'static [(&'static str, Season)],
    /// Words for a day relative to the publication date, with the offset in days.
    pub(crate) day_words: &'static [(&'static str, i64)],
    /// Words that shift a period backward (-1), keep it (0) or move it forward (+1): "last",
    /// "this", "next".
    pub(crate) shifts: &'static [(&'static str, i32)],
    /// Words after an amount that count back from the publication date ("ago").
    pub(crate) ago: &'static [&'static str],
    /// Words after an amount that count forward from the publication date ("from now").
    pub(crate) from_now: &'static [&'static str],
    /// Words after an amount that count from the last date mentioned, with their direction:
    /// "earlier" (-1), "later" (+1).
    pub(crate) narrative_shifts: &'static [(&'static str, i32)],
    /// Words before a period that place the expression inside it ("early", "mid-", "late") or
    /// near it ("around"). TimeBank keeps "around" inside a date ("around Nov. 1") as it does
    /// inside a clock time, unlike "about", which it leaves outside.
    pub(crate) positions: &'static [(&'static str, Position)],
    /// Nouns for where in a period ("the beginning of", "the end of").
    pub(crate) position_nouns: &'static [(&'static str, Position)],
    /// Words and phrases that refer to the present, past or future as a whole. Words that
    /// TimeBank leaves untagged more often than not ("previously", "soon", "recent") are not
    /// here.
    pub(crate) references: &'static [(&'static str, Reference)],
    /// Hedges kept inside the extent of an amount of time, with the TIMEX3 mod they set
    /// ("nearly two years"). TimeBank leaves "about", "almost" and "over" outside, so they are not
    /// here.
    pub(crate) hedges: &'static [(&'static str, TimeModifier)],
    /// Hedges kept inside the extent of a date counted back ("about two years ago"), besides
    /// [`Lexicon::hedges`].
    pub(crate) approximations: &'static [&'static str],
    /// Adjectives between an amount and its unit that leave the length unchanged ("eight
    /// trading days").
    pub(crate) unit_adjectives: &'static [&'static str],
    /// Hedges kept inside the extent of a clock time ("around 7:15 p.m.").
    pub(crate) clock_hedges: &'static [&'static str],
    /// Holidays, matched as written (capitalized).
    pub(crate) holidays: &'static [(&'static str, Holiday)],
    /// Time zone names that may follow a clock time ("Eastern", "GMT").
    pub(crate) zones: &'static [&'static str],
    /// Words that say a clause is about the future ("will", "next").
    pub(crate) future_cues: &'static [&'static str],
    /// Words before "to" that make the infinitive after it look ahead ("set to resume").
    pub(crate) future_before_to: &'static [&'static str],
    /// Words that say a clause is about the past ("said", "was"); besides these, words ending
    /// in "-ed" count as past.
    pub(crate) past_cues: &'static [&'static str],
    /// Words that are not past verbs although they end in "-ed".
    pub(crate) not_past: &'static [&'static str],
    /// Nouns that make a four-digit number a count, not a year ("1990 people").
    pub(crate) count_nouns: &'static [&'static str],
    /// Words before a date that make it the start of a period lasting until the time of the
    /// text ("since March 3"): the text's own time stays where it was, so the date anchors no
    /// later expression.
    pub(crate) period_starts: &'static [&'static str],
}

/// English.
pub(crate) static ENGLISH: Lexicon = Lexicon {
    months: &[
        ("January", 1),
        ("February", 2),
        ("March", 3),
        ("April", 4),
        ("May", 5),
        ("June", 6),
        ("July", 7),
        ("August", 8),
        ("September", 9),
        ("October", 10),
        ("November", 11),
        ("December", 12),
    ],
    month_abbreviations: &[
        ("Jan", 1),
        ("Feb", 2),
        ("Mar", 3),
        ("Apr", 4),
        ("Jun", 6),
        ("Jul", 7),
        ("Aug", 8),
        ("Sept", 9),
        ("Sep", 9),
        ("Oct", 10),
        ("Nov", 11),
        ("Dec", 12),
    ],
    weekdays: &[
        ("Monday", Weekday::Mon),
        ("Tuesday", Weekday::Tue),
        ("Wednesday", Weekday::Wed),
        ("Thursday", Weekday::Thu),
        ("Friday", Weekday::Fri),
        ("Saturday", Weekday::Sat),
        ("Sunday", Weekday::Sun),
    ],
    numbers: &[
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
        ("hundred", 100),
        ("a hundred", 100),
        ("a dozen", 12),
        ("dozen", 12),
    ],
    tens: &[
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ],
    one: &["a", "an", "one", "a single", "a full", "an entire"],
    couple: &["a couple of", "a couple", "couple of"],
    vague_numbers: &[
        "several",
        "a few",
        "few",
        "some",
        "many",
        "a number of",
        "numerous",
        "countless",
        "recent",
        "coming",
    ],
    ordinals: &[
        ("first", 1),
        ("second", 2),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("twenty-first", 21),
        ("twenty-second", 22),
        ("twenty-third", 23),
        ("twenty-fourth", 24),
        ("twenty-fifth", 25),
        ("twenty-sixth", 26),
        ("twenty-seventh", 27),
        ("twenty-eighth", 28),
        ("twenty-ninth", 29),
        ("thirtieth", 30),
        ("thirty-first", 31),
    ],
    units: &[
        ("second", Unit::Second),
        ("seconds", Unit::Second),
        ("minute", Unit::Minute),
        ("minutes", Unit::Minute),
        ("min", Unit::Minute),
        ("mins", Unit::Minute),
        ("hour", Unit::Hour),
        ("hours", Unit::Hour),
        ("hr", Unit::Hour),
        ("hrs", Unit::Hour),
        ("day", Unit::Day),
        ("days", Unit::Day),
        ("night", Unit::Day),
        ("nights", Unit::Day),
        ("week", Unit::Week),
        ("weeks", Unit::Week),
        ("weekend", Unit::Weekend),
        ("weekends", Unit::Weekend),
        ("fortnight", Unit::Fortnight),
        ("fortnights", Unit::Fortnight),
        ("month", Unit::Month),
        ("months", Unit::Month),
        ("quarter", Unit::Quarter),
        ("quarters", Unit::Quarter),
        ("year", Unit::Year),
        ("years", Unit::Year),
        ("decade", Unit::Decade),
        ("decades", Unit::Decade),
        ("century", Unit::Century),
        ("centuries", Unit::Century),
        ("millennium", Unit::Millennium),
        ("millennia", Unit::Millennium),
    ],
    frequencies: &[
        ("hourly", "PT1H"),
        ("daily", "P1D"),
        ("nightly", "P1D"),
        ("weekly", "P1W"),
        ("biweekly", "P2W"),
        ("monthly", "P1M"),
        ("yearly", "P1Y"),
    ],
    every: &["every", "each", "per"],
    day_parts: &[
        ("morning", DayPart::Morning),
        ("mornings", DayPart::Morning),
        ("noon", DayPart::Midday),
        ("midday", DayPart::Midday),
        ("lunchtime", DayPart::Midday),
        ("afternoon", DayPart::Afternoon),
        ("afternoons", DayPart::Afternoon),
        ("mid-afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
        ("evenings", DayPart::Evening),
        ("night", DayPart::Night),
        ("nights", DayPart::Night),
        ("overnight", DayPart::Night),
    ],
    seasons: &[
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("fall", Season::Fall),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ],
    day_words: &[
        ("the day before yesterday", -2),
        ("the day after tomorrow", 2),
        ("yesterday", -1),
        ("today", 0),
        ("tonight", 0),
        ("tomorrow", 1),
    ],
    shifts: &[
        ("last", -1),
        ("past", -1),
        ("previous", -1),
        ("preceding", -1),
        ("this past", -1),
        ("this", 0),
        ("current", 0),
        ("this coming", 1),
        ("next", 1),
        ("coming", 1),
        ("following", 1),
        ("upcoming", 1),
    ],
    ago: &["ago", "back"],
    from_now: &["from now", "hence"],
    narrative_shifts: &[("earlier", -1), ("before", -1), ("later", 1), ("after", 1)],
    positions: &[
        ("early", Position::Start),
        ("earlier", Position::Start),
        ("the early", Position::Start),
        ("mid", Position::Mid),
        ("the mid", Position::Mid),
        ("late", Position::End),
        ("later", Position::End),
        ("the late", Position::End),
        ("around", Position::Around),
    ],
    position_nouns: &[
        ("the beginning of", Position::Start),
        ("the start of", Position::Start),
        ("the middle of", Position::Mid),
        ("the end of", Position::End),
        ("the close of", Position::End),
    ],
    references: &[
        ("now", Reference::Present),
        ("right now", Reference::Present),
        ("just now", Reference::Present),
        ("currently", Reference::Present),
        ("current", Reference::Present),
        ("presently", Reference::Present),
        ("nowadays", Reference::Present),
        ("these days", Reference::Present),
        ("the present", Reference::Present),
        ("present", Reference::Present),
        ("recently", Reference::Past),
        ("lately", Reference::Past),
        ("the past", Reference::Past),
        ("the future", Reference::Future),
        ("the near future", Reference::Future),
        ("the near term", Reference::Future),
        ("the short term", Reference::Future),
        ("the long term", Reference::Future),
        ("a later date", Reference::Future),
        ("as soon as possible", Reference::Future),
    ],
    hedges: &[
        ("nearly", TimeModifier::LessThan),
        ("less than", TimeModifier::LessThan),
        ("fewer than", TimeModifier::LessThan),
        ("more than", TimeModifier::MoreThan),
        ("at least", TimeModifier::EqualOrMore),
        ("up to", TimeModifier::EqualOrLess),
        ("no more than", TimeModifier::EqualOrLess),
        ("at most", TimeModifier::EqualOrLess),
    ],
    approximations: &[
        "about",
        "almost",
        "around",
        "roughly",
        "approximately",
        "some",
    ],
    unit_adjectives: &[
        "trading", "business", "working", "school", "calendar", "straight",
    ],
    clock_hedges: &[
        "around",
        "about",
        "approximately",
        "shortly before",
        "shortly after",
        "just before",
        "just after",
    ],
    holidays: &[
        ("New Year's Day", Holiday::Fixed { month: 1, day: 1 }),
        ("New Year's Eve", Holiday::Fixed { month: 12, day: 31 }),
        ("Valentine's Day", Holiday::Fixed { month: 2, day: 14 }),
        ("Independence Day", Holiday::Fixed { month: 7, day: 4 }),
        ("Halloween", Holiday::Fixed { month: 10, day: 31 }),
        ("Veterans Day", Holiday::Fixed { month: 11, day: 11 }),
        ("Christmas Eve", Holiday::Fixed { month: 12, day: 24 }),
        ("Christmas Day", Holiday::Fixed { month: 12, day: 25 }),
        ("Christmas", Holiday::Fixed { month: 12, day: 25 }),
        ("Boxing Day", Holiday::Fixed { month: 12, day: 26 }),
        (
            "Thanksgiving Day",
            Holiday::NthWeekday {
                month: 11,
                weekday: Weekday::Thu,
                n: 4,
            },
        ),
        (
            "Thanksgiving",
            Holiday::NthWeekday {
                month: 11,
                weekday: Weekday::Thu,
                n: 4,
            },
        ),
        (
            "Memorial Day",
            Holiday::NthWeekday {
                month: 5,
                weekday: Weekday::Mon,
                n: -1,
            },
        ),
        (
            "Labor Day",
            Holiday::NthWeekday {
                month: 9,
                weekday: Weekday::Mon,
                n: 1,
            },
        ),
        ("Easter Sunday", Holiday::Easter { offset: 0 }),
        ("Easter Monday", Holiday::Easter { offset: 1 }),
        ("Easter", Holiday::Easter { offset: 0 }),
        ("Good Friday", Holiday::Easter { offset: -2 }),
        ("Election Day", Holiday::ElectionDay),
    ],
    zones: &[
        "Eastern Standard Time",
        "Eastern Daylight Time",
        "Eastern time",
        "Eastern",
        "Central",
        "Mountain",
        "Pacific",
        "local time",
        "GMT",
        "UTC",
        "CET",
        "CEST",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "BST",
        "MSK",
        "ET",
        "PT",
        "CT",
    ],
    future_cues: &[
        "will",
        "soon",
        "'ll",
        "shall",
        "won't",
        "wo",
        "going",
        "scheduled",
        "planned",
        "expected",
        "expects",
        "due",
        "upcoming",
        "expect",
        "would",
        "payable",
        "effective",
        "until",
        "through",
        "next",
    ],
    future_before_to: &[
        "set",
        "due",
        "is",
        "are",
        "going",
        "ready",
        "poised",
        "scheduled",
        "expected",
        "planned",
        "plans",
        "plan",
        "planning",
        "likely",
        "able",
        "about",
        "hopes",
        "hope",
        "hoping",
        "aims",
        "aim",
        "intends",
        "intend",
        "wants",
        "want",
        "agreed",
        "promised",
        "vowed",
        "threatened",
        "forward",
    ],
    past_cues: &[
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "met",
        "went",
        "came",
        "took",
        "gave",
        "made",
        "held",
        "began",
        "left",
        "spoke",
        "saw",
        "found",
        "got",
        "became",
        "fell",
        "rose",
        "won",
        "lost",
        "sold",
        "bought",
        "hit",
        "led",
        "ran",
        "sent",
        "put",
        "paid",
        "kept",
        "brought",
        "thought",
        "felt",
        "heard",
        "meant",
        "wrote",
        "broke",
        "chose",
        "drove",
        "flew",
        "grew",
        "knew",
        "shot",
        "struck",
        "stood",
        "fought",
        "caught",
        "taught",
        "sought",
        "won",
        "quit",
        "cut",
        "shut",
        "spent",
        "built",
        "dealt",
        "ago",
        "earlier",
        "last",
        "since",
        "hit",
        "saw",
        "slid",
        "sank",
        "swore",
        "withdrew",
        "overtook",
        "underwent",
    ],
    not_past: &[
        "need",
        "speed",
        "seed",
        "feed",
        "bed",
        "red",
        "hundred",
        "indeed",
        "shed",
        "wed",
        "bred",
        "creed",
        "greed",
        "breed",
        "proceed",
        "exceed",
        "succeed",
        "united",
        "limited",
        "based",
        "related",
        "interested",
        "concerned",
        "scheduled",
        "expected",
        "planned",
        "proposed",
        "supposed",
        "unexpected",
        "unprecedented",
        "so-called",
        "detailed",
        "advanced",
        "sophisticated",
        "armed",
        "red",
        "embed",
        "called",
        "named",
        "aged",
        "used",
    ],
    count_nouns: &[
        "people",
        "persons",
        "troops",
        "soldiers",
        "votes",
        "members",
        "workers",
        "employees",
        "jobs",
        "cases",
        "deaths",
        "victims",
        "refugees",
        "students",
        "points",
        "shares",
        "units",
        "cars",
        "homes",
        "houses",
        "tons",
        "tonnes",
        "feet",
        "foot",
        "meters",
        "metres",
        "miles",
        "kilometers",
        "kilometres",
        "acres",
        "barrels",
        "dollars",
        "euros",
        "pounds",
        "yen",
        "rubles",
        "percent",
        "per",
        "copies",
        "residents",
        "officers",
        "police",
        "protesters",
        "fighters",
        "civilians",
        "children",
        "families",
        "households",
        "beds",
        "delegates",
        "seats",
        "signatures",
        "pages",
        "words",
        "calories",
        "patients",
        "tanks",
        "vehicles",
        "aircraft",
        "planes",
        "ships",
        "weapons",
        "rockets",
        "missiles",
        "staff",
    ],
    period_starts: &["since"],
};
