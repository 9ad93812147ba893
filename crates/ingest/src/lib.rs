//! Ingest: the first stage of Parallax. It reads the user's inputs (files, folders, standard input,
//! gzip, WARC archives, web addresses) into [`Document`]s, and extracts from each document the
//! clean text and metadata of its news articles as [`Article`]s, the input of the annotate stage.
//! HTML pages are pruned of figures, captions and named side boxes and go through dom_smoothie's
//! Readability, feeds through feed-rs, and all text, including already-scraped plain text,
//! through one boilerplate classifier that removes captions, widgets (summary widgets and their
//! disclaimers included), related links, cookie notices, comment footers, contact lines and the
//! site's closing promotions, and keeps bylines, dates, editor's notes and syndication credits as
//! metadata. Every removal is recorded in [`Article::removed`] with its reason.
//!
//! # Overview
//!
//! - [`read`] turns [`Input`]s into [`Document`]s plus a [`Diagnostic`] for every input that could
//!   not be read, within the limits of a [`ReadConfig`].
//! - [`extract`] turns one [`Document`] into [`Extracted`]: its articles (one for a page or a text,
//!   one per item for a feed) plus diagnostics, or an [`Error`] naming the input, following an
//!   [`ExtractConfig`].
//! - [`near_duplicates`] finds, among extracted articles, the ones that re-publish another with
//!   small edits (MinHash over word 5-gram shingles), so that they count as one source.
//!
//! ```
//! use parallax_ingest::{ExtractConfig, extract};
//! use parallax_model::{Document, DocumentFormat, Origin, RemovalReason};
//!
//! let text = "Harbour truce extended in Vell
//!
//! By Mara Quill
//!
//! Negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month.
//!
//! Share this article
//! ";
//! let document = Document {
//!     origin: Origin::Stdin,
//!     format: DocumentFormat::Text,
//!     bytes: text.as_bytes().to_vec(),
//! };
//! let extracted = extract(&document, &ExtractConfig::new())?;
//! let article = &extracted.articles[0];
//! assert_eq!(article.title.as_deref(), Some("Harbour truce extended in Vell"));
//! assert_eq!(article.authors, ["Mara Quill"]);
//! assert!(article.text.starts_with("Negotiators from the two harbour towns"));
//! assert_eq!(article.removed.last().map(|block| block.reason), Some(RemovalReason::Widget));
//! # Ok::<(), parallax_ingest::Error>(())
//! ```
//!
//! # What it does not do
//!
//! It follows no links: it reads the paths and addresses it is given and standard input, and
//! fetches an address only within [`ReadConfig`]'s limits (timeout, size cap, redirects, no
//! private addresses unless allowed). It does not split sentences or find entities (that is the
//! annotate stage). Its rules are general: no lexicon entry names an outlet, a person or an
//! event. Nothing in it panics on any input, and time and memory stay linear in the input's
//! size, bounded by [`ReadConfig::max_input_bytes`].
//!
//! # Cargo features
//!
//! - `url` (on by default): fetching `http(s)://` inputs, with reqwest, hyper, tokio and rustls
//!   on ring. Without it, a URL input gives an error diagnostic saying so.
#![deny(missing_docs)]

mod boilerplate;
mod date;
mod decode;
mod dedup;
mod error;
mod feed;
mod html;
mod language;
mod markdown;
mod mojibake;
mod read;
mod text;
mod url;
mod warc;

pub use dedup::{NEAR_DUPLICATE_THRESHOLD, near_duplicates};
pub use error::Error;
pub use read::{Input, ReadConfig, expand_folders, read};

use chrono::NaiveDate;
use parallax_model::{Article, Diagnostic, Document, DocumentFormat, Origin, Severity};

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Settings for [`extract`].
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    /// Fewest words an article's clean text may have; a shorter one is [`Error::NoText`]
    /// (a feed item: a warning, and the item is skipped).
    pub min_words: usize,
    /// Most blocks outside an HTML page's main content recorded in [`Article::removed`]; the
    /// rest are counted in a note.
    pub max_outside_blocks: usize,
    /// Most elements a page may have for main-content extraction; a larger page is read as its
    /// whole text, with a warning.
    pub max_html_elements: usize,
}

impl ExtractConfig {
    /// The defaults: at least 20 words, up to 100 outside blocks recorded, pages of up to 200,000
    /// elements.
    pub fn new() -> ExtractConfig {
        ExtractConfig {
            min_words: 20,
            max_outside_blocks: 100,
            max_html_elements: 200_000,
        }
    }
}

/// The articles of one document, and what the user should know about them.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// One article for a page or a text, one per usable item for a feed.
    pub articles: Vec<Article>,
    /// Notes and warnings: a guessed charset, a page read without its main-content extractor,
    /// feed items skipped.
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts the articles of one document.
///
/// HTML and plain text give one article; a feed gives one per item that has text, each with
/// [`Origin::FeedItem`]. The article's text is its paragraphs joined by blank lines, with no other
/// newlines, whitespace normalized and invisible characters dropped.
///
/// # Errors
///
/// [`Error::Binary`] for bytes that are not text, [`Error::NoText`] when fewer than
/// [`ExtractConfig::min_words`] words of article text remain, [`Error::Feed`] for a feed that
/// cannot be parsed. Each names the input.
pub fn extract(document: &Document, config: &ExtractConfig) -> Result<Extracted> {
    let label = document.origin.label();
    if document.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::NoText {
            input: label,
            reason: "the input is empty".to_string(),
        });
    }
    match document.format {
        DocumentFormat::Html => html::extract(document, config),
        DocumentFormat::Feed => feed::extract(document, config),
        DocumentFormat::Text => extract_text(document, config),
    }
}

fn extract_text(document: &Document, config: &ExtractConfig) -> Result<Extracted> {
    let label = document.origin.label();
    let decoded = decode::decode(&document.bytes, &label, |_| None)?;
    let mut diagnostics = Vec::new();
    if let Some(note) = decoded.note {
        diagnostics.push(Diagnostic::new(Severity::Note, &label, note));
    }
    let (plain, markup_removed) = if markdown::looks_like_markdown(&decoded.text) {
        markdown::to_text(&decoded.text)
    } else {
        (decoded.text, Vec::new())
    };
    let mut cleaned = text::clean(
        &plain,
        &text::Options {
            detect_title: true,
            known_title: None,
            unwrap_lines: true,
        },
    );
    cleaned.removed.extend(markup_removed);
    let article = finish(
        document.origin.clone(),
        cleaned,
        Metadata::default(),
        config,
        &mut diagnostics,
    )?;
    Ok(Extracted {
        articles: vec![article],
        diagnostics,
    })
}

/// Metadata found outside the text: in a page's head, in a feed item.
#[derive(Debug, Default)]
struct Metadata {
    title: Option<String>,
    authors: Vec<String>,
    published: Option<NaiveDate>,
    outlet: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

/// Builds the article from cleaned text and metadata; metadata wins over what the text itself
/// said (a byline, a date line), which fills the gaps.
fn finish(
    origin: Origin,
    cleaned: text::Cleaned,
    metadata: Metadata,
    config: &ExtractConfig,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Article> {
    let label = origin.label();
    let text = cleaned.paragraphs.join("\n\n");
    let n_words = boilerplate::count_words(&text);
    if n_words < config.min_words {
        let reason = if n_words == 0 {
            if cleaned.removed.is_empty() {
                "the input holds no text".to_string()
            } else {
                format!(
                    "nothing is left after removing {} blocks of boilerplate",
                    cleaned.removed.len()
                )
            }
        } else {
            format!("{n_words} words, fewer than {}", config.min_words)
        };
        return Err(Error::NoText {
            input: label,
            reason,
        });
    }
    let language = language::choose(metadata.language, &text, &label, diagnostics);
    let origin_url = origin.url().map(str::to_string);
    let mut article = Article::new(origin, text);
    article.title = metadata.title.or(cleaned.title);
    let mut authors = metadata.authors;
    text::add_authors(&mut authors, cleaned.authors);
    if authors.is_empty() {
        // An opinion piece often names its author only in the editor's note about them.
        let from_notes = cleaned
            .notes
            .iter()
            .filter_map(|note| boilerplate::note_author(note));
        text::add_authors(&mut authors, from_notes.take(1).collect());
    }
    article.authors = authors;
    article.published = metadata.published.or(cleaned.published);
    article.outlet = metadata.outlet.or(cleaned.outlet);
    // The address a page was fetched or archived from is where it really was; a canonical link
    // in the page only fills in for inputs that carry no address.
    article.url = origin_url.or(metadata.url);
    article.language = language;
    article.notes = cleaned.notes;
    article.removed = cleaned.removed;
    article.syndicated_from = cleaned.syndicated_from;
    Ok(article)
}

#[cfg(test)]
mod tests;
