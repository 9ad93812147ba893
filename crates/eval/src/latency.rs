//! Latency of the brief stage: milliseconds for one brief of 100 annotated articles, one core.
//!
//! The articles are read and annotated first (not timed). When the inputs hold fewer articles
//! than asked for, variants are made from them deterministically: variant `k` of an article
//! leaves out its sentence number `k` (counting round), so every variant has its own text and
//! id, and the story has the many near-identical sentences a big story has. Then
//! `parallax_brief::brief` alone is timed on the calling thread (the brief stage runs no
//! threads of its own), several times; the median is the figure.

use crate::{Error, Report, Result};
use parallax_engine::model::{Annotated, Article, Story};
use parallax_engine::{Config, Input};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

/// How many times the brief is timed; the median of these is reported.
const N_RUNS: usize = 15;

/// Times the brief stage on a story of `n_articles` articles made from those under `inputs`.
pub fn evaluate(inputs: &[PathBuf], n_articles: usize) -> Result<Report> {
    let config = Config::new();
    let story = story_of(inputs, n_articles, &config)?;
    let n_words: usize = story
        .articles
        .iter()
        .map(|annotated| annotated.article.n_words())
        .sum();
    let n_sentences: usize = story
        .articles
        .iter()
        .map(|annotated| annotated.sentences.len())
        .sum();

    // One untimed run first, so the figure is not the cost of first touching the memory.
    std::hint::black_box(parallax_engine::brief_stage::brief(&story, &config.brief));
    let mut milliseconds: Vec<f64> = (0..N_RUNS)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(parallax_engine::brief_stage::brief(&story, &config.brief));
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    milliseconds.sort_by(f64::total_cmp);
    let median = milliseconds[N_RUNS / 2];
    let fastest = milliseconds[0];
    let slowest = milliseconds[N_RUNS - 1];
    let metric = format!("ms_per_brief_{}", story.articles.len());

    Ok(Report {
        task: "latency",
        columns: [
            "articles",
            "sentences",
            "words",
            "runs",
            "median ms (1 core)",
            "fastest ms",
            "slowest ms",
        ]
        .map(str::to_string)
        .to_vec(),
        rows: vec![vec![
            story.articles.len().to_string(),
            n_sentences.to_string(),
            n_words.to_string(),
            N_RUNS.to_string(),
            format!("{median:.1}"),
            format!("{fastest:.1}"),
            format!("{slowest:.1}"),
        ]],
        metrics: BTreeMap::from([(metric, median)]),
        misses: Vec::new(),
    })
}

/// The annotated story to time: the articles under `inputs`, then variants of them until there
/// are `n_articles`.
fn story_of(inputs: &[PathBuf], n_articles: usize, config: &Config) -> Result<Story> {
    let paths: Vec<Input> = inputs.iter().cloned().map(Input::Path).collect();
    let originals =
        parallax_engine::annotate_all(parallax_engine::articles(&paths, config).articles, config);
    if originals.is_empty() {
        return Err(Error::Empty {
            what: "articles",
            path: inputs.first().cloned().unwrap_or_default(),
        });
    }
    let mut articles: Vec<Article> = originals
        .iter()
        .take(n_articles)
        .map(|annotated| annotated.article.clone())
        .collect();
    let mut round = 0;
    while articles.len() < n_articles {
        for original in &originals {
            if articles.len() == n_articles {
                break;
            }
            articles.push(variant(original, round));
        }
        round += 1;
    }
    Ok(Story::new(parallax_engine::annotate_all(articles, config)))
}

/// `original` without its sentence number `round` (modulo its length).
fn variant(original: &Annotated, round: usize) -> Article {
    let text = &original.article.text;
    let mut kept = text.clone();
    if let Some(sentence) = original
        .sentences
        .get(round % original.sentences.len().max(1))
    {
        kept.replace_range(sentence.range.clone(), "");
    }
    let mut article = Article::new(original.article.origin.clone(), kept);
    article.outlet = original.article.outlet.clone();
    article.title = original.article.title.clone();
    article.published = original.article.published;
    article.language = original.article.language.clone();
    article
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_engine::model::{Origin, Sentence};

    #[test]
    fn variant_leaves_out_one_sentence_and_gets_its_own_id() {
        let text = "First sentence here. Second one there.";
        let mut original = Annotated::new(Article::new(Origin::Stdin, text.into()));
        original.sentences = vec![
            Sentence {
                range: 0..20,
                paragraph: 0,
            },
            Sentence {
                range: 21..text.len(),
                paragraph: 0,
            },
        ];
        let second_left_out = variant(&original, 1);
        assert_eq!(second_left_out.text, "First sentence here. ");
        let first_left_out = variant(&original, 2);
        assert_eq!(first_left_out.text, " Second one there.");
        assert_ne!(first_left_out.id, original.article.id);
    }

    #[test]
    fn missing_inputs_are_an_error() {
        let result = evaluate(&[PathBuf::from("no/such/folder")], 10);
        assert!(matches!(result, Err(Error::Empty { .. })));
    }
}
