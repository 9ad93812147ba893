//! Unsupervised extractive baselines the Parallax summary is compared with, each a ranking of the
//! story's sentences: Lead, LexRank, TextRank, Centroid, and a greedy ROUGE oracle (an upper
//! bound, since it reads the reference).
//!
//! They work on the same sentences as Parallax (the annotate stage's) with the same content terms
//! (`parallax_text::Terms`: lowercased, stopwords removed, stemmed); term weights are tf-idf with
//! the story's sentences as the documents, as sumy computes them for one input.

use super::rouge;
use std::collections::{BTreeMap, HashMap};

/// One sentence of a story, with what the baselines read of it.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Index of its article in the story.
    pub(crate) article: usize,
    /// Its position among its article's sentences, from 0.
    pub(crate) position: usize,
    /// The sentence.
    pub(crate) text: String,
    /// Its content terms, repeats kept, in text order.
    pub(crate) terms: Vec<String>,
}

/// The baselines, by the name the report gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Baseline {
    /// First sentences of the articles, interleaved: every article's first, then every
    /// article's second, in story order.
    Lead,
    /// Erkan & Radev 2004: PageRank over the graph of tf-idf cosine similarities above 0.1.
    LexRank,
    /// Mihalcea & Tarau 2004: PageRank over word-overlap similarity normalised by log lengths.
    TextRank,
    /// Radev et al. 2004: cosine similarity to the tf-idf centroid of the story.
    Centroid,
}

impl Baseline {
    /// Every baseline, in report order.
    pub(crate) const ALL: [Baseline; 4] = [
        Baseline::Lead,
        Baseline::LexRank,
        Baseline::TextRank,
        Baseline::Centroid,
    ];

    /// The name in the report and in the metrics.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Baseline::Lead => "lead",
            Baseline::LexRank => "lexrank",
            Baseline::TextRank => "textrank",
            Baseline::Centroid => "centroid",
        }
    }

    /// Indices of `units`, best first.
    pub(crate) fn rank(self, units: &[Unit]) -> Vec<usize> {
        let scores = match self {
            Baseline::Lead => {
                let mut order: Vec<usize> = (0..units.len()).collect();
                order.sort_by_key(|&idx| (units[idx].position, units[idx].article));
                return order;
            }
            Baseline::LexRank => {
                let vectors = tf_idf(units);
                let graph = pairwise(units.len(), |a, b| {
                    if cosine(&vectors[a], &vectors[b]) > LEXRANK_THRESHOLD {
                        1.0
                    } else {
                        0.0
                    }
                });
                page_rank(&graph)
            }
            Baseline::TextRank => {
                let graph = pairwise(units.len(), |a, b| {
                    text_rank_similarity(&units[a].terms, &units[b].terms)
                });
                page_rank(&graph)
            }
            Baseline::Centroid => {
                let vectors = tf_idf(units);
                let mut centroid: BTreeMap<&str, f64> = BTreeMap::new();
                for vector in &vectors {
                    for (term, weight) in vector {
                        *centroid.entry(term).or_insert(0.0) += weight;
                    }
                }
                vectors
                    .iter()
                    .map(|vector| cosine(vector, &centroid))
                    .collect()
            }
        };
        by_score(&scores)
    }
}

/// LexRank's edge threshold, from the paper.
const LEXRANK_THRESHOLD: f64 = 0.1;
/// PageRank's damping factor, as both graph papers use it.
const DAMPING: f64 = 0.85;

/// Indices sorted by score, highest first; ties by index (story order).
pub(crate) fn by_score(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// The tf-idf vector of each unit, keyed in term order: the sums over them must not depend on
/// a hash map's order, or ties between sentences would break differently from run to run.
fn tf_idf(units: &[Unit]) -> Vec<BTreeMap<&str, f64>> {
    let mut document_frequency: HashMap<&str, usize> = HashMap::new();
    for unit in units {
        let mut terms: Vec<&str> = unit.terms.iter().map(String::as_str).collect();
        terms.sort_unstable();
        terms.dedup();
        for term in terms {
            *document_frequency.entry(term).or_insert(0) += 1;
        }
    }
    let n_units = units.len() as f64;
    units
        .iter()
        .map(|unit| {
            let mut vector: BTreeMap<&str, f64> = BTreeMap::new();
            for term in &unit.terms {
                *vector.entry(term.as_str()).or_insert(0.0) += 1.0;
            }
            for (term, weight) in &mut vector {
                let df = document_frequency.get(term).copied().unwrap_or(1) as f64;
                *weight *= (1.0 + n_units / df).ln();
            }
            vector
        })
        .collect()
}

fn cosine(a: &BTreeMap<&str, f64>, b: &BTreeMap<&str, f64>) -> f64 {
    let dot: f64 = a
        .iter()
        .filter_map(|(term, weight)| b.get(term).map(|other| weight * other))
        .sum();
    let norm = |vector: &BTreeMap<&str, f64>| vector.values().map(|w| w * w).sum::<f64>().sqrt();
    let norms = norm(a) * norm(b);
    if norms > 0.0 { dot / norms } else { 0.0 }
}

fn text_rank_similarity(a: &[String], b: &[String]) -> f64 {
    let mut a_terms: Vec<&String> = a.iter().collect();
    a_terms.sort_unstable();
    a_terms.dedup();
    let shared = a_terms.iter().filter(|term| b.contains(term)).count() as f64;
    let norm = (a.len() as f64).ln() + (b.len() as f64).ln();
    if shared > 0.0 && norm > 0.0 {
        shared / norm
    } else {
        0.0
    }
}

/// The symmetric weight matrix of `n` nodes, no self-loops.
fn pairwise(n: usize, weight: impl Fn(usize, usize) -> f64) -> Vec<Vec<f64>> {
    (0..n)
        .map(|a| {
            (0..n)
                .map(|b| match a.cmp(&b) {
                    std::cmp::Ordering::Less => weight(a, b),
                    std::cmp::Ordering::Greater => weight(b, a),
                    std::cmp::Ordering::Equal => 0.0,
                })
                .collect()
        })
        .collect()
}

/// Weighted PageRank by power iteration; a node without edges keeps the teleport share.
fn page_rank(graph: &[Vec<f64>]) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let out_weight: Vec<f64> = graph.iter().map(|row| row.iter().sum()).collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..100 {
        let next: Vec<f64> = (0..n)
            .map(|node| {
                let incoming: f64 = (0..n)
                    .filter(|&other| out_weight[other] > 0.0)
                    .map(|other| graph[other][node] / out_weight[other] * rank[other])
                    .sum();
                (1.0 - DAMPING) / n as f64 + DAMPING * incoming
            })
            .collect();
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if change < 1e-9 {
            break;
        }
    }
    rank
}

/// Sentences in `ranked` order until they hold `max_words` words; the caller cuts the last one
/// at the cap ([`cut`]).
pub(crate) fn fill(ranked: &[usize], n_words: &[usize], max_words: usize) -> Vec<usize> {
    let mut chosen = Vec::new();
    let mut total = 0;
    for &idx in ranked {
        if total >= max_words {
            break;
        }
        total += n_words[idx];
        chosen.push(idx);
    }
    chosen
}

/// The first `max_words` words of `text` (separated by whitespace), the rest dropped: the length
/// rule every method's summary is scored under.
pub(crate) fn cut(text: &str, max_words: usize) -> String {
    text.split_whitespace()
        .take(max_words)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The greedy oracle: adds, one at a time, the sentence that raises ROUGE-1 + ROUGE-2 F1 of the
/// summary cut at `max_words` words against `reference` the most, until none raises it or the
/// summary is full.
pub(crate) fn oracle(units: &[Unit], reference: &[String], max_words: usize) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut summary = String::new();
    let mut best = 0.0;
    while summary.split_whitespace().count() < max_words {
        let mut best_next: Option<(f64, usize, String)> = None;
        for (idx, unit) in units.iter().enumerate() {
            if chosen.contains(&idx) {
                continue;
            }
            let candidate = cut(&format!("{summary} {}", unit.text), max_words);
            let scored = rouge::score_tokens(reference, &rouge::tokens(&candidate));
            let gain = scored.rouge1.f1 + scored.rouge2.f1;
            if gain > best && best_next.as_ref().is_none_or(|(score, ..)| gain > *score) {
                best_next = Some((gain, idx, candidate));
            }
        }
        let Some((score, idx, candidate)) = best_next else {
            break;
        };
        best = score;
        summary = candidate;
        chosen.push(idx);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_text::Terms;

    fn units(articles: &[&[&str]]) -> Vec<Unit> {
        let terms = Terms::new(Some("en"));
        articles
            .iter()
            .enumerate()
            .flat_map(|(article, sentences)| {
                let terms = &terms;
                sentences
                    .iter()
                    .enumerate()
                    .map(move |(position, text)| Unit {
                        article,
                        position,
                        text: text.to_string(),
                        terms: terms.each(text).collect(),
                    })
            })
            .collect()
    }

    #[test]
    fn lead_interleaves_first_sentences() {
        let story = units(&[&["A one.", "A two."], &["B one.", "B two."]]);
        assert_eq!(Baseline::Lead.rank(&story), [0, 2, 1, 3]);
    }

    #[test]
    fn graph_baselines_put_the_shared_sentence_first() {
        let story = units(&[
            &[
                "The harbour strike closed the port of Velmar on Monday.",
                "Tourists enjoyed the sunny beaches nearby.",
            ],
            &["Dock workers began a strike that closed the Velmar port."],
            &["The port of Velmar stayed closed as the strike went on."],
        ]);
        for baseline in [Baseline::LexRank, Baseline::TextRank, Baseline::Centroid] {
            let ranked = baseline.rank(&story);
            assert_ne!(ranked[0], 1, "{}", baseline.name());
            assert_eq!(ranked[3], 1, "{}", baseline.name());
        }
    }

    #[test]
    fn fill_stops_once_the_cap_is_reached() {
        assert_eq!(fill(&[0, 1, 2], &[5, 10, 4], 10), [0, 1]);
        assert_eq!(cut("one two three four", 3), "one two three");
    }
}
