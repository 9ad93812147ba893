//! What a database backend keeps, and the [`Records`] trait every backend implements (SQLite
//! today; a server database later, beside it, without changing the callers of [`crate::Store`]).

use crate::{Error, Result};
use chrono::NaiveDate;
use parallax_model::{
    Annotated, Article, ArticleId, Claim, Entity, Origin, Quantity, Quote, Reference, RemovedBlock,
    Sentence, StoryId, TimeExpression,
};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The version of the annotations record (JSON of the annotate stage's output). A change of the
/// model that old records cannot be read as bumps it, with a migration that re-reads them.
const ANNOTATIONS_FORMAT: i64 = 1;

/// One ingest step's worth of writes, committed together or not at all.
#[derive(Debug, Default)]
pub struct Batch {
    /// New articles with their annotations; ones already stored are skipped.
    pub articles: Vec<Annotated>,
    /// Story profiles of articles, as JSON written by the story stage.
    pub profiles: Vec<(ArticleId, String)>,
    /// Which stories articles belong to: each new article placed, articles moved, stories
    /// merged, applied in this order (a later change may undo an earlier one's effect).
    pub story_changes: Vec<StoryChange>,
    /// The story clusterer's state after this batch, as JSON written by the story stage.
    pub clusterer: Option<String>,
    /// Inputs read completely in this batch, so that an unchanged one is skipped next time.
    pub inputs: Vec<InputStamp>,
}

/// One change to which story articles belong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoryChange {
    /// The article belongs to the story from now on: a new article placed, or one moved.
    Join {
        /// The article.
        article: ArticleId,
        /// Its story.
        story: StoryId,
    },
    /// Every article of `merged`, whenever it was stored, belongs to `into` from now on.
    Merge {
        /// The story that ends.
        merged: StoryId,
        /// The story its articles join.
        into: StoryId,
    },
}

/// A file's identity for skipping it when it has not changed since it was ingested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputStamp {
    /// The input as named (a path).
    pub label: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time, in nanoseconds since the Unix epoch.
    pub modified: i64,
}

/// How much the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Articles.
    pub articles: u64,
    /// Stories with at least one article.
    pub stories: u64,
    /// Boilerplate blocks removed from the articles' inputs.
    pub removed_blocks: u64,
    /// The sequence number of the last article stored; articles are numbered from 1 as they
    /// arrive, which is how the search index knows how far it has got.
    pub last_seq: u64,
}

/// Which stories [`crate::Store::stories`] lists.
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    /// Stories with an article published on or after this day.
    pub since: Option<NaiveDate>,
    /// Stories with an article published on or before this day.
    pub until: Option<NaiveDate>,
    /// Stories with an article from this outlet (case-insensitive).
    pub outlet: Option<String>,
}

/// One line of `parallax stories`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorySummary {
    /// The story's id.
    pub id: StoryId,
    /// How many articles it has.
    pub n_articles: usize,
    /// Its outlets, sorted, each once.
    pub outlets: Vec<String>,
    /// The earliest publication date among its articles.
    pub first: Option<NaiveDate>,
    /// The latest publication date among its articles.
    pub last: Option<NaiveDate>,
    /// The title of its earliest article.
    pub title: Option<String>,
}

/// An article as a backend returns it, before its annotations are decoded.
#[derive(Debug)]
pub(crate) struct ArticleRow {
    pub(crate) seq: u64,
    pub(crate) id: ArticleId,
    origin: String,
    url: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) published: Option<String>,
    language: Option<String>,
    authors: String,
    notes: String,
    syndicated_from: Option<String>,
    duplicate_of: Option<String>,
    pub(crate) text: String,
    annotations_format: Option<i64>,
    annotations: Option<String>,
}

impl ArticleRow {
    /// Reads the columns in the order the backends select them.
    pub(crate) fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
        Ok(ArticleRow {
            seq: row.get::<_, i64>(0)? as u64,
            id: ArticleId(row.get(1)?),
            origin: row.get(2)?,
            url: row.get(3)?,
            outlet: row.get(4)?,
            title: row.get(5)?,
            published: row.get(6)?,
            language: row.get(7)?,
            authors: row.get(8)?,
            notes: row.get(9)?,
            syndicated_from: row.get(10)?,
            duplicate_of: row.get(11)?,
            text: row.get(12)?,
            annotations_format: row.get(13)?,
            annotations: row.get(14)?,
        })
    }

    /// Reads the columns in the order the PostgreSQL backend selects them.
    #[cfg(feature = "postgres")]
    pub(crate) fn from_postgres(row: &postgres::Row) -> ArticleRow {
        ArticleRow {
            seq: row.get::<_, i64>(0) as u64,
            id: ArticleId(row.get(1)),
            origin: row.get(2),
            url: row.get(3),
            outlet: row.get(4),
            title: row.get(5),
            published: row.get(6),
            language: row.get(7),
            authors: row.get(8),
            notes: row.get(9),
            syndicated_from: row.get(10),
            duplicate_of: row.get(11),
            text: row.get(12),
            annotations_format: row.get(13),
            annotations: row.get(14),
        }
    }
}

/// The annotate stage's output for one article, without the article: the article has columns of
/// its own, so that SQL can filter on them.
#[derive(Serialize)]
struct AnnotationsRef<'a> {
    sentences: &'a [Sentence],
    entities: &'a [Entity],
    times: &'a [TimeExpression],
    quantities: &'a [Quantity],
    quotes: &'a [Quote],
    claims: &'a [Claim],
    #[serde(skip_serializing_if = "<[Reference]>::is_empty")]
    references: &'a [Reference],
}

#[derive(Deserialize)]
struct Annotations {
    sentences: Vec<Sentence>,
    entities: Vec<Entity>,
    times: Vec<TimeExpression>,
    quantities: Vec<Quantity>,
    quotes: Vec<Quote>,
    claims: Vec<Claim>,
    /// Records written before pronouns were resolved have none.
    #[serde(default)]
    references: Vec<Reference>,
}

/// The annotations of `annotated` as a record: its format version and JSON.
pub(crate) fn encode_annotations(annotated: &Annotated) -> (i64, String) {
    let record = AnnotationsRef {
        sentences: &annotated.sentences,
        entities: &annotated.entities,
        times: &annotated.times,
        quantities: &annotated.quantities,
        quotes: &annotated.quotes,
        claims: &annotated.claims,
        references: &annotated.references,
    };
    // Plain data: serializing it cannot fail.
    let json = serde_json::to_string(&record).expect("annotations serialize to JSON");
    (ANNOTATIONS_FORMAT, json)
}

/// The annotated article a row and its removed blocks (reason, text) hold.
pub(crate) fn decode_annotated(
    path: &Path,
    row: ArticleRow,
    removed: Vec<(String, String)>,
) -> Result<Annotated> {
    let bad = |reason: String| Error::Record {
        path: path.to_path_buf(),
        article: row.id.to_string(),
        reason,
    };
    let origin: Origin = serde_json::from_str(&row.origin)
        .map_err(|error| bad(format!("origin column: {error}")))?;
    let authors: Vec<String> = serde_json::from_str(&row.authors)
        .map_err(|error| bad(format!("authors column: {error}")))?;
    let notes: Vec<String> =
        serde_json::from_str(&row.notes).map_err(|error| bad(format!("notes column: {error}")))?;
    let published = match &row.published {
        Some(text) => Some(
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|error| bad(format!("published column {text:?}: {error}")))?,
        ),
        None => None,
    };
    let mut removed_blocks = Vec::with_capacity(removed.len());
    for (reason, text) in removed {
        let reason = serde_json::from_value(serde_json::Value::String(reason.clone()))
            .map_err(|_| bad(format!("unknown removal reason {reason:?}")))?;
        removed_blocks.push(RemovedBlock { text, reason });
    }
    let annotations: Annotations = match (row.annotations_format, &row.annotations) {
        (Some(ANNOTATIONS_FORMAT), Some(json)) => {
            serde_json::from_str(json).map_err(|error| bad(format!("annotations: {error}")))?
        }
        (Some(format), Some(_)) => {
            return Err(bad(format!(
                "annotations in format {format}, this build reads format {ANNOTATIONS_FORMAT}"
            )));
        }
        _ => return Err(bad("no annotations stored".to_string())),
    };
    let article = Article {
        id: row.id.clone(),
        origin,
        url: row.url,
        outlet: row.outlet,
        title: row.title,
        authors,
        published,
        language: row.language,
        text: row.text,
        notes,
        removed: removed_blocks,
        syndicated_from: row.syndicated_from,
        duplicate_of: row.duplicate_of.map(ArticleId),
    };
    Ok(Annotated {
        article,
        sentences: annotations.sentences,
        entities: annotations.entities,
        times: annotations.times,
        quantities: annotations.quantities,
        quotes: annotations.quotes,
        claims: annotations.claims,
        references: annotations.references,
    })
}

/// What the store needs from a database. Everything but the search index lives behind it, and it
/// is the source of truth: the index is rebuilt from it.
pub(crate) trait Records: std::fmt::Debug + Send {
    /// The file or address, for messages.
    fn path(&self) -> &Path;
    /// Whether an article with this id is stored.
    fn contains(&self, article: &ArticleId) -> Result<bool>;
    /// Whether this input was ingested completely before, with the same size and time.
    fn input_unchanged(&self, stamp: &InputStamp) -> Result<bool>;
    /// Writes a batch in one transaction; returns how many articles were new.
    fn write(&mut self, batch: &Batch) -> Result<usize>;
    /// How much is stored.
    fn counts(&self) -> Result<Counts>;
    /// Up to `limit` articles with a sequence number above `seq`, in order.
    fn articles_after(&self, seq: u64, limit: usize) -> Result<Vec<ArticleRow>>;
    /// One article, when stored.
    fn article_row(&self, article: &ArticleId) -> Result<Option<ArticleRow>>;
    /// The annotated article of a row, with its removed blocks.
    fn annotated(&self, row: ArticleRow) -> Result<Annotated>;
    /// The story an article belongs to.
    fn story_of(&self, article: &ArticleId) -> Result<Option<StoryId>>;
    /// The articles of a story, earliest first.
    fn story_members(&self, story: &StoryId) -> Result<Vec<ArticleId>>;
    /// The stories that pass the filter, latest first.
    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>>;
    /// Up to `limit` stored story profiles of articles with a sequence number above `seq`, in
    /// order, each with its article's sequence number.
    fn profiles_after(&self, seq: u64, limit: usize) -> Result<Vec<(u64, ArticleId, String)>>;
    /// The stored story profile of one article.
    fn profile(&self, article: &ArticleId) -> Result<Option<String>>;
    /// The story clusterer's saved state.
    fn clusterer(&self) -> Result<Option<String>>;
    /// Profiles of the stored articles that are in no story yet, in arrival order: what
    /// workers stored and story placement has not reached.
    fn unplaced_profiles(&self) -> Result<Vec<(ArticleId, String)>>;
    /// Takes the story placement lock without waiting; `false` when another process holds it.
    /// A database with one writer at a time needs no lock of its own.
    fn try_lock_stories(&self) -> Result<bool> {
        Ok(true)
    }
    /// Releases the story placement lock.
    fn unlock_stories(&self) -> Result<()> {
        Ok(())
    }
    /// Full-text search by the database itself, for a store without a tantivy index.
    fn search(&self, query: &crate::SearchQuery) -> Result<Vec<crate::Hit>> {
        Err(Error::Query {
            query: query.text.clone(),
            reason: format!(
                "database {} has no full-text search of its own",
                self.path().display()
            ),
        })
    }
}
