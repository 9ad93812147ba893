//! Annotate: [`Article`] → [`Annotated`], one article at a time.
//!
//! Each annotator reads the article's clean text and returns byte ranges into it, so every
//! annotation can be traced back to the words it stands on. Articles are independent: the engine
//! runs this stage in parallel.
//!
//! # Overview
//!
//! - [`annotate`]: all annotators, in order, on one article.
//! - [`sentences`]: sentence boundaries that survive news text (abbreviations, initials, times of
//!   day, quotes).
//! - [`quotes`]: direct quotes and reported speech with their cue verbs and speakers.
//! - [`times`]: time expressions with TIMEX3 values resolved against the publication date
//!   ("on Thursday", "mid-January", "three weeks later").
//!
//! ```
//! use parallax_annotate::{annotate, Config};
//! use parallax_model::{Article, Origin};
//!
//! let article = Article::new(Origin::Stdin, "The U.S. envoy met Gen. Ortiz. They spoke for an hour.".into());
//! let annotated = annotate(article, &Config::new());
//! assert_eq!(annotated.sentences.len(), 2);
//! assert_eq!(annotated.sentence_text(&annotated.sentences[0]), "The U.S. envoy met Gen. Ortiz.");
//! ```
//!
//! This crate does no I/O and never reads the clock: "now" is the article's own publication date.
#![deny(missing_docs)]

pub mod quotes;
mod sentences;
mod times;

pub use quotes::quotes;
pub use sentences::sentences;
pub use times::{times, times_in};

use parallax_model::{Annotated, Article};

/// Settings for the annotate stage.
#[derive(Debug, Clone)]
pub struct Config {
    /// Language used when the article does not declare one (ISO 639-1).
    pub fallback_language: String,
    /// Settings for [`quotes`].
    pub quotes: quotes::Config,
}

impl Config {
    /// The settings `parallax brief` uses.
    pub fn new() -> Config {
        Config {
            fallback_language: "en".to_string(),
            quotes: quotes::Config::new(),
        }
    }
}

/// Runs every annotator on `article`.
pub fn annotate(article: Article, config: &Config) -> Annotated {
    let language = article
        .language
        .clone()
        .unwrap_or_else(|| config.fallback_language.clone());
    let sentences = sentences(&article, &language);
    let mut annotated = Annotated::new(article);
    annotated.sentences = sentences;
    annotated.times = times(&annotated.article, &language);
    annotated.quotes = quotes(&annotated.article, &annotated.sentences, &config.quotes);
    annotated
}
