//! [`Story`]: the articles that tell one story.

use crate::{Annotated, StoryId};

/// Articles about one event, annotated, in a stable order (by input order).
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Identity, derived from the member articles.
    pub id: StoryId,
    /// The member articles.
    pub articles: Vec<Annotated>,
}

impl Story {
    /// The story made of `articles`.
    pub fn new(articles: Vec<Annotated>) -> Story {
        let ids: Vec<_> = articles
            .iter()
            .map(|annotated| annotated.article.id.clone())
            .collect();
        Story {
            id: StoryId::for_articles(&ids),
            articles,
        }
    }
}
