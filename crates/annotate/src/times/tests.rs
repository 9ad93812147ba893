//! Tests of time expressions: one `check` per family of expressions, on invented sentences.

use super::*;
use parallax_model::{Origin, TimeKind, TimeModifier};

/// Finds the time expressions of `text` published on `published` (`YYYY-MM-DD`) and compares
/// each one's words and value with `expected`.
fn check(text: &str, published: Option<&str>, expected: &[(&str, &str)]) {
    assert_windows_change_nothing(text);
    let published = published.map(|date| date.parse::<NaiveDate>().expect("valid test date"));
    let expressions = times_in(text, published, "en");
    let found: Vec<(&str, &str)> = expressions
        .iter()
        .map(|expression| (&text[expression.range.clone()], expression.value.as_str()))
        .collect();
    assert_eq!(found, expected, "in {text:?}");
}

/// Like [`check`], for the type and modifier of each expression.
fn check_kinds(text: &str, published: &str, expected: &[(&str, TimeKind, Option<TimeModifier>)]) {
    assert_windows_change_nothing(text);
    let published = published.parse::<NaiveDate>().expect("valid test date");
    let expressions = times_in(text, Some(published), "en");
    let found: Vec<(&str, TimeKind, Option<TimeModifier>)> = expressions
        .iter()
        .map(|expression| {
            (
                &text[expression.range.clone()],
                expression.kind,
                expression.modifier,
            )
        })
        .collect();
    assert_eq!(found, expected, "in {text:?}");
}

/// Asserts that running each rule only around its triggers finds what running it over the whole
/// text finds.
fn assert_windows_change_nothing(text: &str) {
    assert_eq!(
        ENGLISH.candidates(text),
        ENGLISH.candidates_everywhere(text),
        "in {text:?}"
    );
}

#[test]
fn windows_around_triggers_change_nothing() {
    // Expressions at the very start and end, next to non-ASCII letters (a Unicode letter is no
    // word character for the patterns' ASCII boundaries), plurals of cased words, capitals,
    // words in a row that make overlapping windows, and the two letters that match ASCII ones
    // case-insensitively.
    for text in [
        "2021",
        "Marché de Noël: Décembre 3, 2021 and Marché\u{a0}Mondays, twice a WEEK.",
        "Tuesday nights, MONDAYs and Mondays; 10 p.m. Eastern, noon Thursday, o'clock.",
        "Three years ago, two days later, the day before yesterday, the 1990s, the '90s.",
        "The \u{17f}econd quarter and the \u{212a}ey dates were in March 2020.",
        "In the first half of 2021 and the fourth quarter of 1990, Q3 2021, year-end.",
        "every other month, hourly, each Thursday, late last summer, Christmas Eve.",
        "May may go; MAY 5; 5th of May; Sept. 30, 2020; 2020-09-30 and 30.09.2020.",
        "nineteen ninety-six, two thousand and one, the twentieth century, the nineties",
    ] {
        assert_windows_change_nothing(text);
    }
    let long: String = (0..200)
        .map(|idx| format!("On day {idx} of the talks, held {idx} weeks after March 3, "))
        .collect();
    assert_windows_change_nothing(&long);
}

// 2022-01-14 is a Friday.
const FRIDAY: &str = "2022-01-14";

#[test]
fn absolute_dates_in_every_order() {
    check(
        "The harbor board met on December 30 and again on 30 December 2021, then on Dec. 3, \
         2021 and on the 4th of January.",
        Some(FRIDAY),
        &[
            ("December 30", "2021-12-30"),
            ("30 December 2021", "2021-12-30"),
            ("Dec. 3, 2021", "2021-12-03"),
            ("the 4th of January", "2022-01-04"),
        ],
    );
    check(
        "Filings dated 12/30/2021, 2021-12-30 and 30.12.2021 were read.",
        Some(FRIDAY),
        &[
            ("12/30/2021", "2021-12-30"),
            ("2021-12-30", "2021-12-30"),
            ("30.12.2021", "2021-12-30"),
        ],
    );
}

#[test]
fn months_years_and_decades() {
    check(
        "The mill closed in 2014, reopened in March 2019 and hired in January; its founders \
         grew up in the 1990s and the '80s.",
        Some(FRIDAY),
        &[
            ("2014", "2014"),
            ("March 2019", "2019-03"),
            ("January", "2022-01"),
            ("the 1990s", "199"),
            ("the '80s", "198"),
        ],
    );
    check(
        "The dock dates from the 19th century and was rebuilt in fiscal 1989.",
        Some(FRIDAY),
        &[("the 19th century", "18"), ("fiscal 1989", "1989")],
    );
}

#[test]
fn numbers_that_are_not_years() {
    check(
        "About 2000 people marched, paying $1990 in fees for 1500 tickets; 2,014 stayed home.",
        Some(FRIDAY),
        &[],
    );
    check("The verb may march on; May sees rain.", Some(FRIDAY), &[]);
}

#[test]
fn a_range_takes_its_tense_from_the_verb_after_it_not_from_through() {
    // Published in February: the range ran from the December before, not the one to come.
    check(
        "From Dec. 22 through Jan. 25, the two sides battled over the budget.",
        Some("2019-02-15"),
        &[("Dec. 22", "2018-12-22"), ("Jan. 25", "2019-01-25")],
    );
}

#[test]
fn weekdays_follow_the_tense_of_their_clause() {
    // Published on a Friday: "met on Thursday" is the day before, "will meet on Thursday" the
    // coming one.
    check(
        "The council met on Thursday. The mayor will meet the union on Thursday.",
        Some(FRIDAY),
        &[("Thursday", "2022-01-13"), ("Thursday", "2022-01-20")],
    );
    check(
        "Officials said Monday that talks set to resume on Tuesday would be short.",
        Some(FRIDAY),
        &[("Monday", "2022-01-10"), ("Tuesday", "2022-01-18")],
    );
    // What was asked for comes after the asking: the nearest Monday, not the last one.
    check(
        "On Saturday he asked the members to join him on a call Monday evening.",
        Some("2022-01-16"),
        &[
            ("Saturday", "2022-01-15"),
            ("Monday evening", "2022-01-17TEV"),
        ],
    );
    // A quoted phrase between the verb and the expression is part of the clause.
    for quoted in ["\u{201c}on a private call\u{201d}", "\"on a private call\""] {
        check(
            &format!("In a note he asked the members to join him {quoted} Monday evening."),
            Some("2022-01-16"),
            &[("Monday evening", "2022-01-17TEV")],
        );
    }
    // A time that is all a quotation holds is a title.
    check(
        "He told NBC's \"Today\" show on Thursday that ABC's \u{201c}This Week.\u{201d} had called.",
        Some(FRIDAY),
        &[("Thursday", "2022-01-13")],
    );
    check(
        "\u{201c}Today\u{2019}s ruling is clear,\u{201d} she said.",
        Some(FRIDAY),
        &[("Today", "2022-01-14")],
    );
    // A capitalized day word after a capitalized word ends a name; a title-case headline's and
    // a sentence's first word are times.
    check(
        "\u{201c}The door is open,\u{201d} Ruiz told Velmar Today on Monday.",
        Some(FRIDAY),
        &[("Monday", "2022-01-10")],
    );
    check(
        "Harbour Pilots Return To Work Today",
        Some(FRIDAY),
        &[("Today", "2022-01-14")],
    );
    check(
        "Today the harbour pilots went back to work.",
        Some(FRIDAY),
        &[("Today", "2022-01-14")],
    );
    check(
        "\u{201c}He has been to Velmar. Tomorrow he flies to Ostrava,\u{201d} she said.",
        Some(FRIDAY),
        &[("Tomorrow", "2022-01-15")],
    );
    // The sentence before lends no tense: its "set to" times another event.
    check(
        "The final is set to be held in 2015. On Monday, the committee came out against the bill.",
        Some(FRIDAY),
        &[("2015", "2015"), ("Monday", "2022-01-10")],
    );
    check(
        "The strike began last Friday and ends next Monday.",
        Some(FRIDAY),
        &[("last Friday", "2022-01-07"), ("next Monday", "2022-01-17")],
    );
    check(
        "The vote is on Friday, January 21.",
        Some(FRIDAY),
        &[("Friday, January 21", "2022-01-21")],
    );
    // The clause opens after the curly quotation mark (three bytes), and "look forward to"
    // looks ahead.
    check(
        "“Thank you and I look forward to talking to you Monday.”",
        Some(FRIDAY),
        &[("Monday", "2022-01-17")],
    );
    // The weekday times the gerund after "after", which has no tense; the "will" is the law's.
    check(
        "The bill will become law after passing the senate on Thursday.",
        Some(FRIDAY),
        &[("Thursday", "2022-01-13")],
    );
}

#[test]
fn a_weekday_in_a_subject_takes_the_tense_of_the_quoted_verb_after_it() {
    check(
        "Ruiz wrote that if the board \u{201c}is not ready,\u{201d} the talks in Velmar on Monday \
         \u{201c}should not move forward.\u{201d}",
        Some(FRIDAY),
        &[("Monday", "2022-01-17")],
    );
    check(
        "Ruiz wrote that if the board \u{201c}was not ready,\u{201d} the talks in Velmar on Monday \
         \u{201c}should have been called off.\u{201d}",
        Some(FRIDAY),
        &[("Monday", "2022-01-10")],
    );
}

#[test]
fn days_weeks_months_and_years_relative_to_publication() {
    check(
        "Yesterday the port reopened; today it is busy and tomorrow it closes again.",
        Some(FRIDAY),
        &[
            ("Yesterday", "2022-01-13"),
            ("today", "2022-01-14"),
            ("tomorrow", "2022-01-15"),
        ],
    );
    check(
        "Prices rose last week, will fall next month and were flat this year.",
        Some(FRIDAY),
        &[
            ("last week", "2022-W01"),
            ("next month", "2022-02"),
            ("this year", "2022"),
        ],
    );
    check(
        "The ferry sank two days ago; it had been repaired three weeks earlier.",
        Some(FRIDAY),
        &[
            ("two days ago", "2022-01-12"),
            ("three weeks earlier", "2021-W51"),
        ],
    );
}

#[test]
fn anaphoric_expressions_follow_the_story() {
    // Amounts of weeks resolve to a week, as TIMEX3 writes them at the unit's granularity.
    check(
        "The envoy arrived on March 3, 2021. Three weeks later she left, and the next day the \
         talks ended.",
        Some(FRIDAY),
        &[
            ("March 3, 2021", "2021-03-03"),
            ("Three weeks later", "2021-W12"),
            ("the next day", "2021-03-04"),
        ],
    );
}

#[test]
fn position_words_keep_the_period_and_set_a_modifier() {
    check(
        "Talks resume in mid-January, after a pause in early December and a vote in late \
         2021; results come at the end of the year and earlier this year.",
        Some(FRIDAY),
        &[
            ("mid-January", "2022-01"),
            ("early December", "2021-12"),
            ("late 2021", "2021"),
            ("the end of the year", "2022"),
            ("earlier this year", "2022"),
        ],
    );
    check_kinds(
        "Talks resume in mid-January.",
        FRIDAY,
        &[("mid-January", TimeKind::Date, Some(TimeModifier::Mid))],
    );
}

#[test]
fn ranges_are_two_expressions() {
    check(
        "The summit runs 9-10 January; the fair runs January 20 to 23.",
        Some(FRIDAY),
        &[
            ("9", "2022-01-09"),
            ("10 January", "2022-01-10"),
            ("January 20", "2022-01-20"),
            ("23", "2022-01-23"),
        ],
    );
    check(
        "The famine of 1921-22 lasted until 2009-2010.",
        Some(FRIDAY),
        &[
            ("1921", "1921"),
            ("22", "1922"),
            ("2009", "2009"),
            ("2010", "2010"),
        ],
    );
}

#[test]
fn durations() {
    check(
        "After a 50-minute call, they talked for two hours, a strike of three years ended, \
         and the past two weeks were calm for nearly a decade of rivals.",
        Some(FRIDAY),
        &[
            ("50-minute", "PT50M"),
            ("two hours", "PT2H"),
            ("three years", "P3Y"),
            ("the past two weeks", "P2W"),
            ("nearly a decade", "P10Y"),
        ],
    );
    check(
        "It took 2 1/2 years, several months and half an hour, for years.",
        Some(FRIDAY),
        &[
            ("2 1/2 years", "P2Y6M"),
            ("several months", "PXM"),
            ("half an hour", "PT30M"),
            ("years", "PXY"),
        ],
    );
    check_kinds(
        "a two-year term",
        FRIDAY,
        &[("two-year", TimeKind::Duration, None)],
    );
    // Ages describe people, not times.
    check(
        "A 6-year-old and a man, 52 years old, waited.",
        Some(FRIDAY),
        &[],
    );
}

#[test]
fn times_of_day_with_zones_and_parts_of_day() {
    check(
        "The vote closed at 3:35 p.m. Eastern on Thursday; the count began at noon Friday and \
         ended at 21:40 GMT.",
        Some(FRIDAY),
        &[
            ("3:35 p.m. Eastern", "2022-01-13T15:35"),
            ("Thursday", "2022-01-13"),
            ("noon Friday", "2022-01-14T12:00"),
            ("21:40 GMT", "2022-01-14T21:40"),
        ],
    );
    check(
        "Crowds gathered Thursday evening, left this morning and return tomorrow night.",
        Some(FRIDAY),
        &[
            ("Thursday evening", "2022-01-13TEV"),
            ("this morning", "2022-01-14TMO"),
            ("tomorrow night", "2022-01-15TNI"),
        ],
    );
    check(
        "Crowds gathered on Thursday. Police arrived during the morning and left by the evening.",
        Some(FRIDAY),
        &[
            ("Thursday", "2022-01-13"),
            ("the morning", "2022-01-13TMO"),
            ("the evening", "2022-01-13TEV"),
        ],
    );
    check_kinds(
        "Crowds gathered Thursday evening.",
        FRIDAY,
        &[("Thursday evening", TimeKind::Time, None)],
    );
}

#[test]
fn seasons_quarters_and_halves() {
    check(
        "Sales fell last summer, in the third quarter and in the first half of 2021; Q4 2021 \
         was worse than the winter of 2019.",
        Some(FRIDAY),
        &[
            ("last summer", "2021-SU"),
            ("the third quarter", "2021-Q3"),
            ("the first half of 2021", "2021-H1"),
            ("Q4 2021", "2021-Q4"),
            ("the winter of 2019", "2019-WI"),
        ],
    );
    check("The fall of the fort was not a season.", Some(FRIDAY), &[]);
}

#[test]
fn present_past_and_future_references() {
    check(
        "Now the plant, currently idle, recently lost the past and fears the future.",
        Some(FRIDAY),
        &[
            ("Now", "PRESENT_REF"),
            ("currently", "PRESENT_REF"),
            ("recently", "PAST_REF"),
            ("the past", "PAST_REF"),
            ("the future", "FUTURE_REF"),
        ],
    );
    check(
        "Prices rose over the past year and in recent years.",
        Some(FRIDAY),
        &[("the past year", "2021"), ("recent years", "PXY")],
    );
}

#[test]
fn recurrences() {
    check(
        "Inspectors come every week, meet each Thursday, report daily and are paid $5,000 a \
         year; the ferry sails twice a day and annually there is a fair.",
        Some(FRIDAY),
        &[
            ("every week", "P1W"),
            ("each Thursday", "XXXX-WXX-4"),
            ("daily", "P1D"),
            ("a year", "P1Y"),
            ("twice a day", "P1D"),
        ],
    );
    check_kinds(
        "Inspectors come every week.",
        FRIDAY,
        &[("every week", TimeKind::Set, None)],
    );
}

#[test]
fn holidays() {
    check(
        "Shops closed on Christmas Day and will reopen after Easter.",
        Some(FRIDAY),
        &[("Christmas Day", "2021-12-25"), ("Easter", "2022-04-17")],
    );
    // The feast itself is no day something happens on; a bare holiday that times a verb is.
    check(
        "Pupils may not celebrate Christmas at school, the pilots wished all a merry Christmas, \
         and the ferry was found Thanksgiving Day.",
        Some(FRIDAY),
        &[("Thanksgiving Day", "2021-11-25")],
    );
    // A plan since changed may have been for a day before the telling: the nearest is taken.
    check(
        "The vote was originally scheduled to be held before Thanksgiving but was delayed.",
        Some("2021-11-30"),
        &[("Thanksgiving", "2021-11-25")],
    );
}

#[test]
fn a_planned_thing_named_in_a_past_clause_lies_behind() {
    // "a scheduled interview" is the noun's plan: the clause's verb places the day.
    check(
        "Ruiz canceled a scheduled radio interview Monday night, and the upcoming vote on \
         Thursday stays.",
        Some(FRIDAY),
        &[
            ("Monday night", "2022-01-10TNI"),
            ("Thursday", "2022-01-20"),
        ],
    );
    // What a reporting verb says of a plan still lies ahead.
    check(
        "Ruiz said the scheduled vote on Thursday would go ahead.",
        Some(FRIDAY),
        &[("Thursday", "2022-01-20")],
    );
}

#[test]
fn unknown_publication_date_keeps_what_is_stated() {
    check(
        "On March 5 the board met; last week it voted, on Thursday it adjourned and in 2019 it \
         formed.",
        None,
        &[
            ("March 5", "XXXX-03-05"),
            ("last week", "XXXX-WXX"),
            ("Thursday", "XXXX-WXX-4"),
            ("2019", "2019"),
        ],
    );
}

#[test]
fn article_offsets_are_byte_ranges_into_its_text() {
    let mut article = Article::new(
        Origin::Stdin,
        "Ümit arrived on Thursday.\n\nShe left two days later.".to_string(),
    );
    article.published = NaiveDate::from_ymd_opt(2022, 1, 14);
    let sentences = crate::sentences(&article, "en");
    let found: Vec<(&str, String)> = times(&article, &sentences, "en")
        .into_iter()
        .map(|expression| (&article.text[expression.range], expression.value))
        .collect();
    assert_eq!(
        found,
        [
            ("Thursday", "2022-01-13".to_string()),
            ("two days later", "2022-01-15".to_string())
        ]
    );
}

#[test]
fn hostile_input_takes_bounded_time() {
    // A long run of words without punctuation, numbers that look like years, control
    // characters and mixed scripts must neither panic nor take long.
    let mut text = String::new();
    for idx in 0..16_000 {
        text.push_str(match idx % 6 {
            0 => "and ",
            1 => "1990 ",
            2 => "Friday \u{0007}",
            3 => "Дек 30 ",
            4 => "两天 ",
            _ => "two days ago ",
        });
    }
    assert!(text.len() > 100_000);
    let started = std::time::Instant::now();
    let found = times_in(&text, NaiveDate::from_ymd_opt(2022, 1, 14), "en");
    assert!(!found.is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    for expression in &found {
        assert!(text.get(expression.range.clone()).is_some());
    }
}

#[test]
fn earnings_reports_compare_quarters() {
    // Published in November: the quarter just reported is the third, and "a year earlier" is the
    // same quarter of the year before, which does not move the story's time.
    check(
        "Net income rose in the third quarter from a year earlier. In the quarter ended Sept. \
         30, sales fell; the year-ago quarter was weak.",
        Some("2021-11-02"),
        &[
            ("the third quarter", "2021-Q3"),
            ("a year earlier", "2020-Q3"),
            ("the quarter", "2021-Q3"),
            ("Sept. 30", "2021-09-30"),
            ("the year-ago quarter", "2020-Q3"),
        ],
    );
    check(
        "About three-quarters of the fleet hit a quarter-century low.",
        Some("2021-11-02"),
        &[],
    );
}

#[test]
fn reporting_years_and_periods_bounded_by_an_event() {
    check(
        "The cooperative earned $4 million in the year ended March 31 and expects less for the \
         fiscal year ending June 30.",
        Some(FRIDAY),
        &[
            ("the year", "P1Y"),
            ("March 31", "2021-03-31"),
            ("the fiscal year", "P1Y"),
            ("June 30", "2022-06-30"),
        ],
    );
    check(
        "A van was seen near the depot in the weeks before the fire, and in the years that \
         followed the town talked about the future of the depot.",
        Some(FRIDAY),
        &[("weeks", "PXW"), ("years", "PXY")],
    );
}

#[test]
fn the_start_of_a_period_until_now_anchors_no_later_time() {
    check(
        "Talks broke down on Wednesday. The ferry crews have been out since May 4. The \
         session had begun at 10 a.m.",
        Some("2026-05-14"),
        &[
            ("Wednesday", "2026-05-13"),
            ("May 4", "2026-05-04"),
            ("10 a.m.", "2026-05-13T10:00"),
        ],
    );
}

#[test]
fn ranges_of_amounts_are_one_length() {
    check(
        "Repairs take two to three weeks, or one or two days for the next 12 to 18 months.",
        Some(FRIDAY),
        &[
            ("two to three weeks", "PXW"),
            ("one or two days", "PXD"),
            ("the next 12 to 18 months", "PXM"),
        ],
    );
}

#[test]
fn lengths_as_adjectives_without_a_number() {
    // The article belongs to the noun, as in "a [two-day] visit"; ages stay untagged.
    check(
        "The decades-long feud, a week-long strike and a years-old dispute outlived a \
         two-year-old colt.",
        Some(FRIDAY),
        &[
            ("decades-long", "PXY"),
            ("week-long", "P1W"),
            ("years-old", "PXY"),
        ],
    );
}

#[test]
fn bare_units_counted_from_an_event() {
    check(
        "Days after the flood, crews arrived; hours before the storm, it was a matter of days \
         before the bridge fell.",
        Some(FRIDAY),
        &[("Days", "PXD"), ("hours", "PTXH")],
    );
}

#[test]
fn ordinal_periods_follow_the_story() {
    check(
        "The fair opened on Jan. 10. It was the second day of the fair, his first week on the \
         job, the sixth month in a row of gains, and their third day-long meeting.",
        Some(FRIDAY),
        &[
            ("Jan. 10", "2022-01-10"),
            ("the second day", "2022-01-10"),
            ("first week", "2022-W02"),
            ("day-long", "P1D"),
        ],
    );
    // A tenure counts from its own start, which the story's time does not tell.
    check(
        "The fair opened on Jan. 10, 2019. In his first year in office and Ruiz\u{2019}s second \
         year as mayor, it was the third year of her presidency.",
        Some(FRIDAY),
        &[
            ("Jan. 10, 2019", "2019-01-10"),
            ("first year", "XXXX"),
            ("second year", "XXXX"),
            ("the third year", "XXXX"),
        ],
    );
}

#[test]
fn approximate_and_shifted_periods() {
    check(
        "The deal closes around March 1 or by year's end, the plant shuts over the next year or \
         so, sales fell in the fourth quarter of last year, and rivals tried to get around \
         Monday's ruling.",
        Some(FRIDAY),
        &[
            ("around March 1", "2022-03-01"),
            ("year's end", "2022"),
            ("the next year or so", "2023"),
            ("the fourth quarter of last year", "2021-Q4"),
            ("Monday", "2022-01-10"),
        ],
    );
    check_kinds(
        "It closes around March 1 after the next year or so.",
        FRIDAY,
        &[
            ("around March 1", TimeKind::Date, Some(TimeModifier::Approx)),
            (
                "the next year or so",
                TimeKind::Date,
                Some(TimeModifier::Approx),
            ),
        ],
    );
}

#[test]
fn what_is_spent_is_a_length_of_time() {
    check(
        "Crews spent the past week on the levee after a flood last week.",
        Some(FRIDAY),
        &[("the past week", "P1W"), ("last week", "2022-W01")],
    );
}

#[test]
fn a_date_without_a_year_takes_the_year_that_ends_its_range() {
    check(
        "The aide met them between June and July 2016; from December to March 2015 the talks \
         stalled, and they met again on March 3 and April 9, 2020.",
        Some("2019-01-25"),
        &[
            ("June", "2016-06"),
            ("July 2016", "2016-07"),
            ("December", "2014-12"),
            ("March 2015", "2015-03"),
            ("March 3", "2020-03-03"),
            ("April 9, 2020", "2020-04-09"),
        ],
    );
    // Without a joining word the year is the article's, as before.
    check(
        "They met in June. In July 2016 they met again.",
        Some("2019-01-25"),
        &[("June", "2018-06"), ("July 2016", "2016-07")],
    );
}

#[test]
fn a_present_progressive_looks_ahead_past_a_description() {
    // "is running … in November": planned; the participle of "a registered nurse" describes a
    // name and says nothing of the tense.
    check(
        "Ana Ruiz, who has led the council since 1997, is running for re-election against Bo \
         Holm, a registered nurse, in November.",
        Some("2010-06-14"),
        &[("1997", "1997"), ("November", "2010-11")],
    );
    check(
        "The delegates are meeting on Friday.",
        Some("2010-06-14"),
        &[("Friday", "2010-06-18")],
    );
    // The expression qualifies a noun, not the progressive.
    check(
        "The mill is continuing to seek a buyer under a June agreement with its lenders.",
        Some("2010-10-27"),
        &[("June", "2010-06")],
    );
}

#[test]
fn this_weekend_told_in_the_past_is_the_one_just_gone() {
    // Written on a Monday.
    check(
        "Ana Ruiz appeared unmoved this weekend, when she left the meeting.",
        Some("2010-06-14"),
        &[("this weekend", "2010-W23-WE")],
    );
    check(
        "Ana Ruiz will speak this weekend.",
        Some("2010-06-14"),
        &[("this weekend", "2010-W24-WE")],
    );
    // A possessive placed from the publication date is no past event.
    check(
        "The mayor denied that the law would change before this weekend's regatta.",
        Some("2010-06-15"),
        &[("this weekend", "2010-W24-WE")],
    );
    // "Last weekend" counts from the publication date's week, whatever the tense.
    check(
        "Last weekend, a letter was sent to the council.",
        Some("2010-06-14"),
        &[("Last weekend", "2010-W23-WE")],
    );
}

#[test]
fn after_a_description_the_verb_that_follows_the_expression_is_its_own() {
    check(
        "The news comes days after Bo Holm, the envoy who will lead the talks, on Saturday \
         announced his departure.",
        Some("2018-12-24"),
        &[("days", "PXD"), ("Saturday", "2018-12-22")],
    );
}

#[test]
fn the_next_day_gives_no_tense() {
    check(
        "The panel met on Sept. 14. The deputies reviewed the plan at a meeting the next day, \
         Sept. 15, Mr. Holm said.",
        Some("2013-05-15"),
        &[
            ("Sept. 14", "2012-09-14"),
            ("the next day", "2012-09-15"),
            ("Sept. 15", "2012-09-15"),
        ],
    );
}

#[test]
fn a_date_without_a_year_shortly_after_a_told_time_is_of_its_year() {
    // Published years later: the days told after "in June 2016" are of 2016.
    check(
        "The pilots met in June 2016. On July 22 that year, the council published the report.",
        Some("2019-01-25"),
        &[
            ("June 2016", "2016-06"),
            ("July 22", "2016-07-22"),
            ("that year", "2016"),
        ],
    );
    check(
        "In October 2016, the two pilots wrote to the council. On Oct. 7, it answered.",
        Some("2019-01-25"),
        &[("October 2016", "2016-10"), ("Oct. 7", "2016-10-07")],
    );
    // A month that qualifies a noun is no time of the story: the day is the news's.
    check(
        "The port reopened after the August 2017 accord. The council condemned the strike of Aug. 2.",
        Some("2019-08-15"),
        &[("August 2017", "2017-08"), ("Aug. 2", "2019-08-02")],
    );
    // "That week" after a month long past is no week the text tells.
    check(
        "In October 2016, the pilots wrote to the council. By the end of that week, it had answered.",
        Some("2019-01-25"),
        &[
            ("October 2016", "2016-10"),
            ("the end of that week", "XXXX-WXX"),
        ],
    );
}

#[test]
fn requests_in_the_passive_and_states_kept_look_ahead() {
    check(
        "The inquiry under retired judge Ana Ruiz has been asked to report by the end of June. Schools in Velmar will stay closed on Wednesday, the council said.",
        Some(FRIDAY),
        &[("the end of June", "2022-06"), ("Wednesday", "2022-01-19")],
    );
    check(
        "She said they had been asked to vote on Tuesday against the bill.",
        Some(FRIDAY),
        &[("Tuesday", "2022-01-11")],
    );
}

#[test]
fn a_clock_time_takes_the_day_after_it() {
    check(
        "They met at 11 a.m. on Tuesday. They left at 9 p.m. on Tuesday evening.",
        Some("2026-05-20"),
        &[
            ("11 a.m.", "2026-05-19T11:00"),
            ("Tuesday", "2026-05-19"),
            ("9 p.m.", "2026-05-19T21:00"),
            ("Tuesday evening", "2026-05-19TEV"),
        ],
    );
}

#[test]
fn a_date_qualifying_a_noun_is_not_the_storys_day() {
    check(
        "VELL, May 19 (Wire) - The court on Tuesday annulled the March 15 mayoral election in \
         Tarrow. The judge, who read the opinion shortly after 11 a.m., said it was final.",
        Some("2026-05-19"),
        &[
            ("May 19", "2026-05-19"),
            ("Tuesday", "2026-05-19"),
            ("March 15", "2026-03-15"),
            ("shortly after 11 a.m.", "2026-05-19T11:00"),
        ],
    );
}

#[test]
fn a_weekday_of_a_named_week() {
    check(
        "The board meets on Thursday next week and met on Monday last week.",
        Some("2026-05-20"),
        &[
            ("Thursday", "2026-05-28"),
            ("next week", "2026-W22"),
            ("Monday", "2026-05-11"),
            ("last week", "2026-W20"),
        ],
    );
}

#[test]
fn quarters_and_halves_of_an_hour() {
    check(
        "The crowd gathered on Tuesday evening. At about a quarter to ten, police cleared the \
         square. By half past eleven it was empty.",
        Some("2026-05-20"),
        &[
            ("Tuesday evening", "2026-05-19TEV"),
            ("about a quarter to ten", "2026-05-19T21:45"),
            ("half past eleven", "2026-05-19T23:30"),
        ],
    );
    check(
        "The court sat on Tuesday morning. At a quarter past ten, the judges came in.",
        Some("2026-05-20"),
        &[
            ("Tuesday morning", "2026-05-19TMO"),
            ("a quarter past ten", "2026-05-19T10:15"),
        ],
    );
}

#[test]
fn lunchtime_is_the_storys_midday() {
    check(
        "On Tuesday I was home by lunchtime.",
        Some("2026-06-10"),
        &[("Tuesday", "2026-06-09"), ("lunchtime", "2026-06-09TMI")],
    );
}

#[test]
fn a_whole_period_is_the_storys() {
    check(
        "Radiotherapy was cancelled for the whole week.",
        Some("2026-06-11"),
        &[("the whole week", "2026-W24")],
    );
}

#[test]
fn a_week_of_a_month_by_its_place() {
    check(
        "The first login came in the last week of May, and the first week of June 2025.",
        Some("2026-06-13"),
        &[
            ("the last week of May", "2026-W22"),
            ("the first week of June 2025", "2025-W23"),
        ],
    );
}

#[test]
fn a_preposition_of_a_period_looks_ahead_only_before_its_expression() {
    check(
        "The money was sent through a broker late on Monday night. The offer is valid through \
         Friday.",
        Some("2026-06-11"),
        &[("Monday night", "2026-06-08TNI"), ("Friday", "2026-06-12")],
    );
}

#[test]
fn a_half_of_a_month_is_a_range_of_days() {
    check(
        "The vote will take place in the first half of July, the count in the second half of \
         February 2027.",
        Some("2026-05-20"),
        &[
            ("the first half of July", "2026-07-01/2026-07-15"),
            ("the second half of February 2027", "2027-02-16/2027-02-28"),
        ],
    );
}

#[test]
fn a_time_of_day_after_a_coarser_time_is_on_the_storys_day() {
    check(
        "The blast hit the plant early on Tuesday. The last inspection was in March 2023. The \
         mayor sent buses at 5:30 a.m.",
        Some("2026-04-16"),
        &[
            ("Tuesday", "2026-04-14"),
            ("March 2023", "2023-03"),
            ("5:30 a.m.", "2026-04-14T05:30"),
        ],
    );
}

#[test]
fn a_causative_have_a_part_of_a_date_and_a_day_set_off_after_its_date() {
    check(
        "“If it drops, we expect to have this fire contained by Sunday,” she said. No strikes \
         were recorded on the night of 11 August. On 10 August, the day before the fire \
         started, the office issued a warning. He claims to have seen it on Monday.",
        Some("2026-08-13"),
        &[
            ("Sunday", "2026-08-16"),
            ("the night of 11 August", "2026-08-11TNI"),
            ("10 August", "2026-08-10"),
            ("the day before", "2026-08-10"),
            ("Monday", "2026-08-10"),
        ],
    );
}

#[test]
fn a_part_of_the_day_before_an_event_and_the_eve_of_one() {
    check(
        "The council voted on Thursday. The mayor had phoned the harbour master the night \
         before the vote.",
        Some("2026-11-06"),
        &[
            ("Thursday", "2026-11-05"),
            ("the night before", "2026-11-04TNI"),
        ],
    );
    check(
        "The council voted on Thursday. The mayor denied calling on the eve of the vote.",
        Some("2026-11-06"),
        &[
            ("Thursday", "2026-11-05"),
            ("the eve of the vote", "2026-11-04"),
        ],
    );
}

#[test]
fn a_quarter_of_an_hour_and_a_live_blog_s_stamps() {
    check(
        "The board met for barely a quarter of an hour.",
        Some("2026-11-07"),
        &[("a quarter of an hour", "PT15M")],
    );
    // A stamp alone on its line is the publication day's, whatever day the entry before told.
    check(
        "14:05 GMT\nThe pilots met on Wednesday.\n\n13:30 GMT\nThe port reopened.",
        Some("2026-11-05"),
        &[
            ("14:05 GMT", "2026-11-05T14:05"),
            ("Wednesday", "2026-11-04"),
            ("13:30 GMT", "2026-11-05T13:30"),
        ],
    );
}

#[test]
fn a_year_before_to_is_no_range_of_lengths() {
    check(
        "Berg was sentenced in 2023 to 15 years, and Ruiz faces two to three years.",
        Some("2026-03-12"),
        &[
            ("2023", "2023"),
            ("15 years", "P15Y"),
            ("two to three years", "PXY"),
        ],
    );
}

#[test]
fn an_evening_clock_keeps_its_paragraph_only() {
    check(
        "The pilots landed at 19:40 local time.\n\nThe handover began shortly after 11 o'clock. They landed at 19:40, and at 9 o'clock the mayor spoke.",
        Some("2026-03-12"),
        &[
            ("19:40 local time", "2026-03-12T19:40"),
            ("shortly after 11 o'clock", "2026-03-12T11:00"),
            ("19:40", "2026-03-12T19:40"),
            ("9 o'clock", "2026-03-12T21:00"),
        ],
    );
}

#[test]
fn until_in_a_past_clause_is_past() {
    check(
        "Velmar made the pilots wait until January. The ban stays until January.",
        Some("2026-03-14"),
        &[("January", "2026-01"), ("January", "2027-01")],
    );
}

#[test]
fn a_quoted_today_does_not_set_the_story_day() {
    check(
        "The pilots returned on Thursday. \"Today I stopped counting,\" Berg said after landing at 17:50 local time.",
        Some("2026-03-13"),
        &[
            ("Thursday", "2026-03-12"),
            ("Today", "2026-03-13"),
            ("17:50 local time", "2026-03-12T17:50"),
        ],
    );
}

#[test]
fn a_day_declared_lies_ahead_of_the_declaring() {
    check(
        "The mayor declared Tuesday a day of mourning. The pilots struck on Tuesday.",
        Some("2026-05-03"),
        &[
            ("Tuesday", "2026-05-05"),
            ("a day", "P1D"),
            ("Tuesday", "2026-04-28"),
        ],
    );
}

#[test]
fn a_zero_padded_or_weekday_clock_is_a_time() {
    check(
        "Sunday, 05:50 — the mayor radios the pilots.\n\n06:10 — the ferry leaves. The score was 2:1, then 3:15.",
        Some("2026-05-04"),
        &[
            ("Sunday", "2026-05-03"),
            ("05:50", "2026-05-03T05:50"),
            ("06:10", "2026-05-03T06:10"),
        ],
    );
}
