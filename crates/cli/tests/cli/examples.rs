use crate::util::{TestEnv, workspace_root};
use parallax_eval::gold;

fn stories() -> Vec<String> {
    let gold_dir = workspace_root().join("examples").join("gold");
    let mut stories: Vec<String> = std::fs::read_dir(&gold_dir)
        .expect("examples/gold exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "json").then(|| path.file_stem()?.to_str().map(str::to_string))?
        })
        .collect();
    stories.sort();
    stories
}

/// The brief of the story with most articles in `dir`: the first of `--format jsonl`, one
/// brief per story (a feed in the folder may hold an unrelated item, a story of its own).
fn largest_story_brief(dir: &std::path::Path) -> serde_json::Value {
    let run = TestEnv::new().run(&[
        "brief",
        dir.to_str().expect("utf-8 path"),
        "--format",
        "jsonl",
    ]);
    run.expect_code(0);
    let stdout = run.stdout();
    let first = stdout.lines().next().expect("one brief per story");
    serde_json::from_str(first).expect("each line is a brief")
}

#[test]
fn the_corpus_has_two_or_more_stories() {
    assert!(stories().len() >= 2, "{:?}", stories());
}

#[test]
fn each_story_briefs_cleanly_with_every_source() {
    for story in stories() {
        let dir = workspace_root().join("examples").join(&story);
        let brief = largest_story_brief(&dir);
        let gold = gold::load(
            &workspace_root()
                .join("examples/gold")
                .join(format!("{story}.json")),
        )
        .expect("gold parses");
        let sources = brief["sources"].as_array().expect("sources");
        assert_eq!(sources.len(), gold.articles.len(), "{story}");
        assert!(
            !brief["consensus"].as_array().expect("consensus").is_empty(),
            "{story}: no consensus"
        );
    }
}

/// The file name of a source's input: `examples/story/feed.xml#item0` → `feed.xml`.
fn input_file(source: &serde_json::Value) -> String {
    let input = source["input"].as_str().expect("input");
    let path = input.split('#').next().unwrap_or(input);
    path.rsplit('/').next().unwrap_or(path).to_string()
}

/// Each source that re-publishes another one (gold `near_duplicate_of`) is marked as a copy of
/// it in the brief, and no other source is.
#[test]
fn near_duplicates_match_the_gold() {
    for story in stories() {
        let dir = workspace_root().join("examples").join(&story);
        let brief = largest_story_brief(&dir);
        let gold = gold::load(
            &workspace_root()
                .join("examples/gold")
                .join(format!("{story}.json")),
        )
        .expect("gold parses");
        let sources = brief["sources"].as_array().expect("sources");
        let mut found: Vec<(String, Option<String>)> = sources
            .iter()
            .map(|source| {
                let original = source["duplicate_of"].as_u64().map(|number| {
                    let original_idx = usize::try_from(number).expect("small number") - 1;
                    input_file(&sources[original_idx])
                });
                (input_file(source), original)
            })
            .collect();
        let mut expected: Vec<(String, Option<String>)> = gold
            .articles
            .iter()
            .map(|article| (article.file.clone(), article.near_duplicate_of.clone()))
            .collect();
        found.sort();
        expected.sort();
        assert_eq!(found, expected, "{story}");
    }
}

/// The brief against the gold file, per story. The floors are today's measured levels (see
/// BENCHMARKS.md): a change that lowers any of them fails here.
#[test]
fn each_story_meets_its_gold() {
    let mut n_quantity_disputes = (0, 0);
    let mut n_date_disputes = (0, 0);
    let mut n_agent_disputes = (0, 0);
    let mut n_assertion_disputes = (0, 0);
    for story in stories() {
        let root = workspace_root().join("examples");
        let gold =
            gold::load(&root.join("gold").join(format!("{story}.json"))).expect("gold parses");
        let (tally, misses) = gold::score_story(&root.join(&story), &gold);
        println!("{story}: {tally:?}\n{}", misses.join("\n"));
        assert_eq!(tally.sources_found, tally.sources, "{story}: sources");
        assert_eq!(
            tally.text_kept, tally.text,
            "{story}: gold wording lost from the clean text"
        );
        // FIXME(#3): every story but ferry-capsize removes all its boilerplate and reads all
        // its metadata. There, the old table-layout page's lines separated by `<br>` come out
        // of Readability joined ("…one manBy …", the date fused to "Printer-friendly
        // version"), so its menu lines, date and author's note stay; and the top of another
        // story that the print page runs after the article's end is kept as text.
        at_least(
            &story,
            "boilerplate removed",
            tally.boilerplate_removed,
            tally.boilerplate,
            0.85,
        );
        at_least(
            &story,
            "metadata",
            tally.metadata_correct,
            tally.metadata,
            0.95,
        );
        // FIXME(#5): sentence-level matching misses most paraphrases across independent
        // sources; claim alignment in the story stage is to raise this toward every agreement.
        at_least(
            &story,
            "agreements",
            tally.agreements_found,
            tally.agreements,
            0.55,
        );
        n_quantity_disputes.0 += tally.quantity_disputes_found;
        n_quantity_disputes.1 += tally.quantity_disputes;
        n_date_disputes.0 += tally.date_disputes_found;
        n_date_disputes.1 += tally.date_disputes;
        n_assertion_disputes.0 += tally.assertion_disputes_found;
        n_assertion_disputes.1 += tally.assertion_disputes;
        n_agent_disputes.0 += tally.agent_disputes_found;
        n_agent_disputes.1 += tally.agent_disputes;
        at_least(&story, "quotes", tally.quotes_found, tally.quotes, 0.9);
        at_least(
            &story,
            "speakers",
            tally.quote_speakers_correct,
            tally.quotes_found,
            0.75,
        );
        // FIXME(#5): rate-decision's "a spring election" (a season with no year, after "a")
        // is not found: 100 of its 101 gold dates are.
        at_least(&story, "dates found", tally.dates_found, tally.dates, 0.95);
        // FIXME(#4): ferry-capsize's values fall to 0.82: the print edition's timeline box
        // ("Saturday, 6 p.m. — …") gives the weekday and the clock as two expressions, a
        // survivor's quoted "quarter to seven" is read in the evening of the day before
        // publication, and the table-layout page has no date, so its relative dates stay
        // unresolved. Every other story is at 0.9 or more.
        at_least(
            &story,
            "date values",
            tally.date_values_correct,
            tally.dates_with_value,
            0.8,
        );
    }
    // Every gold dispute over numbers is found; a floor, not equality, so that a new story's
    // miss shows in `eval gold` before it fails the suite.
    at_least(
        "all",
        "quantity disputes",
        n_quantity_disputes.0,
        n_quantity_disputes.1,
        0.6,
    );
    // FIXME(#5): hospital-hack's "when the attackers got
    // in" ("on May 28", "in the last week of May", "since at least mid-April", "for less than a
    // day before they were detected") is told in sentences that share few words. wildfire's
    // evacuation order ("at 2:10 a.m. on Wednesday" against "only at 4:30 p.m.", "late on
    // Wednesday afternoon"): times of one day dispute nothing, the timeline compares days;
    // nor rate-decision's when the ministry learned of the decision (12:45, Thursday
    // afternoon, Wednesday night, Thursday morning); ferry-capsize's departure (06:10 against
    // "quarter to seven") and its gale warning (18:00 on Saturday against 07:15 on Sunday), times
    // again. Ten of the fourteen gold date disputes are found.
    at_least(
        "all",
        "date disputes",
        n_date_disputes.0,
        n_date_disputes.1,
        0.6,
    );
    // FIXME(#5): court-ruling's leaked draft: one outlet asserts that a draft "was in the
    // hands of" officials, others report it "had been shown to" them or deny it was "leaked",
    // and the analysis doubts it in other words again; no claim matches across them. Six of
    // the seven gold assertion disputes are found (wildfire's without the analyst's doubt, "I
    // would be cautious about the grounded planes"); prisoner-exchange's "a spy" and "sanctions
    // relief" and ferry-capsize's expired licence, denied in words that share too little with
    // the assertion ("a grain trader … on an invented charge", "propaganda for a domestic
    // audience"). Six of the ten are found.
    at_least(
        "all",
        "assertion disputes",
        n_assertion_disputes.0,
        n_assertion_disputes.1,
        0.6,
    );
    // FIXME(#5): hospital-hack's who was behind the attack ("claimed responsibility", "acting
    // for a hostile foreign power", "an inside job"): no class of acts reads who did the deed
    // itself; wildfire's who held up the evacuation order ("waiting for someone in Sorvanne",
    // "questions should be asked in the governor's office"), told without a verb of acting;
    // rate-decision's who pushed for the half-point ("proposed the larger move", "argued for a
    // half-point", "was the minister's number") and who leaked it ("the leak had come from").
    // prisoner-exchange's who opened the first channel ("carried the first messages", "first
    // brought the two sides together", "the first channel ran between"); ferry-capsize's who
    // was to blame and who rescued most survivors.
    // Ten of the seventeen gold agent disputes are found (hospital-hack's "who took the systems
    // offline" without its third side, "cut the network off on their own initiative";
    // court-ruling's police without "the order had come from …", which names no one acting).
    at_least(
        "all",
        "agent disputes",
        n_agent_disputes.0,
        n_agent_disputes.1,
        0.55,
    );
}

fn at_least(story: &str, what: &str, part: usize, whole: usize, floor: f64) {
    assert!(
        part as f64 >= whole as f64 * floor,
        "{story}: {what} {part}/{whole} is below the floor of {floor}"
    );
}
