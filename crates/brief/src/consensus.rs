//! Consensus: what several articles say, each in its own words.
//!
//! Sentences of different articles are compared by the IDF-weighted overlap of their content
//! terms (weighted Jaccard). Pairs above [`Config::min_similarity`] are merged greedily, most
//! similar first, into groups that never hold two sentences of the same article; a group that
//! spans two or more articles is a consensus item. Greedy merging under that constraint avoids
//! the chaining of plain connected components, where one vague sentence glues unrelated groups.

use crate::Config;
use crate::terms::Terms;
use parallax_model::{Citation, ConsensusItem, Span, Story};
use std::collections::{BTreeSet, HashMap};

struct SentenceTerms {
    article_idx: usize,
    sentence_idx: usize,
    terms: Vec<u32>,
}

/// The consensus items of `story`, most widely stated first.
pub fn consensus(story: &Story, config: &Config) -> Vec<ConsensusItem> {
    let (sentences, idf) = index(story);
    let edges = similar_pairs(&sentences, &idf, config);

    let mut groups = Groups::new(&sentences);
    for (_, left, right) in edges {
        groups.merge(left, right);
    }

    let mut items: Vec<(f64, ConsensusItem)> = groups
        .members()
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
            let item = ConsensusItem {
                n_articles: citations.len(),
                citations,
            };
            (weight, item)
        })
        .collect();
    items.sort_by(|(weight_a, a), (weight_b, b)| {
        b.n_articles
            .cmp(&a.n_articles)
            .then(weight_b.total_cmp(weight_a))
            .then_with(|| first_position(a).cmp(&first_position(b)))
    });
    items.into_iter().map(|(_, item)| item).collect()
}

fn first_position(item: &ConsensusItem) -> (usize, usize) {
    item.citations.first().map_or((usize::MAX, 0), |citation| {
        (citation.source, citation.span.start)
    })
}

fn citation(story: &Story, sentence: &SentenceTerms) -> Citation {
    let annotated = &story.articles[sentence.article_idx];
    let range = annotated.sentences[sentence.sentence_idx].range.clone();
    Citation {
        source: sentence.article_idx + 1,
        span: Span::new(annotated.article.id.clone(), range.start, range.end),
        text: annotated.article.text[range].to_string(),
    }
}

/// Every sentence's terms as ids, and the inverse article frequency of each term id.
fn index(story: &Story) -> (Vec<SentenceTerms>, Vec<f64>) {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut article_frequency: Vec<usize> = Vec::new();
    let mut sentences = Vec::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let terms_of = Terms::new(annotated.article.language.as_deref());
        let mut seen_in_article = BTreeSet::new();
        for (sentence_idx, sentence) in annotated.sentences.iter().enumerate() {
            let text = annotated.sentence_text(sentence);
            let terms: Vec<u32> = terms_of
                .of(text)
                .into_iter()
                .map(|term| {
                    let next_id = vocabulary.len() as u32;
                    let id = *vocabulary.entry(term).or_insert(next_id);
                    if id as usize == article_frequency.len() {
                        article_frequency.push(0);
                    }
                    if seen_in_article.insert(id) {
                        article_frequency[id as usize] += 1;
                    }
                    id
                })
                .collect();
            let mut terms = terms;
            terms.sort_unstable();
            sentences.push(SentenceTerms {
                article_idx,
                sentence_idx,
                terms,
            });
        }
    }
    let n_articles = story.articles.len() as f64;
    let idf = article_frequency
        .iter()
        .map(|&frequency| (1.0 + n_articles / frequency as f64).ln())
        .collect();
    (sentences, idf)
}

/// Pairs of sentences from different articles that are similar enough, most similar first, ties
/// broken by position so the result is deterministic.
fn similar_pairs(
    sentences: &[SentenceTerms],
    idf: &[f64],
    config: &Config,
) -> Vec<(f64, usize, usize)> {
    // Candidates come from an inverted index, so sentences sharing no term are never compared.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); idf.len()];
    for (sentence_idx, sentence) in sentences.iter().enumerate() {
        for &term in &sentence.terms {
            postings[term as usize].push(sentence_idx);
        }
    }
    let mut pairs = Vec::new();
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for (left, sentence) in sentences.iter().enumerate() {
        shared.clear();
        for &term in &sentence.terms {
            for &right in &postings[term as usize] {
                if right > left && sentences[right].article_idx != sentence.article_idx {
                    *shared.entry(right).or_insert(0) += 1;
                }
            }
        }
        for (&right, &n_shared) in &shared {
            if n_shared < config.min_shared_terms {
                continue;
            }
            let similarity = weighted_jaccard(&sentence.terms, &sentences[right].terms, idf);
            if similarity >= config.min_similarity {
                pairs.push((similarity, left, right));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    pairs
}

fn weighted_jaccard(left: &[u32], right: &[u32], idf: &[f64]) -> f64 {
    let (mut both, mut either) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < left.len() || j < right.len() {
        match (left.get(i), right.get(j)) {
            (Some(a), Some(b)) if a == b => {
                both += idf[*a as usize];
                either += idf[*a as usize];
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a < b => {
                either += idf[*a as usize];
                i += 1;
            }
            (Some(_), Some(b)) => {
                either += idf[*b as usize];
                j += 1;
            }
            (Some(a), None) => {
                either += idf[*a as usize];
                i += 1;
            }
            (None, Some(b)) => {
                either += idf[*b as usize];
                j += 1;
            }
            (None, None) => break,
        }
    }
    if either == 0.0 { 0.0 } else { both / either }
}

/// Disjoint groups of sentences in which no article appears twice.
struct Groups {
    parent: Vec<usize>,
    articles: Vec<BTreeSet<usize>>,
}

impl Groups {
    fn new(sentences: &[SentenceTerms]) -> Groups {
        Groups {
            parent: (0..sentences.len()).collect(),
            articles: sentences
                .iter()
                .map(|sentence| BTreeSet::from([sentence.article_idx]))
                .collect(),
        }
    }

    fn root(&mut self, mut node: usize) -> usize {
        while self.parent[node] != node {
            self.parent[node] = self.parent[self.parent[node]];
            node = self.parent[node];
        }
        node
    }

    fn merge(&mut self, left: usize, right: usize) {
        let (left, right) = (self.root(left), self.root(right));
        if left == right || !self.articles[left].is_disjoint(&self.articles[right]) {
            return;
        }
        let moved = std::mem::take(&mut self.articles[right]);
        self.articles[left].extend(moved);
        self.parent[right] = left;
    }

    fn members(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
        for node in 0..self.parent.len() {
            let root = self.root(node);
            by_root.entry(root).or_default().push(node);
        }
        by_root.into_values().collect()
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
