//! The commands over the store: `ingest`, `search`, `export`, and the store-backed forms of
//! `stories` and `brief --story`.

use crate::exit::Exit;
use crate::{report, report_diagnostics, sanitize, write_output};
use anyhow::Context;
use chrono::NaiveDate;
use parallax_engine::model::StoryId;
use parallax_engine::store::{Location, SearchQuery, Store, StoryFilter};
use parallax_engine::{Config, Input};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub(crate) struct IngestArgs {
    /// Articles to keep, as for `brief`: files, folders (read recursively), feeds, WARC files,
    /// http(s):// addresses; `-` reads standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    data: DataDir,
    /// Allow fetching URLs from private, loopback and link-local addresses.
    #[arg(long)]
    allow_private_urls: bool,
    #[cfg(feature = "queue")]
    #[command(flatten)]
    queue: crate::worker::QueueArgs,
}

/// Where the store is.
#[derive(Debug, clap::Args)]
pub(crate) struct DataDir {
    /// The data folder (default: the per-user data folder, such as ~/.local/share/parallax).
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Keep everything in this PostgreSQL database instead of a data folder
    /// (postgres://USER@HOST:PORT/DATABASE), shared by a team and by workers.
    #[arg(long, value_name = "URL", conflicts_with = "data_dir")]
    db: Option<String>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct SearchArgs {
    /// The query: words (all must occur, matched by their stem), "a phrase", OR, -word,
    /// title:word.
    query: String,
    /// Only articles of this outlet (whole name, any case).
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// Only articles published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Only articles published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<NaiveDate>,
    /// Only articles that name this entity (its full name, any case).
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// Most hits shown.
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,
    #[command(flatten)]
    data: DataDir,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    format: ExportFormat,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    data: DataDir,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum ExportFormat {
    /// One JSON object per line and article: the article, its removed blocks and its
    /// annotations (sentences, entities, times, quantities, quotes, claims) as byte ranges.
    Jsonl,
}

/// Filters of `parallax stories` over the store.
#[derive(Debug, clap::Args)]
pub(crate) struct StoryFilterArgs {
    /// Only stories with an article published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Only stories with an article published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<NaiveDate>,
    /// Only stories with an article of this outlet (whole name, any case).
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    #[command(flatten)]
    pub(crate) data: DataDir,
}

impl DataDir {
    /// The data folder: the one given, else the per-user data folder.
    fn folder(&self) -> anyhow::Result<PathBuf> {
        if let Some(folder) = &self.data_dir {
            return Ok(folder.clone());
        }
        directories::ProjectDirs::from("", "", "parallax")
            .map(|dirs| dirs.data_dir().to_path_buf())
            .context("no per-user data folder (HOME is not set): give one with --data-dir")
    }

    /// Opens the store, reporting what opening it repaired.
    pub(crate) fn open(&self) -> anyhow::Result<Store> {
        if let Some(url) = &self.db {
            // The store's errors name the server without its password; the URL may hold one.
            return Store::open(&Location::Postgres(url.clone()))
                .context("opening the PostgreSQL store");
        }
        let folder = self.folder()?;
        let store = Store::open(&Location::Folder(folder.clone()))
            .with_context(|| format!("opening the store in {}", folder.display()))?;
        report_diagnostics(store.notes());
        Ok(store)
    }
}

pub(crate) fn ingest(args: &IngestArgs) -> anyhow::Result<Exit> {
    let mut config = Config::new();
    config.read.allow_private_urls = args.allow_private_urls;
    let inputs: Vec<Input> = args
        .inputs
        .iter()
        .map(|path| Input::from_arg(path.as_os_str()))
        .collect();
    #[cfg(feature = "queue")]
    if args.queue.queue.is_some() {
        return crate::worker::publish(&args.queue, &inputs, &config);
    }
    let mut store = args.data.open()?;
    let started = std::time::Instant::now();
    let mut bar: Option<indicatif::ProgressBar> = None;
    let on_terminal = std::io::stderr().is_terminal();
    let mut last_logged = std::time::Instant::now();
    let ingested =
        parallax_engine::archive::ingest(&mut store, &inputs, &config, &mut |progress| {
            if on_terminal {
                let bar = bar.get_or_insert_with(|| new_bar(progress.n_inputs));
                bar.set_position(progress.n_inputs_done as u64);
                bar.set_message(format!("{} new articles", progress.n_articles_added));
            } else if last_logged.elapsed().as_secs() >= 5
                || progress.n_inputs_done == progress.n_inputs
            {
                last_logged = std::time::Instant::now();
                report(&format!(
                    "ingest: {}/{} inputs, {} new articles, {:.0} inputs/s",
                    progress.n_inputs_done,
                    progress.n_inputs,
                    progress.n_articles_added,
                    progress.n_inputs_done as f64 / started.elapsed().as_secs_f64().max(1e-3)
                ));
            }
        });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let ingested = ingested.with_context(|| "ingesting into the store".to_string())?;
    report_diagnostics(&ingested.diagnostics);
    let counts = store.counts()?;
    report(&format!(
        "ingested {} inputs ({} unchanged since the last ingest): {} new articles, {} already stored; the store holds {} articles in {} stories",
        ingested.n_inputs,
        ingested.n_inputs_unchanged,
        ingested.n_articles_added,
        ingested.n_articles_known,
        counts.articles,
        counts.stories
    ));
    Ok(if ingested.n_skipped > 0 {
        Exit::PartialSuccess
    } else {
        Exit::Success
    })
}

fn new_bar(n_inputs: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(n_inputs as u64);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:30} {pos}/{len} inputs, {msg} ({per_sec}, {eta} left)",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

/// `parallax stories` with no inputs: the stories of the store.
pub(crate) fn stories(args: &StoryFilterArgs) -> anyhow::Result<Exit> {
    let store = args.data.open()?;
    let filter = StoryFilter {
        since: args.since,
        until: args.until,
        outlet: args.outlet.clone(),
    };
    let mut out = String::new();
    for story in store.stories(&filter)? {
        let dates = match (story.first, story.last) {
            (Some(first), Some(last)) if first == last => first.to_string(),
            (Some(first), Some(last)) => format!("{first}..{last}"),
            _ => "undated".to_string(),
        };
        let line = format!(
            "{}\t{}\t{}\t{}\t{}",
            story.id,
            story.n_articles,
            story.outlets.join(", "),
            dates,
            story.title.unwrap_or_default()
        );
        out.push_str(&sanitize::for_terminal(&line.replace('\n', " ")));
        out.push('\n');
    }
    write_output(None, &out)?;
    Ok(Exit::Success)
}

/// `parallax brief --story ID` with no inputs: the story as the store holds it, for the brief.
pub(crate) fn story(data: &DataDir, id: &str) -> anyhow::Result<parallax_engine::Split> {
    let store = data.open()?;
    let story = store.story(&StoryId(id.to_string()))?.with_context(|| {
        format!("no story {id} in the store; `parallax stories` lists the stored stories")
    })?;
    Ok(parallax_engine::Split {
        stories: vec![story],
        diagnostics: Vec::new(),
        n_skipped: 0,
    })
}

pub(crate) fn search(args: &SearchArgs) -> anyhow::Result<Exit> {
    let store = args.data.open()?;
    let mut query = SearchQuery::new(&args.query);
    query.outlet = args.outlet.clone();
    query.since = args.since;
    query.until = args.until;
    query.entity = args.entity.clone();
    query.limit = args.limit;
    let hits = store.search(&query)?;
    let bold = std::io::stdout().is_terminal();
    let mut out = String::new();
    for (rank, hit) in hits.iter().enumerate() {
        let heading = format!(
            "{}. {} — {}, {}  [article {}, story {}]",
            rank + 1,
            hit.title.as_deref().unwrap_or("(no title)"),
            hit.outlet.as_deref().unwrap_or("unknown outlet"),
            hit.published
                .map_or_else(|| "undated".to_string(), |date| date.to_string()),
            hit.article,
            hit.story
                .as_ref()
                .map_or_else(|| "none".to_string(), ToString::to_string),
        );
        out.push_str(&sanitize::for_terminal(&heading));
        out.push_str("\n   ");
        out.push_str(&highlight(&hit.snippet, bold));
        out.push_str("\n\n");
    }
    if hits.is_empty() {
        report(&format!("no article matches {:?}", args.query));
    }
    write_output(None, &out)?;
    Ok(Exit::Success)
}

/// The snippet on one line, matched words in bold on a terminal and in [brackets] otherwise;
/// the article's text is escaped before any mark-up is added, so it cannot inject its own.
fn highlight(snippet: &parallax_engine::store::Snippet, bold: bool) -> String {
    let (open, close) = if bold {
        ("\u{1b}[1m", "\u{1b}[0m")
    } else {
        ("[", "]")
    };
    let plain = |text: &str| sanitize::for_terminal(&text.replace(['\n', '\r'], " "));
    let mut out = String::new();
    let mut at = 0;
    for range in &snippet.highlighted {
        let (Some(before), Some(word)) = (
            snippet.text.get(at..range.start),
            snippet.text.get(range.clone()),
        ) else {
            continue;
        };
        out.push_str(&plain(before));
        out.push_str(open);
        out.push_str(&plain(word));
        out.push_str(close);
        at = range.end;
    }
    out.push_str(&plain(snippet.text.get(at..).unwrap_or_default()));
    out
}

pub(crate) fn export(args: &ExportArgs) -> anyhow::Result<Exit> {
    let store = args.data.open()?;
    let ExportFormat::Jsonl = args.format;
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut sink = std::io::BufWriter::new(sink);
    let label = out_label(args.out.as_deref());
    for annotated in store.articles() {
        let annotated = annotated?;
        serde_json::to_writer(&mut sink, &annotated).with_context(|| format!("writing {label}"))?;
        sink.write_all(b"\n")
            .with_context(|| format!("writing {label}"))?;
    }
    sink.flush().with_context(|| format!("writing {label}"))?;
    Ok(Exit::Success)
}

fn out_label(out: Option<&Path>) -> String {
    out.map_or_else(
        || "standard output".to_string(),
        |path| path.display().to_string(),
    )
}
