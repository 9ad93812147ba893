//! Time expressions: every date, time, duration and recurrence in an article, with its TIMEX3
//! type and value resolved against the article's own publication date.
//!
//! The work is in three steps, each in its own module:
//!
//! 1. `lexicon`: the words (month names, units, "yesterday", "ago", tense cues), one lexicon per
//!    language.
//! 2. `patterns`: regular expressions over those word classes propose candidates with what they
//!    mean; the longest candidates that do not overlap are kept.
//! 3. `resolve`: each kept expression, in text order, gets its value: deictic ones ("yesterday",
//!    "last week") from the publication date, anaphoric ones ("the next day", "a year earlier")
//!    from the last date the text mentioned, and bare weekdays and year-less dates from the tense
//!    of their clause ("met on Thursday" is the Thursday before publication, "will meet on
//!    Thursday" the one after).
//!
//! Extents and values follow TimeML as the TempEval-3 data annotates it: prepositions stay
//! outside ("on [Thursday]"), a position word is inside with the value of its period ("[mid-
//! January]" is `2022-01` with the `MID` modifier), and a range is two expressions ("[9]-[10
//! January]"). `parallax eval timex` measures the result.

mod lexicon;
mod patterns;
mod resolve;
#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};
use lexicon::{Lexicon, Unit};
use parallax_model::{Article, Sentence, TimeExpression};
use patterns::{Candidate, Grammar, Piece};
use resolve::{Anchors, Meaning, Tense};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

/// The English grammar, compiled on first use and shared by every thread after that.
static ENGLISH: LazyLock<Grammar> = LazyLock::new(|| Grammar::new(&lexicon::ENGLISH));

/// The grammar for `language` (ISO 639-1).
fn grammar(language: &str) -> &'static Grammar {
    // Only English has a lexicon so far. Other languages get the English grammar too: it still
    // finds their numeric dates and years, and finds nothing in their words rather than
    // something wrong.
    let _ = language;
    &ENGLISH
}

/// The time expressions of `article`, in text order, with values resolved against
/// [`Article::published`]; `language` (ISO 639-1) selects the lexicon.
///
/// Without a publication date, relative expressions keep what they state and leave the rest
/// unknown: "March 5" is `XXXX-03-05`, "last week" `XXXX-WXX`.
pub fn times(article: &Article, sentences: &[Sentence], language: &str) -> Vec<TimeExpression> {
    times_within(&article.text, sentences, article.published, language)
}

/// The time expressions of `text`, as [`times`] finds them in an article's text; ranges are
/// byte ranges into `text`. For text that is not an [`Article`]'s, such as a benchmark document
/// whose offsets must stay as they are.
///
/// ```
/// use chrono::NaiveDate;
/// use parallax_annotate::times_in;
///
/// let text = "The board met on Thursday and will vote in mid-January.";
/// let friday = NaiveDate::from_ymd_opt(2021, 12, 31);
/// let found: Vec<(&str, String)> = times_in(text, friday, "en")
///     .into_iter()
///     .map(|expression| (&text[expression.range], expression.value))
///     .collect();
/// assert_eq!(
///     found,
///     [("Thursday", "2021-12-30".to_string()), ("mid-January", "2022-01".to_string())]
/// );
/// ```
pub fn times_in(text: &str, published: Option<NaiveDate>, language: &str) -> Vec<TimeExpression> {
    times_within(
        text,
        &crate::sentences::sentences_in(text, language),
        published,
        language,
    )
}

/// The time expressions of `text`, whose `sentences` bound the clause each expression takes its
/// tense from.
fn times_within(
    text: &str,
    sentences: &[Sentence],
    published: Option<NaiveDate>,
    language: &str,
) -> Vec<TimeExpression> {
    let grammar = grammar(language);
    let mut anchors = Anchors {
        published,
        narrative: None,
        narrative_is_close: false,
        later_in_the_day: false,
        story_day: None,
    };
    // Where the mention of the story's time ends, when it times its clause ("In October 2016,
    // …"), not a noun ("the August 1988 cease-fire").
    let mut narrative_end: Option<usize> = None;
    // Where the clock time that made the story's time the afternoon or evening ends: "landed at
    // 19:40" keeps "at 9" in the evening within its paragraph only, while "on Tuesday evening"
    // sets the scene for what follows.
    let mut evening_clock_end: Option<usize> = None;
    let mut expressions = Vec::new();
    let mut pieces: Vec<Piece> = select(grammar.candidates(text))
        .into_iter()
        .filter(|candidate| !is_quoted_title(text, &candidate.range))
        .filter(|candidate| !ends_a_name(text, sentences, &candidate.range, grammar.lexicon))
        .flat_map(|candidate| candidate.pieces)
        .collect();
    share_range_years(text, &mut pieces);
    for idx in 0..pieces.len() {
        let piece = &pieces[idx];
        anchors.narrative_is_close = narrative_end.is_some_and(|end| {
            piece.range.start.saturating_sub(end) <= resolve::NARRATIVE_CLOSE_BYTES
        });
        let tense = tense(
            text,
            sentence_around(sentences, &piece.range),
            &piece.range,
            grammar.lexicon,
        );
        // A time of day alone on its line ("14:05 GMT" over a live blog's entry) stamps the
        // entry with the publication day; the entry's story starts from that day.
        if evening_clock_end.is_some_and(|end| {
            text.get(end..piece.range.start)
                .is_some_and(|between| between.contains('\n'))
        }) {
            anchors.later_in_the_day = false;
            evening_clock_end = None;
        }
        let stamp = matches!(piece.meaning, Meaning::Time { day: None, .. })
            && stands_alone_on_its_line(text, &piece.range);
        if stamp {
            anchors.narrative = None;
            anchors.story_day = None;
            anchors.later_in_the_day = false;
        }
        let anchors_here =
            day_after_clock(text, piece, pieces.get(idx + 1), &anchors, tense).unwrap_or(anchors);
        let resolved = match of_that_year(text, piece, pieces.get(idx + 1), &anchors) {
            Some(meaning) => resolve::resolve(&meaning, &anchors_here, tense),
            None => weekday_of_the_week_after(text, piece, pieces.get(idx + 1), &anchors, tense)
                .unwrap_or_else(|| resolve::resolve(&piece.meaning, &anchors_here, tense)),
        };
        if let Some(point) = resolved.point {
            // A date counted from another ("a year earlier") does not become the story's
            // time: in "up from $5 a year earlier" the story is still in this year; nor
            // does the start of a period lasting until now ("on strike since March 3").
            // Nor does a date that only qualifies a noun ("the March 15 election"): the story
            // is told at another time, and a later "at 11 a.m." is not that day's.
            if !piece.meaning.is_comparison()
                && !starts_period(text, &piece.range, grammar.lexicon)
                && !qualifies_a_noun(text, &piece.range)
                && !deictic_in_a_quotation(text, piece)
            {
                anchors.narrative = Some(point);
                if let resolve::Point::Day(day) = point
                    && !matches!(piece.meaning, Meaning::Time { day: None, .. })
                {
                    anchors.story_day.get_or_insert(day);
                }
                anchors.later_in_the_day = match piece.meaning {
                    Meaning::Time {
                        clock: resolve::Clock::Part(part),
                        ..
                    } => matches!(
                        part,
                        lexicon::DayPart::Afternoon
                            | lexicon::DayPart::Evening
                            | lexicon::DayPart::Night
                    ),
                    // "T21:45": a time after noon keeps the evening for the next one.
                    Meaning::Time { .. } => resolved
                        .value
                        .split_once('T')
                        .and_then(|(_, clock)| clock.get(..2)?.parse::<u32>().ok())
                        .is_some_and(|hour| hour >= 12),
                    _ => false,
                };
                evening_clock_end = (anchors.later_in_the_day
                    && matches!(
                        piece.meaning,
                        Meaning::Time {
                            clock: resolve::Clock::At { .. },
                            ..
                        }
                    ))
                .then_some(piece.range.end);
                narrative_end = times_a_clause(text, &piece.range).then_some(piece.range.end);
            }
        }
        expressions.push(TimeExpression {
            range: piece.range.clone(),
            kind: resolved.kind,
            value: resolved.value,
            modifier: piece.modifier,
        });
    }
    expressions
}

/// Whether the expression at `range` stands between a determiner and the noun it qualifies:
/// "the March 15 election", "its 2019 report".
fn qualifies_a_noun(text: &str, range: &Range<usize>) -> bool {
    const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "this", "that"];
    const NOT_A_NOUN: &[&str] = &[
        "and", "or", "but", "to", "in", "on", "at", "of", "for", "with", "by", "from", "as", "is",
        "was", "were", "are", "that", "which", "when", "until", "through",
    ];
    let before = text.get(..range.start).unwrap_or_default();
    let previous = words(before).next_back().unwrap_or_default();
    if !DETERMINERS
        .iter()
        .any(|determiner| previous.eq_ignore_ascii_case(determiner))
    {
        return false;
    }
    let after = text.get(range.end..).unwrap_or_default();
    if !after.starts_with(' ') {
        return false;
    }
    let next = words(after).next().unwrap_or_default();
    next.chars().next().is_some_and(char::is_lowercase) && !NOT_A_NOUN.contains(&next)
}

/// Whether the expression at `range` follows a preposition that makes it the time of its clause
/// ("in October 2016", "on Oct. 7", "the first week of October 2016"), rather than a word it qualifies ("the August 1988
/// cease-fire") or none.
fn times_a_clause(text: &str, range: &Range<usize>) -> bool {
    let before = text.get(..range.start).unwrap_or_default();
    let previous = words(before).next_back().unwrap_or_default();
    [
        "in", "on", "of", "during", "by", "from", "until", "through", "since", "between",
    ]
    .iter()
    .any(|preposition| previous.eq_ignore_ascii_case(preposition))
}

/// The anchors of a clock time that "on" and a day follow ("at 11 a.m. on Tuesday", "shortly
/// after 11 o'clock on Tuesday morning"): that day, not the last one mentioned. The two stay
/// two expressions, as TimeML marks them.
fn day_after_clock(
    text: &str,
    piece: &Piece,
    next: Option<&Piece>,
    anchors: &Anchors,
    tense: Tense,
) -> Option<Anchors> {
    if !matches!(piece.meaning, Meaning::Time { day: None, .. }) {
        return None;
    }
    let next = next?;
    let between = text.get(piece.range.end..next.range.start)?;
    if !between.trim().eq_ignore_ascii_case("on") {
        return None;
    }
    match resolve::resolve(&next.meaning, anchors, tense).point {
        Some(day @ resolve::Point::Day(_)) => Some(Anchors {
            narrative: Some(day),
            ..*anchors
        }),
        _ => None,
    }
}

/// A weekday that the week it falls in follows ("on Thursday next week", "Monday last week"):
/// that weekday of that week, where the weekday alone would be the nearest one.
fn weekday_of_the_week_after(
    text: &str,
    piece: &Piece,
    next: Option<&Piece>,
    anchors: &Anchors,
    tense: Tense,
) -> Option<resolve::Resolved> {
    let Meaning::Weekday {
        weekday,
        shift: None,
    } = piece.meaning
    else {
        return None;
    };
    let next = next?;
    let between = text.get(piece.range.end..next.range.start)?;
    if !between.trim().is_empty()
        || !matches!(
            next.meaning,
            Meaning::Period {
                unit: Unit::Week,
                ..
            }
        )
    {
        return None;
    }
    match resolve::resolve(&next.meaning, anchors, tense).point {
        Some(resolve::Point::Week(in_the_week)) => {
            let monday = in_the_week.week(chrono::Weekday::Mon).first_day();
            let day = monday
                .checked_add_days(chrono::Days::new(u64::from(weekday.num_days_from_monday())))?;
            Some(resolve::Resolved::date(resolve::Point::Day(day)))
        }
        _ => None,
    }
}

/// A date without a year that "that year" or "the same year" follows ("On July 22 that year")
/// with the year of the story's time, which the expression after it names; `None` otherwise.
fn of_that_year(
    text: &str,
    piece: &Piece,
    next: Option<&Piece>,
    anchors: &Anchors,
) -> Option<Meaning> {
    let Meaning::Date {
        weekday,
        year: None,
        month,
        day,
    } = piece.meaning
    else {
        return None;
    };
    let next = next?;
    let names_the_year = matches!(
        next.meaning,
        Meaning::Narrative {
            unit: Unit::Year,
            shift: 0
        }
    ) && text
        .get(piece.range.end..next.range.start)
        .is_some_and(|between| between.trim_matches([' ', ',']).is_empty());
    let year = anchors.narrative?.first_day()?.year();
    names_the_year.then_some(Meaning::Date {
        weekday,
        year: Some(year),
        month,
        day,
    })
}

/// Words that join the two ends of a range of dates ("June and July 2016", "from May to
/// August 2015", "March 3 through April 9, 2020").
const RANGE_JOINERS: &[&str] = &["and", "to", "through", "until", "till", "-", "\u{2013}"];

/// Gives a date without a year the year of the date that ends its range: in "between June and
/// July 2016", June is of 2016 (of 2015 in "from December to March 2016"), not of the year
/// before publication.
fn share_range_years(text: &str, pieces: &mut [Piece]) {
    for idx in 1..pieces.len() {
        let (head, tail) = pieces.split_at_mut(idx);
        let (start, end) = (&mut head[idx - 1], &tail[0]);
        let (
            Meaning::Date {
                year: start_year @ None,
                month: start_month,
                ..
            },
            Meaning::Date {
                year: Some(end_year),
                month: end_month,
                ..
            },
        ) = (&mut start.meaning, &end.meaning)
        else {
            continue;
        };
        let joined = text
            .get(start.range.end..end.range.start)
            .is_some_and(|between| RANGE_JOINERS.contains(&between.trim()));
        if joined {
            *start_year = Some(if *start_month > *end_month {
                end_year - 1
            } else {
                *end_year
            });
        }
    }
}

/// Whether the expression counts from the moment of speaking ("today", "yesterday") inside
/// words quoted in the paragraph: "“Today I stopped counting,” he said after landing at 17:50" —
/// the speaker's today is the day he spoke, which the article may tell a day later; resolved
/// from the publication date, it must not become the day the story's next clock time is on.
fn deictic_in_a_quotation(text: &str, piece: &Piece) -> bool {
    if !matches!(
        piece.meaning,
        Meaning::Day(_)
            | Meaning::Period { .. }
            | Meaning::Offset {
                narrative: false,
                ..
            }
    ) {
        return false;
    }
    let paragraph_start = text
        .get(..piece.range.start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |newline| newline + 1);
    let Some(before) = text.get(paragraph_start..piece.range.start) else {
        return false;
    };
    let straight = before.matches('"').count();
    let opened = before.matches('\u{201c}').count();
    let closed = before.matches('\u{201d}').count();
    straight % 2 == 1 || opened > closed
}

/// Whether the expression at `range` is all a quotation holds and is capitalized, which makes
/// it a title rather than a time: NBC's "Today" show, ABC's “This Week.” (a quoted "as soon as
/// possible" is still a time).
fn is_quoted_title(text: &str, range: &Range<usize>) -> bool {
    let capitalized = text
        .get(range.clone())
        .and_then(|written| written.chars().next())
        .is_some_and(char::is_uppercase);
    const OPENING: &[char] = &['"', '\u{201c}', '\u{2018}'];
    const CLOSING: &[char] = &['"', '\u{201d}', '\u{2019}'];
    let opened = text
        .get(..range.start)
        .and_then(|before| before.chars().next_back())
        .is_some_and(|c| OPENING.contains(&c));
    // A closing mark with a letter after it is an apostrophe: “Today’s ruling …”.
    let closed = text
        .get(range.end..)
        .map(|after| after.trim_start_matches(['.', ',', '?', '!']))
        .is_some_and(|after| {
            let mut chars = after.chars();
            chars.next().is_some_and(|c| CLOSING.contains(&c))
                && chars.next().is_none_or(|c| !c.is_alphanumeric())
        });
    capitalized && opened && closed
}

/// Whether the expression at `range` is a capitalized day word ending a name: "Veskland Today"
/// the paper, "Velmar Tonight" the programme. In running prose these words are lowercase, so
/// one capitalized after a capitalized word is the name's last word; a title-case headline,
/// where every word is capitalized, is left alone ("Port Reopens Today").
fn ends_a_name(
    text: &str,
    sentences: &[Sentence],
    range: &Range<usize>,
    lexicon: &Lexicon,
) -> bool {
    let Some(written) = text.get(range.clone()) else {
        return false;
    };
    let is_day_word = lexicon
        .day_words
        .iter()
        .any(|(word, _)| word.eq_ignore_ascii_case(written));
    if !is_day_word || !written.starts_with(char::is_uppercase) {
        return false;
    }
    let sentence = sentence_around(sentences, range);
    let before = text
        .get(sentence.start.min(range.start)..range.start)
        .unwrap_or_default();
    let Some(name_start) = before.strip_suffix(' ') else {
        return false;
    };
    // A word ending in a stop or a mark ends a sentence or a phrase before the day word
    // ("… to Velmar. Tomorrow he flies home").
    let previous_is_capitalized = name_start.rsplit(' ').next().is_some_and(|word| {
        word.starts_with(char::is_uppercase) && word.ends_with(char::is_alphanumeric)
    });
    let after = text
        .get(range.end..sentence.end.min(text.len()))
        .unwrap_or_default();
    let in_running_prose = words(before)
        .chain(words(after))
        .any(|word| word.len() > 3 && word.starts_with(char::is_lowercase));
    previous_is_capitalized && in_running_prose
}

/// Whether the expression at `range` follows a word that makes it the start of a period
/// ([`Lexicon::period_starts`]).
fn starts_period(text: &str, range: &Range<usize>, lexicon: &Lexicon) -> bool {
    words(&text[..range.start]).next_back().is_some_and(|word| {
        lexicon
            .period_starts
            .iter()
            .any(|start| start.eq_ignore_ascii_case(word))
    })
}

/// The longest candidates that do not overlap, in text order; among candidates of the same
/// length the earlier one wins, then the one of the earlier rule.
fn select(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        b.range
            .len()
            .cmp(&a.range.len())
            .then(a.range.start.cmp(&b.range.start))
            .then(a.rule.cmp(&b.rule))
    });
    // Kept ranges by start. They never overlap, so only the last one starting before a
    // candidate's end can overlap it; this keeps selection O(n log n) on texts with many numbers.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::new();
    for candidate in candidates {
        let overlaps = taken
            .range(..candidate.range.end)
            .next_back()
            .is_some_and(|(_, end)| *end > candidate.range.start);
        if !overlaps {
            taken.insert(candidate.range.start, candidate.range.end);
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|candidate| candidate.range.start);
    kept
}

/// How far to look for the clause around an expression, in bytes.
const CLAUSE_REACH: usize = 240;

/// The tense of the clause around `range`: the nearest tense cue before the expression, else the
/// nearest after it; after a description set off by commas, the nearest after it first. A
/// possessive weekday ("Wednesday's ruling") names an event already reported, unless it is
/// placed from the publication date ("this weekend's final").
fn tense(text: &str, sentence: Range<usize>, range: &Range<usize>, lexicon: &Lexicon) -> Tense {
    let sentence_end = sentence.end;
    let (left, right) = clause(text, sentence, range);
    if right.starts_with("'s") || right.starts_with("\u{2019}s") {
        // "this weekend's final" names a time by where it stands from the publication date,
        // not an event already reported.
        let placed = text.get(range.clone()).is_some_and(|written| {
            let first = written.split_whitespace().next().unwrap_or_default();
            ["this", "next", "coming", "upcoming"]
                .iter()
                .any(|word| first.eq_ignore_ascii_case(word))
        });
        return if placed { Tense::Unknown } else { Tense::Past };
    }
    let without_description = without_closing_description(left);
    let left_words: Vec<String> = words(without_description).map(str::to_lowercase).collect();
    // "McGurk, the envoy to the coalition, on Saturday accelerated his departure": after a
    // description set off by commas, the verb that follows the expression is its own.
    if without_description.len() < left.len()
        && let Some(tense) = right_cue(right, lexicon)
    {
        return tense;
    }
    // "declared Tuesday a day of national mourning", "set Friday as the deadline": the day is
    // what was declared, which lies ahead of the declaring.
    if left_words.last().is_some_and(|word| {
        matches!(
            word.as_str(),
            "declared" | "proclaimed" | "designated" | "named" | "set"
        )
    }) && words(right)
        .next()
        .is_some_and(|next| next.eq_ignore_ascii_case("a") || next.eq_ignore_ascii_case("as"))
    {
        return Tense::Future;
    }
    let qualifies_a_noun = left_words
        .last()
        .is_some_and(|word| DETERMINERS.contains(&word.as_str()));
    for idx in (0..left_words.len()).rev().take(12) {
        // "through" looks ahead only when it opens the expression's own phrase ("valid through
        // March"); "sent through a broker on Monday" is past. ("Until" is of time wherever it
        // stands: "until a special election in June".)
        if left_words[idx] == "through" && idx + 1 != left_words.len() {
            continue;
        }
        // "will become law after voting … Wednesday": the expression times the gerund's event,
        // which has no tense of its own; the clause's "will" is for another event.
        let opens_a_gerund = matches!(left_words[idx].as_str(), "after" | "since")
            && left_words
                .get(idx + 1)
                .is_some_and(|next| next.len() > 4 && next.ends_with("ing"));
        if opens_a_gerund {
            return Tense::Unknown;
        }
        // "is running for re-election in November", "are meeting on Friday": a present
        // progressive timed by the expression is what is planned; one whose object the
        // expression only qualifies ("is continuing talks under a June agreement") is not.
        if is_present_progressive(&left_words[..=idx]) && !qualifies_a_noun {
            return Tense::Future;
        }
        // "has been asked to report by the end of June": a request in the passive times what
        // was asked for too (the active form is read below, with the verb's past); "had been
        // asked to vote on Friday" tells a request and its act both past.
        if idx >= 1
            && matches!(left_words[idx - 1].as_str(), "been" | "was" | "were" | "be")
            && !(idx >= 2 && left_words[idx - 2] == "had")
            && ASKING_VERBS.contains(&left_words[idx].as_str())
            && left_words[idx + 1..].iter().any(|word| word == "to")
        {
            return Tense::Future;
        }
        if let Some(tense) = cue(&left_words[..=idx], lexicon) {
            // "made it wait until January", "stayed until March": a span that ends at the
            // expression lies ahead only when its verb does. The verb is within a few words,
            // in the same clause ("started Wednesday and runs until Nov. 5" runs ahead).
            if matches!(left_words[idx].as_str(), "until" | "till")
                && (0..idx)
                    .rev()
                    .take(4)
                    .take_while(|&earlier| {
                        !matches!(left_words[earlier].as_str(), "and" | "or" | "but" | "while")
                    })
                    .find_map(|earlier| cue(&left_words[..=earlier], lexicon))
                    == Some(Tense::Past)
            {
                return Tense::Past;
            }
            // "canceled a scheduled interview Monday night": a plan that a past verb acted on
            // lay before the telling.
            let plan_acted_on = tense == Tense::Future
                && idx >= 2
                && PLAN_ADJECTIVES.contains(&left_words[idx].as_str())
                && DETERMINERS.contains(&left_words[idx - 1].as_str())
                && !REPORTING_PAST.contains(&left_words[idx - 2].as_str())
                && cue(&left_words[..idx - 1], lexicon) == Some(Tense::Past);
            if plan_acted_on {
                return Tense::Past;
            }
            // "asked members to join him Monday evening": the expression times what was asked
            // for, which lies ahead of the asking, as the news of a request does of its act.
            let asks_for_later = tense == Tense::Past
                && ASKING_VERBS.contains(&left_words[idx].as_str())
                && left_words[idx + 1..].iter().any(|word| word == "to");
            return if asks_for_later { Tense::Future } else { tense };
        }
    }
    right_cue(right, lexicon)
        .or_else(|| quoted_verb_cue(text, range.end, sentence_end, right, lexicon))
        .unwrap_or(Tense::Unknown)
}

/// The tense of the words a quotation opens right after the expression, when nothing else in
/// its clause gives one: "the talks in Helsinki on Monday “should not move forward”" — the
/// subject is the writer's, its verb the quoted words'.
fn quoted_verb_cue(
    text: &str,
    expression_end: usize,
    sentence_end: usize,
    right: &str,
    lexicon: &Lexicon,
) -> Option<Tense> {
    if !right.trim().is_empty() {
        return None;
    }
    let after = text.get(expression_end..sentence_end)?.trim_start();
    let quoted = after.strip_prefix(['"', '\u{201c}'])?;
    let quoted = match quoted.find(is_sentence_end) {
        Some(idx) => quoted.get(..idx)?,
        None => quoted,
    };
    right_cue(quoted, lexicon).or_else(|| {
        // A modal opening the quoted verb looks ahead, unless a perfect follows it ("should
        // have moved").
        let mut quoted_words = words(quoted).map(str::to_lowercase);
        quoted_words.next().filter(|word| {
            matches!(
                word.as_str(),
                "should" | "must" | "may" | "might" | "could" | "can"
            )
        })?;
        let perfect = quoted_words
            .take(2)
            .any(|word| word == "have" || word == "'ve");
        (!perfect).then_some(Tense::Future)
    })
}

/// Cues of the future that are also adjectives of a planned thing ("a scheduled interview").
const PLAN_ADJECTIVES: &[&str] = &["scheduled", "planned"];

/// Past forms of reporting verbs, whose object is what was said, not the planned thing: "said
/// the scheduled vote on Thursday would go ahead" looks ahead.
const REPORTING_PAST: &[&str] = &[
    "said",
    "told",
    "reported",
    "announced",
    "confirmed",
    "added",
    "noted",
    "wrote",
];

/// The tense the words after an expression give it, if any.
fn right_cue(right: &str, lexicon: &Lexicon) -> Option<Tense> {
    let right_words: Vec<String> = words(right).take(10).map(str::to_lowercase).collect();
    // A word joining the expression to the end of its range ("from Dec. 22 through Jan. 25")
    // is no cue of tense: the verb after the range is.
    let joins_a_range = right_words
        .first()
        .is_some_and(|word| matches!(word.as_str(), "through" | "until" | "till" | "to"));
    (usize::from(joins_a_range)..right_words.len())
        .find_map(|idx| cue(&right_words[..=idx], lexicon))
}

/// Words before a noun that an expression right after them qualifies ("a June agreement").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "this",
];

/// Whether `words` end in a present progressive: "is running", "are meeting".
fn is_present_progressive(words: &[String]) -> bool {
    match words {
        [.., auxiliary, verb] => {
            matches!(auxiliary.as_str(), "is" | "are" | "am")
                && verb.len() > 5
                && verb.ends_with("ing")
        }
        _ => false,
    }
}

/// `left` without a description set off by commas at its end ("… against Bo Holm, a
/// registered nurse, in November"): its words describe a name and tell nothing of the
/// clause's tense.
fn without_closing_description(left: &str) -> &str {
    let trimmed = left.trim_end();
    // The preposition of the expression itself: ", in November".
    let trimmed = [
        "in", "on", "at", "by", "from", "until", "before", "after", "during",
    ]
    .iter()
    .find_map(|preposition| {
        trimmed
            .strip_suffix(preposition)
            .filter(|rest| rest.ends_with(char::is_whitespace))
    })
    .unwrap_or(trimmed)
    .trim_end();
    let Some(before_comma) = trimmed.strip_suffix(',') else {
        return left;
    };
    let Some(open) = before_comma.rfind(", ") else {
        return left;
    };
    let description = &before_comma[open + 2..];
    let is_description = ["a ", "an ", "the "]
        .iter()
        .any(|article| description.starts_with(article));
    if is_description { &left[..open] } else { left }
}

/// Past forms of verbs that ask for, order or invite a later act ("asked them to", "urged
/// her to"): an expression after them times that act.
const ASKING_VERBS: &[&str] = &[
    "asked",
    "urged",
    "invited",
    "pressed",
    "encouraged",
    "instructed",
    "directed",
    "ordered",
    "summoned",
    "begged",
    "implored",
    "requested",
    "called",
    "challenged",
];

/// What the last of `words` (lower case, in text order) says about tense, given the words before
/// it, if anything.
fn cue(words: &[String], lexicon: &Lexicon) -> Option<Tense> {
    let (word, before) = words.split_last()?;
    let previous = before.last().map(String::as_str);
    let second = before
        .len()
        .checked_sub(2)
        .and_then(|idx| before.get(idx))
        .map(String::as_str);
    let perfect = |word: Option<&str>| matches!(word, Some("been" | "had"));
    // "were originally scheduled to be held before Thanksgiving": a plan since changed, whose
    // date may lie on either side of the telling.
    let superseded = |word: Option<&str>| {
        matches!(
            word,
            Some("originally" | "initially" | "previously" | "once")
        )
    };
    // "the next day" counts from the story's own last date, whatever its tense.
    if word == "next" && previous == Some("the") {
        return None;
    }
    if lexicon.future_cues.contains(&word.as_str()) || word.ends_with("'ll") {
        // "had been scheduled to expire" looks back; "is scheduled to" and "was scheduled to"
        // (reported before publication, but for after it) look ahead.
        return Some(if perfect(previous) {
            Tense::Past
        } else if superseded(previous) {
            Tense::Unknown
        } else {
            Tense::Future
        });
    }
    if word == "to" && previous.is_some_and(|previous| lexicon.future_before_to.contains(&previous))
    {
        return Some(if perfect(second) {
            Tense::Past
        } else if superseded(second) {
            Tense::Unknown
        } else {
            Tense::Future
        });
    }
    if matches!(word.as_str(), "is" | "are" | "am" | "says" | "say") {
        return Some(Tense::Unknown);
    }
    // "will stay closed" as well.
    let participle_after_be = matches!(
        previous,
        Some(
            "be" | "been"
                | "being"
                | "is"
                | "are"
                | "get"
                | "stay"
                | "stays"
                | "remain"
                | "remains"
        )
    );
    let past = lexicon.past_cues.contains(&word.as_str())
        || (word.len() > 4 && word.ends_with("ed") && !lexicon.not_past.contains(&word.as_str()));
    // "expect to have this fire contained by Sunday": a participle after "to have" and its
    // object is what is to be done, and the verb before "to" gives the tense ("claims to have
    // seen him" is a past).
    let to_have_done = (2..before.len().min(6)).any(|back| {
        let at = before.len() - back;
        matches!(before[at].as_str(), "have" | "get") && at >= 1 && before[at - 1] == "to"
    });
    // "will be held" is no past: a participle after "be" leaves the tense to the words before.
    (past && !participle_after_be && !to_have_done).then_some(Tense::Past)
}

/// Whether nothing but white space and a time zone shares the line of `range` ("14:05 GMT"
/// heading a live blog's entry).
fn stands_alone_on_its_line(text: &str, range: &Range<usize>) -> bool {
    let line_start = text[..range.start].rfind('\n').map_or(0, |at| at + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |at| range.end + at);
    let before = &text[line_start..range.start];
    let after = text[range.end..line_end].trim();
    before.trim().is_empty()
        && (after.is_empty() || (after.len() <= 4 && after.chars().all(|c| c.is_ascii_uppercase())))
}

/// The sentence that holds `range`, or the whole text when none does (an expression across a
/// sentence boundary).
fn sentence_around(sentences: &[Sentence], range: &Range<usize>) -> Range<usize> {
    let after = sentences.partition_point(|sentence| sentence.range.end < range.end);
    sentences
        .get(after)
        .filter(|sentence| sentence.range.start <= range.start)
        .map_or(0..usize::MAX, |sentence| sentence.range.clone())
}

/// The text of the clause before and after `range`, bounded by its `sentence`, by the marks that
/// end a clause ([`is_sentence_end`]) and by [`CLAUSE_REACH`]. The sentence matters before the
/// expression most: "… to be held in 2015. On Monday, the panel came out against it" takes no
/// future from the sentence before.
fn clause<'t>(text: &'t str, sentence: Range<usize>, range: &Range<usize>) -> (&'t str, &'t str) {
    let mut start = range.start.saturating_sub(CLAUSE_REACH).max(sentence.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (range.end + CLAUSE_REACH).min(text.len()).min(sentence.end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let left = text.get(start..range.start).unwrap_or_default();
    let right = text.get(range.end..end).unwrap_or_default();
    // A quoted phrase right before the expression is part of its clause ("asked members to join
    // him “for a private call” Monday evening"): the clause is looked for before the phrase.
    let before_quoted = left
        .trim_end()
        .strip_suffix(['"', '\u{201d}'])
        .and_then(|inside| inside.rfind(['"', '\u{201c}']))
        .unwrap_or(left.len());
    // After the whole mark: a curly quotation mark is three bytes.
    let left = match left[..before_quoted]
        .char_indices()
        .rfind(|&(_, c)| is_sentence_end(c))
    {
        Some((idx, mark)) => left.get(idx + mark.len_utf8()..).unwrap_or_default(),
        None => left,
    };
    let right = match right.find(is_sentence_end) {
        Some(idx) => right.get(..idx).unwrap_or_default(),
        None => right,
    };
    (left, right)
}

/// Characters that end a clause for tense purposes. A period is left out: abbreviations ("Dec.",
/// "U.S.") are too common in news to split on it without a sentence splitter.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '!' | '?' | ';' | '\n' | '"' | '\u{201c}' | '\u{201d}')
}

/// The words of `text`, apostrophes kept ("'ll").
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|word| !word.is_empty())
}
