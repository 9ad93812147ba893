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
//! - [`disputes`]: numbers, dates and agents the sources give differently (compatible values
//!   marked), and statements some sources make and others deny or doubt.
//! - [`single_source`]: what only one independent source says, most central first.
//! - [`voices`]: who is quoted or paraphrased, by which sources, with which cue verbs.
//! - [`framing`]: per source: genre, attribution, hedges, loaded words, whose officials speak.
//! - [`timeline`]: dated events merged across sources, with disputed dates marked.
//! - [`tone`]: per source, the tone of its own words near the story's main entities.
//! - [`blind_spots`]: per source, what most other independent sources state and it does not.
//! - readings: the sources grouped into sides ([`Outlets`] metadata, or inferred from framing),
//!   each side with a short summary of its own.
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

mod blind_spots;
mod clauses;
mod consensus;
mod corpus;
mod disputes;
mod framing;
mod matching;
mod sides;
mod single_source;
mod sources;
mod stems;
mod summary;
#[cfg(test)]
mod test_stories;
mod timeline;
mod tone;
mod voices;

pub use blind_spots::blind_spots;
pub use consensus::consensus;
pub use disputes::{agreed_facts, disputes};
pub use framing::framing;
pub use sides::{Outlet, Outlets, OutletsError, SideKey};
pub use single_source::single_source;
pub use sources::sources;
pub use summary::{
    SALIENCE_FEATURES, Salience, SalienceError, SummaryCandidate, SummaryInputs, SummaryLength,
    WordPrior, summary, summary_of_sources,
};
pub use timeline::timeline;
pub use tone::tone;
pub use voices::voices;

use parallax_model::{Brief, Story};

/// Settings for building a brief.
#[derive(Debug, Clone)]
pub struct Config {
    /// How alike two sentences (or clauses) must be, from 0 to 1 (IDF-weighted overlap of their
    /// content words), to count as saying the same thing.
    pub min_similarity: f64,
    /// How many content words two sentences (or clauses) must share at least.
    pub min_shared_terms: usize,
    /// Sentences in the summary.
    pub summary_sentences: usize,
    /// Words in the summary, in whole sentences; when set, it replaces `summary_sentences`.
    pub summary_words: Option<usize>,
    /// Outlet metadata the user supplied; sides are inferred from framing without it.
    pub outlets: Option<Outlets>,
    /// The field of [`Config::outlets`] that groups sources into sides.
    pub side_key: SideKey,
    /// A model of meaning that checks what the word overlap matched: a pair of clauses (or of
    /// sentences) whose cosine is below [`Config::min_clause_cosine`] (or
    /// [`Config::min_sentence_cosine`]) shares words, not a statement. `None`: words alone.
    pub similarity: Option<std::sync::Arc<dyn SentenceSimilarity>>,
    /// The least cosine of a clause pair under [`Config::similarity`].
    pub min_clause_cosine: f32,
    /// The least cosine of a sentence pair under [`Config::similarity`].
    pub min_sentence_cosine: f32,
}

/// A model of meaning for [`Config::similarity`]: sentence embeddings (`parallax-embed`), or
/// any other that gives a cosine per pair of texts.
pub trait SentenceSimilarity: Send + Sync + std::fmt::Debug {
    /// The cosine of each pair's two texts, in the pairs' order; an error is shown in the
    /// brief's diagnostics and the pairs are kept as the words matched them.
    fn cosines(&self, pairs: &[(&str, &str)]) -> Result<Vec<f32>, String>;
}

impl Config {
    /// The settings `parallax brief` uses.
    pub fn new() -> Config {
        Config {
            min_similarity: 0.2,
            min_shared_terms: 2,
            summary_sentences: 6,
            summary_words: None,
            outlets: None,
            side_key: SideKey::Leaning,
            similarity: None,
            // Read by hand on the held-out BASIL stories (bench/minilm-cosines.sh): clause
            // groups below 0.33 were two in three false, sentence groups below 0.4 four in five.
            min_clause_cosine: 0.33,
            min_sentence_cosine: 0.4,
        }
    }
}

impl Config {
    /// The summary's length: `summary_words` when set, else `summary_sentences`.
    pub fn summary_length(&self) -> SummaryLength {
        match self.summary_words {
            Some(words) => SummaryLength::Words(words),
            None => SummaryLength::Sentences(self.summary_sentences),
        }
    }
}

/// The loaded-word lexicon that framing counts with, as its file: one lowercase word or phrase
/// per line, `#` starts a comment.
pub const LOADED_WORDS: &str = include_str!("../data/loaded-words.txt");

/// Builds the brief of `story`. Diagnostics are left empty for the caller, which knows about
/// inputs.
pub fn brief(story: &Story, config: &Config) -> Brief {
    brief_with_laps(story, config, &mut |_| {})
}

/// [`brief`], calling `lap` with the name of each step as soon as the step is done, in the order
/// they run, so that a caller can time them (`parallax eval latency --sections`). The brief
/// reads no clock itself.
pub fn brief_with_laps(story: &Story, config: &Config, lap: &mut dyn FnMut(&'static str)) -> Brief {
    // The sentence matching behind consensus, the timeline and single-source claims is the
    // costliest step; it is done once here and shared.
    let matches = matching::Matches::new(story, config);
    lap("matching");
    let consensus = consensus::consensus_from(story, &matches);
    lap("consensus");
    // The timeline's events before same-day merging are also where agreed dates come from.
    let matched_events = timeline::matched_events(story, &matches);
    let timeline = timeline::timeline_of(matched_events.clone());
    lap("timeline");
    let disputes::Slots {
        disputes,
        agreed: agreed_facts,
    } = disputes::slots_from(story, &matches, &timeline, &matched_events, lap);
    let consensus = consensus::without_contesting(story, consensus, &disputes);
    let framing = framing(story);
    lap("framing");
    let tone = tone(story, &framing);
    lap("tone");
    let blind_spots = blind_spots(story, &consensus, &timeline, &disputes);
    lap("blind spots");
    // The summary and the readings' summaries read the same English terms.
    let corpus = corpus::Corpus::new(story);
    lap("summary terms");
    let statements = summary::Statements {
        story,
        consensus: &consensus,
        agreed: &agreed_facts,
        disputes: &disputes,
    };
    let summary = summary::summary_from(&corpus, &statements, config.summary_length());
    lap("summary");
    let readings = sides::readings(
        &sides::ReadingInputs {
            corpus: &corpus,
            statements,
            framing: &framing,
            tone: &tone,
        },
        config.outlets.as_ref(),
        config.side_key,
    );
    lap("readings");
    let voices = voices(story);
    lap("voices");
    let single_source = single_source::single_source_from(story, &matches, &consensus);
    lap("single source");
    Brief {
        story: story.id.clone(),
        sources: sources(story),
        summary,
        consensus: consensus::clauses_readable_alone(story, consensus),
        agreed_facts,
        voices,
        disputes,
        single_source,
        timeline: timeline::cited_by_date_part(story, timeline),
        blind_spots,
        framing,
        tone,
        readings,
        diagnostics: matches.similarity_diagnostics.clone(),
    }
}
