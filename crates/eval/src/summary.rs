//! Summary quality on NeuS/AllSides (Lee et al., NAACL 2022): the Parallax summary of three
//! articles of one story (left, center and right outlets) against the AllSides roundup, scored
//! with ROUGE side by side with unsupervised baselines and a greedy oracle, and the rate of
//! bias-lexicon words in each summary against the rate in the source articles.
//!
//! Every method gets the same length rule, the one of the task's calibration: its summary is cut
//! at the reference body's length in words (whitespace separated), the last sentence truncated
//! at the cap; the oracle too. Parallax's summary is built with [`SummaryLength::FillWords`] at
//! that cap (sentences until it is reached, the last one cut); citations are not part of the
//! scored text (a dispute sentence's "(sources 1, 3)" is removed). The headline of each article
//! is its title, not a sentence any method can pick.
//!
//! ROUGE is a port of Google's `rouge-score` with `use_stemmer=True` ([`rouge`]); rougeL is its
//! sentence-level variant. `bench/rouge-check.sh` scores the dumped summaries with the Python
//! package and compares.

mod baselines;
mod fit;
mod porter;
pub mod rouge;

use crate::{Error, Report, Result};
use baselines::{Baseline, Unit, cut};
use parallax_engine::Outcome;
use parallax_engine::brief_stage::{Salience, SummaryInputs, SummaryLength};
use parallax_engine::model::{Article, ConsensusItem, Origin};
use parallax_text::Terms;
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The folder of the data set that holds the split files.
const SPLIT_FOLDER: &str = "naacl2022_lrc_roundup_random_order_probe";
/// The Recasens et al. 2013 bias lexicon, beside the data set when the data folder has it.
const RECASENS_LEXICON: &str = "../bias-lexicons-recasens2013/bias-lexicon.txt";

/// What `parallax eval summary` measured, and the summaries it scored.
#[derive(Debug)]
pub struct Evaluation {
    /// The table and metrics.
    pub report: Report,
    /// Per example: the reference and each method's summary with its scores.
    pub outputs: Vec<ExampleOutput>,
}

/// The summaries of one example, for checking the scorer against `rouge-score`.
#[derive(Debug, serde::Serialize)]
pub struct ExampleOutput {
    /// Line number of the example in the split files, from 1.
    pub line: usize,
    /// The roundup body the summaries are scored against.
    pub reference: String,
    /// Each method's summary text, by method name.
    pub summaries: BTreeMap<String, String>,
    /// Each method's ROUGE-1, ROUGE-2 and ROUGE-L F1, by method name.
    pub scores: BTreeMap<String, [f64; 3]>,
}

/// The methods in report order: Parallax, the baselines, the oracle.
fn method_names() -> Vec<&'static str> {
    let mut names = vec!["parallax"];
    names.extend(Baseline::ALL.iter().map(|baseline| baseline.name()));
    names.push("oracle");
    names
}

/// Scores the summaries of `split` ("val" or "train") of the NeuS/AllSides folder `data`.
///
/// # Errors
///
/// When the split files cannot be read, their lines do not pair up, or they hold no example.
pub fn evaluate(data: &Path, split: &str) -> Result<Evaluation> {
    let examples = examples(data, split)?;
    Ok(evaluate_with(data, split, &examples, Salience::fitted()))
}

/// Fits the weights of the summary's salience model on `split` of the NeuS/AllSides folder
/// `data` (conditional logits on the steps of a teacher's summaries; `summary/fit.rs`)
/// and scores the summaries of that split made with them: the
/// weights file, which `crates/brief/data/summary-salience.tsv` holds for train, and the
/// evaluation.
///
/// # Errors
///
/// As [`evaluate`].
pub fn fit(data: &Path, split: &str) -> Result<(String, Evaluation)> {
    let examples = examples(data, split)?;
    let header = format!(
        "Weights of the summary's salience model, per feature: for the first choice, for the later ones.\n\
         Fitted on NeuS/AllSides {split} ({} stories) by `parallax eval summary --split {split} --fit FILE`; do not edit.",
        examples.len()
    );
    let (file, salience) = fit::fit(&examples, &header);
    let evaluation = evaluate_with(data, split, &examples, &salience);
    Ok((file, evaluation))
}

/// One story of a split, briefed, with its roundup.
pub(crate) struct Example {
    /// Line number in the split files, from 1.
    line: usize,
    /// The roundup's body.
    reference: String,
    outcome: Outcome,
    /// The story's consensus as the brief's summary reads it: the brief's own consensus shows
    /// clauses with their subjects, wider than what was matched.
    consensus: Vec<ConsensusItem>,
}

/// The stories of `split`, briefed.
fn examples(data: &Path, split: &str) -> Result<Vec<Example>> {
    let folder = data.join(SPLIT_FOLDER);
    let source_path = folder.join(format!("{split}.source"));
    let target_path = folder.join(format!("{split}.target"));
    let sources = read_text(&source_path)?;
    let targets = read_text(&target_path)?;
    let (sources, targets): (Vec<&str>, Vec<&str>) =
        (sources.lines().collect(), targets.lines().collect());
    if sources.is_empty() || sources.len() != targets.len() {
        return Err(Error::Empty {
            what: "pairs of source and target lines",
            path: folder,
        });
    }
    let config = parallax_engine::Config::new();
    let mut examples = Vec::new();
    for (idx, (source, target)) in sources.iter().zip(&targets).enumerate() {
        let articles: Vec<Article> = source
            .split(" [SEP] ")
            .enumerate()
            .map(|(side, text)| article(split, idx + 1, side, text))
            .collect();
        if let Ok(outcome) = parallax_engine::brief_articles(articles, &config) {
            let consensus = parallax_engine::brief_stage::consensus(&outcome.story, &config.brief);
            examples.push(Example {
                line: idx + 1,
                reference: body(target).to_string(),
                outcome,
                consensus,
            });
        }
    }
    Ok(examples)
}

/// Scores the summaries of `examples`, those of Parallax made with `salience`.
fn evaluate_with(
    data: &Path,
    split: &str,
    examples: &[Example],
    salience: &Salience,
) -> Evaluation {
    let lexicon = Lexicon::load(data);
    let terms = Terms::new(Some("en"));
    let names = method_names();
    let mut totals: BTreeMap<&str, [f64; 3]> = BTreeMap::new();
    let mut bias_words: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut source_bias = (0, 0);
    let mut outputs = Vec::new();
    for example in examples {
        let reference = example.reference.as_str();
        let max_words = reference.split_whitespace().count();
        let outcome = &example.outcome;
        let units: Vec<Unit> = outcome
            .story
            .articles
            .iter()
            .enumerate()
            .flat_map(|(article, annotated)| {
                let terms = &terms;
                annotated
                    .sentences
                    .iter()
                    .enumerate()
                    .map(move |(position, sentence)| {
                        let text = annotated.sentence_text(sentence).to_string();
                        Unit {
                            article,
                            position,
                            terms: terms.each(&text).collect(),
                            text,
                        }
                    })
            })
            .collect();
        let n_words: Vec<usize> = units
            .iter()
            .map(|unit| unit.text.split_whitespace().count())
            .collect();
        let joined = |chosen: &[usize]| -> String {
            let texts: Vec<&str> = chosen.iter().map(|&idx| units[idx].text.as_str()).collect();
            texts.join(" ")
        };
        let mut summaries: BTreeMap<String, String> = BTreeMap::new();
        let parallax: Vec<String> = SummaryInputs::new(
            &outcome.story,
            &example.consensus,
            &outcome.brief.agreed_facts,
            &outcome.brief.disputes,
        )
        .summary(SummaryLength::FillWords(max_words), salience)
        .iter()
        .map(|sentence| without_citations(&sentence.text))
        .collect();
        summaries.insert("parallax".into(), cut(&parallax.join(" "), max_words));
        for baseline in Baseline::ALL {
            let chosen = baselines::fill(&baseline.rank(&units), &n_words, max_words);
            summaries.insert(baseline.name().into(), cut(&joined(&chosen), max_words));
        }
        let reference_tokens = rouge::tokens(reference);
        let oracle = baselines::oracle(&units, &reference_tokens, max_words);
        summaries.insert("oracle".into(), cut(&joined(&oracle), max_words));

        let mut scores = BTreeMap::new();
        for &name in &names {
            let summary = summaries.get(name).map(String::as_str).unwrap_or_default();
            let scored = rouge::score_tokens(&reference_tokens, &rouge::tokens(summary));
            let triple = [scored.rouge1.f1, scored.rouge2.f1, scored.rouge_l.f1];
            let total = totals.entry(name).or_insert([0.0; 3]);
            for (sum, value) in total.iter_mut().zip(triple) {
                *sum += value;
            }
            let counted = bias_words.entry(name).or_insert((0, 0));
            let (n_biased, n_all) = lexicon.count(summary);
            counted.0 += n_biased;
            counted.1 += n_all;
            scores.insert(name.to_string(), triple);
        }
        for annotated in &outcome.story.articles {
            let (n_biased, n_all) = lexicon.count(&annotated.article.text);
            source_bias.0 += n_biased;
            source_bias.1 += n_all;
        }
        outputs.push(ExampleOutput {
            line: example.line,
            reference: reference.to_string(),
            summaries,
            scores,
        });
    }
    let n_examples = outputs.len().max(1) as f64;
    let rate = |(n_biased, n_all): (usize, usize)| n_biased as f64 / n_all.max(1) as f64;
    let mut metrics = BTreeMap::new();
    let mut rows = Vec::new();
    for &name in &names {
        let [r1, r2, rl] = totals
            .get(name)
            .copied()
            .unwrap_or([0.0; 3])
            .map(|sum| sum / n_examples);
        let bias_rate = rate(bias_words.get(name).copied().unwrap_or((0, 0)));
        rows.push(vec![
            name.to_string(),
            format!("{:.2}", r1 * 100.0),
            format!("{:.2}", r2 * 100.0),
            format!("{:.2}", rl * 100.0),
            format!("{:.2}", bias_rate * 100.0),
        ]);
        let prefix = if name == "parallax" {
            String::new()
        } else {
            format!("{name}_")
        };
        metrics.insert(format!("{prefix}rouge1"), r1);
        metrics.insert(format!("{prefix}rouge2"), r2);
        metrics.insert(format!("{prefix}rougeL"), rl);
        metrics.insert(format!("{prefix}bias_word_rate"), bias_rate);
    }
    metrics.insert("source_bias_word_rate".into(), rate(source_bias));
    rows.push(vec![
        "source articles".into(),
        String::new(),
        String::new(),
        String::new(),
        format!("{:.2}", rate(source_bias) * 100.0),
    ]);
    let mut examples = String::new();
    let _ = write!(examples, "{} examples of {split}", outputs.len());
    Evaluation {
        report: Report {
            task: "summary",
            columns: vec![
                format!("method ({examples})"),
                "ROUGE-1 F1".into(),
                "ROUGE-2 F1".into(),
                "ROUGE-L F1 (sentence-level)".into(),
                format!("bias words % ({})", lexicon.name),
            ],
            rows,
            metrics,
            misses: Vec::new(),
        },
        outputs,
    }
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The text after `ARTICLE=> ` of a `TITLE=> … ARTICLE=> …` record, or all of it.
fn body(record: &str) -> &str {
    record
        .split_once("ARTICLE=> ")
        .map_or(record, |(_, body)| body)
        .trim()
}

/// One article of an example: its lead as the text and its headline as the title.
fn article(split: &str, line: usize, side: usize, record: &str) -> Article {
    let title = record.split_once(" ARTICLE=> ").map(|(title, _)| {
        title
            .trim_start_matches("TITLE=> ")
            .trim_end_matches('.')
            .to_string()
    });
    let mut article = Article::new(
        Origin::File(format!("{split}.source:{line}:{}", side + 1)),
        body(record).to_string(),
    );
    article.title = title;
    article
}

/// A summary sentence without the citations a dispute sentence carries ("(sources 1, 3)").
fn without_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(" (source") {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        match rest.find(')') {
            Some(end) => rest = &rest[end + 1..],
            None => break,
        }
    }
    out.push_str(rest);
    out
}

/// The bias lexicon the rates count with: stems of its words, matched on `rouge-score`'s tokens.
struct Lexicon {
    name: &'static str,
    stems: HashSet<String>,
}

impl Lexicon {
    /// Recasens et al.'s list when it is beside the data set; else the brief stage's own
    /// loaded-word list. Phrases of the fallback list are left out: tokens are single words.
    fn load(data: &Path) -> Lexicon {
        let recasens: PathBuf = data.join(RECASENS_LEXICON);
        let (name, text) = match std::fs::read_to_string(&recasens) {
            Ok(text) => ("recasens2013", text),
            Err(_) => (
                "loaded-words.txt",
                parallax_engine::brief_stage::LOADED_WORDS.to_string(),
            ),
        };
        let stems = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#') && !line.contains([' ', '-']))
            .flat_map(rouge::tokens)
            .collect();
        Lexicon { name, stems }
    }

    /// Words of `text` in the lexicon, and all its words.
    fn count(&self, text: &str) -> (usize, usize) {
        let tokens = rouge::tokens(text);
        let biased = tokens
            .iter()
            .filter(|token| self.stems.contains(*token))
            .count();
        (biased, tokens.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_split_into_title_and_body() {
        let found = article(
            "val",
            3,
            0,
            "TITLE=> Port closes. ARTICLE=> The port closed on Monday.",
        );
        assert_eq!(found.title.as_deref(), Some("Port closes"));
        assert_eq!(found.text, "The port closed on Monday.");
    }

    #[test]
    fn dispute_citations_are_removed() {
        assert_eq!(
            without_citations(
                "Figures differ: \u{201c}40\u{201d} (source 2); \u{201c}45\u{201d} (sources 1, 3)."
            ),
            "Figures differ: \u{201c}40\u{201d}; \u{201c}45\u{201d}."
        );
    }
}
