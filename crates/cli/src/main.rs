//! `parallax`: briefs of news stories told by many sources.
//!
//! Flag definitions and glue between the engine and the terminal; nothing else. The analysis
//! lives in the library crates (see ARCHITECTURE.md).

mod exit;
mod sanitize;
mod sentence_model;
mod serve;
mod store;
#[cfg(feature = "queue")]
mod worker;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use exit::Exit;
use parallax_engine::model::{Diagnostic, Severity};
use parallax_engine::{Config, Format, Input};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turns many news articles about one story into a brief: who agrees, who disputes what, who
/// said what, with every item traced back to its source.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the brief of the story told by the given articles.
    Brief(BriefArgs),
    /// List the stories the given articles tell: id, number of articles, first title; an id
    /// picks one story for `brief --story`.
    Stories(StoriesArgs),
    /// Print the clean text (and metadata) of each article, the extraction alone: one article
    /// per page or text file, one per item of a feed.
    Extract(ExtractArgs),
    /// Keep articles in the store (a data folder): read, annotate, place each in a story, index
    /// for search. Incremental: what is already stored is skipped.
    Ingest(store::IngestArgs),
    /// Search the stored articles; prints each hit with a snippet, matched words marked.
    Search(store::SearchArgs),
    /// Write every stored article with its annotations, one JSON object per line.
    Export(store::ExportArgs),
    /// Serve the stored stories (or the stories of the given articles) in a browser, with a
    /// JSON API under /api/v1/; loopback only unless --token is given.
    Serve(serve::ServeArgs),
    /// Take documents from a work queue (`ingest --queue`), extract, annotate and store each,
    /// place them in stories; run any number of them, on any number of machines.
    #[cfg(feature = "queue")]
    Worker(worker::WorkerArgs),
    /// Measure quality and speed on a labelled data set; prints a table and, last, one JSON line.
    Eval {
        #[command(subcommand)]
        task: EvalTask,
    },
}

#[derive(Debug, clap::Args)]
struct BriefArgs {
    /// Articles: .html/.htm/.txt files, RSS/Atom feeds, WARC files, any of them gzipped, folders
    /// of them (read recursively), or http(s):// addresses. `-` or nothing reads standard input.
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Md)]
    format: OutputFormat,
    /// Allow fetching URLs from private, loopback and link-local addresses.
    #[arg(long)]
    allow_private_urls: bool,
    /// Write the brief to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Sentences in the summary.
    #[arg(long, value_name = "N", default_value_t = 6, conflicts_with = "words")]
    sentences: usize,
    /// Cap the summary at N words instead (words as separated by spaces): whole sentences in
    /// the summary's order of choice; a sentence that would pass N words is left out and a
    /// later, shorter one may take its place, so the summary can be shorter than N.
    #[arg(long, value_name = "N")]
    words: Option<usize>,
    /// Brief only the story with this id (as `parallax stories` lists them); without it, every
    /// story the inputs tell is briefed, one after the other. With no inputs, the story is read
    /// from the store (`parallax ingest`).
    #[arg(long, value_name = "ID")]
    story: Option<String>,
    #[command(flatten)]
    sides: SidesArgs,
    #[command(flatten)]
    sentence_model: sentence_model::SentenceModelArgs,
    #[command(flatten)]
    data: store::DataDir,
}

/// How sources are grouped into sides: the flags `brief` and `serve` share.
#[derive(Debug, clap::Args)]
struct SidesArgs {
    /// Outlet metadata (a TOML file of `[[outlet]]` tables: name or domain, country, leaning,
    /// ownership, state_affiliation; see GUIDE.md) that groups the sources into sides for the
    /// readings. Without it, sides are inferred from framing and labelled "inferred".
    #[arg(long, value_name = "FILE.toml")]
    outlets: Option<PathBuf>,
    /// The outlet field that groups sources into sides.
    #[arg(long, value_enum, default_value_t = SidesBy::Leaning, requires = "outlets")]
    sides_by: SidesBy,
}

impl SidesArgs {
    /// Reads the outlets file into `config`, with the field that groups sides.
    fn apply(&self, config: &mut parallax_engine::brief_stage::Config) -> anyhow::Result<()> {
        if let Some(path) = &self.outlets {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the outlets file {}", path.display()))?;
            config.outlets = Some(parallax_engine::brief_stage::Outlets::parse(
                &text,
                &path.display().to_string(),
            )?);
        }
        config.side_key = match self.sides_by {
            SidesBy::Leaning => parallax_engine::brief_stage::SideKey::Leaning,
            SidesBy::Country => parallax_engine::brief_stage::SideKey::Country,
            SidesBy::Ownership => parallax_engine::brief_stage::SideKey::Ownership,
            SidesBy::StateAffiliation => parallax_engine::brief_stage::SideKey::StateAffiliation,
        };
        Ok(())
    }
}

/// The outlet field that groups sources into sides.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum SidesBy {
    Leaning,
    Country,
    Ownership,
    StateAffiliation,
}

#[derive(Debug, clap::Args)]
struct StoriesArgs {
    /// Articles, as for `brief`; `-` reads standard input. Nothing lists the stories of the
    /// store (`parallax ingest`), with the filters below.
    inputs: Vec<PathBuf>,
    /// Allow fetching URLs from private, loopback and link-local addresses.
    #[arg(long)]
    allow_private_urls: bool,
    #[command(flatten)]
    stored: store::StoryFilterArgs,
}

#[derive(Debug, clap::Args)]
struct ExtractArgs {
    /// Articles, as for `brief`. `-` or nothing reads standard input.
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
    /// Allow fetching URLs from private, loopback and link-local addresses.
    #[arg(long)]
    allow_private_urls: bool,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// The clean text of each article, articles separated by a blank line.
    Text,
    /// One JSON array with an object per article: its input, metadata and text.
    Json,
    /// One JSON object per line and article, with at least `file` and `text`.
    Jsonl,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Markdown.
    Md,
    /// JSON (schema in crates/render/src/json.rs): one brief, so the inputs must tell one story
    /// (or pick one with --story).
    Json,
    /// JSON Lines: one brief per line, in the JSON schema, one line per story.
    Jsonl,
    /// A self-contained HTML page.
    Html,
}

#[derive(Debug, Subcommand)]
enum EvalTask {
    /// Articles and words per second of the annotate stage, on one core.
    Throughput {
        /// Folders or files of articles to annotate.
        #[arg(default_values = ["examples", "../shared/data/polnear/test/text"])]
        inputs: Vec<PathBuf>,
    },
    /// Main-text extraction on the Zyte article-extraction benchmark (4-gram shingle F1).
    Extraction {
        /// The benchmark folder, holding ground-truth.json, html/ and reference-outputs/.
        #[arg(long, default_value = "../shared/data/article-extraction-benchmark")]
        data: PathBuf,
        /// Score a file of reference-outputs/ (e.g. `trafilatura`) instead of Parallax.
        #[arg(long, value_name = "NAME")]
        reference: Option<String>,
    },
    /// The example corpus against its gold files: metadata, boilerplate, agreements.
    Gold {
        /// The examples folder, holding one folder per story and gold/<story>.json.
        #[arg(long, default_value = "examples")]
        examples: PathBuf,
    },
    /// Time expressions on TempEval-3: extents (strict and relaxed F1), types and values.
    Timex {
        /// The TempEval-3 folder, holding te3-platinum/ and TBAQ-cleaned/.
        #[arg(long, default_value = "../shared/data/tempeval3")]
        data: PathBuf,
        /// The split to score: platinum (the test set) or tbaq (the training set, to tune on).
        #[arg(long, default_value = "platinum", value_parser = ["platinum", "tbaq"])]
        split: String,
        /// Also print every difference from the gold to standard error.
        #[arg(long)]
        errors: bool,
    },
    /// Story clustering on ECB+ train and dev topics: B-cubed and pairwise F1 beside a tf-idf
    /// baseline.
    Clustering {
        /// The ECB+ folder, holding ECB+/<topic>/.
        #[arg(long, default_value = "../shared/data/ecbplus")]
        data: PathBuf,
        /// Print the tuning grid (thresholds and entity weights on the train topics) instead.
        #[arg(long)]
        sweep: bool,
    },
    /// Consensus matching on ECB+ train and dev topics: the share of consensus pairs whose
    /// sentences tell one event (precision), and of such sentence pairs matched (recall).
    Matching {
        /// The ECB+ folder, holding ECB+/<topic>/ and ECBplus_coreference_sentences.csv.
        #[arg(long, default_value = "../shared/data/ecbplus")]
        data: PathBuf,
        /// Also write every pair counted, train and dev, to FILE as tab-separated lines:
        /// subtopic, split, kind, verdict, then each side's document and words.
        #[arg(long, value_name = "FILE")]
        pairs: Option<PathBuf>,
        #[command(flatten)]
        sentence_model: sentence_model::SentenceModelArgs,
    },
    /// Named entity mentions on MEANTIME: person, organisation and place F1 (overlap and exact).
    Entities {
        /// The MEANTIME English folder, holding intra-doc_annotation/.
        #[arg(long, default_value = "../shared/data/meantime-newsreader-en")]
        data: PathBuf,
    },
    /// Cross-document timelines on SemEval-2015 Task 4, Track A: temporal-awareness F1, P, R.
    Timeline {
        /// The data set folder, holding trial/ and eval/.
        #[arg(long, default_value = "../shared/data/semeval2015-task4-timeline")]
        data: PathBuf,
        /// The split to score: eval (the task's test corpora) or trial (the set to tune on).
        #[arg(long, default_value = "eval", value_parser = ["eval", "trial"])]
        split: String,
        /// Also write each system timeline, in the task's format, to DIR/<corpus>_timelines/<name>.txt.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Milliseconds for the brief stage alone on one story of N annotated articles, one core.
    Latency {
        /// Folders or files of articles; variants of them fill the story up to N articles.
        #[arg(default_values = ["examples"])]
        inputs: Vec<PathBuf>,
        /// How many articles the story holds.
        #[arg(long, value_name = "N", default_value_t = 100)]
        articles: usize,
        /// One row per step of the brief (matching, consensus, each kind of dispute, summary…)
        /// with its median time, instead of the whole brief's.
        #[arg(long)]
        sections: bool,
    },
    /// Summaries on NeuS/AllSides against the roundups: ROUGE-1/2/L F1 (rouge-score's, stemmed)
    /// of Parallax, Lead, LexRank, TextRank, Centroid and a greedy oracle, and bias-word rates.
    Summary {
        /// The NeuS/AllSides folder, holding naacl2022_lrc_roundup_random_order_probe/.
        #[arg(long, default_value = "../shared/data/neus-allsides")]
        data: PathBuf,
        /// The split to score: val (the set to tune on) or train.
        #[arg(long, default_value = "val", value_parser = ["val", "train"])]
        split: String,
        /// Also write every method's summary of every example, with its scores, to
        /// DIR/summaries.jsonl (bench/rouge-check.sh scores them with rouge-score).
        #[arg(long, value_name = "DIR")]
        dump: Option<PathBuf>,
        /// Fit the summary's salience weights on the split first, write them to FILE (for
        /// train: crates/brief/data/summary-salience.tsv), and score the split with them.
        #[arg(long, value_name = "FILE")]
        fit: Option<PathBuf>,
    },
    /// Quote attribution on PolNeAR: sources, cues and contents of quotes and reported speech.
    Quotes {
        /// The PolNeAR folder, holding train/, dev/ and test/.
        #[arg(long, default_value = "../shared/data/polnear")]
        data: PathBuf,
        /// The split to score: train, dev or test.
        #[arg(long, default_value = "test")]
        split: String,
        /// Also list every miss, false positive and boundary error, one per line with its
        /// article and line.
        #[arg(long)]
        list_errors: bool,
        /// Fit the learned cue finder on train first, tune its threshold on dev, and write its
        /// weights to FILE (crates/annotate/data/quote-cues.tsv); prints one row per threshold
        /// tried instead of a score of the split.
        #[arg(long, value_name = "FILE")]
        fit: Option<PathBuf>,
        /// Fit the quote filter on train first, tune its threshold and the cue finder's under it
        /// on dev, and write its weights to FILE (crates/annotate/data/quote-filter.tsv); prints
        /// one row per pair of thresholds tried instead of a score of the split.
        #[arg(long, value_name = "FILE", conflicts_with = "fit")]
        fit_filter: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                Exit::Failure.into()
            } else {
                Exit::Success.into()
            };
        }
    };
    match run(cli) {
        Ok(exit) => exit.into(),
        Err(error) => {
            if is_broken_pipe(&error) {
                return Exit::Success.into();
            }
            report(&format!("error: {error:#}"));
            Exit::Failure.into()
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<Exit> {
    match cli.command {
        Command::Brief(args) => brief(&args),
        Command::Extract(args) => extract(&args),
        Command::Stories(args) => stories(&args),
        Command::Ingest(args) => store::ingest(&args),
        Command::Search(args) => store::search(&args),
        Command::Export(args) => store::export(&args),
        Command::Serve(args) => serve::serve(&args),
        #[cfg(feature = "queue")]
        Command::Worker(args) => worker::work(&args),
        Command::Eval { task } => eval(&task),
    }
}

/// The inputs as named: `-` is standard input, `http(s)://` a URL, and no input at all means
/// standard input.
fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Stdin];
    }
    paths
        .iter()
        .map(|path| Input::from_arg(path.as_os_str()))
        .collect()
}

/// The settings `brief` and `extract` use, with the flags they share applied.
fn config(allow_private_urls: bool) -> Config {
    let mut config = Config::new();
    config.read.allow_private_urls = allow_private_urls;
    config
}

fn brief(args: &BriefArgs) -> anyhow::Result<Exit> {
    let inputs = inputs(&args.inputs);
    let mut config = config(args.allow_private_urls);
    config.brief.summary_sentences = args.sentences;
    config.brief.summary_words = args.words;
    args.sides.apply(&mut config.brief)?;
    config.brief.similarity = args.sentence_model.load()?;
    let split = match &args.story {
        Some(wanted) if args.inputs.is_empty() => store::story(&args.data, wanted)?,
        _ => split_stories(&inputs, &config)?,
    };
    report_diagnostics(&split.diagnostics);
    let n_skipped = split.n_skipped;
    let story_ids: Vec<String> = split
        .stories
        .iter()
        .map(|story| story.id.to_string())
        .collect();
    let mut outcomes = parallax_engine::brief_stories(split, &config);
    if let Some(wanted) = &args.story {
        outcomes.retain(|outcome| outcome.brief.story.0 == *wanted);
        if outcomes.is_empty() {
            anyhow::bail!(
                "no story {wanted} in the inputs; their stories are {}",
                story_ids.join(", ")
            );
        }
    }
    let rendered = match args.format {
        OutputFormat::Md => render_each(&outcomes, Format::Markdown, "\n---\n\n")?,
        OutputFormat::Html => render_each(&outcomes, Format::Html, "\n")?,
        OutputFormat::Json => {
            let [outcome] = outcomes.as_slice() else {
                anyhow::bail!(
                    "the inputs tell {} stories ({}); pick one with --story ID or print them all \
                     with --format jsonl",
                    outcomes.len(),
                    story_ids.join(", ")
                );
            };
            parallax_engine::render(&outcome.brief, Format::Json)?
        }
        OutputFormat::Jsonl => {
            let mut lines = String::new();
            for outcome in &outcomes {
                let pretty = parallax_engine::render(&outcome.brief, Format::Json)?;
                // The schema's renderer pretty-prints; a line per brief needs it compact.
                let value: serde_json::Value = serde_json::from_str(&pretty)?;
                lines.push_str(&serde_json::to_string(&value)?);
                lines.push('\n');
            }
            lines
        }
    };
    write_output(args.out.as_deref(), &rendered)?;
    Ok(if n_skipped > 0 {
        Exit::PartialSuccess
    } else {
        Exit::Success
    })
}

/// The stories of `inputs`, or the error that says no input held an article.
fn split_stories(inputs: &[Input], config: &Config) -> anyhow::Result<parallax_engine::Split> {
    match parallax_engine::stories(inputs, config) {
        Ok(split) => Ok(split),
        Err(parallax_engine::Error::NoArticles { diagnostics }) => {
            report_diagnostics(&diagnostics);
            anyhow::bail!("no brief: none of the inputs holds a readable article");
        }
        Err(error) => Err(error.into()),
    }
}

/// Each brief rendered, joined by `separator`; one brief is rendered alone, as it always was.
fn render_each(
    outcomes: &[parallax_engine::Outcome],
    format: Format,
    separator: &str,
) -> anyhow::Result<String> {
    let rendered: Vec<String> = outcomes
        .iter()
        .map(|outcome| parallax_engine::render(&outcome.brief, format))
        .collect::<Result<_, _>>()?;
    Ok(rendered.join(separator))
}

fn stories(args: &StoriesArgs) -> anyhow::Result<Exit> {
    if args.inputs.is_empty() {
        return store::stories(&args.stored);
    }
    let config = config(args.allow_private_urls);
    let split = split_stories(&inputs(&args.inputs), &config)?;
    report_diagnostics(&split.diagnostics);
    let mut out = String::new();
    for story in &split.stories {
        let title = story
            .articles
            .iter()
            .find_map(|annotated| annotated.article.title.as_deref())
            .map_or_else(
                || {
                    story
                        .articles
                        .first()
                        .map(|annotated| annotated.article.origin.label())
                        .unwrap_or_default()
                },
                str::to_string,
            );
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            story.id,
            story.articles.len(),
            sanitize::for_terminal(&title.replace('\t', " "))
        ));
    }
    write_output(None, &out)?;
    Ok(if split.n_skipped > 0 {
        Exit::PartialSuccess
    } else {
        Exit::Success
    })
}

fn extract(args: &ExtractArgs) -> anyhow::Result<Exit> {
    let config = config(args.allow_private_urls);
    let (documents, mut diagnostics) =
        parallax_engine::ingest::read(&inputs(&args.inputs), &config.read);
    let mut articles = Vec::new();
    for document in &documents {
        match parallax_engine::ingest::extract(document, &config.extract) {
            Ok(extracted) => {
                diagnostics.extend(extracted.diagnostics);
                articles.extend(extracted.articles);
            }
            Err(error) => diagnostics.push(error.to_diagnostic()),
        }
    }
    report_diagnostics(&diagnostics);
    if articles.is_empty() {
        anyhow::bail!("nothing extracted: none of the inputs holds a readable article");
    }
    let mut out = String::new();
    match args.format {
        ExtractFormat::Text => {
            let texts: Vec<&str> = articles
                .iter()
                .map(|article| article.text.as_str())
                .collect();
            out.push_str(&texts.join("\n\n"));
            out.push('\n');
        }
        ExtractFormat::Json => {
            let objects: Vec<serde_json::Value> = articles.iter().map(article_json).collect();
            out.push_str(&serde_json::to_string_pretty(&objects)?);
            out.push('\n');
        }
        ExtractFormat::Jsonl => {
            for article in &articles {
                out.push_str(&serde_json::to_string(&article_json(article))?);
                out.push('\n');
            }
        }
    }
    write_output(args.out.as_deref(), &out)?;
    let n_skipped = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.severity == Severity::Error)
        .count();
    Ok(if n_skipped > 0 {
        Exit::PartialSuccess
    } else {
        Exit::Success
    })
}

/// One article as `parallax extract` prints it in JSON: absent values are `null`, never
/// omitted, as in the brief's JSON.
fn article_json(article: &parallax_engine::model::Article) -> serde_json::Value {
    serde_json::json!({
        "file": article.origin.label(),
        "article": article.id.to_string(),
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "authors": article.authors,
        "published": article.published.map(|date| date.format("%Y-%m-%d").to_string()),
        "language": article.language,
        "syndicated_from": article.syndicated_from,
        "notes": article.notes,
        "text": article.text,
    })
}

fn eval(task: &EvalTask) -> anyhow::Result<Exit> {
    let report = match task {
        EvalTask::Throughput { inputs } => {
            parallax_eval::throughput::evaluate(inputs).context("measuring annotate throughput")?
        }
        EvalTask::Extraction { data, reference } => {
            let extractor = match reference {
                Some(name) => parallax_eval::extraction::Extractor::Reference(name.clone()),
                None => parallax_eval::extraction::Extractor::Parallax,
            };
            parallax_eval::extraction::evaluate(data, &extractor)
                .with_context(|| format!("evaluating extraction on {}", data.display()))?
        }
        EvalTask::Gold { examples } => parallax_eval::gold::evaluate(examples)
            .with_context(|| format!("evaluating the gold files in {}", examples.display()))?,
        EvalTask::Timex {
            data,
            split,
            errors,
        } => {
            let split = parallax_eval::timex::Split::from_name(split)
                .with_context(|| format!("unknown split {split}"))?;
            let context = || format!("evaluating time expressions on {}", data.display());
            if *errors {
                let scored =
                    parallax_eval::timex::score_split(data, split).with_context(context)?;
                for line in parallax_eval::timex::mismatch_lines(&scored) {
                    report(&line);
                }
            }
            parallax_eval::timex::evaluate(data, split).with_context(context)?
        }
        EvalTask::Clustering { data, sweep } => {
            let context = || format!("evaluating story clustering on {}", data.display());
            if *sweep {
                parallax_eval::clustering::sweep(data).with_context(context)?
            } else {
                parallax_eval::clustering::evaluate(data).with_context(context)?
            }
        }
        EvalTask::Matching {
            data,
            pairs,
            sentence_model,
        } => {
            let context = || format!("evaluating consensus matching on {}", data.display());
            let (report, counted) =
                parallax_eval::matching::evaluate_with_pairs(data, sentence_model.load()?)
                    .with_context(context)?;
            if let Some(path) = pairs {
                let lines: String = counted.iter().map(|pair| pair.tsv_line() + "\n").collect();
                std::fs::write(path, lines)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            report
        }
        EvalTask::Entities { data } => parallax_eval::entities::evaluate(data)
            .with_context(|| format!("evaluating entities on {}", data.display()))?,
        EvalTask::Timeline { data, split, out } => {
            let split = parallax_eval::timeline::Split::from_name(split)
                .with_context(|| format!("unknown split {split}"))?;
            let context = || format!("evaluating timelines on {}", data.display());
            if let Some(out) = out {
                let scored =
                    parallax_eval::timeline::score_split(data, split).with_context(context)?;
                write_timelines(out, &scored)?;
            }
            parallax_eval::timeline::evaluate(data, split).with_context(context)?
        }
        EvalTask::Latency {
            inputs,
            articles,
            sections,
        } => parallax_eval::latency::evaluate(inputs, *articles, *sections)
            .context("measuring brief latency")?,
        EvalTask::Summary {
            data,
            split,
            dump,
            fit,
        } => {
            let context = || format!("evaluating summaries on {} ({split})", data.display());
            let evaluation = match fit {
                Some(out) => {
                    let (weights, evaluation) =
                        parallax_eval::summary::fit(data, split).with_context(context)?;
                    std::fs::write(out, weights)
                        .with_context(|| format!("writing {}", out.display()))?;
                    evaluation
                }
                None => parallax_eval::summary::evaluate(data, split).with_context(context)?,
            };
            if let Some(dump) = dump {
                write_summaries(dump, &evaluation.outputs)?;
            }
            evaluation.report
        }
        EvalTask::Quotes {
            data,
            split,
            list_errors,
            fit,
            fit_filter,
        } => match (fit, fit_filter) {
            (Some(out), _) => {
                let (weights, report) = parallax_eval::quotes::fit(data).with_context(|| {
                    format!("fitting the quote cue finder on {}", data.display())
                })?;
                std::fs::write(out, weights)
                    .with_context(|| format!("writing {}", out.display()))?;
                report
            }
            (None, Some(out)) => {
                let (weights, report) = parallax_eval::quotes::fit_filter(data)
                    .with_context(|| format!("fitting the quote filter on {}", data.display()))?;
                std::fs::write(out, weights)
                    .with_context(|| format!("writing {}", out.display()))?;
                report
            }
            (None, None) => parallax_eval::quotes::evaluate(data, split, *list_errors)
                .with_context(|| format!("evaluating quotes on {} ({split})", data.display()))?,
        },
    };
    let mut out = String::new();
    out.push_str(&report.table());
    out.push_str(&report.json_line());
    out.push('\n');
    write_output(None, &out)?;
    Ok(Exit::Success)
}

/// Writes each system timeline to `out/<corpus>_timelines/<name>.txt`, the layout the task's scorer reads.
fn write_timelines(out: &Path, scored: &[parallax_eval::timeline::Scored]) -> anyhow::Result<()> {
    for timeline in scored {
        let folder = out.join(format!("{}_timelines", timeline.corpus));
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("creating {}", folder.display()))?;
        let path = folder.join(format!("{}.txt", timeline.name));
        std::fs::write(&path, timeline.system.to_file())
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Writes one JSON line per example to `dump/summaries.jsonl`.
fn write_summaries(
    dump: &Path,
    outputs: &[parallax_eval::summary::ExampleOutput],
) -> anyhow::Result<()> {
    std::fs::create_dir_all(dump).with_context(|| format!("creating {}", dump.display()))?;
    let mut lines = String::new();
    for output in outputs {
        lines.push_str(&serde_json::to_string(output)?);
        lines.push('\n');
    }
    let path = dump.join("summaries.jsonl");
    std::fs::write(&path, lines).with_context(|| format!("writing {}", path.display()))
}

fn write_output(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match out {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
            Ok(())
        }
    }
}

fn report_diagnostics(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        let level = match diagnostic.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "skipped",
        };
        report(&format!(
            "{level}: {}: {}",
            diagnostic.input, diagnostic.message
        ));
    }
}

/// Writes one line to standard error, with control characters from inputs (file names, article
/// text in messages) made harmless.
fn report(line: &str) {
    #[expect(clippy::print_stderr, reason = "the binary owns the terminal")]
    {
        eprintln!("parallax: {}", sanitize::for_terminal(line));
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
