//! `parallax`: briefs of news stories told by many sources.
//!
//! Flag definitions and glue between the engine and the terminal; nothing else. The analysis
//! lives in the library crates (see ARCHITECTURE.md).

mod exit;
mod sanitize;

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
    /// Print the clean text (and metadata) of each article, the extraction alone: one article
    /// per page or text file, one per item of a feed.
    Extract(ExtractArgs),
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
    #[arg(long, value_name = "N", default_value_t = 6)]
    sentences: usize,
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
    /// JSON (schema in crates/render/src/json.rs).
    Json,
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
    /// Named entity mentions on MEANTIME: person, organisation and place F1 (overlap and exact).
    Entities {
        /// The MEANTIME English folder, holding intra-doc_annotation/.
        #[arg(long, default_value = "../shared/data/meantime-newsreader-en")]
        data: PathBuf,
    },
    /// Quote attribution on PolNeAR: sources, cues and contents of quotes and reported speech.
    Quotes {
        /// The PolNeAR folder, holding train/, dev/ and test/.
        #[arg(long, default_value = "../shared/data/polnear")]
        data: PathBuf,
        /// The split to score: train, dev or test.
        #[arg(long, default_value = "test")]
        split: String,
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
    let outcome = match parallax_engine::brief(&inputs, &config) {
        Ok(outcome) => outcome,
        Err(parallax_engine::Error::NoArticles { diagnostics }) => {
            report_diagnostics(&diagnostics);
            anyhow::bail!("no brief: none of the inputs holds a readable article");
        }
        Err(error) => return Err(error.into()),
    };
    report_diagnostics(&outcome.brief.diagnostics);
    let format = match args.format {
        OutputFormat::Md => Format::Markdown,
        OutputFormat::Json => Format::Json,
        OutputFormat::Html => Format::Html,
    };
    let rendered = parallax_engine::render(&outcome.brief, format)?;
    write_output(args.out.as_deref(), &rendered)?;
    Ok(if outcome.n_skipped > 0 {
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
        EvalTask::Entities { data } => parallax_eval::entities::evaluate(data)
            .with_context(|| format!("evaluating entities on {}", data.display()))?,
        EvalTask::Quotes { data, split } => parallax_eval::quotes::evaluate(data, split)
            .with_context(|| format!("evaluating quotes on {} ({split})", data.display()))?,
    };
    let mut out = String::new();
    out.push_str(&report.table());
    out.push_str(&report.json_line());
    out.push('\n');
    write_output(None, &out)?;
    Ok(Exit::Success)
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
