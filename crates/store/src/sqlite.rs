//! The embedded database: articles, removed blocks, annotations, profiles and story membership in
//! one SQLite file, versioned and migrated in place.

use crate::records::{
    ArticleRow, Batch, Counts, InputStamp, Records, StoryChange, StoryFilter, StorySummary,
    decode_annotated, encode_annotations,
};
use crate::{Error, Result};
use chrono::NaiveDate;
use parallax_model::{ArticleId, StoryId};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema, one step per version: step `n` turns a version-`n` database into version `n + 1`.
/// Steps are never edited once released; a change of layout is a new step, so that every older
/// data folder can be brought up to date.
const MIGRATIONS: &[&str] = &[
    // Version 1: articles and what ingest and annotate made of them.
    "CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,
        language TEXT,
        authors TEXT NOT NULL,
        notes TEXT NOT NULL,
        syndicated_from TEXT,
        duplicate_of TEXT,
        text TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);
    CREATE TABLE removed_blocks (
        article_id TEXT NOT NULL REFERENCES articles (id),
        position INTEGER NOT NULL,
        reason TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    CREATE TABLE annotations (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        format INTEGER NOT NULL,
        json TEXT NOT NULL
    );
    CREATE TABLE inputs (
        label TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        modified INTEGER NOT NULL
    );",
    // Version 2: stories, as the story stage forms them while articles arrive.
    "CREATE TABLE profiles (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        json TEXT NOT NULL
    );
    CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        story_id TEXT NOT NULL
    );
    CREATE INDEX story_members_story ON story_members (story_id);
    CREATE TABLE clusterer (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL
    );",
];

/// The schema version this build writes: the number of migration steps.
pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a write waits for another process's lock before giving up with [`Error::Locked`].
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A SQLite database file.
#[derive(Debug)]
pub(crate) struct Sqlite {
    connection: Connection,
    path: PathBuf,
}

impl Sqlite {
    /// Opens (creating if missing) the database at `path` and brings its schema to
    /// [`SCHEMA_VERSION`]; `up_to` stops earlier, for tests of the migrations.
    pub(crate) fn open(path: &Path, up_to: i64) -> Result<Sqlite> {
        let connection = Connection::open(path).map_err(|error| Error::sqlite(path, &error))?;
        let mut database = Sqlite {
            connection,
            path: path.to_path_buf(),
        };
        database.configure()?;
        database.migrate(up_to)?;
        Ok(database)
    }

    /// A database over an already open connection, as it is; for tests of failures.
    #[cfg(test)]
    pub(crate) fn from_connection(connection: Connection, path: &Path) -> Sqlite {
        Sqlite {
            connection,
            path: path.to_path_buf(),
        }
    }

    fn error(&self, error: &rusqlite::Error) -> Error {
        Error::sqlite(&self.path, error)
    }

    fn configure(&mut self) -> Result<()> {
        self.connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|error| self.error(&error))?;
        // WAL lets `parallax search` read while an ingest writes; NORMAL synchronous is still
        // crash-safe in WAL mode (a power cut can lose the last commits, never corrupt the file).
        self.connection
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
            )
            .map_err(|error| self.error(&error))
    }

    fn version(&self) -> Result<i64> {
        self.connection
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|error| self.error(&error))
    }

    fn migrate(&mut self, up_to: i64) -> Result<()> {
        let found = self.version()?;
        if found > SCHEMA_VERSION {
            return Err(Error::NewerSchema {
                path: self.path.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found >= up_to {
            return Ok(());
        }
        let path = self.path.clone();
        let error = |error: rusqlite::Error| Error::sqlite(&path, &error);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(error)?;
        // Read again under the write lock: another process may have migrated meanwhile.
        let found: i64 = transaction
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(error)?;
        for (step_idx, step) in MIGRATIONS.iter().enumerate().take(up_to as usize) {
            if (step_idx as i64) < found {
                continue;
            }
            transaction.execute_batch(step).map_err(error)?;
        }
        transaction
            .execute_batch(&format!("PRAGMA user_version = {}", up_to.max(found)))
            .map_err(error)?;
        transaction.commit().map_err(error)
    }

    #[cfg(test)]
    pub(crate) fn schema_version(&self) -> Result<i64> {
        self.version()
    }

    fn story_title_and_dates(
        &self,
        story: &str,
    ) -> Result<(Option<String>, Option<NaiveDate>, Option<NaiveDate>)> {
        let (title, first, last): (Option<String>, Option<String>, Option<String>) = self
            .connection
            .query_row(
                "SELECT
                    (SELECT a.title FROM story_members m JOIN articles a ON a.id = m.article_id
                     WHERE m.story_id = ?1 AND a.title IS NOT NULL
                     ORDER BY a.published IS NULL, a.published, a.seq LIMIT 1),
                    MIN(a.published), MAX(a.published)
                 FROM story_members m JOIN articles a ON a.id = m.article_id
                 WHERE m.story_id = ?1",
                [story],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .map_err(|error| self.error(&error))?;
        Ok((title, parse_date(first), parse_date(last)))
    }
}

fn parse_date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Model types are plain data (strings, numbers, vectors); serializing them cannot fail.
    serde_json::to_string(value).expect("model types serialize to JSON")
}

impl Records for Sqlite {
    fn path(&self) -> &Path {
        &self.path
    }

    fn contains(&self, article: &ArticleId) -> Result<bool> {
        self.connection
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
            .and_then(|mut statement| statement.exists([article.as_str()]))
            .map_err(|error| self.error(&error))
    }

    fn input_unchanged(&self, stamp: &InputStamp) -> Result<bool> {
        self.connection
            .prepare_cached("SELECT 1 FROM inputs WHERE label = ?1 AND size = ?2 AND modified = ?3")
            .and_then(|mut statement| {
                statement.exists(params![stamp.label, stamp.size as i64, stamp.modified])
            })
            .map_err(|error| self.error(&error))
    }

    fn write(&mut self, batch: &Batch) -> Result<usize> {
        let path = self.path.clone();
        let error = |error: rusqlite::Error| Error::sqlite(&path, &error);
        let transaction = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(error)?;
        let mut n_added = 0;
        {
            let mut insert_article = transaction
                .prepare_cached(
                    "INSERT OR IGNORE INTO articles
                    (id, origin, url, outlet, title, published, language, authors, notes,
                     syndicated_from, duplicate_of, text)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )
                .map_err(error)?;
            let mut insert_removed = transaction
                .prepare_cached(
                    "INSERT INTO removed_blocks (article_id, position, reason, text)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(error)?;
            let mut insert_annotations = transaction
                .prepare_cached(
                    "INSERT INTO annotations (article_id, format, json) VALUES (?1, ?2, ?3)",
                )
                .map_err(error)?;
            for annotated in &batch.articles {
                let article = &annotated.article;
                let inserted = insert_article
                    .execute(params![
                        article.id.as_str(),
                        to_json(&article.origin),
                        article.url,
                        article.outlet,
                        article.title,
                        article
                            .published
                            .map(|date| date.format("%Y-%m-%d").to_string()),
                        article.language,
                        to_json(&article.authors),
                        to_json(&article.notes),
                        article.syndicated_from,
                        article.duplicate_of.as_ref().map(ArticleId::as_str),
                        article.text,
                    ])
                    .map_err(error)?;
                if inserted == 0 {
                    // Already stored (by an earlier run, or twice in one batch): the id is a hash
                    // of the text, so the stored one is the same article.
                    continue;
                }
                n_added += 1;
                for (position, block) in article.removed.iter().enumerate() {
                    let reason = serde_json::to_value(block.reason)
                        .ok()
                        .and_then(|value| value.as_str().map(str::to_string))
                        .unwrap_or_default();
                    insert_removed
                        .execute(params![
                            article.id.as_str(),
                            position as i64,
                            reason,
                            block.text
                        ])
                        .map_err(error)?;
                }
                let (format, json) = encode_annotations(annotated);
                insert_annotations
                    .execute(params![article.id.as_str(), format, json])
                    .map_err(error)?;
            }
            let mut insert_profile = transaction
                .prepare_cached(
                    "INSERT OR REPLACE INTO profiles (article_id, json) VALUES (?1, ?2)",
                )
                .map_err(error)?;
            for (article, json) in &batch.profiles {
                insert_profile
                    .execute(params![article.as_str(), json])
                    .map_err(error)?;
            }
            let mut join_story = transaction
                .prepare_cached(
                    "INSERT OR REPLACE INTO story_members (article_id, story_id) VALUES (?1, ?2)",
                )
                .map_err(error)?;
            let mut merge_story = transaction
                .prepare_cached("UPDATE story_members SET story_id = ?2 WHERE story_id = ?1")
                .map_err(error)?;
            for change in &batch.story_changes {
                match change {
                    StoryChange::Join { article, story } => {
                        join_story.execute(params![article.as_str(), story.0])
                    }
                    StoryChange::Merge { merged, into } => {
                        merge_story.execute(params![merged.0, into.0])
                    }
                }
                .map_err(error)?;
            }
            if let Some(state) = &batch.clusterer {
                transaction
                    .execute(
                        "INSERT OR REPLACE INTO clusterer (id, json) VALUES (1, ?1)",
                        [state],
                    )
                    .map_err(error)?;
            }
            let mut insert_input = transaction
                .prepare_cached(
                    "INSERT OR REPLACE INTO inputs (label, size, modified) VALUES (?1, ?2, ?3)",
                )
                .map_err(error)?;
            for stamp in &batch.inputs {
                insert_input
                    .execute(params![stamp.label, stamp.size as i64, stamp.modified])
                    .map_err(error)?;
            }
        }
        transaction.commit().map_err(error)?;
        Ok(n_added)
    }

    fn counts(&self) -> Result<Counts> {
        self.connection
            .query_row(
                "SELECT (SELECT COUNT(*) FROM articles),
                        (SELECT COUNT(DISTINCT story_id) FROM story_members),
                        (SELECT COUNT(*) FROM removed_blocks),
                        (SELECT COALESCE(MAX(seq), 0) FROM articles)",
                [],
                |row| {
                    Ok(Counts {
                        articles: row.get::<_, i64>(0)? as u64,
                        stories: row.get::<_, i64>(1)? as u64,
                        removed_blocks: row.get::<_, i64>(2)? as u64,
                        last_seq: row.get::<_, i64>(3)? as u64,
                    })
                },
            )
            .map_err(|error| self.error(&error))
    }

    fn articles_after(&self, seq: u64, limit: usize) -> Result<Vec<ArticleRow>> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT a.seq, a.id, a.origin, a.url, a.outlet, a.title, a.published, a.language,
                        a.authors, a.notes, a.syndicated_from, a.duplicate_of, a.text,
                        n.format, n.json
                 FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
                 WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2",
            )
            .map_err(|error| self.error(&error))?;
        let rows = statement
            .query_map(params![seq as i64, limit as i64], ArticleRow::from_row)
            .map_err(|error| self.error(&error))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|error| self.error(&error))
    }

    fn annotated(&self, row: ArticleRow) -> Result<parallax_model::Annotated> {
        let removed = self.removed_blocks(&row.id)?;
        decode_annotated(&self.path, row, removed)
    }

    fn article_row(&self, article: &ArticleId) -> Result<Option<ArticleRow>> {
        self.connection
            .prepare_cached(
                "SELECT a.seq, a.id, a.origin, a.url, a.outlet, a.title, a.published, a.language,
                        a.authors, a.notes, a.syndicated_from, a.duplicate_of, a.text,
                        n.format, n.json
                 FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
                 WHERE a.id = ?1",
            )
            .and_then(|mut statement| {
                statement
                    .query_row([article.as_str()], ArticleRow::from_row)
                    .optional()
            })
            .map_err(|error| self.error(&error))
    }

    fn story_of(&self, article: &ArticleId) -> Result<Option<StoryId>> {
        self.connection
            .prepare_cached("SELECT story_id FROM story_members WHERE article_id = ?1")
            .and_then(|mut statement| {
                statement
                    .query_row([article.as_str()], |row| row.get::<_, String>(0))
                    .optional()
            })
            .map(|story| story.map(StoryId))
            .map_err(|error| self.error(&error))
    }

    fn story_members(&self, story: &StoryId) -> Result<Vec<ArticleId>> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
                 WHERE m.story_id = ?1 ORDER BY a.published IS NULL, a.published, a.seq",
            )
            .map_err(|error| self.error(&error))?;
        let rows = statement
            .query_map([story.0.as_str()], |row| row.get::<_, String>(0))
            .map_err(|error| self.error(&error))?;
        rows.map(|row| row.map(ArticleId))
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|error| self.error(&error))
    }

    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>> {
        let since = filter.since.map(|date| date.format("%Y-%m-%d").to_string());
        let until = filter.until.map(|date| date.format("%Y-%m-%d").to_string());
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT m.story_id, COUNT(*),
                        GROUP_CONCAT(DISTINCT a.outlet)
                 FROM story_members m JOIN articles a ON a.id = m.article_id
                 GROUP BY m.story_id
                 HAVING (?1 IS NULL OR MAX(a.published) >= ?1)
                    AND (?2 IS NULL OR MIN(a.published) <= ?2)
                    AND (?3 IS NULL OR SUM(a.outlet = ?3 COLLATE NOCASE) > 0)
                 ORDER BY MAX(a.published) IS NULL, MAX(a.published) DESC, m.story_id",
            )
            .map_err(|error| self.error(&error))?;
        let rows = statement
            .query_map(params![since, until, filter.outlet], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, Option<String>>(2)?,
                ))
            })
            .map_err(|error| self.error(&error))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|error| self.error(&error))?;
        let mut summaries = Vec::with_capacity(rows.len());
        for (story, n_articles, outlets) in rows {
            let (title, first, last) = self.story_title_and_dates(&story)?;
            let mut outlets: Vec<String> = outlets
                .map(|outlets| outlets.split(',').map(str::to_string).collect())
                .unwrap_or_default();
            outlets.sort();
            summaries.push(StorySummary {
                id: StoryId(story),
                n_articles: n_articles as usize,
                outlets,
                first,
                last,
                title,
            });
        }
        Ok(summaries)
    }

    fn profiles_after(&self, seq: u64, limit: usize) -> Result<Vec<(u64, ArticleId, String)>> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT a.seq, p.article_id, p.json FROM profiles p JOIN articles a ON a.id = p.article_id
                 WHERE a.seq > ?1 ORDER BY a.seq LIMIT ?2",
            )
            .map_err(|error| self.error(&error))?;
        let rows = statement
            .query_map(params![seq as i64, limit as i64], |row| {
                Ok((
                    row.get::<_, i64>(0)? as u64,
                    ArticleId(row.get::<_, String>(1)?),
                    row.get::<_, String>(2)?,
                ))
            })
            .map_err(|error| self.error(&error))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|error| self.error(&error))
    }

    fn unplaced_profiles(&self) -> Result<Vec<(ArticleId, String)>> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT p.article_id, p.json FROM profiles p JOIN articles a ON a.id = p.article_id
                 WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = p.article_id)
                 ORDER BY a.seq",
            )
            .map_err(|error| self.error(&error))?;
        let rows = statement
            .query_map([], |row| {
                Ok((
                    ArticleId(row.get::<_, String>(0)?),
                    row.get::<_, String>(1)?,
                ))
            })
            .map_err(|error| self.error(&error))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|error| self.error(&error))
    }

    fn profile(&self, article: &ArticleId) -> Result<Option<String>> {
        self.connection
            .prepare_cached("SELECT json FROM profiles WHERE article_id = ?1")
            .and_then(|mut statement| {
                statement
                    .query_row([article.as_str()], |row| row.get::<_, String>(0))
                    .optional()
            })
            .map_err(|error| self.error(&error))
    }

    fn clusterer(&self) -> Result<Option<String>> {
        self.connection
            .query_row("SELECT json FROM clusterer WHERE id = 1", [], |row| {
                row.get::<_, String>(0)
            })
            .optional()
            .map_err(|error| self.error(&error))
    }
}

impl Sqlite {
    fn removed_blocks(&self, article: &ArticleId) -> Result<Vec<(String, String)>> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT reason, text FROM removed_blocks WHERE article_id = ?1 ORDER BY position",
            )
            .map_err(|error| self.error(&error))?;
        let rows = statement
            .query_map([article.as_str()], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(|error| self.error(&error))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|error| self.error(&error))
    }
}
