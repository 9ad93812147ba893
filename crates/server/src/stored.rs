//! [`Stored`]: the store as the server's [`Library`], briefs made on first view and kept.

use crate::library::{
    ArticleRecord, Coverage, Library, SearchHit, StoryRecord, StorySummary, coverage,
};
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
    config: parallax_engine::Config,
}

#[derive(Debug, Default)]
struct BriefCache {
    /// The store's last write sequence number when the cache was filled.
    last_seq: u64,
    by_story: HashMap<String, Arc<StoryRecord>>,
    coverage_by_story: HashMap<String, Coverage>,
}

/// Stories whose coverage by side one view of the stories list works out, at most. Without
/// outlet metadata the sides come from the brief, which takes a tenth of a second or more per
/// story; a first view of a large store would otherwise brief every story before answering.
const NEW_COVERAGE_PER_VIEW: usize = 8;

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
    /// Serves `store`, briefing its stories with `config` (whose outlet metadata, when given,
    /// also draws the stories list's coverage bars).
    pub fn new(store: Store, config: parallax_engine::Config) -> Stored {
        Stored {
            store: Mutex::new(store),
            briefs: Mutex::new(BriefCache::default()),
            config,
        }
    }

    /// The cache, emptied first when the store has changed since it was filled.
    fn cache(&self, last_seq: u64) -> MutexGuard<'_, BriefCache> {
        let mut cache = self
            .briefs
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if cache.last_seq != last_seq {
            cache.by_story.clear();
            cache.coverage_by_story.clear();
            cache.last_seq = last_seq;
        }
        cache
    }

    fn last_seq(&self, store: &Store, what: impl FnOnce() -> String) -> Result<u64> {
        Ok(store
            .counts()
            .map_err(|error| library_error(what(), error))?
            .last_seq)
    }

    /// The coverage of story `id`: from its articles' outlets when outlet metadata is given
    /// (no brief needed), else from its brief's readings.
    fn work_out_coverage(&self, id: &str) -> Result<Coverage> {
        let brief_config = &self.config.brief;
        let coverage = if brief_config.outlets.is_some() {
            let story = self
                .store()
                .story(&StoryId(id.to_string()))
                .map_err(|error| library_error(format!("story {id}"), error))?;
            match story {
                Some(story) => coverage(&story, None, brief_config),
                None => Coverage::NoSides,
            }
        } else {
            match self.story(id)? {
                Some(record) => {
                    coverage(&record.story, record.brief.readings.as_ref(), brief_config)
                }
                None => Coverage::NoSides,
            }
        };
        Ok(coverage)
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
        let (stories, last_seq) = {
            let store = self.store();
            let stories = store
                .stories(&StoryFilter::default())
                .map_err(|error| library_error("the stories", error))?;
            (
                stories,
                self.last_seq(&store, || "the stories".to_string())?,
            )
        };
        let mut n_new = 0;
        let mut summaries = Vec::with_capacity(stories.len());
        for story in stories {
            let id = story.id.to_string();
            let cached = self.cache(last_seq).coverage_by_story.get(&id).cloned();
            let coverage = match cached {
                Some(coverage) => coverage,
                None if n_new < NEW_COVERAGE_PER_VIEW => {
                    n_new += 1;
                    let coverage = self.work_out_coverage(&id)?;
                    self.cache(last_seq)
                        .coverage_by_story
                        .insert(id.clone(), coverage.clone());
                    coverage
                }
                None => Coverage::Pending,
            };
            summaries.push(StorySummary {
                id,
                title: story.title,
                n_articles: story.n_articles,
                outlets: story.outlets,
                first_published: story.first.map(|date| date.to_string()),
                last_published: story.last.map(|date| date.to_string()),
                coverage,
            });
        }
        Ok(summaries)
    }

    fn story(&self, id: &str) -> Result<Option<Arc<StoryRecord>>> {
        let (story, last_seq) = {
            let store = self.store();
            let last_seq = self.last_seq(&store, || format!("story {id}"))?;
            if let Some(record) = self.cache(last_seq).by_story.get(id) {
                return Ok(Some(Arc::clone(record)));
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
        let Some(outcome) = parallax_engine::brief_stories(split, &self.config)
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
        // A write while briefing made this brief stale; it is answered but not kept.
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
