//! Main-text extraction on the Zyte article-extraction benchmark (181 pages).
//!
//! A port of the benchmark's scorer (`evaluate.py` upstream), so figures compare with the
//! published ones: texts become `\w+` tokens, then multisets of word 4-gram shingles; per page,
//! true positives are the shared shingles (minimum count), false positives and negatives the
//! surpluses, each divided by their sum; precision and recall are averaged over pages and F1 is
//! taken from the averages. Scoring a file of `reference-outputs/` reproduces the published
//! figure of that extractor, which is how the port is checked.

use crate::{Error, Report, Result, read_json};
use parallax_engine::{Config, Input};
use regex::Regex;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Instant;

/// What to score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extractor {
    /// Parallax's own extraction, run on every page.
    Parallax,
    /// A file of `reference-outputs/`, by name without `.json` (`trafilatura`, `dom_smoothie`).
    Reference(String),
}

/// Precision, recall and F1 over the pages, and the share of exact matches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// Mean precision over pages.
    pub precision: f64,
    /// Mean recall over pages.
    pub recall: f64,
    /// F1 of the mean precision and mean recall.
    pub f1: f64,
    /// Share of pages whose tokens equal the ground truth's.
    pub accuracy: f64,
}

/// Scores `extractor` against the ground truth in `data`.
pub fn evaluate(data: &Path, extractor: &Extractor) -> Result<Report> {
    let truth = ground_truth(data)?;
    let (predictions, seconds) = match extractor {
        Extractor::Parallax => extract_all(data, &truth)?,
        Extractor::Reference(name) => (reference(data, name)?, None),
    };
    let scores = score(&truth, &predictions);
    let misses = worst_pages(&truth, &predictions);
    let name = match extractor {
        Extractor::Parallax => "parallax".to_string(),
        Extractor::Reference(name) => name.clone(),
    };
    let mut metrics = BTreeMap::from([
        ("f1".to_string(), scores.f1),
        ("precision".to_string(), scores.precision),
        ("recall".to_string(), scores.recall),
        ("accuracy".to_string(), scores.accuracy),
    ]);
    let speed = seconds.map(|seconds| truth.len() as f64 / seconds.max(f64::EPSILON));
    if let Some(pages_per_second) = speed {
        metrics.insert("pages_per_second".to_string(), pages_per_second);
    }
    Ok(Report {
        task: "extraction",
        columns: [
            "extractor",
            "pages",
            "precision",
            "recall",
            "f1",
            "accuracy",
            "pages/s (1 core)",
        ]
        .map(str::to_string)
        .to_vec(),
        rows: vec![vec![
            name,
            truth.len().to_string(),
            format!("{:.3}", scores.precision),
            format!("{:.3}", scores.recall),
            format!("{:.3}", scores.f1),
            format!("{:.3}", scores.accuracy),
            speed.map_or("—".to_string(), |speed| format!("{speed:.1}")),
        ]],
        metrics,
        misses,
    })
}

/// Most pages listed as missed.
const MAX_MISSES: usize = 20;
/// A page scoring below this F1 is listed as missed.
const MISS_F1: f64 = 0.9;

/// The pages with the lowest F1 under [`MISS_F1`], worst first, at most [`MAX_MISSES`]: `id: F1
/// (P, R)`, where a low precision means extra text and a low recall lost text.
fn worst_pages(
    truth: &BTreeMap<String, String>,
    predictions: &HashMap<String, String>,
) -> Vec<String> {
    let mut pages: Vec<(f64, String)> = truth
        .iter()
        .filter_map(|(id, expected)| {
            let found = predictions.get(id).map(String::as_str).unwrap_or_default();
            let (precision, recall) = page_scores(expected, found);
            let f1 = crate::f1(precision, recall);
            (f1 < MISS_F1).then(|| {
                (
                    f1,
                    format!("{id}: F1 {f1:.3} (P {precision:.3}, R {recall:.3})"),
                )
            })
        })
        .collect();
    pages.sort_by(|left, right| left.0.total_cmp(&right.0));
    pages
        .into_iter()
        .take(MAX_MISSES)
        .map(|(_, line)| line)
        .collect()
}

/// `{id: articleBody}` from an object of `{id: {"articleBody": text}}`.
fn bodies(value: &Value) -> HashMap<String, String> {
    value
        .as_object()
        .map(|pages| {
            pages
                .iter()
                .map(|(id, page)| {
                    let body = page["articleBody"].as_str().unwrap_or_default();
                    (id.clone(), body.to_string())
                })
                .collect()
        })
        .unwrap_or_default()
}

fn ground_truth(data: &Path) -> Result<BTreeMap<String, String>> {
    let path = data.join("ground-truth.json");
    let truth: BTreeMap<String, String> = bodies(&read_json::<Value>(&path)?).into_iter().collect();
    if truth.is_empty() {
        return Err(Error::Empty {
            what: "pages",
            path,
        });
    }
    Ok(truth)
}

fn reference(data: &Path, name: &str) -> Result<HashMap<String, String>> {
    let value: Value = read_json(&data.join("reference-outputs").join(format!("{name}.json")))?;
    // Most reference files wrap their pages as {"version", "output": {...}}; some do not.
    Ok(match value.get("output") {
        Some(output) => bodies(output),
        None => bodies(&value),
    })
}

/// Runs Parallax on every page, one at a time on one thread, and times it.
fn extract_all(
    data: &Path,
    truth: &BTreeMap<String, String>,
) -> Result<(HashMap<String, String>, Option<f64>)> {
    let config = Config::new();
    let pages: Vec<(String, PathBuf)> = truth
        .keys()
        .map(|id| (id.clone(), data.join("html").join(format!("{id}.html.gz"))))
        .collect();
    if let Some((_, missing)) = pages.iter().find(|(_, path)| !path.is_file()) {
        return Err(Error::Empty {
            what: "page",
            path: missing.clone(),
        });
    }
    let extract_page = |path: PathBuf| {
        let (documents, _) = parallax_engine::ingest::read(&[Input::Path(path)], &config.read);
        documents
            .first()
            .and_then(|document| parallax_engine::ingest::extract(document, &config.extract).ok())
            .and_then(|extracted| extracted.articles.into_iter().next())
            .map(|article| article.text)
            .unwrap_or_default()
    };
    // One page untimed first, as the trafilatura side of bench/extraction.sh does: the
    // patterns and tables built once per process are not the pages' cost.
    if let Some((_, path)) = pages.first() {
        extract_page(path.clone());
    }
    let started = Instant::now();
    let mut predictions = HashMap::new();
    for (id, path) in pages {
        predictions.insert(id, extract_page(path));
    }
    Ok((predictions, Some(started.elapsed().as_secs_f64())))
}

static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\w+").expect("the token pattern is valid"));

fn tokens(text: &str) -> Vec<&str> {
    TOKEN.find_iter(text).map(|token| token.as_str()).collect()
}

/// Word 4-gram shingles with their counts; a text of fewer than four tokens is one shingle.
fn shingles(text: &str) -> HashMap<String, usize> {
    const N: usize = 4;
    let tokens = tokens(text);
    let mut counts = HashMap::new();
    for start in 0..tokens.len().saturating_sub(N - 1).max(1) {
        let shingle = tokens[start..(start + N).min(tokens.len())].join(" ");
        if !shingle.is_empty() {
            *counts.entry(shingle).or_insert(0) += 1;
        }
    }
    counts
}

/// Precision and recall of one page.
fn page_scores(truth: &str, prediction: &str) -> (f64, f64) {
    let truth = shingles(truth);
    let prediction = shingles(prediction);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for key in truth
        .keys()
        .chain(prediction.keys().filter(|key| !truth.contains_key(*key)))
    {
        let expected = truth.get(key).copied().unwrap_or(0);
        let found = prediction.get(key).copied().unwrap_or(0);
        tp += expected.min(found);
        fp += found.saturating_sub(expected);
        fn_ += expected.saturating_sub(found);
    }
    if fp == 0 && fn_ == 0 {
        return (1.0, 1.0);
    }
    if tp == 0 {
        return (0.0, 0.0);
    }
    // Dividing all three by their sum first, as upstream does, cancels out in these ratios.
    let (tp, fp, fn_) = (tp as f64, fp as f64, fn_ as f64);
    (tp / (tp + fp), tp / (tp + fn_))
}

/// Scores `predictions` (missing pages count as empty) against `truth`.
pub fn score(truth: &BTreeMap<String, String>, predictions: &HashMap<String, String>) -> Scores {
    let (mut precision, mut recall, mut exact) = (0.0, 0.0, 0usize);
    for (id, expected) in truth {
        let found = predictions.get(id).map(String::as_str).unwrap_or_default();
        let (page_precision, page_recall) = page_scores(expected, found);
        precision += page_precision;
        recall += page_recall;
        exact += usize::from(tokens(expected) == tokens(found));
    }
    let n_pages = truth.len().max(1) as f64;
    let (precision, recall) = (precision / n_pages, recall / n_pages);
    let f1 = crate::f1(precision, recall);
    Scores {
        precision,
        recall,
        f1,
        accuracy: exact as f64 / n_pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(truth: &str, prediction: &str, expected: (f64, f64)) {
        let (precision, recall) = page_scores(truth, prediction);
        assert!(
            (precision - expected.0).abs() < 1e-9 && (recall - expected.1).abs() < 1e-9,
            "{precision} {recall}"
        );
    }

    #[test]
    fn shingle_scores() {
        check(
            "one two three four five",
            "one two three four five",
            (1.0, 1.0),
        );
        // The truth has two shingles; the prediction has one of them and nothing else.
        check("one two three four five", "one two three four", (1.0, 0.5));
        check("one two three four", "", (0.0, 0.0));
        check("", "", (1.0, 1.0));
        check("a b", "a b", (1.0, 1.0));
    }

    #[test]
    fn f1_comes_from_mean_precision_and_recall() {
        let truth = BTreeMap::from([
            ("a".to_string(), "one two three four five".to_string()),
            ("b".to_string(), "six seven eight nine".to_string()),
        ]);
        let predictions = HashMap::from([
            ("a".to_string(), "one two three four".to_string()),
            ("b".to_string(), "six seven eight nine".to_string()),
        ]);
        let scores = score(&truth, &predictions);
        assert!((scores.precision - 1.0).abs() < 1e-9);
        assert!((scores.recall - 0.75).abs() < 1e-9);
        assert!((scores.f1 - 2.0 * 0.75 / 1.75).abs() < 1e-9);
        assert!((scores.accuracy - 0.5).abs() < 1e-9);
    }
}
