//! [`Article`]: the clean text of one news article and its metadata.

use crate::{ArticleId, Origin, Span};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One news article after extraction and cleaning.
///
/// Invariant: `id` is [`ArticleId::for_text`] of `text`; [`Article::new`] sets both, and stages
/// after ingest never change `text`, so every offset into it stays valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Identity, derived from `text`.
    pub id: ArticleId,
    /// Where the article came from.
    pub origin: Origin,
    /// The page's own address, when the input gave one: the address it was fetched or archived
    /// from, else the canonical link the page declares.
    pub url: Option<String>,
    /// The publisher: a site name, or the domain of `url`.
    pub outlet: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Bylines, as written, without "By".
    pub authors: Vec<String>,
    /// The publication date, when the input gave one.
    pub published: Option<NaiveDate>,
    /// ISO 639-1 code of the text's language, when it could be told.
    pub language: Option<String>,
    /// The main text: paragraphs separated by a blank line (`"\n\n"`), no other newlines.
    pub text: String,
    /// Editor's notes and similar statements about the article, kept as metadata.
    pub notes: Vec<String>,
    /// Blocks removed from the input as boilerplate, in input order, each with its reason.
    pub removed: Vec<RemovedBlock>,
    /// The outlet a syndication credit line names ("Source: …", "Originally published by …",
    /// "This article first appeared on …"): the article is a copy of that outlet's story.
    #[serde(default)]
    pub syndicated_from: Option<String>,
    /// The article of the same run that this one re-publishes with small edits (a wire story on
    /// an aggregator), when ingest's near-duplicate detection found one. Later stages count the
    /// two as one source of evidence. Set by the engine, never by extraction, and always names
    /// an article that is not itself a duplicate.
    #[serde(default)]
    pub duplicate_of: Option<ArticleId>,
}

impl Article {
    /// An article from `origin` whose clean text is `text`; metadata starts empty.
    pub fn new(origin: Origin, text: String) -> Article {
        Article {
            id: ArticleId::for_text(&text),
            origin,
            url: None,
            outlet: None,
            title: None,
            authors: Vec::new(),
            published: None,
            language: None,
            text,
            notes: Vec::new(),
            removed: Vec::new(),
            syndicated_from: None,
            duplicate_of: None,
        }
    }

    /// The text a span covers, or `None` if the span belongs to another article or is out of
    /// range.
    pub fn slice(&self, span: &Span) -> Option<&str> {
        if span.article != self.id {
            return None;
        }
        self.text.get(span.start..span.end)
    }

    /// Byte ranges of the paragraphs of [`Article::text`], in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        paragraph_ranges(&self.text)
    }

    /// Number of words in the text, counting whitespace-separated tokens.
    pub fn n_words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// A name for the article in messages and tables: the outlet, else the input's label.
    pub fn display_source(&self) -> String {
        self.outlet.clone().unwrap_or_else(|| self.origin.label())
    }
}

/// Byte ranges of the paragraphs of `text` as [`Article::text`] holds them: blocks separated by
/// a blank line, blank blocks left out.
pub fn paragraph_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = text.as_ptr() as usize;
    text.split("\n\n")
        .filter(|paragraph| !paragraph.trim().is_empty())
        .map(move |paragraph| {
            let start = paragraph.as_ptr() as usize - base;
            start..start + paragraph.len()
        })
}

/// Why a block of the input was not kept as article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RemovalReason {
    /// Outside the main content as found by the extractor (menus, sidebars, footers of a page).
    OutsideMainContent,
    /// A line that occurs more than once in the same input, such as a repeated photo caption.
    Repeated,
    /// A photo or video caption or credit.
    Caption,
    /// A call to action: "read more", "get a summary", newsletter sign-ups, share buttons.
    Widget,
    /// Links to other articles: "previous article", "related", their headlines.
    Related,
    /// Cookie and consent notices.
    Cookie,
    /// Comment-system lines: "comments are closed", "comments powered by".
    Comments,
    /// An editor's note about the author or the article; kept in [`Article::notes`].
    EditorNote,
    /// A byline or date line; kept as metadata.
    Byline,
    /// Contact lines, e-mail addresses, copyright notices.
    Contact,
    /// The headline repeated in the body.
    Title,
    /// A syndication credit line ("Source: …", "Originally published by …"); the outlet it
    /// names is kept in [`Article::syndicated_from`].
    Syndication,
}

/// A block removed as boilerplate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedBlock {
    /// The text of the block as it was in the input.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_byte_ranges() {
        let article = Article::new(Origin::Stdin, "One.\n\nTwo two.\n\nThree.".to_string());
        let paragraphs: Vec<&str> = article
            .paragraphs()
            .map(|range| &article.text[range])
            .collect();
        assert_eq!(paragraphs, ["One.", "Two two.", "Three."]);
    }

    #[test]
    fn slice_refuses_foreign_spans() {
        let article = Article::new(Origin::Stdin, "Some text.".to_string());
        let other = Span::new(ArticleId::for_text("other"), 0, 4);
        assert_eq!(article.slice(&other), None);
        let past_end = Span::new(article.id.clone(), 0, 400);
        assert_eq!(article.slice(&past_end), None);
    }
}
