//! The full-text search index: tantivy over titles and texts with an English stemmer, plus
//! outlet, date and entity fields for filters. Derived from the database and rebuilt from it.

use crate::records::Records;
use crate::{Error, Result};
use chrono::NaiveDate;
use parallax_model::{Annotated, ArticleId, Diagnostic, Severity};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The layout of the index. A change of fields or tokenizer bumps it, and an index of another
/// layout is rebuilt from the database when the store opens.
const INDEX_FORMAT: u64 = 1;

/// Memory the index writer may buffer before it writes a segment. tantivy wants at least 15 MB
/// per thread; 64 MB on one thread keeps ingest's memory flat and the segments few.
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

/// Articles read from the database per step while rebuilding, so that a rebuild of a large
/// archive holds a bounded number of articles in memory.
const REBUILD_CHUNK: usize = 1_000;

/// tantivy's built-in analyzer: words lowercased and reduced to their English stem, so that
/// "troop" finds "troops".
const ENGLISH: &str = "en_stem";

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    text: Field,
    outlet: Field,
    published: Field,
    entity: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let english = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ENGLISH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        title: builder.add_text_field("title", english.clone()),
        text: builder.add_text_field("text", english),
        outlet: builder.add_text_field("outlet", STRING),
        published: builder.add_date_field("published", INDEXED | FAST),
        entity: builder.add_text_field("entity", STRING),
    };
    (builder.build(), fields)
}

/// What the index's last commit says about itself.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Payload {
    format: u64,
    /// The sequence number of the last article indexed.
    last_seq: u64,
}

/// The search index of a data folder.
pub(crate) struct SearchIndex {
    path: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Option<IndexWriter>,
    last_seq: u64,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("path", &self.path)
            .field("last_seq", &self.last_seq)
            .finish_non_exhaustive()
    }
}

/// A filter and query over the index; see [`crate::SearchQuery`].
pub(crate) struct IndexQuery<'a> {
    pub(crate) text: &'a str,
    pub(crate) outlet: Option<&'a str>,
    pub(crate) since: Option<NaiveDate>,
    pub(crate) until: Option<NaiveDate>,
    pub(crate) entity: Option<&'a str>,
    pub(crate) limit: usize,
}

/// One search hit: the article, its score, and the parsed query for snippets.
pub(crate) struct IndexHits {
    pub(crate) hits: Vec<(ArticleId, f32)>,
    pub(crate) query: Box<dyn Query>,
}

impl SearchIndex {
    /// Opens the index at `path`, building it, rebuilding it or catching it up from `records`
    /// as needed; each repair adds a note to `notes`.
    pub(crate) fn open(
        path: &Path,
        records: &dyn Records,
        notes: &mut Vec<Diagnostic>,
    ) -> Result<SearchIndex> {
        let last_seq = records.counts()?.last_seq;
        let mut index = match SearchIndex::try_open(path) {
            Ok(Some(index)) if index.last_seq <= last_seq => index,
            Ok(Some(index)) => {
                notes.push(note(
                    path,
                    &format!(
                        "search index is ahead of the database (article {} of {last_seq}); rebuilt from the database",
                        index.last_seq
                    ),
                ));
                drop(index);
                SearchIndex::create(path)?
            }
            Ok(None) => {
                if last_seq > 0 {
                    notes.push(note(path, "search index missing; built from the database"));
                }
                SearchIndex::create(path)?
            }
            Err(reason) => {
                notes.push(note(
                    path,
                    &format!("search index unreadable ({reason}); rebuilt from the database"),
                ));
                SearchIndex::create(path)?
            }
        };
        if index.last_seq < last_seq {
            let n_behind = index.catch_up(records)?;
            if n_behind > 0
                && !notes
                    .iter()
                    .any(|existing| existing.input == note_input(path))
            {
                notes.push(note(
                    path,
                    &format!("search index was {n_behind} articles behind the database; caught up"),
                ));
            }
        }
        Ok(index)
    }

    /// The index at `path`, `None` when there is none, or why it cannot be used.
    fn try_open(path: &Path) -> std::result::Result<Option<SearchIndex>, String> {
        if !path.join("meta.json").exists() {
            return Ok(None);
        }
        let index = Index::open_in_dir(path).map_err(|error| error.to_string())?;
        let (expected_schema, fields) = schema();
        if index.schema() != expected_schema {
            return Err("its fields are not this build's".to_string());
        }
        let metas = index.load_metas().map_err(|error| error.to_string())?;
        let payload: Payload = match &metas.payload {
            Some(json) => serde_json::from_str(json)
                .map_err(|error| format!("its commit note is unreadable: {error}"))?,
            None => Payload {
                format: INDEX_FORMAT,
                last_seq: 0,
            },
        };
        if payload.format != INDEX_FORMAT {
            return Err(format!(
                "it has layout {}, this build writes {INDEX_FORMAT}",
                payload.format
            ));
        }
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|error: tantivy::TantivyError| error.to_string())?;
        Ok(Some(SearchIndex {
            path: path.to_path_buf(),
            index,
            reader,
            fields,
            writer: None,
            last_seq: payload.last_seq,
        }))
    }

    /// A new, empty index at `path`, replacing whatever was there.
    fn create(path: &Path) -> Result<SearchIndex> {
        if path.exists() {
            std::fs::remove_dir_all(path).map_err(|error| Error::Index {
                path: path.to_path_buf(),
                reason: format!("could not remove the old index: {error}"),
            })?;
        }
        std::fs::create_dir_all(path).map_err(|error| Error::Index {
            path: path.to_path_buf(),
            reason: format!("could not create the folder: {error}"),
        })?;
        let (schema, fields) = schema();
        let index =
            Index::create_in_dir(path, schema).map_err(|error| Error::index(path, &error))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|error| Error::index(path, &error))?;
        Ok(SearchIndex {
            path: path.to_path_buf(),
            index,
            reader,
            fields,
            writer: None,
            last_seq: 0,
        })
    }

    /// Indexes every article of `records` after the last one indexed, committing per chunk;
    /// returns how many were indexed.
    fn catch_up(&mut self, records: &dyn Records) -> Result<u64> {
        let mut n_indexed = 0;
        loop {
            let rows = records.articles_after(self.last_seq, REBUILD_CHUNK)?;
            let Some(last) = rows.last() else { break };
            let last_seq = last.seq;
            for row in rows {
                let annotated = records.annotated(row)?;
                self.add(&annotated)?;
                n_indexed += 1;
            }
            self.commit(last_seq)?;
        }
        Ok(n_indexed)
    }

    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            let writer = self
                .index
                .writer_with_num_threads(1, WRITER_MEMORY)
                .map_err(|error| match error {
                    tantivy::TantivyError::LockFailure(..) => Error::Index {
                        path: self.path.clone(),
                        reason: "another process is writing to it (another parallax ingest?); try again when it ends".to_string(),
                    },
                    error => Error::index(&self.path, &error),
                })?;
            self.writer = Some(writer);
        }
        Ok(self.writer.as_mut().expect("the writer was just set"))
    }

    /// Takes the index's write lock, so that a second writer fails before writing anything.
    pub(crate) fn lock_writer(&mut self) -> Result<()> {
        self.writer().map(|_| ())
    }

    /// Adds (or replaces) one article's document; visible after [`SearchIndex::commit`].
    pub(crate) fn add(&mut self, annotated: &Annotated) -> Result<()> {
        let fields = self.fields;
        let article = &annotated.article;
        let mut document = TantivyDocument::default();
        document.add_text(fields.id, article.id.as_str());
        if let Some(title) = &article.title {
            document.add_text(fields.title, title);
        }
        document.add_text(fields.text, &article.text);
        if let Some(outlet) = &article.outlet {
            document.add_text(fields.outlet, outlet.to_lowercase());
        }
        if let Some(date) = article.published {
            document.add_date(fields.published, date_time(date));
        }
        for entity in &annotated.entities {
            document.add_text(fields.entity, entity.name.to_lowercase());
        }
        let path = self.path.clone();
        let writer = self.writer()?;
        // Deleting first makes a re-run over the same articles (after a crash between the
        // database commit and the index commit) leave one document per article.
        writer.delete_term(Term::from_field_text(fields.id, article.id.as_str()));
        writer
            .add_document(document)
            .map_err(|error| Error::index(&path, &error))?;
        Ok(())
    }

    /// Commits what was added, noting that articles up to `last_seq` are indexed.
    pub(crate) fn commit(&mut self, last_seq: u64) -> Result<()> {
        let path = self.path.clone();
        let payload = serde_json::to_string(&Payload {
            format: INDEX_FORMAT,
            last_seq,
        })
        .expect("the payload serializes to JSON");
        let writer = self.writer()?;
        let mut prepared = writer
            .prepare_commit()
            .map_err(|error| Error::index(&path, &error))?;
        prepared.set_payload(&payload);
        prepared
            .commit()
            .map_err(|error| Error::index(&path, &error))?;
        self.last_seq = last_seq;
        self.reader
            .reload()
            .map_err(|error| Error::index(&path, &error))
    }

    /// Waits for the writer's background merges, so that the index on disk is compact.
    pub(crate) fn finish(&mut self) -> Result<()> {
        if let Some(writer) = self.writer.take() {
            writer
                .wait_merging_threads()
                .map_err(|error| Error::index(&self.path, &error))?;
        }
        Ok(())
    }

    /// The best `limit` articles for a query, best first.
    pub(crate) fn search(&self, query: &IndexQuery<'_>) -> Result<IndexHits> {
        let fields = self.fields;
        let mut parser = QueryParser::for_index(&self.index, vec![fields.title, fields.text]);
        parser.set_conjunction_by_default();
        let text_query = parser
            .parse_query(query.text)
            .map_err(|error| Error::Query {
                query: query.text.to_string(),
                reason: error.to_string(),
            })?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        if let Some(outlet) = query.outlet {
            clauses.push((Occur::Must, exact(fields.outlet, outlet)));
        }
        if let Some(entity) = query.entity {
            clauses.push((Occur::Must, exact(fields.entity, entity)));
        }
        if query.since.is_some() || query.until.is_some() {
            let bound = |date: Option<NaiveDate>| match date {
                Some(date) => {
                    Bound::Included(Term::from_field_date(fields.published, date_time(date)))
                }
                None => Bound::Unbounded,
            };
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(bound(query.since), bound(query.until))),
            ));
        }
        let combined = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let top = searcher
            .search(
                &combined,
                &TopDocs::with_limit(query.limit).order_by_score(),
            )
            .map_err(|error| Error::index(&self.path, &error))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let document: TantivyDocument = searcher
                .doc(address)
                .map_err(|error| Error::index(&self.path, &error))?;
            if let Some(id) = document
                .get_first(fields.id)
                .and_then(|value| value.as_str())
            {
                hits.push((ArticleId(id.to_string()), score));
            }
        }
        Ok(IndexHits {
            hits,
            query: text_query,
        })
    }

    /// A snippet generator for the article text and a parsed query.
    pub(crate) fn snippets(
        &self,
        query: &dyn Query,
        max_chars: usize,
    ) -> Result<tantivy::snippet::SnippetGenerator> {
        let searcher = self.reader.searcher();
        let mut generator =
            tantivy::snippet::SnippetGenerator::create(&searcher, query, self.fields.text)
                .map_err(|error| Error::index(&self.path, &error))?;
        generator.set_max_num_chars(max_chars);
        Ok(generator)
    }

    /// How many documents the index holds.
    pub(crate) fn n_documents(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The sequence number of the last article indexed.
    pub(crate) fn last_seq(&self) -> u64 {
        self.last_seq
    }
}

/// A query for one exact, case-insensitive value of a keyword field.
fn exact(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, &value.to_lowercase()),
        IndexRecordOption::Basic,
    ))
}

fn date_time(date: NaiveDate) -> DateTime {
    let seconds = date
        .and_hms_opt(0, 0, 0)
        .map(|time| time.and_utc().timestamp())
        .unwrap_or_default();
    DateTime::from_timestamp_secs(seconds)
}

fn note_input(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn note(path: &Path, message: &str) -> Diagnostic {
    Diagnostic::new(Severity::Note, note_input(path), message)
}
