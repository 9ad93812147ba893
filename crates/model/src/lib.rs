//! The data model every Parallax stage shares: [`Document`] → [`Article`] → [`Annotated`] →
//! [`Story`] → [`Brief`].
//!
//! # Overview
//!
//! - [`Document`]: the bytes of one input and where they came from. Produced by the reader in
//!   `parallax-ingest`.
//! - [`Article`]: the clean text of one news article with its metadata (title, outlet, authors,
//!   publication date, language) and the blocks that were removed as boilerplate.
//! - [`Annotated`]: an article with its sentences and, as the annotate stage grows, entities,
//!   time expressions, quantities, quotes and claims.
//! - [`Story`]: the articles that tell one story.
//! - [`Brief`]: what the user reads; every item carries a [`Span`] pointing back to the article
//!   and byte range it comes from.
//!
//! Offsets are byte offsets into [`Article::text`], always on `char` boundaries.
//!
//! ```
//! use parallax_model::{Article, Origin, Span};
//!
//! let article = Article::new(Origin::Stdin, "Talks resumed on Monday.\n\nBoth sides met.".into());
//! let span = Span::new(article.id.clone(), 0, 24);
//! assert_eq!(article.slice(&span), Some("Talks resumed on Monday."));
//! ```
//!
//! This crate does no I/O and holds no algorithms beyond small accessors; it depends on no other
//! workspace crate.
#![deny(missing_docs)]

mod annotated;
mod article;
mod brief;
mod dateline;
mod diagnostic;
mod document;
mod id;
mod story;

pub use annotated::{
    Annotated, Attribution, Claim, Entity, EntityKind, MONTH_NAMES, Mention, Polarity, Quantity,
    Quote, QuoteKind, Reference, Sentence, TimeExpression, TimeKind, TimeModifier, WEEKDAY_NAMES,
    is_currency, is_party_tag, is_quantifier, joined_names, joins_two_names, mentions_within,
    readable_date, speaker_head_len, speaker_pair, speaker_relative_clause_start,
};
pub use article::{Article, RemovalReason, RemovedBlock, paragraph_ranges};
pub use brief::{
    AgreedFact, AgreedValue, BlindSpot, BlindSpots, Brief, Citation, ConsensusItem, Dispute,
    DisputeKind, DisputeSide, EntityTone, Framing, Genre, LoadedWord, Readings, Side, SideGrouping,
    SingleSourceItem, SourceEntry, SourceTone, SummaryKind, SummarySentence, TimelineEvent,
    TimelineMention, TonedWord, Voice, VoiceSource,
};
pub use dateline::dateline_len;
pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, DocumentFormat, Origin};
pub use id::{ArticleId, Span, StoryId};
pub use story::Story;
