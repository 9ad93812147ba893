//! Identifiers and the [`Span`] that ties every brief item to its article.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Stable identity of an article: a hash of its clean text, so the same article read twice (from
/// a file, a feed or the store) has the same id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// The id of an article whose clean text is `text`: 16 hex digits of a 64-bit FNV-1a hash.
    ///
    /// FNV is written out here because it is stable across Rust versions and platforms, which
    /// `std::hash` does not promise, and it is six lines.
    pub fn for_text(text: &str) -> ArticleId {
        ArticleId(format!("{:016x}", fnv1a(text.as_bytes())))
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Identity of a story.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoryId(pub String);

impl StoryId {
    /// The id of the story made of `articles`, independent of their order.
    pub fn for_articles(articles: &[ArticleId]) -> StoryId {
        let mut sorted: Vec<&str> = articles.iter().map(ArticleId::as_str).collect();
        sorted.sort_unstable();
        StoryId(format!("{:016x}", fnv1a(sorted.join(",").as_bytes())))
    }
}

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A byte range `start..end` in the clean text of one article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The article the range belongs to.
    pub article: ArticleId,
    /// First byte, inclusive.
    pub start: usize,
    /// Last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// A span of `article` from `start` to `end`.
    pub fn new(article: ArticleId, start: usize, end: usize) -> Span {
        Span {
            article,
            start,
            end,
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_id_is_stable() {
        // Pinned so that a change of hash function, which would orphan stored articles, is seen.
        assert_eq!(ArticleId::for_text("").as_str(), "cbf29ce484222325");
        assert_eq!(ArticleId::for_text("a").as_str(), "af63dc4c8601ec8c");
    }

    #[test]
    fn story_id_ignores_order() {
        let a = ArticleId::for_text("a");
        let b = ArticleId::for_text("b");
        assert_eq!(
            StoryId::for_articles(&[a.clone(), b.clone()]),
            StoryId::for_articles(&[b, a])
        );
    }
}
