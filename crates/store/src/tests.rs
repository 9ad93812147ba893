//! Unit tests of the store: idempotent writes, search, export, repairs, schema versions.

use super::*;
use parallax_model::{Article, Entity, EntityKind, Mention, Origin, RemovalReason, RemovedBlock};

fn open(folder: &Path) -> Store {
    Store::open(&Location::Folder(folder.to_path_buf())).expect("open the store")
}

/// An invented article: `text` by `outlet` on `date`, naming `entity` at its first word.
fn article(text: &str, outlet: &str, date: &str, entity: &str) -> Annotated {
    let mut article = Article::new(Origin::File(format!("{outlet}.txt")), text.to_string());
    article.outlet = Some(outlet.to_string());
    article.title = Some(format!("{outlet} headline"));
    article.published = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
    article.removed = vec![RemovedBlock {
        text: "Share this article".to_string(),
        reason: RemovalReason::Widget,
    }];
    let mut annotated = Annotated::new(article);
    annotated.entities.push(Entity {
        kind: EntityKind::Person,
        name: entity.to_string(),
        mentions: vec![Mention {
            range: 0..entity.len(),
            by_role: false,
        }],
        country: None,
        role: None,
    });
    annotated
}

/// Three invented articles of two outlets and two people.
pub(crate) fn corpus() -> Vec<Annotated> {
    vec![
        article(
            "Tova Marrin said the troops withdrew from the northern ridge overnight.",
            "Harbor Ledger",
            "2031-03-02",
            "Tova Marrin",
        ),
        article(
            "Engineers reopened the ridge road; a convoy of trucks crossed at dawn.",
            "Valley Post",
            "2031-03-04",
            "Ilse Varga",
        ),
        article(
            "The council voted to fund the bridge repairs before the spring floods.",
            "Valley Post",
            "2031-04-10",
            "Ilse Varga",
        ),
    ]
}

/// `articles` as a batch to write.
pub(crate) fn batch(articles: Vec<Annotated>) -> Batch {
    Batch {
        articles,
        ..Batch::default()
    }
}

fn check_search(store: &Store, query: SearchQuery, expected_outlets: &[&str]) {
    let hits = store.search(&query).expect("search");
    let outlets: Vec<&str> = hits
        .iter()
        .map(|hit| hit.outlet.as_deref().unwrap_or("?"))
        .collect();
    assert_eq!(outlets, expected_outlets, "{query:?}");
}

#[test]
fn writing_twice_stores_once() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    assert_eq!(store.write(&batch(corpus())).expect("write"), 3);
    assert_eq!(store.write(&batch(corpus())).expect("write again"), 0);
    let counts = store.counts().expect("counts");
    assert_eq!((counts.articles, counts.removed_blocks), (3, 3));
    assert_eq!(store.n_indexed(), 3);
    drop(store);
    let store = open(folder.path());
    assert!(store.notes().is_empty(), "{:?}", store.notes());
    assert_eq!(store.n_indexed(), 3);
}

#[test]
fn search_stems_phrases_and_filters() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    store.write(&batch(corpus())).expect("write");
    check_search(&store, SearchQuery::new("troop"), &["Harbor Ledger"]);
    check_search(&store, SearchQuery::new("\"ridge road\""), &["Valley Post"]);
    check_search(&store, SearchQuery::new("\"road ridge\""), &[]);
    let mut by_outlet = SearchQuery::new("ridge");
    by_outlet.outlet = Some("valley post".to_string());
    check_search(&store, by_outlet, &["Valley Post"]);
    let mut by_date = SearchQuery::new("the");
    by_date.since = NaiveDate::from_ymd_opt(2031, 3, 3);
    by_date.until = NaiveDate::from_ymd_opt(2031, 3, 31);
    check_search(&store, by_date, &["Valley Post"]);
    let mut by_entity = SearchQuery::new("ridge");
    by_entity.entity = Some("tova marrin".to_string());
    check_search(&store, by_entity, &["Harbor Ledger"]);

    let hits = store.search(&SearchQuery::new("troop")).expect("search");
    assert_eq!(hits[0].snippet.highlighted_text(), ["troops"]);
    let error = store
        .search(&SearchQuery::new("title:(unclosed"))
        .expect_err("a query that does not parse");
    assert!(error.to_string().contains("title:(unclosed"), "{error}");
}

#[test]
fn articles_round_trip() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    store.write(&batch(corpus())).expect("write");
    let read: Vec<Annotated> = store
        .articles()
        .collect::<Result<_>>()
        .expect("read the articles back");
    assert_eq!(read, corpus());
}

/// Each story as its id and number of articles.
fn sizes(stories: &[StorySummary]) -> Vec<(&str, usize)> {
    stories
        .iter()
        .map(|story| (story.id.0.as_str(), story.n_articles))
        .collect()
}

#[test]
fn stories_group_their_members() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    let articles = corpus();
    let ids: Vec<ArticleId> = articles.iter().map(|a| a.article.id.clone()).collect();
    let ridge = StoryId("ridge".to_string());
    let council = StoryId("council".to_string());
    store
        .write(&Batch {
            articles,
            story_changes: vec![
                join(&ids[0], &ridge),
                join(&ids[1], &ridge),
                join(&ids[2], &council),
            ],
            ..Batch::default()
        })
        .expect("write");
    let stories = store.stories(&StoryFilter::default()).expect("stories");
    let listed = sizes(&stories);
    assert_eq!(listed, [("council", 1), ("ridge", 2)]);
    assert_eq!(stories[1].outlets, ["Harbor Ledger", "Valley Post"]);
    assert_eq!(stories[1].title.as_deref(), Some("Harbor Ledger headline"));
    let filter = StoryFilter {
        outlet: Some("harbor ledger".to_string()),
        ..StoryFilter::default()
    };
    assert_eq!(store.stories(&filter).expect("stories").len(), 1);
    let filter = StoryFilter {
        since: NaiveDate::from_ymd_opt(2031, 4, 1),
        ..StoryFilter::default()
    };
    assert_eq!(store.stories(&filter).expect("stories")[0].id, council);
    let story = store.story(&ridge).expect("story").expect("stored");
    assert_eq!(story.articles.len(), 2);
    assert_eq!(store.story(&StoryId("none".into())).expect("story"), None);

    // Changes apply in order: a member placed in the batch moves with a merge that follows,
    // and so does every earlier member; a move after the merge takes one article out again.
    let more = vec![article(
        "The council voted again on the ridge road budget.",
        "Harbor Ledger",
        "2031-04-12",
        "Ilse Varga",
    )];
    let added = more[0].article.id.clone();
    store
        .write(&Batch {
            articles: more,
            story_changes: vec![
                join(&added, &council),
                StoryChange::Merge {
                    merged: council.clone(),
                    into: ridge.clone(),
                },
                join(&ids[2], &council),
            ],
            ..Batch::default()
        })
        .expect("write");
    let stories = store.stories(&StoryFilter::default()).expect("stories");
    let listed = sizes(&stories);
    assert_eq!(listed, [("ridge", 3), ("council", 1)]);
    assert_eq!(store.story_of(&added).expect("story of"), Some(ridge));
    assert_eq!(store.story_of(&ids[2]).expect("story of"), Some(council));
}

fn join(article: &ArticleId, story: &StoryId) -> StoryChange {
    StoryChange::Join {
        article: article.clone(),
        story: story.clone(),
    }
}

#[test]
fn profiles_are_read_one_by_one_and_after_an_article() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    let articles = corpus();
    let ids: Vec<ArticleId> = articles.iter().map(|a| a.article.id.clone()).collect();
    let profiles = ids
        .iter()
        .map(|id| (id.clone(), format!("{{\"of\":\"{id}\"}}")))
        .collect();
    store
        .write(&Batch {
            articles,
            profiles,
            ..Batch::default()
        })
        .expect("write");
    let json = store.profile(&ids[1]).expect("profile");
    assert_eq!(json, Some(format!("{{\"of\":\"{}\"}}", ids[1])));
    assert_eq!(
        store.profile(&ArticleId("none".into())).expect("profile"),
        None
    );
    let after: Vec<ArticleId> = store
        .profiles_after(&ids[0])
        .expect("profiles after")
        .expect("the article is stored")
        .map(|row| row.expect("row").0)
        .collect();
    assert_eq!(after, ids[1..]);
    assert!(
        store
            .profiles_after(&ArticleId("none".into()))
            .expect("read")
            .is_none()
    );
}

#[test]
fn corrupt_or_missing_index_is_rebuilt() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    store.write(&batch(corpus())).expect("write");
    store.finish().expect("finish");
    drop(store);

    std::fs::write(
        folder.path().join(INDEX_FOLDER).join("meta.json"),
        "{ not json",
    )
    .expect("damage the index");
    let store = open(folder.path());
    assert_eq!(store.notes().len(), 1);
    assert!(
        store.notes()[0].message.contains("rebuilt"),
        "{:?}",
        store.notes()
    );
    check_search(&store, SearchQuery::new("troop"), &["Harbor Ledger"]);
    drop(store);

    std::fs::remove_dir_all(folder.path().join(INDEX_FOLDER)).expect("remove the index");
    let store = open(folder.path());
    assert!(
        store.notes()[0].message.contains("missing"),
        "{:?}",
        store.notes()
    );
    assert_eq!(store.n_indexed(), 3);
}

#[test]
fn newer_schema_is_refused_and_older_migrated() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let database = folder.path().join(DATABASE_FILE);
    let old = sqlite::Sqlite::open(&database, 1).expect("a version-1 database");
    assert_eq!(old.schema_version().expect("version"), 1);
    drop(old);
    let store = open(folder.path());
    drop(store);
    let migrated = sqlite::Sqlite::open(&database, SCHEMA_VERSION).expect("reopen");
    assert_eq!(migrated.schema_version().expect("version"), SCHEMA_VERSION);
    drop(migrated);

    let connection = rusqlite::Connection::open(&database).expect("open with SQLite");
    connection
        .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
        .expect("pretend a newer parallax wrote it");
    drop(connection);
    let error = Store::open(&Location::Folder(folder.path().to_path_buf()))
        .expect_err("a newer database is refused");
    assert!(matches!(error, Error::NewerSchema { .. }), "{error}");
    assert!(error.to_string().contains(DATABASE_FILE), "{error}");
}

#[test]
fn read_only_database_is_a_clear_error() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    store.write(&batch(corpus()[..1].to_vec())).expect("write");
    store.finish().expect("finish");
    drop(store);
    let database = folder.path().join(DATABASE_FILE);
    let connection = rusqlite::Connection::open_with_flags(
        &database,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("open read-only");
    let mut read_only = sqlite::Sqlite::from_connection(connection, &database);
    let error = read_only
        .write(&batch(corpus()[1..].to_vec()))
        .expect_err("a read-only database refuses writes");
    assert!(matches!(error, Error::ReadOnly { .. }), "{error}");
    assert!(error.to_string().contains(DATABASE_FILE), "{error}");
    drop(read_only);
    check_holds(folder.path(), 1);
}

/// The store at `folder` holds exactly the articles of `corpus()[..n]`, readable and searchable.
fn check_holds(folder: &Path, n: usize) {
    let store = open(folder);
    let read: Vec<Annotated> = store
        .articles()
        .collect::<Result<_>>()
        .expect("read the articles back");
    assert_eq!(read, corpus()[..n].to_vec());
    assert_eq!(store.n_indexed(), n as u64);
}

/// A database over its own connection, with `setup` run on that connection first.
fn database_with(folder: &Path, setup: &str) -> sqlite::Sqlite {
    let database = folder.join(DATABASE_FILE);
    let connection = rusqlite::Connection::open(&database).expect("open with SQLite");
    connection
        .busy_timeout(std::time::Duration::from_millis(50))
        .expect("busy timeout");
    connection
        .execute_batch(setup)
        .expect("set up the connection");
    sqlite::Sqlite::from_connection(connection, &database)
}

#[test]
fn full_disk_is_a_clear_error_and_loses_nothing() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    store.write(&batch(corpus()[..1].to_vec())).expect("write");
    store.finish().expect("finish");
    drop(store);
    // SQLite's page limit stands in for a full disk: the file may not grow by one page.
    let page_count: i64 = rusqlite::Connection::open(folder.path().join(DATABASE_FILE))
        .and_then(|connection| connection.query_row("PRAGMA page_count", [], |row| row.get(0)))
        .expect("page count");
    let mut full = database_with(
        folder.path(),
        &format!("PRAGMA journal_mode = WAL; PRAGMA max_page_count = {page_count};"),
    );
    let mut large = corpus()[1..].to_vec();
    for annotated in &mut large {
        annotated.article.text = annotated.article.text.repeat(400);
    }
    let error = full
        .write(&batch(large))
        .expect_err("a database that cannot grow refuses the batch");
    assert!(matches!(error, Error::DiskFull { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.contains(DATABASE_FILE) && message.contains("disk is full"),
        "{message}"
    );
    drop(full);
    check_holds(folder.path(), 1);
}

#[test]
fn locked_database_is_a_clear_error_and_loses_nothing() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut store = open(folder.path());
    store.write(&batch(corpus()[..1].to_vec())).expect("write");
    store.finish().expect("finish");
    drop(store);
    // Another process in the middle of a write holds the lock.
    let holder = rusqlite::Connection::open(folder.path().join(DATABASE_FILE)).expect("open");
    holder
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the write lock");
    let mut waiting = database_with(folder.path(), "");
    let error = waiting
        .write(&batch(corpus()[1..].to_vec()))
        .expect_err("a locked database refuses the batch");
    assert!(matches!(error, Error::Locked { .. }), "{error}");
    assert!(error.to_string().contains("locked"), "{error}");
    holder.execute_batch("ROLLBACK").expect("release the lock");
    drop(holder);
    // The failed batch left nothing behind, and writing it again once the lock is gone works.
    assert_eq!(
        waiting
            .write(&batch(corpus()[1..].to_vec()))
            .expect("write"),
        2
    );
    drop(waiting);
    check_holds(folder.path(), 3);
}
