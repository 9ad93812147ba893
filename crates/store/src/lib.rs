//! Store: keeps what Parallax reads. Annotated articles ([`Annotated`]), the boilerplate removed
//! from them, and the stories they form go into a database; a full-text index beside it answers
//! searches. It sits after the annotate and story stages and before `brief`: the engine writes
//! [`Batch`]es into it, and the `stories`, `search`, `export` and `brief --story` commands read
//! from it.
//!
//! # Overview
//!
//! - [`Store::open`] opens (or creates) the store at a [`Location`]: a data folder with a
//!   SQLite database (`parallax.sqlite3`) and a tantivy index (`index/`) beside it, or (cargo
//!   feature `postgres`) a PostgreSQL database that also does the full-text search.
//! - [`Store::write`] stores a [`Batch`] in one transaction: nothing of a batch is half-written.
//! - [`Store::stories`], [`Store::story`], [`Store::search`] and [`Store::articles`] read it back.
//!
//! ```
//! use parallax_model::{Annotated, Article, Origin};
//! use parallax_store::{Batch, Location, SearchQuery, Store};
//!
//! # let folder = tempfile::tempdir()?;
//! let mut store = Store::open(&Location::Folder(folder.path().to_path_buf()))?;
//! let article = Article::new(Origin::Stdin, "Troops left the valley on Monday.".into());
//! store.write(&Batch { articles: vec![Annotated::new(article)], ..Batch::default() })?;
//! let hits = store.search(&SearchQuery::new("troop"))?;
//! assert_eq!(hits.len(), 1);
//! assert_eq!(hits[0].snippet.highlighted_text(), ["Troops"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Invariants
//!
//! The database is the source of truth; the search index is derived from it and is rebuilt or
//! caught up when it is missing, unreadable, of another layout, or behind the database (each
//! repair is reported in [`Store::notes`]). Articles are keyed by [`ArticleId`], a hash of their
//! clean text, so writing the same article twice stores it once. The database carries a schema
//! version: an older one is migrated in place, a newer one refused with
//! [`Error::NewerSchema`].
//!
//! # What it does not do
//!
//! It runs no analysis: articles arrive annotated and story membership arrives decided, from the
//! engine. Story profiles and the clusterer's state are kept as the story stage's own JSON, which
//! this crate does not read. It does not print; repairs become notes.
#![deny(missing_docs)]

mod error;
mod index;
#[cfg(feature = "postgres")]
mod postgres;
mod records;
mod sqlite;

pub use error::Error;
pub use records::{Batch, Counts, InputStamp, StoryChange, StoryFilter, StorySummary};

use chrono::NaiveDate;
use index::{IndexQuery, SearchIndex};
use parallax_model::{Annotated, ArticleId, Diagnostic, Story, StoryId};
use records::{ArticleRow, Records};
use std::collections::VecDeque;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// The database file's name inside a data folder.
pub const DATABASE_FILE: &str = "parallax.sqlite3";

/// The search index's folder inside a data folder.
pub const INDEX_FOLDER: &str = "index";

/// The schema version of the databases this build writes.
pub const SCHEMA_VERSION: i64 = sqlite::SCHEMA_VERSION;

/// Where a store keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Location {
    /// A local folder: SQLite database and search index, no server.
    Folder(PathBuf),
    /// A PostgreSQL server, as a `postgres://user@host:port/database` URL, for a team and for
    /// workers on several machines; it searches with its own full-text search. Needs the
    /// `postgres` cargo feature.
    Postgres(String),
}

/// A search over the stored articles.
#[derive(Debug, Clone)]
pub struct SearchQuery {
    /// tantivy query syntax over titles and texts: words (all must occur), `"a phrase"`, `OR`,
    /// `-word`, `title:word`. Words are matched by their English stem.
    pub text: String,
    /// Only articles of this outlet (case-insensitive, whole name).
    pub outlet: Option<String>,
    /// Only articles published on or after this day.
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this day.
    pub until: Option<NaiveDate>,
    /// Only articles that name this entity (case-insensitive, its fullest name).
    pub entity: Option<String>,
    /// Most hits returned.
    pub limit: usize,
    /// Longest snippet, in characters.
    pub snippet_chars: usize,
}

impl SearchQuery {
    /// A query for `text` with no filters, at most 20 hits, snippets of up to 200 characters.
    pub fn new(text: &str) -> SearchQuery {
        SearchQuery {
            text: text.to_string(),
            outlet: None,
            since: None,
            until: None,
            entity: None,
            limit: 20,
            snippet_chars: 200,
        }
    }
}

/// One article a search found.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The article.
    pub article: ArticleId,
    /// Relevance, higher is better: tantivy's BM25 in a data folder, `ts_rank_cd` in PostgreSQL.
    pub score: f32,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its publication date.
    pub published: Option<NaiveDate>,
    /// The story it belongs to.
    pub story: Option<StoryId>,
    /// The passage of its text that matches best.
    pub snippet: Snippet,
}

/// A passage of an article's text with the words the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The passage, as in the article (untrusted text).
    pub text: String,
    /// Byte ranges of `text` that the query matched, in order, not overlapping.
    pub highlighted: Vec<Range<usize>>,
}

impl Snippet {
    /// The matched words, in order.
    pub fn highlighted_text(&self) -> Vec<&str> {
        self.highlighted
            .iter()
            .filter_map(|range| self.text.get(range.clone()))
            .collect()
    }
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    records: Box<dyn Records>,
    /// The tantivy index of a data folder; `None` for a database that searches itself.
    index: Option<SearchIndex>,
    notes: Vec<Diagnostic>,
}

impl Store {
    /// Opens the store at `location`, creating it when it does not exist, migrating an older
    /// database, and building, rebuilding or catching up the search index as needed.
    ///
    /// # Errors
    ///
    /// [`Error::NewerSchema`] for a database of a newer Parallax, [`Error::Locked`] when another
    /// process holds it, [`Error::ReadOnly`], [`Error::Folder`] and [`Error::Database`] when it
    /// cannot be opened or created, [`Error::Index`] when the index cannot be rebuilt.
    pub fn open(location: &Location) -> Result<Store> {
        match location {
            Location::Folder(folder) => Store::open_folder(folder, SCHEMA_VERSION),
            Location::Postgres(url) => Store::open_postgres(url),
        }
    }

    #[cfg(feature = "postgres")]
    fn open_postgres(url: &str) -> Result<Store> {
        Ok(Store {
            records: Box::new(postgres::Postgres::open(url)?),
            index: None,
            notes: Vec::new(),
        })
    }

    #[cfg(not(feature = "postgres"))]
    fn open_postgres(url: &str) -> Result<Store> {
        Err(Error::Unsupported {
            location: url.split('@').next_back().unwrap_or_default().to_string(),
            feature: "postgres",
        })
    }

    fn open_folder(folder: &Path, schema_version: i64) -> Result<Store> {
        std::fs::create_dir_all(folder).map_err(|error| Error::Folder {
            path: folder.to_path_buf(),
            reason: error.to_string(),
        })?;
        let records = sqlite::Sqlite::open(&folder.join(DATABASE_FILE), schema_version)?;
        let mut notes = Vec::new();
        let index = SearchIndex::open(&folder.join(INDEX_FOLDER), &records, &mut notes)?;
        Ok(Store {
            records: Box::new(records),
            index: Some(index),
            notes,
        })
    }

    /// What opening the store repaired (an index rebuilt or caught up), as notes.
    pub fn notes(&self) -> &[Diagnostic] {
        &self.notes
    }

    /// Whether an article with this id is stored.
    pub fn contains(&self, article: &ArticleId) -> Result<bool> {
        self.records.contains(article)
    }

    /// Whether this input was ingested completely before and has not changed since.
    pub fn input_unchanged(&self, stamp: &InputStamp) -> Result<bool> {
        self.records.input_unchanged(stamp)
    }

    /// Stores a batch in one database transaction, then indexes its articles; returns how many
    /// articles were new. An interruption between the two leaves the index behind the database,
    /// which the next [`Store::open`] catches up.
    ///
    /// # Errors
    ///
    /// [`Error::Locked`], [`Error::DiskFull`], [`Error::ReadOnly`], [`Error::Database`]: the
    /// batch was not written at all. [`Error::Index`]: the batch is stored but not yet
    /// searchable.
    pub fn write(&mut self, batch: &Batch) -> Result<usize> {
        let Some(index) = &mut self.index else {
            return self.records.write(batch);
        };
        // Taking the index writer's lock first makes a second ingest into the same folder fail
        // before it writes anything.
        index.lock_writer()?;
        let n_added = self.records.write(batch)?;
        for annotated in &batch.articles {
            index.add(annotated)?;
        }
        let last_seq = self.records.counts()?.last_seq;
        if last_seq != index.last_seq() {
            index.commit(last_seq)?;
        }
        Ok(n_added)
    }

    /// Waits for the index's background work to end; call once after the last write.
    pub fn finish(&mut self) -> Result<()> {
        match &mut self.index {
            Some(index) => index.finish(),
            None => Ok(()),
        }
    }

    /// How much the store holds.
    pub fn counts(&self) -> Result<Counts> {
        self.records.counts()
    }

    /// How many articles the search index holds; equal to [`Counts::articles`] once open. A
    /// database that searches itself indexes each article in the transaction that stores it,
    /// so this is its article count (0 when it cannot be read).
    pub fn n_indexed(&self) -> u64 {
        match &self.index {
            Some(index) => index.n_documents(),
            None => self.records.counts().map_or(0, |counts| counts.articles),
        }
    }

    /// One stored article with its annotations.
    pub fn article(&self, article: &ArticleId) -> Result<Option<Annotated>> {
        match self.records.article_row(article)? {
            Some(row) => Ok(Some(self.records.annotated(row)?)),
            None => Ok(None),
        }
    }

    /// Every stored article, in the order they arrived, read a chunk at a time.
    pub fn articles(&self) -> Articles<'_> {
        Articles {
            records: self.records.as_ref(),
            after: 0,
            buffered: VecDeque::new(),
            done: false,
        }
    }

    /// The story an article belongs to.
    pub fn story_of(&self, article: &ArticleId) -> Result<Option<StoryId>> {
        self.records.story_of(article)
    }

    /// The stories that pass `filter`, latest first.
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>> {
        self.records.stories(filter)
    }

    /// A story with its annotated articles, earliest first; `None` when no article has that
    /// story id.
    pub fn story(&self, story: &StoryId) -> Result<Option<Story>> {
        let members = self.records.story_members(story)?;
        if members.is_empty() {
            return Ok(None);
        }
        let mut articles = Vec::with_capacity(members.len());
        for member in &members {
            if let Some(annotated) = self.article(member)? {
                articles.push(annotated);
            }
        }
        Ok(Some(Story {
            id: story.clone(),
            articles,
        }))
    }

    /// Every stored story profile (the story stage's JSON) with its article, in arrival order,
    /// read a chunk at a time so that an archive's profiles are never all in memory at once.
    pub fn profiles(&self) -> Profiles<'_> {
        Profiles {
            records: self.records.as_ref(),
            after: 0,
            buffered: VecDeque::new(),
            done: false,
        }
    }

    /// The stored profiles (the story stage's JSON) of the articles stored after `article`, in
    /// arrival order, read a chunk at a time; `None` when `article` is not stored.
    pub fn profiles_after(&self, article: &ArticleId) -> Result<Option<Profiles<'_>>> {
        let Some(row) = self.records.article_row(article)? else {
            return Ok(None);
        };
        Ok(Some(Profiles {
            records: self.records.as_ref(),
            after: row.seq,
            buffered: VecDeque::new(),
            done: false,
        }))
    }

    /// The stored profile (the story stage's JSON) of one article.
    pub fn profile(&self, article: &ArticleId) -> Result<Option<String>> {
        self.records.profile(article)
    }

    /// Profiles (the story stage's JSON) of the stored articles that are in no story yet, in
    /// arrival order: what workers stored and story placement has not reached.
    pub fn unplaced_profiles(&self) -> Result<Vec<(ArticleId, String)>> {
        self.records.unplaced_profiles()
    }

    /// Takes the lock that makes one process at a time place articles in stories, without
    /// waiting: `false` when another worker holds it. A data folder has one writer anyway and
    /// always grants it; PostgreSQL holds it until [`Store::unlock_stories`] or until this
    /// store's connection ends.
    pub fn try_lock_stories(&self) -> Result<bool> {
        self.records.try_lock_stories()
    }

    /// Releases the lock [`Store::try_lock_stories`] took.
    pub fn unlock_stories(&self) -> Result<()> {
        self.records.unlock_stories()
    }

    /// The story clusterer's saved state (the story stage's JSON), if any was saved.
    pub fn clusterer(&self) -> Result<Option<String>> {
        self.records.clusterer()
    }

    /// The articles that match `query`, best first, each with a snippet.
    ///
    /// # Errors
    ///
    /// [`Error::Query`] when the query text cannot be parsed.
    pub fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>> {
        let Some(index) = &self.index else {
            // A store opens without a tantivy index only over a database that searches itself.
            return self.records.search(query);
        };
        let found = index.search(&IndexQuery {
            text: &query.text,
            outlet: query.outlet.as_deref(),
            since: query.since,
            until: query.until,
            entity: query.entity.as_deref(),
            limit: query.limit,
        })?;
        let generator = index.snippets(found.query.as_ref(), query.snippet_chars)?;
        let mut hits = Vec::with_capacity(found.hits.len());
        for (article, score) in found.hits {
            let Some(row) = self.records.article_row(&article)? else {
                continue;
            };
            let snippet = generator.snippet(&row.text);
            let snippet = if snippet.is_empty() {
                // The match was in the title only: show the opening of the text.
                Snippet {
                    text: opening(&row.text, query.snippet_chars),
                    highlighted: Vec::new(),
                }
            } else {
                Snippet {
                    text: snippet.fragment().to_string(),
                    highlighted: snippet.highlighted().to_vec(),
                }
            };
            let story = self.records.story_of(&article)?;
            hits.push(Hit {
                article,
                score,
                title: row.title,
                outlet: row.outlet,
                published: row
                    .published
                    .and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()),
                story,
                snippet,
            });
        }
        Ok(hits)
    }
}

/// The first `max_chars` characters of `text`, cut at a word boundary.
fn opening(text: &str, max_chars: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let cut = text[..cut].rfind(' ').unwrap_or(cut);
    text[..cut].to_string()
}

/// Stored articles in arrival order; see [`Store::articles`].
#[derive(Debug)]
pub struct Articles<'a> {
    records: &'a dyn Records,
    after: u64,
    buffered: VecDeque<ArticleRow>,
    done: bool,
}

/// Articles read from the database per step of [`Articles`].
const EXPORT_CHUNK: usize = 500;

/// Story profiles in arrival order; see [`Store::profiles`].
#[derive(Debug)]
pub struct Profiles<'a> {
    records: &'a dyn Records,
    after: u64,
    buffered: VecDeque<(u64, ArticleId, String)>,
    done: bool,
}

/// Profiles read from the database per step of [`Profiles`].
const PROFILES_CHUNK: usize = 2_000;

impl Iterator for Profiles<'_> {
    type Item = Result<(ArticleId, String)>;

    fn next(&mut self) -> Option<Result<(ArticleId, String)>> {
        if self.buffered.is_empty() && !self.done {
            match self.records.profiles_after(self.after, PROFILES_CHUNK) {
                Ok(rows) => {
                    self.done = rows.len() < PROFILES_CHUNK;
                    self.buffered.extend(rows);
                }
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
            }
        }
        let (seq, article, json) = self.buffered.pop_front()?;
        self.after = seq;
        Some(Ok((article, json)))
    }
}

impl Iterator for Articles<'_> {
    type Item = Result<Annotated>;

    fn next(&mut self) -> Option<Result<Annotated>> {
        if self.buffered.is_empty() && !self.done {
            match self.records.articles_after(self.after, EXPORT_CHUNK) {
                Ok(rows) => {
                    self.done = rows.len() < EXPORT_CHUNK;
                    self.buffered.extend(rows);
                }
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
            }
        }
        let row = self.buffered.pop_front()?;
        self.after = row.seq;
        Some(self.records.annotated(row))
    }
}

#[cfg(test)]
mod tests;
