//! ROUGE-1, ROUGE-2 and ROUGE-L F1 as Google's `rouge-score` package computes them with
//! `use_stemmer=True`.
//!
//! Tokens: the text lowercased, every run of characters other than `a-z0-9` a separator, words
//! longer than three letters Porter-stemmed (NLTK's variant, [`super::porter`]). ROUGE-N counts
//! clipped n-gram overlap; ROUGE-L is the sentence-level variant (`rougeL`, not `rougeLsum`): one
//! longest common subsequence over the whole token sequences, newlines ignored.

use super::porter;
use std::collections::HashMap;

/// Precision, recall and F1 of one comparison.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Score {
    /// Share of the candidate's units found in the reference.
    pub precision: f64,
    /// Share of the reference's units found in the candidate.
    pub recall: f64,
    /// Harmonic mean of the two; 0 when both are 0.
    pub f1: f64,
}

impl Score {
    fn new(precision: f64, recall: f64) -> Score {
        let f1 = crate::f1(precision, recall);
        Score {
            precision,
            recall,
            f1,
        }
    }
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one candidate against one reference.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rouge {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Longest common subsequence (sentence level).
    pub rouge_l: Score,
}

/// `rouge-score`'s tokens of `text`, stemmed.
pub fn tokens(text: &str) -> Vec<String> {
    words(text)
        .map(|word| {
            if word.len() > 3 {
                porter::stem(&word)
            } else {
                word
            }
        })
        .collect()
}

/// The lowercase `a-z0-9` words of `text`, unstemmed.
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> {
    let lowered = text.to_lowercase();
    let words: Vec<String> = lowered
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect();
    words.into_iter()
}

/// Scores `candidate` against `reference`.
pub fn score(reference: &str, candidate: &str) -> Rouge {
    score_tokens(&tokens(reference), &tokens(candidate))
}

/// Scores already tokenized texts.
pub fn score_tokens(reference: &[String], candidate: &[String]) -> Rouge {
    Rouge {
        rouge1: ngram_score(reference, candidate, 1),
        rouge2: ngram_score(reference, candidate, 2),
        rouge_l: lcs_score(reference, candidate),
    }
}

fn ngram_counts(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    for ngram in tokens.windows(n) {
        *counts.entry(ngram).or_insert(0) += 1;
    }
    counts
}

/// ROUGE-`n` of tokenized texts alone: for scoring many candidates, where the cost of ROUGE-L
/// would be wasted.
pub(crate) fn ngram_score(reference: &[String], candidate: &[String], n: usize) -> Score {
    let reference_counts = ngram_counts(reference, n);
    let candidate_counts = ngram_counts(candidate, n);
    let overlap: usize = reference_counts
        .iter()
        .map(|(ngram, &count)| count.min(candidate_counts.get(ngram).copied().unwrap_or(0)))
        .sum();
    let n_reference: usize = reference_counts.values().sum();
    let n_candidate: usize = candidate_counts.values().sum();
    Score::new(
        overlap as f64 / n_candidate.max(1) as f64,
        overlap as f64 / n_reference.max(1) as f64,
    )
}

fn lcs_score(reference: &[String], candidate: &[String]) -> Score {
    if reference.is_empty() || candidate.is_empty() {
        return Score::default();
    }
    // One row of the dynamic-programming table at a time.
    let mut previous = vec![0usize; candidate.len() + 1];
    let mut current = vec![0usize; candidate.len() + 1];
    for reference_token in reference {
        for (idx, candidate_token) in candidate.iter().enumerate() {
            current[idx + 1] = if reference_token == candidate_token {
                previous[idx] + 1
            } else {
                previous[idx + 1].max(current[idx])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let lcs = previous[candidate.len()] as f64;
    Score::new(lcs / candidate.len() as f64, lcs / reference.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rounded(score: Score) -> (f64, f64, f64) {
        let round = |value: f64| (value * 10_000.0).round() / 10_000.0;
        (round(score.precision), round(score.recall), round(score.f1))
    }

    #[test]
    fn tokens_are_lowercased_split_and_stemmed() {
        assert_eq!(
            tokens("The Ministers' talks—held on 3.5 days—ended."),
            [
                "the", "minist", "talk", "held", "on", "3", "5", "day", "end"
            ]
        );
    }

    /// Figures `rouge_score.rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"],
    /// use_stemmer=True)` gives for the same pair.
    #[test]
    fn scores_as_rouge_score_does() {
        let found = score(
            "The dock workers walked out on Monday over pay.",
            "On Monday the workers of the dock walked out.",
        );
        assert_eq!(rounded(found.rouge1), (0.7778, 0.7778, 0.7778));
        assert_eq!(rounded(found.rouge2), (0.375, 0.375, 0.375));
        assert_eq!(rounded(found.rouge_l), (0.4444, 0.4444, 0.4444));
    }

    #[test]
    fn empty_candidate_scores_zero() {
        assert_eq!(score("Workers walked out.", "").rouge1, Score::default());
    }
}
