//! The sources table.

use parallax_model::{ArticleId, SourceEntry, Story};
use std::collections::{BTreeMap, HashMap};

/// One row per article of `story`, numbered from 1 in story order. A near-duplicate's row
/// names the number of the source it re-publishes.
pub fn sources(story: &Story) -> Vec<SourceEntry> {
    let numbers: HashMap<&ArticleId, usize> = story
        .articles
        .iter()
        .enumerate()
        .map(|(idx, annotated)| (&annotated.article.id, idx + 1))
        .collect();
    story
        .articles
        .iter()
        .enumerate()
        .map(|(idx, annotated)| {
            let article = &annotated.article;
            let mut removed = BTreeMap::new();
            for block in &article.removed {
                *removed.entry(block.reason).or_insert(0) += 1;
            }
            SourceEntry {
                number: idx + 1,
                article: article.id.clone(),
                input: article.origin.label(),
                outlet: article.outlet.clone(),
                title: article.title.clone(),
                authors: article.authors.clone(),
                published: article.published,
                language: article.language.clone(),
                n_words: article.n_words(),
                removed,
                duplicate_of: article
                    .duplicate_of
                    .as_ref()
                    .and_then(|original| numbers.get(original).copied()),
            }
        })
        .collect()
}
