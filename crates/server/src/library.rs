//! [`Library`]: the stories, briefs and articles the server shows, and [`Memory`], a library
//! of stories briefed in memory.

use crate::Result;
use parallax_engine::brief_stage::Config as BriefConfig;
use parallax_engine::model::{Annotated, Brief, Readings, Story};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// One line of the stories list.
#[derive(Debug, Clone, PartialEq)]
pub struct StorySummary {
    /// Story id.
    pub id: String,
    /// A headline for the story: the first source's title, when it has one.
    pub title: Option<String>,
    /// Articles in the story.
    pub n_articles: usize,
    /// Distinct outlets, in source order.
    pub outlets: Vec<String>,
    /// Earliest publication date, `YYYY-MM-DD`.
    pub first_published: Option<String>,
    /// Latest publication date, `YYYY-MM-DD`.
    pub last_published: Option<String>,
    /// How its articles divide among sides.
    pub coverage: Coverage,
}

/// How a story's articles divide among sides, for the coverage bar of the stories list.
#[derive(Debug, Clone, PartialEq)]
pub enum Coverage {
    /// The sides and their articles.
    Sides {
        /// What groups the articles: a field of the outlet metadata (`leaning`, `country`,
        /// `ownership`, `state_affiliation`) or `inferred` (from framing, as the brief's
        /// readings infer them).
        by: String,
        /// Each side, most articles first, ties by label.
        sides: Vec<SideCount>,
    },
    /// No sides formed: inferring them takes three independent sources.
    NoSides,
    /// Not worked out yet: a stored story's sides are worked out when it is first listed or
    /// opened, a few stories per view of the list so that a large store lists quickly.
    Pending,
}

/// One side of a story and how many of its articles fall on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideCount {
    /// The side: the outlet field's value ("unlisted" for articles no outlet matches), or for
    /// an inferred side what sets it apart.
    pub label: String,
    /// Articles on this side.
    pub n_articles: usize,
}

/// The coverage of `story`: with outlet metadata, each article's side from its outlet (one
/// side is a side too); without, the sides the brief's `readings` inferred.
pub(crate) fn coverage(
    story: &Story,
    readings: Option<&Readings>,
    config: &BriefConfig,
) -> Coverage {
    let (by, mut sides): (&str, Vec<SideCount>) = match (&config.outlets, readings) {
        (Some(outlets), _) => {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for annotated in &story.articles {
                *counts
                    .entry(outlets.side(&annotated.article, config.side_key))
                    .or_default() += 1;
            }
            let sides = counts
                .into_iter()
                .map(|(label, n_articles)| SideCount { label, n_articles })
                .collect();
            (config.side_key.name(), sides)
        }
        (None, Some(readings)) => {
            let sides = readings
                .sides
                .iter()
                .map(|side| SideCount {
                    label: side.label.clone(),
                    n_articles: side.sources.len(),
                })
                .collect();
            ("inferred", sides)
        }
        (None, None) => return Coverage::NoSides,
    };
    sides.sort_by(|a, b| {
        b.n_articles
            .cmp(&a.n_articles)
            .then_with(|| a.label.cmp(&b.label))
    });
    Coverage::Sides {
        by: by.to_string(),
        sides,
    }
}

/// A story with its brief.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryRecord {
    /// The brief.
    pub brief: Brief,
    /// The annotated articles, in source order.
    pub story: Story,
}

/// One article with its annotations.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    /// The article and its annotations.
    pub annotated: Annotated,
    /// The story it belongs to, when it belongs to one.
    pub story: Option<String>,
}

/// One search result: an article and a snippet of its text around the match.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Article id.
    pub article: String,
    /// The story it belongs to, when it belongs to one.
    pub story: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Text around the match.
    pub snippet: String,
    /// Byte ranges of `snippet` that match the query, in order, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

/// What the server shows. Calls may block (disk, index); the server makes them off its async
/// threads.
pub trait Library: Send + Sync + 'static {
    /// Every story, newest first.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Library`] when the library cannot be read.
    fn stories(&self) -> Result<Vec<StorySummary>>;

    /// The story `id` with its brief, or `None` when there is no such story.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Library`] when the library cannot be read.
    fn story(&self, id: &str) -> Result<Option<Arc<StoryRecord>>>;

    /// The article `id`, or `None` when there is no such article.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Library`] when the library cannot be read.
    fn article(&self, id: &str) -> Result<Option<ArticleRecord>>;

    /// Articles matching `query`, best first, at most `limit`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Library`] when the library cannot be read or the query cannot be parsed.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;
}

/// Stories briefed once, kept in memory: what `parallax serve FOLDER...` shows without a store,
/// and what tests serve.
#[derive(Debug)]
pub struct Memory {
    stories: Vec<Arc<StoryRecord>>,
    /// Each story's coverage by side, in the order of `stories`.
    coverage: Vec<Coverage>,
    story_by_id: HashMap<String, usize>,
    /// Article id → (story index, article index in the story).
    article_by_id: HashMap<String, (usize, usize)>,
}

/// Characters of context shown on each side of a search match.
const SNIPPET_CONTEXT_BYTES: usize = 80;

impl Memory {
    /// A library of `stories`, in the order given, briefed with `config` (whose outlet
    /// metadata, when given, also draws the stories list's coverage bars).
    pub fn new(stories: Vec<StoryRecord>, config: &BriefConfig) -> Memory {
        let stories: Vec<Arc<StoryRecord>> = stories.into_iter().map(Arc::new).collect();
        let coverage = stories
            .iter()
            .map(|record| coverage(&record.story, record.brief.readings.as_ref(), config))
            .collect();
        let mut story_by_id = HashMap::new();
        let mut article_by_id = HashMap::new();
        for (story_idx, record) in stories.iter().enumerate() {
            story_by_id.insert(record.story.id.to_string(), story_idx);
            for (article_idx, annotated) in record.story.articles.iter().enumerate() {
                article_by_id
                    .entry(annotated.article.id.to_string())
                    .or_insert((story_idx, article_idx));
            }
        }
        Memory {
            stories,
            coverage,
            story_by_id,
            article_by_id,
        }
    }
}

impl Library for Memory {
    fn stories(&self) -> Result<Vec<StorySummary>> {
        Ok(self
            .stories
            .iter()
            .zip(&self.coverage)
            .map(|(record, coverage)| summarize(&record.brief, coverage.clone()))
            .collect())
    }

    fn story(&self, id: &str) -> Result<Option<Arc<StoryRecord>>> {
        Ok(self
            .story_by_id
            .get(id)
            .map(|&story_idx| Arc::clone(&self.stories[story_idx])))
    }

    fn article(&self, id: &str) -> Result<Option<ArticleRecord>> {
        Ok(self.article_by_id.get(id).map(|&(story_idx, article_idx)| {
            let record = &self.stories[story_idx];
            ArticleRecord {
                annotated: record.story.articles[article_idx].clone(),
                story: Some(record.story.id.to_string()),
            }
        }))
    }

    /// Case-insensitive search for the whole query as written, in titles and texts; a stand-in
    /// for the store's full-text index, enough for a few stories held in memory.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits = Vec::new();
        for record in &self.stories {
            for annotated in &record.story.articles {
                let article = &annotated.article;
                let Some((snippet, highlights)) = snippet(&article.text, &needle) else {
                    continue;
                };
                hits.push(SearchHit {
                    article: article.id.to_string(),
                    story: Some(record.story.id.to_string()),
                    title: article.title.clone(),
                    outlet: article.outlet.clone(),
                    published: article
                        .published
                        .map(|date| date.format("%Y-%m-%d").to_string()),
                    snippet,
                    highlights,
                });
                if hits.len() == limit {
                    return Ok(hits);
                }
            }
        }
        Ok(hits)
    }
}

/// The stories-list line of a brief.
fn summarize(brief: &Brief, coverage: Coverage) -> StorySummary {
    let mut outlets: Vec<String> = Vec::new();
    for source in &brief.sources {
        if let Some(outlet) = &source.outlet
            && !outlets.contains(outlet)
        {
            outlets.push(outlet.clone());
        }
    }
    let dates = brief.sources.iter().filter_map(|source| source.published);
    StorySummary {
        id: brief.story.to_string(),
        title: brief.sources.iter().find_map(|source| source.title.clone()),
        n_articles: brief.sources.len(),
        outlets,
        first_published: dates.clone().min().map(|date| date.to_string()),
        last_published: dates.max().map(|date| date.to_string()),
        coverage,
    }
}

/// The first match of `needle` (lowercase) in `text`, with context on each side, and the match's
/// range within the snippet. Matching lowercases char by char so byte offsets stay those of
/// `text`.
fn snippet(text: &str, needle: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let lowered: String = text
        .chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(single), None) if single.len_utf8() == c.len_utf8() => single,
                _ => c,
            }
        })
        .collect();
    let start = lowered.find(needle)?;
    let end = start + needle.len();
    let mut from = start.saturating_sub(SNIPPET_CONTEXT_BYTES);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + SNIPPET_CONTEXT_BYTES).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    // Newlines become spaces byte for byte, so the highlight offsets stay right.
    let snippet = text[from..to].replace('\n', " ");
    Some((snippet, vec![(start - from, end - from)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_keeps_offsets_of_the_original_case() {
        let (text, highlights) = snippet("The Harbour Board met.", "harbour board").expect("found");
        assert_eq!(text, "The Harbour Board met.");
        assert_eq!(highlights, [(4, 17)]);
        assert_eq!(&text[4..17], "Harbour Board");
    }
}
