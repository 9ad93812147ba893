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
/// With `sections`, the table has one row per step of the brief instead (each step's median
/// over the runs, and its share of the whole).
pub fn evaluate(inputs: &[PathBuf], n_articles: usize, sections: bool) -> Result<Report> {
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
    let mut milliseconds: Vec<f64> = Vec::with_capacity(N_RUNS);
    // Milliseconds of each step, by step, in the order the steps run.
    let mut steps: Vec<(&'static str, Vec<f64>)> = Vec::new();
    for _ in 0..N_RUNS {
        let started = Instant::now();
        let mut lap_started = started;
        let mut on_lap = |step: &'static str| {
            let now = Instant::now();
            let elapsed = (now - lap_started).as_secs_f64() * 1000.0;
            lap_started = now;
            match steps.iter_mut().find(|(name, _)| *name == step) {
                Some((_, times)) => times.push(elapsed),
                None => steps.push((step, vec![elapsed])),
            }
        };
        std::hint::black_box(parallax_engine::brief_stage::brief_with_laps(
            &story,
            &config.brief,
            &mut on_lap,
        ));
        milliseconds.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let median = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    let whole = median(&mut milliseconds);
    let fastest = milliseconds[0];
    let slowest = milliseconds[N_RUNS - 1];
    let n_articles = story.articles.len();
    let mut metrics = BTreeMap::from([(format!("ms_per_brief_{n_articles}"), whole)]);

    let (columns, rows) = if sections {
        let mut rows = Vec::new();
        for (step, times) in &mut steps {
            let step_median = median(times);
            metrics.insert(
                format!("ms_step_{}", step.replace(": ", "_").replace(' ', "_")),
                step_median,
            );
            rows.push(vec![
                (*step).to_string(),
                format!("{step_median:.1}"),
                format!("{:.0}%", 100.0 * step_median / whole),
            ]);
        }
        rows.push(vec![
            format!("whole brief ({n_articles} articles, {n_sentences} sentences)"),
            format!("{whole:.1}"),
            "100%".to_string(),
        ]);
        let columns = ["step", "median ms (1 core)", "share"];
        (columns.map(str::to_string).to_vec(), rows)
    } else {
        let columns = [
            "articles",
            "sentences",
            "words",
            "runs",
            "median ms (1 core)",
            "fastest ms",
            "slowest ms",
        ];
        let rows = vec![vec![
            n_articles.to_string(),
            n_sentences.to_string(),
            n_words.to_string(),
            N_RUNS.to_string(),
            format!("{whole:.1}"),
            format!("{fastest:.1}"),
            format!("{slowest:.1}"),
        ]];
        (columns.map(str::to_string).to_vec(), rows)
    };
    Ok(Report {
        task: "latency",
        columns,
        rows,
        metrics,
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
        let result = evaluate(&[PathBuf::from("no/such/folder")], 10, false);
        assert!(matches!(result, Err(Error::Empty { .. })));
    }
}
