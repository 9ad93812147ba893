//! Date disputes: sources that give one event different dates.
//!
//! Two places find them. The timeline already merges the sentences of different sources that
//! tell one event and marks an event whose dates cannot all be the same; each such event is a
//! dispute, one side per date, leaving out the dates that time someone's speaking rather than
//! the event ("X said on Tuesday that …": two sources quoting people of different days do not
//! date the event differently), the dates that name another event ("the victims of the Sept.
//! 11 attacks"), and those of sentences telling the event as a repeat ("met again on Thursday",
//! "the second time in a week they have met"). Sentences that announce the next meeting rarely share words ("the
//! two sides will meet again on March 16", "talks are due to resume next week"), so the timeline
//! does not merge them; for those, every sentence that names a meeting and gives exactly one date
//! after its article's publication date fills one slot, the next meeting, unless the date is of
//! another thing ("next week's primary", "the June 2 vote"). That slot is disputed
//! when two sources give dates none of which can be the same as any of the other's; a day inside
//! a week, month or range is compatible and marked as such.
//!
//! The other face of the same comparison: an event that two or more independent sources tell in
//! matching sentences and date to the same day, with no date against it, is an agreed fact ("the
//! strike began on March 3").

use super::{gist, is_scheduling_word, n_independent, sentence_citation};
use crate::stems::Stems;
use crate::timeline::{compatible, dated_sentences, days, story_anchor};
use parallax_model::{
    AgreedFact, AgreedValue, Citation, Dispute, DisputeKind, DisputeSide, Story, TimelineEvent,
    TimelineMention,
};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// A date one source gives: the value, the expression as written, the sentence.
#[derive(Clone)]
struct Dated {
    value: String,
    expression: String,
    citation: Citation,
}

/// Dates wider than this many days ("2026", "the 2020s") are too vague to dispute.
const MAX_PERIOD_DAYS: i64 = 31;

/// The date disputes of `story`, from its timeline and its announced meetings.
pub(super) fn date_disputes(story: &Story, timeline: &[TimelineEvent]) -> Vec<Dispute> {
    let mut disputes = scheduled_disputes(story);
    disputes.extend(start_disputes(story));
    disputes.extend(last_time_disputes(story));
    disputes.extend(fate_disputes(story));
    for event in timeline.iter().filter(|event| event.disputed) {
        let dated: Vec<Dated> = event
            .mentions
            .iter()
            .filter(|mention| {
                !(counts_from_the_telling(&mention.expression)
                    && dated_inside_quotation(story, mention))
            })
            .map(|mention| Dated {
                value: mention.date.clone(),
                expression: mention.expression.clone(),
                citation: mention.citation.clone(),
            })
            .filter(|date| {
                !dates_speaking(story, date)
                    && !is_bare_clock_time(date)
                    && !names_another_event(date)
                    && !tells_a_repeat(&date.citation.text)
            })
            .collect();
        let already_shown = disputes.iter().any(|dispute| {
            dispute
                .sides
                .iter()
                .flat_map(|side| &side.citations)
                .any(|shown| dated.iter().any(|date| same_place(shown, &date.citation)))
        });
        let sources: BTreeSet<usize> = dated.iter().map(|date| date.citation.source).collect();
        if already_shown || sources.len() < 2 || !days_conflict(&dated) {
            continue;
        }
        let slot = dated
            .first()
            .map(|date| {
                let article_idx = date.citation.source - 1;
                let range = date.citation.span.start..date.citation.span.end;
                format!("when: {}", gist(&story.articles[article_idx], &range))
            })
            .unwrap_or_default();
        disputes.push(dispute(slot, dated));
    }
    disputes
}

/// Whether `date` is when someone spoke rather than when the event happened: a date in a sentence
/// of reported speech, outside what was reported ("Trump tweeted Tuesday that he had accepted",
/// "she said in a Sept. 14 email that …"). Two people speaking of one event on different days
/// give it no different dates; a date inside the reported words ("said that on Sept. 10 the
/// embassy was warned") is the event's.
/// Whether a date is only a time of day ("shortly after 3 a.m."): its day is the one the
/// article last told, or its publication, not a day the source gives the event, so it sides
/// with no date.
fn is_bare_clock_time(date: &Dated) -> bool {
    const CLOCK_WORDS: &[&str] = &[
        "a", "m", "p", "am", "pm", "o'clock", "o", "clock", "noon", "midday", "midnight", "at",
        "about", "around", "shortly", "just", "after", "before", "by", "until", "quarter", "half",
        "past", "to", "local", "time", "gmt", "utc",
    ];
    let expression = date.expression.to_lowercase();
    let tells_an_hour = expression.contains(|c: char| c.is_ascii_digit())
        || ["noon", "midday", "midnight", "o'clock"]
            .iter()
            .any(|word| expression.contains(word));
    tells_an_hour
        && expression
            .split(|c: char| !(c.is_alphabetic() || c == '\''))
            .filter(|word| !word.is_empty())
            .all(|word| CLOCK_WORDS.contains(&word))
}

fn dates_speaking(story: &Story, date: &Dated) -> bool {
    let Some((annotated, time)) = time_written(story, &date.citation, &date.expression) else {
        return false;
    };
    let sentence = date.citation.span.start..date.citation.span.end;
    let within = |range: &Range<usize>| sentence.start <= range.start && range.end <= sentence.end;
    let mut speech = annotated
        .quotes
        .iter()
        .filter(|quote| quote.cue.as_ref().is_some_and(within))
        .peekable();
    speech.peek().is_some()
        && speech.all(|quote| {
            std::iter::once(&quote.content)
                .chain(&quote.continuation)
                .all(|content| content.end <= time.range.start || time.range.end <= content.start)
        })
}

/// Whether the fate word at `offset` of `sentence` tells the event itself ("was released",
/// "injured", "walked to freedom") rather than naming its outcome as a thing that may be spoken
/// of on any later day ("investigating Brown's death", "surgery for his injuries", "in
/// custody").
fn tells_what_befell(sentence: &str, offset: usize) -> bool {
    const OUTCOME_NOUNS: &[&str] = &[
        "death",
        "deaths",
        "fatalities",
        "injuries",
        "custody",
        "survivors",
        "gunfire",
        "arrests",
        "dead",
        "homeless",
        "missing",
        "unaccounted",
    ];
    let Some(rest) = sentence.get(offset..) else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if word == "freedom" {
        // "walked to freedom"; not "press freedom".
        return sentence
            .get(..offset)
            .and_then(|before| before.split_whitespace().next_back())
            .is_some_and(|previous| previous.eq_ignore_ascii_case("to"));
    }
    !OUTCOME_NOUNS.contains(&word.as_str())
}

/// Whether the time expression at `range` times someone's speaking rather than what they
/// said: outside every quote's content and right by its cue ("said on Thursday that …",
/// "told reporters Friday"). The writer's own clause beside a report ("walked free on
/// Thursday, contrary to claims that …") is not.
fn times_a_cue(annotated: &parallax_model::Annotated, range: &Range<usize>) -> bool {
    const NEAR_BYTES: usize = 24;
    annotated.quotes.iter().any(|quote| {
        let in_content = std::iter::once(&quote.content)
            .chain(&quote.continuation)
            .any(|content| content.start <= range.start && range.end <= content.end);
        !in_content
            && quote.cue.as_ref().is_some_and(|cue| {
                range.start.abs_diff(cue.end) <= NEAR_BYTES
                    || cue.start.abs_diff(range.end) <= NEAR_BYTES
            })
    })
}

/// The article `citation` cites and its time expression written `expression` inside the cited
/// words.
fn time_written<'story>(
    story: &'story Story,
    citation: &parallax_model::Citation,
    expression: &str,
) -> Option<(
    &'story parallax_model::Annotated,
    &'story parallax_model::TimeExpression,
)> {
    let annotated = story.articles.get(citation.source.checked_sub(1)?)?;
    let time = annotated.times.iter().find(|time| {
        citation.span.start <= time.range.start
            && time.range.end <= citation.span.end
            && annotated.article.text.get(time.range.clone()) == Some(expression)
    })?;
    Some((annotated, time))
}

/// Whether `expression` counts from the moment it was said or written ("today", "yesterday",
/// "this week"): inside a quotation that is when the speaker spoke, which an article published
/// a day later resolves to the wrong day, so such a date sides in no dispute.
fn counts_from_the_telling(expression: &str) -> bool {
    const DEICTIC: &[&str] = &[
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "now",
        "this",
        "last",
        "next",
        "ago",
    ];
    expression.split(|c: char| !c.is_alphabetic()).any(|word| {
        DEICTIC
            .iter()
            .any(|deictic| word.eq_ignore_ascii_case(deictic))
    })
}

/// Whether the time expression of `mention` stands inside a direct quotation of its sentence.
fn dated_inside_quotation(story: &Story, mention: &TimelineMention) -> bool {
    let Some((annotated, time)) = time_written(story, &mention.citation, &mention.expression)
    else {
        return false;
    };
    annotated
        .quotes
        .iter()
        .filter(|quote| quote.kind == parallax_model::QuoteKind::Direct)
        .flat_map(|quote| std::iter::once(&quote.content).chain(&quote.continuation))
        .any(|content| content.start <= time.range.start && time.range.end <= content.end)
}

/// Whether the claim of `mention`'s sentence is in the source's own voice and timed by the
/// mention's expression, inside the claim's words ("resigned from Congress on Friday"; not
/// "X, who used $84,000 …, resigned on Friday", whose claim is the clause about the money).
fn dates_its_own_claim(story: &Story, mention: &TimelineMention) -> bool {
    let Some(annotated) = story.articles.get(mention.citation.source - 1) else {
        return false;
    };
    let span = mention.citation.span.start..mention.citation.span.end;
    annotated.claims.iter().any(|claim| {
        let claim_end = claim
            .object
            .as_ref()
            .map_or(claim.predicate.end, |object| object.end);
        // A copula before a noun names nothing done ("Above are some of the photos shared
        // Wednesday"); before a participle it is part of the verb ("was re-elected").
        let text = &annotated.article.text;
        let copula = text
            .get(claim.predicate.clone())
            .is_some_and(|predicate| matches!(predicate, "is" | "are" | "was" | "were"))
            && claim
                .object
                .as_ref()
                .and_then(|object| text.get(object.clone()))
                .and_then(|object| object.split_whitespace().next())
                .is_some_and(|first| {
                    matches!(
                        first.to_lowercase().as_str(),
                        "the" | "a" | "an" | "some" | "one" | "many" | "several" | "among"
                    )
                });
        span.start <= claim.predicate.start
            && claim.predicate.end <= span.end
            && !copula
            && claim.attribution == parallax_model::Attribution::Own
            && claim
                .time
                .and_then(|idx| annotated.times.get(idx))
                .filter(|time| {
                    claim.predicate.start <= time.range.start && time.range.end <= claim_end
                })
                .and_then(|time| annotated.article.text.get(time.range.clone()))
                .is_some_and(|written| written == mention.expression)
    })
}

/// Whether `sentence` tells its event as one of several ("met again on Thursday", "marks the
/// second time in a week they have met", "their latest meeting"): its date is another
/// occurrence's, not another date for the one the other sources tell.
fn tells_a_repeat(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let ordinal = |word: &str| {
        matches!(
            word,
            "second" | "third" | "fourth" | "fifth" | "sixth" | "latest" | "another" | "last"
        )
    };
    words.iter().any(|word| word == "again")
        || words.windows(2).any(|pair| {
            ordinal(&pair[0])
                && (pair[1] == "time" || pair[1] == "round" || super::is_meeting_word(&pair[1]))
        })
}

/// The words of `date`'s sentence before and after its expression.
fn around(date: &Dated) -> Option<(&str, &str)> {
    let sentence = &date.citation.text;
    let at = sentence.find(&date.expression)?;
    Some((&sentence[..at], &sentence[at + date.expression.len()..]))
}

/// Whether `date` is part of the name of another event than its sentence's: after "the" and
/// before a noun it modifies that is no meeting ("killed in the Sept. 11 attacks", "since the
/// Jan. 6 riot"). Such a name gives no day to what the sentence tells; "the Sunday meeting"
/// does.
fn names_another_event(date: &Dated) -> bool {
    let Some((before, after)) = around(date) else {
        return false;
    };
    let before = before.trim_end();
    let follows_the = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("the"));
    let next = after
        .strip_prefix(' ')
        .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or_default();
    let modifies_a_noun = next.chars().next().is_some_and(char::is_lowercase)
        && !ATTRIBUTIVE_STOPS.contains(&next)
        && !super::is_meeting_word(next);
    follows_the && modifies_a_noun
}

/// Whether `date` is the possessor of something else than a meeting ("next week's primary",
/// "Friday's deadline"): in a sentence that names a meeting, it dates that other thing.
fn owned_by_another_event(date: &Dated) -> bool {
    let Some((_, after)) = around(date) else {
        return false;
    };
    let Some(owned) = ["'s ", "\u{2019}s "]
        .iter()
        .find_map(|possessive| after.strip_prefix(possessive))
    else {
        return false;
    };
    let noun = owned
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    !noun.is_empty() && !super::is_scheduling_word(&noun)
}

/// Words after a date that show it modifies no noun: prepositions, conjunctions, verbs of
/// being and times of day.
const ATTRIBUTIVE_STOPS: &[&str] = &[
    "to",
    "that",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "of",
    "with",
    "by",
    "from",
    "as",
    "when",
    "after",
    "before",
    "while",
    "but",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "has",
    "had",
    "have",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// The events that two or more independent sources tell in matching sentences and date alike to
/// the day, each an agreed fact named after the sentence that first tells it. `events` are the
/// timeline's before events of the same day merge: sentences that only share a day ("on
/// Tuesday") may tell two events. Weeks, months and years are too coarse to agree on.
pub(super) fn date_agreements(
    story: &Story,
    events: &[TimelineEvent],
    independent: &[usize],
) -> Vec<AgreedFact> {
    // A sentence that dates several events ("talks on January 10, then a council on January
    // 12") cannot name the one the sources agree on.
    let mut events_citing: HashMap<(usize, usize), usize> = HashMap::new();
    for mention in events.iter().flat_map(|event| &event.mentions) {
        *events_citing
            .entry((mention.citation.source, mention.citation.span.start))
            .or_default() += 1;
    }
    // The mentions of each day that may join an agreed event of that day, and one reader of
    // their words for the whole story.
    let mut by_day: HashMap<&str, Vec<&TimelineMention>> = HashMap::new();
    for event in events.iter().filter(|event| !event.disputed) {
        by_day
            .entry(event.date.as_str())
            .or_default()
            .extend(&event.mentions);
    }
    let mut words = EventWords::default();
    events
        .iter()
        .filter(|event| !event.disputed)
        .filter(|event| {
            event.mentions.iter().all(|mention| {
                events_citing[&(mention.citation.source, mention.citation.span.start)] == 1
            })
        })
        .filter(|event| {
            event
                .mentions
                .iter()
                .all(|mention| is_day_precise(&mention.date))
        })
        // A day only quoted speakers give ("the interview he gave today", said the day before
        // or after) is theirs, resolved against each article's own date: no fact to agree on.
        .filter(|event| {
            !event
                .mentions
                .iter()
                .all(|mention| dated_inside_quotation(story, mention))
        })
        .filter_map(|event| {
            let n_matching = n_independent(
                independent,
                event.mentions.iter().map(|mention| &mention.citation),
            );
            if n_matching < 2 {
                return None;
            }
            // Matching sentences agree first, and name the fact; others join what they agree on.
            let told_otherwise =
                told_in_other_words(story, event, &by_day, &events_citing, &mut words);
            let mentions: Vec<&TimelineMention> =
                event.mentions.iter().chain(&told_otherwise).collect();
            let n_independent = n_independent(
                independent,
                mentions.iter().map(|mention| &mention.citation),
            );
            // Named after a sentence whose own claim the date times, in its own voice ("On
            // Wednesday, the House voted …"), rather than a quotation's words that only share
            // the sentence with the date ("“…,” Ruiz said Wednesday"); else the first.
            let named_by = event.mentions.iter().min_by_key(|mention| {
                (
                    !dates_its_own_claim(story, mention),
                    mention.citation.source,
                    mention.citation.span.start,
                )
            })?;
            let article_idx = named_by.citation.source - 1;
            let range = named_by.citation.span.start..named_by.citation.span.end;
            let slot = format!("when: {}", gist(&story.articles[article_idx], &range));
            Some(AgreedFact {
                slot,
                kind: DisputeKind::Date,
                n_independent,
                values: agreed_values(&mentions),
            })
        })
        .collect()
}

/// Days before its publication that put a date in an article's background, past the news
/// days it reports: a source tells many things of the days it reports, few of a past one.
const BACKGROUND_DAYS: i64 = 3;

/// Content words the clause holding a date must share with an event's sentences to tell that
/// event: "since filling began last Thursday, March 5" and "Carvania began filling the reservoir
/// on March 5" share "began" and "filling".
const MIN_SHARED_EVENT_TERMS: usize = 2;

/// The mentions of other sources than `event`'s that tell it in other words (`by_day`: the
/// mentions of each day): the same day, at least [`BACKGROUND_DAYS`] before the mention's
/// publication, in a sentence that dates nothing else and matched none of `event`'s (its other
/// words are about something else: "the flow has fallen by less than 10 percent since filling
/// began last Thursday, March 5"), whose clause around the date shares
/// [`MIN_SHARED_EVENT_TERMS`] content words with them.
fn told_in_other_words(
    story: &Story,
    event: &TimelineEvent,
    by_day: &HashMap<&str, Vec<&TimelineMention>>,
    events_citing: &HashMap<(usize, usize), usize>,
    words: &mut EventWords,
) -> Vec<TimelineMention> {
    let Some((day, last_day)) = days(&event.date) else {
        return Vec::new();
    };
    if day != last_day || event.date.contains('W') {
        return Vec::new();
    }
    let sources: BTreeSet<usize> = event
        .mentions
        .iter()
        .map(|mention| mention.citation.source)
        .collect();
    let language_of = |source: usize| {
        story
            .articles
            .get(source - 1)
            .and_then(|annotated| annotated.article.language.as_deref())
    };
    let mut event_terms: Option<Vec<(usize, u32)>> = None;
    let mut found: Vec<TimelineMention> = Vec::new();
    for &mention in by_day.get(event.date.as_str()).into_iter().flatten() {
        let source = mention.citation.source;
        let Some(published) = story
            .articles
            .get(source - 1)
            .and_then(|annotated| annotated.article.published)
        else {
            continue;
        };
        if sources.contains(&source)
            || found.iter().any(|taken| taken.citation.source == source)
            || events_citing[&(source, mention.citation.span.start)] != 1
            || (published - day).num_days() < BACKGROUND_DAYS
        {
            continue;
        }
        let event_terms = event_terms.get_or_insert_with(|| {
            let mut terms: Vec<(usize, u32)> = event
                .mentions
                .iter()
                .flat_map(|told| {
                    let key = (told.citation.source, told.citation.span.start, false);
                    words
                        .of(key, language_of(told.citation.source), || {
                            Some(&told.citation.text)
                        })
                        .to_vec()
                })
                .collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        });
        let key = (source, mention.citation.span.start, true);
        let shared = words
            .of(key, language_of(source), || {
                clause_holding(&mention.citation.text, &mention.expression)
            })
            .iter()
            .filter(|term| event_terms.binary_search(term).is_ok())
            .count();
        if shared >= MIN_SHARED_EVENT_TERMS {
            found.push(mention.clone());
        }
    }
    found
}

/// Reads the words that tell what happened in a part of a sentence, not when: its content
/// terms other than numbers and the names of months and weekdays, each as its language's
/// reader and the term's id there. One [`Stems`] per language, and each part read once: a
/// day's mentions are compared with every agreed event of the day.
#[derive(Default)]
struct EventWords {
    /// Per language: its stems and the terms of the month and weekday names.
    readers: Vec<(Option<String>, Stems, Vec<u32>)>,
    /// The words read, by source, the start of the cited sentence, and whether the part is the
    /// clause around the date (else the whole citation).
    read: HashMap<(usize, usize, bool), Vec<(usize, u32)>>,
}

impl EventWords {
    /// The words of the part at `key`, read from `part` the first time (none when it gives
    /// none).
    fn of<'t>(
        &mut self,
        key: (usize, usize, bool),
        language: Option<&str>,
        part: impl FnOnce() -> Option<&'t str>,
    ) -> &[(usize, u32)] {
        if !self.read.contains_key(&key) {
            let words = part().map_or_else(Vec::new, |text| self.read_words(language, text));
            self.read.insert(key, words);
        }
        &self.read[&key]
    }

    fn read_words(&mut self, language: Option<&str>, text: &str) -> Vec<(usize, u32)> {
        let reader = match self
            .readers
            .iter()
            .position(|(known, _, _)| known.as_deref() == language)
        {
            Some(reader) => reader,
            None => {
                let mut stems = Stems::new(language);
                let names = parallax_model::MONTH_NAMES
                    .iter()
                    .chain(&parallax_model::WEEKDAY_NAMES)
                    .filter_map(|name| stems.term(name))
                    .collect();
                self.readers
                    .push((language.map(str::to_string), stems, names));
                self.readers.len() - 1
            }
        };
        let (_, stems, names) = &mut self.readers[reader];
        let terms = stems.of(text);
        // "Thu.", "Sept.": abbreviations of the names.
        let dating = |term: u32| {
            let spelling = stems.spelling(term);
            spelling.chars().any(|c| c.is_ascii_digit())
                || names.iter().any(|&name| {
                    name == term
                        || ((3..=4).contains(&spelling.len())
                            && stems.spelling(name).starts_with(spelling))
                })
        };
        terms
            .into_iter()
            .filter(|&term| !dating(term))
            .map(|term| (reader, term))
            .collect()
    }
}

/// The clause of `sentence` ([`crate::clauses::clause_ranges`]) that holds `expression`, with
/// the clause after it when the expression ends its clause at a comma ("since filling began
/// last Thursday, March 5" is cut after "Thursday").
fn clause_holding<'s>(sentence: &'s str, expression: &str) -> Option<&'s str> {
    let at = sentence.find(expression)?;
    let clauses = crate::clauses::clause_ranges(sentence);
    let first = clauses.iter().position(|clause| clause.contains(&at))?;
    let end = at + expression.len();
    let last = clauses
        .iter()
        .rposition(|clause| clause.start < end)
        .unwrap_or(first);
    sentence.get(clauses[first].start..clauses[last].end)
}

/// One value per date `mentions` give, with the ways they write it ("2026-03-03
/// (since March 3; on March 3)"); a sentence that gives the date twice is cited once.
fn agreed_values(mentions: &[&TimelineMention]) -> Vec<AgreedValue> {
    let mut values: Vec<(String, Vec<String>, Vec<Citation>)> = Vec::new();
    for mention in mentions {
        let index = match values.iter().position(|(date, _, _)| *date == mention.date) {
            Some(index) => index,
            None => {
                values.push((mention.date.clone(), Vec::new(), Vec::new()));
                values.len() - 1
            }
        };
        let (_, expressions, citations) = &mut values[index];
        if !expressions.contains(&mention.expression) {
            expressions.push(mention.expression.clone());
        }
        if !citations
            .iter()
            .any(|cited| same_place(cited, &mention.citation))
        {
            citations.push(mention.citation.clone());
        }
    }
    values
        .into_iter()
        .map(|(date, expressions, citations)| AgreedValue {
            // Semicolons between the ways, since one may hold a comma ("March 5; Thursday,
            // March 5").
            value: format!(
                "{} ({})",
                parallax_model::readable_date(&date),
                expressions.join("; ")
            ),
            citations,
        })
        .collect()
}

/// Whether `value` names a day or a span of a few days, not a week or longer.
fn is_day_precise(value: &str) -> bool {
    !value.contains('W')
        && days(value).is_some_and(|(start, end)| (end - start).num_days() <= MAX_RANGE_DAYS)
}

/// Whether two of the dates name days (or a span of a few days) that cannot be the same: the
/// timeline also merges weeks and months ("the past month", "the past week"), which are too
/// coarse for sources to disagree over.
fn days_conflict(dated: &[Dated]) -> bool {
    let precise: Vec<&str> = dated
        .iter()
        .map(|date| date.value.as_str())
        .filter(|value| is_day_precise(value))
        .collect();
    precise
        .iter()
        .enumerate()
        .any(|(idx, a)| precise[idx + 1..].iter().any(|b| !compatible(a, b)))
}

/// Longest span of days a timeline date may have to be disputed on its own.
const MAX_RANGE_DAYS: i64 = 3;

fn same_place(a: &Citation, b: &Citation) -> bool {
    a.source == b.source && a.span.start == b.span.start
}

/// The slot of the next meeting, when sources give it dates that cannot all be true.
/// What a date after publication is announced for: a meeting ([`is_scheduling_word`]), a vote,
/// a return to service (systems restored, a road or a plant reopened), or the end of what the
/// story is about (a fire contained, a flood or an outbreak under control).
#[derive(Clone, Copy)]
enum ScheduledEvent {
    Meeting,
    Vote,
    Restoration,
    Containment,
}

impl ScheduledEvent {
    const ALL: [ScheduledEvent; 4] = [
        ScheduledEvent::Meeting,
        ScheduledEvent::Vote,
        ScheduledEvent::Restoration,
        ScheduledEvent::Containment,
    ];

    /// Whether `word`, as written after `previous`, names or announces this kind of event. A
    /// vote word with a capital is part of a name ("Count Every Vote will march on Saturday").
    fn is_named_by(self, word: &str, previous: Option<&str>) -> bool {
        /// Words for a vote still to be held: an election and its re-run, a referendum.
        const VOTE_WORDS: &[&str] = &[
            "vote",
            "election",
            "re-run",
            "rerun",
            "runoff",
            "run-off",
            "referendum",
            "revote",
        ];
        /// Words for a return to service.
        const RESTORATION_WORDS: &[&str] = &[
            "restore",
            "restored",
            "restoration",
            "online",
            "reopen",
            "reopens",
            "reopened",
            "reopening",
        ];
        /// Words for bringing something under control (and "control" after "under").
        const CONTAINMENT_WORDS: &[&str] = &[
            "contained",
            "containment",
            "extinguished",
            "subside",
            "subsided",
            "recede",
            "receded",
        ];
        match self {
            ScheduledEvent::Meeting => is_scheduling_word(&word.to_lowercase()),
            ScheduledEvent::Containment => {
                let lower = word.to_lowercase();
                CONTAINMENT_WORDS.contains(&lower.as_str())
                    || (lower == "control"
                        && previous.is_some_and(|previous| previous.eq_ignore_ascii_case("under")))
            }
            ScheduledEvent::Vote => VOTE_WORDS.contains(&word),
            ScheduledEvent::Restoration => {
                RESTORATION_WORDS.contains(&word.to_lowercase().as_str())
            }
        }
    }

    fn slot(self) -> &'static str {
        match self {
            ScheduledEvent::Meeting => "date of the next meeting",
            ScheduledEvent::Vote => "date of the next vote",
            ScheduledEvent::Restoration => "date of the return to service",
            ScheduledEvent::Containment => "date it is brought under control",
        }
    }
}

/// For each kind of scheduled event, the dates sources give its next one, as a dispute when two
/// sources give dates that cannot be the same.
fn scheduled_disputes(story: &Story) -> Vec<Dispute> {
    let announced = announced_dates(story);
    ScheduledEvent::ALL
        .iter()
        .enumerate()
        .filter_map(|(kind, event)| {
            let dated: Vec<Dated> = announced
                .iter()
                .filter(|(_, named)| named[kind])
                .map(|(date, _)| date.clone())
                .collect();
            disputed_slot(event.slot().to_string(), dated)
        })
        .collect()
}

/// The dispute over one slot, when two sources give it dates none of which can be the same.
fn disputed_slot(slot: String, dated: Vec<Dated>) -> Option<Dispute> {
    let sources: BTreeSet<usize> = dated.iter().map(|date| date.citation.source).collect();
    let dates_of = |source: usize| {
        dated
            .iter()
            .filter(move |date| date.citation.source == source)
            .map(|date| date.value.as_str())
    };
    let conflict = sources.iter().any(|&left| {
        sources.iter().any(|&right| {
            left < right && !dates_of(left).any(|a| dates_of(right).any(|b| compatible(a, b)))
        })
    });
    conflict.then(|| dispute(slot, dated))
}

/// Every sentence that gives exactly one date after its article's publication date, not of
/// another thing, with the kinds of [`ScheduledEvent::ALL`] it names: read once for all kinds.
fn announced_dates(story: &Story) -> Vec<(Dated, [bool; ScheduledEvent::ALL.len()])> {
    let anchor = story_anchor(story);
    let mut announced = Vec::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let Some(published) = annotated.article.published.or(anchor) else {
            continue;
        };
        for (sentence_idx, entries) in dated_sentences(annotated, anchor) {
            let future: Vec<&(String, Range<usize>, bool)> = entries
                .iter()
                .filter(|(value, _, _)| {
                    days(value).is_some_and(|(start, end)| {
                        start > published && (end - start).num_days() <= MAX_PERIOD_DAYS
                    })
                })
                .collect();
            // A sentence with several future dates is a schedule of several events; a past
            // date beside the future one is when it was announced ("said late on Monday").
            let [(value, expression, _)] = future.as_slice() else {
                continue;
            };
            let sentence = &annotated.sentences[sentence_idx];
            let words: Vec<&str> = annotated
                .sentence_text(sentence)
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|word| !word.is_empty())
                .collect();
            let named = ScheduledEvent::ALL.map(|event| {
                words.iter().enumerate().any(|(idx, word)| {
                    event.is_named_by(word, idx.checked_sub(1).map(|before| words[before]))
                })
            });
            if !named.contains(&true) {
                continue;
            }
            let date = Dated::written(story, article_idx, &sentence.range, value, expression);
            if names_another_event(&date) || owned_by_another_event(&date) {
                continue;
            }
            announced.push((date, named));
        }
    }
    announced
}

/// Processes whose start sources date ("the talks began late last year", "negotiations that
/// opened in January"), with the word their slot goes by.
const PROCESSES: &[(&str, &str)] = &[
    ("talks", "talks"),
    ("negotiations", "talks"),
    ("strike", "strike"),
    ("walkout", "strike"),
    ("protests", "protests"),
    ("demonstrations", "protests"),
    ("fire", "fire"),
    ("wildfire", "fire"),
    ("blaze", "fire"),
    ("outbreak", "outbreak"),
    ("epidemic", "outbreak"),
    ("investigation", "investigation"),
    ("inquiry", "investigation"),
    ("probe", "investigation"),
    ("trial", "trial"),
    ("war", "war"),
    ("offensive", "offensive"),
    ("siege", "siege"),
    ("blockade", "blockade"),
    ("shutdown", "shutdown"),
    ("occupation", "occupation"),
];

/// Past forms of verbs that start a process.
const START_VERBS: &[&str] = &[
    "began",
    "begun",
    "started",
    "opened",
    "launched",
    "erupted",
    "commenced",
];

/// Most words between a start verb and the date of its clause ("opened in Port Aval in
/// January"), or between a fronted date and the process noun ("In October, talks began").
const START_DATE_WORDS: usize = 6;

/// For each process of [`PROCESSES`], the past dates sources give its start, as a dispute when
/// two sources give dates that cannot be the same: "the talks began late last year" and "talks
/// that opened in January".
fn start_disputes(story: &Story) -> Vec<Dispute> {
    let anchor = story_anchor(story);
    let mut dated_starts: Vec<(&str, Dated)> = Vec::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let Some(published) = annotated.article.published.or(anchor) else {
            continue;
        };
        for (sentence_idx, entries) in dated_sentences(annotated, anchor) {
            let sentence = &annotated.sentences[sentence_idx];
            let text = &annotated.article.text;
            for (value, expression, _) in &entries {
                if days(value).is_none_or(|(_, end)| end > published) {
                    continue;
                }
                let (Some(before), Some(after)) = (
                    text.get(sentence.range.start..expression.start),
                    text.get(expression.end..sentence.range.end),
                ) else {
                    continue;
                };
                let Some(process) = started_before(before).or_else(|| started_after(before, after))
                else {
                    continue;
                };
                let date = Dated::written(story, article_idx, &sentence.range, value, expression);
                let known = dated_starts.iter().any(|(known, known_date)| {
                    *known == process
                        && known_date.value == date.value
                        && same_place(&known_date.citation, &date.citation)
                });
                if !known {
                    dated_starts.push((process, date));
                }
            }
        }
    }
    let mut processes: Vec<&str> = PROCESSES.iter().map(|&(_, process)| process).collect();
    processes.dedup();
    processes
        .into_iter()
        .filter_map(|process| {
            let dated: Vec<Dated> = dated_starts
                .iter()
                .filter(|(known, _)| *known == process)
                .map(|(_, date)| date.clone())
                .collect();
            disputed_slot(format!("when the {process} began"), dated)
        })
        .collect()
}

/// Words after "last" that name an event, whatever their ending ([`last_time_disputes`]).
const LAST_EVENTS: &[&str] = &[
    "seen", "met", "held", "visit", "audit", "review", "check", "vote", "election", "meeting",
    "survey", "census", "contact", "call",
];

/// The dates sources give the last time something was done ("was last inspected on November
/// 18", "the last full inspection … took place in March 2023"), by the event's stem: a dispute
/// when two sources' dates cannot be the same. The event is a word within three of "last" that
/// ends like a participle or an event noun ("-ed", "-tion", "-ment") or one of
/// [`LAST_EVENTS`]; "last" inside a time expression ("last year") is the calendar's.
fn last_time_disputes(story: &Story) -> Vec<Dispute> {
    let anchor = story_anchor(story);
    let mut by_event: Vec<(String, String, Vec<Dated>)> = Vec::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let Some(published) = annotated.article.published.or(anchor) else {
            continue;
        };
        let terms = parallax_text::Terms::new(annotated.article.language.as_deref());
        for (sentence_idx, entries) in dated_sentences(annotated, anchor) {
            let sentence = &annotated.sentences[sentence_idx];
            let in_a_time = |at: usize| {
                annotated
                    .times
                    .iter()
                    .any(|time| time.range.start <= at && at < time.range.end)
            };
            let sentence_text = annotated.sentence_text(sentence);
            let words: Vec<(usize, &str)> = sentence_text
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|word| !word.is_empty())
                .map(|word| {
                    let offset = word.as_ptr() as usize - sentence_text.as_ptr() as usize;
                    (sentence.range.start + offset, word)
                })
                .collect();
            for (idx, &(at, word)) in words.iter().enumerate() {
                if !word.eq_ignore_ascii_case("last") || in_a_time(at) {
                    continue;
                }
                let Some(&(event_at, event)) = words[idx + 1..].iter().take(3).find(|(_, next)| {
                    let lower = next.to_lowercase();
                    lower.ends_with("ed")
                        || lower.ends_with("tion")
                        || lower.ends_with("ment")
                        || LAST_EVENTS.contains(&lower.as_str())
                }) else {
                    continue;
                };
                let Some(stem) = terms.of(event).into_iter().next() else {
                    continue;
                };
                // The past date written nearest the event.
                let Some((value, expression, _)) = entries
                    .iter()
                    .filter(|(value, _, _)| days(value).is_some_and(|(_, end)| end <= published))
                    .min_by_key(|(_, range, _)| range.start.abs_diff(event_at))
                else {
                    continue;
                };
                let date = Dated::written(story, article_idx, &sentence.range, value, expression);
                match by_event.iter_mut().find(|(known, _, _)| *known == stem) {
                    Some((_, _, dated)) => dated.push(date),
                    None => by_event.push((stem, event.to_lowercase(), vec![date])),
                }
            }
        }
    }
    by_event
        .into_iter()
        .filter_map(|(_, event, dated)| {
            let slot = if event.ends_with("ed") || matches!(event.as_str(), "seen" | "met") {
                format!("when last {event}")
            } else {
                format!("date of the last {event}")
            };
            disputed_slot(slot, dated)
        })
        .collect()
}

/// The day each named person met a fate (freed, detained, killed, …), as sources give it in a
/// sentence that dates one day: a dispute when two sources give days that cannot be the same
/// ("Berg was released on Wednesday" and "Berg walked to freedom with the others on
/// Thursday"). A person who only speaks in the sentence is not the one it befell.
fn fate_disputes(story: &Story) -> Vec<Dispute> {
    let anchor = story_anchor(story);
    // (surname, fate, the fullest name) and its dates.
    let mut slots: Vec<((String, u8, String), Vec<Dated>)> = Vec::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let Some(published) = annotated.article.published.or(anchor) else {
            continue;
        };
        for (sentence_idx, entries) in dated_sentences(annotated, anchor) {
            let sentence = &annotated.sentences[sentence_idx];
            let days_given: Vec<&(String, Range<usize>, bool)> = entries
                .iter()
                .filter(|(value, _, _)| {
                    is_day_precise(value) && days(value).is_some_and(|(_, end)| end <= published)
                })
                .collect();
            if days_given.is_empty() {
                continue;
            }
            // Each fate goes with the day written nearest it: "walked to freedom on Thursday,
            // contrary to claims that he had been released a day earlier" gives both days.
            let mut fate_days: Vec<(u8, Dated)> = Vec::new();
            let sentence_text = annotated.sentence_text(sentence);
            for (offset, fate) in super::fates_at(sentence_text) {
                if !tells_what_befell(sentence_text, offset) {
                    continue;
                }
                let at = sentence.range.start + offset;
                let Some((value, expression, _)) = days_given.iter().min_by_key(|(_, range, _)| {
                    range.start.abs_diff(at).min(range.end.abs_diff(at))
                }) else {
                    continue;
                };
                if times_a_cue(annotated, expression) {
                    continue;
                }
                fate_days.push((
                    fate,
                    Dated::written(story, article_idx, &sentence.range, value, expression),
                ));
            }
            if fate_days.is_empty() {
                continue;
            }
            let within = |range: &Range<usize>| {
                sentence.range.start <= range.start && range.end <= sentence.range.end
            };
            let speaking: Vec<&Range<usize>> = annotated
                .quotes
                .iter()
                .filter_map(|quote| quote.speaker.as_ref())
                .filter(|speaker| within(speaker))
                .collect();
            for entity in annotated
                .entities
                .iter()
                .filter(|entity| entity.kind == parallax_model::EntityKind::Person)
            {
                let named_here = entity.mentions.iter().any(|mention| {
                    !mention.by_role
                        && within(&mention.range)
                        && !speaking.iter().any(|speaker| {
                            speaker.start <= mention.range.start && mention.range.end <= speaker.end
                        })
                });
                let Some(surname) = entity.name.split_whitespace().next_back() else {
                    continue;
                };
                if !named_here {
                    continue;
                }
                let surname = surname.to_lowercase();
                for (fate, date) in &fate_days {
                    match slots
                        .iter_mut()
                        .find(|((known, known_fate, _), _)| *known == surname && known_fate == fate)
                    {
                        Some(((_, _, name), dated)) => {
                            if entity.name.len() > name.len() {
                                name.clone_from(&entity.name);
                            }
                            if !dated.iter().any(|known| {
                                known.value == date.value
                                    && same_place(&known.citation, &date.citation)
                            }) {
                                dated.push(date.clone());
                            }
                        }
                        None => slots.push((
                            (surname.clone(), *fate, entity.name.clone()),
                            vec![date.clone()],
                        )),
                    }
                }
            }
        }
    }
    // One source may give both days, reporting the other side's: the slot is disputed when
    // two sources take part and two of the days given cannot be the same.
    slots
        .into_iter()
        .filter(|(_, dated)| {
            let sources: BTreeSet<usize> = dated.iter().map(|date| date.citation.source).collect();
            sources.len() >= 2
                && dated.iter().enumerate().any(|(idx, a)| {
                    dated[idx + 1..]
                        .iter()
                        .any(|b| !compatible(&a.value, &b.value))
                })
        })
        .map(|((_, fate, name), dated)| {
            dispute(
                format!("when {name} was {}", super::fate_participle(fate)),
                dated,
            )
        })
        .collect()
}

/// The lowercase words of `text` with no punctuation, and whether a clause mark (a comma, a
/// semicolon, a colon) comes after each.
fn clause_words(text: &str) -> Vec<(String, bool)> {
    let mut words: Vec<(String, bool)> = Vec::new();
    for piece in text.split_whitespace() {
        let word: String = piece
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let marked = piece.ends_with([',', ';', ':']);
        if !word.is_empty() {
            words.push((word, marked));
        } else if marked && let Some(last) = words.last_mut() {
            last.1 = true;
        }
    }
    words
}

/// The process whose start verb comes shortly before a date, in its clause: "negotiations began
/// that month", "talks that opened in Port Aval in January".
fn started_before(before: &str) -> Option<&'static str> {
    let words = clause_words(before);
    let verb_at = words
        .iter()
        .rev()
        .take(START_DATE_WORDS + 1)
        .take_while(|(_, marked)| !marked)
        .count();
    let window = &words[words.len() - verb_at..];
    let verb = window
        .iter()
        .position(|(word, _)| START_VERBS.contains(&word.as_str()))?;
    let verb = words.len() - verb_at + verb;
    process_before(&words[..verb])
}

/// The process after a fronted date whose start verb follows it: "In October, talks began".
fn started_after(before: &str, after: &str) -> Option<&'static str> {
    let before = clause_words(before);
    let since_the_clause_opened: Vec<&str> = before
        .iter()
        .rev()
        .take_while(|(_, marked)| !marked)
        .map(|(word, _)| word.as_str())
        .collect();
    let fronted = matches!(
        since_the_clause_opened[..],
        [] | ["in" | "on" | "since" | "by" | "from" | "during"]
    );
    if !fronted {
        return None;
    }
    let words = clause_words(after);
    let window = &words[..words.len().min(START_DATE_WORDS)];
    let verb = window
        .iter()
        .position(|(word, _)| START_VERBS.contains(&word.as_str()))?;
    process_before(&words[..verb])
}

/// The process noun among the (at most three) words right before a start verb: its subject
/// ("the strike began", "negotiations that began", "the talks had begun").
fn process_before(words: &[(String, bool)]) -> Option<&'static str> {
    words.iter().rev().take(3).find_map(|(word, _)| {
        PROCESSES
            .iter()
            .find(|(noun, _)| noun == word)
            .map(|&(_, process)| process)
    })
}

impl Dated {
    /// The date `value` written at `expression` in the sentence at `sentence` of the story's
    /// article `article_idx`, citing that sentence.
    fn written(
        story: &Story,
        article_idx: usize,
        sentence: &Range<usize>,
        value: &str,
        expression: &Range<usize>,
    ) -> Dated {
        Dated {
            value: value.to_string(),
            expression: expression_text(&story.articles[article_idx], expression),
            citation: sentence_citation(story, article_idx, sentence),
        }
    }
}

fn expression_text(annotated: &parallax_model::Annotated, range: &Range<usize>) -> String {
    annotated
        .article
        .text
        .get(range.clone())
        .unwrap_or_default()
        .to_string()
}

/// One side per date value, earliest first, each marked compatible with the sides whose dates
/// can be the same.
fn dispute(slot: String, dated: Vec<Dated>) -> Dispute {
    let mut sides: Vec<(String, String, Vec<Citation>)> = Vec::new();
    for date in dated {
        match sides.iter_mut().find(|(value, _, _)| *value == date.value) {
            Some((_, _, citations)) => citations.push(date.citation),
            None => sides.push((date.value, date.expression, vec![date.citation])),
        }
    }
    sides.sort_by(|a, b| days(&a.0).cmp(&days(&b.0)).then_with(|| a.0.cmp(&b.0)));
    let values: Vec<String> = sides.iter().map(|(value, _, _)| value.clone()).collect();
    Dispute {
        slot,
        kind: DisputeKind::Date,
        sides: sides
            .into_iter()
            .enumerate()
            .map(|(idx, (value, expression, citations))| DisputeSide {
                compatible_with: values
                    .iter()
                    .enumerate()
                    .filter(|(other, other_value)| *other != idx && compatible(&value, other_value))
                    .map(|(other, _)| other)
                    .collect(),
                value: format!("{} ({expression})", parallax_model::readable_date(&value)),
                citations,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use parallax_model::{Annotated, Article, Origin, Sentence, TimeExpression, TimeKind};

    /// One article published on `published`, one sentence, one date expression.
    fn article(
        name: &str,
        published: &str,
        text: &str,
        expression: &str,
        value: &str,
    ) -> Annotated {
        let mut article = Article::new(Origin::File(name.into()), text.into());
        article.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
        let mut annotated = Annotated::new(article);
        annotated.sentences = vec![Sentence {
            range: 0..text.len(),
            paragraph: 0,
        }];
        let start = text.find(expression).expect("expression in text");
        annotated.times.push(TimeExpression {
            range: start..start + expression.len(),
            kind: TimeKind::Date,
            value: value.into(),
            modifier: None,
        });
        annotated
    }

    fn check(articles: Vec<Annotated>, expected: &[(&str, &[usize], &[usize])]) {
        let found = date_disputes(&Story::new(articles), &[]);
        let found: Vec<(String, Vec<usize>, Vec<usize>)> = found
            .iter()
            .flat_map(|dispute| &dispute.sides)
            .map(|side| {
                (
                    side.value.clone(),
                    side.citations
                        .iter()
                        .map(|citation| citation.source)
                        .collect(),
                    side.compatible_with.clone(),
                )
            })
            .collect();
        let expected: Vec<(String, Vec<usize>, Vec<usize>)> = expected
            .iter()
            .map(|(value, sources, compatible)| {
                (value.to_string(), sources.to_vec(), compatible.to_vec())
            })
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn next_meeting_dates_that_cannot_be_the_same_are_disputed() {
        check(
            vec![
                article(
                    "a.txt",
                    "2026-05-04",
                    "The delegations will meet again on May 11.",
                    "May 11",
                    "2026-05-11",
                ),
                article(
                    "b.txt",
                    "2026-05-05",
                    "Talks are due to resume next week.",
                    "next week",
                    "2026-W20",
                ),
                article(
                    "c.txt",
                    "2026-05-05",
                    "The envoys return to the table only in June.",
                    "in June",
                    "2026-06",
                ),
            ],
            &[
                ("2026-05-11 (May 11)", &[1], &[1]),
                ("week of 2026-05-11 (next week)", &[2], &[0]),
                ("2026-06 (in June)", &[3], &[]),
            ],
        );
    }

    #[test]
    fn dates_a_process_started_that_cannot_be_the_same_are_disputed() {
        check(
            vec![
                article(
                    "a.txt",
                    "2026-03-12",
                    "The talks began late last year, officials said.",
                    "late last year",
                    "2025",
                ),
                article(
                    "b.txt",
                    "2026-03-12",
                    "In October, negotiations began in Velmar.",
                    "October",
                    "2025-10",
                ),
                article(
                    "c.txt",
                    "2026-03-12",
                    "The pilots were freed after four rounds of talks that opened in Ostrava \
                     in January.",
                    "January",
                    "2026-01",
                ),
            ],
            &[
                ("2025 (late last year)", &[1], &[1]),
                ("2025-10 (October)", &[2], &[0]),
                ("2026-01 (January)", &[3], &[]),
            ],
        );
        // Dates of other things in the sentence, or a start the sources can agree on, are none.
        check(
            vec![
                article(
                    "a.txt",
                    "2026-03-12",
                    "The strike began on March 3 and talks resumed.",
                    "March 3",
                    "2026-03-03",
                ),
                article(
                    "b.txt",
                    "2026-03-12",
                    "Dockers walked out in early March, and the strike began to bite.",
                    "early March",
                    "2026-03",
                ),
                article(
                    "c.txt",
                    "2026-03-12",
                    "The minister, in office since January, said talks began well.",
                    "January",
                    "2026-01",
                ),
            ],
            &[],
        );
    }

    #[test]
    fn dates_of_the_last_time_something_was_done_are_disputed() {
        check(
            vec![
                article(
                    "a.txt",
                    "2026-04-15",
                    "The depot was last inspected on November 18 last year.",
                    "November 18 last year",
                    "2025-11-18",
                ),
                article(
                    "b.txt",
                    "2026-04-15",
                    "The last full inspection of the depot took place in March 2023.",
                    "March 2023",
                    "2023-03",
                ),
                article(
                    "c.txt",
                    "2026-04-15",
                    "Inspectors visited the depot last year.",
                    "last year",
                    "2025",
                ),
            ],
            &[
                ("2023-03 (March 2023)", &[2], &[]),
                ("2025-11-18 (November 18 last year)", &[1], &[]),
            ],
        );
    }

    /// [`article`] with the person `name` named in it.
    fn naming(mut annotated: Annotated, name: &str) -> Annotated {
        let surname = name.split_whitespace().next_back().expect("a name");
        let start = annotated
            .article
            .text
            .find(surname)
            .expect("the surname in the text");
        annotated.entities.push(parallax_model::Entity {
            kind: parallax_model::EntityKind::Person,
            name: name.to_string(),
            mentions: vec![parallax_model::Mention {
                range: start..start + surname.len(),
                by_role: false,
            }],
            country: None,
            role: None,
        });
        annotated
    }

    #[test]
    fn days_sources_give_what_befell_a_person_are_disputed() {
        let released = naming(
            article(
                "a.txt",
                "2026-03-12",
                "Tomas Berg was released on Wednesday and handed to the consul.",
                "Wednesday",
                "2026-03-11",
            ),
            "Tomas Berg",
        );
        let walked = naming(
            article(
                "b.txt",
                "2026-03-13",
                "Mr Berg walked to freedom with the others on Thursday.",
                "Thursday",
                "2026-03-12",
            ),
            "Tomas Berg",
        );
        let named = parallax_model::readable_date;
        check(
            vec![released.clone(), walked],
            &[
                (&format!("{} (Wednesday)", named("2026-03-11")), &[1], &[]),
                (&format!("{} (Thursday)", named("2026-03-12")), &[2], &[]),
            ],
        );
        // What befell him spoken of later ("the inquiry into Berg's death") is no day of it.
        let spoken_of = naming(
            article(
                "b.txt",
                "2026-03-13",
                "The consul spent Thursday on the inquiry into Berg's release and death.",
                "Thursday",
                "2026-03-12",
            ),
            "Tomas Berg",
        );
        check(vec![released, spoken_of], &[]);
    }

    #[test]
    fn dates_something_is_brought_under_control_are_a_slot_of_their_own() {
        check(
            vec![
                article(
                    "a.txt",
                    "2026-08-13",
                    "We expect to have this fire contained by Sunday, she said.",
                    "Sunday",
                    "2026-08-16",
                ),
                article(
                    "b.txt",
                    "2026-08-15",
                    "The union does not expect the fire to be under control before the last \
                     week of August.",
                    "the last week of August",
                    "2026-W35",
                ),
                // "Control" alone is no end of anything.
                article(
                    "c.txt",
                    "2026-08-15",
                    "Rebels will take control of the town on Thursday.",
                    "Thursday",
                    "2026-08-20",
                ),
            ],
            &[
                ("2026-08-16 (Sunday)", &[1], &[]),
                ("week of 2026-08-24 (the last week of August)", &[2], &[]),
            ],
        );
    }

    #[test]
    fn dates_of_the_next_vote_are_a_slot_of_their_own() {
        check(
            vec![
                article(
                    "a.txt",
                    "2026-05-04",
                    "The re-run will be held on July 12.",
                    "July 12",
                    "2026-07-12",
                ),
                article(
                    "b.txt",
                    "2026-05-05",
                    "Officials say the commission will hold the election in September.",
                    "September",
                    "2026-09",
                ),
                article(
                    "c.txt",
                    "2026-05-05",
                    "On Saturday, Fair Vote will march to city hall.",
                    "Saturday",
                    "2026-05-09",
                ),
            ],
            &[
                ("2026-07-12 (July 12)", &[1], &[]),
                ("2026-09 (September)", &[2], &[]),
            ],
        );
    }

    #[test]
    fn dates_of_a_return_to_service_are_a_slot_of_their_own() {
        check(
            vec![
                article(
                    "a.txt",
                    "2026-05-04",
                    "The ferry line will reopen on May 11.",
                    "May 11",
                    "2026-05-11",
                ),
                article(
                    "b.txt",
                    "2026-05-05",
                    "Crews say the line will not be back online before June.",
                    "June",
                    "2026-06",
                ),
            ],
            &[
                ("2026-05-11 (May 11)", &[1], &[]),
                ("2026-06 (June)", &[2], &[]),
            ],
        );
    }

    #[test]
    fn a_date_of_another_thing_in_a_sentence_naming_a_meeting_is_no_next_meeting() {
        let meeting = article(
            "a.txt",
            "2026-05-04",
            "The delegations will meet again on May 11.",
            "May 11",
            "2026-05-11",
        );
        for (text, expression) in [
            (
                "After the meeting, the envoy said he would run in next week's vote.",
                "next week",
            ),
            (
                "After the meeting, the envoy left for the June 2 vote in parliament.",
                "June 2",
            ),
        ] {
            let value = if expression == "June 2" {
                "2026-06-02"
            } else {
                "2026-W20"
            };
            check(
                vec![
                    meeting.clone(),
                    article("b.txt", "2026-05-05", text, expression, value),
                ],
                &[],
            );
        }
    }

    #[test]
    fn compatible_dates_and_past_meetings_are_no_dispute() {
        check(
            vec![
                article(
                    "a.txt",
                    "2026-05-04",
                    "Envoys are due to meet on 11-12 May.",
                    "11-12 May",
                    "2026-05-11/2026-05-12",
                ),
                article(
                    "b.txt",
                    "2026-05-05",
                    "The envoys will meet on May 12.",
                    "May 12",
                    "2026-05-12",
                ),
                article(
                    "c.txt",
                    "2026-05-05",
                    "The envoys first met in April.",
                    "in April",
                    "2026-04",
                ),
            ],
            &[],
        );
    }

    /// A timeline event: each source's date and expression, cited by its whole first sentence.
    fn event(story: &Story, dates: &[(usize, &str, &str)]) -> TimelineEvent {
        TimelineEvent {
            date: dates[0].1.to_string(),
            disputed: false,
            mentions: dates
                .iter()
                .map(
                    |&(source, date, expression)| parallax_model::TimelineMention {
                        date: date.to_string(),
                        expression: expression.to_string(),
                        year_inferred: false,
                        citation: sentence_citation(
                            story,
                            source - 1,
                            &story.articles[source - 1].sentences[0].range,
                        ),
                    },
                )
                .collect(),
        }
    }

    /// Two articles that date one opening to the same day in other words.
    fn two_sources_of_one_day() -> Vec<Annotated> {
        vec![
            article(
                "a.txt",
                "2026-05-04",
                "The dam opened on May 2.",
                "May 2",
                "2026-05-02",
            ),
            article(
                "b.txt",
                "2026-05-05",
                "The dam opened on Saturday.",
                "Saturday",
                "2026-05-02",
            ),
        ]
    }

    #[test]
    fn events_sources_date_alike_to_the_day_are_agreed_facts() {
        let mut articles = two_sources_of_one_day();
        articles.extend([
            article(
                "c.txt",
                "2026-05-05",
                "The dam opened in May.",
                "in May",
                "2026-05",
            ),
            article(
                "d.txt",
                "2026-05-06",
                "It opened this month.",
                "this month",
                "2026-05",
            ),
        ]);
        let story = Story::new(articles);
        let agreed = date_agreements(
            &story,
            &[
                event(
                    &story,
                    &[(1, "2026-05-02", "May 2"), (2, "2026-05-02", "Saturday")],
                ),
                // A month is too coarse to agree on.
                event(
                    &story,
                    &[(3, "2026-05", "in May"), (4, "2026-05", "this month")],
                ),
            ],
            &[0, 1, 2, 3],
        );
        let found: Vec<(String, usize, Vec<String>)> = agreed
            .iter()
            .map(|fact| {
                (
                    fact.slot.clone(),
                    fact.n_independent,
                    fact.values
                        .iter()
                        .map(|value| value.value.clone())
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [(
                "when: The dam opened on May 2".to_string(),
                2,
                vec!["2026-05-02 (May 2; Saturday)".to_string()]
            )]
        );
    }

    #[test]
    fn an_agreed_date_is_named_after_a_claim_it_times_in_a_source_s_own_voice() {
        let claim = |annotated: &mut Annotated, predicate: &str, object: &str, quote: bool| {
            let text = &annotated.article.text;
            let at = |words: &str| {
                let start = text.find(words).expect("in the text");
                start..start + words.len()
            };
            let quoted = annotated.quotes.len();
            if quote {
                annotated.quotes.push(parallax_model::Quote {
                    kind: parallax_model::QuoteKind::Direct,
                    content: at(object),
                    continuation: Vec::new(),
                    cue: Some(at("said")),
                    speaker: None,
                    speaker_pronoun: None,
                    speaker_entity: None,
                    anonymous: false,
                });
            }
            annotated.claims.push(parallax_model::Claim {
                sentence: 0,
                subject: None,
                predicate: at(predicate),
                object: Some(at(object)),
                time: Some(0),
                quantity: None,
                attribution: if quote {
                    parallax_model::Attribution::Quoted { quote: quoted }
                } else {
                    parallax_model::Attribution::Own
                },
                polarity: parallax_model::Polarity::Asserted,
            });
        };
        let mut quoted = article(
            "a.txt",
            "2026-05-04",
            "\u{201c}We will keep the water flowing,\u{201d} the minister said on May 2.",
            "May 2",
            "2026-05-02",
        );
        claim(&mut quoted, "will keep", "the water flowing", true);
        let mut own = article(
            "b.txt",
            "2026-05-05",
            "Engineers opened the dam on Saturday.",
            "Saturday",
            "2026-05-02",
        );
        claim(&mut own, "opened", "the dam on Saturday", false);
        let story = Story::new(vec![quoted, own]);
        let agreed = date_agreements(
            &story,
            &[event(
                &story,
                &[(1, "2026-05-02", "May 2"), (2, "2026-05-02", "Saturday")],
            )],
            &[0, 1],
        );
        assert_eq!(agreed.len(), 1);
        assert_eq!(agreed[0].slot, "when: Engineers opened the dam on Saturday");
    }

    #[test]
    fn a_past_day_told_in_other_words_joins_the_agreed_event() {
        let mut articles = two_sources_of_one_day();
        articles.extend([
            // Its sentence is about the river's flow; the clause around the date tells the
            // opening in other words.
            article(
                "c.txt",
                "2026-05-09",
                "The flow has fallen by a third since the dam opened last Saturday, May 2.",
                "May 2",
                "2026-05-02",
            ),
            // The same day, another thing.
            article(
                "d.txt",
                "2026-05-09",
                "Harbour pilots went on strike on May 2.",
                "May 2",
                "2026-05-02",
            ),
            // The same words, but on the news day, when a source tells many things.
            article(
                "e.txt",
                "2026-05-03",
                "The flow fell sharply after the dam opened on May 2.",
                "May 2",
                "2026-05-02",
            ),
        ]);
        let story = Story::new(articles);
        let matched = event(
            &story,
            &[(1, "2026-05-02", "May 2"), (2, "2026-05-02", "Saturday")],
        );
        let others = (3..=5).map(|source| event(&story, &[(source, "2026-05-02", "May 2")]));
        let events: Vec<TimelineEvent> = std::iter::once(matched).chain(others).collect();
        let agreed = date_agreements(&story, &events, &[0, 1, 2, 3, 4]);
        assert_eq!(agreed.len(), 1);
        let sources: Vec<usize> = agreed[0].values[0]
            .citations
            .iter()
            .map(|citation| citation.source)
            .collect();
        assert_eq!(sources, [1, 2, 3]);
        assert_eq!(agreed[0].n_independent, 3);
    }

    #[test]
    fn a_day_only_quoted_speakers_give_is_no_agreed_fact() {
        let quoted = |name: &str, text: &str| {
            let mut annotated = article(name, "2026-05-04", text, "today", "2026-05-04");
            let open = text.find('\u{201c}').expect("a quotation");
            let close = text.find('\u{201d}').expect("a quotation") + '\u{201d}'.len_utf8();
            annotated.quotes.push(crate::test_stories::quote_in(
                text,
                parallax_model::QuoteKind::Direct,
                &text[open..close],
                None,
                None,
            ));
            annotated
        };
        let mut articles = vec![
            quoted(
                "a.txt",
                "\u{201c}The pilots I met today want the pier back,\u{201d} Ruiz said.",
            ),
            quoted(
                "b.txt",
                "\u{201c}The pilots I met today want it back,\u{201d} said Ruiz.",
            ),
        ];
        let days = [(1, "2026-05-04", "today"), (2, "2026-05-04", "today")];
        let story = Story::new(articles.clone());
        assert!(date_agreements(&story, &[event(&story, &days)], &[0, 1]).is_empty());
        // Told in a source's own voice too, the day is agreed.
        articles[1] = article(
            "b.txt",
            "2026-05-04",
            "Ruiz met the pilots today.",
            "today",
            "2026-05-04",
        );
        let story = Story::new(articles);
        assert_eq!(
            date_agreements(&story, &[event(&story, &days)], &[0, 1]).len(),
            1
        );
    }

    #[test]
    fn a_copy_or_a_sentence_of_several_dates_makes_no_agreed_date() {
        let story = Story::new(two_sources_of_one_day());
        let events = [event(
            &story,
            &[(1, "2026-05-02", "May 2"), (2, "2026-05-02", "Saturday")],
        )];
        // The second article re-publishes the first.
        assert!(date_agreements(&story, &events, &[0, 0]).is_empty());
        // The first sentence also dates another event.
        let with_other = [
            events[0].clone(),
            event(&story, &[(1, "2026-05-09", "a week later")]),
        ];
        assert!(date_agreements(&story, &with_other, &[0, 1]).is_empty());
    }

    #[test]
    fn a_date_in_the_name_of_another_event_is_no_date_of_the_event() {
        let disputed = |first: &str, expression: &str, value: &str| {
            let story = Story::new(vec![
                article("a.txt", "2026-09-30", first, expression, value),
                article(
                    "b.txt",
                    "2026-09-30",
                    "The senate voted on Wednesday to let the victims sue.",
                    "Wednesday",
                    "2026-09-28",
                ),
            ]);
            let mut event = event(
                &story,
                &[(1, value, expression), (2, "2026-09-28", "Wednesday")],
            );
            event.disputed = true;
            !date_disputes(&story, &[event]).is_empty()
        };
        assert!(!disputed(
            "The senate voted to let the victims of the Sept. 11 attacks sue.",
            "Sept. 11",
            "2026-09-11",
        ));
        assert!(disputed(
            "The senate voted on Sept. 11 to let the victims sue.",
            "Sept. 11",
            "2026-09-11",
        ));
        assert!(disputed(
            "The senate voted to let the victims sue after the Sept. 11 meeting.",
            "Sept. 11",
            "2026-09-11",
        ));
    }

    #[test]
    fn a_time_of_day_alone_is_no_date_of_the_event() {
        let disputed = |first: &str, expression: &str| {
            let story = Story::new(vec![
                article("a.txt", "2026-09-30", first, expression, "2026-09-30"),
                article(
                    "b.txt",
                    "2026-09-30",
                    "The plant was shut down on Monday.",
                    "Monday",
                    "2026-09-28",
                ),
            ]);
            let mut event = event(
                &story,
                &[(1, "2026-09-30", expression), (2, "2026-09-28", "Monday")],
            );
            event.disputed = true;
            !date_disputes(&story, &[event]).is_empty()
        };
        assert!(!disputed(
            "The plant was shut down shortly after 3 a.m.",
            "shortly after 3 a.m."
        ));
        assert!(disputed(
            "The plant was shut down at 3 a.m. on Wednesday.",
            "3 a.m. on Wednesday"
        ));
    }

    #[test]
    fn a_date_of_an_event_told_as_a_repeat_is_no_other_date_of_it() {
        let disputed = |second: &str| {
            let story = Story::new(vec![
                article(
                    "a.txt",
                    "2026-09-30",
                    "The mayor and the pilots met on Sunday at the port.",
                    "Sunday",
                    "2026-09-27",
                ),
                article("b.txt", "2026-09-30", second, "Thursday", "2026-09-24"),
            ]);
            let mut event = event(
                &story,
                &[(1, "2026-09-27", "Sunday"), (2, "2026-09-24", "Thursday")],
            );
            event.disputed = true;
            !date_disputes(&story, &[event]).is_empty()
        };
        assert!(disputed(
            "The mayor and the pilots met on Thursday at the port."
        ));
        for repeat in [
            "The mayor and the pilots met again on Thursday at the port.",
            "Thursday marks the second time the mayor and the pilots met at the port.",
            "The mayor and the pilots held their latest meeting on Thursday at the port.",
        ] {
            assert!(!disputed(repeat), "{repeat}");
        }
    }

    #[test]
    fn dates_of_speaking_are_no_dates_of_the_event() {
        let quote = |annotated: &mut Annotated, cue: &str, content: &str| {
            let text = &annotated.article.text;
            let cue = text.find(cue).map(|start| start..start + cue.len());
            let start = text.find(content).expect("content in text");
            annotated.quotes.push(parallax_model::Quote {
                kind: parallax_model::QuoteKind::Indirect,
                content: start..start + content.len(),
                continuation: Vec::new(),
                cue,
                speaker: None,
                speaker_pronoun: None,
                speaker_entity: None,
                anonymous: false,
            });
        };
        let mut said = article(
            "a.txt",
            "2026-05-07",
            "The mayor said on Tuesday that the dam opened.",
            "Tuesday",
            "2026-05-05",
        );
        quote(&mut said, "said", "the dam opened");
        let mut told = article(
            "b.txt",
            "2026-05-07",
            "The engineer told reporters on Wednesday that the dam opened.",
            "Wednesday",
            "2026-05-06",
        );
        quote(&mut told, "told", "the dam opened");
        let disputed = |articles: Vec<Annotated>| {
            let story = Story::new(articles);
            let mut event = event(
                &story,
                &[(1, "2026-05-05", "Tuesday"), (2, "2026-05-06", "Wednesday")],
            );
            event.disputed = true;
            !date_disputes(&story, &[event]).is_empty()
        };
        assert!(!disputed(vec![said, told]));
        // Inside the reported words, the date is the event's.
        let mut inside = article(
            "b.txt",
            "2026-05-07",
            "The engineer said that the dam opened on Wednesday.",
            "Wednesday",
            "2026-05-06",
        );
        quote(&mut inside, "said", "the dam opened on Wednesday");
        let mut plain = article(
            "a.txt",
            "2026-05-07",
            "The dam opened on Tuesday.",
            "Tuesday",
            "2026-05-05",
        );
        plain.quotes.clear();
        assert!(disputed(vec![plain, inside]));
    }
}
