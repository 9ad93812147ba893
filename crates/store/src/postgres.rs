//! The server database for a team: the same records as the SQLite file, kept in PostgreSQL, with
//! PostgreSQL's own full-text search (a `tsvector` column with the `english` configuration and
//! `ts_headline` snippets) in place of the tantivy folder.
//!
//! Full-text search lives in the database rather than in a tantivy index beside it because the
//! writers are workers on several machines: a tantivy index is one folder with one writer, so it
//! would need a machine of its own and a catch-up protocol, while a generated `tsvector` column
//! is written in the same transaction as its article, is never behind, and is shared by every
//! reader. The price is ranking: `ts_rank_cd` is cover density, not BM25.

use crate::records::{
    ArticleRow, Batch, Counts, InputStamp, Records, StoryChange, StoryFilter, StorySummary,
    decode_annotated, encode_annotations,
};
use crate::{Error, Hit, Result, SearchQuery, Snippet};
use chrono::NaiveDate;
use parallax_model::{Annotated, ArticleId, StoryId};
use postgres::{Client, NoTls};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

/// The schema, one step per version, as for SQLite: steps are never edited once released.
const MIGRATIONS: &[&str] = &[
    // Version 1: articles, annotations and stories, with the search vector beside the text.
    "CREATE TABLE articles (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        id TEXT PRIMARY KEY,
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
        text TEXT NOT NULL,
        entities TEXT[] NOT NULL,
        search TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', text), 'B')
        ) STORED
    );
    CREATE INDEX articles_search ON articles USING GIN (search);
    CREATE INDEX articles_entities ON articles USING GIN (entities);
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX articles_outlet ON articles (lower(outlet));
    CREATE TABLE removed_blocks (
        article_id TEXT NOT NULL REFERENCES articles (id),
        position INTEGER NOT NULL,
        reason TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
    );
    CREATE TABLE annotations (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        format BIGINT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE TABLE inputs (
        label TEXT PRIMARY KEY,
        size BIGINT NOT NULL,
        modified BIGINT NOT NULL
    );
    CREATE TABLE profiles (
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

/// The schema version this build writes.
pub(crate) const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The advisory lock key under which the schema is created or migrated, so that workers starting
/// together do not race to create the tables ("plx" "schm" in ASCII).
const MIGRATION_LOCK: i64 = 0x0070_6c78_7363_686d;

/// The advisory lock key held while one worker places articles in stories ("plx" "story").
const STORIES_LOCK: i64 = 0x706c_7873_746f_7279;

/// The columns of an article row, in [`ArticleRow::from_postgres`]'s order.
const ARTICLE_COLUMNS: &str = "a.seq, a.id, a.origin, a.url, a.outlet, a.title, a.published,
    a.language, a.authors, a.notes, a.syndicated_from, a.duplicate_of, a.text, n.format, n.json";

/// Marks around the matched words in `ts_headline`'s output, removed again and turned into byte
/// ranges. Control characters, because article text has had them removed by ingest.
const MATCH_START: &str = "\u{2}";
const MATCH_END: &str = "\u{3}";

/// A PostgreSQL database.
pub(crate) struct Postgres {
    // Reads take `&self` in [`Records`]; the client needs `&mut` for every query.
    client: RefCell<Client>,
    /// The server address without the password, for messages.
    address: PathBuf,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Postgres")
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}

impl Postgres {
    /// Connects to the server at `url` (`postgres://user@host:port/database`, any libpq-style
    /// options included) and brings the schema to [`SCHEMA_VERSION`].
    pub(crate) fn open(url: &str) -> Result<Postgres> {
        let address = PathBuf::from(redact(url));
        let client =
            Client::connect(url, NoTls).map_err(|error| Error::postgres(&address, &error))?;
        let database = Postgres {
            client: RefCell::new(client),
            address,
        };
        database.migrate()?;
        Ok(database)
    }

    fn error(&self, error: &postgres::Error) -> Error {
        Error::postgres(&self.address, error)
    }

    fn migrate(&self) -> Result<()> {
        let mut client = self.client.borrow_mut();
        let mut transaction = client.transaction().map_err(|error| self.error(&error))?;
        transaction
            .execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(|error| self.error(&error))?;
        transaction
            .batch_execute("CREATE TABLE IF NOT EXISTS parallax_schema (version BIGINT NOT NULL)")
            .map_err(|error| self.error(&error))?;
        let found: i64 = transaction
            .query_opt("SELECT version FROM parallax_schema", &[])
            .map_err(|error| self.error(&error))?
            .map_or(0, |row| row.get(0));
        if found > SCHEMA_VERSION {
            return Err(Error::NewerSchema {
                path: self.address.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        for step in MIGRATIONS.iter().skip(found as usize) {
            transaction
                .batch_execute(step)
                .map_err(|error| self.error(&error))?;
        }
        if found < SCHEMA_VERSION {
            transaction
                .execute("DELETE FROM parallax_schema", &[])
                .and_then(|_| {
                    transaction.execute(
                        "INSERT INTO parallax_schema (version) VALUES ($1)",
                        &[&SCHEMA_VERSION],
                    )
                })
                .map_err(|error| self.error(&error))?;
        }
        transaction.commit().map_err(|error| self.error(&error))
    }

    /// The articles that match `query`, best first, each with a `ts_headline` snippet.
    fn search_text(&self, query: &SearchQuery) -> Result<Vec<Hit>> {
        // `ts_headline` counts words, the caller counts characters: six characters a word is
        // about English news text with its spaces.
        let max_words = (query.snippet_chars / 6).max(4);
        let options = format!(
            "StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords={max_words}, MinWords={}, MaxFragments=1",
            (max_words / 2).max(1)
        );
        let since = query.since.map(|date| date.format("%Y-%m-%d").to_string());
        let until = query.until.map(|date| date.format("%Y-%m-%d").to_string());
        let entity = query.entity.as_ref().map(|entity| entity.to_lowercase());
        let limit = query.limit as i64;
        // Snippets only for the page of hits: `ts_headline` re-parses the whole text.
        let rows = self
            .client
            .borrow_mut()
            .query(
                "WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query),
                 hits AS (
                     SELECT a.id, a.title, a.outlet, a.published, a.text,
                            ts_rank_cd(a.search, q.query) AS score, a.seq
                     FROM articles a, q
                     WHERE a.search @@ q.query
                       AND ($2::TEXT IS NULL OR lower(a.outlet) = lower($2))
                       AND ($3::TEXT IS NULL OR a.published >= $3)
                       AND ($4::TEXT IS NULL OR a.published <= $4)
                       AND ($5::TEXT IS NULL OR a.entities @> ARRAY[$5::TEXT])
                     ORDER BY score DESC, a.seq
                     LIMIT $6
                 )
                 SELECT h.id, h.score, h.title, h.outlet, h.published, m.story_id,
                        ts_headline('english', h.text, q.query, $7)
                 FROM hits h CROSS JOIN q LEFT JOIN story_members m ON m.article_id = h.id
                 ORDER BY h.score DESC, h.seq",
                &[
                    &query.text,
                    &query.outlet,
                    &since,
                    &until,
                    &entity,
                    &limit,
                    &options,
                ],
            )
            .map_err(|error| self.error(&error))?;
        Ok(rows
            .iter()
            .map(|row| Hit {
                article: ArticleId(row.get(0)),
                score: row.get(1),
                title: row.get(2),
                outlet: row.get(3),
                published: parse_date(row.get(4)),
                story: row.get::<_, Option<String>>(5).map(StoryId),
                snippet: snippet(row.get(6)),
            })
            .collect())
    }

    fn removed_blocks(&self, article: &ArticleId) -> Result<Vec<(String, String)>> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                "SELECT reason, text FROM removed_blocks WHERE article_id = $1 ORDER BY position",
                &[&article.as_str()],
            )
            .map_err(|error| self.error(&error))?;
        Ok(rows.iter().map(|row| (row.get(0), row.get(1))).collect())
    }
}

/// A `ts_headline` fragment as a [`Snippet`]: the marks removed, their places kept as ranges.
fn snippet(marked: String) -> Snippet {
    let mut text = String::with_capacity(marked.len());
    let mut highlighted = Vec::new();
    let mut rest = marked.as_str();
    while let Some(start) = rest.find(MATCH_START) {
        text.push_str(&rest[..start]);
        rest = &rest[start + MATCH_START.len()..];
        let end = rest.find(MATCH_END).unwrap_or(rest.len());
        let range_start = text.len();
        text.push_str(&rest[..end]);
        highlighted.push(range_start..text.len());
        rest = rest.get(end + MATCH_END.len()..).unwrap_or("");
    }
    text.push_str(rest);
    Snippet { text, highlighted }
}

/// `url` without its password, for messages and [`Records::path`].
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user_info, host)) => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}@{host}{tail}")
        }
        None => url.to_string(),
    }
}

fn parse_date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
}

fn to_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Model types are plain data (strings, numbers, vectors); serializing them cannot fail.
    serde_json::to_string(value).expect("model types serialize to JSON")
}

impl Records for Postgres {
    fn path(&self) -> &Path {
        &self.address
    }

    fn contains(&self, article: &ArticleId) -> Result<bool> {
        self.client
            .borrow_mut()
            .query_opt("SELECT 1 FROM articles WHERE id = $1", &[&article.as_str()])
            .map(|row| row.is_some())
            .map_err(|error| self.error(&error))
    }

    fn input_unchanged(&self, stamp: &InputStamp) -> Result<bool> {
        self.client
            .borrow_mut()
            .query_opt(
                "SELECT 1 FROM inputs WHERE label = $1 AND size = $2 AND modified = $3",
                &[&stamp.label, &(stamp.size as i64), &stamp.modified],
            )
            .map(|row| row.is_some())
            .map_err(|error| self.error(&error))
    }

    fn write(&mut self, batch: &Batch) -> Result<usize> {
        let address = self.address.clone();
        let error = |error: postgres::Error| Error::postgres(&address, &error);
        let mut client = self.client.borrow_mut();
        let mut transaction = client.transaction().map_err(error)?;
        let insert_article = transaction
            .prepare(
                "INSERT INTO articles
                 (id, origin, url, outlet, title, published, language, authors, notes,
                  syndicated_from, duplicate_of, text, entities)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                 ON CONFLICT (id) DO NOTHING",
            )
            .map_err(error)?;
        let insert_removed = transaction
            .prepare(
                "INSERT INTO removed_blocks (article_id, position, reason, text)
                 VALUES ($1, $2, $3, $4)",
            )
            .map_err(error)?;
        let insert_annotations = transaction
            .prepare("INSERT INTO annotations (article_id, format, json) VALUES ($1, $2, $3)")
            .map_err(error)?;
        let mut n_added = 0;
        for annotated in &batch.articles {
            let article = &annotated.article;
            let mut entities: Vec<String> = annotated
                .entities
                .iter()
                .map(|entity| entity.name.to_lowercase())
                .collect();
            entities.sort();
            entities.dedup();
            let inserted = transaction
                .execute(
                    &insert_article,
                    &[
                        &article.id.as_str(),
                        &to_json(&article.origin),
                        &article.url,
                        &article.outlet,
                        &article.title,
                        &article
                            .published
                            .map(|date| date.format("%Y-%m-%d").to_string()),
                        &article.language,
                        &to_json(&article.authors),
                        &to_json(&article.notes),
                        &article.syndicated_from,
                        &article.duplicate_of.as_ref().map(ArticleId::as_str),
                        &article.text,
                        &entities,
                    ],
                )
                .map_err(error)?;
            if inserted == 0 {
                // Already stored, by an earlier run or another worker: the id is a hash of the
                // text, so the stored one is the same article.
                continue;
            }
            n_added += 1;
            for (position, block) in article.removed.iter().enumerate() {
                let reason = serde_json::to_value(block.reason)
                    .ok()
                    .and_then(|value| value.as_str().map(str::to_string))
                    .unwrap_or_default();
                transaction
                    .execute(
                        &insert_removed,
                        &[
                            &article.id.as_str(),
                            &(position as i32),
                            &reason,
                            &block.text,
                        ],
                    )
                    .map_err(error)?;
            }
            let (format, json) = encode_annotations(annotated);
            transaction
                .execute(&insert_annotations, &[&article.id.as_str(), &format, &json])
                .map_err(error)?;
        }
        for (article, json) in &batch.profiles {
            transaction
                .execute(
                    "INSERT INTO profiles (article_id, json) VALUES ($1, $2)
                     ON CONFLICT (article_id) DO UPDATE SET json = EXCLUDED.json",
                    &[&article.as_str(), json],
                )
                .map_err(error)?;
        }
        for change in &batch.story_changes {
            match change {
                StoryChange::Join { article, story } => transaction.execute(
                    "INSERT INTO story_members (article_id, story_id) VALUES ($1, $2)
                     ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id",
                    &[&article.as_str(), &story.0],
                ),
                StoryChange::Merge { merged, into } => transaction.execute(
                    "UPDATE story_members SET story_id = $2 WHERE story_id = $1",
                    &[&merged.0, &into.0],
                ),
            }
            .map_err(error)?;
        }
        if let Some(state) = &batch.clusterer {
            transaction
                .execute(
                    "INSERT INTO clusterer (id, json) VALUES (1, $1)
                     ON CONFLICT (id) DO UPDATE SET json = EXCLUDED.json",
                    &[state],
                )
                .map_err(error)?;
        }
        for stamp in &batch.inputs {
            transaction
                .execute(
                    "INSERT INTO inputs (label, size, modified) VALUES ($1, $2, $3)
                     ON CONFLICT (label) DO UPDATE
                     SET size = EXCLUDED.size, modified = EXCLUDED.modified",
                    &[&stamp.label, &(stamp.size as i64), &stamp.modified],
                )
                .map_err(error)?;
        }
        transaction.commit().map_err(error)?;
        Ok(n_added)
    }

    fn counts(&self) -> Result<Counts> {
        let row = self
            .client
            .borrow_mut()
            .query_one(
                "SELECT (SELECT COUNT(*) FROM articles),
                        (SELECT COUNT(DISTINCT story_id) FROM story_members),
                        (SELECT COUNT(*) FROM removed_blocks),
                        (SELECT COALESCE(MAX(seq), 0) FROM articles)",
                &[],
            )
            .map_err(|error| self.error(&error))?;
        Ok(Counts {
            articles: row.get::<_, i64>(0) as u64,
            stories: row.get::<_, i64>(1) as u64,
            removed_blocks: row.get::<_, i64>(2) as u64,
            last_seq: row.get::<_, i64>(3) as u64,
        })
    }

    fn articles_after(&self, seq: u64, limit: usize) -> Result<Vec<ArticleRow>> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                &format!(
                    "SELECT {ARTICLE_COLUMNS}
                     FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
                     WHERE a.seq > $1 ORDER BY a.seq LIMIT $2"
                ),
                &[&(seq as i64), &(limit as i64)],
            )
            .map_err(|error| self.error(&error))?;
        Ok(rows.iter().map(ArticleRow::from_postgres).collect())
    }

    fn article_row(&self, article: &ArticleId) -> Result<Option<ArticleRow>> {
        let row = self
            .client
            .borrow_mut()
            .query_opt(
                &format!(
                    "SELECT {ARTICLE_COLUMNS}
                     FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
                     WHERE a.id = $1"
                ),
                &[&article.as_str()],
            )
            .map_err(|error| self.error(&error))?;
        Ok(row.as_ref().map(ArticleRow::from_postgres))
    }

    fn annotated(&self, row: ArticleRow) -> Result<Annotated> {
        let removed = self.removed_blocks(&row.id)?;
        decode_annotated(&self.address, row, removed)
    }

    fn story_of(&self, article: &ArticleId) -> Result<Option<StoryId>> {
        self.client
            .borrow_mut()
            .query_opt(
                "SELECT story_id FROM story_members WHERE article_id = $1",
                &[&article.as_str()],
            )
            .map(|row| row.map(|row| StoryId(row.get(0))))
            .map_err(|error| self.error(&error))
    }

    fn story_members(&self, story: &StoryId) -> Result<Vec<ArticleId>> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id
                 WHERE m.story_id = $1 ORDER BY a.published IS NULL, a.published, a.seq",
                &[&story.0],
            )
            .map_err(|error| self.error(&error))?;
        Ok(rows.iter().map(|row| ArticleId(row.get(0))).collect())
    }

    fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>> {
        let since = filter.since.map(|date| date.format("%Y-%m-%d").to_string());
        let until = filter.until.map(|date| date.format("%Y-%m-%d").to_string());
        let rows = self
            .client
            .borrow_mut()
            .query(
                "SELECT m.story_id, COUNT(*),
                        ARRAY_REMOVE(ARRAY_AGG(DISTINCT a.outlet ORDER BY a.outlet), NULL),
                        MIN(a.published), MAX(a.published),
                        (ARRAY_AGG(a.title ORDER BY a.published IS NULL, a.published, a.seq)
                         FILTER (WHERE a.title IS NOT NULL))[1]
                 FROM story_members m JOIN articles a ON a.id = m.article_id
                 GROUP BY m.story_id
                 HAVING ($1::TEXT IS NULL OR MAX(a.published) >= $1)
                    AND ($2::TEXT IS NULL OR MIN(a.published) <= $2)
                    AND ($3::TEXT IS NULL OR BOOL_OR(lower(a.outlet) = lower($3)))
                 ORDER BY MAX(a.published) IS NULL, MAX(a.published) DESC, m.story_id",
                &[&since, &until, &filter.outlet],
            )
            .map_err(|error| self.error(&error))?;
        Ok(rows
            .iter()
            .map(|row| StorySummary {
                id: StoryId(row.get(0)),
                n_articles: row.get::<_, i64>(1) as usize,
                outlets: row.get(2),
                first: parse_date(row.get(3)),
                last: parse_date(row.get(4)),
                title: row.get(5),
            })
            .collect())
    }

    fn profiles_after(&self, seq: u64, limit: usize) -> Result<Vec<(u64, ArticleId, String)>> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                "SELECT a.seq, p.article_id, p.json FROM profiles p JOIN articles a ON a.id = p.article_id
                 WHERE a.seq > $1 ORDER BY a.seq LIMIT $2",
                &[&(seq as i64), &(limit as i64)],
            )
            .map_err(|error| self.error(&error))?;
        Ok(rows
            .iter()
            .map(|row| {
                (
                    row.get::<_, i64>(0) as u64,
                    ArticleId(row.get(1)),
                    row.get(2),
                )
            })
            .collect())
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<Hit>> {
        self.search_text(query)
    }

    fn unplaced_profiles(&self) -> Result<Vec<(ArticleId, String)>> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                "SELECT p.article_id, p.json FROM profiles p JOIN articles a ON a.id = p.article_id
                 WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = p.article_id)
                 ORDER BY a.seq",
                &[],
            )
            .map_err(|error| self.error(&error))?;
        Ok(rows
            .iter()
            .map(|row| (ArticleId(row.get(0)), row.get(1)))
            .collect())
    }

    fn try_lock_stories(&self) -> Result<bool> {
        // A session lock: a worker that dies holding it loses it with its connection.
        self.client
            .borrow_mut()
            .query_one("SELECT pg_try_advisory_lock($1)", &[&STORIES_LOCK])
            .map(|row| row.get(0))
            .map_err(|error| self.error(&error))
    }

    fn unlock_stories(&self) -> Result<()> {
        self.client
            .borrow_mut()
            .execute("SELECT pg_advisory_unlock($1)", &[&STORIES_LOCK])
            .map(|_| ())
            .map_err(|error| self.error(&error))
    }

    fn profile(&self, article: &ArticleId) -> Result<Option<String>> {
        let row = self
            .client
            .borrow_mut()
            .query_opt(
                "SELECT json FROM profiles WHERE article_id = $1",
                &[&article.as_str()],
            )
            .map_err(|error| self.error(&error))?;
        Ok(row.map(|row| row.get(0)))
    }

    fn clusterer(&self) -> Result<Option<String>> {
        self.client
            .borrow_mut()
            .query_opt("SELECT json FROM clusterer WHERE id = 1", &[])
            .map(|row| row.map(|row| row.get(0)))
            .map_err(|error| self.error(&error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{batch, corpus};
    use crate::{Location, Store};
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// The server the tests use; `PARALLAX_TEST_POSTGRES` overrides it.
    fn server_url() -> String {
        std::env::var("PARALLAX_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
    }

    /// A schema of its own for one test, dropped when the test ends, so that tests running at
    /// the same time (and earlier runs) never see each other's rows.
    struct Scratch {
        admin: Client,
        schema: String,
        url: String,
    }

    impl Scratch {
        /// `None`, with the reason printed, when no server is reachable.
        fn new() -> Option<Scratch> {
            static N_SCHEMAS: AtomicUsize = AtomicUsize::new(0);
            let mut admin = match Client::connect(&server_url(), NoTls) {
                Ok(admin) => admin,
                Err(error) => {
                    #[expect(clippy::print_stderr, reason = "a skipped test says why")]
                    {
                        eprintln!("skipped: no PostgreSQL at {}: {error}", server_url());
                    }
                    return None;
                }
            };
            let schema = format!(
                "parallax_test_{}_{}",
                std::process::id(),
                N_SCHEMAS.fetch_add(1, Ordering::Relaxed)
            );
            admin
                .batch_execute(&format!(
                    "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
                ))
                .expect("create a test schema");
            let url = format!("{}?options=-csearch_path%3D{schema}", server_url());
            Some(Scratch { admin, schema, url })
        }

        fn open(&self) -> Store {
            Store::open(&Location::Postgres(self.url.clone())).expect("open the PostgreSQL store")
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = self
                .admin
                .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }

    /// Searches and returns each hit as `outlet: highlighted words`.
    fn check_search(store: &Store, query: &SearchQuery, expected: &[&str]) {
        let hits = store.search(query).expect("search");
        let actual: Vec<String> = hits
            .iter()
            .map(|hit| {
                format!(
                    "{}: {}",
                    hit.outlet.as_deref().unwrap_or("?"),
                    hit.snippet.highlighted_text().join(",")
                )
            })
            .collect();
        assert_eq!(actual, expected, "{query:?}");
    }

    #[test]
    fn writing_twice_stores_once_and_reads_back() {
        let Some(scratch) = Scratch::new() else {
            return;
        };
        let mut store = scratch.open();
        assert_eq!(store.write(&batch(corpus())).expect("write"), 3);
        assert_eq!(store.write(&batch(corpus())).expect("write again"), 0);
        let counts = store.counts().expect("counts");
        assert_eq!((counts.articles, counts.removed_blocks), (3, 3));
        assert_eq!(store.n_indexed(), 3);
        let exported: Vec<Annotated> = store.articles().collect::<Result<_>>().expect("export");
        assert_eq!(exported, corpus());
        // A second connection (another worker) sees the same articles and keeps the schema.
        let again = scratch.open();
        assert_eq!(again.counts().expect("counts").articles, 3);
    }

    #[test]
    fn search_stems_filters_and_highlights() {
        let Some(scratch) = Scratch::new() else {
            return;
        };
        let mut store = scratch.open();
        store.write(&batch(corpus())).expect("write");
        check_search(
            &store,
            &SearchQuery::new("troop"),
            &["Harbor Ledger: troops"],
        );
        check_search(
            &store,
            &SearchQuery::new("ridge"),
            &["Harbor Ledger: ridge", "Valley Post: ridge"],
        );
        check_search(
            &store,
            &SearchQuery::new("\"ridge road\""),
            &["Valley Post: ridge,road"],
        );
        let mut query = SearchQuery::new("ridge");
        query.outlet = Some("valley post".to_string());
        check_search(&store, &query, &["Valley Post: ridge"]);
        let mut query = SearchQuery::new("ridge");
        query.entity = Some("TOVA MARRIN".to_string());
        check_search(&store, &query, &["Harbor Ledger: ridge"]);
        let mut query = SearchQuery::new("ridge OR bridge");
        query.since = NaiveDate::from_ymd_opt(2031, 3, 3);
        check_search(
            &store,
            &query,
            &["Valley Post: ridge", "Valley Post: bridge"],
        );
    }

    #[test]
    fn stories_are_listed_from_memberships() {
        let Some(scratch) = Scratch::new() else {
            return;
        };
        let mut store = scratch.open();
        let articles = corpus();
        let story = StoryId("ridge".to_string());
        let story_changes = articles[..2]
            .iter()
            .map(|annotated| StoryChange::Join {
                article: annotated.article.id.clone(),
                story: story.clone(),
            })
            .collect();
        store
            .write(&Batch {
                articles,
                story_changes,
                clusterer: Some("{}".to_string()),
                ..Batch::default()
            })
            .expect("write");
        let stories = store.stories(&StoryFilter::default()).expect("stories");
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].outlets, ["Harbor Ledger", "Valley Post"]);
        assert_eq!(stories[0].title.as_deref(), Some("Harbor Ledger headline"));
        let read = store
            .story(&story)
            .expect("story")
            .expect("the story is stored");
        assert_eq!(read.articles.len(), 2);
        assert_eq!(store.clusterer().expect("clusterer").as_deref(), Some("{}"));

        // A merge moves every member of the merged story.
        let other = StoryId("other".to_string());
        store
            .write(&Batch {
                story_changes: vec![StoryChange::Merge {
                    merged: story.clone(),
                    into: other.clone(),
                }],
                ..Batch::default()
            })
            .expect("write");
        let read = store.story(&other).expect("story").expect("merged into");
        assert_eq!(read.articles.len(), 2);
        assert_eq!(store.story(&story).expect("story"), None);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let Some(mut scratch) = Scratch::new() else {
            return;
        };
        drop(scratch.open());
        scratch
            .admin
            .batch_execute(&format!(
                "UPDATE {}.parallax_schema SET version = 99",
                scratch.schema
            ))
            .expect("pretend a newer parallax wrote it");
        let error = Store::open(&Location::Postgres(scratch.url.clone())).expect_err("refused");
        assert!(
            matches!(error, Error::NewerSchema { found: 99, .. }),
            "{error}"
        );
    }

    #[test]
    fn an_absent_server_is_unreachable() {
        let error = Store::open(&Location::Postgres(
            "postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2".to_string(),
        ))
        .expect_err("nothing listens on port 1");
        assert!(matches!(error, Error::Unreachable { .. }), "{error}");
        assert!(!error.to_string().contains("secret"), "{error}");
    }

    fn check_snippet(marked: &str, expected_text: &str, expected_highlights: &[&str]) {
        let snippet = snippet(marked.to_string());
        assert_eq!(snippet.text, expected_text);
        assert_eq!(snippet.highlighted_text(), expected_highlights);
    }

    #[test]
    fn snippet_marks_become_ranges() {
        check_snippet(
            "The \u{2}troops\u{3} left the \u{2}valley\u{3}",
            "The troops left the valley",
            &["troops", "valley"],
        );
        check_snippet("no match here", "no match here", &[]);
    }

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://ana:secret@db.example:5432/news?sslmode=disable"),
            "postgres://ana@db.example:5432/news?sslmode=disable"
        );
        assert_eq!(
            redact("postgres://ana@db.example/news"),
            "postgres://ana@db.example/news"
        );
    }
}
