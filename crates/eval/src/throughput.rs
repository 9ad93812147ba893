//! Throughput of the annotate stage: articles and words per second on one core.
//!
//! Articles are read and cleaned first (not timed), one article is annotated untimed so the
//! grammars and the gazetteer are compiled, then the articles are annotated one after another on
//! the calling thread, repeatedly until at least two seconds have passed, so the figure is per
//! core and not disturbed by the first pass warming caches.

use crate::{Error, Report, Result};
use parallax_engine::{Config, Input};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Measures the annotate stage on every article under `inputs`.
pub fn evaluate(inputs: &[PathBuf]) -> Result<Report> {
    let config = Config::new();
    let paths: Vec<Input> = inputs.iter().cloned().map(Input::Path).collect();
    let articles = parallax_engine::articles(&paths, &config).articles;
    if articles.is_empty() {
        return Err(Error::Empty {
            what: "articles",
            path: inputs.first().cloned().unwrap_or_default(),
        });
    }
    let n_words: usize = articles.iter().map(|article| article.n_words()).sum();

    // One untimed article first: the annotators compile their grammars and gazetteer on first
    // use, a one-off cost like loading a model, which the side-by-side script leaves out of
    // spaCy's time too.
    if let Some(article) = articles.first() {
        std::hint::black_box(parallax_engine::annotate::annotate(
            article.clone(),
            &config.annotate,
        ));
    }
    let minimum = Duration::from_secs(2);
    let started = Instant::now();
    let mut n_passes = 0usize;
    while n_passes == 0 || started.elapsed() < minimum {
        for article in &articles {
            let annotated = parallax_engine::annotate::annotate(article.clone(), &config.annotate);
            std::hint::black_box(annotated);
        }
        n_passes += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    let articles_per_second = (articles.len() * n_passes) as f64 / seconds;
    let words_per_second = (n_words * n_passes) as f64 / seconds;

    Ok(Report {
        task: "throughput",
        columns: [
            "articles",
            "words",
            "passes",
            "articles/s (1 core)",
            "words/s (1 core)",
        ]
        .map(str::to_string)
        .to_vec(),
        rows: vec![vec![
            articles.len().to_string(),
            n_words.to_string(),
            n_passes.to_string(),
            format!("{articles_per_second:.1}"),
            format!("{words_per_second:.0}"),
        ]],
        metrics: BTreeMap::from([
            (
                "articles_per_second_per_core".to_string(),
                articles_per_second,
            ),
            ("words_per_second_per_core".to_string(), words_per_second),
        ]),
        misses: Vec::new(),
    })
}
