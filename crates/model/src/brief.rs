//! [`Brief`]: what the user reads.
//!
//! A section that the pipeline does not build yet is not a field here: the brief never shows an
//! empty stand-in for work that was not done.

use crate::{ArticleId, Diagnostic, RemovalReason, Span, StoryId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The brief of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// The story it briefs.
    pub story: StoryId,
    /// The articles, numbered from 1 in the order citations use.
    pub sources: Vec<SourceEntry>,
    /// What several articles say, most widely stated first.
    pub consensus: Vec<ConsensusItem>,
    /// Inputs that were skipped or read with trouble.
    pub diagnostics: Vec<Diagnostic>,
}

/// One row of the sources table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    /// Citation number, from 1.
    pub number: usize,
    /// The article.
    pub article: ArticleId,
    /// The input it was read from, as the user named it.
    pub input: String,
    /// The outlet, when known.
    pub outlet: Option<String>,
    /// The headline, when known.
    pub title: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
    /// Words in the clean text.
    pub n_words: usize,
    /// Blocks removed as boilerplate, counted by reason.
    pub removed: BTreeMap<RemovalReason, usize>,
}

/// A statement made by several articles, each in its own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsensusItem {
    /// How many distinct articles state it.
    pub n_articles: usize,
    /// Where each article states it, by citation number.
    pub citations: Vec<Citation>,
}

/// A pointer from a brief item to the words of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Citation number of the article in [`Brief::sources`].
    pub source: usize,
    /// Where the words are.
    pub span: Span,
    /// The words, copied for display.
    pub text: String,
}
