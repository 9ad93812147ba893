//! Brief: [`Story`] → [`Brief`], the sections the user reads.
//!
//! # Overview
//!
//! - [`brief`]: builds every section that exists so far from one story.
//! - [`summary`]: corroborated statements in their most neutral wording, then disputes stated
//!   as disputed; every sentence cites its sources.
//! - [`sources`]: the sources table, one row per article, numbered for citations.
//! - [`consensus`]: statements that two or more articles make in their own words, found by
//!   matching sentences across articles. This first matching works on sentences; the story
//!   stage's claim alignment replaces it.
//! - [`disputes`]: numbers the sources give differently, with compatible values marked.
//! - [`single_source`]: what only one independent source says, most central first.
//! - [`voices`]: who is quoted or paraphrased, by which sources, with which cue verbs.
//! - [`framing`]: per source: genre, attribution, hedges, loaded words, whose officials speak.
//! - [`timeline`]: dated events merged across sources, with disputed dates marked.
//!
//! ```
//! use parallax_brief::{brief, Config};
//! use parallax_model::{Annotated, Article, Origin, Sentence, Story};
//!
//! let annotated = |name: &str, text: &str| {
//!     let article = Article::new(Origin::File(name.into()), text.into());
//!     let mut annotated = Annotated::new(article);
//!     annotated.sentences = vec![Sentence { range: 0..text.len(), paragraph: 0 }];
//!     annotated
//! };
//! let story = Story::new(vec![
//!     annotated("a.txt", "Dock workers in Porto Vell walked out on Monday over pay."),
//!     annotated("b.txt", "On Monday dock workers in Porto Vell walked out, demanding better pay."),
//! ]);
//! let brief = brief(&story, &Config::new());
//! assert_eq!(brief.sources.len(), 2);
//! assert_eq!(brief.consensus[0].n_articles, 2);
//! ```
//!
//! This crate does no I/O. Its output depends only on the story, so the same story always gives
//! the same brief.
#![deny(missing_docs)]

mod consensus;
mod disputes;
mod framing;
mod matching;
mod single_source;
mod sources;
mod summary;
mod terms;
mod timeline;
mod voices;

pub use consensus::consensus;
pub use disputes::disputes;
pub use framing::framing;
pub use single_source::single_source;
pub use sources::sources;
pub use summary::summary;
pub use timeline::timeline;
pub use voices::voices;

use parallax_model::{Brief, Story};

/// Settings for building a brief.
#[derive(Debug, Clone)]
pub struct Config {
    /// How alike two sentences must be, from 0 to 1 (IDF-weighted overlap of their content
    /// words), to count as saying the same thing.
    pub min_similarity: f64,
    /// How many content words two sentences must share at least.
    pub min_shared_terms: usize,
    /// Sentences in the summary.
    pub summary_sentences: usize,
}

impl Config {
    /// The settings `parallax brief` uses.
    pub fn new() -> Config {
        Config {
            min_similarity: 0.2,
            min_shared_terms: 2,
            summary_sentences: 6,
        }
    }
}

/// Builds the brief of `story`. Diagnostics are left empty for the caller, which knows about
/// inputs.
pub fn brief(story: &Story, config: &Config) -> Brief {
    // The sentence matching behind consensus, the timeline and single-source claims is the
    // costliest step; it is done once here and shared.
    let matches = matching::Matches::new(story, config);
    let consensus = consensus::consensus_from(story, &matches);
    let disputes = disputes(story);
    Brief {
        story: story.id.clone(),
        sources: sources(story),
        summary: summary(&consensus, &disputes, config.summary_sentences),
        consensus,
        voices: voices(story),
        disputes,
        single_source: single_source::single_source_from(story, &matches),
        timeline: timeline::timeline_from(story, &matches),
        framing: framing(story),
        diagnostics: Vec::new(),
    }
}
