//! Date disputes: sources that give one event different dates.
//!
//! Two places find them. The timeline already merges the sentences of different sources that
//! tell one event and marks an event whose dates cannot all be the same; each such event is a
//! dispute, one side per date. Sentences that announce the next meeting rarely share words ("the
//! two sides will meet again on March 16", "talks are due to resume next week"), so the timeline
//! does not merge them; for those, every sentence that names a meeting and gives exactly one date
//! after its article's publication date fills one slot, the next meeting. That slot is disputed
//! when two sources give dates none of which can be the same as any of the other's; a day inside
//! a week, month or range is compatible and marked as such.

use super::{gist, is_scheduling_word, sentence_citation};
use crate::timeline::{compatible, dated_sentences, days, story_anchor};
use parallax_model::{Citation, Dispute, DisputeKind, DisputeSide, Story, TimelineEvent};
use std::collections::BTreeSet;
use std::ops::Range;

/// A date one source gives: the value, the expression as written, the sentence.
struct Dated {
    value: String,
    expression: String,
    citation: Citation,
}

/// Dates wider than this many days ("2026", "the 2020s") are too vague to dispute.
const MAX_PERIOD_DAYS: i64 = 31;

/// The date disputes of `story`, from its timeline and its announced meetings.
pub(super) fn date_disputes(story: &Story, timeline: &[TimelineEvent]) -> Vec<Dispute> {
    let next_meeting = next_meeting(story);
    let mut disputes: Vec<Dispute> = next_meeting.into_iter().collect();
    for event in timeline.iter().filter(|event| event.disputed) {
        let dated: Vec<Dated> = event
            .mentions
            .iter()
            .map(|mention| Dated {
                value: mention.date.clone(),
                expression: mention.expression.clone(),
                citation: mention.citation.clone(),
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

/// Whether two of the dates name days (or a span of a few days) that cannot be the same: the
/// timeline also merges weeks and months ("the past month", "the past week"), which are too
/// coarse for sources to disagree over.
fn days_conflict(dated: &[Dated]) -> bool {
    let precise: Vec<&str> = dated
        .iter()
        .map(|date| date.value.as_str())
        .filter(|value| {
            !value.contains('W')
                && days(value)
                    .is_some_and(|(start, end)| (end - start).num_days() <= MAX_RANGE_DAYS)
        })
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
fn next_meeting(story: &Story) -> Option<Dispute> {
    let anchor = story_anchor(story);
    let mut dated: Vec<Dated> = Vec::new();
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
            let names_meeting = annotated
                .sentence_text(sentence)
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| is_scheduling_word(&word.to_lowercase()));
            if !names_meeting {
                continue;
            }
            dated.push(Dated {
                value: value.clone(),
                expression: expression_text(annotated, expression),
                citation: sentence_citation(story, article_idx, &sentence.range),
            });
        }
    }
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
    if !conflict {
        return None;
    }
    Some(dispute("date of the next meeting".to_string(), dated))
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
                value: format!("{value} ({expression})"),
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
                ("2026-W20 (next week)", &[2], &[0]),
                ("2026-06 (in June)", &[3], &[]),
            ],
        );
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
}
