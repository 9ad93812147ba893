//! `parallax ingest`, `stories`, `search`, `export` and `brief --story` over a data folder.

use crate::util::TestEnv;
use parallax_engine::model::Annotated;

/// Invented articles: three about a ridge withdrawal, two about a bridge vote.
const ARTICLES: &[(&str, &str)] = &[
    (
        "ridge/ledger.txt",
        "Troops leave the northern ridge\n\nBy Tova Marrin\n\nMarch 2, 2031\n\nTroops withdrew from the northern ridge above Vell overnight, commanders said on Sunday, ending a standoff that had lasted nine weeks.\n\nThe withdrawal began after midnight and was complete by dawn, according to two officers who watched the convoy leave.\n",
    ),
    (
        "ridge/post.txt",
        "Ridge standoff ends as soldiers pull back\n\nBy Ilse Varga\n\nMarch 2, 2031\n\nSoldiers pulled back from the northern ridge above Vell during the night, ending a nine-week standoff, commanders told reporters on Sunday.\n\nResidents of Vell said they heard the trucks of the convoy leave before dawn.\n",
    ),
    (
        "ridge/courier.txt",
        "Convoy leaves ridge above Vell\n\nBy Oren Halloway\n\nMarch 3, 2031\n\nA convoy of troops left the northern ridge above Vell overnight, the commanders said, after a standoff of nine weeks.\n\nOfficers said the withdrawal was finished by dawn and that the ridge road would reopen.\n",
    ),
    (
        "bridge/ledger.txt",
        "Council funds bridge repairs in Dunmere\n\nBy Mara Quill\n\nApril 10, 2031\n\nThe Dunmere council voted on Thursday to fund repairs to the old stone bridge before the spring floods, after engineers warned that its piers were failing.\n\nThe repairs will cost about 2 million crowns and take four months, the council said.\n",
    ),
    (
        "bridge/post.txt",
        "Dunmere approves money for stone bridge\n\nBy Jonas Pell\n\nApril 10, 2031\n\nCouncillors in Dunmere approved money on Thursday to repair the old stone bridge, whose piers engineers say are failing, before the spring floods arrive.\n\nWork on the bridge is to start next month and last four months.\n",
    ),
];

fn corpus(env: &TestEnv) {
    for (name, text) in ARTICLES {
        env.write(name, text);
    }
}

fn ingest(env: &TestEnv) -> String {
    let run = env.run(&["ingest", "ridge", "bridge", "--data-dir", "data"]);
    run.expect_code(0);
    run.stderr()
}

#[test]
fn ingest_twice_adds_nothing_the_second_time() {
    let env = TestEnv::new();
    corpus(&env);
    let first = ingest(&env);
    assert!(first.contains("5 new articles"), "{first}");
    let stories_first = env.run(&["stories", "--data-dir", "data"]);
    stories_first.expect_code(0);
    let second = ingest(&env);
    assert!(second.contains("0 new articles"), "{second}");
    assert!(
        second.contains("(5 unchanged since the last ingest)"),
        "{second}"
    );
    assert!(second.contains("the store holds 5 articles"), "{second}");
    let stories_second = env.run(&["stories", "--data-dir", "data"]);
    assert_eq!(stories_first.stdout(), stories_second.stdout());
    assert!(!stories_first.stdout().is_empty());
}

#[test]
fn search_finds_stems_and_phrases_with_filters() {
    let env = TestEnv::new();
    corpus(&env);
    ingest(&env);
    let run = env.run(&["search", "troop", "--data-dir", "data"]);
    run.expect_code(0);
    let out = run.stdout();
    // Not a terminal: the matched words are in brackets.
    assert!(
        out.contains("[Troops]") || out.contains("[troops]"),
        "{out}"
    );
    assert_eq!(out.matches("[article ").count(), 2, "{out}");

    let phrase = env.run(&["search", "\"stone bridge\"", "--data-dir", "data"]);
    assert_eq!(
        phrase.stdout().matches("[article ").count(),
        2,
        "{}",
        phrase.stdout()
    );
    let dated = env.run(&[
        "search",
        "ridge",
        "--since",
        "2031-03-03",
        "--data-dir",
        "data",
    ]);
    assert_eq!(
        dated.stdout().matches("[article ").count(),
        1,
        "{}",
        dated.stdout()
    );
    let none = env.run(&["search", "\"bridge stone\"", "--data-dir", "data"]);
    none.expect_code(0);
    assert!(none.stdout().is_empty());
    let bad = env.run(&["search", "title:(unclosed", "--data-dir", "data"]);
    assert!(bad.stderr().contains("search query"), "{}", bad.stderr());
}

#[test]
fn export_round_trips_the_articles() {
    let env = TestEnv::new();
    corpus(&env);
    ingest(&env);
    let run = env.run(&["export", "--format", "jsonl", "--data-dir", "data"]);
    run.expect_code(0);
    let exported: Vec<Annotated> = run
        .stdout()
        .lines()
        .map(|line| serde_json::from_str(line).expect("an exported line is an annotated article"))
        .collect();
    assert_eq!(exported.len(), ARTICLES.len());
    for annotated in &exported {
        assert!(!annotated.sentences.is_empty());
        assert_eq!(
            annotated.article.id,
            parallax_engine::model::ArticleId::for_text(&annotated.article.text)
        );
    }
    let again = env.run(&["export", "--data-dir", "data"]);
    assert_eq!(again.stdout(), run.stdout());
}

#[test]
fn a_stored_story_is_briefed() {
    let env = TestEnv::new();
    corpus(&env);
    ingest(&env);
    let stories = env.run(&["stories", "--data-dir", "data", "--outlet", "nowhere"]);
    assert!(stories.stdout().is_empty());
    let stories = env.run(&["stories", "--data-dir", "data"]);
    let id = stories
        .stdout()
        .lines()
        .next()
        .and_then(|line| line.split('\t').next())
        .expect("a story")
        .to_string();
    let brief = env.run(&["brief", "--story", &id, "--data-dir", "data"]);
    brief.expect_code(0);
    assert!(brief.stdout().contains("Sources"), "{}", brief.stdout());
    let missing = env.run(&["brief", "--story", "nosuchstory", "--data-dir", "data"]);
    assert!(
        missing.stderr().contains("no story nosuchstory"),
        "{}",
        missing.stderr()
    );
}

#[test]
fn a_corrupt_index_is_rebuilt() {
    let env = TestEnv::new();
    corpus(&env);
    ingest(&env);
    env.write("data/index/meta.json", "{ broken");
    let run = env.run(&["search", "troop", "--data-dir", "data"]);
    run.expect_code(0);
    assert!(run.stderr().contains("rebuilt"), "{}", run.stderr());
    assert_eq!(run.stdout().matches("[article ").count(), 2);
}

#[test]
fn a_newer_database_is_refused() {
    let env = TestEnv::new();
    corpus(&env);
    ingest(&env);
    let connection =
        rusqlite::Connection::open(env.path("data/parallax.sqlite3")).expect("open the database");
    connection
        .execute_batch("PRAGMA user_version = 999")
        .expect("pretend a newer parallax wrote it");
    drop(connection);
    let run = env.run(&["stories", "--data-dir", "data"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("schema version 999"),
        "{}",
        run.stderr()
    );
    assert!(
        run.stderr().contains("parallax.sqlite3"),
        "{}",
        run.stderr()
    );
}
