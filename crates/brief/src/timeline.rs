//! Timeline: the dated events the articles mention, merged across sources.
//!
//! Every date or time the annotate stage resolved to the calendar is an entry, together with
//! the sentence that carries it; two expressions joined by a dash or "to" are one range ("17-18
//! March"). Sentences of different sources that say the same thing (the matching behind
//! consensus) are one event. When the sources' dates for an event cannot be the same — not
//! equal, and neither inside the other — the event is marked disputed; a day inside a month or
//! range is compatible.

use crate::Config;
use crate::matching::Matches;
use chrono::{NaiveDate, Weekday};
use parallax_model::{Annotated, Citation, Span, Story, TimeKind, TimelineEvent, TimelineMention};
use std::collections::BTreeMap;
use std::ops::Range;

/// Dates spanning fewer days than this are precise enough to merge events on.
const SHORT_RANGE_DAYS: i64 = 7;

struct Entry {
    source: usize,
    value: String,
    expression: Range<usize>,
    year_inferred: bool,
}

/// The timeline of `story`, earliest first.
pub fn timeline(story: &Story, config: &Config) -> Vec<TimelineEvent> {
    timeline_from(story, &Matches::new(story, config))
}

/// [`timeline`] from matches already made.
pub(crate) fn timeline_from(story: &Story, matches: &Matches) -> Vec<TimelineEvent> {
    timeline_of(matched_events(story, matches))
}

/// The timeline of `matched` events ([`matched_events`]): events of the same day merged, in
/// date order.
pub(crate) fn timeline_of(matched: Vec<TimelineEvent>) -> Vec<TimelineEvent> {
    let mut events = merge_same_day(matched);
    // The keys are computed once per event: reading a date's days on every comparison was a
    // large part of the timeline. The sort is stable, as `sort_by` is.
    events.sort_by_cached_key(|event| (sort_key(&event.date), event.date.clone(), first(event)));
    events
}

/// `events` with each mention whose sentence dates several events cited by the part of the
/// sentence that holds its own date ([`date_parts`]): "… meet in Velmar on January 10 and
/// talks with the mediators follow on January 12, while a vote is set for January 13" gives
/// each of the three days its own words. The disputes read whole sentences, so this is done last.
pub(crate) fn cited_by_date_part(
    story: &Story,
    mut events: Vec<TimelineEvent>,
) -> Vec<TimelineEvent> {
    let anchor = story_anchor(story);
    // The dated expressions of every sentence that holds two or more, in text order, with
    // each one's part, by article and by where the sentence starts.
    let mut several: BTreeMap<(usize, usize), Vec<DatedPart>> = BTreeMap::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let text = &annotated.article.text;
        for (sentence_idx, mut dated) in dated_sentences(annotated, anchor) {
            if dated.len() < 2 {
                continue;
            }
            dated.sort_unstable_by_key(|(_, expression, _)| expression.start);
            let expressions: Vec<Range<usize>> = dated
                .iter()
                .map(|(_, expression, _)| expression.clone())
                .collect();
            let sentence = annotated.sentences[sentence_idx].range.clone();
            let parts = date_parts(text, sentence.clone(), &expressions);
            several.insert(
                (article_idx, sentence.start),
                dated.into_iter().zip(parts).collect(),
            );
        }
    }
    for mention in events.iter_mut().flat_map(|event| &mut event.mentions) {
        let article_idx = mention.citation.source - 1;
        let Some(dated) = several.get(&(article_idx, mention.citation.span.start)) else {
            continue;
        };
        let text = &story.articles[article_idx].article.text;
        let own = dated.iter().find(|((value, expression, _), _)| {
            *value == mention.date
                && text.get(expression.clone()) == Some(mention.expression.as_str())
        });
        if let Some((_, part)) = own
            && let Some(cited) = text.get(part.clone())
        {
            mention.citation.text = cited.to_string();
            mention.citation.span.start = part.start;
            mention.citation.span.end = part.end;
        }
    }
    events
}

/// A dated expression of a sentence and the part of the sentence it is cited by.
type DatedPart = (Dated, Range<usize>);

/// Fewer words than this around a date make no part of their own ([`date_parts`]).
const MIN_PART_WORDS: usize = 5;

/// Fewer words than this from the end of one part to the next date, that date included, make
/// no part of their own either ("founded in 1970 and 1985").
const MIN_NEXT_PART_WORDS: usize = 3;

/// A conjunction closes a date's part only this many words or fewer before the next date.
const MAX_WORDS_AFTER_CONJUNCTION: usize = 6;

/// Words that open a phrase before a sentence's subject: a date in it is a fronted time.
const FRONTING_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "when",
    "while",
    "as",
    "by",
    "until",
    "following",
    "earlier",
    "later",
];

/// Whether the date expression `expression` of `text`, in a part that opens at `open`, ends in
/// a year set off by commas, so that a comma right after it closes what the comma before
/// opened rather than the part: inside the date ("July 20, 2006,"), or anywhere in the part
/// before it ("who, in 1996, helped"; "X, Mexico's president from 2000 to 2006, said"). After
/// a year with no comma before it in its part ("dates back to 1947, with …"), the comma closes
/// the part.
fn ends_in_set_off_year(text: &str, open: usize, expression: &Range<usize>) -> bool {
    let written = text.get(expression.clone()).unwrap_or_default();
    let digits = written
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .count();
    let comma_in_date = written[..written.len() - digits].ends_with(", ");
    let comma_before = text
        .get(open..expression.start)
        .is_some_and(|before| before.contains(", "));
    digits == 4 && (comma_in_date || comma_before)
}

/// Words that close the part of a sentence around one date before the next date's part: "on
/// January 12 and a meeting on January 13", "on Monday, while talks resume on Friday".
const PART_CLOSERS: &[&str] = &[" and ", " but ", " while ", " then ", " whereas "];

/// The part of `sentence` (a byte range of `text`) around each of `expressions` (sorted, inside
/// it), in the same order. A part closes at the first clause mark or conjunction after its
/// date ([`PART_CLOSERS`]) and the next opens after it; dates with no such word between them,
/// or whose part would be under [`MIN_PART_WORDS`], share one part, and the last part runs to
/// the sentence's end.
pub(crate) fn date_parts(
    text: &str,
    sentence: Range<usize>,
    expressions: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut parts = Vec::with_capacity(expressions.len());
    let mut open = sentence.start;
    // Whether the current part opens after a conjunction, which may open a clause of its own
    // ("…, while talks resume on Friday"), rather than after a bare clause mark.
    let mut after_conjunction = false;
    let mut waiting = 0;
    // Where the main clause after a fronted time opens ("Earlier, on May 7, | the council …"):
    // a later part with no head of its own is shown from there, without the other date.
    let mut main_clause = sentence.start;
    for (idx, expression) in expressions.iter().enumerate() {
        waiting += 1;
        let search_end = expressions
            .get(idx + 1)
            .map_or(sentence.end, |next| next.start)
            .max(expression.end);
        let between = text.get(expression.end..search_end).unwrap_or_default();
        let is_last = idx + 1 == expressions.len();
        // A part of a date and a word or two ("Earlier, on May 7, the council …"), or
        // one that opens the sentence with a preposition ("In a statement issued Friday, the
        // team disputed …"), is only a fronted time: what happened then is in the words after
        // it, up to the next clause mark. The next part needs words of its own too ("founded
        // in 1970 and 1985").
        let fronted = open == sentence.start
            && text
                .get(open..expression.start)
                .and_then(|before| before.split_whitespace().next())
                .map(|first| {
                    first
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .is_some_and(|first| FRONTING_WORDS.contains(&first.as_str()));
        // After a fronted time its own comma closes no part, but a later clause mark does:
        // "Earlier, on May 7, the council published the draft, which was handed to the
        // mediators on May 5" tells two days.
        let close = (!is_last)
            .then(|| {
                if fronted {
                    fronted_part_close(between)
                } else {
                    part_close(between, ends_in_set_off_year(text, open, expression))
                }
            })
            .flatten()
            .filter(|&(at, _)| {
                at == 0 || !opens_appositive(text, expression.end + at, sentence.end)
            })
            .filter(|&(at, len)| {
                let part = text.get(open..expression.end + at).unwrap_or_default();
                let next_end = expressions[idx + 1].end;
                let next = text
                    .get(expression.end + at + len..next_end)
                    .unwrap_or_default();
                part.split_whitespace().count() >= MIN_PART_WORDS
                    && next.split_whitespace().count() >= MIN_NEXT_PART_WORDS
            });
        if close.is_none() && !is_last {
            continue;
        }
        if fronted && close.is_some() {
            let after_comma = text.get(expression.end + 1..).unwrap_or_default();
            main_clause = expression.end + 1 + (after_comma.len() - after_comma.trim_start().len());
        }
        let (close, reopen) = close.map_or((sentence.end, sentence.end), |(at, len)| {
            (expression.end + at, expression.end + at + len)
        });
        let mut shown = text
            .get(open..close)
            .map(|part| crate::clauses::trimmed(part, &(0..part.len())))
            .map_or(open..close, |kept| open + kept.start..open + kept.end);
        if shown.start > sentence.start
            && text
                .get(shown.clone())
                .is_some_and(|part| crate::clauses::opens_headless(part, after_conjunction))
        {
            shown.start = main_clause;
        }
        parts.extend(std::iter::repeat_n(shown, waiting));
        waiting = 0;
        after_conjunction = text
            .get(close..reopen)
            .is_some_and(|closer| PART_CLOSERS.contains(&closer));
        open = reopen;
        // A part after a comma opens without the conjunction that follows it (", and on May 3").
        let rest = text.get(open..).unwrap_or_default();
        let spaces = rest.len() - rest.trim_start().len();
        if let Some(word) = PART_CLOSERS
            .iter()
            .map(|closer| closer.trim_start())
            .find(|word| rest.trim_start().starts_with(word))
        {
            open += spaces + word.len();
            after_conjunction = true;
        }
    }
    parts
}

/// Whether the mark at `at` in `text` is a comma that opens a description of the name before
/// it, closed by a later comma before `end`, the sentence's end: "X said Friday that Ana Ruiz,
/// the front-runner in the 2016 race, has yet to respond". Its sentence goes on after the
/// description, so the part before the comma ("… that Ana Ruiz") is no part of its own.
fn opens_appositive(text: &str, at: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..at), text.get(at..end)) else {
        return false;
    };
    let Some(after) = after.strip_prefix(", ") else {
        return false;
    };
    let name_before = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|word| word.starts_with(char::is_uppercase));
    let description = after
        .split_whitespace()
        .next()
        .is_some_and(|word| matches!(word, "the" | "a" | "an"));
    // The description closes with a comma and the sentence goes on with a lowercase word: its
    // verb ("…, has yet to respond").
    let closed = after.match_indices(", ").any(|(comma, _)| {
        after[comma + 2..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    });
    name_before && description && closed
}

/// Where the first clause mark or [`PART_CLOSERS`] word in `between` (the text after a date
/// up to the next) starts, and its length. A conjunction closes only a few words before the
/// next date ("… on January 12 and a meeting on January 13"; "moral and political cowardice"
/// far from any date closes nothing); after a date that ends in a year set off by a comma, a
/// comma right after it is the date's own ("on July 20, 2006, described him as …").
fn part_close(between: &str, after_year: bool) -> Option<(usize, usize)> {
    let mark = clause_mark(between, after_year);
    let word = PART_CLOSERS
        .iter()
        .filter_map(|closer| between.find(closer).map(|at| (at, closer.len())))
        .filter(|&(at, len)| {
            between[at + len..].split_whitespace().count() <= MAX_WORDS_AFTER_CONJUNCTION
        })
        .min();
    match (mark, word) {
        (Some(mark), Some(word)) => Some(mark.min(word)),
        (found, None) | (None, found) => found,
    }
}

/// The first clause mark in `between` and its length; a comma right at its start closes
/// nothing `after_year` ([`part_close`]), nor one before an abbreviation set off by
/// commas ([`opens_with_set_off_abbreviation`]).
fn clause_mark(between: &str, after_year: bool) -> Option<(usize, usize)> {
    between.char_indices().find_map(|(at, c)| {
        let closes = match c {
            ',' if at == 0 && after_year => false,
            ',' if opens_with_set_off_abbreviation(&between[at + 1..]) => false,
            ',' | ';' | ':' => between[at + 1..].starts_with(char::is_whitespace),
            '\u{2014}' | '\u{2013}' => true,
            _ => false,
        };
        closes.then_some((at, c.len_utf8()))
    })
}

/// Whether `after`, the text after a comma, opens with a short capitalized abbreviation set off
/// by another comma: a place's state or province ("Ferguson, Mo., where …", "Berkeley Heights,
/// N.J., …") or a company's or person's suffix (", Inc.,", ", Jr.,"). Its commas belong to the
/// name; a part cut at the first would open with "Mo., where …".
fn opens_with_set_off_abbreviation(after: &str) -> bool {
    let Some(word) = after.split_whitespace().next() else {
        return false;
    };
    let Some(abbreviation) = word.strip_suffix(".,") else {
        return false;
    };
    let n_letters = abbreviation
        .chars()
        .filter(char::is_ascii_alphabetic)
        .count();
    abbreviation.starts_with(|c: char| c.is_ascii_uppercase())
        && abbreviation
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '.')
        && (1..=5).contains(&n_letters)
}

/// Words the clause after a fronted time needs before a clause mark closes its date's part:
/// fewer are a name and its appositive ("On Saturday, the mayor of Hoboken, Dawn Zimmer,
/// said …") or an adverb ("At the end of last month, though, …").
const MIN_MAIN_CLAUSE_WORDS: usize = 6;

/// Where the part of a date in a fronted time closes, in `between` (the text after the date up
/// to the next, opening with the comma that ends the fronted phrase): at the next clause mark
/// after at least [`MIN_MAIN_CLAUSE_WORDS`] words. Conjunctions close nothing here: "earned
/// $30 million from book sales and speeches in 2014" is one clause.
fn fronted_part_close(between: &str) -> Option<(usize, usize)> {
    let main = between.strip_prefix(',')?;
    let (at, len) = clause_mark(main, false)?;
    (main[..at].split_whitespace().count() >= MIN_MAIN_CLAUSE_WORDS).then_some((at + 1, len))
}

/// The events of the timeline before events of the same day merge: each told by sentences that
/// match one another, or by one sentence.
pub(crate) fn matched_events(story: &Story, matches: &Matches) -> Vec<TimelineEvent> {
    let mut entries: BTreeMap<(usize, usize), Vec<Entry>> = BTreeMap::new();
    for (article_idx, article_dated) in matches.dated.iter().enumerate() {
        for (sentence_idx, sentence_entries) in article_dated {
            entries.insert(
                (article_idx, *sentence_idx),
                sentence_entries
                    .iter()
                    .cloned()
                    .map(|(value, expression, year_inferred)| Entry {
                        source: article_idx + 1,
                        value,
                        expression,
                        year_inferred,
                    })
                    .collect(),
            );
        }
    }
    let sentences = &matches.sentences;
    let groups = matches
        .group(|article_idx, sentence_idx| entries.contains_key(&(article_idx, sentence_idx)));

    let mut events = Vec::new();
    for members in groups {
        let keys: Vec<(usize, usize)> = members
            .iter()
            .map(|&member| {
                (
                    sentences[member].article_idx,
                    sentences[member].sentence_idx,
                )
            })
            .collect();
        let one_date_each = keys
            .iter()
            .all(|key| entries.get(key).is_some_and(|found| found.len() == 1));
        // Matching sentences that date their words to a year and to a day or week that cannot
        // hold each other ("… colluded to boost the candidate in the 2016 election" / "… on Monday")
        // give two times of two things, not a disputed date of one: they are placed apart, as
        // sentences of several dates are.
        let values: Vec<&str> = keys
            .iter()
            .filter_map(|key| entries.get(key)?.first())
            .map(|entry| entry.value.as_str())
            .collect();
        // So do a part of the day the story is on ("who visited the town in the afternoon")
        // and another date: the part times its own clause, not a date the other disputes.
        let parts_of_the_day = keys.iter().any(|key| {
            entries
                .get(key)
                .and_then(|found| found.first())
                .and_then(|entry| {
                    story.articles[key.0]
                        .article
                        .text
                        .get(entry.expression.clone())
                })
                .is_some_and(is_part_of_the_day)
        });
        let times_of_two_things = values.iter().any(|a| {
            values
                .iter()
                .any(|b| !compatible(a, b) && ((is_year(a) && !is_year(b)) || parts_of_the_day))
        });
        if one_date_each && keys.len() > 1 && !times_of_two_things {
            let mentions: Vec<TimelineMention> = keys
                .iter()
                .filter_map(|key| Some(mention(story, *key, entries.get(key)?.first()?)))
                .collect();
            events.push(event(mentions));
            continue;
        }
        // Sentences with several dates: merge compatible dates across sources, one event each.
        let mut pending: Vec<Vec<TimelineMention>> = Vec::new();
        for key in &keys {
            for entry in entries.get(key).into_iter().flatten() {
                let mention = mention(story, *key, entry);
                let same_event = pending.iter_mut().find(|event| {
                    event
                        .iter()
                        .all(|other| other.citation.source != mention.citation.source)
                        && event
                            .iter()
                            .any(|other| compatible(&other.date, &mention.date))
                });
                match same_event {
                    Some(event) => event.push(mention),
                    None => pending.push(vec![mention]),
                }
            }
        }
        events.extend(pending.into_iter().map(event));
    }
    events
}

/// Whether a TIMEX3 value is a bare year ("2016"). A year named beside a matching sentence's
/// day or week is mostly a background fact's ("the 2016 elections"); a week against a month
/// ("next week" / "next month") is two sources timing one thing apart.
fn is_year(value: &str) -> bool {
    value.len() == 4 && value.bytes().all(|byte| byte.is_ascii_digit())
}

/// Events dated to the same day (or the same range of days) by different sentences are shown as
/// one: within one story, sources that put something on the same day are most often telling the
/// same event in other words. So are a day and a short range that holds it ("January 10" and
/// "9-10 January"): the event takes the date more of its mentions give, the narrower on a tie.
/// Coarser dates ("2026-03") are too vague to merge on.
fn merge_same_day(events: Vec<TimelineEvent>) -> Vec<TimelineEvent> {
    let mut merged: Vec<TimelineEvent> = Vec::new();
    // The day-precise events by their first day, with their last: a day and a range that holds
    // it (or the same day) start at most a short range's length apart. An event whose date
    // changes keeps its entry under the old date too: it still holds what that date held.
    let mut by_start: BTreeMap<NaiveDate, Vec<(NaiveDate, usize)>> = BTreeMap::new();
    for event in events {
        // A range may be written backwards ("2019-02-20/2019-02-15"): its days are the same.
        let Some((start, end)) = days(&event.date)
            .map(|(start, end)| (start.min(end), start.max(end)))
            .filter(|(start, end)| (*end - *start).num_days() < SHORT_RANGE_DAYS)
            .filter(|_| !event.date.contains('W'))
        else {
            merged.push(event);
            continue;
        };
        let holding = {
            let earliest = start
                .checked_sub_days(chrono::Days::new(SHORT_RANGE_DAYS as u64))
                .unwrap_or(NaiveDate::MIN);
            by_start
                .range(earliest..=end)
                .flat_map(|(&other_start, others)| {
                    others
                        .iter()
                        .map(move |&(other_end, idx)| (other_start, other_end, idx))
                })
                .filter(|&(other_start, other_end, _)| {
                    (other_start <= start && end <= other_end)
                        || (start <= other_start && other_end <= end)
                })
                .map(|(_, _, idx)| idx)
                .min()
        };
        match holding {
            Some(idx) => {
                let target = &mut merged[idx];
                target.disputed |= event.disputed;
                target.mentions.extend(event.mentions);
                target
                    .mentions
                    .sort_by_key(|mention| (mention.citation.source, mention.citation.span.start));
                if target.date != event.date {
                    let given_by = |date: &str| {
                        target
                            .mentions
                            .iter()
                            .filter(|mention| mention.date == date)
                            .count()
                    };
                    let (ours, theirs) = (given_by(&target.date), given_by(&event.date));
                    let narrower = end - start < span(&target.date);
                    if theirs > ours || (theirs == ours && narrower) {
                        by_start.entry(start).or_default().push((end, idx));
                        target.date = event.date;
                    }
                }
            }
            None => {
                by_start.entry(start).or_default().push((end, merged.len()));
                merged.push(event);
            }
        }
    }
    merged
}

fn first(event: &TimelineEvent) -> (usize, usize) {
    event.mentions.first().map_or((usize::MAX, 0), |mention| {
        (mention.citation.source, mention.citation.span.start)
    })
}

fn mention(
    story: &Story,
    (article_idx, sentence_idx): (usize, usize),
    entry: &Entry,
) -> TimelineMention {
    let annotated = &story.articles[article_idx];
    let range = annotated.sentences[sentence_idx].range.clone();
    TimelineMention {
        date: entry.value.clone(),
        year_inferred: entry.year_inferred,
        expression: annotated
            .article
            .text
            .get(entry.expression.clone())
            .unwrap_or_default()
            .to_string(),
        citation: Citation {
            source: entry.source,
            span: Span::new(annotated.article.id.clone(), range.start, range.end),
            text: annotated.article.text[range].to_string(),
        },
    }
}

/// The event of `mentions`: the date most of them give (the earliest on a tie), disputed when
/// another is incompatible with it.
fn event(mut mentions: Vec<TimelineMention>) -> TimelineEvent {
    mentions.sort_by_key(|mention| (mention.citation.source, mention.citation.span.start));
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for mention in &mentions {
        *counts.entry(mention.date.as_str()).or_insert(0) += 1;
    }
    let date = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(sort_key(b.0).cmp(&sort_key(a.0))))
        .map(|(date, _)| (*date).to_string())
        .unwrap_or_default();
    let disputed = mentions
        .iter()
        .any(|mention| !compatible(&mention.date, &date));
    TimelineEvent {
        date,
        disputed,
        mentions,
    }
}

/// Whether `expression` is a part of the day with no day of its own ("the afternoon", after
/// "in" or "during"): it is the day the story was last on.
fn is_part_of_the_day(expression: &str) -> bool {
    matches!(
        expression.to_lowercase().as_str(),
        "the morning" | "the afternoon" | "the evening" | "the night"
    )
}

/// A TIMEX3 date value or range, the expression that gives it, and whether its year was
/// inferred.
pub(crate) type Dated = (String, Range<usize>, bool);

/// The middle publication date of the story's dated articles: the anchor for year-less dates
/// in articles that carry no date of their own.
pub(crate) fn story_anchor(story: &Story) -> Option<NaiveDate> {
    let mut dates: Vec<NaiveDate> = story
        .articles
        .iter()
        .filter_map(|annotated| annotated.article.published)
        .collect();
    dates.sort_unstable();
    dates.get(dates.len() / 2).copied()
}

/// `XXXX-MM-DD` or `XXXX-MM` placed in the year that brings it nearest `anchor`.
fn infer_year(value: &str, anchor: NaiveDate) -> Option<String> {
    let rest = value.strip_prefix("XXXX-")?;
    let year = anchor.format("%Y").to_string().parse::<i32>().ok()?;
    (year - 1..=year + 1)
        .filter_map(|candidate| {
            let dated = format!("{candidate}-{rest}");
            let (start, _) = days(&dated)?;
            Some(((start - anchor).num_days().abs(), dated))
        })
        .min()
        .map(|(_, dated)| dated)
}

/// Calendar-anchored dates of each sentence of `annotated`, by sentence index, with ranges
/// joined. An undated article's year-less dates are placed near `anchor`.
pub(crate) fn dated_sentences(
    annotated: &Annotated,
    anchor: Option<NaiveDate>,
) -> Vec<(usize, Vec<Dated>)> {
    let text = &annotated.article.text;
    let undated = annotated.article.published.is_none();
    let anchored: Vec<(String, Range<usize>, bool)> = annotated
        .times
        .iter()
        .filter(|time| matches!(time.kind, TimeKind::Date | TimeKind::Time))
        .filter(|time| !counted_from(text, &time.range))
        .filter(|time| !in_dateline(annotated, &time.range))
        .filter_map(|time| {
            let value = time.value.split('T').next().unwrap_or_default();
            let (date, year_inferred) = match (sort_key(value), anchor) {
                (Some(_), _) => (value.to_string(), false),
                (None, Some(anchor)) if undated => (infer_year(value, anchor)?, true),
                (None, _) => return None,
            };
            let date = date.as_str();
            // "By the end of the year" in an article of that year dates nothing a reader can
            // place; another year ("construction began in 2021") does.
            let own_year = annotated
                .article
                .published
                .is_some_and(|published| date == published.format("%Y").to_string());
            (!own_year).then(|| (date.to_string(), time.range.clone(), year_inferred))
        })
        .collect();
    let mut joined: Vec<Dated> = Vec::new();
    for (value, range, year_inferred) in anchored {
        if let Some((previous_value, previous_range, _)) = joined.last_mut() {
            let between = text
                .get(previous_range.end..range.start)
                .unwrap_or("x")
                .trim();
            // "between October and December".
            let between_and = between == "and"
                && text
                    .get(..previous_range.start)
                    .is_some_and(|before| before.trim_end().to_lowercase().ends_with("between"));
            let is_range = (between_and
                || matches!(
                    between,
                    "-" | "\u{2013}" | "\u{2014}" | "to" | "through" | "until"
                ))
                && !previous_value.contains('/');
            if is_range && previous_value != &value {
                *previous_value = format!("{previous_value}/{value}");
                previous_range.end = range.end;
                continue;
            }
            // "on November 18 last year": the year right after a date of that year is the
            // date's own, no second date.
            let years_date = matches!(between, "" | ",")
                && value.len() == 4
                && previous_value.starts_with(value.as_str())
                && previous_value.len() > 4;
            if years_date {
                previous_range.end = range.end;
                continue;
            }
        }
        joined.push((value, range, year_inferred));
    }

    // "On Thursday, the leaders exchanged warnings but hoped talks in January …": a day set
    // before the sentence's subject dates its main event; when it cannot be placed (a weekday
    // in an undated article), a later date in the sentence dates something else, not the event.
    let undatable_openings: Vec<usize> = annotated
        .times
        .iter()
        .filter(|time| {
            time.kind == TimeKind::Date
                && time
                    .value
                    .strip_prefix("XXXX-WXX-")
                    .is_some_and(|day| day.starts_with(|c: char| c.is_ascii_digit()))
        })
        .filter_map(|time| {
            let sentence_idx = sentence_holding(annotated, &time.range)?;
            let sentence = &annotated.sentences[sentence_idx].range;
            let before = text.get(sentence.start..time.range.start)?;
            let after = text.get(time.range.end..sentence.end)?;
            (before.split_whitespace().count() <= 2 && after.starts_with(','))
                .then_some(sentence_idx)
        })
        .collect();
    let mut by_sentence: BTreeMap<usize, Vec<Dated>> = BTreeMap::new();
    for (value, range, year_inferred) in joined {
        let sentence_idx = sentence_holding(annotated, &range);
        if let Some(sentence_idx) =
            sentence_idx.filter(|sentence_idx| !undatable_openings.contains(sentence_idx))
        {
            let dates = by_sentence.entry(sentence_idx).or_default();
            if !dates.iter().any(|(existing, _, _)| *existing == value) {
                dates.push((value, range, year_inferred));
            }
        }
    }
    by_sentence.into_iter().collect()
}

/// Whether `range` lies in the wire dateline opening its sentence ("VELMAR, May 12 (NPA) -
/// …"): that date is when the report was filed, not when the sentence's event happened.
fn in_dateline(annotated: &Annotated, range: &Range<usize>) -> bool {
    let Some(sentence_idx) = sentence_holding(annotated, range) else {
        return false;
    };
    let sentence = &annotated.sentences[sentence_idx].range;
    annotated
        .article
        .text
        .get(sentence.clone())
        .is_some_and(|text| range.end <= sentence.start + parallax_model::dateline_len(text))
}

/// Whether the date at `range` of `text` is only the point a record is measured from: "the
/// biggest rise since 2002", "the only settlement since 2013" date no event. After a verb of a
/// state the date is when the state began ("have been out since March 3"), and "since 1980,
/// when the minister quit" tells what happened then: both are events.
fn counted_from(text: &str, range: &Range<usize>) -> bool {
    let Some(before) = text.get(..range.start) else {
        return false;
    };
    let mut words = before.split_whitespace().rev();
    if !words
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("since"))
    {
        return false;
    }
    // The record is told in the words before "since", up to the clause's start; "only" makes
    // one after "the" ("the only settlement since 2013", not "only in office since 2010").
    let clause: Vec<String> = words
        .take(MAX_WORDS_BEFORE_SINCE)
        .take_while(|word| !word.ends_with([',', ';', ':', '.']))
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let record = clause.iter().enumerate().any(|(at, word)| {
        RECORD_WORDS.contains(&word.as_str())
            || (word == "only" && clause.get(at + 1).is_some_and(|before| before == "the"))
    });
    let event_told = text.get(range.end..).is_some_and(|after| {
        let after = after.trim_start_matches(',').trim_start();
        after.starts_with("when ") || after.starts_with("when,")
    });
    record && !event_told
}

/// How far before "since" a record's word is looked for ([`counted_from`]).
const MAX_WORDS_BEFORE_SINCE: usize = 12;

/// Words that make what is counted "since" a date a record: the first, a superlative.
const RECORD_WORDS: &[&str] = &[
    "first",
    "most",
    "least",
    "best",
    "worst",
    "biggest",
    "largest",
    "greatest",
    "highest",
    "lowest",
    "smallest",
    "longest",
    "shortest",
    "strongest",
    "weakest",
    "deadliest",
    "fewest",
    "sharpest",
    "steepest",
    "fastest",
    "slowest",
];

/// The index of the sentence of `annotated` that holds all of `range`. Sentences are in text
/// order and do not overlap, so the one that could is found by a binary search.
pub(crate) fn sentence_holding(annotated: &Annotated, range: &Range<usize>) -> Option<usize> {
    let idx = annotated
        .sentences
        .partition_point(|sentence| sentence.range.start <= range.start)
        .checked_sub(1)?;
    let sentence = &annotated.sentences[idx].range;
    (range.end <= sentence.end).then_some(idx)
}

/// The first and last day a TIMEX3 date value or `A/B` range covers, or `None` when the value
/// is not on the calendar (`XXXX-03-05`, `PRESENT_REF`).
pub(crate) fn days(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((start, end)) = value.split_once('/') {
        return Some((days(start)?.0, days(end)?.1));
    }
    let parts: Vec<&str> = value.split('-').collect();
    let year: i32 = parts
        .first()?
        .parse()
        .ok()
        .filter(|_| parts[0].len() == 4)?;
    match parts.get(1) {
        None => Some((
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        )),
        Some(part) if part.starts_with('W') => {
            let week: u32 = part[1..].parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
            Some((
                monday,
                NaiveDate::from_isoywd_opt(year, week, Weekday::Sun)?,
            ))
        }
        Some(part) if part.starts_with('Q') => {
            let quarter: u32 = part[1..].parse().ok()?;
            let start = NaiveDate::from_ymd_opt(year, 3 * quarter.checked_sub(1)? + 1, 1)?;
            Some((start, last_of_month(year, 3 * quarter)?))
        }
        Some(part) => {
            let month: u32 = part.parse().ok()?;
            match parts.get(2) {
                Some(day) => {
                    let date = NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)?;
                    Some((date, date))
                }
                None => Some((
                    NaiveDate::from_ymd_opt(year, month, 1)?,
                    last_of_month(year, month)?,
                )),
            }
        }
    }
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// How many days past its first a date covers; the widest for a date off the calendar.
fn span(value: &str) -> chrono::TimeDelta {
    days(value).map_or(chrono::TimeDelta::MAX, |(start, end)| (end - start).abs())
}

fn sort_key(value: &str) -> Option<(NaiveDate, i64)> {
    let (start, end) = days(value)?;
    // Wider periods sort after the days they contain.
    Some((start, (end - start).num_days()))
}

/// Whether two dates can describe the same event: equal, or one inside the other.
pub(crate) fn compatible(a: &str, b: &str) -> bool {
    match (days(a), days(b)) {
        (Some((a_start, a_end)), Some((b_start, b_end))) => {
            (a_start <= b_start && b_end <= a_end) || (b_start <= a_start && a_end <= b_end)
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Origin, Sentence, TimeExpression};

    /// An article of one sentence per entry of `sentences`, each with its dates: (sentence,
    /// [(expression, value)]).
    fn article(name: &str, sentences: &[(&str, &[(&str, &str)])]) -> Annotated {
        let text = sentences
            .iter()
            .map(|(sentence, _)| *sentence)
            .collect::<Vec<_>>()
            .join(" ");
        let mut annotated = Annotated::new(Article::new(Origin::File(name.into()), text.clone()));
        let mut start = 0;
        for (sentence, dates) in sentences {
            annotated.sentences.push(Sentence {
                range: start..start + sentence.len(),
                paragraph: 0,
            });
            for (expression, value) in *dates {
                let at = start + sentence.find(expression).expect("expression in sentence");
                annotated.times.push(TimeExpression {
                    range: at..at + expression.len(),
                    kind: TimeKind::Date,
                    value: value.to_string(),
                    modifier: None,
                });
            }
            start += sentence.len() + 1;
        }
        annotated
    }

    fn check(articles: Vec<Annotated>, expected: &[(&str, bool, &[usize])]) {
        let events = timeline(&Story::new(articles), &Config::new());
        let found: Vec<(String, bool, Vec<usize>)> = events
            .iter()
            .map(|event| {
                let sources = event
                    .mentions
                    .iter()
                    .map(|mention| mention.citation.source)
                    .collect();
                (event.date.clone(), event.disputed, sources)
            })
            .collect();
        let expected: Vec<(String, bool, Vec<usize>)> = expected
            .iter()
            .map(|(date, disputed, sources)| (date.to_string(), *disputed, sources.to_vec()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_weekday_that_cannot_be_placed_opening_a_sentence_leaves_it_undated() {
        let mut undated = article(
            "a.txt",
            &[
                (
                    "On Thursday, the ministers traded warnings but hoped the talks in January would help.",
                    &[("Thursday", "XXXX-WXX-4"), ("January", "2022-01")],
                ),
                (
                    "Officials said the talks in January would go ahead.",
                    &[("January", "2022-01")],
                ),
            ],
        );
        undated.article.published = None;
        check(vec![undated], &[("2022-01", false, &[1])]);
    }

    #[test]
    fn a_year_something_is_counted_from_dates_no_event() {
        check(
            vec![article(
                "a.txt",
                &[
                    (
                        "It was the biggest rise in port fees since 2013, the audit found.",
                        &[("2013", "2013")],
                    ),
                    (
                        "It was the first walkout since 1998, when the pilots struck for a month.",
                        &[("1998", "1998")],
                    ),
                    (
                        "The pilots have been out since 2024, the union said.",
                        &[("2024", "2024")],
                    ),
                    ("It is the only strike since 2011.", &[("2011", "2011")]),
                    (
                        "Only in office since 2012, Ruiz leads the port.",
                        &[("2012", "2012")],
                    ),
                ],
            )],
            &[
                ("1998", false, &[1]),
                ("2012", false, &[1]),
                ("2024", false, &[1]),
            ],
        );
    }

    #[test]
    fn a_wire_datelines_date_dates_no_event() {
        check(
            vec![article(
                "a.txt",
                &[(
                    "VELMAR, Ostrava, March 12 (NPA) - The harbour pilots went back to work on Tuesday.",
                    &[("March 12", "2026-03-12"), ("Tuesday", "2026-03-10")],
                )],
            )],
            &[("2026-03-10", false, &[1])],
        );
    }

    #[test]
    fn events_merge_across_sources_and_disputed_dates_are_marked() {
        check(
            vec![
                article(
                    "a.txt",
                    &[
                        (
                            "Dock workers in Halden walked out on March 3 over automation plans.",
                            &[("March 3", "2026-03-03")],
                        ),
                        (
                            "Negotiators will resume talks on 17-18 March in Veldhaven.",
                            &[("17", "2026-03-17"), ("18 March", "2026-03-18")],
                        ),
                    ],
                ),
                article(
                    "b.txt",
                    &[
                        (
                            "Halden dock workers walked out on March 3 over the automation plans.",
                            &[("March 3", "2026-03-03")],
                        ),
                        (
                            "Talks will resume in Veldhaven in April, negotiators said.",
                            &[("April", "2026-04")],
                        ),
                    ],
                ),
                article(
                    "c.txt",
                    &[(
                        "Negotiators will resume talks in Veldhaven on 17 March.",
                        &[("17 March", "2026-03-17")],
                    )],
                ),
            ],
            &[
                ("2026-03-03", false, &[1, 2]),
                ("2026-03-17", true, &[1, 2, 3]),
            ],
        );
    }

    #[test]
    fn a_year_and_a_day_of_matching_sentences_are_two_times_not_a_disputed_one() {
        check(
            vec![
                article(
                    "a.txt",
                    &[(
                        "The inquiry asks whether the harbour board misled pilots in 2024.",
                        &[("2024", "2024")],
                    )],
                ),
                article(
                    "b.txt",
                    &[(
                        "The inquiry asks whether the harbour board misled pilots, it said Monday.",
                        &[("Monday", "2026-03-09")],
                    )],
                ),
            ],
            &[("2024", false, &[1]), ("2026-03-09", false, &[2])],
        );
    }

    #[test]
    fn a_day_merges_with_a_short_range_that_holds_it() {
        check(
            vec![
                article(
                    "a.txt",
                    &[(
                        "The envoys will meet in Ostrava on 9-10 June to discuss grain exports.",
                        &[("9-10 June", "2026-06-09/2026-06-10")],
                    )],
                ),
                article(
                    "b.txt",
                    &[(
                        "Trade officials gather in the port city on June 10 with shipping data.",
                        &[("June 10", "2026-06-10")],
                    )],
                ),
                article(
                    "c.txt",
                    &[(
                        "A ferry strike is called for June 10 by the harbour union.",
                        &[("June 10", "2026-06-10")],
                    )],
                ),
                article(
                    "d.txt",
                    &[(
                        "Ministers plan a summit on June 20 in the capital.",
                        &[("June 20", "2026-06-20")],
                    )],
                ),
            ],
            &[
                ("2026-06-10", false, &[1, 2, 3]),
                ("2026-06-20", false, &[4]),
            ],
        );
    }

    #[test]
    fn a_range_written_backwards_or_at_the_calendars_start_merges_without_panicking() {
        check(
            vec![
                article(
                    "a.txt",
                    &[(
                        "The envoys met in Ostrava on 20-15 June, the notice said.",
                        &[("20-15 June", "2026-06-20/2026-06-15")],
                    )],
                ),
                article(
                    "b.txt",
                    &[(
                        "A ferry strike is called for June 18 by the harbour union.",
                        &[("June 18", "2026-06-18")],
                    )],
                ),
                article(
                    "c.txt",
                    &[(
                        "A stone was dated to the first day of year zero.",
                        &[("year zero", "0000-01-01")],
                    )],
                ),
            ],
            &[("0000-01-01", false, &[3]), ("2026-06-18", false, &[1, 2])],
        );
    }

    #[test]
    fn compatible_dates() {
        assert!(compatible("2026-03-17", "2026-03-17/2026-03-18"));
        assert!(compatible("2026-03", "2026-03-17"));
        assert!(compatible("2026-W11", "2026-03-12"));
        assert!(!compatible("2026-03-17", "2026-04"));
        assert!(!compatible("2026-03-17", "2026-03-18"));
        assert_eq!(days("XXXX-03-05"), None);
        assert_eq!(days("PRESENT_REF"), None);
        let anchor = NaiveDate::from_ymd_opt(2022, 1, 10).expect("valid date");
        assert_eq!(
            infer_year("XXXX-12-30", anchor).as_deref(),
            Some("2021-12-30")
        );
        assert_eq!(
            infer_year("XXXX-01-13", anchor).as_deref(),
            Some("2022-01-13")
        );
        assert_eq!(infer_year("2022-01-13", anchor), None);
    }

    /// The part of `sentence` [`date_parts`] gives each of `dates` (written as in it).
    fn parts<'a>(sentence: &'a str, dates: &[&str]) -> Vec<&'a str> {
        let expressions: Vec<Range<usize>> = dates
            .iter()
            .map(|date| {
                let start = sentence.find(date).expect("date in the sentence");
                start..start + date.len()
            })
            .collect();
        date_parts(sentence, 0..sentence.len(), &expressions)
            .into_iter()
            .map(|part| &sentence[part])
            .collect()
    }

    #[test]
    fn each_date_of_a_sentence_is_cited_by_its_own_part() {
        assert_eq!(
            parts(
                "Delegates will meet in Brevane, Estavia, on March 10, followed by talks with \
                 the mediators on March 12 and a vote on March 14 in the assembly.",
                &["March 10", "March 12", "March 14"],
            ),
            [
                "Delegates will meet in Brevane, Estavia, on March 10",
                // A later part with no subject of its own is shown from the sentence's start.
                "Delegates will meet in Brevane, Estavia, on March 10, followed by talks with the \
                 mediators on March 12",
                "a vote on March 14 in the assembly.",
            ]
        );
        let relative = "On Monday, the mayor thanked the harbour pilots, who had ended their strike on \
                        Friday, and the port reopened on Tuesday.";
        assert_eq!(
            parts(relative, &["Monday", "Friday", "Tuesday"]),
            [
                "On Monday, the mayor thanked the harbour pilots",
                // Without the fronted time of the other date.
                "the mayor thanked the harbour pilots, who had ended their strike on Friday",
                "the port reopened on Tuesday.",
            ]
        );
        // After a conjunction, a verb or an adverb goes on with the subject before it.
        let shared = "The ferry was built in 1950 for the island route and again refitted in 1987.";
        assert_eq!(
            parts(shared, &["1950", "1987"]),
            ["The ferry was built in 1950 for the island route", shared]
        );
        // The comma before a state's abbreviation belongs to the place's name.
        let place = "The governor said Wednesday that she toured Velmar, Mo., where the levee \
                     failed almost two weeks earlier.";
        assert_eq!(
            parts(place, &["Wednesday", "almost two weeks earlier"]),
            [
                "The governor said Wednesday that she toured Velmar, Mo.",
                place
            ]
        );
        let region =
            "The pilots struck on Monday in Ostrava, N.J., and the port reopened on Friday.";
        assert_eq!(
            parts(region, &["Monday", "Friday"]),
            [
                "The pilots struck on Monday in Ostrava, N.J.",
                "the port reopened on Friday."
            ]
        );
    }

    #[test]
    fn dates_that_make_no_part_of_their_own_share_one() {
        // Two dates joined, a fronted time, a comma that belongs to the date.
        let joined = "Two ferries, built in 1970 and 1985, still cross the strait daily.";
        assert_eq!(parts(joined, &["1970", "1985"]), [joined, joined]);
        let fronted = "In a statement issued on Friday, the board said the vote of May 2 stands.";
        assert_eq!(parts(fronted, &["Friday", "May 2"]), [fronted, fronted]);
        // After a fronted time, a later clause mark closes the part, once the main clause has
        // words of its own; a name and its appositive, or a conjunction, do not.
        let later_mark = "Earlier, on May 7, the council published the draft treaty for the \
                          river, which was handed to the mediators on May 5.";
        assert_eq!(
            parts(later_mark, &["May 7", "May 5"]),
            [
                "Earlier, on May 7, the council published the draft treaty for the river",
                "the council published the draft treaty for the river, which was handed to the \
                 mediators on May 5."
            ]
        );
        let appositive = "On Saturday, the mayor of Velmar, Ana Ruiz, said the pilots had \
                          threatened in May to strike.";
        assert_eq!(
            parts(appositive, &["Saturday", "May"]),
            [appositive, appositive]
        );
        let joined_nouns = "In May, the council showed it had earned $3 million from ferry fares \
                            and tolls in 2024 alone.";
        assert_eq!(
            parts(joined_nouns, &["May", "2024"]),
            [joined_nouns, joined_nouns]
        );
        let year =
            "The Ledger on July 20, 2006, called him a veteran, and on May 3 it retracted it.";
        assert_eq!(
            parts(year, &["July 20, 2006", "May 3"]),
            [
                "The Ledger on July 20, 2006, called him a veteran",
                "on May 3 it retracted it."
            ]
        );
        // A time fronted after the conjunction leaves the verb after it without its subject.
        let shared_subject = "The Ledger on July 20, 2006, called him a veteran, and on May 3, 2007, said he was not.";
        assert_eq!(
            parts(shared_subject, &["July 20, 2006", "May 3, 2007"]),
            [
                "The Ledger on July 20, 2006, called him a veteran",
                shared_subject
            ]
        );
        // A comma opening a description of the name before it: the sentence's verb comes after
        // the description.
        let described = "Mayor Ana Ruiz said Friday that Bo Holm, the front-runner in the 2024 \
                         race, has yet to respond to the subpoena.";
        assert_eq!(
            parts(described, &["Friday", "2024"]),
            [described, described]
        );
        // A comma after a bare year closes its part, unless one a word or two before pairs with it.
        let set_off = "The ferry, in 1947, began the night crossing, which was cut in 1989.";
        assert_eq!(
            parts(set_off, &["1947", "1989"]),
            ["The ferry, in 1947, began the night crossing", set_off]
        );
        let bare_year = "The ferry service dates back to 1947, with the night crossing \
                         permanently added in 1989.";
        assert_eq!(
            parts(bare_year, &["1947", "1989"]),
            ["The ferry service dates back to 1947", bare_year]
        );
    }
}
