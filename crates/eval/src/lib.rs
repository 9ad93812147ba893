//! Eval: the benchmark harness behind `parallax eval`.
//!
//! Each task runs the engine on a labelled data set and returns a [`Report`]: a table for people
//! and named metrics for scripts. Scores are fractions in 0–1. The figures in BENCHMARKS.md come
//! from here, each with the command that reproduces it.
//!
//! # Overview
//!
//! - [`clustering`]: story clustering on ECB+ (B-cubed and pairwise F1), beside a tf-idf
//!   baseline.
//! - [`entities`]: named person, organisation and place mentions on MEANTIME (overlap and exact
//!   F1 per type).
//! - [`extraction`]: main-text extraction on the Zyte article-extraction benchmark.
//! - [`gold`]: the example corpus against its gold files (sources, boilerplate, agreements).
//! - [`latency`]: milliseconds for one brief of 100 annotated articles on one core.
//! - [`matching`]: consensus matching on ECB+ (do matched sentences tell one event?).
//! - [`throughput`]: articles and words per second of the annotate stage on one core.
//! - [`summary`]: summaries on NeuS/AllSides against the roundups (ROUGE), side by side with
//!   Lead, LexRank, TextRank, Centroid and a greedy oracle; bias-lexicon word rates.
//! - [`quotes`]: quote and reported-speech attribution on PolNeAR (source, cue, content).
//! - [`timeline`]: cross-document event timelines on SemEval-2015 Task 4 (temporal awareness F1).
//! - [`timex`]: time-expression extents, types and values on TempEval-3 (TimeML).
//!
//! This crate reads data sets from disk but writes nothing; the binary prints the report.
#![deny(missing_docs)]

pub mod clustering;
pub mod entities;
pub mod extraction;
pub mod gold;
pub mod latency;
pub mod matching;
pub mod quotes;
pub mod summary;
pub mod throughput;
pub mod timeline;
pub mod timex;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A data set file could not be read.
    #[error("reading {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// A JSON file of a data set (a gold file, a ground truth) is not valid.
    #[error("parsing {path}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: serde_json::Error,
    },
    /// The data set holds nothing to evaluate.
    #[error("no {what} found in {path}")]
    Empty {
        /// What was looked for.
        what: &'static str,
        /// Where.
        path: PathBuf,
    },
    /// Fitted weights could not be read back.
    #[error("reading back the fitted {what}: {reason}")]
    Fit {
        /// Which weights.
        what: &'static str,
        /// Why.
        reason: String,
    },
}

/// The result of an evaluation.
pub type Result<T> = std::result::Result<T, Error>;

/// F1: the harmonic mean of `precision` and `recall`, 0 when both are 0.
pub(crate) fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// The files of `folder` whose extension is `extension`, in name order.
pub(crate) fn files_in(folder: &std::path::Path, extension: &str) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(folder).map_err(|source| Error::Read {
        path: folder.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == extension))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads one text file of a data set.
pub(crate) fn read_text(path: &std::path::Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// A data set document's name: its file name without the extension.
pub(crate) fn document_name(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The shared data set `name` (`../shared/data/NAME` beside the repository), or `None` after
/// saying why the test that asked is skipped: a user's clone has no shared data.
#[cfg(test)]
pub(crate) fn shared_data(name: &str) -> Option<PathBuf> {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(name);
    if data.exists() {
        return Some(data);
    }
    #[expect(clippy::print_stderr, reason = "a skipped test says why")]
    {
        eprintln!("skipping: {} not found", data.display());
    }
    None
}

/// Reads and parses one JSON file of a data set.
fn read_json<T: serde::de::DeserializeOwned>(path: &std::path::Path) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| Error::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// What one evaluation task measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The task's name, as on the command line.
    pub task: &'static str,
    /// Column names of the table.
    pub columns: Vec<String>,
    /// Rows of the table: one per data item, and a last one for the whole set.
    pub rows: Vec<Vec<String>>,
    /// The headline figures, by name; scores are fractions in 0–1.
    pub metrics: BTreeMap<String, f64>,
    /// What was missed, one line each, for whoever improves the figures.
    pub misses: Vec<String>,
}

impl Report {
    /// The table, aligned for a terminal.
    pub fn table(&self) -> String {
        let mut widths: Vec<usize> = self.columns.iter().map(|c| c.chars().count()).collect();
        for row in &self.rows {
            for (idx, cell) in row.iter().enumerate() {
                if let Some(width) = widths.get_mut(idx) {
                    *width = (*width).max(cell.chars().count());
                }
            }
        }
        let mut out = String::new();
        let line = |out: &mut String, cells: &[String]| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .map(|(cell, width)| format!("{cell:<width$}"))
                .collect();
            let _ = writeln!(out, "{}", padded.join("  ").trim_end());
        };
        line(&mut out, &self.columns);
        let rule: Vec<String> = widths.iter().map(|width| "-".repeat(*width)).collect();
        line(&mut out, &rule);
        for row in &self.rows {
            line(&mut out, row);
        }
        if !self.misses.is_empty() {
            let _ = writeln!(out, "\nmissed:");
            for miss in &self.misses {
                let _ = writeln!(out, "  {miss}");
            }
        }
        out
    }

    /// The machine-readable line: `{"task": NAME, "metrics": {NAME: number, ...}}`.
    pub fn json_line(&self) -> String {
        serde_json::json!({ "task": self.task, "metrics": self.metrics }).to_string()
    }
}
