//! Consensus: what several articles say, each in its own words.
//!
//! Sentences of different articles are compared by the IDF-weighted overlap of their content
//! terms (weighted Jaccard). Pairs above [`Config::min_similarity`] are merged greedily, most
//! similar first, into groups that never hold two sentences of the same article; a group that
//! spans two or more independent articles is a consensus item: a near-duplicate and the article
//! it re-publishes count as one source of evidence. Greedy merging under that constraint avoids
//! the chaining of plain connected components, where one vague sentence glues unrelated groups.

use crate::Config;
use crate::matching::{Matches, SentenceTerms};
use parallax_model::{Citation, ConsensusItem, Span, Story};

/// The consensus items of `story`, most widely stated first.
pub fn consensus(story: &Story, config: &Config) -> Vec<ConsensusItem> {
    consensus_from(story, &Matches::new(story, config))
}

/// [`consensus`] from matches already made.
pub(crate) fn consensus_from(story: &Story, matches: &Matches) -> Vec<ConsensusItem> {
    let (sentences, idf) = (&matches.sentences, &matches.idf);
    let groups = matches.group(|_, _| true);
    let independent = independent_sources(story);
    let mut items: Vec<(f64, ConsensusItem)> = groups
        .into_iter()
        .filter(|members| members.len() >= 2)
        .map(|members| {
            let weight: f64 = members
                .iter()
                .flat_map(|&member| &sentences[member].terms)
                .map(|&term| idf[term as usize])
                .sum::<f64>()
                / members.len() as f64;
            let mut citations: Vec<Citation> = members
                .iter()
                .map(|&member| citation(story, &sentences[member]))
                .collect();
            citations.sort_by_key(|citation| (citation.source, citation.span.start));
            let n_independent = citations
                .iter()
                .map(|citation| independent[citation.source - 1])
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            let item = ConsensusItem {
                n_articles: citations.len(),
                n_independent,
                citations,
            };
            (weight, item)
        })
        .filter(|(_, item)| item.n_independent >= 2)
        .collect();
    items.sort_by(|(weight_a, a), (weight_b, b)| {
        b.n_independent
            .cmp(&a.n_independent)
            .then(b.n_articles.cmp(&a.n_articles))
            .then(weight_b.total_cmp(weight_a))
            .then_with(|| first_position(a).cmp(&first_position(b)))
    });
    items.into_iter().map(|(_, item)| item).collect()
}

/// For each article, the index of the article it re-publishes, or its own index: articles with
/// the same value are one source of evidence.
pub(crate) fn independent_sources(story: &Story) -> Vec<usize> {
    story
        .articles
        .iter()
        .enumerate()
        .map(|(idx, annotated)| {
            annotated
                .article
                .duplicate_of
                .as_ref()
                .and_then(|original| {
                    story
                        .articles
                        .iter()
                        .position(|other| other.article.id == *original)
                })
                .unwrap_or(idx)
        })
        .collect()
}

fn first_position(item: &ConsensusItem) -> (usize, usize) {
    item.citations.first().map_or((usize::MAX, 0), |citation| {
        (citation.source, citation.span.start)
    })
}

pub(crate) fn citation(story: &Story, sentence: &SentenceTerms) -> Citation {
    let annotated = &story.articles[sentence.article_idx];
    let range = annotated.sentences[sentence.sentence_idx].range.clone();
    Citation {
        source: sentence.article_idx + 1,
        span: Span::new(annotated.article.id.clone(), range.start, range.end),
        text: annotated.article.text[range].to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Annotated, Article, Origin};

    fn story(articles: &[&[&str]]) -> Story {
        Story::new(
            articles
                .iter()
                .enumerate()
                .map(|(idx, sentences)| {
                    let text = sentences.join(" ");
                    let mut annotated =
                        Annotated::new(Article::new(Origin::File(format!("{idx}.txt")), text));
                    let mut start = 0;
                    for sentence in *sentences {
                        annotated.sentences.push(parallax_model::Sentence {
                            range: start..start + sentence.len(),
                            paragraph: 0,
                        });
                        start += sentence.len() + 1;
                    }
                    annotated
                })
                .collect(),
        )
    }

    fn check(articles: &[&[&str]], expected: &[&[usize]]) {
        let items = consensus(&story(articles), &Config::new());
        let found: Vec<Vec<usize>> = items
            .iter()
            .map(|item| item.citations.iter().map(|c| c.source).collect())
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn paraphrases_group_and_unrelated_sentences_do_not() {
        check(
            &[
                &[
                    "Dock workers in Porto Vell walked out on Monday over pay.",
                    "The weather was mild.",
                ],
                &["On Monday, dock workers in Porto Vell walked out demanding better pay."],
                &["Ferry services to the islands were cancelled for the week."],
            ],
            &[&[1, 2]],
        );
    }

    #[test]
    fn a_group_never_holds_two_sentences_of_one_article() {
        check(
            &[
                &[
                    "Harbor pilots in Porto Vell joined the strike on Monday.",
                    "Harbor pilots in Porto Vell joined the strike on Monday evening.",
                ],
                &["Harbor pilots in Porto Vell joined the strike on Monday."],
            ],
            &[&[1, 2]],
        );
    }

    #[test]
    fn larger_groups_come_first() {
        check(
            &[
                &[
                    "Minister Lund met union leaders for forty minutes.",
                    "The port authority closed berth seven after the fire.",
                ],
                &[
                    "The port authority closed berth seven after the fire.",
                    "Minister Lund met union leaders for forty minutes on Tuesday.",
                ],
                &["Union leaders met Minister Lund for forty minutes."],
            ],
            &[&[1, 2, 3], &[1, 2]],
        );
    }
}
