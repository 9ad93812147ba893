//! Blind spots: what a source leaves out that most other independent sources state.
//!
//! A consensus statement is a blind spot of a source when the source (with its near-duplicate
//! copies, which count as the same source) does not state it and more than half of the other
//! independent sources do. A source that tells a statement's event of a calendar day in other
//! words (the timeline holds its sentence with the statement's, on that day) does not leave it
//! out: "have been out since March 3" and "have been on strike since March 3" share too few
//! words to match, and a blind spot is a charge against a source. Only days some time before
//! the source's publication count so ([`MIN_DAYS_BEFORE_PUBLICATION`]): on the days of the
//! news, one source tells many things of the same day. Nor does a source that takes a side in
//! a dispute over the statement (it gives another number, or denies it): that is a dispute, not
//! an omission. A source's blind spots are ranked by how many independent sources state them,
//! and the first [`MAX_PER_SOURCE`] are kept.

use crate::consensus::independent_sources;
use chrono::NaiveDate;
use parallax_model::{
    BlindSpot, BlindSpots, Citation, ConsensusItem, Dispute, Story, TimelineEvent,
};
use std::collections::BTreeSet;

/// Blind spots listed per source at most.
const MAX_PER_SOURCE: usize = 5;
/// Other independent sources needed for "most others" to mean something.
const MIN_OTHERS: usize = 2;
/// How many days before a source's publication a day must be for the source's sentence of that
/// day to tell the one event the others tell of it.
const MIN_DAYS_BEFORE_PUBLICATION: i64 = 3;

/// The blind spots of each source of `story`, in source order; `consensus`, `timeline` and
/// `disputes` are the brief's.
pub fn blind_spots(
    story: &Story,
    consensus: &[ConsensusItem],
    timeline: &[TimelineEvent],
    disputes: &[Dispute],
) -> Vec<BlindSpots> {
    let independent = independent_sources(story);
    let groups: BTreeSet<usize> = independent.iter().copied().collect();
    let stated_by: Vec<BTreeSet<usize>> = consensus
        .iter()
        .map(|item| {
            item.citations
                .iter()
                .filter_map(|citation| independent.get(citation.source - 1).copied())
                .collect()
        })
        .collect();
    // Each statement's shown wording, and the disputes it stands on, found once for every
    // source's blind spots.
    let wordings: Vec<Option<&Citation>> = consensus.iter().map(wording).collect();
    let stood_on: Vec<Vec<&Dispute>> = consensus
        .iter()
        .map(|item| disputes_stood_on(item, disputes))
        .collect();
    independent
        .iter()
        .enumerate()
        .filter_map(|(idx, own_group)| {
            let n_others = groups.len() - 1;
            if n_others < MIN_OTHERS {
                return None;
            }
            let mut missing: Vec<BlindSpot> = consensus
                .iter()
                .zip(&stated_by)
                .zip(&wordings)
                .zip(&stood_on)
                .filter(|(((_, groups), shown), stood_on)| {
                    let is_own = |source: usize| {
                        source.checked_sub(1).and_then(|idx| independent.get(idx))
                            == Some(own_group)
                    };
                    !groups.contains(own_group)
                        && groups.len() * 2 > n_others
                        && !takes_a_side(stood_on, is_own)
                        && !shown.is_some_and(|shown| {
                            told_on_its_day(shown, timeline, |source, day| {
                                is_own(source) && published_well_after(story, source, day)
                            })
                        })
                })
                .filter_map(|(((_, groups), shown), _)| {
                    let mut citation = (*shown)?.clone();
                    crate::consensus::readable_alone(story, &mut citation);
                    Some(BlindSpot {
                        n_independent: groups.len(),
                        n_others,
                        citation,
                    })
                })
                .collect();
            // Stable: equally wide statements keep the consensus order.
            missing.sort_by_key(|spot| std::cmp::Reverse(spot.n_independent));
            // A clause's statement worded by the sentence that another statement's wording
            // also comes from says it again: the wider statement is listed alone.
            let mut listed: Vec<BlindSpot> = Vec::with_capacity(MAX_PER_SOURCE);
            for spot in missing {
                let overlaps = |other: &BlindSpot| spot.citation.overlaps(&other.citation);
                if listed.len() < MAX_PER_SOURCE && !listed.iter().any(overlaps) {
                    listed.push(spot);
                }
            }
            let missing = listed;
            (!missing.is_empty()).then_some(BlindSpots {
                source: idx + 1,
                missing,
            })
        })
        .collect()
}

/// Whether source `source` (numbered from 1) was published at least
/// [`MIN_DAYS_BEFORE_PUBLICATION`] days after `day`.
fn published_well_after(story: &Story, source: usize, day: NaiveDate) -> bool {
    source
        .checked_sub(1)
        .and_then(|idx| story.articles.get(idx))
        .and_then(|annotated| annotated.article.published)
        .is_some_and(|published| (published - day).num_days() >= MIN_DAYS_BEFORE_PUBLICATION)
}

/// The disputes a citation of `item` stands on: it overlaps a citation of one of their sides.
fn disputes_stood_on<'d>(item: &ConsensusItem, disputes: &'d [Dispute]) -> Vec<&'d Dispute> {
    disputes
        .iter()
        .filter(|dispute| {
            cited(dispute).any(|citation| {
                item.citations
                    .iter()
                    .any(|stated| stated.overlaps(citation))
            })
        })
        .collect()
}

/// Whether a source `is_own` accepts cites a side of one of the disputes `stood_on`.
fn takes_a_side(stood_on: &[&Dispute], is_own: impl Fn(usize) -> bool) -> bool {
    stood_on
        .iter()
        .any(|dispute| cited(dispute).any(|citation| is_own(citation.source)))
}

/// The citations of every side of `dispute`.
fn cited(dispute: &Dispute) -> impl Iterator<Item = &Citation> {
    dispute.sides.iter().flat_map(|side| &side.citations)
}

/// Whether a source tells the event of a statement on its calendar day: a timeline event of a
/// single day holds the statement's `shown` wording ([`wording`]) and a sentence of a source
/// that `tells` accepts for that day. Another citation of the statement will not do: a
/// statement worded without a day may be grouped with a sentence that gives one for something
/// else.
fn told_on_its_day(
    shown: &Citation,
    timeline: &[TimelineEvent],
    tells: impl Fn(usize, NaiveDate) -> bool,
) -> bool {
    // A wording that gives several dates ("will meet again on March 17, the ministry said late
    // on Monday") tells no one day's event.
    let mut dates_shown = timeline
        .iter()
        .flat_map(|event| &event.mentions)
        .filter(|mention| shown.overlaps(&mention.citation))
        .map(|mention| mention.date.as_str());
    let Some(first_date) = dates_shown.next() else {
        return false;
    };
    if dates_shown.any(|date| date != first_date) {
        return false;
    }
    timeline.iter().any(|event| {
        let Some((day, last)) = crate::timeline::days(&event.date) else {
            return false;
        };
        // Each side gives the day itself: an event whose sources dispute its date merges
        // mentions of other days.
        let of_the_day = |mention: &&parallax_model::TimelineMention| mention.date == event.date;
        day == last
            && event
                .mentions
                .iter()
                .filter(of_the_day)
                .any(|mention| tells(mention.citation.source, day))
            && event
                .mentions
                .iter()
                .filter(of_the_day)
                .any(|mention| shown.overlaps(&mention.citation))
    })
}

/// The wording of a statement shown: one that does not cut a quotation off before one that
/// does, then one that is not a direct quote, then the shortest.
fn wording(item: &ConsensusItem) -> Option<&Citation> {
    item.citations.iter().min_by_key(|citation| {
        let text = &citation.text;
        (
            !closes_its_quotes(text),
            text.starts_with(['"', '\u{201c}', '\u{ab}', '\u{201e}']),
            text.chars().count(),
        )
    })
}

/// Whether every quotation `text` opens it also closes: a clause cut out of a sentence may end
/// inside one ("… called the arrangement “highly unusual").
fn closes_its_quotes(text: &str) -> bool {
    let count = |mark: char| text.chars().filter(|&c| c == mark).count();
    count('\u{201c}') == count('\u{201d}') && count('"') % 2 == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Annotated, Article, ArticleId, Origin, Span};

    fn citation(source: usize, text: &str) -> Citation {
        Citation {
            source,
            span: Span::new(ArticleId(source.to_string()), 0, text.len()),
            text: text.to_string(),
        }
    }

    fn citation_at(source: usize, start: usize, text: &str) -> Citation {
        Citation {
            span: Span::new(ArticleId(source.to_string()), start, start + text.len()),
            ..citation(source, text)
        }
    }

    /// A story of `n` undated articles.
    fn story_of(n: usize) -> Story {
        Story::new(
            (0..n)
                .map(|idx| {
                    Annotated::new(Article::new(
                        Origin::File(format!("{idx}.txt")),
                        format!("Article {idx}."),
                    ))
                })
                .collect(),
        )
    }

    #[test]
    fn a_clause_of_a_listed_wording_is_not_listed_again_nor_one_cut_inside_a_quote() {
        let story = story_of(3);
        let sentence = "The mayor called the plan \u{201c}reckless\u{201d} on Monday.";
        let consensus = vec![
            ConsensusItem {
                n_articles: 2,
                n_independent: 2,
                citations: vec![
                    citation_at(2, 100, sentence),
                    citation(
                        3,
                        "On Monday the mayor said the plan was reckless, and more.",
                    ),
                ],
                in_clauses: false,
            },
            ConsensusItem {
                n_articles: 2,
                n_independent: 2,
                citations: vec![
                    citation_at(2, 100, "The mayor called the plan \u{201c}reckless"),
                    citation(3, "the mayor said the plan was reckless"),
                ],
                in_clauses: true,
            },
        ];
        let listed = |consensus: &[ConsensusItem]| -> Vec<Vec<String>> {
            blind_spots(&story, consensus, &[], &[])
                .into_iter()
                .map(|spots| {
                    spots
                        .missing
                        .into_iter()
                        .map(|spot| spot.citation.text)
                        .collect()
                })
                .collect()
        };
        // Source 2's clause cuts the quotation off: the clause is worded by source 3.
        assert_eq!(
            listed(&consensus),
            [[sentence, "the mayor said the plan was reckless"]]
        );
        // Worded by source 2, the clause is part of the sentence already listed.
        let mut consensus = consensus;
        consensus[1].citations[0] = citation_at(2, 100, "The mayor called the plan");
        assert_eq!(listed(&consensus), [[sentence]]);
    }

    #[test]
    fn statements_most_others_make_are_blind_spots() {
        let story = story_of(4);
        let consensus = vec![
            ConsensusItem {
                n_articles: 3,
                n_independent: 3,
                citations: vec![
                    citation(1, "The ferry sank at noon."),
                    citation(2, "At noon the ferry went down."),
                    citation(3, "The ferry sank at about noon."),
                ],
                in_clauses: false,
            },
            ConsensusItem {
                n_articles: 2,
                n_independent: 2,
                citations: vec![
                    citation(1, "Nine were rescued."),
                    citation(2, "Nine survived."),
                ],
                in_clauses: false,
            },
        ];
        let found: Vec<(usize, Vec<(usize, String)>)> = blind_spots(&story, &consensus, &[], &[])
            .into_iter()
            .map(|spots| {
                (
                    spots.source,
                    spots
                        .missing
                        .into_iter()
                        .map(|spot| (spot.n_independent, spot.citation.text))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (3, vec![(2, "Nine survived.".to_string())]),
                (
                    4,
                    vec![
                        (3, "The ferry sank at noon.".to_string()),
                        (2, "Nine survived.".to_string())
                    ]
                ),
            ]
        );
    }

    #[test]
    fn a_source_telling_the_event_of_the_day_in_other_words_does_not_leave_it_out() {
        let published = |day: u32| chrono::NaiveDate::from_ymd_opt(2030, 5, day);
        let story = |last_published: u32| {
            Story::new(
                (0..4)
                    .map(|idx| {
                        let mut article = Article::new(
                            Origin::File(format!("{idx}.txt")),
                            format!("Article {idx}."),
                        );
                        article.published = published(if idx == 3 { last_published } else { 10 });
                        Annotated::new(article)
                    })
                    .collect(),
            )
        };
        let sank = "The ferry sank off Velmar on May 2.";
        let consensus = vec![ConsensusItem {
            n_articles: 3,
            n_independent: 3,
            citations: vec![
                citation(1, sank),
                citation(2, "On May 2 the ferry sank off Velmar."),
                citation(3, "The ferry sank off Velmar on May 2, officials said."),
            ],
            in_clauses: false,
        }];
        let mention = |source: usize, date: &str, text: &str| parallax_model::TimelineMention {
            date: date.to_string(),
            expression: "on May 2".to_string(),
            year_inferred: false,
            citation: citation(source, text),
        };
        let event = |date: &str, mentions: Vec<parallax_model::TimelineMention>| TimelineEvent {
            date: date.to_string(),
            disputed: false,
            mentions,
        };
        let went_down = "The harbour pilots' boat went down on May 2 in a storm.";
        let timeline = vec![event(
            "2030-05-02",
            vec![
                mention(1, "2030-05-02", sank),
                mention(4, "2030-05-02", went_down),
            ],
        )];
        let n_listed = |story: &Story, timeline: &[TimelineEvent]| {
            blind_spots(story, &consensus, timeline, &[])
                .iter()
                .map(|spots| spots.missing.len())
                .sum::<usize>()
        };
        assert_eq!(n_listed(&story(10), &[]), 1);
        assert_eq!(n_listed(&story(10), &timeline), 0);
        // On the days of the news one source tells many things of the same day.
        assert_eq!(n_listed(&story(3), &timeline), 1);
        // Nor does a day of a wording that gives two days count.
        let two_days = vec![
            timeline[0].clone(),
            event("2030-05-01", vec![mention(1, "2030-05-01", sank)]),
        ];
        assert_eq!(n_listed(&story(10), &two_days), 1);
    }

    #[test]
    fn a_source_taking_a_side_in_a_dispute_over_a_statement_does_not_leave_it_out() {
        let story = story_of(4);
        let consensus = vec![ConsensusItem {
            n_articles: 3,
            n_independent: 3,
            citations: vec![
                citation(1, "About 400 pilots are on strike."),
                citation(2, "Some 400 pilots have walked out."),
                citation(3, "About 400 pilots are on strike, the union said."),
            ],
            in_clauses: false,
        }];
        let side = |value: &str, citations: Vec<Citation>| parallax_model::DisputeSide {
            value: value.to_string(),
            compatible_with: Vec::new(),
            citations,
        };
        let disputes = vec![Dispute {
            slot: "pilots".to_string(),
            kind: parallax_model::DisputeKind::Quantity,
            sides: vec![
                side(
                    "About 400 pilots",
                    vec![citation(1, "About 400 pilots are on strike.")],
                ),
                side(
                    "fewer than 100 pilots",
                    vec![citation(4, "Fewer than 100 pilots have joined.")],
                ),
            ],
        }];
        let n_listed = |disputes: &[Dispute]| {
            blind_spots(&story, &consensus, &[], disputes)
                .iter()
                .map(|spots| spots.missing.len())
                .sum::<usize>()
        };
        assert_eq!(n_listed(&[]), 1);
        assert_eq!(n_listed(&disputes), 0);
    }
}
