//! [`Stored`]: the store as the server's [`Library`], briefs made on first view and kept.

use crate::library::{ArticleRecord, Library, SearchHit, StoryRecord, StorySummary};
use crate::{Error, Result};
use parallax_engine::model::{ArticleId, StoryId};
use parallax_engine::store::{SearchQuery, Store, StoryFilter};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// The stories, articles and search index of a store. A story's brief is made the first time
/// it is asked for and kept until the store changes (another `parallax ingest` while serving).
#[derive(Debug)]
pub struct Stored {
    // The store's SQLite connection may not be used from two threads at once.
    store: Mutex<Store>,
    briefs: Mutex<BriefCache>,
}

#[derive(Debug, Default)]
struct BriefCache {
    /// The store's last write sequence number when the cache was filled.
    last_seq: u64,
    by_story: HashMap<String, Arc<StoryRecord>>,
}

fn library_error(
    what: impl Into<String>,
    error: impl std::error::Error + Send + Sync + 'static,
) -> Error {
    Error::Library {
        what: what.into(),
        source: Box::new(error),
    }
}

impl Stored {
    /// Serves `store`.
    pub fn new(store: Store) -> Stored {
        Stored {
            store: Mutex::new(store),
            briefs: Mutex::new(BriefCache::default()),
        }
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves the store as it was (reads only), so the lock
        // is taken back rather than failing every later request.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Library for Stored {
    fn stories(&self) -> Result<Vec<StorySummary>> {
        let stories = self
            .store()
            .stories(&StoryFilter::default())
            .map_err(|error| library_error("the stories", error))?;
        Ok(stories
            .into_iter()
            .map(|story| StorySummary {
                id: story.id.to_string(),
                title: story.title,
                n_articles: story.n_articles,
                outlets: story.outlets,
                first_published: story.first.map(|date| date.to_string()),
                last_published: story.last.map(|date| date.to_string()),
            })
            .collect())
    }

    fn story(&self, id: &str) -> Result<Option<Arc<StoryRecord>>> {
        let (story, last_seq) = {
            let store = self.store();
            let last_seq = store
                .counts()
                .map_err(|error| library_error(format!("story {id}"), error))?
                .last_seq;
            {
                let mut cache = self
                    .briefs
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                if cache.last_seq != last_seq {
                    cache.by_story.clear();
                    cache.last_seq = last_seq;
                }
                if let Some(record) = cache.by_story.get(id) {
                    return Ok(Some(Arc::clone(record)));
                }
            }
            let story = store
                .story(&StoryId(id.to_string()))
                .map_err(|error| library_error(format!("story {id}"), error))?;
            (story, last_seq)
        };
        let Some(story) = story else {
            return Ok(None);
        };
        let split = parallax_engine::Split {
            stories: vec![story],
            diagnostics: Vec::new(),
            n_skipped: 0,
        };
        let config = parallax_engine::Config::new();
        let Some(outcome) = parallax_engine::brief_stories(split, &config)
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let record = Arc::new(StoryRecord {
            brief: outcome.brief,
            story: outcome.story,
        });
        let mut cache = self
            .briefs
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if cache.last_seq == last_seq {
            cache.by_story.insert(id.to_string(), Arc::clone(&record));
        }
        Ok(Some(record))
    }

    fn article(&self, id: &str) -> Result<Option<ArticleRecord>> {
        let store = self.store();
        let article_id = ArticleId(id.to_string());
        let what = || format!("article {id}");
        let Some(annotated) = store
            .article(&article_id)
            .map_err(|error| library_error(what(), error))?
        else {
            return Ok(None);
        };
        let story = store
            .story_of(&article_id)
            .map_err(|error| library_error(what(), error))?;
        Ok(Some(ArticleRecord {
            annotated,
            story: story.map(|story| story.to_string()),
        }))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let mut search = SearchQuery::new(query);
        search.limit = limit;
        let hits = self.store().search(&search).map_err(|error| match error {
            parallax_engine::store::Error::Query { query, reason } => {
                Error::Query { query, reason }
            }
            error => library_error(format!("search results for {query:?}"), error),
        })?;
        Ok(hits
            .into_iter()
            .map(|hit| SearchHit {
                article: hit.article.to_string(),
                story: hit.story.map(|story| story.to_string()),
                title: hit.title,
                outlet: hit.outlet,
                published: hit.published.map(|date| date.to_string()),
                snippet: hit.snippet.text,
                highlights: hit
                    .snippet
                    .highlighted
                    .into_iter()
                    .map(|range| (range.start, range.end))
                    .collect(),
            })
            .collect())
    }
}
