//! TextRank centrality (Mihalcea & Tarau 2004) of the story's sentences for the summary: a
//! roundup of several sources is mostly what many of their sentences say.
//!
//! Sentences are nodes; two sentences sharing a content term are joined by an edge weighing
//! the terms they share over the sum of the logarithms of their numbers of terms. The graph of
//! the whole story is built once per brief ([`Graph::new`]); the summary of a subset of sources
//! (a side's reading) ranks the part of it between those sources' sentences
//! ([`Graph::centrality`]), which is the graph those sentences alone would make.
//!
//! The graph costs the square of the sentences (a story of 100 articles has over a million
//! edges), so it is kept as flat arrays, and PageRank adds up several rows at once: each row's
//! sum is still added in the order of its neighbours, so the ranks are the same to the last bit
//! as over a dense matrix.

use parallax_model::{ArticleId, Story};
use std::collections::{HashMap, HashSet};

/// Sentences of one article that enter the graph. The graph costs the square of its size (a
/// page of thousands of near-identical paragraphs made it run for minutes), news puts what
/// matters first, and the summary's position prior already discounts later sentences; the rest
/// get no centrality.
const MAX_SENTENCES_PER_ARTICLE: usize = 80;
/// PageRank's damping factor, as TextRank and LexRank use it.
const DAMPING: f64 = 0.85;
/// PageRank iterations: enough to settle on graphs of a story's size.
const PAGE_RANK_ITERATIONS: usize = 30;
/// Rows of the graph PageRank adds up at once: independent sums keep the processor busy while
/// each waits on its previous addition.
const ROWS_AT_ONCE: usize = 4;

/// The sentence graph of a story.
pub(crate) struct Graph {
    /// Each node's source (citation number, from 1), article id and sentence start, in article
    /// and sentence order.
    nodes: Vec<(usize, ArticleId, usize)>,
    /// Where each node's edges start in `neighbours` and `weights`; one more entry for the end.
    row_starts: Vec<usize>,
    /// Each edge's other node, ascending within a row.
    neighbours: Vec<u32>,
    /// Each edge's weight.
    weights: Vec<f64>,
}

impl Graph {
    /// The graph of the first [`MAX_SENTENCES_PER_ARTICLE`] sentences of each article of
    /// `story`; `sentence_terms` gives each article's sentences' content terms as ids, sorted
    /// and deduplicated, and `n_terms` bounds the ids.
    pub(crate) fn new(story: &Story, sentence_terms: &[Vec<&[u32]>], n_terms: usize) -> Graph {
        let mut nodes = Vec::new();
        let mut node_terms: Vec<&[u32]> = Vec::new();
        for (idx, (annotated, terms)) in story.articles.iter().zip(sentence_terms).enumerate() {
            for (sentence, terms) in annotated
                .sentences
                .iter()
                .zip(terms)
                .take(MAX_SENTENCES_PER_ARTICLE)
            {
                nodes.push((idx + 1, annotated.article.id.clone(), sentence.range.start));
                node_terms.push(terms);
            }
        }
        let n = nodes.len();
        // Edges come from an index of the sentences each term appears in, so sentences sharing
        // no term are never compared.
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
        for (node, terms) in node_terms.iter().enumerate() {
            for &term in *terms {
                postings[term as usize].push(node as u32);
            }
        }
        let ln_n_terms: Vec<f64> = node_terms
            .iter()
            .map(|terms| (terms.len() as f64).ln())
            .collect();
        // The edges to later nodes, row by row.
        let mut later_starts = vec![0];
        let mut later: Vec<(u32, f64)> = Vec::new();
        let mut n_earlier = vec![0_usize; n];
        let mut shared = vec![0_u32; n];
        let mut touched: Vec<u32> = Vec::new();
        for a in 0..n {
            if node_terms[a].len() >= 2 {
                for &term in node_terms[a] {
                    let posting = &postings[term as usize];
                    // Postings are in node order: the nodes after `a` are a tail.
                    for &b in &posting[posting.partition_point(|&b| b as usize <= a)..] {
                        if shared[b as usize] == 0 {
                            touched.push(b);
                        }
                        shared[b as usize] += 1;
                    }
                }
                touched.sort_unstable();
                for &b in &touched {
                    let b_idx = b as usize;
                    if node_terms[b_idx].len() >= 2 {
                        let similarity =
                            f64::from(shared[b_idx]) / (ln_n_terms[a] + ln_n_terms[b_idx]);
                        later.push((b, similarity));
                        n_earlier[b_idx] += 1;
                    }
                    shared[b_idx] = 0;
                }
                touched.clear();
            }
            later_starts.push(later.len());
        }
        // Each row is its edges to earlier nodes, then to later ones, both ascending.
        let mut row_starts = Vec::with_capacity(n + 1);
        row_starts.push(0);
        for a in 0..n {
            let n_later = later_starts[a + 1] - later_starts[a];
            row_starts.push(row_starts[a] + n_earlier[a] + n_later);
        }
        let n_edges = row_starts[n];
        let mut neighbours = vec![0_u32; n_edges];
        let mut weights = vec![0.0; n_edges];
        let mut filled: Vec<usize> = row_starts[..n].to_vec();
        for a in 0..n {
            for &(b, similarity) in &later[later_starts[a]..later_starts[a + 1]] {
                let slot = filled[b as usize];
                neighbours[slot] = a as u32;
                weights[slot] = similarity;
                filled[b as usize] += 1;
            }
            let row_later = &later[later_starts[a]..later_starts[a + 1]];
            let start = row_starts[a] + n_earlier[a];
            for (offset, &(b, similarity)) in row_later.iter().enumerate() {
                neighbours[start + offset] = b;
                weights[start + offset] = similarity;
            }
        }
        Graph {
            nodes,
            row_starts,
            neighbours,
            weights,
        }
    }

    /// The centrality of every sentence of the sources in `selected` (citation numbers) among
    /// those sources' sentences, by (article id, start), scaled so the most central is 1.
    pub(crate) fn centrality(&self, selected: &HashSet<usize>) -> HashMap<(ArticleId, usize), f64> {
        // The rows of the selected nodes, renumbered, keeping only edges between them.
        let mut renumbered: Vec<Option<u32>> = vec![None; self.nodes.len()];
        let mut kept: Vec<usize> = Vec::new();
        for (node, (source, _, _)) in self.nodes.iter().enumerate() {
            if selected.contains(source) {
                renumbered[node] = Some(kept.len() as u32);
                kept.push(node);
            }
        }
        let n = kept.len();
        // The selected part of the graph: every node's edges to other selected nodes, as
        // (index in `self`'s edges, other node renumbered). With every node selected, it is
        // the whole graph and is read in place.
        let (row_starts, edges): (Vec<usize>, Vec<(usize, u32)>) = if n == self.nodes.len() {
            (Vec::new(), Vec::new())
        } else {
            let mut row_starts = Vec::with_capacity(n + 1);
            row_starts.push(0);
            let mut edges = Vec::new();
            for &node in &kept {
                for edge in self.row_starts[node]..self.row_starts[node + 1] {
                    if let Some(other) = renumbered[self.neighbours[edge] as usize] {
                        edges.push((edge, other));
                    }
                }
                row_starts.push(edges.len());
            }
            (row_starts, edges)
        };
        let whole = n == self.nodes.len();
        let row_starts = if whole { &self.row_starts } else { &row_starts };
        let edge = |idx: usize| -> (f64, u32) {
            if whole {
                (self.weights[idx], self.neighbours[idx])
            } else {
                let (edge, other) = edges[idx];
                (self.weights[edge], other)
            }
        };
        let n_edges = row_starts[n];
        let out_weights: Vec<f64> = (0..n)
            .map(|node| {
                (row_starts[node]..row_starts[node + 1])
                    .map(|idx| edge(idx).0)
                    .sum()
            })
            .collect();
        // Each edge's weight over its source's out-weight, once rather than every iteration.
        // Every node with an edge has an out-weight above 0, so no edge is left out.
        let mut neighbours: Vec<u32> = Vec::with_capacity(n_edges);
        let mut shares: Vec<f64> = Vec::with_capacity(n_edges);
        for idx in 0..n_edges {
            let (weight, other) = edge(idx);
            neighbours.push(other);
            shares.push(weight / out_weights[other as usize]);
        }
        let mut rank = vec![1.0; n];
        let mut next = vec![0.0; n];
        let row = |node: usize| row_starts[node]..row_starts[node + 1];
        for _ in 0..PAGE_RANK_ITERATIONS {
            let mut first = 0;
            while first + ROWS_AT_ONCE <= n {
                let rows = std::array::from_fn(|offset| row(first + offset));
                let sums = inflows(&rows, &neighbours, &shares, &rank);
                for (value, inflow) in next[first..first + ROWS_AT_ONCE].iter_mut().zip(sums) {
                    *value = 1.0 - DAMPING + DAMPING * inflow;
                }
                first += ROWS_AT_ONCE;
            }
            for (node, value) in next.iter_mut().enumerate().skip(first) {
                let inflow: f64 = row(node)
                    .map(|edge| shares[edge] * rank[neighbours[edge] as usize])
                    .sum();
                *value = 1.0 - DAMPING + DAMPING * inflow;
            }
            std::mem::swap(&mut rank, &mut next);
        }
        let highest = rank.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
        kept.into_iter()
            .zip(rank)
            .map(|(node, score)| {
                let (_, id, start) = &self.nodes[node];
                ((id.clone(), *start), score / highest)
            })
            .collect()
    }
}

/// The sums of `shares` times `rank` of the other nodes over each of `rows`, each added in its
/// row's order (as `Iterator::sum` over the row would), the rows side by side.
fn inflows(
    rows: &[std::ops::Range<usize>; ROWS_AT_ONCE],
    neighbours: &[u32],
    shares: &[f64],
    rank: &[f64],
) -> [f64; ROWS_AT_ONCE] {
    let mut sums = [-0.0; ROWS_AT_ONCE];
    let shortest = rows.iter().map(ExactSizeIterator::len).min().unwrap_or(0);
    let term = |edge: usize| shares[edge] * rank[neighbours[edge] as usize];
    for offset in 0..shortest {
        for (sum, row) in sums.iter_mut().zip(rows) {
            *sum += term(row.start + offset);
        }
    }
    for (sum, row) in sums.iter_mut().zip(rows) {
        for edge in row.start + shortest..row.end {
            *sum += term(edge);
        }
    }
    sums
}

#[cfg(test)]
mod tests {
    use crate::corpus::Corpus;
    use parallax_model::{Annotated, Article, Origin, Sentence, Story};
    use std::collections::HashSet;

    fn article(name: &str, sentences: &[&str]) -> Annotated {
        let text = sentences.join(" ");
        let mut annotated = Annotated::new(Article::new(Origin::File(name.into()), text));
        let mut start = 0;
        for sentence in sentences {
            annotated.sentences.push(Sentence {
                range: start..start + sentence.len(),
                paragraph: 0,
            });
            start += sentence.len() + 1;
        }
        annotated
    }

    #[test]
    fn a_subset_ranks_as_its_own_graph_would() {
        let articles = [
            article(
                "a.txt",
                &[
                    "Dock workers walked out at the port on Monday.",
                    "The port authority closed two berths.",
                ],
            ),
            article(
                "b.txt",
                &["Ferries to the islands stopped as dock workers struck."],
            ),
            article(
                "c.txt",
                &[
                    "The strike at the port entered its second day.",
                    "Dock workers want better pay at the port.",
                ],
            ),
        ];
        let story = Story::new(articles.to_vec());
        let subset = Story::new(vec![articles[0].clone(), articles[2].clone()]);
        let of_subset = Corpus::new(&story).graph.centrality(&HashSet::from([1, 3]));
        let own = Corpus::new(&subset)
            .graph
            .centrality(&HashSet::from([1, 2]));
        assert_eq!(of_subset.len(), 4);
        assert_eq!(of_subset, own);
    }
}
