//! Blind spots: what a source leaves out that most other independent sources state.
//!
//! A consensus statement is a blind spot of a source when the source (with its near-duplicate
//! copies, which count as the same source) does not state it and more than half of the other
//! independent sources do. A source's blind spots are ranked by how many independent sources
//! state them, and the first [`MAX_PER_SOURCE`] are kept.

use crate::consensus::independent_sources;
use parallax_model::{BlindSpot, BlindSpots, Citation, ConsensusItem, Story};
use std::collections::BTreeSet;

/// Blind spots listed per source at most.
const MAX_PER_SOURCE: usize = 5;
/// Other independent sources needed for "most others" to mean something.
const MIN_OTHERS: usize = 2;

/// The blind spots of each source of `story`, in source order; `consensus` is the brief's.
pub fn blind_spots(story: &Story, consensus: &[ConsensusItem]) -> Vec<BlindSpots> {
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
                .filter(|(_, groups)| !groups.contains(own_group) && groups.len() * 2 > n_others)
                .filter_map(|(item, groups)| {
                    let mut citation = wording(item)?.clone();
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

    #[test]
    fn a_clause_of_a_listed_wording_is_not_listed_again_nor_one_cut_inside_a_quote() {
        let story = Story::new(
            (0..3)
                .map(|idx| {
                    Annotated::new(Article::new(
                        Origin::File(format!("{idx}.txt")),
                        format!("Article {idx}."),
                    ))
                })
                .collect(),
        );
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
            blind_spots(&story, consensus)
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
        let story = Story::new(
            (0..4)
                .map(|idx| {
                    Annotated::new(Article::new(
                        Origin::File(format!("{idx}.txt")),
                        format!("Article {idx}."),
                    ))
                })
                .collect(),
        );
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
        let found: Vec<(usize, Vec<(usize, String)>)> = blind_spots(&story, &consensus)
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
}
