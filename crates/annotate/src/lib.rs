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
//! - [`entities`]: people, organisations, places and groups, each with its mentions, grouped
//!   within the article ("Jane Doe", "Doe", "the minister").
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

mod claims;
mod entities;
mod quantities;
pub mod quotes;
mod sentences;
mod times;

pub use claims::claims;
pub use entities::{entities, entities_in};
pub use quantities::{quantities, quantities_in};
pub use quotes::quotes;
pub use sentences::sentences;
pub use times::{times, times_in};

use parallax_model::{Annotated, Article};
use std::borrow::Cow;

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
    annotated.entities = entities(&annotated.article, &annotated.sentences);
    annotated.times = times(&annotated.article, &language);
    annotated.quantities = quantities(&annotated.article);
    annotated.quotes = quotes(&annotated.article, &annotated.sentences, &config.quotes);
    link_speakers(&mut annotated);
    // Claims read every other annotation, so they come last.
    annotated.claims = claims(&annotated);
    annotated
}

/// Points each quote's speaker at the entity one of whose mentions covers it, so that "Doe",
/// "the minister" and "Transport Minister Jane Doe" are one speaker. The head of a speaker
/// phrase is its last name ("union leader Jane Doe" is Doe, not the union), so the mention
/// that ends last wins.
fn link_speakers(annotated: &mut Annotated) {
    for quote in &mut annotated.quotes {
        let Some(speaker) = quote.speaker.clone() else {
            continue;
        };
        quote.speaker_entity = annotated
            .entities
            .iter()
            .enumerate()
            .flat_map(|(entity_idx, entity)| {
                entity
                    .mentions
                    .iter()
                    .filter(|mention| {
                        mention.range.start < speaker.end && speaker.start < mention.range.end
                    })
                    .map(move |mention| (mention.range.end, entity_idx))
            })
            .max()
            .map(|(_, entity_idx)| entity_idx);
    }
}

/// `text` lowercased, a typographic apostrophe written as ASCII ("didn’t" reads as "didn't"),
/// as every word of every article is compared with the lexicons. Lowercase ASCII, most words,
/// is borrowed; other ASCII is lowercased without Unicode tables.
pub(crate) fn lowercase(text: &str) -> Cow<'_, str> {
    if !text.is_ascii() {
        Cow::Owned(text.to_lowercase().replace('\u{2019}', "'"))
    } else if text.bytes().any(|byte| byte.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}
